use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    lotse::cli::run(lotse::cli::Args::parse())
}
