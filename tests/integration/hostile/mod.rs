//! Hostile input, case by case: every case changes a copy of the minimal site that has
//! already been built once, runs `lotse build` and checks what a user relies on.
//!
//! - A refused case exits with the expected status (never a panic, never a hang), names
//!   the file at fault, leaves the previous output byte for byte as it was and leaves no
//!   staging folder behind.
//! - A built case (legitimate but nasty input) exits 0 and shows its text literally in the
//!   HTML and in the text of the handbook PDF.
//!
//! Each case lives in a folder with the site at `site/` and, beside it, a folder `aussen/`
//! with a file `geheim.md` that no build may read.

mod cases;
mod random;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::harness;

/// What a case must end in.
pub enum Expect {
    /// Refused with this exit status; the messages contain every one of `names`.
    Refused { code: i32, names: &'static [&'static str] },
    /// Built; every `html` string is in some page's source, every `pdf` string in the
    /// text of `handbuch.pdf`, and every `warns` string among the messages.
    Built { html: &'static [&'static str], pdf: &'static [&'static str], warns: &'static [&'static str] },
}

/// The longest any case may run: a hang is a failure, not a slow test.
const DEADLINE: Duration = Duration::from_secs(180);

/// The minimal site with its first build (output and PDF cache), made once per run.
fn built_base() -> &'static Path {
    static BASE: OnceLock<tempfile::TempDir> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = tempfile::tempdir().expect("temp dir");
        let site = base.path().join("site");
        harness::copy_tree(&harness::minimal_site(), &site);
        let output = lotse(&site, &[]);
        assert_eq!(output.0, Some(0), "the minimal site builds: {}", output.1);
        base
    })
    .path()
}

/// Runs `lotse --root site build ARGS`, killed at [`DEADLINE`]; the exit status and what
/// it printed.
fn lotse(site: &Path, args: &[String]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lotse"))
        .arg("--root")
        .arg(site)
        .arg("build")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lotse");
    // Read both pipes while waiting: a child that prints more than a pipe holds would
    // otherwise wait for us while we wait for it.
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("lotse hung for more than {} s", DEADLINE.as_secs());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = stdout.join().expect("stdout") + &stderr.join().expect("stderr");
    (status.code(), text)
}

/// Every file and link below `folder` with its bytes (or link target), sorted.
pub fn tree(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(next) = folders.pop() {
        let Ok(listing) = std::fs::read_dir(&next) else { continue };
        for entry in listing.flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                found.push((path, target.display().to_string().into_bytes()));
            } else if kind.is_dir() {
                folders.push(path);
            } else {
                found.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    found.sort();
    found
}

/// Staging folders and moved-aside outputs beside `output`: a finished build leaves none.
fn leftovers(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .expect("read site")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".output.lotse-") && name != ".output.lotse-cache")
        .collect()
}

/// Runs one case: `setup` changes the site and returns extra arguments for `lotse build`.
pub fn run(setup: fn(&Case) -> Vec<String>, expect: Expect) {
    let folder = tempfile::tempdir().expect("temp dir");
    let case = Case { folder: folder.path().to_path_buf() };
    harness::copy_tree(built_base(), folder.path());
    std::fs::create_dir_all(case.outside()).expect("outside");
    std::fs::write(case.outside().join("geheim.md"), "+++\ntitle = \"Geheim\"\n+++\nGEHEIM-4711\n").expect("secret");
    let args = setup(&case);
    let before = tree(&case.output());
    let left_before = leftovers(&case.site());
    let (code, messages) = lotse(&case.site(), &args);
    assert_ne!(code, Some(101), "no panic:\n{messages}");
    assert!(!messages.contains("panicked at"), "no panic:\n{messages}");
    assert!(!messages.contains("GEHEIM-4711"), "nothing from outside the site is read:\n{messages}");
    let left = leftovers(&case.site());
    assert!(left.iter().all(|name| left_before.contains(name)), "no staging leftovers: {left:?}");
    match expect {
        Expect::Refused { code: expected, names } => {
            assert_eq!(code, Some(expected), "exit status:\n{messages}");
            for name in names {
                assert!(messages.contains(name), "the messages name `{name}`:\n{messages}");
            }
            assert!(tree(&case.output()) == before, "the previous output is byte-identical:\n{messages}");
        }
        Expect::Built { html, pdf, warns } => {
            assert_eq!(code, Some(0), "builds:\n{messages}");
            let pages = html_text(&case.output());
            for text in html {
                assert!(pages.contains(text), "`{text}` is in the HTML");
            }
            assert!(!pages.contains("GEHEIM-4711"), "nothing from outside the site is published");
            let handbook = pdf_text(&case.output().join("handbuch.pdf"));
            for text in pdf {
                assert!(handbook.contains(text), "`{text}` is in the handbook PDF:\n{handbook}");
            }
            for text in warns {
                assert!(messages.contains(text), "the messages warn `{text}`:\n{messages}");
            }
        }
    }
}

/// The source of every HTML page of the output, one after the other.
fn html_text(output: &Path) -> String {
    tree(output)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The folder of one case.
pub struct Case {
    folder: PathBuf,
}

impl Case {
    pub fn site(&self) -> PathBuf {
        self.folder.join("site")
    }

    pub fn output(&self) -> PathBuf {
        self.site().join("output")
    }

    /// A folder beside the site, with `geheim.md`.
    pub fn outside(&self) -> PathBuf {
        self.folder.join("aussen")
    }

    /// `site/relative`.
    pub fn at(&self, relative: &str) -> PathBuf {
        self.site().join(relative)
    }

    /// `site/relative` as an argument.
    pub fn arg(&self, relative: &str) -> String {
        self.at(relative).display().to_string()
    }

    /// Writes a file below the site, making its folder.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.at(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("write");
    }

    /// Replaces `from` by `to` in a file of the site, which must contain it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.at(relative)).expect("read");
        assert!(text.contains(from), "`{from}` is in {relative}");
        self.write(relative, text.replacen(from, to, 1));
    }

    /// Adds lines to the end of a file of the site.
    pub fn append(&self, relative: &str, text: &str) {
        let old = std::fs::read_to_string(self.at(relative)).expect("read");
        self.write(relative, old + text);
    }

    /// Makes `site/relative` a symbolic link to `target`.
    pub fn link(&self, target: impl AsRef<Path>, relative: &str) {
        let path = self.at(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(&path);
        std::os::unix::fs::symlink(target, path).expect("symlink");
    }

    /// Removes a file or folder of the site.
    pub fn remove(&self, relative: &str) {
        let path = self.at(relative);
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(&path);
    }
}
