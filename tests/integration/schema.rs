//! `lotse schema`: the JSON Schemas validate every content file of the bundled content
//! and of the fixture sites (TOML parsed to JSON, as editors see it) and reject a typo
//! in a key.

use crate::harness::{self, describe};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// TOML as editors hand it to a JSON Schema: dates as strings.
fn json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => text.into(),
        toml::Value::Integer(n) => n.into(),
        toml::Value::Float(x) => serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, Into::into),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(date) => date.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(key, value)| (key, json(value))).collect(),
    }
}

/// The TOML of a content file: the file, or a Markdown file's front matter.
fn toml_of(path: &Path) -> toml::Value {
    let text = std::fs::read_to_string(path).expect("read");
    let text = text.trim_start_matches('\u{feff}');
    let front = match path.extension().and_then(|e| e.to_str()) {
        Some("md") => text.strip_prefix("+++").and_then(|rest| rest.split_once("\n+++")).map_or("", |(front, _)| front),
        _ => text,
    };
    toml::from_str(front).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn schemas(site: &Path) -> BTreeMap<String, jsonschema::Validator> {
    let out = site.join("schemas");
    let output = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", site.to_str().expect("utf-8"), "schema", "--out", out.to_str().expect("utf-8")])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    std::fs::read_dir(&out)
        .expect("schemas")
        .flatten()
        .map(|entry| {
            let schema: serde_json::Value =
                serde_json::from_slice(&std::fs::read(entry.path()).expect("read")).expect("JSON");
            let name = entry.file_name().to_string_lossy().trim_end_matches(".schema.json").to_owned();
            let validator = jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, validator)
        })
        .collect()
}

/// Which schema a content file is checked against.
fn kind(relative: &Path) -> Option<&'static str> {
    let parts: Vec<String> = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
    let folder = |name: &str| parts.first().is_some_and(|first| first == name) && parts.len() > 1;
    Some(match parts.as_slice() {
        [file] => match file.as_str() {
            "site.toml" => "site",
            "vocabulary.toml" => "vocabulary",
            "levels.toml" => "levels",
            "units.toml" => "units",
            "flows.toml" => "flows",
            "raci.toml" => "raci",
            "challenges.toml" => "challenges",
            "staffing.toml" => "staffing",
            "glossary.toml" => "glossary",
            "goals.toml" => "goals",
            "kpis.toml" => "kpis",
            "sources.toml" => "sources",
            _ => return None,
        },
        _ if folder("roles") && relative.extension().is_some_and(|e| e == "toml") => "role",
        _ if folder("bodies") && relative.extension().is_some_and(|e| e == "toml") => "body",
        _ if folder("projects") => "project",
        _ if folder("demands") => "demand",
        _ if folder("periods") => "period",
        _ if folder("decisions") => "decision",
        _ if folder("premises") => "premise",
        _ if folder("papers") => "paper",
        _ if folder("pages") => "page",
        _ => return None,
    })
}

fn files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).expect("read").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn the_schemas_take_every_content_file_of_every_site() {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sites =
        [bundled.to_path_buf(), harness::minimal_site(), harness::minimal_site().with_file_name("zweckverband")];
    let temp = tempfile::tempdir().expect("temp dir");
    let validators = schemas(temp.path());
    assert_eq!(validators.len(), 21);
    let mut checked = 0;
    for site in sites {
        let content = site.join("content");
        for path in files(&content) {
            let Some(kind) = kind(path.strip_prefix(&content).expect("inside")) else { continue };
            let instance = json(toml_of(&path));
            let errors: Vec<String> =
                validators[kind].iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path)).collect();
            assert!(errors.is_empty(), "{} ({kind}): {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked} files checked");
}

#[test]
fn a_typo_in_a_key_or_a_wrong_value_is_rejected() {
    let temp = tempfile::tempdir().expect("temp dir");
    let validators = schemas(temp.path());
    let role = json(toml::from_str("name = \"Rolle\"\nsumary = \"Tippfehler\"\n").expect("toml"));
    assert!(!validators["role"].is_valid(&role), "unknown key");
    let project = json(toml::from_str("title = \"P\"\nunit = \"10\"\nphase = \"fertig\"\n").expect("toml"));
    assert!(!validators["project"].is_valid(&project), "unknown phase");
    let good = json(toml::from_str("title = \"P\"\nunit = \"10\"\nphase = \"antrag\"\n").expect("toml"));
    assert!(validators["project"].is_valid(&good));
    let period = json(
        toml::from_str("date = 2026-13-40\n")
            .unwrap_or_else(|_| toml::from_str("date = \"31.12.2026\"\n").expect("toml")),
    );
    assert!(!validators["period"].is_valid(&period), "a date as JJJJ-MM-TT only");
}
