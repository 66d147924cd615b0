//! Help and usage errors in German: clap's own texts (headings, the help and version
//! flags, its error messages) are replaced here, the rest comes from `args.rs`.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::{Args, EXIT_USAGE, say, say_error};

/// The arguments of this process, or the exit status after help, the version or a usage
/// error was printed.
pub fn parse() -> Result<Args, ExitCode> {
    parse_from(std::env::args_os())
}

pub fn parse_from<I, T>(arguments: I) -> Result<Args, ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = german(Args::command(), "lotse");
    command = command
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("Die Version anzeigen"));
    let matches = command.try_get_matches_from_mut(arguments).and_then(|matches| Args::from_arg_matches(&matches));
    match matches {
        Ok(args) => Ok(args),
        Err(error) if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            say(error.render().to_string().trim_end());
            Err(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            say_error(error.render().to_string().trim_end());
            Err(ExitCode::from(EXIT_USAGE))
        }
        Err(error) => {
            say_error(&format!("Fehler: {}", message(&error)));
            say_error(&format!("Hilfe: {} --help", usage_path(&error)));
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

/// `command` and its subcommands with German headings, usage lines and help flag.
fn german(command: clap::Command, path: &str) -> clap::Command {
    let has_subcommands = command.has_subcommands();
    let positionals: String = command
        .get_positionals()
        .map(|arg| {
            format!(" <{}>", arg.get_value_names().and_then(|names| names.first()).map_or("WERT", |n| n.as_str()))
        })
        .collect();
    let usage = match has_subcommands {
        true => format!("{path} [OPTIONEN] <BEFEHL>"),
        false => format!("{path} [OPTIONEN]{positionals}"),
    };
    let mut template = String::from("{about-with-newline}\nAufruf: {usage}\n");
    if has_subcommands {
        template.push_str("\nBefehle:\n{subcommands}\n");
    }
    if !positionals.is_empty() {
        template.push_str("\nArgumente:\n{positionals}\n");
    }
    template.push_str("\nOptionen:\n{options}");
    let command = command
        .override_usage(usage)
        .help_template(template)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("Diese Hilfe anzeigen"));
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    names.into_iter().fold(command, |command, name| {
        let sub_path = format!("{path} {name}");
        command.mut_subcommand(&name, |sub| german(sub, &sub_path))
    })
}

/// What was wrong, in German, with the values clap found.
fn message(error: &clap::Error) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        _ => None,
    };
    let argument = context(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = context(ContextKind::SuggestedArg)
        .or_else(|| context(ContextKind::SuggestedSubcommand))
        .map(|suggested| format!(" Meinten Sie `{suggested}`?"))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let allowed =
                context(ContextKind::ValidValue).map(|valid| format!(" Erlaubt: {valid}.")).unwrap_or_default();
            format!("`{value}` ist kein gültiger Wert für {argument}.{allowed}{suggestion}")
        }
        ErrorKind::UnknownArgument => format!("Die Option `{argument}` gibt es hier nicht.{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("Den Befehl `{name}` gibt es nicht.{suggestion}")
        }
        ErrorKind::MissingRequiredArgument => format!("Es fehlt: {argument}."),
        ErrorKind::MissingSubcommand => "Es fehlt ein Befehl.".to_owned(),
        ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            format!("`{value}` ist kein gültiger Wert für {argument}.")
        }
        ErrorKind::ArgumentConflict => format!("{argument} lässt sich nicht mit den anderen Angaben verbinden."),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("Falsche Anzahl Werte für {argument}.")
        }
        ErrorKind::NoEquals => format!("{argument} braucht einen Wert mit `=`."),
        ErrorKind::InvalidUtf8 => "Ein Argument ist kein gültiger Text (UTF-8).".to_owned(),
        _ => "Der Aufruf ist ungültig.".to_owned(),
    }
}

/// `lotse build` for an error in the arguments of `lotse build`.
fn usage_path(error: &clap::Error) -> String {
    match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => {
            let text = usage.to_string();
            let words: Vec<&str> = text
                .split_whitespace()
                .skip_while(|word| *word != "lotse")
                .take_while(|word| !word.starts_with('[') && !word.starts_with('<'))
                .collect();
            if words.is_empty() { "lotse".to_owned() } else { words.join(" ") }
        }
        _ => "lotse".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_from;

    #[test]
    fn parses_what_users_type() {
        let args = parse_from(["lotse", "--root", "site", "build", "--no-cache"]).unwrap_or_else(|_| panic!("parse"));
        assert_eq!(args.root, std::path::PathBuf::from("site"));
        assert!(matches!(args.command, super::super::Command::Build { no_cache: true, .. }));
        assert!(parse_from(["lotse", "baue"]).is_err());
        assert!(parse_from(["lotse", "new", "rolle", "x"]).is_err());
    }
}
