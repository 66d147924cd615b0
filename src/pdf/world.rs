//! The Typst `World` of one document: templates, data, charts and fonts, all from memory.
//! Nothing is read from disk and the date is fixed, so the same input gives the same PDF.

use std::collections::{BTreeMap, HashMap};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Fonts and the standard library, shared by every document of a build.
pub struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Shared {
    /// The theme's fonts first (they set the look), then Typst's bundled DejaVu Sans Mono
    /// as the fallback for symbols the theme's subset lacks (arrows, ●, ▲, ■).
    pub fn new(theme_fonts: &BTreeMap<String, Vec<u8>>) -> Shared {
        let bundled = typst_assets::fonts().filter(|data| is_fallback(data));
        let fonts: Vec<Font> = theme_fonts
            .values()
            .map(|data| Bytes::new(data.clone()))
            .chain(bundled.map(Bytes::new))
            .flat_map(Font::iter)
            .collect();
        let book = FontBook::from_fonts(&fonts);
        Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(book), fonts }
    }
}

impl Shared {
    /// Whether some font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        (0..self.fonts.len())
            .any(|index| self.book.info(index).is_some_and(|info| info.coverage.contains(u32::from(c))))
    }
}

fn is_fallback(data: &[u8]) -> bool {
    typst::text::FontInfo::new(data, 0).is_some_and(|info| info.family == "DejaVu Sans Mono")
}

/// One document: its main template and every other file it may read, by absolute path.
/// It owns all of it, so that it can be typeset on a thread of its own that a time limit
/// may leave behind.
pub struct DocumentWorld {
    shared: std::sync::Arc<Shared>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The id of a file at an absolute virtual path such as `/vorlage.typ`.
pub fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

impl DocumentWorld {
    /// `sources` are Typst files (`/vorlage.typ`, `/body.typ`), `files` anything read as
    /// data (`/data.json`, `/charts/x.svg`); `main` names one of the sources.
    pub fn new(
        shared: std::sync::Arc<Shared>,
        main: &str,
        sources: impl IntoIterator<Item = (String, String)>,
        files: impl IntoIterator<Item = (String, Vec<u8>)>,
        today: Datetime,
    ) -> Option<DocumentWorld> {
        let sources: HashMap<FileId, Source> = sources
            .into_iter()
            .map(|(path, text)| file_id(&path).map(|id| (id, Source::new(id, text))))
            .collect::<Option<_>>()?;
        let files = files
            .into_iter()
            .map(|(path, bytes)| file_id(&path).map(|id| (id, Bytes::new(bytes))))
            .collect::<Option<_>>()?;
        Some(DocumentWorld { shared, main: file_id(main)?, sources, files, today })
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
