//! The `kam-bot` binary: reads the command line and hands it to [`kam_bot::cli`].

use std::io::IsTerminal;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let (cli, config) = match kam_bot::cli::Cli::load() {
        Ok(loaded) => loaded,
        Err(problems) => {
            eprintln!("{problems}");
            return ExitCode::from(2);
        }
    };
    let bulk = matches!(cli.command, kam_bot::cli::CliCommand::Db(_));
    kam_bot::logging::init(std::io::stderr().is_terminal(), cli.log_format, config.log.as_deref(), bulk);
    kam_bot::cli::run(cli, config).await
}
