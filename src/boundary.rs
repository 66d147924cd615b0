//! The site folder is a boundary: Lotse reads only files that resolve inside it, after
//! following symbolic links, and never walks a folder twice (so a link loop cannot make a
//! build hang or publish nested copies).
//!
//! A link inside the site that points elsewhere inside the site is followed: authors keep
//! one shared file in two places that way. A link that leaves the site, that cannot be
//! resolved, or that leads back into a folder already walked is an error naming the link.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The canonical site folder, against which every path is checked.
#[derive(Debug, Clone)]
pub struct Boundary {
    root: PathBuf,
}

/// Why a path may not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Escape {
    /// The path resolves to a place outside the site folder.
    Outside { target: PathBuf },
    /// A link that points at itself, at another link in a circle, or nowhere.
    Unresolvable,
    /// A folder reached a second time through a link: walking on would never end.
    Loop { target: PathBuf },
}

impl Escape {
    /// The problem in the words of an author, for `path` as shown to them.
    pub fn message(&self, path: &str) -> String {
        match self {
            Escape::Outside { target } => format!(
                "{path}: ist ein symbolischer Link auf `{}` außerhalb des Site-Ordners; Lotse liest nur Dateien im Site-Ordner",
                target.display()
            ),
            Escape::Unresolvable => {
                format!("{path}: ist ein symbolischer Link, der ins Leere oder im Kreis führt (Link-Schleife)")
            }
            Escape::Loop { target } => format!(
                "{path}: führt zurück in den Ordner `{}`, der schon gelesen wird (Link-Schleife)",
                target.display()
            ),
        }
    }

    /// What to do about it.
    pub const HINT: &'static str = "Kopieren Sie die Datei in den Site-Ordner oder entfernen Sie den Link; Links dürfen nur auf Dateien und Ordner innerhalb des Site-Ordners zeigen, ohne Schleife.";
}

impl Boundary {
    /// The boundary of the site folder `root`; `None` if the folder cannot be resolved.
    pub fn new(root: &Path) -> Option<Boundary> {
        Some(Boundary { root: std::fs::canonicalize(root).ok()? })
    }

    /// Checks that `path` (absolute, or relative to the working folder) resolves inside
    /// the site folder; returns where it resolves to. A path that does not exist is fine:
    /// reading it fails later with its own message.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Escape> {
        match std::fs::canonicalize(path) {
            Ok(resolved) if resolved.starts_with(&self.root) => Ok(resolved),
            Ok(resolved) => Err(Escape::Outside { target: resolved }),
            Err(_) if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
                Err(Escape::Unresolvable)
            }
            Err(_) => Ok(path.to_path_buf()),
        }
    }

    /// A checker for one walk through a folder tree.
    pub fn walk(&self) -> Walk<'_> {
        Walk { boundary: self, visited: BTreeSet::new() }
    }
}

/// The folders one walk has entered, so that none is entered twice.
pub struct Walk<'b> {
    boundary: &'b Boundary,
    visited: BTreeSet<PathBuf>,
}

impl Walk<'_> {
    /// Checks a folder before it is listed: inside the site and not yet walked.
    pub fn enter(&mut self, folder: &Path) -> Result<(), Escape> {
        let resolved = self.boundary.resolve(folder)?;
        if !self.visited.insert(resolved.clone()) {
            return Err(Escape::Loop { target: resolved });
        }
        Ok(())
    }

    /// Checks a file found in a listing.
    pub fn file(&self, file: &Path) -> Result<(), Escape> {
        self.boundary.resolve(file).map(drop)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::{Boundary, Escape};
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_are_followed_and_links_out_or_around_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("geheim.txt"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir(root.join("a")).unwrap();
        std::fs::write(root.join("a/echt.md"), "x").unwrap();
        symlink(root.join("a/echt.md"), root.join("a/innen.md")).unwrap();
        symlink(outside.path().join("geheim.txt"), root.join("a/aussen.md")).unwrap();
        symlink(root.join("a/kreis2.md"), root.join("a/kreis1.md")).unwrap();
        symlink(root.join("a/kreis1.md"), root.join("a/kreis2.md")).unwrap();
        symlink(root, root.join("a/zurueck")).unwrap();
        let boundary = Boundary::new(root).unwrap();
        assert!(boundary.resolve(&root.join("a/innen.md")).is_ok());
        assert!(boundary.resolve(&root.join("a/fehlt.md")).is_ok());
        assert!(matches!(boundary.resolve(&root.join("a/aussen.md")), Err(Escape::Outside { .. })));
        assert_eq!(boundary.resolve(&root.join("a/kreis1.md")), Err(Escape::Unresolvable));
        let mut walk = boundary.walk();
        walk.enter(root).unwrap();
        walk.enter(&root.join("a")).unwrap();
        assert!(matches!(walk.enter(&root.join("a/zurueck")), Err(Escape::Loop { .. })));
    }
}
