//! The one place that writes files: a staging folder that replaces the output folder in
//! one step, so a failed build never leaves a half-written site behind.
//!
//! A build writes each file into the staging folder as soon as it is rendered
//! ([`Files::staged`]), so that memory does not grow with the size of the output; a live
//! preview keeps the files in memory ([`Files::default`]) to write only those that changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Written into every output folder; only folders with it are ever replaced.
pub const MARKER: &str = ".lotse-output";

/// The files of one build, by path relative to the output root.
#[derive(Debug, Default)]
pub struct Files {
    /// The bytes of each file, when kept in memory.
    files: BTreeMap<String, Vec<u8>>,
    /// Where files go as they are added, when staged.
    staged: Option<Staged>,
}

/// A staging folder beside the target, filled as files are added.
#[derive(Debug)]
struct Staged {
    target: PathBuf,
    folder: PathBuf,
    /// Every path written, to refuse a second file at the same path.
    paths: BTreeSet<String>,
    /// Folders created so far, so that each is created once.
    folders: BTreeSet<PathBuf>,
    /// Swapped in: nothing left to clean up.
    done: bool,
}

impl Drop for Staged {
    /// A build that failed or was dropped leaves no staging folder behind.
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_build(&self.folder);
        }
    }
}

/// Why the output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// Two pages want the same path (e.g. a free page named like a section).
    Collision(String),
    /// The target exists, is not empty and was not written by Lotse.
    ForeignFolder(PathBuf),
    /// The target is a file or a symbolic link, not a folder.
    NotAFolder(PathBuf),
    /// The target folder is write-protected: someone wants it kept as it is.
    ReadOnly(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Collision(path) => write!(
                f,
                "Zwei Seiten würden in dieselbe Datei `{path}` geschrieben. Benennen Sie eine der beiden Inhaltsdateien um."
            ),
            OutputError::NotAFolder(path) => write!(
                f,
                "`{}` ist eine Datei oder ein symbolischer Link, kein Ordner; Lotse verschiebt und überschreibt sie nicht. Wählen Sie mit `--output` einen Ordner.",
                path.display()
            ),
            OutputError::ReadOnly(path) => write!(
                f,
                "Der Ausgabeordner `{}` ist schreibgeschützt; Lotse ersetzt ihn nicht. Heben Sie den Schreibschutz auf (z. B. `chmod u+w`) oder wählen Sie mit `--output` einen anderen Ordner.",
                path.display()
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
    /// Files written straight into a staging folder beside `target` as they are added;
    /// [`Files::write`] then swaps it in. Refuses a target that is not an earlier build.
    pub fn staged(target: &Path) -> Result<Files, OutputError> {
        guard(target)?;
        let folder = sibling(target, "neu");
        clean_up_interrupted(target)?;
        let staged = Staged {
            target: target.to_path_buf(),
            folder,
            paths: BTreeSet::new(),
            folders: BTreeSet::new(),
            done: false,
        };
        create_dir(&staged.folder)?;
        let marker = staged.folder.join(MARKER);
        std::fs::write(&marker, b"").map_err(|e| OutputError::Io(marker, e))?;
        Ok(Files { files: BTreeMap::new(), staged: Some(staged) })
    }

    /// Adds a file; a second file at the same path is a collision.
    pub fn add(&mut self, path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        let path = path.into();
        let Some(staged) = &mut self.staged else {
            if self.files.contains_key(&path) {
                return Err(OutputError::Collision(path));
            }
            self.files.insert(path, contents.into());
            return Ok(());
        };
        if staged.paths.contains(&path) {
            return Err(OutputError::Collision(path));
        }
        let file = staged.folder.join(&path);
        if let Some(parent) = file.parent()
            && !staged.folders.contains(parent)
        {
            create_dir(parent)?;
            staged.folders.insert(parent.to_path_buf());
        }
        std::fs::write(&file, contents.into()).map_err(|e| OutputError::Io(file.clone(), e))?;
        staged.paths.insert(path);
        Ok(())
    }

    /// Every path, sorted.
    pub fn paths(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match &self.staged {
            Some(staged) => Box::new(staged.paths.iter().map(String::as_str)),
            None => Box::new(self.files.keys().map(String::as_str)),
        }
    }

    /// Brings an output folder that an earlier build wrote (and that `previous` describes)
    /// up to these files, kept in memory, in place: writes only files whose bytes changed,
    /// removes files that are gone. Returns the paths written and removed, and the digests
    /// that now describe the folder.
    pub fn update(&self, target: &Path, previous: &Digests) -> Result<Updated, OutputError> {
        guard(target)?;
        let digests = self.digests();
        let mut written = Vec::new();
        for (path, contents) in &self.files {
            if previous.get(path) == digests.get(path) {
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
        Ok(Updated { written, removed, digests })
    }

    /// What each file's bytes hash to, for the next [`Files::update`].
    pub fn digests(&self) -> Digests {
        self.files.iter().map(|(path, contents)| (path.clone(), digest(contents))).collect()
    }

    /// Writes everything into a staging folder beside `target`, then swaps it in; staged
    /// files are already there and are only swapped in.
    pub fn write(&mut self, target: &Path) -> Result<(), OutputError> {
        if let Some(staged) = &mut self.staged {
            if staged.target != target {
                return Err(OutputError::Io(
                    target.to_path_buf(),
                    std::io::Error::other("die Dateien wurden für einen anderen Ausgabeordner vorbereitet"),
                ));
            }
            swap(&staged.folder, target)?;
            staged.done = true;
            return Ok(());
        }
        guard(target)?;
        let staging = sibling(target, "neu");
        clean_up_interrupted(target)?;
        let written = self.write_into(&staging);
        if let Err(error) = written {
            let _ = remove_build(&staging);
            return Err(error);
        }
        swap(&staging, target)
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

/// Puts a filled staging folder in the place of `target`. Where the system can, the two
/// folders trade places in one step, so that no instant exists without an output folder;
/// the staging folder then holds the previous build and is removed.
fn swap(staging: &Path, target: &Path) -> Result<(), OutputError> {
    if !target.exists() {
        return rename(staging, target);
    }
    match exchange(staging, target) {
        Ok(()) => return remove_build(staging),
        Err(error) if !exchange_unsupported(&error) => return Err(OutputError::Io(target.to_path_buf(), error)),
        Err(_) => {}
    }
    // A file system without the exchange (some network mounts): two renames; a build
    // killed between them leaves the previous output as `.<name>.lotse-alt`.
    let retired = sibling(target, "alt");
    rename(target, &retired)?;
    rename(staging, target)?;
    remove_build(&retired)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use nix::fcntl::{AT_FDCWD, RenameFlags, renameat2};
    renameat2(AT_FDCWD, a, AT_FDCWD, b, RenameFlags::RENAME_EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

fn exchange_unsupported(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::Unsupported
        || matches!(error.raw_os_error(), Some(code) if code == nix::errno::Errno::EINVAL as i32 || code == nix::errno::Errno::ENOSYS as i32)
}

/// The SHA-256 of each file of an output folder, by path.
pub type Digests = BTreeMap<String, [u8; 32]>;

/// What [`Files::update`] did.
pub struct Updated {
    pub written: Vec<String>,
    pub removed: Vec<String>,
    /// What the folder holds now.
    pub digests: Digests,
}

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

/// Removes what a build that was killed left beside `target`: its staging folder, or the
/// previous output it had moved aside. If the output itself is missing, the previous one
/// is put back first. Only folders Lotse wrote (with the marker, or still empty) are
/// touched.
fn clean_up_interrupted(target: &Path) -> Result<(), OutputError> {
    let retired = sibling(target, "alt");
    if !target.exists() && is_ours(&retired) {
        rename(&retired, target)?;
    }
    for leftover in [sibling(target, "neu"), retired] {
        if std::fs::symlink_metadata(&leftover).is_err() {
            continue;
        }
        if !is_ours(&leftover) {
            return Err(OutputError::ForeignFolder(leftover));
        }
        remove_build(&leftover)?;
    }
    Ok(())
}

/// A folder a build wrote: it has the marker, or it is empty (killed right after making it).
fn is_ours(folder: &Path) -> bool {
    let is_folder = std::fs::symlink_metadata(folder).is_ok_and(|m| m.is_dir());
    is_folder && (folder.join(MARKER).exists() || std::fs::read_dir(folder).is_ok_and(|mut e| e.next().is_none()))
}

/// Refuses to replace a folder that holds something other than an earlier build, and one
/// the user made read-only.
fn guard(target: &Path) -> Result<(), OutputError> {
    // A file or a link where the output should be is the user's: never moved aside.
    if let Ok(metadata) = std::fs::symlink_metadata(target) {
        if !metadata.is_dir() {
            return Err(OutputError::NotAFolder(target.to_path_buf()));
        }
        if metadata.permissions().readonly() {
            return Err(OutputError::ReadOnly(target.to_path_buf()));
        }
    }
    let Ok(mut entries) = std::fs::read_dir(target) else { return Ok(()) };
    let empty = entries.next().is_none();
    if empty || target.join(MARKER).exists() { Ok(()) } else { Err(OutputError::ForeignFolder(target.to_path_buf())) }
}

/// Writes a single file that must not exist yet, making its folder: for files people
/// asked for by name (a new content file, an export), which are never replaced.
/// An existing file is `ErrorKind::AlreadyExists`.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)
}

/// Replaces a single file in one step (written beside it, then renamed over it), so that
/// it is never seen half-written: for a content file that a command updates.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map_or_else(|| "datei".into(), |name| name.to_string_lossy().into_owned());
    let staging = path.with_file_name(format!(".{name}.lotse-neu"));
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&staging, bytes)?;
    std::fs::rename(&staging, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&staging);
    })
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

/// Removes a folder a build wrote, its marker last: a build killed meanwhile leaves a
/// folder that still has the marker, or an empty one, which the next build knows as its own.
fn remove_build(folder: &Path) -> Result<(), OutputError> {
    let Ok(listing) = std::fs::read_dir(folder) else { return Ok(()) };
    for entry in listing.flatten().filter(|entry| entry.file_name() != MARKER) {
        let path = entry.path();
        let removed = match entry.file_type() {
            Ok(kind) if kind.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        removed.map_err(|e| OutputError::Io(path.clone(), e))?;
    }
    match std::fs::remove_file(folder.join(MARKER)) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(OutputError::Io(folder.join(MARKER), error));
        }
        _ => {}
    }
    remove(folder)
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
