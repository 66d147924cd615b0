//! Where a build may write: checked before anything is written, so that no combination
//! of `--root`, `--output` and `--typst-sources` can overwrite or move what the site
//! folder holds.

use std::path::{Path, PathBuf};

/// Why the folders of a build do not fit together.
#[derive(Debug)]
pub enum TargetError {
    /// `what` (the output or the Typst sources) and the site's `folder` lie inside one another.
    Overlaps { what: &'static str, path: PathBuf, folder: PathBuf },
    /// The output and the Typst sources are the same folder or inside one another.
    Together { output: PathBuf, sources: PathBuf },
}

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetError::Overlaps { what, path, folder } => write!(
                f,
                "{what} `{}` und `{}` liegen ineinander; ein Build darf die Inhalte, Vorlagen und Themes der Website nicht überschreiben. Wählen Sie einen Ordner außerhalb davon, z. B. `output` im Ordner der Website.",
                path.display(),
                folder.display()
            ),
            TargetError::Together { output, sources } => write!(
                f,
                "Der Ausgabeordner `{}` und der Ordner für die Typst-Quellen `{}` liegen ineinander. Wählen Sie zwei getrennte Ordner.",
                output.display(),
                sources.display()
            ),
        }
    }
}

/// Refuses an output or Typst-sources folder that overlaps the site's own folders or
/// each other.
pub fn check(root: &Path, output: &Path, sources: Option<&Path>) -> Result<(), TargetError> {
    let protected: Vec<PathBuf> =
        ["content", "templates", "themes"].iter().map(|name| resolved(&root.join(name))).collect();
    let output_at = resolved(output);
    let sources_at = sources.map(resolved);
    let mut targets = vec![("Der Ausgabeordner", output, &output_at)];
    if let (Some(sources), Some(at)) = (sources, &sources_at) {
        targets.push(("Der Ordner für die Typst-Quellen", sources, at));
    }
    for (what, path, at) in targets {
        if let Some(folder) = protected.iter().find(|folder| nested(at, folder)) {
            return Err(TargetError::Overlaps { what, path: path.to_path_buf(), folder: folder.clone() });
        }
    }
    match (sources, &sources_at) {
        (Some(sources), Some(at)) if nested(&output_at, at) => {
            Err(TargetError::Together { output: output.to_path_buf(), sources: sources.to_path_buf() })
        }
        _ => Ok(()),
    }
}

/// Whether one of the two lies inside the other (or they are the same).
fn nested(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The path with links followed as far as it exists, the rest appended: where a folder
/// that is yet to be made will be.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return missing.iter().rev().fold(real, |path, part| path.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn refuses_outputs_inside_or_around_the_site_folders() {
        let site = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let root = site.path();
        std::fs::create_dir_all(root.join("content/roles")).unwrap_or_else(|error| panic!("{error}"));
        assert!(check(root, &root.join("output"), None).is_ok());
        assert!(check(root, &root.join("output"), Some(&root.join("typst"))).is_ok());
        for bad in [root.to_path_buf(), root.join("content"), root.join("content/roles/neu"), root.join("themes/x")] {
            assert!(check(root, &bad, None).is_err(), "{}", bad.display());
            assert!(check(root, &root.join("output"), Some(&bad)).is_err(), "{}", bad.display());
        }
        assert!(check(root, &root.join("output"), Some(&root.join("output"))).is_err());
        assert!(check(root, &root.join("output"), Some(&root.join("output/typst"))).is_err());
        assert!(check(root, &root.join("content/../output/../content"), None).is_err());
    }
}
