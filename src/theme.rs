//! Themes by fallback, file by file: the site's own `templates/` and `static/` first, then
//! the named theme's folder `themes/<name>/`, then the default theme built into the binary.
//! This holds for HTML templates, Typst templates, static files and fonts; labels are
//! merged key by key, with the site's `[labels]` from `site.toml` on top. A theme that
//! changes the colours and one label is two small files.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::boundary::{Boundary, Escape};
use crate::config::Config;
use crate::labels::Labels;

/// The default theme, built into the binary so that a site needs no theme folder.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Tera names of the layers below the site's own templates: a theme's template can extend
/// the built-in one it replaces (`{% extends "default/role.html" %}`) and change a block.
const THEME_PREFIX: &str = "theme/";
const DEFAULT_PREFIX: &str = "default/";

/// Everything a build takes from the theme: templates, static files, labels, fonts.
pub struct Theme {
    pub tera: tera::Tera,
    /// Output path below `assets/` → bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Words readers see.
    pub labels: Labels,
    /// Typst templates by file name (`vorlage.typ`), after fallback.
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

/// The files of one layer, by path relative to it, and where they come from.
struct Layer {
    files: BTreeMap<String, Vec<u8>>,
    origin: String,
}

impl Layer {
    /// The files below `folder/` with that prefix taken off.
    fn under<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = (&'a str, &'a Vec<u8>)> + 'a {
        self.files.iter().filter_map(move |(path, bytes)| Some((path.strip_prefix(folder)?, bytes)))
    }
}

impl Theme {
    pub fn load(root: &Path, config: &Config) -> Result<Theme, ThemeError> {
        let boundary = Boundary::new(root)
            .ok_or_else(|| ThemeError(format!("Der Site-Ordner `{}` kann nicht gelesen werden.", root.display())))?;
        let builtin = builtin_layer();
        let named = named_layer(root, &boundary, config.theme.get_ref())?;
        let site = Layer {
            files: folder_files(&boundary, &root.join("templates"), "templates")?,
            origin: "templates".to_owned(),
        };
        let layers: Vec<&Layer> = std::iter::once(&builtin).chain(named.as_ref()).collect();
        let tera = templates(&builtin, named.as_ref(), &site)?;
        let mut typst = BTreeMap::new();
        for layer in &layers {
            for (name, bytes) in layer.under("typst/") {
                typst.insert(name.to_owned(), text(bytes, &format!("{}/typst/{name}", layer.origin))?);
            }
        }
        for (name, bytes) in site.files.iter().filter(|(name, _)| name.ends_with(".typ")) {
            typst.insert(name.clone(), text(bytes, &format!("templates/{name}"))?);
        }
        let mut assets = BTreeMap::new();
        let mut fonts = BTreeMap::new();
        for layer in &layers {
            assets.extend(layer.under("static/").map(|(path, bytes)| (path.to_owned(), bytes.clone())));
            let font_files = layer.under("fonts/").filter(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"));
            fonts.extend(font_files.map(|(name, bytes)| (name.to_owned(), bytes.clone())));
        }
        assets.extend(folder_files(&boundary, &root.join("static"), "static")?);
        let mut words = BTreeMap::new();
        for layer in &layers {
            words.extend(labels(layer, &config.language)?);
        }
        if words.is_empty() {
            return Err(ThemeError(format!(
                "Für die Sprache `{}` gibt es keine Beschriftungen: `labels/{}.toml` fehlt im Theme.",
                config.language, config.language
            )));
        }
        let mut labels = Labels::new(words);
        labels.extend(config.vocabulary.iter().flat_map(|v| v.labels()));
        labels.extend(config.labels.iter().map(|(key, text)| (key.clone(), text.get_ref().clone())));
        Ok(Theme { tera, assets, labels, typst, fonts })
    }
}

/// The tera templates of all three layers; lookup tries the site's, then the theme's, then
/// the built-in ones.
fn templates(builtin: &Layer, named: Option<&Layer>, site: &Layer) -> Result<tera::Tera, ThemeError> {
    let mut tera = tera::Tera::default();
    tera.set_fallback_prefixes([THEME_PREFIX, DEFAULT_PREFIX]).map_err(|e| ThemeError(e.to_string()))?;
    let mut sources: Vec<(String, String)> = Vec::new();
    for (name, bytes) in builtin.under("templates/") {
        sources
            .push((format!("{DEFAULT_PREFIX}{name}"), text(bytes, &format!("{}/templates/{name}", builtin.origin))?));
    }
    if let Some(layer) = named {
        for (name, bytes) in layer.under("templates/") {
            sources
                .push((format!("{THEME_PREFIX}{name}"), text(bytes, &format!("{}/templates/{name}", layer.origin))?));
        }
    }
    for (name, bytes) in site.files.iter().filter(|(name, _)| !name.ends_with(".typ")) {
        sources.push((name.clone(), text(bytes, &format!("templates/{name}"))?));
    }
    tera.add_raw_templates(sources.iter().map(|(name, body)| (name.as_str(), body.as_str())))
        .map_err(|e| ThemeError(format!("Eine Vorlage (Template) ist fehlerhaft:\n{e}")))?;
    Ok(tera)
}

fn builtin_layer() -> Layer {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    Layer { files, origin: "(eingebautes Theme default)".to_owned() }
}

/// The site's `themes/<name>/`; none for `default` without such a folder. The name is a
/// folder name, never a path: a theme cannot read files from outside `themes/`.
fn named_layer(root: &Path, boundary: &Boundary, name: &str) -> Result<Option<Layer>, ThemeError> {
    let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', ':', '\0']);
    if !plain {
        return Err(ThemeError(format!(
            "`theme = \"{name}\"` in `content/site.toml`: ein Theme ist ein Ordner in `themes/` und wird mit seinem Namen angegeben, nicht mit einem Pfad. Schreiben Sie z. B. `theme = \"stadt\"` für `themes/stadt/` oder `theme = \"default\"`."
        )));
    }
    let folder = root.join("themes").join(name);
    if folder.is_dir() {
        let origin = format!("themes/{name}");
        return Ok(Some(Layer { files: folder_files(boundary, &folder, &origin)?, origin }));
    }
    if name != "default" {
        return Err(ThemeError(format!(
            "Das Theme `{name}` aus `site.toml` gibt es nicht: der Ordner `themes/{name}` fehlt. Legen Sie ihn an oder schreiben Sie `theme = \"default\"`."
        )));
    }
    Ok(None)
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
/// `shown` is how the folder is named in messages. Links are followed only inside the
/// site folder, and no folder is walked twice.
fn folder_files(boundary: &Boundary, folder: &Path, shown: &str) -> Result<BTreeMap<String, Vec<u8>>, ThemeError> {
    let mut files = BTreeMap::new();
    let mut walk = boundary.walk();
    let mut pending = vec![folder.to_path_buf()];
    let named = |path: &Path| match path.strip_prefix(folder) {
        Ok(relative) if relative.as_os_str().is_empty() => shown.to_owned(),
        Ok(relative) => format!("{shown}/{}", relative.to_string_lossy().replace('\\', "/")),
        Err(_) => path.display().to_string(),
    };
    let escaped =
        |path: &Path, escape: Escape| ThemeError(format!("{} {}", escape.message(&named(path)), Escape::HINT));
    while let Some(dir) = pending.pop() {
        if !dir.exists() {
            continue;
        }
        walk.enter(&dir).map_err(|escape| escaped(&dir, escape))?;
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
            walk.file(&path).map_err(|escape| escaped(&path, escape))?;
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(&path)
                .map_err(|e| ThemeError(format!("`{}` kann nicht gelesen werden: {e}", named(&path))))?;
            files.insert(relative, bytes);
        }
    }
    Ok(files)
}

fn text(bytes: &[u8], path: &str) -> Result<String, ThemeError> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| ThemeError(format!("`{path}` ist nicht im Format UTF-8 gespeichert.")))
}

/// A layer's labels for `language`; none if the layer has no such file.
fn labels(layer: &Layer, language: &str) -> Result<BTreeMap<String, String>, ThemeError> {
    let path = format!("labels/{language}.toml");
    let Some(bytes) = layer.files.get(&path) else { return Ok(BTreeMap::new()) };
    toml::from_str(&text(bytes, &path)?)
        .map_err(|e| ThemeError(format!("`{}/{path}` ist fehlerhaft: {e}", layer.origin)))
}

/// The labels of the built-in theme in `language` (none for a language it lacks).
pub fn builtin_labels(language: &str) -> Labels {
    let file = DEFAULT_THEME.get_file(format!("labels/{language}.toml"));
    let words = file.and_then(|file| file.contents_utf8()).and_then(|text| toml::from_str(text).ok());
    Labels::new(words.unwrap_or_default())
}

/// The label keys of the built-in theme in `language`: what `[labels]` in `site.toml`
/// may set.
pub fn builtin_label_keys(language: &str) -> Vec<String> {
    builtin_labels(language).keys().map(str::to_owned).collect()
}
