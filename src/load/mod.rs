//! Walks `content/`, reads every file and parses it into the typed [`Model`].
//!
//! Loading never stops at the first problem: every unreadable or malformed file becomes a
//! diagnostic, and the rest of the content is still loaded so that validation can go on.

mod entities;
mod front_matter;
mod ids;
mod read;
mod walk;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::boundary::{Boundary, Escape};
use crate::diag::{Diagnostic, Diagnostics, from_toml_error};
use crate::model::{EntityKind, Markdown, Model, Origin};
use crate::source::{FileId, SourceMap};

pub use front_matter::{Problem as FrontMatterProblem, Split, split as split_front_matter};
pub use read::MAX_FILE_BYTES;

/// The content of a site as far as it could be read.
pub struct Loaded {
    pub model: Model,
    /// `site.toml`, if it could be read (its problems are among the diagnostics).
    pub config: Option<crate::config::Config>,
    pub sources: SourceMap,
    pub diagnostics: Diagnostics,
    /// The theme with the site's own templates and static files, once `build::check` has
    /// loaded it; its problems are among the diagnostics.
    pub theme: Option<crate::theme::Theme>,
    /// How long loading and validating took.
    pub timings: crate::timings::Timings,
}

/// A problem that leaves nothing to load.
#[derive(Debug)]
pub enum LoadError {
    /// The site folder has no `content/` folder.
    NoContent { root: PathBuf },
    /// `content/` itself is a link out of the site folder.
    Escapes(Escape),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoContent { root } => write!(
                f,
                "Im Ordner `{}` gibt es keinen Ordner `content/`. Starten Sie lotse im Ordner der Website oder geben Sie ihn mit `--root ORDNER` an.",
                root.display()
            ),
            LoadError::Escapes(escape) => write!(f, "{} {}", escape.message("content"), Escape::HINT),
        }
    }
}

/// Loads everything below `root/content`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let no_content = || LoadError::NoContent { root: root.to_path_buf() };
    if !root.join("content").is_dir() {
        return Err(no_content());
    }
    let boundary = Boundary::new(root).ok_or_else(no_content)?;
    if let Err(escape) = boundary.resolve(&root.join("content")) {
        return Err(LoadError::Escapes(escape));
    }
    let mut loader = Loader {
        root,
        boundary,
        sources: SourceMap::default(),
        diagnostics: Diagnostics::default(),
        model: Model::default(),
        config: None,
    };
    entities::load_all(&mut loader);
    let found = ids::index(&mut loader.model);
    loader.diagnostics.extend(found);
    Ok(Loaded {
        model: loader.model,
        config: loader.config,
        sources: loader.sources,
        diagnostics: loader.diagnostics,
        theme: None,
        timings: crate::timings::Timings::new(),
    })
}

/// The state of one load: the files read so far, the problems found, the model built.
struct Loader<'a> {
    root: &'a Path,
    boundary: Boundary,
    sources: SourceMap,
    diagnostics: Diagnostics,
    model: Model,
    config: Option<crate::config::Config>,
}

impl Loader<'_> {
    /// Reads and parses a single TOML file below `content/`, if it exists.
    /// If it cannot be parsed, the `kinds` it defines are marked as gaps in the model.
    fn toml_file<T: DeserializeOwned>(&mut self, name: &str, kinds: &[EntityKind]) -> Option<(FileId, T)> {
        let relative = Path::new("content").join(name);
        if !self.root.join(&relative).exists() {
            return None;
        }
        let parsed = self.read(&relative).and_then(|file| match parse_toml(file, &self.sources.get(file).text) {
            Ok(value) => Some((file, value)),
            Err(diagnostic) => {
                self.diagnostics.push(diagnostic);
                None
            }
        });
        if parsed.is_none() {
            self.model.gaps.kinds.extend(kinds);
        }
        parsed
    }

    fn read(&mut self, relative: &Path) -> Option<FileId> {
        let fetched = read::fetch(self.root, &self.boundary, relative);
        self.admit(relative, fetched)
    }

    fn admit(&mut self, relative: &Path, fetched: read::Fetched) -> Option<FileId> {
        match read::admit(relative, fetched, &mut self.sources) {
            Ok(file) => Some(file),
            Err(diagnostic) => {
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// Reads the files of one folder and parses them in parallel, as TOML or as Markdown
    /// with front matter; each entity takes its id from its file name.
    fn folder<T: DeserializeOwned + Send + entities::FileEntity>(
        &mut self,
        files: &[walk::Entry],
        markdown: bool,
    ) -> Vec<T> {
        let (root, boundary) = (self.root, &self.boundary);
        let fetched: Vec<read::Fetched> =
            files.par_iter().map(|entry| read::fetch(root, boundary, &entry.relative)).collect();
        let read: Vec<(String, FileId)> = files
            .iter()
            .zip(fetched)
            .filter_map(|(entry, fetched)| Some((entry.id.clone(), self.admit(&entry.relative, fetched)?)))
            .collect();
        let admitted: std::collections::BTreeSet<String> = read.iter().map(|(id, _)| id.clone()).collect();
        let ids = read.clone();
        let sources = &self.sources;
        let results: Vec<Result<T, Diagnostic>> = read
            .into_par_iter()
            .map(|(id, file)| {
                let text = &sources.get(file).text;
                let (mut value, body) = if markdown {
                    parse_markdown::<T>(file, text).map(|(value, body)| (value, Some(body)))?
                } else {
                    (parse_toml::<T>(file, text)?, None)
                };
                value.identify(id, Origin { file }, body);
                Ok(value)
            })
            .collect();
        let mut parsed = Vec::with_capacity(results.len());
        for ((id, _), result) in ids.into_iter().zip(results) {
            match result {
                Ok(entity) => parsed.push(entity),
                Err(diagnostic) => {
                    self.diagnostics.push(diagnostic);
                    self.model.gaps.ids.insert((T::KIND, id));
                }
            }
        }
        for entry in files.iter().filter(|entry| !admitted.contains(&entry.id)) {
            self.model.gaps.ids.insert((T::KIND, entry.id.clone()));
        }
        parsed
    }
}

fn parse_toml<T: DeserializeOwned>(file: FileId, text: &str) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|error| from_toml_error(&error, file, text))
}

fn parse_markdown<T: DeserializeOwned>(file: FileId, text: &str) -> Result<(T, Markdown), Diagnostic> {
    let split = front_matter::split(text)
        .map_err(|problem| Diagnostic::error(problem.message).at(file, problem.span, "hier").hint(problem.hint))?;
    let value = parse_toml(file, &split.front_matter)?;
    Ok((value, Markdown { text: split.body.to_owned(), offset: split.body_offset, file: None }))
}
