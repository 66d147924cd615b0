//! Themes by fallback: the site's own `templates/` override the theme's templates one by
//! one; the theme comes from the site's `themes/<name>/` or, for `default`, from the binary.
//! A theme serves both renderers: tera templates, static files and labels for the site;
//! Typst templates (`typst/*.typ`) and fonts (`fonts/*.ttf`) for the PDFs.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

/// The default theme, built into the binary so that a site needs no theme folder.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Everything a build takes from the theme: templates, static files, labels.
pub struct Theme {
    pub tera: tera::Tera,
    /// Output path below `assets/` → bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Words readers see, from `labels/<language>.toml`.
    pub labels: BTreeMap<String, String>,
    /// Typst templates by file name (`vorlage.typ`), the site's `templates/` first.
    pub typst: BTreeMap<String, String>,
    /// Font files (TrueType/OpenType) for the PDFs, by file name.
    pub fonts: BTreeMap<String, Vec<u8>>,
}

/// A theme problem, already worded for the author.
#[derive(Debug)]
pub struct ThemeError(pub String);

impl std::fmt::Display for ThemeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Files of a theme, wherever they come from.
struct ThemeFiles {
    files: BTreeMap<String, Vec<u8>>,
    origin: String,
}

impl Theme {
    pub fn load(root: &Path, name: &str, language: &str) -> Result<Theme, ThemeError> {
        let theme = theme_files(root, name)?;
        let mut tera = tera::Tera::default();
        tera.set_fallback_prefixes(["theme/"]).map_err(|e| ThemeError(e.to_string()))?;
        let mut templates: Vec<(String, String)> = Vec::new();
        for (path, bytes) in theme.files.iter().filter(|(path, _)| path.starts_with("templates/")) {
            let name = format!("theme/{}", &path["templates/".len()..]);
            templates.push((name, text(bytes, &format!("{}/{path}", theme.origin))?));
        }
        let mut typst = BTreeMap::new();
        for (path, bytes) in theme.files.iter().filter_map(|(path, bytes)| Some((path.strip_prefix("typst/")?, bytes)))
        {
            typst.insert(path.to_owned(), text(bytes, &format!("{}/typst/{path}", theme.origin))?);
        }
        for (path, bytes) in folder_files(&root.join("templates"))? {
            let source = text(&bytes, &format!("templates/{path}"))?;
            if path.ends_with(".typ") {
                typst.insert(path, source);
            } else {
                templates.push((path, source));
            }
        }
        tera.add_raw_templates(templates.iter().map(|(name, body)| (name.as_str(), body.as_str())))
            .map_err(|e| ThemeError(format!("Eine Vorlage (Template) ist fehlerhaft:\n{e}")))?;
        let mut assets: BTreeMap<String, Vec<u8>> = theme
            .files
            .iter()
            .filter_map(|(path, bytes)| Some((path.strip_prefix("static/")?.to_owned(), bytes.clone())))
            .collect();
        assets.extend(folder_files(&root.join("static"))?);
        let labels = labels(&theme, language)?;
        let fonts = theme
            .files
            .iter()
            .filter_map(|(path, bytes)| Some((path.strip_prefix("fonts/")?.to_owned(), bytes.clone())))
            .filter(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"))
            .collect();
        Ok(Theme { tera, assets, labels, typst, fonts })
    }
}

fn theme_files(root: &Path, name: &str) -> Result<ThemeFiles, ThemeError> {
    let folder = root.join("themes").join(name);
    if folder.is_dir() {
        return Ok(ThemeFiles { files: folder_files(&folder)?, origin: format!("themes/{name}") });
    }
    if name != "default" {
        return Err(ThemeError(format!(
            "Das Theme `{name}` aus `site.toml` gibt es nicht: der Ordner `themes/{name}` fehlt. Legen Sie ihn an oder schreiben Sie `theme = \"default\"`."
        )));
    }
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    Ok(ThemeFiles { files, origin: "(eingebautes Theme default)".to_owned() })
}

fn collect_embedded(dir: &Dir<'static>, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        files.insert(file.path().to_string_lossy().replace('\\', "/"), file.contents().to_vec());
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// All files below `folder` by relative path with `/`; none if the folder does not exist.
fn folder_files(folder: &Path) -> Result<BTreeMap<String, Vec<u8>>, ThemeError> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(listing) = std::fs::read_dir(&dir) else { continue };
        for entry in listing.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(&path)
                .map_err(|e| ThemeError(format!("`{}` kann nicht gelesen werden: {e}", path.display())))?;
            files.insert(relative, bytes);
        }
    }
    Ok(files)
}

fn text(bytes: &[u8], path: &str) -> Result<String, ThemeError> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| ThemeError(format!("`{path}` ist nicht im Format UTF-8 gespeichert.")))
}

fn labels(theme: &ThemeFiles, language: &str) -> Result<BTreeMap<String, String>, ThemeError> {
    let path = format!("labels/{language}.toml");
    let Some(bytes) = theme.files.get(&path) else {
        return Err(ThemeError(format!(
            "Das Theme hat keine Beschriftungen für die Sprache `{language}`: `{}/{path}` fehlt.",
            theme.origin
        )));
    };
    toml::from_str(&text(bytes, &path)?)
        .map_err(|e| ThemeError(format!("`{}/{path}` ist fehlerhaft: {e}", theme.origin)))
}
