//! The checked site as every renderer sees it: the model, the settings beside it, and the
//! reporting period the build is made as of. Renderers never see an optional setting.

use crate::config::Config;
use crate::labels::Labels;
use crate::model::{EntityKind, Model, Page, Period};

/// What a build renders: content that passed `lotse check`.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    /// The period pages and dashboards show as current: the build option, else
    /// `current_period` from `site.toml`, else the latest; `None` without periods.
    pub period: Option<&'a Period>,
    /// The words readers see: the theme's labels with the site's own on top.
    pub labels: &'a Labels,
}

impl<'a> Site<'a> {
    /// The site as of `period` (an id that must exist), else as `site.toml` says.
    pub fn new(model: &'a Model, config: &'a Config, labels: &'a Labels, period: Option<&str>) -> Site<'a> {
        let wanted = period.or_else(|| config.current_period.as_ref().map(|p| p.get_ref().as_str()));
        Site { model, config, period: model.period_as_of(wanted), labels }
    }

    /// A label: the text readers see for `key`.
    pub fn label(&self, key: &str) -> String {
        self.labels.get(key)
    }

    /// The id of the current period, if there is one.
    pub fn period_id(&self) -> Option<&'a str> {
        self.period.map(|p| p.id.as_str())
    }

    /// The date a handbook document carries: the site's `updated`, else the first day of
    /// 2000, so that a PDF stays reproducible without inventing a date of the content.
    pub fn updated_or_epoch(&self) -> crate::model::Date {
        self.config.updated.as_ref().map_or(crate::model::Date { year: 2000, month: 1, day: 1 }, |d| *d.get_ref())
    }

    /// The free pages `handbuch.pdf` holds, as `[handbook]` in `site.toml` names them by
    /// section or id, in navigation order; drafts never.
    pub fn handbook_pages(&self) -> Vec<&'a Page> {
        let chosen = &self.config.handbook;
        let named: Vec<usize> = chosen
            .pages
            .iter()
            .filter_map(|id| Some(self.model.lookup(EntityKind::Page, id.get_ref())?.index))
            .collect();
        let mut pages: Vec<&Page> = (self.model.pages.iter().enumerate())
            .filter(|(index, page)| {
                !page.draft
                    && (named.contains(index) || chosen.sections.iter().any(|s| in_section(&page.id, s.get_ref())))
            })
            .map(|(_, page)| page)
            .collect();
        pages.sort_by_key(|p| (p.weight, p.title.clone()));
        pages
    }
}

/// Whether a page id (`anleitungen/antrag`) lies in a folder below `pages/` (`anleitungen`).
pub fn in_section(page: &str, section: &str) -> bool {
    let section = section.trim_matches('/');
    page.strip_prefix(section).is_some_and(|rest| rest.starts_with('/'))
}
