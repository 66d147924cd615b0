//! `lotse new site`: a small site that checks and builds, for another organisation to
//! start from. Its files are kept in the binary (`skeleton/`).

use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};

use super::{ScaffoldError, write_new};

static SKELETON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/skeleton");

/// Writes the skeleton into `folder` (made if missing); refuses a folder that already
/// holds a `content/`. Returns the files written, relative to `folder`.
pub fn site(folder: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    if folder.join("content").exists() {
        return Err(ScaffoldError::Exists(folder.join("content")));
    }
    let mut files = Vec::new();
    collect(&SKELETON, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, text) in &files {
        write_new(&folder.join(path), text)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

fn collect(dir: &'static Dir<'static>, files: &mut Vec<(PathBuf, &'static str)>) {
    for entry in dir.entries() {
        match entry {
            DirEntry::Dir(dir) => collect(dir, files),
            DirEntry::File(file) => files.push((file.path().to_path_buf(), file.contents_utf8().unwrap_or_default())),
        }
    }
}
