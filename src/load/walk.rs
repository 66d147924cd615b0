//! Lists the files of a content folder in a stable order and checks their names.

use std::path::{Path, PathBuf};

use super::Loader;
use super::read::shown;
use crate::boundary::Walk;
use crate::diag::{Diagnostic, nearest};
use crate::model::EntityKind;
use crate::model::slug::{is_code, is_slug, slugify};

/// What one walk lists.
#[derive(Clone, Copy)]
struct Listing<'a> {
    extension: &'a str,
    naming: Naming,
    recursive: bool,
}

/// A file to load, its path relative to the site root, and the id its name gives.
#[derive(Debug, Clone)]
pub struct Entry {
    pub relative: PathBuf,
    pub id: String,
    /// The `NN` of `premises/NN-id.md`; 0 elsewhere.
    pub order: u32,
}

/// How a folder's file names become ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// `leitung-it.toml`
    Slug,
    /// `P-2030-001.toml`
    Code,
    /// `2030-Q3.toml`
    Period,
    /// `08-offene-standards.md`
    Numbered,
}

/// The top-level files and folders of `content/`, for spotting misspelt names.
pub const KNOWN: &[&str] = &[
    "site.toml",
    "vocabulary.toml",
    "levels.toml",
    "units.toml",
    "flows.toml",
    "raci.toml",
    "challenges.toml",
    "staffing.toml",
    "glossary.toml",
    "goals.toml",
    "kpis.toml",
    "sources.toml",
    "pages",
    "roles",
    "bodies",
    "premises",
    "projects",
    "demands",
    "periods",
    "papers",
    "decisions",
];

impl Loader<'_> {
    /// The files of `content/<folder>` with the given extension, sorted by name;
    /// with `recursive`, subfolders too (their path becomes part of the id). A file where
    /// the folder should be is one error, and the entities of `kind` count as unread, so
    /// that references to them do not add a follow-on error each.
    pub(super) fn entries(
        &mut self,
        folder: &str,
        extension: &str,
        naming: Naming,
        recursive: bool,
        kind: EntityKind,
    ) -> Vec<Entry> {
        let base = Path::new("content").join(folder);
        let mut entries = Vec::new();
        if std::fs::symlink_metadata(self.root.join(&base)).is_ok() && !self.root.join(&base).is_dir() {
            if self.model.gaps.kinds.insert(kind) {
                self.diagnostics.push(
                    Diagnostic::error(format!("{}: ist eine Datei; hier wird ein Ordner erwartet", shown(&base)))
                        .hint(format!(
                            "In `content/{folder}/` steht je {} eine Datei. Benennen Sie die Datei um und legen Sie den Ordner an.",
                            kind.label()
                        )),
                );
            }
            return entries;
        }
        let boundary = self.boundary.clone();
        let mut walk = boundary.walk();
        self.collect(&mut walk, &base, &base, Listing { extension, naming, recursive }, &mut entries);
        entries
    }

    fn collect(&mut self, walk: &mut Walk<'_>, base: &Path, dir: &Path, listing: Listing<'_>, out: &mut Vec<Entry>) {
        if let Err(escape) = walk.enter(&self.root.join(dir)) {
            self.diagnostics.push(super::read::escaped(dir, &escape));
            return;
        }
        for (name, is_dir) in self.listing(dir) {
            let relative = dir.join(&name);
            let Some(stem) = name.strip_suffix(&format!(".{}", listing.extension)) else {
                if is_dir && listing.recursive {
                    if is_slug(&name) {
                        self.collect(walk, base, &relative, listing, out);
                    } else {
                        self.bad_name(&relative, "Ordnernamen werden Teil der Adresse: nur Kleinbuchstaben, Ziffern und `-`, Umlaute umschrieben (ä → ae, ß → ss)", &name);
                    }
                }
                continue;
            };
            let prefix = relative.parent().and_then(|parent| parent.strip_prefix(base).ok()).unwrap_or(Path::new(""));
            if let Some(entry) = self.name_entry(&relative, prefix, stem, listing.naming) {
                out.push(entry);
            }
        }
    }

    /// The names in a folder that Lotse looks at (not hidden, not editor backups), sorted,
    /// each with whether it is a folder (after following a link).
    fn listing(&self, dir: &Path) -> Vec<(String, bool)> {
        let Ok(listing) = std::fs::read_dir(self.root.join(dir)) else { return Vec::new() };
        let mut names: Vec<(String, bool)> = listing
            .flatten()
            .map(|entry| (entry.file_name().to_string_lossy().into_owned(), entry.path().is_dir()))
            .filter(|(name, _)| !name.starts_with('.') && !name.ends_with('~'))
            .collect();
        names.sort();
        names
    }

    fn name_entry(&mut self, relative: &Path, prefix: &Path, stem: &str, naming: Naming) -> Option<Entry> {
        let (order, id) = match naming {
            Naming::Numbered => match stem.split_once('-').and_then(|(nn, id)| Some((nn.parse::<u32>().ok()?, id))) {
                Some((order, id)) => (order, id),
                None => {
                    self.bad_name(
                        relative,
                        "Der Dateiname muss mit einer Nummer beginnen, z. B. `08-offene-standards.md`",
                        stem,
                    );
                    return None;
                }
            },
            _ => (0, stem),
        };
        let valid = match naming {
            Naming::Slug | Naming::Numbered => is_slug(id),
            Naming::Code => is_code(id),
            Naming::Period => is_period_id(id),
        };
        if !valid {
            let expected = match naming {
                Naming::Period => {
                    "Der Dateiname einer Berichtsperiode ist ein Quartal, ein Halbjahr oder ein Jahr: `2030-Q3.toml`, `2030-H1.toml` oder `2030.toml`"
                }
                Naming::Code => {
                    "Der Dateiname darf nur Buchstaben, Ziffern, `-` und `.` enthalten, z. B. `P-2030-001.toml`"
                }
                _ => {
                    "Der Dateiname ist die ID: nur Kleinbuchstaben, Ziffern und `-`, Umlaute umschrieben (ä → ae, ß → ss)"
                }
            };
            self.bad_name(relative, expected, id);
            return None;
        }
        // `index` would become the section's own overview page.
        if id.eq_ignore_ascii_case("index") {
            self.diagnostics.push(
                Diagnostic::error(format!("{}: der Dateiname `index` ist reserviert", shown(relative))).hint(
                    "Unter diesem Namen steht die Übersichtsseite des Bereichs; wählen Sie einen anderen Dateinamen.",
                ),
            );
            return None;
        }
        let mut full_id =
            prefix.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>();
        full_id.push(id.to_owned());
        Some(Entry { relative: relative.to_path_buf(), id: full_id.join("/"), order })
    }

    fn bad_name(&mut self, relative: &Path, expected: &str, id: &str) {
        let mut diagnostic = Diagnostic::error(format!("{}: ungültiger Dateiname", shown(relative))).hint(expected);
        let suggestion = slugify(id);
        let extension = relative.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        if !suggestion.is_empty() && suggestion != id && !id.contains('Q') {
            diagnostic =
                diagnostic.hint(format!("Benennen Sie die Datei zum Beispiel in `{suggestion}.{extension}` um."));
        }
        self.diagnostics.push(diagnostic);
    }

    /// Warns about files in `content/<folder>` that Lotse will not read because of their
    /// extension (`neue-rolle.toml.txt` from an editor that appends `.txt`).
    pub(super) fn unexpected_files(&mut self, folder: &str, allowed: &[&str]) {
        let boundary = self.boundary.clone();
        let mut walk = boundary.walk();
        let mut pending = vec![Path::new("content").join(folder)];
        while let Some(dir) = pending.pop() {
            // Links out and loops are reported by the walk that reads the files.
            if walk.enter(&self.root.join(&dir)).is_err() {
                continue;
            }
            for (name, is_dir) in self.listing(&dir) {
                let relative = dir.join(&name);
                let extension =
                    Path::new(&name).extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
                if is_dir && !allowed.contains(&extension.as_str()) {
                    pending.push(relative);
                } else if !allowed.contains(&extension.as_str()) {
                    let wanted = allowed
                        .iter()
                        .filter(|e| matches!(**e, "toml" | "md"))
                        .map(|e| format!("`.{e}`"))
                        .collect::<Vec<_>>()
                        .join(" oder ");
                    self.diagnostics.push(
                        Diagnostic::warning(format!("{}: wird nicht gelesen (unerwartete Dateiendung)", shown(&relative)))
                            .hint(format!("Dateien in `content/{folder}/` enden auf {wanted}; prüfen Sie, ob der Editor eine Endung wie `.txt` angehängt hat.")),
                    );
                }
            }
        }
    }

    /// Warns about files and folders directly in `content/` that Lotse does not read.
    pub(super) fn unknown_top_level(&mut self) {
        let Ok(listing) = std::fs::read_dir(self.root.join("content")) else { return };
        let mut names: Vec<String> =
            listing.flatten().map(|entry| entry.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        for name in names.iter().filter(|name| !name.starts_with('.') && !KNOWN.contains(&name.as_str())) {
            let mut diagnostic = Diagnostic::warning(format!(
                "content/{name}: unbekannte Datei oder unbekannter Ordner, wird nicht gelesen"
            ));
            diagnostic = match nearest(name, KNOWN.iter().copied()) {
                Some(known) => diagnostic.hint(format!("Meinten Sie `{known}`?")),
                None => diagnostic.hint(format!("Lotse liest in `content/` nur: {}.", KNOWN.join(", "))),
            };
            self.diagnostics.push(diagnostic);
        }
    }
}

/// `2030-Q3`
pub fn is_period_id(id: &str) -> bool {
    crate::model::period_id::scheme_of(id).is_some()
}
