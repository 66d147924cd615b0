//! Lotse: the handbook, committee papers and dashboards of a city's IT governance model,
//! generated from plain TOML and Markdown files.
//!
//! The pipeline runs one way: [`load`] reads `content/` into a [`model::Model`],
//! [`validate`] checks it, and the renderers turn it into output.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod boundary;
pub mod build;
pub mod charts;
pub mod cli;
pub mod config;
pub mod diag;
pub mod diagram;
pub mod figures;
pub mod german;
pub mod html;
pub mod labels;
pub mod load;
pub mod markdown;
pub mod model;
pub mod oparl;
pub mod output;
pub mod paths;
pub mod pdf;
pub mod portfolio;
pub mod published;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod sheet;
pub mod site;
pub mod source;
pub mod theme;
pub mod timings;
pub mod validate;
pub mod view;
