//! The OParl objects of a site, each with the absolute URL of its own file as `id`.

use serde_json::{Value, json};
use sha2::{Digest, Sha512};

use super::{PER_PAGE, SCHEMA, list_page, web};
use crate::model::slug::slugify;
use crate::model::{Consultation, EntityKind};
use crate::published::{Ledger, Stamp};
use crate::site::Site;

const SYSTEM: &str = "oparl/system.json";
const BODY: &str = "oparl/body.json";

/// A published file of a paper, as its OParl `File` describes it.
pub struct FileFacts {
    /// Site-relative path of the file itself, e.g. `vorlagen/x.pdf`.
    pub path: String,
    pub mime_type: &'static str,
    pub name: String,
    /// Size and SHA-512 (lowercase hex), when the bytes are known.
    pub size: Option<usize>,
    pub sha512: Option<String>,
}

impl FileFacts {
    pub fn new(path: String, mime_type: &'static str, name: String, bytes: Option<&[u8]>) -> FileFacts {
        let sha512 = bytes.map(|bytes| Sha512::digest(bytes).iter().map(|b| format!("{b:02x}")).collect());
        FileFacts { path, mime_type, name, size: bytes.map(<[u8]>::len), sha512 }
    }
}

/// An OParl Organization: a body of the model, a committee named in a Beratungsfolge or
/// a unit that leads a paper.
struct Organization {
    slug: String,
    name: String,
    kind: &'static str,
    web: Option<String>,
}

/// What every object of one site is made from; without a ledger, objects carry no dates.
pub struct Context<'a> {
    site: &'a Site<'a>,
    base: String,
    ledger: Option<&'a Ledger>,
    /// The date of objects that have none of their own: the first paper's.
    first: Stamp,
    organizations: Organizations,
}

impl<'a> Context<'a> {
    pub fn new(site: &'a Site<'a>, base: String, ledger: Option<&'a Ledger>, first: Stamp) -> Context<'a> {
        let organizations = organizations(site, &base);
        Context { site, base, ledger, first, organizations }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    /// The site-relative path of the file that holds `object`.
    pub fn path_of(&self, object: &Value) -> String {
        let id = object.get("id").and_then(Value::as_str).unwrap_or_default();
        id.strip_prefix(&format!("{}/", self.base)).unwrap_or(id).to_owned()
    }

    /// `object` with `created` and `modified` from the ledger, by a hash of all else.
    fn dated(&self, mut object: Value, first: Stamp) -> Value {
        let Some(ledger) = self.ledger else { return object };
        let path = self.path_of(&object);
        let hash = crate::published::hash(&serde_json::to_vec(&object).unwrap_or_default());
        let dates = ledger.dates(&path, &hash, first);
        object["created"] = json!(dates.created.to_string());
        object["modified"] = json!(dates.modified.to_string());
        object
    }

    pub fn system(&self) -> Value {
        let object = json!({
            "id": self.url(SYSTEM),
            "type": format!("{SCHEMA}System"),
            "oparlVersion": SCHEMA,
            "name": self.site.config.title,
            "body": self.url(&list_path("bodies", 1)),
            "website": self.url(""),
        });
        self.dated(object, self.first)
    }

    pub fn body(&self) -> Value {
        let list = |name: &str| self.url(&list_path(name, 1));
        let mut object = json!({
            "id": self.url(BODY),
            "type": format!("{SCHEMA}Body"),
            "system": self.url(SYSTEM),
            "name": self.site.config.organisation,
            "organization": list("organizations"),
            "person": list("persons"),
            "meeting": list("meetings"),
            "paper": list("papers"),
            "consultation": list("consultations"),
            "file": list("files"),
            "legislativeTerm": [],
        });
        if self.site.config.build.site {
            object["web"] = json!(self.url(""));
        }
        self.dated(object, self.first)
    }

    pub fn organizations(&self) -> Vec<Value> {
        let organization = |o: &Organization| {
            let mut object = json!({
                "id": self.url(&organization_path(&o.slug)),
                "type": format!("{SCHEMA}Organization"),
                "body": self.url(BODY),
                "name": o.name,
                "organizationType": o.kind,
            });
            if let Some(web) = &o.web {
                object["web"] = json!(web);
            }
            self.dated(object, self.first)
        };
        self.organizations.all.iter().map(organization).collect()
    }

    /// Paper `index` with its Consultations and Files embedded.
    pub fn paper(&self, index: usize, main: Option<&FileFacts>, auxiliary: &[FileFacts]) -> Value {
        let paper = &self.site.model.papers[index];
        let id = self.url(&crate::paths::oparl(&paper.id).unwrap_or_default());
        let date = *paper.date.get_ref();
        let first = Stamp::midnight(date);
        let slug = slugify(&paper.id);
        let consultations: Vec<Value> = (paper.consultations.iter().enumerate())
            .map(|(n, consultation)| self.consultation(&id, &format!("{slug}-{}", n + 1), consultation, first))
            .collect();
        let file = |facts: &FileFacts| self.file(&id, facts, date, first);
        let leader = self.organizations.unit(paper.originator.get_ref());
        let mut object = json!({
            "id": id,
            "type": format!("{SCHEMA}Paper"),
            "body": self.url(BODY),
            "name": paper.name,
            "date": date.to_string(),
            "paperType": paper.paper_type.get_ref().key(),
            "underDirectionOf": leader.map(|o| vec![self.url(&organization_path(&o.slug))]).unwrap_or_default(),
            "consultation": consultations,
            "auxiliaryFile": auxiliary.iter().map(file).collect::<Vec<_>>(),
        });
        if let Some(reference) = &paper.reference {
            object["reference"] = json!(reference);
        }
        if let Some(main) = main {
            object["mainFile"] = file(main);
        }
        if let Some(page) = web(self.site, &self.base, EntityKind::Paper, &paper.id) {
            object["web"] = json!(page);
        }
        self.dated(object, first)
    }

    fn consultation(&self, paper: &str, slug: &str, consultation: &Consultation, first: Stamp) -> Value {
        let committee = self.organizations.named(consultation.body.trim());
        let object = json!({
            "id": self.url(&format!("oparl/consultation/{slug}.json")),
            "type": format!("{SCHEMA}Consultation"),
            "paper": paper,
            "organization": committee.map(|o| vec![self.url(&organization_path(&o.slug))]).unwrap_or_default(),
            "role": consultation.role.key(),
            "authoritative": consultation.authoritative.as_ref().is_some_and(|a| *a.get_ref()),
            "lotse:date": consultation.date.get_ref().to_string(),
        });
        self.dated(object, first)
    }

    fn file(&self, paper: &str, facts: &FileFacts, date: crate::model::Date, first: Stamp) -> Value {
        let file_name = facts.path.rsplit('/').next().unwrap_or(&facts.path);
        let mut object = json!({
            "id": self.url(&format!("oparl/file/{file_name}.json")),
            "type": format!("{SCHEMA}File"),
            "name": facts.name,
            "fileName": file_name,
            "mimeType": facts.mime_type,
            "date": date.to_string(),
            "accessUrl": self.url(&facts.path),
            "downloadUrl": self.url(&facts.path),
            "paper": [paper],
        });
        if let (Some(size), Some(sha512)) = (facts.size, &facts.sha512) {
            object["size"] = json!(size);
            object["sha512Checksum"] = json!(sha512);
        }
        self.dated(object, first)
    }

    /// The pages of the list `name`: `oparl/<name>.json`, then `oparl/<name>-2.json`, ….
    pub fn list(&self, name: &str, objects: Vec<Value>) -> Vec<(String, Value)> {
        let total = objects.len();
        let pages = total.div_ceil(PER_PAGE).max(1);
        let url = |page: usize| self.url(&list_path(name, page));
        let mut objects = objects.into_iter();
        (1..=pages)
            .map(|page| {
                let chunk: Vec<Value> = objects.by_ref().take(PER_PAGE).collect();
                (list_path(name, page), list_page(chunk, total, page, pages, &url))
            })
            .collect()
    }
}

fn list_path(name: &str, page: usize) -> String {
    match page {
        1 => format!("oparl/{name}.json"),
        _ => format!("oparl/{name}-{page}.json"),
    }
}

fn organization_path(slug: &str) -> String {
    format!("oparl/organization/{slug}.json")
}

/// The bodies of the model, then the committees the Beratungsfolgen name that are none of
/// them, then the units that lead a paper; each slug once.
fn organizations(site: &Site<'_>, base: &str) -> Organizations {
    let model = site.model;
    let mut organizations = Organizations::default();
    for body in &model.bodies {
        let mut names = vec![body.name.clone()];
        names.extend(body.aliases.iter().map(|a| a.get_ref().clone()));
        let web = web(site, base, EntityKind::Body, &body.id);
        organizations.add(format!("gremium-{}", slugify(&body.id)), &body.name, names, None, web);
    }
    for consultation in model.papers.iter().flat_map(|p| &p.consultations) {
        let name = consultation.body.trim();
        if !organizations.by_name.contains_key(name) {
            organizations.add(format!("gremium-{}", slugify(name)), name, vec![name.to_owned()], None, None);
        }
    }
    for paper in &model.papers {
        let unit = paper.originator.get_ref();
        let Some(found) = model.lookup(EntityKind::Unit, unit).and_then(|entry| model.units.get(entry.index)) else {
            continue;
        };
        if !organizations.by_unit.contains_key(unit.as_str()) {
            let web = web(site, base, EntityKind::Unit, unit);
            organizations.add(format!("einheit-{}", slugify(unit)), &found.name, Vec::new(), Some(unit), web);
        }
    }
    organizations
}

/// The Organizations in the order they were added, found by a committee's name or a unit.
#[derive(Default)]
struct Organizations {
    all: Vec<Organization>,
    slugs: std::collections::HashSet<String>,
    by_name: std::collections::HashMap<String, usize>,
    by_unit: std::collections::HashMap<String, usize>,
}

impl Organizations {
    /// Adds one under `slug`, or `slug-2`, `slug-3`, … if that is taken.
    fn add(&mut self, slug: String, name: &str, names: Vec<String>, unit: Option<&str>, web: Option<String>) {
        let mut unique = slug.clone();
        let mut n = 1;
        while self.slugs.contains(&unique) {
            n += 1;
            unique = format!("{slug}-{n}");
        }
        let index = self.all.len();
        for name in &names {
            self.by_name.entry(name.clone()).or_insert(index);
        }
        if let Some(unit) = unit {
            self.by_unit.insert(unit.to_owned(), index);
        }
        self.slugs.insert(unique.clone());
        let kind = if unit.is_some() { "Verwaltungsbereich" } else { "Gremium" };
        self.all.push(Organization { slug: unique, name: name.to_owned(), kind, web });
    }

    fn named(&self, name: &str) -> Option<&Organization> {
        self.all.get(*self.by_name.get(name)?)
    }

    fn unit(&self, unit: &str) -> Option<&Organization> {
        self.all.get(*self.by_unit.get(unit)?)
    }
}
