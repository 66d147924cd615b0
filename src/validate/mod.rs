//! Checks the loaded model: that every id is unique, every reference resolves, and the
//! domain's rules hold. Returns every problem, never just the first.

mod cycles;
mod governance;
mod links;
mod papers;
mod portfolio;
mod provenance;
mod raci;
mod refs;
mod settings;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::Model;
use crate::source::SourceMap;

pub use links::{Scan, scan};
pub use refs::Checker;

/// Checks the model against `site.toml` and the domain's rules, and records in the model
/// what each reference resolved to, so that no later stage resolves it again.
pub fn validate(model: &mut Model, config: Option<&Config>, sources: &SourceMap) -> Vec<Diagnostic> {
    let mut checker = Checker::new(model, config, sources);
    governance::check(&mut checker);
    raci::check(&mut checker);
    portfolio::check(&mut checker);
    cycles::check(&mut checker);
    papers::check(&mut checker);
    provenance::check(&mut checker);
    links::check(&mut checker, sources);
    settings::check(&mut checker);
    let (diagnostics, resolved) = checker.finish();
    model.resolved = resolved;
    model.reading_targets = crate::model::ReadingTargets::new(model);
    diagnostics
}
