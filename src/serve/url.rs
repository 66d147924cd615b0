//! From a request path to a file of the output folder, or a refusal: only files below the
//! folder are ever served, after decoding and after following symbolic links.

use std::path::{Path, PathBuf};

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: where to send the browser, so that
    /// relative links on its `index.html` work.
    Folder(String),
    NotFound,
    /// The path tries to leave the output folder.
    Forbidden,
}

/// Resolves `target` (the request's path and query, e.g. `/rollen/?x=1`) below `output`.
pub fn resolve(output: &Path, target: &str) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let Some(relative) = path.strip_prefix('/') else { return Resolved::Forbidden };
    // Encoded separators and dots in a segment would mean something else once decoded.
    let lower = relative.to_ascii_lowercase();
    if ["%2f", "%5c", "%2e", "%00"].iter().any(|encoded| lower.contains(encoded)) {
        return Resolved::Forbidden;
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(relative).decode_utf8() else {
        return Resolved::NotFound;
    };
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (index, segment) in segments.iter().enumerate() {
        let empty_inside = segment.is_empty() && index != last;
        if empty_inside || matches!(*segment, "." | "..") || segment.contains(['\\', '\0', ':']) {
            return Resolved::Forbidden;
        }
    }
    let mut file = output.to_path_buf();
    file.extend(segments.iter().filter(|segment| !segment.is_empty()));
    if file.is_dir() {
        if !path.ends_with('/') {
            return Resolved::Folder(format!("{path}/"));
        }
        file.push("index.html");
    }
    inside(output, &file)
}

/// `file` if it exists and, with every link followed, lies below `output`.
fn inside(output: &Path, file: &Path) -> Resolved {
    let (Ok(output), Ok(real)) = (output.canonicalize(), file.canonicalize()) else {
        return Resolved::NotFound;
    };
    match (real.starts_with(&output), real.is_file()) {
        (false, _) => Resolved::Forbidden,
        (true, true) => Resolved::File(real),
        (true, false) => Resolved::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let output = folder.path().join("output");
        for (path, text) in [("index.html", "start"), ("rollen/index.html", "rollen"), ("a b.txt", "x")] {
            let file = output.join(path);
            std::fs::create_dir_all(file.parent().unwrap_or(&output)).unwrap_or_else(|error| panic!("{error}"));
            std::fs::write(file, text).unwrap_or_else(|error| panic!("{error}"));
        }
        std::fs::write(folder.path().join("secret.txt"), "geheim").unwrap_or_else(|error| panic!("{error}"));
        folder
    }

    fn served(folder: &tempfile::TempDir, target: &str) -> Resolved {
        resolve(&folder.path().join("output"), target)
    }

    #[test]
    fn serves_files_folders_and_encoded_names() {
        let folder = site();
        let output = folder.path().join("output").canonicalize().unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(served(&folder, "/"), Resolved::File(output.join("index.html")));
        assert_eq!(served(&folder, "/rollen/?q=1"), Resolved::File(output.join("rollen/index.html")));
        assert_eq!(served(&folder, "/rollen"), Resolved::Folder("/rollen/".to_owned()));
        assert_eq!(served(&folder, "/a%20b.txt"), Resolved::File(output.join("a b.txt")));
        assert_eq!(served(&folder, "/fehlt.html"), Resolved::NotFound);
    }

    #[test]
    fn refuses_every_way_out_of_the_output_folder() {
        let folder = site();
        for target in [
            "/../secret.txt",
            "/rollen/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/..%2fsecret.txt",
            "/..%2Fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "//etc/passwd",
            "/C:/Windows",
            "etc/passwd",
            "/./index.html",
            "/index.html%00",
        ] {
            assert_eq!(served(&folder, target), Resolved::Forbidden, "{target}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_that_point_out_of_the_output_folder() {
        let folder = site();
        let output = folder.path().join("output");
        std::os::unix::fs::symlink(folder.path().join("secret.txt"), output.join("link.txt"))
            .unwrap_or_else(|error| panic!("{error}"));
        std::os::unix::fs::symlink(folder.path(), output.join("oben")).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(served(&folder, "/link.txt"), Resolved::Forbidden);
        assert_eq!(served(&folder, "/oben/secret.txt"), Resolved::Forbidden);
    }
}
