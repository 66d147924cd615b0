//! OParl as a council information system takes it: the bundled content built with an
//! absolute `base_url`, crawled from the System object as a client would, every object
//! checked against the official OParl 1.1.1 JSON Schema (vendored in
//! `tests/fixtures/oparl-1.1.1/`, with formats checked), and `modified` that moves exactly
//! when an object changes.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::harness::{copy_tree, describe};

const BASE: &str = "https://intranet.example/handbuch";
const SCHEMA: &str = "https://schema.oparl.org/1.1/";

/// A copy of the bundled content whose `base_url` is an absolute address.
fn site_with_address() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &dir.path().join("content"));
    let site_toml = dir.path().join("content/site.toml");
    let text = std::fs::read_to_string(&site_toml).unwrap();
    assert!(text.contains("base_url = \"/\""), "the bundled site.toml sets base_url = \"/\"");
    std::fs::write(&site_toml, text.replace("base_url = \"/\"", &format!("base_url = \"{BASE}/\""))).unwrap();
    dir
}

/// Builds `root` into `output` at the fixed build time `epoch` (seconds).
fn build(root: &Path, output: &Path, epoch: i64) -> String {
    let result = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(output)
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", describe(&result));
    String::from_utf8_lossy(&result.stderr).into_owned()
}

/// The bundled content with an address, built once for the read-only tests.
fn built() -> &'static Path {
    static OUTPUT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    OUTPUT.get_or_init(|| {
        let site = site_with_address().keep();
        build(&site, &site.join("output"), 1_900_000_000);
        site.join("output")
    })
}

/// One validator per OParl type. The schemas point at nested object schemas with a key of
/// their own (`"schema": "File.json"`), which a JSON Schema validator would skip; each is
/// rewritten into an `allOf` reference so that embedded objects are checked too.
fn validators() -> BTreeMap<String, jsonschema::Validator> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oparl-1.1.1/schema");
    let mut schemas = BTreeMap::new();
    for entry in std::fs::read_dir(&folder).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().trim_end_matches(".json").to_owned();
        let mut schema: Value = serde_json::from_slice(&std::fs::read(entry.path()).unwrap()).unwrap();
        rewrite_nested(&mut schema);
        schemas.insert(name, schema);
    }
    let url = |text: &str| {
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/') && !text.contains(char::is_whitespace))
    };
    let mut options = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .with_format("url", url);
    for (name, schema) in &schemas {
        let resource = jsonschema::Resource::from_contents(schema.clone()).unwrap();
        options = options.with_resource(format!("{SCHEMA}{name}.json"), resource);
    }
    schemas.iter().map(|(name, schema)| (name.clone(), options.build(schema).unwrap())).collect()
}

fn rewrite_nested(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(file)) = map.remove("schema") {
                let reference = serde_json::json!([{ "$ref": format!("{SCHEMA}{file}") }]);
                map.insert("allOf".to_owned(), reference);
            }
            map.values_mut().for_each(rewrite_nested);
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_nested),
        _ => {}
    }
}

/// The file of the site that an OParl URL names.
fn file_of(output: &Path, url: &str) -> PathBuf {
    let path = url.strip_prefix(&format!("{BASE}/")).unwrap_or_else(|| panic!("{url} is not below {BASE}/"));
    output.join(path)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a client starting at the System object reaches: every object by its id (embedded
/// ones included), and every URL it fetched.
struct Crawl {
    objects: BTreeMap<String, Value>,
    fetched: BTreeSet<String>,
}

fn crawl(output: &Path) -> Crawl {
    let mut crawl = Crawl { objects: BTreeMap::new(), fetched: BTreeSet::new() };
    let mut queue = VecDeque::from([format!("{BASE}/oparl/system.json")]);
    while let Some(url) = queue.pop_front() {
        if !crawl.fetched.insert(url.clone()) {
            continue;
        }
        let value = read_json(&file_of(output, &url));
        if let Some(data) = value.get("data") {
            // A list page: its objects, and the next page.
            for object in data.as_array().unwrap() {
                collect(object, &mut crawl.objects, &mut queue);
            }
            if let Some(next) = value["links"].get("next").and_then(Value::as_str) {
                queue.push_back(next.to_owned());
            }
        } else {
            assert_eq!(value["id"], url.as_str(), "the object at {url} names itself");
            collect(&value, &mut crawl.objects, &mut queue);
        }
    }
    crawl
}

/// Records `object` and the objects embedded in it, and queues every OParl URL it names.
fn collect(object: &Value, objects: &mut BTreeMap<String, Value>, queue: &mut VecDeque<String>) {
    match object {
        Value::Object(map) => {
            if let (Some(Value::String(id)), Some(Value::String(_))) = (map.get("id"), map.get("type")) {
                objects.insert(id.clone(), object.clone());
            }
            map.values().for_each(|value| collect(value, objects, queue));
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, objects, queue)),
        Value::String(text) if text.starts_with(BASE) && text.ends_with(".json") => queue.push_back(text.clone()),
        _ => {}
    }
}

#[test]
fn every_oparl_object_is_valid_against_the_official_schema() {
    let validators = validators();
    let crawl = crawl(built());
    let mut types = BTreeMap::new();
    for (id, object) in &crawl.objects {
        let kind = object["type"].as_str().unwrap().strip_prefix(SCHEMA).unwrap_or_else(|| panic!("{id}: type"));
        *types.entry(kind.to_owned()).or_insert(0) += 1;
        let validator = validators.get(kind).unwrap_or_else(|| panic!("{id}: no schema for {kind}"));
        let errors: Vec<String> =
            validator.iter_errors(object).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{id} ({kind}):\n{}", errors.join("\n"));
        // The spec, beyond the schema: every object says when it was made and changed.
        for key in ["created", "modified"] {
            assert!(object[key].is_string(), "{id} has no {key}");
        }
        assert!(object["modified"].as_str() >= object["created"].as_str(), "{id}: modified before created");
    }
    let count = |kind: &str| types.get(kind).copied().unwrap_or(0);
    assert_eq!(count("System"), 1, "{types:?}");
    assert_eq!(count("Body"), 1, "{types:?}");
    assert_eq!(count("Paper"), 2, "{types:?}");
    assert_eq!(count("Consultation"), 3, "{types:?}");
    // Each PDF and the three data files of the Informationsvorlage.
    assert_eq!(count("File"), 5, "{types:?}");
    // The four bodies of the model, the two council committees of the Beratungsfolgen and
    // the Hauptamt, which leads both papers.
    assert_eq!(count("Organization"), 7, "{types:?}");
}

#[test]
fn the_schema_check_refuses_what_clients_refuse() {
    let validators = validators();
    let paper = |main_file: Value, id: &str| serde_json::json!({ "id": id, "type": format!("{SCHEMA}Paper"), "mainFile": main_file, "date": "2025-06-18" });
    let file = serde_json::json!({ "id": format!("{BASE}/oparl/file/x.pdf.json"), "type": format!("{SCHEMA}File"), "accessUrl": format!("{BASE}/x.pdf") });
    assert!(validators["Paper"].is_valid(&paper(file.clone(), &format!("{BASE}/p.json"))));
    assert!(!validators["Paper"].is_valid(&paper(file.clone(), "vorlagen/p.json")), "a relative id");
    let mut nested = file.clone();
    nested.as_object_mut().unwrap().remove("accessUrl");
    assert!(
        !validators["Paper"].is_valid(&paper(nested, &format!("{BASE}/p.json"))),
        "an embedded File without accessUrl"
    );
    let mut dated = paper(file, &format!("{BASE}/p.json"));
    dated["date"] = serde_json::json!("18.06.2025");
    assert!(!validators["Paper"].is_valid(&dated), "a date that is no date");
}

#[test]
fn a_client_starting_at_the_system_reaches_every_paper_and_file() {
    let output = built();
    let crawl = crawl(output);
    let papers: BTreeSet<String> = std::fs::read_dir(output.join("vorlagen"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".oparl.json"))
        .map(|name| format!("{BASE}/vorlagen/{name}"))
        .collect();
    assert_eq!(papers.len(), 2);
    for paper in &papers {
        assert!(crawl.objects.contains_key(paper), "{paper} not reached");
    }
    // Every published PDF and CSV of a paper is a File the client reaches, and its
    // accessUrl, size and checksum are those of the file.
    let files: Vec<&Value> = crawl.objects.values().filter(|o| o["type"] == format!("{SCHEMA}File")).collect();
    for file in &files {
        let bytes = std::fs::read(file_of(output, file["accessUrl"].as_str().unwrap())).unwrap();
        assert_eq!(file["size"], bytes.len(), "{}", file["id"]);
        let checksum: String = sha2::Digest::finalize(<sha2::Sha512 as sha2::Digest>::new_with_prefix(&bytes))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(file["sha512Checksum"], checksum, "{}", file["id"]);
    }
    let reached: BTreeSet<String> = files.iter().map(|f| f["accessUrl"].as_str().unwrap().to_owned()).collect();
    for entry in std::fs::read_dir(output.join("vorlagen")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".pdf") || name.ends_with(".csv") {
            assert!(reached.contains(&format!("{BASE}/vorlagen/{name}")), "{name} is no File a client reaches");
        }
    }
    // No OParl file is left that a client cannot reach.
    for entry in walk(&output.join("oparl")) {
        let url = format!("{BASE}/{}", entry.strip_prefix(output).unwrap().to_string_lossy());
        assert!(crawl.fetched.contains(&url), "{url} is written but not reachable");
    }
    // Consultations name their committee as an Organization, papers their leading unit.
    let informationsvorlage =
        &crawl.objects[&format!("{BASE}/vorlagen/informationsvorlage-steuerungsmodell.oparl.json")];
    let committee = informationsvorlage["consultation"][0]["organization"][0].as_str().unwrap();
    assert_eq!(crawl.objects[committee]["name"], "Haupt- und Personalausschuss");
    let leader = informationsvorlage["underDirectionOf"][0].as_str().unwrap();
    assert_eq!(crawl.objects[leader]["name"], "Hauptamt");
    assert_eq!(informationsvorlage["web"], format!("{BASE}/vorlagen/informationsvorlage-steuerungsmodell.html"));
}

fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        match entry.path().is_dir() {
            true => files.extend(walk(&entry.path())),
            false => files.push(entry.path()),
        }
    }
    files
}

fn tree(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(folder)
        .into_iter()
        .map(|path| (path.strip_prefix(folder).unwrap().to_path_buf(), std::fs::read(&path).unwrap()))
        .collect()
}

fn pdf_dates(pdf: &Path) -> String {
    let info = Command::new("pdfinfo").arg("-isodates").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    info.lines().filter(|l| l.starts_with("CreationDate:") || l.starts_with("ModDate:")).collect::<Vec<_>>().join("\n")
}

#[test]
fn modified_moves_when_a_paper_changes_and_stays_when_nothing_does() {
    let site = site_with_address();
    let output = site.path().join("output");
    build(site.path(), &output, 1_900_000_000);
    let first = tree(&output);
    // An unchanged rebuild, later: byte-identical, dates included.
    build(site.path(), &output, 1_950_000_000);
    assert!(first == tree(&output), "an unchanged rebuild changed the output");

    let edited = "vorlagen/beschlussvorlage-fachverfahren-sozialleistungen";
    let other = "vorlagen/informationsvorlage-steuerungsmodell";
    let paper = site.path().join("content/papers/beschlussvorlage-fachverfahren-sozialleistungen.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("\nname = \"", "\nname = \"Geändert: ", 1)).unwrap();
    build(site.path(), &output, 1_960_000_000);
    let then = |path: &str| -> Value { serde_json::from_slice(&first[&PathBuf::from(path)]).unwrap() };
    let now = |path: &str| read_json(&output.join(path));
    let changed = "2032-02-10T04:26:40+00:00";

    let (old, new) = (then(&format!("{edited}.oparl.json")), now(&format!("{edited}.oparl.json")));
    assert_eq!(new["modified"], changed, "the edited paper");
    assert_eq!(new["created"], old["created"], "created stays");
    assert_eq!(new["mainFile"]["modified"], changed, "its PDF changed with its title");
    assert_eq!(new["consultation"], old["consultation"], "its Beratungsfolge did not change");
    assert!(pdf_dates(&output.join(format!("{edited}.pdf"))).contains("2032-02-10T04:26:40"), "the PDF's date");
    assert_ne!(
        first[&PathBuf::from(format!("{edited}.pdf"))],
        std::fs::read(output.join(format!("{edited}.pdf"))).unwrap()
    );

    assert_eq!(then(&format!("{other}.oparl.json")), now(&format!("{other}.oparl.json")), "the other paper");
    assert_eq!(
        first[&PathBuf::from(format!("{other}.pdf"))],
        std::fs::read(output.join(format!("{other}.pdf"))).unwrap()
    );
    assert!(
        pdf_dates(&output.join(format!("{other}.pdf"))).contains("2025-06-18T00:00:00"),
        "a first publication carries its paper's date"
    );
    for unchanged in ["oparl/system.json", "oparl/body.json"] {
        assert_eq!(then(unchanged), now(unchanged), "{unchanged}");
    }

    // The next unchanged rebuild keeps the new dates.
    let second = tree(&output);
    build(site.path(), &output, 1_990_000_000);
    assert!(second == tree(&output), "an unchanged rebuild after the edit changed the output");

    // The PDF cache beside the output holds this build's PDFs only, not one more per new date.
    let pdfs = |folder: &Path| walk(folder).into_iter().filter(|p| p.extension().is_some_and(|e| e == "pdf")).count();
    let cached = pdfs(&site.path().join(".output.lotse-cache"));
    assert_eq!(cached, pdfs(&output), "cache entries after two dates of one paper");
}

#[test]
fn without_an_absolute_address_no_oparl_is_written_and_the_check_says_why() {
    let output = tempfile::tempdir().unwrap();
    let stderr = build(Path::new(env!("CARGO_MANIFEST_DIR")), &output.path().join("site"), 1_900_000_000);
    assert_eq!(stderr.matches("ohne OParl-Dateien").count(), 1, "said once:\n{stderr}");
    let site = output.path().join("site");
    assert!(!site.join("oparl").exists());
    let files = walk(&site);
    assert!(!files.iter().any(|f| f.to_string_lossy().ends_with(".oparl.json")), "no Paper file");
    let page = std::fs::read_to_string(site.join("vorlagen/informationsvorlage-steuerungsmodell.html")).unwrap();
    assert!(!page.contains(".oparl.json"), "the page links no OParl file");
    let listed = Command::new("pdfdetach")
        .arg("-list")
        .arg(site.join("vorlagen/informationsvorlage-steuerungsmodell.pdf"))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(!listed.contains("oparl"), "the PDF carries no OParl description:\n{listed}");
    assert!(listed.contains("informationsvorlage-steuerungsmodell.rollen.csv"), "its data stay attached:\n{listed}");
}

#[test]
fn the_pdf_carries_the_paper_description_without_its_own_checksum() {
    let output = built();
    let pdf = output.join("vorlagen/informationsvorlage-steuerungsmodell.pdf");
    let folder = tempfile::tempdir().unwrap();
    let saved = Command::new("pdfdetach").arg("-saveall").arg("-o").arg(folder.path()).arg(&pdf).output().unwrap();
    assert!(saved.status.success(), "{}", describe(&saved));
    let inside = read_json(&folder.path().join("informationsvorlage-steuerungsmodell.oparl.json"));
    let beside = read_json(&output.join("vorlagen/informationsvorlage-steuerungsmodell.oparl.json"));
    assert_eq!(inside["id"], beside["id"]);
    assert_eq!(inside["name"], beside["name"]);
    assert!(inside["mainFile"].get("sha512Checksum").is_none(), "a file cannot hold its own checksum");
    assert_eq!(inside["auxiliaryFile"].as_array().unwrap().len(), 3);
    let page = std::fs::read_to_string(output.join("vorlagen/informationsvorlage-steuerungsmodell.html")).unwrap();
    assert!(page.contains("href=\"../vorlagen/informationsvorlage-steuerungsmodell.oparl.json\""), "the page links it");
}

#[test]
fn a_damaged_publication_record_only_starts_the_dates_again() {
    let site = site_with_address();
    let output = site.path().join("output");
    build(site.path(), &output, 1_900_000_000);
    let fresh = tree(&output);
    for damage in ["{ kein JSON", "[]", "{\"vorlagen/x.pdf\": {\"hash\": 1}}"] {
        std::fs::write(output.join(".lotse-published.json"), damage).unwrap();
        build(site.path(), &output, 1_950_000_000);
        assert!(fresh == tree(&output), "after `{damage}` the dates start from the content again");
    }
}
