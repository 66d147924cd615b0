//! Rebuilding through a [`Session`] after edits gives the tree a full build of the same
//! content gives, byte for byte, and writes only what changed.

use std::fs;
use std::path::Path;

use lotse::build::{BuildOptions, Rebuilt, Session};

use crate::harness;
use crate::site::all_files;

/// A small deterministic random source (xorshift), so that a failure repeats.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One edit an author makes, keeping the content valid.
fn edit(root: &Path, dice: &mut Dice, step: usize) {
    let content = root.join("content");
    match dice.below(5) {
        0 => {
            let role = content.join("roles/digit-beraterin.toml");
            let text = fs::read_to_string(&role).unwrap();
            fs::write(&role, text.replacen("name = \"", &format!("name = \"N{step} "), 1)).unwrap();
        }
        1 => fs::write(
            content.join(format!("pages/neu-{}.md", dice.below(3))),
            format!("+++\ntitle = \"Neue Seite {step}\"\n+++\n\nText {step} mit [Einführung](page:einfuehrung).\n"),
        )
        .unwrap(),
        2 => {
            let gone = content.join(format!("pages/neu-{}.md", dice.below(3)));
            let _ = fs::remove_file(gone);
        }
        3 => {
            let page = content.join("pages/einfuehrung.md");
            let text = fs::read_to_string(&page).unwrap();
            fs::write(&page, format!("{text}\nAbsatz {step}.\n")).unwrap();
        }
        _ => {
            let glossary = content.join("glossary.toml");
            let text = fs::read_to_string(&glossary).unwrap();
            fs::write(&glossary, text.replacen("definition = \"", &format!("definition = \"({step}) "), 1)).unwrap();
        }
    }
}

fn rebuilt(session: &mut Session) -> (Vec<String>, Vec<String>) {
    match session.rebuild().unwrap() {
        Rebuilt::Built { changed, removed, .. } => (changed, removed),
        Rebuilt::Invalid(loaded) => panic!("{:?}", lotse::build::sorted_diagnostics(&loaded)),
    }
}

#[test]
fn a_sequence_of_random_edits_rebuilds_to_the_bytes_of_a_full_build() {
    let site = harness::copy_minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    // One fixed time for the changes both date, and the full build starts from the same
    // previous publication as the rebuild: a copy of the output before the edit.
    let now = Some(lotse::published::Stamp(1_900_000_000));
    let mut options = BuildOptions::new(output.clone());
    options.now = now;
    let mut session = Session::new(site.path(), options);
    let (first, _) = rebuilt(&mut session);
    assert!(first.len() > 20, "the first rebuild writes the whole site");
    let (unchanged, removed) = rebuilt(&mut session);
    assert!(unchanged.is_empty() && removed.is_empty(), "nothing changed, nothing written: {unchanged:?}");
    let mut dice = Dice(0x5eed);
    for step in 0..12 {
        let fresh = out.path().join(format!("full-{step}"));
        harness::copy_tree(&output, &fresh);
        edit(site.path(), &mut dice, step);
        let (changed, _) = rebuilt(&mut session);
        assert!(changed.len() < first.len(), "step {step} rewrote everything");
        let checked = lotse::build::check(site.path()).unwrap();
        let mut options = BuildOptions::new(fresh.clone());
        options.cache = None;
        options.now = now;
        lotse::build::build(site.path(), &checked, &options).unwrap();
        assert!(all_files(&output) == all_files(&fresh), "step {step}: the rebuilt tree differs from a full build");
    }
}

#[test]
fn an_edit_that_breaks_the_content_keeps_the_last_good_output() {
    let site = harness::copy_minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let mut session = Session::new(site.path(), BuildOptions::new(output.clone()));
    rebuilt(&mut session);
    let before = all_files(&output);
    let role = site.path().join("content/roles/digit-beraterin.toml");
    let good = fs::read_to_string(&role).unwrap();
    fs::write(&role, format!("{good}\nunbekannt = 1\n")).unwrap();
    assert!(matches!(session.rebuild().unwrap(), Rebuilt::Invalid(_)));
    assert!(all_files(&output) == before, "the output stays as it was");
    fs::write(&role, good).unwrap();
    let (changed, _) = rebuilt(&mut session);
    assert!(changed.is_empty(), "fixing the file restores the same site: {changed:?}");
}
