//! `lotse export json`: the whole checked model as one JSON document for other tools.
//! Each item carries the keys of its content file (same names, same values) plus its
//! `id`, and `text` for the Markdown body where it has one; the shape is versioned by
//! `version` and described in `docs/export-json.md`.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::model::{Markdown, Model};

/// The version of the document's shape; raised when a key changes meaning or goes away.
pub const VERSION: u32 = 1;

/// The model as JSON; `organisation` and `title` come from `site.toml`.
pub fn model(model: &Model, config: &crate::config::Config) -> Value {
    let text = |markdown: &Markdown| Some(markdown.text.clone());
    let prose = |markdown: &Option<Markdown>| markdown.as_ref().map(|m| m.text.clone());
    json!({
        "format": "lotse-model",
        "version": VERSION,
        "site": {
            "title": config.title,
            "organisation": config.organisation,
            "description": config.description,
            "current_period": config.current_period.as_ref().map(|p| p.get_ref()),
            "example_data": config.example_data,
        },
        "levels": list(&model.levels, |_| None, |_| None),
        "units": list(&model.units, |_| None, |_| None),
        "roles": list(&model.roles, |role| Some(role.id.clone()), |role| prose(&role.prose)),
        "bodies": list(&model.bodies, |body| Some(body.id.clone()), |body| prose(&body.prose)),
        "flows": list(&model.flows, |_| None, |_| None),
        "raci": { "note": model.raci_note, "activities": list(&model.activities, |_| None, |_| None) },
        "premises": list(&model.premises, |premise| Some(premise.id.clone()), |premise| text(&premise.body)),
        "challenges": list(&model.challenges, |_| None, |_| None),
        "staffing": model.staffing,
        "glossary": list(&model.terms, |_| None, |_| None),
        "goals": list(&model.goals, |_| None, |_| None),
        "criteria": list(&model.criteria, |_| None, |_| None),
        "kpis": list(&model.kpis, |_| None, |_| None),
        "projects": list(&model.projects, |project| Some(project.id.clone()), |_| None),
        "demands": list(&model.demands, |demand| Some(demand.id.clone()), |_| None),
        "periods": list(&model.periods, |period| Some(period.id.clone()), |_| None),
        "papers": list(&model.papers, |paper| Some(paper.id.clone()), |paper| text(&paper.body)),
        "decisions": list(&model.decisions, |decision| Some(decision.id.clone()), |_| None),
        "pages": list(&model.pages, |page| Some(page.id.clone()), |page| text(&page.body)),
    })
}

/// Items as objects (keys sorted), with `id` where the file name gives it, and `text`.
fn list<T: Serialize>(items: &[T], id: impl Fn(&T) -> Option<String>, text: impl Fn(&T) -> Option<String>) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| {
                let mut object = Map::new();
                if let Some(id) = id(item) {
                    object.insert("id".to_owned(), Value::String(id));
                }
                if let Ok(Value::Object(fields)) = serde_json::to_value(item) {
                    object.extend(fields);
                }
                if let Some(text) = text(item) {
                    object.insert("text".to_owned(), Value::String(text));
                }
                Value::Object(object)
            })
            .collect(),
    )
}
