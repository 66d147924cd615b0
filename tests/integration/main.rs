//! All integration tests in one binary, so that Typst is linked once: the command line,
//! invalid content and its diagnostics, the bundled Mainz content's facts, the built site,
//! its PDFs and its search, and the fixture sites of other shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
mod search_common;

mod cli;
mod diagram;
mod export_json;
mod handbook;
mod hostile;
mod incremental;
mod invalid;
mod kill;
mod mainz_content;
mod merged_roles;
mod oparl;
mod pdf;
mod portfolio;
mod provenance;
mod robustness;
mod scaffold;
mod schema;
mod search;
mod search_js;
mod serve;
mod site;
mod sites;
mod status_sheet;
