//! The whole content of a site in one typed value, with lookups by id and alias.

use std::collections::BTreeMap;

use super::*;
use crate::source::FileId;

/// The kinds of entity that content can refer to by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Level,
    Unit,
    Role,
    Body,
    Activity,
    Premise,
    Challenge,
    Term,
    Goal,
    Criterion,
    Kpi,
    Project,
    Demand,
    Period,
    Paper,
    Decision,
    Page,
}

impl EntityKind {
    /// "Unbekannte Rolle", "Unbekanntes Gremium": the noun with the right adjective ending.
    pub fn unknown(self) -> String {
        let ending = match self {
            EntityKind::Body
            | EntityKind::Project
            | EntityKind::Goal
            | EntityKind::Challenge
            | EntityKind::Criterion => "es",
            EntityKind::Demand | EntityKind::Term => "er",
            _ => "e",
        };
        format!("Unbekannt{ending} {}", self.label())
    }

    /// The German noun users read in messages.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Level => "Ebene",
            EntityKind::Unit => "Organisationseinheit",
            EntityKind::Role => "Rolle",
            EntityKind::Body => "Gremium",
            EntityKind::Activity => "RACI-Aktivität",
            EntityKind::Premise => "Prämisse",
            EntityKind::Challenge => "Handlungsfeld",
            EntityKind::Term => "Glossarbegriff",
            EntityKind::Goal => "Ziel",
            EntityKind::Criterion => "Priorisierungskriterium",
            EntityKind::Kpi => "Kennzahl",
            EntityKind::Project => "Projekt",
            EntityKind::Demand => "Bedarf",
            EntityKind::Period => "Berichtsperiode",
            EntityKind::Paper => "Vorlage",
            EntityKind::Decision => "Entscheidung",
            EntityKind::Page => "Seite",
        }
    }
}

/// The schemes of content links (`[Text](role:leitung-it)`) and the kind each names:
/// the one table that validation and both renderers use.
pub const LINK_SCHEMES: &[(&str, EntityKind)] = &[
    ("role", EntityKind::Role),
    ("body", EntityKind::Body),
    ("unit", EntityKind::Unit),
    ("premise", EntityKind::Premise),
    ("project", EntityKind::Project),
    ("demand", EntityKind::Demand),
    ("paper", EntityKind::Paper),
    ("decision", EntityKind::Decision),
    ("page", EntityKind::Page),
    ("term", EntityKind::Term),
];

impl EntityKind {
    /// The kind a content-link scheme names (`role` → [`EntityKind::Role`]).
    pub fn of_scheme(scheme: &str) -> Option<EntityKind> {
        LINK_SCHEMES.iter().find(|(name, _)| *name == scheme).map(|(_, kind)| *kind)
    }
}

/// The kinds a flow, an interface or a member connects: a role, a body or a unit.
pub const ACTORS: &[EntityKind] = &[EntityKind::Role, EntityKind::Body, EntityKind::Unit];

/// How a name was found in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdEntry {
    /// Position in the kind's list.
    pub index: usize,
    /// The canonical id; differs from the looked-up name when that was an alias.
    pub canonical: String,
    /// The looked-up name is the id of a role merged into this one (see `Role::merged`).
    pub merged: bool,
}

/// Entities that exist in `content/` but could not be parsed; their problem is already reported.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Files of one entity each (`roles/x.toml`) that failed to parse, by kind and id.
    pub ids: std::collections::BTreeSet<(EntityKind, String)>,
    /// Kinds whose list file (`units.toml`) failed to parse: any id of them may exist.
    pub kinds: std::collections::BTreeSet<EntityKind>,
}

impl Gaps {
    /// Whether `name` may name an entity that could not be read.
    pub fn covers(&self, kind: EntityKind, name: &str) -> bool {
        self.kinds.contains(&kind) || self.ids.contains(&(kind, name.to_owned()))
    }
}

/// What each reference in the content resolved to during validation, by the file and the
/// byte offset where it is written.
#[derive(Debug, Default)]
pub struct Resolved(BTreeMap<(FileId, usize), (EntityKind, usize)>);

impl Resolved {
    pub fn record(&mut self, file: FileId, offset: usize, kind: EntityKind, index: usize) {
        self.0.insert((file, offset), (kind, index));
    }

    /// The kind and index of what the reference written at `offset` in `file` names.
    pub fn get(&self, file: FileId, offset: usize) -> Option<(EntityKind, usize)> {
        self.0.get(&(file, offset)).copied()
    }
}

/// Everything `content/` says, as typed values.
#[derive(Debug, Default)]
pub struct Model {
    pub levels: Vec<Level>,
    pub units: Vec<Unit>,
    pub roles: Vec<Role>,
    pub bodies: Vec<Body>,
    pub flows: Vec<Flow>,
    pub raci_note: String,
    pub activities: Vec<Activity>,
    pub premises: Vec<Premise>,
    pub challenges: Vec<Challenge>,
    pub staffing: Option<Staffing>,
    pub terms: Vec<Term>,
    pub goals: Vec<Goal>,
    pub criteria: Vec<Criterion>,
    pub kpis: Vec<Kpi>,
    pub projects: Vec<Project>,
    pub demands: Vec<Demand>,
    pub periods: Vec<Period>,
    pub papers: Vec<Paper>,
    pub decisions: Vec<Decision>,
    pub sources: Vec<Source>,
    pub readings: Vec<Reading>,
    pub pages: Vec<Page>,
    /// What could not be read: references to it are not reported a second time.
    pub gaps: Gaps,
    /// What each checked reference names; filled by validation.
    pub resolved: Resolved,
    /// Which readings of `sources.toml` apply to what; filled by validation.
    pub reading_targets: super::ReadingTargets,
    index: BTreeMap<EntityKind, BTreeMap<String, IdEntry>>,
}

impl Model {
    /// Looks up an id or alias of the given kind.
    pub fn lookup(&self, kind: EntityKind, name: &str) -> Option<&IdEntry> {
        self.index.get(&kind)?.get(name)
    }

    /// All ids and aliases of a kind, for "did you mean" suggestions.
    pub fn names(&self, kind: EntityKind) -> impl Iterator<Item = &str> {
        self.index.get(&kind).into_iter().flat_map(|names| names.keys().map(String::as_str))
    }

    /// The canonical ids of a kind with their positions, without aliases.
    pub fn ids(&self, kind: EntityKind) -> Vec<(&str, usize)> {
        let Some(names) = self.index.get(&kind) else { return Vec::new() };
        names
            .iter()
            .filter(|(name, entry)| **name == entry.canonical)
            .map(|(name, entry)| (name.as_str(), entry.index))
            .collect()
    }

    /// Registers a name; returns the entry it collides with, if any, and keeps the first.
    pub fn register(&mut self, kind: EntityKind, name: &str, entry: IdEntry) -> Option<IdEntry> {
        let names = self.index.entry(kind).or_default();
        if let Some(existing) = names.get(name) {
            return Some(existing.clone());
        }
        names.insert(name.to_owned(), entry);
        None
    }

    /// What the reference written in `file` names, as validation resolved it: the kind and
    /// index of the entity. A reference validation did not record (a model built in code)
    /// is looked up by name among `kinds`.
    pub fn target(&self, file: FileId, reference: &Ref, kinds: &[EntityKind]) -> Option<(EntityKind, usize)> {
        self.resolved.get(file, reference.span().start).filter(|(kind, _)| kinds.contains(kind)).or_else(|| {
            kinds.iter().find_map(|&kind| self.lookup(kind, reference.get_ref()).map(|entry| (kind, entry.index)))
        })
    }

    /// The project a status of `period` reports on, as validation resolved it.
    pub fn project_of(&self, period: &Period, status: &Status) -> Option<&Project> {
        self.target(period.origin.file, &status.project, &[EntityKind::Project]).map(|(_, i)| &self.projects[i])
    }

    /// Whether the reference written in `file` names the entity of `kind` with the id `id`.
    pub fn refers_to(&self, file: FileId, reference: &Ref, kind: EntityKind, id: &str) -> bool {
        self.lookup(kind, id).is_some_and(|entry| self.target(file, reference, &[kind]) == Some((kind, entry.index)))
    }

    /// The name readers see for the entity an id or alias names; the id itself if it
    /// names nothing (a broken reference, which validation has reported already).
    pub fn name_or_id<'a>(&'a self, kind: EntityKind, id: &'a str) -> &'a str {
        self.lookup(kind, id).and_then(|entry| self.display_name(kind, entry.index)).unwrap_or(id)
    }

    /// The name readers see for the entity at `index` of a kind.
    pub fn display_name(&self, kind: EntityKind, index: usize) -> Option<&str> {
        Some(match kind {
            EntityKind::Level => &self.levels.get(index)?.name,
            EntityKind::Unit => &self.units.get(index)?.name,
            EntityKind::Role => &self.roles.get(index)?.name,
            EntityKind::Body => &self.bodies.get(index)?.name,
            EntityKind::Activity => &self.activities.get(index)?.name,
            EntityKind::Premise => &self.premises.get(index)?.title,
            EntityKind::Challenge => &self.challenges.get(index)?.title,
            EntityKind::Term => self.terms.get(index)?.term.get_ref(),
            EntityKind::Goal => &self.goals.get(index)?.name,
            EntityKind::Criterion => &self.criteria.get(index)?.name,
            EntityKind::Kpi => &self.kpis.get(index)?.name,
            EntityKind::Project => &self.projects.get(index)?.title,
            EntityKind::Demand => &self.demands.get(index)?.title,
            EntityKind::Period => &self.periods.get(index)?.id,
            EntityKind::Paper => &self.papers.get(index)?.name,
            EntityKind::Decision => &self.decisions.get(index)?.subject,
            EntityKind::Page => &self.pages.get(index)?.title,
        })
    }

    /// The period that reports are made as of: `wanted` (an id), else the latest.
    pub fn period_as_of(&self, wanted: Option<&str>) -> Option<&Period> {
        match wanted {
            Some(id) => self.periods.iter().find(|period| period.id == id),
            None => self.periods.iter().max_by_key(|period| *period.date.get_ref()),
        }
    }
}
