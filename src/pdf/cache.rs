//! Typeset PDFs kept between builds, by a hash of everything Typst reads for them: the
//! templates, the document's data, markup and files, the fonts, the date (its content
//! hash, which also decides the publication dates), plus the stamped modification date and
//! the Lotse binary itself. Same inputs give the same PDF, so a hit returns the bytes a
//! fresh run would make. The folder is safe to delete; a build keeps only the entries it
//! used.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::compile::Compiled;

/// The cache folder of one build and the entries it used.
pub struct Cache {
    folder: Option<PathBuf>,
    /// What every content hash starts from: the fonts.
    fonts: Sha256,
    used: Mutex<BTreeSet<String>>,
}

/// What an entry records beside the PDF's bytes.
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    pages: usize,
    warnings: Vec<String>,
}

impl Cache {
    /// A cache in `folder` (none: every PDF is typeset) for PDFs set with these fonts.
    pub fn new(folder: Option<&Path>, fonts: &std::collections::BTreeMap<String, Vec<u8>>) -> Cache {
        let mut base = Sha256::new();
        for (name, bytes) in fonts {
            feed(&mut base, name.as_bytes());
            feed(&mut base, bytes);
        }
        Cache { folder: folder.map(Path::to_path_buf), fonts: base, used: Mutex::new(BTreeSet::new()) }
    }

    /// What a document says and looks like: its output path, main template, date, every
    /// input file and the fonts. Not the binary: a new Lotse that sets the same content
    /// does not make a paper "modified".
    pub fn content<'a>(
        &self,
        ident: &str,
        main: &str,
        date: crate::model::Date,
        sources: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> String {
        let mut hash = self.fonts.clone();
        feed(&mut hash, ident.as_bytes());
        feed(&mut hash, main.as_bytes());
        feed(&mut hash, format!("{}-{}-{}", date.year, date.month, date.day).as_bytes());
        for (path, bytes) in sources {
            feed(&mut hash, path.as_bytes());
            feed(&mut hash, bytes);
        }
        hex(hash)
    }

    /// The entry of a document's content typeset with modification date `stamp` by this
    /// binary.
    pub fn key(&self, content: &str, stamp: i64) -> String {
        let mut hash = Sha256::new();
        feed(&mut hash, env!("CARGO_PKG_VERSION").as_bytes());
        feed(&mut hash, &binary_identity());
        feed(&mut hash, content.as_bytes());
        feed(&mut hash, &stamp.to_le_bytes());
        hex(hash)
    }

    /// The PDF typeset earlier from the same inputs, if the cache has it whole.
    pub fn get(&self, key: &str) -> Option<Compiled> {
        let folder = self.folder.as_ref()?;
        let entry: Entry = serde_json::from_slice(&std::fs::read(folder.join(format!("{key}.json"))).ok()?).ok()?;
        let pdf = std::fs::read(folder.join(format!("{key}.pdf"))).ok()?;
        if !pdf.starts_with(b"%PDF-") {
            return None;
        }
        self.used.lock().ok()?.insert(key.to_owned());
        Some(Compiled { pdf, warnings: entry.warnings, pages: entry.pages, reused: true })
    }

    /// Keeps a freshly typeset PDF. A cache that cannot be written only costs time on the
    /// next build, so failing to write it is not an error.
    pub fn put(&self, key: &str, compiled: &Compiled) {
        let Some(folder) = &self.folder else { return };
        let entry = Entry { pages: compiled.pages, warnings: compiled.warnings.clone() };
        let Ok(json) = serde_json::to_vec(&entry) else { return };
        let stored = std::fs::create_dir_all(folder).is_ok()
            && write_whole(&folder.join(format!("{key}.pdf")), &compiled.pdf)
            && write_whole(&folder.join(format!("{key}.json")), &json);
        if stored && let Ok(mut used) = self.used.lock() {
            used.insert(key.to_owned());
        }
    }

    /// Removes the entries this build did not use, so the cache holds one build's PDFs.
    pub fn prune(&self) {
        let (Some(folder), Ok(used)) = (&self.folder, self.used.lock()) else { return };
        let Ok(entries) = std::fs::read_dir(folder) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((key, _)) = name.split_once('.') else { continue };
            let ours = key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit());
            if ours && !used.contains(key) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn hex(hash: Sha256) -> String {
    hash.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Length-prefixed, so that no two different inputs feed the same bytes.
fn feed(hash: &mut Sha256, bytes: &[u8]) {
    hash.update((bytes.len() as u64).to_le_bytes());
    hash.update(bytes);
}

/// Written beside, then renamed: a killed build never leaves half an entry.
fn write_whole(path: &Path, bytes: &[u8]) -> bool {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".tmp");
    std::fs::write(&partial, bytes).is_ok() && std::fs::rename(&partial, path).is_ok()
}

/// Size and modification time of the running binary: a rebuilt Lotse may typeset
/// differently, so its entries must not be reused.
fn binary_identity() -> Vec<u8> {
    let metadata = std::env::current_exe().and_then(std::fs::metadata);
    let Ok(metadata) = metadata else { return Vec::new() };
    let modified = metadata.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    format!("{}:{:?}", metadata.len(), modified).into_bytes()
}
