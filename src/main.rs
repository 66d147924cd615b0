use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    lotse::cli::run(lotse::cli::Args::parse())
}

// Loading allocates many small values (spans, strings) from all cores; mimalloc is faster
// at that than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
