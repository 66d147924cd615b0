//! Named figures in Markdown bodies (```` ```chart steuerungsmodell ````), drawn on the
//! page with the theme's `chart.html` and `figure_table.html`.

use crate::markdown::FigureKind;
use crate::model::EntityKind;
use crate::view::{FigureDrawer, Linker};

/// Draws the figures of one page and keeps the first template error, so that the page
/// fails with it instead of showing an empty figure.
pub struct TeraFigures<'t> {
    tera: &'t tera::Tera,
    error: std::cell::RefCell<Option<(String, String)>>,
    /// Figures drawn so far on this page: each gets its number in its ids.
    drawn: std::cell::Cell<usize>,
}

impl<'t> TeraFigures<'t> {
    pub fn new(tera: &'t tera::Tera) -> TeraFigures<'t> {
        TeraFigures { tera, error: std::cell::RefCell::new(None), drawn: std::cell::Cell::new(0) }
    }

    /// The template and message of the first figure that could not be drawn.
    pub fn error(&self) -> Option<(String, String)> {
        self.error.borrow().clone()
    }
}

impl FigureDrawer for TeraFigures<'_> {
    fn figure(&self, linker: &Linker<'_>, kind: FigureKind, name: &str) -> Option<String> {
        let mut context = tera::Context::new();
        // A page may place the same figure twice, or beside its own drawing of it.
        let number = self.drawn.get() + 1;
        let template = match kind {
            FigureKind::Chart => {
                let href = |kind: EntityKind, id: &str| linker.entity(kind, id).map(|link| link.href);
                let chart = crate::figures::chart(linker.model, linker.site.labels, name, &href)?;
                context.insert("chart", &chart.numbered(number));
                "chart.html"
            }
            FigureKind::Table => {
                context.insert("table", &crate::figures::table(linker.model, linker.site.labels, name)?);
                context.insert("name", &format!("{name}-{number}"));
                "figure_table.html"
            }
        };
        self.drawn.set(number);
        match self.tera.render(template, &context) {
            Ok(html) => Some(html),
            Err(error) => {
                self.error.borrow_mut().get_or_insert_with(|| (template.to_owned(), error.to_string()));
                None
            }
        }
    }
}
