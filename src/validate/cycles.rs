//! Chains that must not close on themselves: a project that depends on itself through
//! others, a unit that lies above itself through its parents.

use std::ops::Range;

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{EntityKind as K, Ref};
use crate::source::FileId;

pub fn check(checker: &mut Checker<'_>) {
    let model = checker.model;
    let projects: Vec<Node<'_>> = model
        .projects
        .iter()
        .map(|project| Node {
            name: &project.id,
            file: project.origin.file,
            edges: project.depends_on.iter().collect(),
        })
        .collect();
    report(checker, K::Project, &projects, |chain| {
        Diagnostic::error(format!("Die Abhängigkeiten der Projekte bilden einen Kreis: {chain}"))
            .hint("Ein Projekt kann nicht, auch nicht über andere Projekte, von sich selbst abhängen. Entfernen Sie eine der Abhängigkeiten in `depends_on`.")
    });
    let units: Vec<Node<'_>> = model
        .units
        .iter()
        .map(|unit| Node { name: unit.id.get_ref(), file: unit.origin.file, edges: unit.parent.iter().collect() })
        .collect();
    report(checker, K::Unit, &units, |chain| {
        Diagnostic::error(format!("Die übergeordneten Einheiten bilden einen Kreis: {chain}"))
            .hint("Eine Organisationseinheit kann nicht, auch nicht über andere, über sich selbst stehen. Korrigieren Sie eines der `parent`.")
    });
}

/// One entity with the references that lead on from it.
struct Node<'m> {
    name: &'m str,
    file: FileId,
    edges: Vec<&'m Ref>,
}

/// Reports each cycle once, at the reference that closes it; a reference to itself has its
/// own message elsewhere.
fn report(checker: &mut Checker<'_>, kind: K, nodes: &[Node<'_>], error: impl Fn(&str) -> Diagnostic) {
    let model = checker.model;
    let edges: Vec<Vec<(usize, Range<usize>)>> = nodes
        .iter()
        .enumerate()
        .map(|(index, node)| {
            node.edges
                .iter()
                .filter_map(|reference| {
                    let target = model.lookup(kind, reference.get_ref())?.index;
                    (target != index && target < nodes.len()).then(|| (target, reference.span()))
                })
                .collect()
        })
        .collect();
    for (cycle, span) in cycles(&edges) {
        let last = cycle[cycle.len() - 1];
        checker.report(error(&chain(nodes, &cycle)).at(nodes[last].file, span, "schließt den Kreis"));
    }
}

/// `A → B → C → A`; a long circle with its middle left out.
fn chain(nodes: &[Node<'_>], cycle: &[usize]) -> String {
    const SHOWN: usize = 12;
    let mut names: Vec<String> = cycle.iter().take(SHOWN).map(|&index| nodes[index].name.to_owned()).collect();
    if cycle.len() > SHOWN {
        names.push(format!("… ({} weitere)", cycle.len() - SHOWN));
        names.push(nodes[cycle[cycle.len() - 1]].name.to_owned());
    }
    names.push(nodes[cycle[0]].name.to_owned());
    names.join(" → ")
}

/// Every cycle a depth-first search closes, with the span of the closing edge; linear in
/// nodes and edges, and without recursion, so that a chain of 50,000 cannot overflow the
/// stack.
fn cycles(edges: &[Vec<(usize, Range<usize>)>]) -> Vec<(Vec<usize>, Range<usize>)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; edges.len()];
    let mut found = Vec::new();
    for start in 0..edges.len() {
        if state[start] != State::New {
            continue;
        }
        // The open path: each node with the next of its edges to follow.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = State::Open;
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let Some((target, span)) = edges[node].get(*next) else {
                state[node] = State::Done;
                path.pop();
                continue;
            };
            *next += 1;
            match state[*target] {
                State::New => {
                    state[*target] = State::Open;
                    path.push((*target, 0));
                }
                State::Open => {
                    let from = path.iter().position(|(n, _)| n == target).unwrap_or(0);
                    found.push((path[from..].iter().map(|(n, _)| *n).collect(), span.clone()));
                }
                State::Done => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::cycles;

    #[test]
    fn finds_each_cycle_once_and_nothing_in_a_tree() {
        let edge = |to: usize| (to, 0..0);
        let tree = vec![vec![edge(1), edge(2)], vec![edge(2)], vec![]];
        assert!(cycles(&tree).is_empty());
        let ring = vec![vec![edge(1)], vec![edge(2)], vec![edge(0)], vec![edge(0)]];
        let found = cycles(&ring);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, vec![0, 1, 2]);
        let long: Vec<_> = (0..100_000).map(|i| vec![edge((i + 1) % 100_000)]).collect();
        assert_eq!(cycles(&long)[0].0.len(), 100_000);
    }
}
