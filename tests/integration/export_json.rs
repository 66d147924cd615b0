//! `lotse export json`: the whole checked model as one versioned JSON document.

use crate::harness::{self, describe};

use std::process::Command;

#[test]
fn the_bundled_model_is_one_json_document_with_every_item() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output =
        Command::new(env!("CARGO_BIN_EXE_lotse")).args(["--root", root, "export", "json"]).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).expect("only JSON on stdout");
    assert_eq!(document["format"], "lotse-model");
    assert_eq!(document["version"], 1);
    assert_eq!(document["site"]["organisation"], "Landeshauptstadt Mainz");
    let count = |key: &str| document[key].as_array().map_or(0, Vec::len);
    let files = |folder: &str| {
        std::fs::read_dir(format!("{root}/content/{folder}"))
            .map_or(0, |dir| dir.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "toml")).count())
    };
    assert_eq!(count("roles"), files("roles"));
    assert_eq!(count("projects"), files("projects"));
    assert_eq!(count("demands"), files("demands"));
    assert_eq!(count("periods"), files("periods"));
    let role = document["roles"]
        .as_array()
        .and_then(|roles| roles.iter().find(|r| r["id"] == "digit-beraterin"))
        .expect("role");
    assert!(role["name"].as_str().is_some_and(|name| !name.is_empty()));
    assert!(role["raci"].as_object().is_some_and(|raci| raci.values().all(|letters| letters.as_str().is_some())));
    for period in document["periods"].as_array().expect("periods") {
        for status in period["status"].as_array().expect("statuses") {
            assert!(status["project"].as_str().is_some() && status["overall"].as_str().is_some(), "{status}");
        }
    }
    assert!(document["pages"].as_array().expect("pages").iter().all(|page| page["text"].is_string()));
}

#[test]
fn writes_to_a_new_file_only() {
    let site = harness::copy_minimal();
    let out = site.path().join("modell.json");
    let lotse = |out: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_lotse"))
            .args([
                "--root",
                site.path().to_str().expect("utf-8"),
                "export",
                "json",
                "--out",
                out.to_str().expect("utf-8"),
            ])
            .output()
            .expect("run")
    };
    let first = lotse(&out);
    assert_eq!(first.status.code(), Some(0), "{}", describe(&first));
    let bytes = std::fs::read(&out).expect("written");
    serde_json::from_slice::<serde_json::Value>(&bytes).expect("JSON");
    std::fs::write(&out, "meins").expect("write");
    let second = lotse(&out);
    assert_eq!(second.status.code(), Some(2), "{}", describe(&second));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "meins");
}
