//! The typed governance domain: what the content says, free of any rendering engine.

mod date;
mod governance;
mod portfolio;
mod publications;
mod site;
pub mod slug;

pub use date::Date;
pub use governance::*;
pub use portfolio::*;
pub use publications::*;
pub use site::{EntityKind, Gaps, IdEntry, Model};

use crate::source::FileId;

/// A value together with its byte range in the file it came from.
pub type Spanned<T> = toml::Spanned<T>;

/// A reference to another entity by id (or alias), with where it was written.
pub type Ref = Spanned<String>;

/// Where an entity was defined: its file, and for Markdown the body's position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: FileId,
}

/// A Markdown body and the byte offset at which it starts in its file.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub text: String,
    pub offset: usize,
}

/// Marks a deserializer error that is already a German message for users, written as
/// `de:Message|Hint`; the diagnostics stage shows it as is.
pub const GERMAN_MESSAGE: &str = "de:";
