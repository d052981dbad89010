//! The `kam-bot` binary: reads the command line and hands it to [`kam_bot::cli`].

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = kam_bot::cli::Cli::parse();
    kam_bot::logging::init(std::io::stderr().is_terminal(), cli.log_format);
    kam_bot::cli::run(cli).await
}
