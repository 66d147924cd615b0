//! Links as views show them: a title and an href that starts with the way from the page
//! (or document) being made back to the site's root.

use serde::Serialize;

use crate::markdown::{FigureKind, LinkResolver};
use crate::model::{EntityKind, Model};
use crate::paths;
use crate::site::Site;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub title: String,
    pub href: String,
}

/// A name that links where its entity has a page, and is plain text where it has none.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub title: String,
    pub href: Option<String>,
}

/// Draws a named figure (```` ```chart steuerungsmodell ````) in a Markdown body; a
/// renderer that can place figures there gives one to its [`Linker`].
pub trait FigureDrawer {
    fn figure(&self, linker: &Linker<'_>, kind: FigureKind, name: &str) -> Option<String>;
}

/// Builds links for one page: every href starts with the page's way back to the root.
#[derive(Clone, Copy)]
pub struct Linker<'m> {
    pub site: Site<'m>,
    pub model: &'m Model,
    pub root: &'m str,
    figures: Option<&'m dyn FigureDrawer>,
}

impl<'m> Linker<'m> {
    /// Links from the page at site-relative `path`; `root` is [`paths::root_of`] of it.
    pub fn new(site: Site<'m>, root: &'m str) -> Linker<'m> {
        Linker { site, model: site.model, root, figures: None }
    }

    /// The same linker, drawing named figures with `figures`.
    pub fn with_figures(self, figures: &'m dyn FigureDrawer) -> Linker<'m> {
        Linker { figures: Some(figures), ..self }
    }

    /// A site-relative path as seen from this page.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }

    /// The href of a PDF (or its companion files) at site-relative `path`; `None` when
    /// the site builds no PDFs (`[build] pdf = false`), so that no page links a missing file.
    pub fn pdf_href(&self, path: Option<String>) -> Option<String> {
        path.filter(|_| self.site.config.build.pdf).map(|path| self.href(&path))
    }

    /// The link to an entity by id or alias, titled with its name; `None` if it has no page.
    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<Link> {
        let entry = self.model.lookup(kind, id)?;
        let title = self.model.display_name(kind, entry.index)?.to_owned();
        let path = paths::entity(kind, &entry.canonical)?;
        Some(Link { title, href: self.href(&path) })
    }

    /// Like [`entity`](Self::entity) over several kinds (flows connect roles, bodies and units).
    pub fn any(&self, kinds: &[EntityKind], id: &str) -> Option<Link> {
        kinds.iter().find_map(|&kind| self.entity(kind, id))
    }

    /// The entity as a name that links where it has a page; its id where nothing is found.
    pub fn named(&self, kinds: &[EntityKind], id: &str) -> Named {
        match self.any(kinds, id) {
            Some(Link { title, href }) => Named { title, href: Some(href) },
            None => Named { title: id.to_owned(), href: None },
        }
    }

    pub fn section(&self, title: &str, slug: &str) -> Link {
        Link { title: title.to_owned(), href: self.href(&paths::section(slug)) }
    }

    /// The link a setting of `site.toml` gives (`accessibility`, `easy_language`), if set.
    pub fn setting(&self, link: &Option<toml::Spanned<String>>) -> Option<Link> {
        self.content_link(link.as_ref()?.get_ref())
    }

    /// A content link (`page:erklaerung-barrierefreiheit`) from `site.toml` or front matter as a
    /// link from this page; web and mail addresses stay as they are.
    /// A URL the policy refuses gives no link.
    pub fn content_link(&self, link: &str) -> Option<Link> {
        match crate::model::url::link(link).ok()? {
            crate::model::url::Target::Content { scheme, id, .. } => self.entity(EntityKind::of_scheme(scheme)?, id),
            _ => Some(Link { title: link.to_owned(), href: link.to_owned() }),
        }
    }
}

impl LinkResolver for Linker<'_> {
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String> {
        let path = paths::link(self.model, scheme, id)?;
        Some(match fragment {
            Some(fragment) if !path.contains('#') => format!("{}{path}#{fragment}", self.root),
            _ => self.href(&path),
        })
    }

    fn figure(&self, kind: FigureKind, name: &str) -> Option<String> {
        self.figures?.figure(self, kind, name)
    }

    fn word(&self, key: &str) -> String {
        self.site.label(key)
    }
}
