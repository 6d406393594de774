fn main() -> std::process::ExitCode {
    lintas::cli::run()
}
