use std::process::ExitCode;

fn main() -> ExitCode {
    match lotse::cli::parse() {
        Ok(args) => lotse::cli::run(args),
        Err(status) => status,
    }
}

// Loading allocates many small values (spans, strings) from all cores; mimalloc is faster
// at that than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
