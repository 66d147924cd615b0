//! `content/site.toml`: who publishes the site and what to build.

use serde::Deserialize;

use crate::model::{Origin, Spanned};

/// The site's settings as written in `site.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Title of the handbook ("DigIT-Handbuch").
    pub title: String,
    /// The publishing organisation ("Landeshauptstadt Mainz").
    pub organisation: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub description: String,
    /// Path of a logo image below the site's `static/` folder (or the theme's).
    pub logo: Option<String>,
    /// The reporting period that pages and dashboards show as current.
    pub current_period: Option<Spanned<String>>,
    /// Show the example-data banner on pages with portfolio data.
    #[serde(default)]
    pub example_data: bool,
    /// When the content as a whole was last changed ("Stand"); pages may give their own date.
    pub updated: Option<Spanned<crate::model::Date>>,
    /// Where readers send feedback on the site (an e-mail address or an intranet URL).
    pub feedback: Option<Spanned<String>>,
    #[serde(default)]
    pub build: BuildSettings,
    #[serde(skip)]
    pub origin: Origin,
}

/// Which outputs `lotse build` writes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildSettings {
    #[serde(default = "yes")]
    pub site: bool,
    #[serde(default = "yes")]
    pub pdf: bool,
}

impl Default for BuildSettings {
    fn default() -> Self {
        BuildSettings { site: true, pdf: true }
    }
}

fn yes() -> bool {
    true
}

fn default_language() -> String {
    "de".to_owned()
}

fn default_base_url() -> String {
    "/".to_owned()
}

fn default_theme() -> String {
    "default".to_owned()
}
