//! Rebuilding after edits, for a live preview: the content is checked and rendered again
//! in memory (typeset PDFs come from the cache), and only the files whose bytes changed
//! are written into the output, so that the tree equals a full build's.

use std::path::{Path, PathBuf};

use super::{BuildError, BuildOptions, BuildReport, Rendered, finished, render};
use crate::load::{LoadError, Loaded};
use crate::output::{Digests, Updated};

/// A site folder and its output, kept between rebuilds.
pub struct Session {
    root: PathBuf,
    options: BuildOptions,
    /// What the output holds since the last rebuild; `None` before the first, or when the
    /// output must be written whole again.
    written: Option<Digests>,
}

/// What a rebuild did.
pub enum Rebuilt {
    /// The content has errors: the output stays as the last good build left it.
    Invalid(Box<Loaded>),
    /// The output is up to date.
    Built {
        report: BuildReport,
        /// Paths written by this rebuild: every file on the first, then only changed ones.
        changed: Vec<String>,
        /// Paths removed because the content no longer makes them.
        removed: Vec<String>,
    },
}

/// Why a rebuild stopped before the output was up to date; the output stays as the last
/// good build left it.
pub enum SessionError {
    Load(LoadError),
    /// The checked content with the error, so that its diagnostic can name the file.
    Build(Box<Loaded>, BuildError),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::Load(error) => write!(f, "{error}"),
            SessionError::Build(_, error) => write!(f, "{error}"),
        }
    }
}

impl std::fmt::Debug for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl Session {
    pub fn new(root: &Path, options: BuildOptions) -> Session {
        Session { root: root.to_path_buf(), options, written: None }
    }

    /// Checks the content and brings the output up to date with it.
    pub fn rebuild(&mut self) -> Result<Rebuilt, SessionError> {
        let checked = crate::build::check(&self.root).map_err(SessionError::Load)?;
        if checked.diagnostics.has_errors() {
            return Ok(Rebuilt::Invalid(Box::new(checked)));
        }
        let targets = super::targets::check(&self.root, &self.options.output, self.options.typst_sources.as_deref());
        if let Err(error) = targets {
            return Err(SessionError::Build(Box::new(checked), BuildError::Targets(error)));
        }
        let rendered = render(&checked, &self.options, crate::pdf::Memo::Keep, crate::output::Files::default());
        let Rendered { mut files, report: mut built, .. } = match rendered {
            Ok(rendered) => rendered,
            Err(error) => return Err(SessionError::Build(Box::new(checked), error)),
        };
        let output = &self.options.output;
        let ours = output.join(crate::output::MARKER).is_file();
        let outcome = match self.written.take().filter(|_| ours) {
            Some(previous) => files.update(output, &previous),
            None => files.write(output).map(|()| Updated {
                written: built.files.clone(),
                removed: Vec::new(),
                digests: files.digests(),
            }),
        };
        let Updated { written: changed, removed, digests } = match outcome {
            Ok(outcome) => outcome,
            Err(error) => return Err(SessionError::Build(Box::new(checked), BuildError::Output(error))),
        };
        self.written = Some(digests);
        built.timings.stage("write");
        Ok(Rebuilt::Built { report: finished(built), changed, removed })
    }
}
