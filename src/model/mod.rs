//! The typed governance domain: what the content says, free of any rendering engine.

/// The values of a fixed vocabulary: `ALL` in reading order and each value's `key`, as
/// written in content and used in label keys (`phase_antrag`); the words readers see
/// come from the labels, never from here.
macro_rules! vocabulary {
    ($name:ident, $prefix:literal { $($variant:ident => $key:literal),* $(,)? }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The prefix of this vocabulary's label keys.
            pub const LABEL_PREFIX: &'static str = $prefix;

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),*
                }
            }

            /// The key of the label readers see for this value, e.g. `phase_antrag`.
            pub fn label_key(self) -> String {
                format!("{}{}", $prefix, self.key())
            }
        }
    };
}

mod date;
mod governance;
pub mod limits;
pub mod period_id;
mod portfolio;
mod provenance;
mod publications;
mod site;
pub mod slug;
pub mod url;

pub use date::Date;
pub use governance::*;
pub use portfolio::*;
pub use provenance::*;
pub use publications::*;
pub use site::{ACTORS, EntityKind, Gaps, IdEntry, LINK_SCHEMES, Model, Resolved};

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
    /// The file it was read from when that is not the entity's own (a role's prose in
    /// `roles/<id>.md` beside `roles/<id>.toml`).
    pub file: Option<crate::source::FileId>,
}

/// Marks a deserializer error that is already a German message for users, written as
/// `de:Message|Hint`; the diagnostics stage shows it as is.
pub const GERMAN_MESSAGE: &str = "de:";
