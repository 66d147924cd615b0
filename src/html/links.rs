//! Links as templates see them: a title and an href relative to the page being rendered.

use serde::Serialize;

use super::urls;
use crate::markdown::{FigureKind, LinkResolver};
use crate::model::{EntityKind, Model};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub title: String,
    pub href: String,
}

/// Builds links for one page: every href starts with the page's way back to the root.
pub struct Linker<'m> {
    pub model: &'m Model,
    pub root: String,
    /// The templates that draw named figures in Markdown bodies; without them the
    /// blocks stay code.
    figures: Option<&'m tera::Tera>,
}

impl<'m> Linker<'m> {
    pub fn new(model: &'m Model, path: &str) -> Linker<'m> {
        Linker { model, root: urls::root_of(path), figures: None }
    }

    /// A linker whose links start at the site's base path (`/`, `/handbuch/`), for pages
    /// such as `404.html` that the server shows at any depth, where relative links break.
    pub fn absolute(model: &'m Model, base_url: &str) -> Linker<'m> {
        Linker { model, root: urls::base_path(base_url), figures: None }
    }

    /// The same linker, drawing named figures with the theme's templates.
    pub fn with_figures(self, tera: &'m tera::Tera) -> Linker<'m> {
        Linker { figures: Some(tera), ..self }
    }

    /// A site-relative path as seen from this page.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }

    /// The link to an entity by id or alias, titled with its name; `None` if it has no page.
    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<Link> {
        let entry = self.model.lookup(kind, id)?;
        let title = self.model.display_name(kind, entry.index)?.to_owned();
        let path = urls::entity(kind, &entry.canonical)?;
        Some(Link { title, href: self.href(&path) })
    }

    /// Like [`entity`](Self::entity) over several kinds (flows connect roles, bodies and units).
    pub fn any(&self, kinds: &[EntityKind], id: &str) -> Option<Link> {
        kinds.iter().find_map(|&kind| self.entity(kind, id))
    }

    pub fn section(&self, title: &str, slug: &str) -> Link {
        Link { title: title.to_owned(), href: self.href(&urls::section(slug)) }
    }
}

impl LinkResolver for Linker<'_> {
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String> {
        let path = urls::link(self.model, scheme, id)?;
        Some(match fragment {
            Some(fragment) if !path.contains('#') => format!("{}{path}#{fragment}", self.root),
            _ => self.href(&path),
        })
    }

    fn figure(&self, kind: FigureKind, name: &str) -> Option<String> {
        let tera = self.figures?;
        let mut context = tera::Context::new();
        let template = match kind {
            FigureKind::Chart => {
                let href = |kind: EntityKind, id: &str| self.entity(kind, id).map(|link| link.href);
                context.insert("chart", &crate::figures::chart(self.model, name, &href)?);
                "chart.html"
            }
            FigureKind::Table => {
                context.insert("table", &crate::figures::table(self.model, name)?);
                context.insert("name", name);
                "figure_table.html"
            }
        };
        tera.render(template, &context).ok()
    }
}
