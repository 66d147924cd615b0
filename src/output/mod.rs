//! The one place that writes files: a staging folder that replaces the output folder in
//! one step, so a failed build never leaves a half-written site behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Written into every output folder; only folders with it are ever replaced.
pub const MARKER: &str = ".lotse-output";

/// The files of one build, by path relative to the output root.
#[derive(Debug, Default)]
pub struct Files {
    files: BTreeMap<String, Vec<u8>>,
}

/// Why the output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// Two pages want the same path (e.g. a free page named like a section).
    Collision(String),
    /// The target exists, is not empty and was not written by Lotse.
    ForeignFolder(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Collision(path) => write!(
                f,
                "Zwei Seiten würden in dieselbe Datei `{path}` geschrieben. Benennen Sie eine der beiden Inhaltsdateien um."
            ),
            OutputError::ForeignFolder(path) => write!(
                f,
                "Der Ausgabeordner `{}` ist nicht leer und wurde nicht von Lotse erzeugt; er wird nicht überschrieben. Wählen Sie mit `--output` einen leeren Ordner.",
                path.display()
            ),
            OutputError::Io(path, error) => write!(f, "`{}` kann nicht geschrieben werden: {error}", path.display()),
        }
    }
}

impl Files {
    /// Adds a file; a second file at the same path is a collision.
    pub fn add(&mut self, path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        let path = path.into();
        if self.files.contains_key(&path) {
            return Err(OutputError::Collision(path));
        }
        self.files.insert(path, contents.into());
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The files with their bytes, by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
    }

    /// Brings an output folder that an earlier build wrote (and that `previous` describes)
    /// up to these files in place: writes only files whose bytes changed, removes files
    /// that are gone. Returns the paths written and removed.
    pub fn update(&self, target: &Path, previous: &Digests) -> Result<(Vec<String>, Vec<String>), OutputError> {
        guard(target)?;
        let mut written = Vec::new();
        for (path, contents) in &self.files {
            if previous.get(path) == Some(&digest(contents)) {
                continue;
            }
            let file = target.join(path);
            if let Some(parent) = file.parent() {
                create_dir(parent)?;
            }
            std::fs::write(&file, contents).map_err(|e| OutputError::Io(file.clone(), e))?;
            written.push(path.clone());
        }
        let mut removed = Vec::new();
        for path in previous.keys().filter(|path| !self.files.contains_key(*path)) {
            let file = target.join(path);
            match std::fs::remove_file(&file) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(OutputError::Io(file, error)),
                _ => removed.push(path.clone()),
            }
            remove_empty_parents(target, Path::new(path));
        }
        Ok((written, removed))
    }

    /// What each file's bytes hash to, for the next [`Files::update`].
    pub fn digests(&self) -> Digests {
        self.files.iter().map(|(path, contents)| (path.clone(), digest(contents))).collect()
    }

    /// Writes everything into a staging folder beside `target`, then swaps it in.
    pub fn write(&self, target: &Path) -> Result<(), OutputError> {
        guard(target)?;
        let staging = sibling(target, "neu");
        let retired = sibling(target, "alt");
        remove(&staging)?;
        remove(&retired)?;
        let written = self.write_into(&staging);
        if let Err(error) = written {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(error);
        }
        if target.exists() {
            rename(target, &retired)?;
        }
        rename(&staging, target)?;
        remove(&retired)
    }

    fn write_into(&self, folder: &Path) -> Result<(), OutputError> {
        create_dir(folder)?;
        std::fs::write(folder.join(MARKER), b"").map_err(|e| OutputError::Io(folder.join(MARKER), e))?;
        // Folders first, once each; then the files from one thread: a second writer only
        // spins on the folder's lock (ext4 serialises creation within a folder).
        let folders: std::collections::BTreeSet<&Path> =
            self.files.keys().filter_map(|path| Path::new(path).parent()).collect();
        for parent in folders {
            create_dir(&folder.join(parent))?;
        }
        self.files.iter().try_for_each(|(path, contents)| {
            let file = folder.join(path);
            std::fs::write(&file, contents).map_err(|e| OutputError::Io(file.clone(), e))
        })
    }
}

/// The SHA-256 of each file of an output folder, by path.
pub type Digests = BTreeMap<String, [u8; 32]>;

fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// Removes the folders of a removed file that became empty, up to (not including) `target`.
fn remove_empty_parents(target: &Path, path: &Path) {
    for parent in path.ancestors().skip(1).filter(|p| !p.as_os_str().is_empty()) {
        if std::fs::remove_dir(target.join(parent)).is_err() {
            break;
        }
    }
}

/// Refuses to replace a folder that holds something other than an earlier build.
fn guard(target: &Path) -> Result<(), OutputError> {
    let Ok(mut entries) = std::fs::read_dir(target) else { return Ok(()) };
    let empty = entries.next().is_none();
    if empty || target.join(MARKER).exists() { Ok(()) } else { Err(OutputError::ForeignFolder(target.to_path_buf())) }
}

/// The folder beside `target` where a build keeps what the next one may reuse.
pub fn cache_folder(target: &Path) -> PathBuf {
    sibling(target, "cache")
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target.file_name().map_or_else(|| "output".into(), |name| name.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.lotse-{suffix}"))
}

fn create_dir(path: &Path) -> Result<(), OutputError> {
    std::fs::create_dir_all(path).map_err(|e| OutputError::Io(path.to_path_buf(), e))
}

fn rename(from: &Path, to: &Path) -> Result<(), OutputError> {
    std::fs::rename(from, to).map_err(|e| OutputError::Io(to.to_path_buf(), e))
}

fn remove(path: &Path) -> Result<(), OutputError> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(OutputError::Io(path.to_path_buf(), error)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::{Files, OutputError};

    #[test]
    fn replaces_an_earlier_build_and_keeps_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        let mut first = Files::default();
        first.add("a/index.html", "1").unwrap();
        first.write(&target).unwrap();
        let mut second = Files::default();
        second.add("b/index.html", "2").unwrap();
        second.write(&target).unwrap();
        assert!(!target.join("a/index.html").exists());
        assert_eq!(std::fs::read_to_string(target.join("b/index.html")).unwrap(), "2");
        let foreign = dir.path().join("mine");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("thesis.docx"), "x").unwrap();
        assert!(matches!(second.write(&foreign), Err(OutputError::ForeignFolder(_))));
        assert!(foreign.join("thesis.docx").exists());
    }

    #[test]
    fn two_files_at_one_path_collide() {
        let mut files = Files::default();
        files.add("x/index.html", "1").unwrap();
        assert!(matches!(files.add("x/index.html", "2"), Err(OutputError::Collision(_))));
    }
}
