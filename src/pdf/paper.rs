//! The Vorlage of each committee paper: header data, Beratungsfolge, Beschlussvorschlag,
//! the body with its named figures, Finanzielle Auswirkungen and Anlagen.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

use super::links::SiteLinks;
use super::{Attachment, Companion, Document, markup_file};
use crate::markdown::FigureKind;
use crate::model::{EntityKind, Model, Paper};
use crate::oparl::FileFacts;
use crate::paths as urls;
use crate::site::Site;

#[derive(Serialize)]
struct ChartData {
    title: String,
    description: String,
    #[serde(flatten)]
    table: crate::charts::DataTable,
}

pub(super) fn documents(site: &Site<'_>) -> Vec<Document> {
    let links = SiteLinks::new(site);
    site.model.papers.iter().enumerate().map(|(index, paper)| document(site, &links, index, paper)).collect()
}

/// The figures a paper's body names: chart SVGs and table cells for the template, and
/// their numbers as CSV files for the PDF's attachments and the OParl description.
#[derive(Default)]
struct Figures {
    charts: BTreeMap<String, ChartData>,
    tables: BTreeMap<String, crate::figures::TableFigure>,
    svgs: Vec<(String, Vec<u8>)>,
    /// (name, CSV) per figure, in the order of the body.
    csvs: Vec<(String, String, Vec<u8>)>,
}

fn figures(model: &Model, labels: &crate::labels::Labels, links: &SiteLinks<'_>, markdown: &str) -> Figures {
    let mut figures = Figures::default();
    let href = |kind: EntityKind, id: &str| links.entity(kind, id);
    for figure in crate::markdown::figures(markdown) {
        let (title, table) = match figure.kind {
            FigureKind::Chart => {
                let Some(chart) = crate::figures::chart(model, labels, &figure.name, &href) else { continue };
                figures.svgs.push((format!("/charts/{}.svg", figure.name), chart.svg.into_bytes()));
                figures.charts.insert(
                    figure.name.clone(),
                    ChartData {
                        title: chart.title.clone(),
                        description: chart.description,
                        table: chart.table.clone(),
                    },
                );
                (chart.title, chart.table)
            }
            FigureKind::Table => {
                let Some(table) = crate::figures::table(model, labels, &figure.name) else { continue };
                figures.tables.insert(figure.name.clone(), table.clone());
                (table.title, table.table)
            }
        };
        figures.csvs.push((figure.name, title, super::figure_data::csv(&table.columns, &table.rows)));
    }
    figures
}

fn document(site: &Site<'_>, links: &SiteLinks<'_>, index: usize, paper: &Paper) -> Document {
    let model = site.model;
    let path = urls::pdf(EntityKind::Paper, &paper.id).unwrap_or_default();
    let slug = crate::model::slug::slugify(&paper.id);
    let figures = figures(model, site.labels, links, &paper.body.text);
    let beside: Vec<Companion> = figures
        .csvs
        .iter()
        .map(|(name, title, csv)| Companion {
            path: format!("vorlagen/{slug}.{name}.csv"),
            title: site.labels.fill("figure_data", &[("title", title)]),
            bytes: csv.clone(),
        })
        .collect();
    let facts = |c: &Companion| FileFacts::new(c.path.clone(), "text/csv", c.title.clone(), Some(&c.bytes));
    let auxiliary: Vec<FileFacts> = beside.iter().map(facts).collect();
    let main = FileFacts::new(path.clone(), "application/pdf", paper.name.clone(), None);
    let mut attachments: Vec<Attachment> = (crate::oparl::attached(site, index, &main, &auxiliary).into_iter())
        .map(|inside| Attachment {
            name: format!("{slug}.oparl.json"),
            mime_type: "application/json",
            description: site.label("oparl_attachment"),
            bytes: inside,
        })
        .collect();
    attachments.extend(figures.csvs.iter().map(|(name, title, csv)| Attachment {
        name: format!("{slug}.{name}.csv"),
        mime_type: "text/csv",
        description: site.labels.fill("figure_data", &[("title", title)]),
        bytes: csv.clone(),
    }));
    let originator = model.name_or_id(EntityKind::Unit, paper.originator.get_ref());
    let content = json!({
        "paper_type": site.label(&paper.paper_type.get_ref().label_key()),
        "reference": paper.reference,
        "originator": originator,
        "example": paper.example,
        "readings": crate::view::provenance::item(&crate::view::Linker::new(*site, &crate::paths::root_of(&path)), EntityKind::Paper, &paper.id),
        "consultations": paper.consultations.iter().map(|c| json!({
            "body": c.body,
            "date": crate::german::date(*c.date.get_ref()),
            "role": site.label(&c.role.label_key()),
            "authoritative": c.authoritative.as_ref().is_some_and(|a| *a.get_ref()),
        })).collect::<Vec<_>>(),
        "has_resolution": paper.resolution.is_some(),
        "finance": paper.finance.as_ref().map(|f| json!({
            "budget_affected": f.budget_affected,
            "amount": f.amount.as_ref().map(|a| crate::german::euro(*a.get_ref())),
            "covered": f.covered,
            "coverage": f.coverage,
            "follow_up_costs": f.follow_up_costs.as_ref().map(|a| crate::german::euro(*a.get_ref())),
            "text": f.text,
        })),
        "attachments": paper.attachments,
        "charts": figures.charts,
        "tables": figures.tables,
    });
    let body = crate::markdown::typst::render(&paper.body.text, links, 1);
    let resolution =
        paper.resolution.as_ref().map(|r| crate::markdown::typst::render(r.get_ref(), links, 1)).unwrap_or_default();
    let origin = format!("content/papers/{}.md", paper.id);
    let mut document =
        Document::new(site, path, origin, "vorlage.typ", paper.name.clone(), *paper.date.get_ref(), content);
    document.sources =
        vec![("/body.typ".to_owned(), markup_file(body)), ("/resolution.typ".to_owned(), markup_file(resolution))];
    document.files = figures.svgs;
    document.attachments = attachments;
    document.beside = beside;
    document.paper = Some(index);
    document
}

/// The files paper `index` published: its PDF and the data beside it, for OParl.
pub(super) fn published(site: &Site<'_>, index: usize, document: &Document, pdf: &[u8]) -> crate::oparl::PaperFiles {
    let name = site.model.papers[index].name.clone();
    let facts = |c: &Companion| FileFacts::new(c.path.clone(), "text/csv", c.title.clone(), Some(&c.bytes));
    crate::oparl::PaperFiles {
        paper: index,
        main: Some(FileFacts::new(document.path.clone(), "application/pdf", name, Some(pdf))),
        auxiliary: document.beside.iter().map(facts).collect(),
    }
}
