//! Measures incremental rebuilds through the library: builds a site once into a temporary
//! folder, then edits one content file N times (a word appended to its first quoted
//! value) and rebuilds after each edit, as a live preview does. Restores the file.
//!
//!     cargo run --release --example rebuild -- SITE FILE [N]

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::time::Instant;

use lotse::build::{BuildOptions, Rebuilt, Session};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, site, file, rest @ ..] = args.as_slice() else {
        eprintln!("usage: rebuild SITE FILE [N]");
        std::process::exit(2);
    };
    let edits: usize = rest.first().and_then(|n| n.parse().ok()).unwrap_or(20);
    let root = std::path::Path::new(site);
    let path = root.join(file);
    let original = std::fs::read_to_string(&path).expect("the file to edit");
    let out = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::new(root, BuildOptions::new(out.path().join("site")));
    let started = Instant::now();
    built(session.rebuild());
    let first = started.elapsed();
    let mut times = Vec::new();
    let mut written = Vec::new();
    let mut stages = String::new();
    for edit in 0..edits {
        let changed = original.replacen("\"\n", &format!(" {edit}\"\n"), 1);
        std::fs::write(&path, changed).expect("write the edit");
        let started = Instant::now();
        let (count, timings) = built(session.rebuild());
        written.push(count);
        stages = timings;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&path, &original).expect("restore the file");
    times.sort_by(f64::total_cmp);
    written.sort_unstable();
    println!(
        "first build {:.0} ms; after an edit median {:.1} ms (min {:.1}, max {:.1}), {} files written (median) over {edits} edits",
        first.as_secs_f64() * 1000.0,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        written[written.len() / 2]
    );
    println!("stages of the last rebuild (ms): {stages}");
}

/// Files written and the stages as `name wall`.
fn built(result: Result<Rebuilt, lotse::build::SessionError>) -> (usize, String) {
    match result {
        Ok(Rebuilt::Built { changed, report, .. }) => {
            let stages: Vec<String> = (report.timings.stages().iter())
                .map(|stage| format!("{} {:.1}", stage.name, stage.wall.as_secs_f64() * 1000.0))
                .collect();
            (changed.len(), stages.join(", "))
        }
        Ok(Rebuilt::Invalid(_)) => panic!("the edit made the content invalid"),
        Err(error) => panic!("{error:?}"),
    }
}
