//! Links from a PDF into the site: absolute, because a PDF has no place in the site to
//! link relatively from.

use crate::markdown::LinkResolver;
use crate::model::{EntityKind, Model};
use crate::paths as urls;

/// Content links in a PDF point at the published site when `base_url` is a web address;
/// otherwise only their text remains (a PDF has no relative place to link from).
pub struct SiteLinks<'m> {
    model: &'m Model,
    base: Option<String>,
}

impl<'m> SiteLinks<'m> {
    pub fn new(site: &crate::site::Site<'m>) -> SiteLinks<'m> {
        SiteLinks { model: site.model, base: urls::absolute_base(site.config.base_url.get_ref()) }
    }

    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<String> {
        Some(format!("{}/{}", self.base.as_ref()?, urls::entity(kind, id)?))
    }
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String> {
        let path = urls::link(self.model, scheme, id)?;
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        Some(format!("{}/{path}{fragment}", self.base.as_ref()?))
    }
}
