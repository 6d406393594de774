/// A document makes a few hundred short-lived allocations, from every worker thread: mimalloc
/// serves them faster than glibc's malloc (docs/performance.md has the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    lintas::cli::run()
}
