//! How much an occurrence of a term counts, by where on the page it stands.

/// Weight of one occurrence in the title.
pub const TITLE_WEIGHT: u32 = 10;
/// Weight of one occurrence in a heading of the page.
pub const HEADING_WEIGHT: u32 = 6;
/// Weight of one occurrence in the section name ("Rollen").
pub const SECTION_WEIGHT: u32 = 4;
/// Weight of one occurrence in the body text: the unit `search.js` counts term frequency in.
pub const BODY_WEIGHT: u32 = 2;
/// `Posting::fields` bit: the term occurs in the title.
pub const IN_TITLE: u8 = 2;
/// `Posting::fields` bit: the term occurs in a heading.
pub const IN_HEADING: u8 = 1;
