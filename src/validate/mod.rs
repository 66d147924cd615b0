//! Checks the loaded model: that every id is unique, every reference resolves, and the
//! domain's rules hold. Returns every problem, never just the first.

mod governance;
mod ids;
mod links;
mod papers;
mod portfolio;
mod raci;
mod refs;

use crate::diag::Diagnostic;
use crate::model::Model;
use crate::source::SourceMap;

pub use refs::Checker;

/// Indexes the model's ids (so later stages can look things up) and checks it.
pub fn validate(model: &mut Model, sources: &SourceMap) -> Vec<Diagnostic> {
    let mut diagnostics = ids::index(model);
    let mut checker = Checker::new(model, sources);
    governance::check(&mut checker);
    raci::check(&mut checker);
    portfolio::check(&mut checker);
    papers::check(&mut checker);
    links::check(&mut checker, sources);
    diagnostics.extend(checker.finish());
    diagnostics
}
