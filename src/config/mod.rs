//! `content/site.toml`: who publishes the site and what to build.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{Origin, Spanned};

/// The site's settings as written in `site.toml`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Title of the handbook ("IT-Handbuch").
    #[serde(deserialize_with = "crate::model::limits::title")]
    pub title: String,
    /// The publishing organisation ("Stadtverwaltung Musterstadt").
    #[serde(deserialize_with = "crate::model::limits::title")]
    pub organisation: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_base_url")]
    #[schemars(with = "String")]
    pub base_url: Spanned<String>,
    /// The folder below `themes/` whose files come before the built-in theme's.
    #[serde(default = "default_theme")]
    #[schemars(with = "String")]
    pub theme: Spanned<String>,
    #[serde(default)]
    pub description: String,
    /// Path of a logo image below the site's `static/` folder (or the theme's).
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// The reporting period that pages and dashboards show as current.
    #[schemars(with = "Option<String>")]
    pub current_period: Option<Spanned<String>>,
    /// Show the example-data banner on pages with portfolio data.
    #[serde(default)]
    pub example_data: bool,
    /// When the content as a whole was last changed ("Stand"); pages may give their own date.
    #[schemars(with = "Option<crate::model::Date>")]
    pub updated: Option<Spanned<crate::model::Date>>,
    /// Where readers send feedback on the site: `mailto:…`, an intranet URL or `page:<id>`.
    #[schemars(with = "Option<String>")]
    pub feedback: Option<Spanned<String>>,
    /// The accessibility statement (Erklärung zur Barrierefreiheit), linked from every page:
    /// `page:<id>` or an intranet URL.
    #[schemars(with = "Option<String>")]
    pub accessibility: Option<Spanned<String>>,
    /// The site in easy language (Leichte Sprache), linked from every page.
    #[schemars(with = "Option<String>")]
    pub easy_language: Option<Spanned<String>>,
    /// The facts BITV 2.0 § 7 asks of the accessibility statement besides its text.
    #[serde(default)]
    pub accessibility_statement: StatementFacts,
    /// The start page's entry links, as content links (`role:<id>`, `page:<id>`, …).
    #[serde(default)]
    pub start: StartLinks,
    /// Words of the theme's labels that this site says differently, key by key.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub labels: std::collections::BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub build: BuildSettings,
    #[serde(default)]
    pub handbook: HandbookSettings,
    #[serde(skip)]
    pub origin: Origin,
    /// `content/vocabulary.toml`, if the site has one.
    #[serde(skip)]
    pub vocabulary: Option<Vocabulary>,
}

/// `content/vocabulary.toml`: the site's own words for the values of the fixed
/// vocabularies (`[demand_stages.dialog] name = "Im Erstgespräch"`).
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub phases: BTreeMap<String, Spanned<Renamed>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub demand_stages: BTreeMap<String, Spanned<Renamed>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub flow_kinds: BTreeMap<String, Spanned<Renamed>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub unit_kinds: BTreeMap<String, Spanned<Renamed>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub paper_types: BTreeMap<String, Spanned<Renamed>>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Renamed>")]
    pub consultation_roles: BTreeMap<String, Spanned<Renamed>>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A value of a vocabulary under the site's own name.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    pub name: String,
}

/// One vocabulary of `vocabulary.toml`: its table name, the label prefix of its values,
/// its values' keys and the site's renamings.
pub type VocabularyTable<'a> = (&'static str, &'static str, Vec<&'static str>, &'a BTreeMap<String, Spanned<Renamed>>);

impl Vocabulary {
    /// Every vocabulary a site may rename values of.
    pub fn tables(&self) -> [VocabularyTable<'_>; 6] {
        use crate::model::{ConsultationRole, FlowKind, PaperType, Phase, Stage, UnitKind};
        fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| key(*v)).collect()
        }
        [
            ("phases", Phase::LABEL_PREFIX, keys(Phase::ALL, Phase::key), &self.phases),
            ("demand_stages", Stage::LABEL_PREFIX, keys(Stage::ALL, Stage::key), &self.demand_stages),
            ("flow_kinds", FlowKind::LABEL_PREFIX, keys(FlowKind::ALL, FlowKind::key), &self.flow_kinds),
            ("unit_kinds", UnitKind::LABEL_PREFIX, keys(UnitKind::ALL, UnitKind::key), &self.unit_kinds),
            ("paper_types", PaperType::LABEL_PREFIX, keys(PaperType::ALL, PaperType::key), &self.paper_types),
            (
                "consultation_roles",
                ConsultationRole::LABEL_PREFIX,
                keys(ConsultationRole::ALL, ConsultationRole::key),
                &self.consultation_roles,
            ),
        ]
    }

    /// The renamings as labels (`stage_dialog` → "Im Erstgespräch"), for known values.
    pub fn labels(&self) -> Vec<(String, String)> {
        let mut labels = Vec::new();
        for (_, prefix, known, renamed) in self.tables() {
            for (key, entry) in renamed.iter().filter(|(key, _)| known.contains(&key.as_str())) {
                labels.push((format!("{prefix}{key}"), entry.get_ref().name.clone()));
            }
        }
        labels
    }
}

/// What the accessibility statement must say that only the organisation knows; the page
/// named by `accessibility` shows it below its own text, and `lotse check` warns while a
/// fact is missing.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementFacts {
    /// The enforcement procedure (Durchsetzungsverfahren): the arbitration body readers
    /// may turn to, with its address.
    #[schemars(with = "Option<String>")]
    pub enforcement: Option<Spanned<String>>,
    /// When the statement was written (Erstellungsdatum).
    #[schemars(with = "Option<crate::model::Date>")]
    pub created: Option<Spanned<crate::model::Date>>,
}

/// The three entry questions of the start page and the links under each.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartLinks {
    /// "I have a need": where a demand starts.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub need: Vec<Spanned<String>>,
    /// "What is my role": role cards and how roles differ.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub role: Vec<Spanned<String>>,
    /// "What are the rules": premises and background.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub rules: Vec<Spanned<String>>,
}

impl StartLinks {
    /// Every link with where it is written.
    pub fn all(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.need.iter().chain(&self.role).chain(&self.rules)
    }
}

/// Which outputs `lotse build` writes.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildSettings {
    /// The handbook's HTML pages, search index and assets.
    #[serde(default = "yes")]
    pub site: bool,
    /// The PDFs (papers, dashboards, role cards, the handbook) and OParl files.
    #[serde(default = "yes")]
    pub pdf: bool,
    /// Seconds one PDF may take to typeset; a template that takes longer ends the build
    /// with an error naming it, so that no template can hang a build.
    #[serde(default = "default_pdf_time_limit")]
    #[schemars(with = "u32")]
    pub pdf_time_limit: Spanned<u32>,
    /// Mebibytes of memory the build may hold while it typesets; beyond them it ends with
    /// an error naming the PDF, before a huge table can exhaust the machine.
    #[serde(default = "default_pdf_memory_limit")]
    #[schemars(with = "u32")]
    pub pdf_memory_limit: Spanned<u32>,
}

/// Seconds per PDF when `site.toml` gives no `pdf_time_limit`: a hundred times what the
/// longest PDF of a large site takes.
pub const DEFAULT_PDF_TIME_LIMIT: u32 = 120;

fn default_pdf_time_limit() -> Spanned<u32> {
    Spanned::new(0..0, DEFAULT_PDF_TIME_LIMIT)
}

/// Mebibytes when `site.toml` gives no `pdf_memory_limit`: ten times what the bundled
/// content needs, and what a 300-page handbook of dense tables takes.
pub const DEFAULT_PDF_MEMORY_LIMIT: u32 = 4096;

fn default_pdf_memory_limit() -> Spanned<u32> {
    Spanned::new(0..0, DEFAULT_PDF_MEMORY_LIMIT)
}

/// What `handbuch.pdf` holds besides the governance model (roles, bodies, premises,
/// staffing, glossary): free pages only where named, so that the PDF does not grow with
/// every page the handbook gains.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandbookSettings {
    /// Folders below `content/pages/` whose pages all go in (`"anleitungen"`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub sections: Vec<Spanned<String>>,
    /// Single pages by id (`"ausgangslage"`, `"anhang/itz"`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub pages: Vec<Spanned<String>>,
    /// The most pages the PDF may have; a longer handbook is an error that names what to trim.
    #[serde(default = "default_max_pages")]
    #[schemars(with = "u32")]
    pub max_pages: Spanned<u32>,
}

impl Default for HandbookSettings {
    fn default() -> Self {
        HandbookSettings { sections: Vec::new(), pages: Vec::new(), max_pages: default_max_pages() }
    }
}

fn default_max_pages() -> Spanned<u32> {
    Spanned::new(0..0, DEFAULT_MAX_PAGES)
}

/// The page budget of the handbook PDF when `site.toml` gives none.
pub const DEFAULT_MAX_PAGES: u32 = 300;

impl Default for BuildSettings {
    fn default() -> Self {
        BuildSettings {
            site: true,
            pdf: true,
            pdf_time_limit: default_pdf_time_limit(),
            pdf_memory_limit: default_pdf_memory_limit(),
        }
    }
}

fn yes() -> bool {
    true
}

fn default_language() -> String {
    "de".to_owned()
}

fn default_base_url() -> Spanned<String> {
    Spanned::new(0..0, "/".to_owned())
}

fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".to_owned())
}
