//! What is written for readers: free pages, committee papers and the decision log.

use serde::Deserialize;

use super::{Date, Markdown, Origin, Ref, Spanned};

/// `pages/**/*.md`: a free handbook page.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The path below `pages/` without `.md`, e.g. `hintergrund` or `anhang/itz`.
    #[serde(skip)]
    pub id: String,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub draft: bool,
    /// Listed in the navigation; `false` for pages reached from the footer.
    #[serde(default = "listed")]
    pub nav: bool,
    #[schemars(with = "Option<Date>")]
    pub updated: Option<Spanned<Date>>,
    #[serde(skip)]
    pub body: Markdown,
    #[serde(skip)]
    pub origin: Origin,
}

/// `papers/<id>.md`: a Vorlage (OParl "Paper").
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    #[serde(skip)]
    pub id: String,
    /// Vorlage-Nr.; absent until the council office assigns one.
    pub reference: Option<String>,
    #[schemars(with = "PaperType")]
    pub paper_type: Spanned<PaperType>,
    /// Betreff.
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// Federführende Stelle (unit id).
    #[schemars(with = "String")]
    pub originator: Ref,
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    /// Beschlussvorschlag (Markdown); absent in an Informationsvorlage.
    #[schemars(with = "Option<String>")]
    pub resolution: Option<Spanned<String>>,
    pub finance: Option<Finance>,
    #[serde(default)]
    pub attachments: Vec<String>,
    #[serde(default)]
    pub example: bool,
    #[serde(skip)]
    pub body: Markdown,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
pub enum PaperType {
    Beschlussvorlage,
    Informationsvorlage,
    Mitteilungsvorlage,
}

vocabulary!(PaperType, "paper_type_" {
    Beschlussvorlage => "Beschlussvorlage",
    Informationsvorlage => "Informationsvorlage",
    Mitteilungsvorlage => "Mitteilungsvorlage",
});

/// One row of the Beratungsfolge.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The committee as named in the council ("Haupt- und Personalausschuss").
    pub body: String,
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    pub role: ConsultationRole,
    /// Whether this committee decides (federführend); absent means no.
    #[schemars(with = "Option<bool>")]
    pub authoritative: Option<Spanned<bool>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
pub enum ConsultationRole {
    Vorberatung,
    Entscheidung,
    Kenntnisnahme,
}

vocabulary!(ConsultationRole, "consultation_" {
    Vorberatung => "Vorberatung",
    Entscheidung => "Entscheidung",
    Kenntnisnahme => "Kenntnisnahme",
});

/// Finanzielle Auswirkungen.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finance {
    pub budget_affected: bool,
    #[schemars(with = "Option<f64>")]
    pub amount: Option<Spanned<f64>>,
    pub covered: Option<bool>,
    /// Deckungsvorschlag.
    pub coverage: Option<String>,
    #[schemars(with = "Option<f64>")]
    pub follow_up_costs: Option<Spanned<f64>>,
    #[serde(default)]
    pub text: String,
}

/// `decisions/<id>.toml`: a Beschluss or a granted exception.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    #[serde(skip)]
    pub id: String,
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// The body of the model that decided (id); for a council committee use `committee`.
    #[schemars(with = "Option<String>")]
    pub body: Option<Ref>,
    pub committee: Option<String>,
    pub subject: String,
    #[schemars(with = "Option<String>")]
    pub premise: Option<Ref>,
    #[schemars(with = "Option<String>")]
    pub paper: Option<Ref>,
    /// The decision's wording (Markdown).
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    #[serde(default)]
    pub example: bool,
    #[serde(skip)]
    pub origin: Origin,
}

fn listed() -> bool {
    true
}
