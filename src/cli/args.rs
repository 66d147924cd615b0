//! The arguments of `lotse`, with the help texts users read, in German.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Lotse baut aus den Inhalten in `content/` das Handbuch, die Vorlagen und das
/// DigIT-Dashboard eines Steuerungsmodells für IT und Digitalisierung.
#[derive(Debug, Parser)]
#[command(name = "lotse", version)]
pub struct Args {
    /// Der Ordner der Website mit `content/`, `templates/` und `themes/` (Vorgabe: der
    /// aktuelle Ordner).
    #[arg(long, global = true, value_name = "ORDNER", default_value = ".", hide_default_value = true)]
    pub root: PathBuf,
    /// Zeit, CPU-Zeit und Speicher jeder Stufe ausgeben (für Messungen; auch `--verbose`).
    #[arg(long, global = true, alias = "verbose")]
    pub timings: bool,
    /// Nur Fehler und Warnungen ausgeben.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Inhalte laden und prüfen; jeden Fehler mit Datei und Zeile ausgeben.
    Check,
    /// Inhalte prüfen und die Website mit allen PDFs in den Ausgabeordner bauen.
    Build {
        /// Wohin die Website geschrieben wird (Vorgabe: ORDNER/output).
        #[arg(long, value_name = "AUSGABE")]
        output: Option<PathBuf>,
        /// Mit dem Stand dieser Berichtsperiode bauen (z. B. 2026-Q3) statt `current_period`.
        #[arg(long, value_name = "PERIODE")]
        period: Option<String>,
        /// Die Typst-Quellen jedes PDFs zusätzlich in diesen Ordner schreiben (zur
        /// Fehlersuche in einer Vorlage).
        #[arg(long, value_name = "ORDNER")]
        typst_sources: Option<PathBuf>,
        /// Jedes PDF neu setzen, statt unveränderte aus dem Zwischenspeicher zu nehmen.
        #[arg(long)]
        no_cache: bool,
    },
    /// Vorschau: bauen, auf diesem Rechner anzeigen und nach jeder Änderung neu bauen.
    Serve {
        /// Wohin die Website geschrieben wird (Vorgabe: ORDNER/output).
        #[arg(long, value_name = "AUSGABE")]
        output: Option<PathBuf>,
        /// Der Port (Vorgabe: 1111); 0 wählt einen freien.
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT, hide_default_value = true)]
        port: u16,
        /// Die Adresse (Vorgabe: 127.0.0.1, nur dieser Rechner); z. B. 0.0.0.0 für das
        /// ganze Netz.
        #[arg(long, value_name = "ADRESSE", default_value = "127.0.0.1", hide_default_value = true)]
        bind: std::net::IpAddr,
    },
    /// Die Datei eines neuen Eintrags anlegen: role, body, project, demand, period,
    /// paper, decision oder page; oder mit `site` eine kleine neue Website.
    New {
        /// Was angelegt wird: role, body, project, demand, period, paper, decision, page
        /// oder site.
        #[arg(value_parser = new_kinds(), value_name = "ART", hide_possible_values = true)]
        kind: String,
        /// Die ID des neuen Eintrags (sein Dateiname) oder der Ordner der neuen Website.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// JSON-Schemas für jede Art von Inhaltsdatei schreiben, für Editoren, die beim
    /// Tippen prüfen (z. B. VS Code mit Even Better TOML).
    Schema {
        /// Der Ordner für die Schemas (Vorgabe: ORDNER/schemas).
        #[arg(long, value_name = "ZIEL")]
        out: Option<PathBuf>,
    },
    /// Daten für andere Programme schreiben: die Statustabelle einer Periode, das Modell als JSON.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Daten aus anderen Programmen einlesen: eine Statustabelle in eine Periodendatei.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
}

/// What `lotse export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Eine XLSX-Tabelle für die Statusberichte einer Periode: eine Zeile je laufendem
    /// Projekt, vorausgefüllt mit dem letzten Stand.
    StatusSheet {
        /// Die Berichtsperiode, z. B. 2026-Q4.
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Die Datei (Vorgabe: statusbericht-PERIODE.xlsx); eine vorhandene bleibt unberührt.
        #[arg(long, value_name = "DATEI")]
        out: Option<PathBuf>,
    },
    /// Das ganze geprüfte Modell als ein JSON-Dokument (Aufbau: docs/export-json.md).
    Json {
        /// Die Datei (Vorgabe: die Standardausgabe); eine vorhandene bleibt unberührt.
        #[arg(long, value_name = "DATEI")]
        out: Option<PathBuf>,
    },
}

/// What `lotse import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Eine ausgefüllte Statustabelle (XLSX, ODS oder CSV) nach
    /// `content/periods/PERIODE.toml` übernehmen.
    Status {
        /// Die Tabelle.
        #[arg(value_name = "DATEI")]
        file: PathBuf,
        /// Die Berichtsperiode, z. B. 2026-Q4.
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Die fehlerfreien Zeilen übernehmen und die übrigen auflisten, statt nichts zu
        /// übernehmen.
        #[arg(long)]
        partial: bool,
    },
}

fn new_kinds() -> clap::builder::PossibleValuesParser {
    let names = crate::scaffold::KINDS.iter().map(|(name, _)| *name).chain(["site"]);
    clap::builder::PossibleValuesParser::new(names.map(clap::builder::PossibleValue::new))
}
