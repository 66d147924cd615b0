//! `lotse new`: writes the file of a new role, body, project, … with every required key
//! and the optional ones as comments, filled with ids the site already has, so that it
//! passes `lotse check` as written; and `lotse new site`, a small working site to start
//! from. Nothing existing is ever overwritten.

pub mod schema;
mod site;
mod templates;

use std::path::{Path, PathBuf};

use crate::model::{Date, EntityKind, Model};

pub use site::site;

/// What `lotse new` can write, by the name the command line uses.
pub const KINDS: [(&str, EntityKind); 8] = [
    ("role", EntityKind::Role),
    ("body", EntityKind::Body),
    ("project", EntityKind::Project),
    ("demand", EntityKind::Demand),
    ("period", EntityKind::Period),
    ("paper", EntityKind::Paper),
    ("decision", EntityKind::Decision),
    ("page", EntityKind::Page),
];

/// The folder and extension of the files of `kind`, if `lotse new` writes them.
fn place(kind: EntityKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        EntityKind::Role => ("roles", "toml"),
        EntityKind::Body => ("bodies", "toml"),
        EntityKind::Project => ("projects", "toml"),
        EntityKind::Demand => ("demands", "toml"),
        EntityKind::Period => ("periods", "toml"),
        EntityKind::Paper => ("papers", "md"),
        EntityKind::Decision => ("decisions", "toml"),
        EntityKind::Page => ("pages", "md"),
        _ => return None,
    })
}

/// Why nothing was written.
#[derive(Debug)]
pub enum ScaffoldError {
    InvalidId {
        id: String,
        rule: String,
    },
    /// Items of this kind are written by hand (their files hold lists, e.g. `units.toml`).
    Unsupported(EntityKind),
    /// The id is taken (`existing` is its spelling, which may differ in case).
    Taken {
        id: String,
        existing: String,
    },
    Exists(PathBuf),
    Write(PathBuf, std::io::Error),
}

impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScaffoldError::InvalidId { id, rule } => write!(f, "`{id}` ist keine gültige ID. {rule}"),
            ScaffoldError::Taken { id, existing } if id == existing => {
                write!(f, "Die ID `{id}` gibt es schon. Wählen Sie eine andere.")
            }
            ScaffoldError::Taken { id, existing } => write!(
                f,
                "Die ID `{id}` unterscheidet sich von der vorhandenen `{existing}` nur in Groß- und Kleinschreibung; auf manchen Systemen wären das dieselben Dateien. Wählen Sie eine andere."
            ),
            ScaffoldError::Exists(path) => {
                write!(
                    f,
                    "`{}` gibt es schon; Lotse überschreibt keine Datei. Wählen Sie eine andere ID.",
                    path.display()
                )
            }
            ScaffoldError::Unsupported(kind) => write!(f, "Für {} gibt es keine Vorlage.", kind.label()),
            ScaffoldError::Write(path, error) => {
                write!(f, "`{}` kann nicht geschrieben werden: {error}", path.display())
            }
        }
    }
}

/// Writes the file of a new item `id` of `kind` into the site at `root`, whose content
/// is `model`; returns its path relative to `root`.
pub fn item(root: &Path, model: &Model, kind: EntityKind, id: &str, today: Date) -> Result<PathBuf, ScaffoldError> {
    let (folder, extension) = place(kind).ok_or(ScaffoldError::Unsupported(kind))?;
    check_id(model, kind, id)?;
    let relative = Path::new("content").join(folder).join(format!("{id}.{extension}"));
    let text = templates::text(model, kind, id, today);
    write_new(&root.join(&relative), &text).map_err(|error| match error {
        ScaffoldError::Exists(_) => ScaffoldError::Exists(relative.clone()),
        other => other,
    })?;
    Ok(relative)
}

/// The id rules of `kind`, and that the id is free (also in other spellings of case).
fn check_id(model: &Model, kind: EntityKind, id: &str) -> Result<(), ScaffoldError> {
    let invalid = |rule: String| ScaffoldError::InvalidId { id: id.to_owned(), rule };
    match kind {
        EntityKind::Project | EntityKind::Demand if !crate::model::slug::is_code(id) => return Err(invalid(
            "Projekt- und Bedarfs-IDs bestehen aus Buchstaben, Ziffern, `-` und `.`, ohne Leerzeichen und Umlaute, z. B. `P-2026-014`.".to_owned(),
        )),
        EntityKind::Period => check_period(model, id).map_err(invalid)?,
        EntityKind::Page if !id.split('/').all(crate::model::slug::is_slug) => return Err(invalid(slug_rule(id, true))),
        EntityKind::Role | EntityKind::Body | EntityKind::Paper | EntityKind::Decision if !crate::model::slug::is_slug(id) => {
            return Err(invalid(slug_rule(id, false)));
        }
        _ => {}
    }
    if id == "index" || id.ends_with("/index") {
        return Err(invalid("Der Name `index` ist an die Übersichtsseite jedes Bereichs vergeben.".to_owned()));
    }
    let existing = model.ids(kind).into_iter().map(|(existing, _)| existing).find(|e| e.eq_ignore_ascii_case(id));
    match existing {
        Some(existing) => Err(ScaffoldError::Taken { id: id.to_owned(), existing: existing.to_owned() }),
        None => Ok(()),
    }
}

fn slug_rule(id: &str, page: bool) -> String {
    let mut rule =
        "IDs bestehen aus Kleinbuchstaben, Ziffern und `-`; Umlaute werden umschrieben (ä → ae, ß → ss)".to_owned();
    if page {
        rule.push_str("; `/` trennt den Ordner unter `content/pages/`");
    }
    rule.push('.');
    let suggestion: Vec<String> = id.split('/').map(crate::model::slug::slugify).collect();
    if suggestion.iter().all(|part| !part.is_empty()) {
        rule.push_str(&format!(" Zum Beispiel: `{}`.", suggestion.join("/")));
    }
    rule
}

/// A period id of the scheme the site's periods use.
fn check_period(model: &Model, id: &str) -> Result<(), String> {
    use crate::model::period_id::scheme_of;
    let Some(scheme) = scheme_of(id) else {
        return Err(
            "Berichtsperioden heißen nach Quartal (`2026-Q4`), Halbjahr (`2026-H2`) oder Jahr (`2026`).".to_owned()
        );
    };
    match model.periods.first().and_then(|period| scheme_of(&period.id)) {
        Some(used) if used != scheme => Err(format!(
            "Die Berichtsperioden dieser Website sind nach {} benannt (z. B. `{}`); alle Perioden folgen demselben Schema.",
            used.label(),
            model.periods[0].id
        )),
        _ => Ok(()),
    }
}

/// Writes `text` to a file that must not exist yet, with its folder.
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    crate::output::create_new(path, text.as_bytes()).map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(path.to_path_buf()),
        _ => ScaffoldError::Write(path.to_path_buf(), error),
    })
}

/// Today's date from the clock, for the dates a new file starts with.
pub fn today() -> Date {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}
