//! The steering model itself: levels, units, roles, bodies, flows, RACI, premises,
//! challenges, staffing and glossary.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Markdown, Origin, Ref, Spanned};

/// `levels.toml`: the three levels of the model.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelsFile {
    #[serde(default)]
    pub level: Vec<Level>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
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

/// `units.toml`: organisational units (Ämter, Sachgebiete, service providers, groups of units).
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    #[serde(default)]
    pub unit: Vec<Unit>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[schemars(with = "UnitKind")]
    pub kind: Spanned<UnitKind>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub parent: Option<Ref>,
    /// The level band the unit is drawn in, where the steering model places it.
    #[schemars(with = "Option<String>")]
    pub level: Option<Ref>,
    #[serde(default)]
    pub description: String,
    /// Invented for the example portfolio, not taken from the source.
    #[serde(default)]
    pub example: bool,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RaciLetters>")]
    pub raci: BTreeMap<String, Spanned<RaciLetters>>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Dezernat,
    Amt,
    Abteilung,
    Sachgebiet,
    Dienstleister,
    Eigenbetrieb,
    Gruppe,
    Team,
}

vocabulary!(UnitKind, "unit_kind_" {
    Dezernat => "dezernat", Amt => "amt", Abteilung => "abteilung", Sachgebiet => "sachgebiet",
    Dienstleister => "dienstleister", Eigenbetrieb => "eigenbetrieb", Gruppe => "gruppe", Team => "team",
});

/// `roles/<id>.toml`: one Rollensteckbrief, plus optional prose from `roles/<id>.md`.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    #[serde(skip)]
    pub id: String,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// Ids of roles merged into this one (two names of one position): references to them
    /// resolve here without a warning, and the merge is undone by giving the id its own
    /// file again.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub merged: Vec<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub unit: Option<Ref>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub levels: Vec<Ref>,
    /// The level as the source words it ("Operativ + Steuernd").
    pub level_text: Option<String>,
    /// Whether the source has a Rollensteckbrief for this role.
    #[serde(default = "yes")]
    pub card: bool,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub tasks: Vec<TaskGroup>,
    pub pay_grade: Option<String>,
    #[serde(default)]
    pub interfaces: Vec<Interface>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RaciLetters>")]
    pub raci: BTreeMap<String, Spanned<RaciLetters>>,
    #[serde(skip)]
    pub prose: Option<Markdown>,
    #[serde(skip)]
    pub origin: Origin,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskGroup {
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    pub items: Vec<String>,
}

/// A sentence on how a role works with another role, body or unit.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    #[schemars(with = "String")]
    pub with: Ref,
    pub text: String,
}

/// One or more RACI letters, written as "R", "A", "C", "I" or combined ("A/R").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RaciLetters {
    pub responsible: bool,
    pub accountable: bool,
    pub consulted: bool,
    pub informed: bool,
}

impl RaciLetters {
    pub fn parse(text: &str) -> Option<RaciLetters> {
        let mut letters = RaciLetters::default();
        for part in text.split(['/', ',', '+']).map(str::trim) {
            let flag = match part {
                "R" => &mut letters.responsible,
                "A" => &mut letters.accountable,
                "C" => &mut letters.consulted,
                "I" => &mut letters.informed,
                _ => return None,
            };
            *flag = true;
        }
        Some(letters)
    }

    /// The letters in the order R, A, C, I, joined by "/".
    pub fn label(self) -> String {
        [(self.responsible, "R"), (self.accountable, "A"), (self.consulted, "C"), (self.informed, "I")]
            .iter()
            .filter(|(set, _)| *set)
            .map(|(_, letter)| *letter)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// In a schema: the letters as the content writes them.
impl schemars::JsonSchema for RaciLetters {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RaciBuchstaben".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^\\s*[RACI]\\s*([/,+]\\s*[RACI]\\s*)*$",
            "description": "R (verantwortlich), A (rechenschaftspflichtig), C (konsultiert), I (informiert) oder verbunden wie A/R."
        })
    }
}

/// Written as in the content: `"A/R"`.
impl serde::Serialize for RaciLetters {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for RaciLetters {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        RaciLetters::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{}`{text}` ist kein RACI-Wert|Erlaubt sind \"R\" (verantwortlich), \"A\" (rechenschaftspflichtig), \"C\" (konsultiert), \"I\" (informiert) oder Kombinationen wie \"A/R\".",
                super::GERMAN_MESSAGE
            ))
        })
    }
}

/// `bodies/<id>.toml`: one Gremium.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    #[serde(skip)]
    pub id: String,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[schemars(with = "String")]
    pub level: Ref,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub members: Vec<Member>,
    #[schemars(with = "Option<String>")]
    pub chair: Option<Ref>,
    pub cadence: Option<String>,
    #[serde(default)]
    pub tasks: Vec<String>,
    #[serde(default)]
    pub decides: Vec<String>,
    #[schemars(with = "Option<String>")]
    pub reports_to: Option<Ref>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RaciLetters>")]
    pub raci: BTreeMap<String, Spanned<RaciLetters>>,
    #[serde(skip)]
    pub prose: Option<Markdown>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A seat in a body: a role, a unit, or a group the source names only in words.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    #[schemars(with = "Option<String>")]
    pub role: Option<Ref>,
    #[schemars(with = "Option<String>")]
    pub unit: Option<Ref>,
    /// How the source labels the seat ("Vertretung des IT-Dienstleisters", "Weitere Akteure").
    #[serde(default, deserialize_with = "super::limits::title")]
    pub label: Option<String>,
    #[serde(default)]
    pub mode: MemberMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MemberMode {
    #[default]
    Member,
    /// "beratend" in the source: may be consulted or informed, never decide.
    Advisory,
}

/// `flows.toml`: the arrows of the steering-model diagram.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlowsFile {
    #[serde(default)]
    pub flow: Vec<Flow>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    #[schemars(with = "String")]
    pub from: Ref,
    #[schemars(with = "String")]
    pub to: Ref,
    #[serde(deserialize_with = "super::limits::title")]
    pub label: String,
    #[serde(default)]
    pub kind: FlowKind,
    #[serde(default)]
    pub description: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FlowKind {
    #[default]
    Regular,
    Reporting,
    FastLane,
}

vocabulary!(FlowKind, "flow_" { Regular => "regular", Reporting => "reporting", FastLane => "fast_lane" });

/// `raci.toml`: the activities of the project life cycle; the letters live on roles, bodies and units.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaciFile {
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub activity: Vec<Activity>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: String,
    /// The body in which the activity takes place; its advisory members may only be C or I.
    #[schemars(with = "Option<String>")]
    pub body: Option<Ref>,
    #[serde(skip)]
    pub origin: Origin,
}

/// `premises/<NN>-<id>.md`: one Prämisse.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Premise {
    #[serde(skip)]
    pub id: String,
    #[serde(skip)]
    pub order: u32,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub summary: String,
    #[serde(skip)]
    pub body: Markdown,
    #[serde(skip)]
    pub origin: Origin,
}

/// `challenges.toml`: the Handlungsfelder from the assessment.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChallengesFile {
    #[serde(default)]
    pub challenge: Vec<Challenge>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(deserialize_with = "super::limits::title")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub text: String,
    /// The area of the steering model: Organisation/Personal, Projektportfolio or Prozesse.
    pub area: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub addressed_by: Vec<Ref>,
    #[serde(skip)]
    pub origin: Origin,
}

/// `staffing.toml`: the Stellenplan of the steering model.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub position: Vec<Position>,
    pub fachamt: Option<FachamtStaffing>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One row of the staffing table.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    #[schemars(with = "String")]
    pub role: Ref,
    /// The row's wording in the source ("Berater:innen").
    #[serde(deserialize_with = "super::limits::title")]
    pub label: String,
    pub pay_grade: Option<String>,
    /// Target FTE; absent where the source leaves it open ("_*").
    #[schemars(with = "Option<f64>")]
    pub target: Option<Spanned<f64>>,
    #[schemars(with = "f64")]
    pub current: Spanned<f64>,
    /// Year -> FTE hired in that wave.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, f64>")]
    pub waves: BTreeMap<String, Spanned<f64>>,
    /// The last wave reads "ff.": it continues after its year.
    #[serde(default)]
    pub open_ended: bool,
    /// The target as the source writes it where that is no number ("_*"): shown as is.
    pub target_text: Option<String>,
    /// The waves as the source writes them where they give no numbers ("2027 ff."):
    /// shown as is; the chart leaves the position out.
    pub waves_text: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl Position {
    /// The target as readers see it: the number, else the source's own text, else "–".
    pub fn target_shown(&self) -> String {
        match (&self.target, &self.target_text) {
            (Some(target), _) => crate::german::number(*target.get_ref()),
            (None, Some(text)) => text.clone(),
            (None, None) => "–".to_owned(),
        }
    }
}

/// The Fachamt side of the staffing plan.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FachamtStaffing {
    #[schemars(with = "f64")]
    pub evp_fte: Spanned<f64>,
    #[schemars(with = "f64")]
    pub coordinator_fte: Spanned<f64>,
    #[serde(default)]
    pub note: String,
}

/// `glossary.toml`.
#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub term: Vec<Term>,
}

#[derive(Debug, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[schemars(with = "String")]
    #[serde(deserialize_with = "super::limits::title")]
    pub term: Spanned<String>,
    pub definition: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    #[serde(skip)]
    pub origin: Origin,
}
