//! Random sites assembled from the minimal site's files and broken pieces: whatever the
//! mix, a build never panics, never hangs, and when it fails it leaves the previous output
//! byte for byte as it was.

use proptest::prelude::*;

use super::{built_base, leftovers, lotse, tree};

/// Files of the minimal site that the mix changes.
const FILES: &[&str] = &[
    "content/site.toml",
    "content/units.toml",
    "content/flows.toml",
    "content/raci.toml",
    "content/roles/fachamtsleitung.toml",
    "content/bodies/digit-dialog.toml",
    "content/pages/einfuehrung.md",
    "content/premises/01-fachverantwortung.md",
    "content/projects/P-2026-001.toml",
    "content/periods/2026-Q3.toml",
    "content/papers/digit-portfolio-2026.md",
    "content/staffing.toml",
];

/// Broken or nasty pieces to put into a file.
const PIECES: &[&str] = &[
    "",
    "+++\n",
    "+++\ntitle = \"x\"\n",
    "name = \"",
    "[[unit]]\nid = \"10\"\n",
    "depends_on = [\"P-2026-001\"]\n",
    "[x](javascript:alert(1))\n",
    "![x](https://example.org/x.png)\n",
    "# Überschrift 🚀 <script>\n",
    "\u{feff}\r\n\r\n",
    "approved = inf\n",
    "[[[[[[[[[[[[[[[[[[[[",
    "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > - x\n",
    "title = 'a'\ntitle = 'b'\n",
    "#set page(width: 1pt)\n$ $ #{ }\n",
    "{{ config }} {% include \"x\" %}\n",
];

/// What happens to one file.
#[derive(Debug, Clone)]
enum Change {
    Keep,
    Remove,
    Truncate(usize),
    Append(usize),
    Replace(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => Just(Change::Keep),
        1 => Just(Change::Remove),
        1 => (0usize..2000).prop_map(Change::Truncate),
        2 => (0..PIECES.len()).prop_map(Change::Append),
        1 => (0..PIECES.len()).prop_map(Change::Replace),
    ]
}

fn apply(site: &std::path::Path, file: &str, change: &Change) {
    let path = site.join(file);
    let text = std::fs::read(&path).unwrap_or_default();
    let changed: Option<Vec<u8>> = match change {
        Change::Keep => Some(text),
        Change::Remove => None,
        Change::Truncate(at) => Some(text[..(*at).min(text.len())].to_vec()),
        Change::Append(piece) => Some([text, PIECES[*piece].as_bytes().to_vec()].concat()),
        Change::Replace(piece) => Some(PIECES[*piece].as_bytes().to_vec()),
    };
    match changed {
        Some(bytes) => std::fs::write(&path, bytes).expect("write"),
        None => {
            let _ = std::fs::remove_file(&path);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_mix_of_valid_and_broken_pieces_never_panics_and_never_spoils_the_output(
        changes in proptest::collection::vec(change(), FILES.len())
    ) {
        let folder = tempfile::tempdir().expect("temp dir");
        crate::harness::copy_tree(built_base(), folder.path());
        let site = folder.path().join("site");
        for (file, change) in FILES.iter().zip(&changes) {
            apply(&site, file, change);
        }
        let before = tree(&site.join("output"));
        let (code, messages) = lotse(&site, &[]);
        prop_assert!(matches!(code, Some(0..=2)), "exit status {code:?}:\n{messages}");
        prop_assert!(!messages.contains("panicked at"), "no panic:\n{messages}");
        prop_assert!(leftovers(&site).is_empty(), "no leftovers");
        if code == Some(0) {
            prop_assert!(site.join("output/index.html").is_file());
        } else {
            prop_assert!(tree(&site.join("output")) == before, "a failed build keeps the output:\n{messages}");
        }
    }
}
