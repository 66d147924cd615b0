//! No command loses data: every combination of `--root`, `--output` and
//! `--typst-sources` that would overwrite, move or mix the user's files is refused before
//! anything is written.

use crate::harness::{self, describe};

use std::path::Path;
use std::process::{Command, Output};

fn build(root: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", root.to_str().expect("utf-8"), "build"])
        .args(extra)
        .output()
        .expect("run lotse")
}

/// Every file and link below `folder` with its bytes (or link target), to compare.
fn tree(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(next) = folders.pop() {
        for entry in std::fs::read_dir(&next).expect("read").flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            if kind.is_symlink() {
                found.push((
                    path.display().to_string(),
                    std::fs::read_link(&path).expect("link").display().to_string().into_bytes(),
                ));
            } else if kind.is_dir() {
                folders.push(path);
            } else {
                found.push((path.display().to_string(), std::fs::read(&path).expect("read")));
            }
        }
    }
    found.sort();
    found
}

fn refused(site: &Path, extra: &[&str], expected: &str) {
    let before = tree(site);
    let output = build(site, extra);
    assert_ne!(output.status.code(), Some(0), "{extra:?}: {}", describe(&output));
    assert_ne!(output.status.code(), Some(101), "no panic: {}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(expected), "{extra:?}: {stderr}");
    assert_eq!(tree(site), before, "{extra:?}: nothing of the site changed, nothing was left behind");
}

#[test]
fn an_output_that_is_a_file_or_a_link_is_refused_and_kept() {
    let site = harness::copy_minimal();
    let root = site.path();
    std::fs::write(root.join("bericht.txt"), "meine Datei").expect("write");
    let file = root.join("bericht.txt");
    refused(root, &["--output", file.to_str().expect("utf-8")], "ist eine Datei oder ein symbolischer Link");
    #[cfg(unix)]
    {
        std::fs::create_dir(root.join("woanders")).expect("dir");
        std::os::unix::fs::symlink(root.join("woanders"), root.join("verweis")).expect("link");
        let link = root.join("verweis");
        refused(root, &["--output", link.to_str().expect("utf-8")], "ist eine Datei oder ein symbolischer Link");
    }
}

#[test]
fn outputs_that_overlap_the_site_folders_are_refused() {
    let site = harness::copy_minimal();
    let root = site.path();
    let at = |relative: &str| root.join(relative).to_str().expect("utf-8").to_owned();
    for output in [at("."), at("content"), at("content/neu"), at("content/roles"), at("themes/x"), at("templates")] {
        refused(root, &["--output", &output], "liegen ineinander");
    }
    for sources in [at("content/typst"), at("output"), at("output/typst"), at(".")] {
        refused(root, &["--output", &at("output"), "--typst-sources", &sources], "liegen ineinander");
    }
}

#[test]
fn separate_folders_still_build() {
    let site = harness::copy_minimal();
    let root = site.path();
    let output = build(
        root,
        &[
            "--output",
            root.join("output").to_str().expect("utf-8"),
            "--typst-sources",
            root.join("typst").to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(root.join("output/index.html").is_file() && root.join("typst").is_dir());
}

#[test]
fn a_mistake_in_a_megabyte_long_line_is_quoted_in_a_few_lines() {
    let site = harness::copy_minimal();
    let role = site.path().join("content/roles/fachamtsleitung.toml");
    let text = std::fs::read_to_string(&role).expect("role");
    let long = format!("summary = \"{}\" x\n", "Zuständigkeit ".repeat(80_000));
    std::fs::write(
        &role,
        text.lines()
            .map(|line| if line.starts_with("summary = ") { long.clone() } else { format!("{line}\n") })
            .collect::<String>(),
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .args(["--root", site.path().to_str().expect("utf-8"), "check"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.len() < 4_000, "{} bytes of messages for one mistake", stderr.len());
    assert!(stderr.contains("content/roles/fachamtsleitung.toml:"), "{stderr}");
    assert!(stderr.contains("…"), "the line is cut: {stderr}");
}
