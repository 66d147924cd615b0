//! The portfolio the model steers: goals, criteria, KPIs, projects, demands, periods.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Date, Origin, Ref, Spanned};

/// `goals.toml`: strategic goals and the weighted criteria for prioritisation.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalsFile {
    #[serde(default)]
    pub goal: Vec<Goal>,
    #[serde(default)]
    pub criterion: Vec<Criterion>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// A prioritisation criterion; a project's `scores` give 0..5 per criterion.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[schemars(with = "f64")]
    pub weight: Spanned<f64>,
    #[serde(default)]
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// `kpis.toml`.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpisFile {
    #[serde(default)]
    pub kpi: Vec<Kpi>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// Unit of measure as readers see it ("%", "Stunden").
    pub unit: String,
    pub target: f64,
    pub better: Better,
    #[schemars(with = "Option<String>")]
    pub owner: Option<Ref>,
    #[serde(default)]
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

/// `projects/<id>.toml`.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    #[serde(skip)]
    pub id: String,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub summary: String,
    #[schemars(with = "String")]
    pub unit: Ref,
    #[schemars(with = "Option<String>")]
    pub lead: Option<Ref>,
    #[schemars(with = "Phase")]
    pub phase: Spanned<Phase>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub goals: Vec<Ref>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, i64>")]
    pub scores: BTreeMap<String, Spanned<i64>>,
    pub budget: Option<Budget>,
    #[schemars(with = "Option<Date>")]
    pub start: Option<Spanned<Date>>,
    #[schemars(with = "Option<Date>")]
    pub end: Option<Spanned<Date>>,
    #[serde(default)]
    pub fast_lane: bool,
    #[schemars(with = "Option<String>")]
    pub provider: Option<Ref>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub depends_on: Vec<Ref>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Antrag,
    Priorisiert,
    Beauftragt,
    Umsetzung,
    Abgeschlossen,
    Betrieb,
    Gestoppt,
}

vocabulary!(Phase, "phase_" {
    Antrag => "antrag", Priorisiert => "priorisiert", Beauftragt => "beauftragt", Umsetzung => "umsetzung",
    Abgeschlossen => "abgeschlossen", Betrieb => "betrieb", Gestoppt => "gestoppt",
});

/// Budget in EUR.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[schemars(with = "f64")]
    pub planned: Spanned<f64>,
    #[schemars(with = "Option<f64>")]
    pub approved: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[schemars(with = "Date")]
    pub baseline: Spanned<Date>,
}

/// `demands/<id>.toml`: a Bedarf raised by a Fachamt.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    #[serde(skip)]
    pub id: String,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub summary: String,
    #[schemars(with = "String")]
    pub unit: Ref,
    #[schemars(with = "Date")]
    pub received: Spanned<Date>,
    #[schemars(with = "Stage")]
    pub stage: Spanned<Stage>,
    #[schemars(with = "Option<String>")]
    pub advisor: Option<Ref>,
    #[schemars(with = "Option<String>")]
    pub project: Option<Ref>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Erfasst,
    Dialog,
    Antrag,
    Vorlage,
    Priorisiert,
    Abgelehnt,
    FastLane,
}

// Reading order: the funnel's steps, then its two ways out.
vocabulary!(Stage, "stage_" {
    Erfasst => "erfasst", Dialog => "dialog", Antrag => "antrag", Vorlage => "vorlage",
    Priorisiert => "priorisiert", FastLane => "fast_lane", Abgelehnt => "abgelehnt",
});

impl Stage {
    /// The steps of the demand funnel, in order; the other stages leave it.
    pub const FUNNEL: &'static [Stage] =
        &[Stage::Erfasst, Stage::Dialog, Stage::Antrag, Stage::Vorlage, Stage::Priorisiert];
    /// The ways out of the funnel.
    pub const BRANCHES: &'static [Stage] = &[Stage::FastLane, Stage::Abgelehnt];
}

/// `periods/<YYYY-Qn>.toml`: one status snapshot.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(skip)]
    pub id: String,
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub status: Vec<Status>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, f64>")]
    pub kpi: BTreeMap<String, Spanned<f64>>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A project's status in one period.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    #[schemars(with = "String")]
    pub project: Ref,
    #[schemars(with = "Ampel")]
    pub overall: Spanned<Ampel>,
    pub schedule: Option<Ampel>,
    pub cost: Option<Ampel>,
    pub scope: Option<Ampel>,
    pub resources: Option<Ampel>,
    #[schemars(with = "Option<f64>")]
    pub progress: Option<Spanned<f64>>,
    #[schemars(with = "Option<f64>")]
    pub spent: Option<Spanned<f64>>,
    /// Milestone id -> forecast date, for the milestone trend analysis.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Date>")]
    pub forecast: BTreeMap<String, Spanned<Date>>,
    #[serde(default)]
    pub risks: String,
    #[serde(default)]
    pub comment: String,
    /// What is being done about a yellow or red status.
    pub measures: Option<String>,
    /// For red: the body or role it is escalated to.
    #[schemars(with = "Option<String>")]
    pub escalated_to: Option<Ref>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Ampel {
    Green,
    Yellow,
    Red,
}

vocabulary!(Ampel, "ampel_" { Green => "green", Yellow => "yellow", Red => "red" });
