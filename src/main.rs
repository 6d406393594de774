/// A document makes a few hundred short-lived allocations, from every worker thread: mimalloc
/// serves them in under a third of the instructions glibc's malloc took (README, “Speed”).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    lintas::cli::run()
}
