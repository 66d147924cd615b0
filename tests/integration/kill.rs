//! A build killed with SIGKILL at any point, inside the swap of the output folder too,
//! leaves a complete output folder: the previous build or the new one, byte for byte.
//! The next build then succeeds and leaves nothing behind.
//!
//! The kills come from `strace`, which delivers SIGKILL on entering the n-th call of the
//! file system calls that move or remove files (the exchange of the folders among them),
//! and from a timer at points spread over the build.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::harness;

/// Every file below `folder` by path relative to it, with its bytes.
fn tree(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(next) = folders.pop() {
        for entry in std::fs::read_dir(&next).expect("read").flatten() {
            let path = entry.path();
            if entry.file_type().expect("type").is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(folder).expect("inside").to_path_buf();
                found.push((relative, std::fs::read(&path).expect("read")));
            }
        }
    }
    found.sort();
    found
}

/// One fixed build time for every build: what changed is dated the same in each.
const EPOCH: &str = "1900000000";

fn lotse(site: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lotse"));
    command.arg("--root").arg(site).args(["build", "--quiet"]).env("SOURCE_DATE_EPOCH", EPOCH);
    command
}

/// The minimal site as built (`old`), and the edit that makes the next build differ.
fn edited_copy(base: &Path, folder: &Path) -> PathBuf {
    let site = folder.join("site");
    harness::copy_tree(base, &site);
    let page = site.join("content/pages/einfuehrung.md");
    let text = std::fs::read_to_string(&page).expect("page") + "\nEin neuer Absatz nach dem ersten Build.\n";
    std::fs::write(page, text).expect("edit");
    site
}

/// Checks the state a kill left and that the next build repairs it.
fn check_after_kill(site: &Path, old: &[(PathBuf, Vec<u8>)], new: &[(PathBuf, Vec<u8>)], point: &str) {
    let output = site.join("output");
    assert!(output.is_dir(), "{point}: an output folder exists");
    let found = tree(&output);
    assert!(found == old || found == new, "{point}: the output is the complete old or the complete new build");
    let rebuilt = lotse(site).output().expect("run lotse");
    assert_eq!(rebuilt.status.code(), Some(0), "{point}: {}", harness::describe(&rebuilt));
    assert!(tree(&output) == new, "{point}: the next build gives the new output");
    let leftovers: Vec<String> = std::fs::read_dir(site)
        .expect("site")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".output.lotse-") && name != ".output.lotse-cache")
        .collect();
    assert!(leftovers.is_empty(), "{point}: the next build removed {leftovers:?}");
}

#[test]
fn a_build_killed_anywhere_leaves_a_complete_old_or_new_output() {
    let work = tempfile::tempdir().expect("temp");
    let base = work.path().join("base");
    harness::copy_tree(&harness::minimal_site(), &base);
    let first = lotse(&base).output().expect("run lotse");
    assert_eq!(first.status.code(), Some(0), "{}", harness::describe(&first));
    let old = tree(&base.join("output"));
    let reference = edited_copy(&base, &work.path().join("reference"));
    let built = lotse(&reference).output().expect("run lotse");
    assert_eq!(built.status.code(), Some(0), "{}", harness::describe(&built));
    let new = tree(&reference.join("output"));
    assert!(old != new, "the edit changes the output");

    let points: Vec<(&str, u32)> = [1, 2, 3, 5, 20, 60, 120, 140, 160, 200]
        .into_iter()
        .map(|n| ("unlinkat,rmdir,renameat2", n))
        .chain([
            ("renameat2", 1),
            ("rename,renameat", 1),
            ("rename,renameat", 4),
            ("mkdir,mkdirat", 3),
            ("mkdir,mkdirat", 12),
        ])
        .collect();
    let mut killed_in_the_swap = false;
    for (index, (calls, when)) in points.iter().enumerate() {
        let site = edited_copy(&base, &work.path().join(format!("strace-{index}")));
        let log = work.path().join(format!("strace-{index}.log"));
        let status = Command::new("strace")
            .args(["-f", "-qq", "-o"])
            .arg(&log)
            .args(["-e", &format!("trace={calls}")])
            .args(["-e", &format!("inject={calls}:signal=SIGKILL:when={when}")])
            .arg(env!("CARGO_BIN_EXE_lotse"))
            .arg("--root")
            .arg(&site)
            .args(["build", "--quiet"])
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .output()
            .expect("strace is installed (Debian package strace)");
        let trace = std::fs::read_to_string(&log).unwrap_or_default();
        let killed = trace.contains("killed by SIGKILL");
        killed_in_the_swap |= killed && trace.contains("RENAME_EXCHANGE) = ?");
        let point = format!("SIGKILL at call {when} of {calls} (killed: {killed}, {:?})", status.status.code());
        check_after_kill(&site, &old, &new, &point);
    }
    assert!(killed_in_the_swap, "one kill hit the exchange of the folders itself");

    for (index, millis) in [20u64, 60, 120, 200, 300, 400].into_iter().enumerate() {
        let site = edited_copy(&base, &work.path().join(format!("timer-{index}")));
        let mut child = lotse(&site).spawn().expect("run lotse");
        std::thread::sleep(Duration::from_millis(millis));
        let _ = child.kill();
        let _ = child.wait();
        check_after_kill(&site, &old, &new, &format!("SIGKILL after {millis} ms"));
    }
}
