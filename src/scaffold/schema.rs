//! `lotse schema`: a JSON Schema for every kind of content file, generated from the types
//! the loader reads them into (so that a schema cannot say other than `lotse check`),
//! for editors that check TOML as one types (Even Better TOML / taplo in VS Code).

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::config::{Config, Vocabulary};
use crate::model::*;

/// Each content file kind: the schema's file name, the files it is for, and its schema.
pub fn schemas() -> Vec<(&'static str, &'static str, serde_json::Value)> {
    vec![
        ("site.schema.json", "content/site.toml", of::<Config>()),
        ("vocabulary.schema.json", "content/vocabulary.toml", of::<Vocabulary>()),
        ("levels.schema.json", "content/levels.toml", of::<LevelsFile>()),
        ("units.schema.json", "content/units.toml", of::<UnitsFile>()),
        ("role.schema.json", "content/roles/*.toml", of::<Role>()),
        ("body.schema.json", "content/bodies/*.toml", of::<Body>()),
        ("flows.schema.json", "content/flows.toml", of::<FlowsFile>()),
        ("raci.schema.json", "content/raci.toml", of::<RaciFile>()),
        ("challenges.schema.json", "content/challenges.toml", of::<ChallengesFile>()),
        ("staffing.schema.json", "content/staffing.toml", of::<Staffing>()),
        ("glossary.schema.json", "content/glossary.toml", of::<GlossaryFile>()),
        ("goals.schema.json", "content/goals.toml", of::<GoalsFile>()),
        ("kpis.schema.json", "content/kpis.toml", of::<KpisFile>()),
        ("sources.schema.json", "content/sources.toml", of::<SourcesFile>()),
        ("project.schema.json", "content/projects/*.toml", of::<Project>()),
        ("demand.schema.json", "content/demands/*.toml", of::<Demand>()),
        ("period.schema.json", "content/periods/*.toml", of::<Period>()),
        ("decision.schema.json", "content/decisions/*.toml", of::<Decision>()),
        ("premise.schema.json", "content/premises/*.md (Kopfbereich)", of::<Premise>()),
        ("paper.schema.json", "content/papers/*.md (Kopfbereich)", of::<Paper>()),
        ("page.schema.json", "content/pages/**/*.md (Kopfbereich)", of::<Page>()),
    ]
}

fn of<T: JsonSchema>() -> serde_json::Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    english_out(&mut schema);
    schema
}

/// Drops the descriptions schemars takes from the code's doc comments and the titles it
/// takes from type names: they are English notes for developers, and editors show them
/// to authors. The German descriptions of dates and RACI letters stay.
fn english_out(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            // Only the annotation, a string; a content key named `description` is an object.
            let note = object.get("description").and_then(|d| d.as_str());
            if note.is_some_and(|d| !d.contains(" z. B. ") && !d.contains("verantwortlich")) {
                object.remove("description");
            }
            // The Rust type's name (`Role`), likewise not for authors.
            if object.get("title").is_some_and(serde_json::Value::is_string) {
                object.remove("title");
            }
            object.values_mut().for_each(english_out);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(english_out),
        _ => {}
    }
}
