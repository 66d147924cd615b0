//! `sources.toml`: where the content comes from. Sources name the documents it rests on;
//! readings (Lesarten) name what is not in them as such: an interpretation with its
//! reasoning, example data, or a later decision. A reading says what it applies to, so
//! that readers see a marker wherever that is shown, and it can be dropped in one place.

use serde::Deserialize;

use super::{Date, Origin, Ref, Spanned};

#[derive(Debug, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<Source>,
    #[serde(default)]
    pub reading: Vec<Reading>,
}

/// A document the content rests on.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    /// Who issued it, e.g. the city.
    #[serde(default)]
    pub publisher: String,
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
    #[serde(default)]
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// A statement of the content that the sources do not make as such.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "ReadingKind")]
    pub kind: Spanned<ReadingKind>,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    /// Why the content says it this way: required for an interpretation.
    #[serde(default)]
    pub reasoning: String,
    /// The source it is read from (id in `[[source]]`).
    #[schemars(with = "Option<String>")]
    pub source: Option<Ref>,
    /// Where in the source, e.g. "Folie 12".
    pub location: Option<String>,
    /// For a later decision: the decision (id in `decisions/`).
    #[schemars(with = "Option<String>")]
    pub decision: Option<Ref>,
    /// What it applies to: an aspect of every item of a kind (`"raci"`, `"flow.endpoints"`,
    /// `"challenge.area"`, `"challenge.addressed_by"`) or one item, as a content link
    /// (`"unit:10"`, `"paper:informationsvorlage-steuerungsmodell"`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub applies: Vec<Spanned<String>>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReadingKind {
    Interpretation,
    Example,
    Decision,
}

vocabulary!(ReadingKind, "reading_" {
    Interpretation => "interpretation",
    Example => "example",
    Decision => "decision",
});

/// The aspects a reading may apply to across all items of a kind, with where they show.
pub const ASPECTS: &[&str] = &["raci", "flow.endpoints", "challenge.area", "challenge.addressed_by"];

/// Which readings apply to what, by aspect (`"raci"`) or item key
/// ([`ReadingTargets::item_key`]); filled by validation, so that a page finds its readings
/// without looking through all of them.
#[derive(Debug, Default)]
pub struct ReadingTargets(std::collections::BTreeMap<String, Vec<usize>>);

impl ReadingTargets {
    pub fn item_key(kind: super::EntityKind, canonical: &str) -> String {
        format!("{kind:?}:{canonical}")
    }

    /// The readings (indexes into `model.readings`) for `key`.
    pub fn get(&self, key: &str) -> &[usize] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    /// The targets of every reading, as far as they name something that exists.
    pub fn new(model: &super::Model) -> ReadingTargets {
        let mut targets: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
        for (index, reading) in model.readings.iter().enumerate() {
            for target in &reading.applies {
                let text = target.get_ref().as_str();
                let key = if ASPECTS.contains(&text) {
                    Some(text.to_owned())
                } else {
                    text.split_once(':').and_then(|(scheme, id)| {
                        let kind = super::EntityKind::of_scheme(scheme)?;
                        Some(ReadingTargets::item_key(kind, &model.lookup(kind, id)?.canonical))
                    })
                };
                if let Some(key) = key {
                    let list = targets.entry(key).or_default();
                    if list.last() != Some(&index) {
                        list.push(index);
                    }
                }
            }
        }
        ReadingTargets(targets)
    }
}
