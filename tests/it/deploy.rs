//! The deployment files in the repository run commands the binary takes: each systemd unit's
//! `ExecStart` and the Dockerfile's command parse as kam-bot's command line, and the container's
//! health check asks the route the server has.

use clap::Parser;
use kam_bot::cli::Cli;

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + path).unwrap()
}

/// kam-bot's arguments in a command line that runs it (`/usr/local/bin/kam-bot ARGS`).
fn kam_args(line: &str) -> Vec<String> {
    let start = line.find("/usr/local/bin/kam-bot ").expect("runs kam-bot") + "/usr/local/bin/kam-bot ".len();
    let rest = line[start..].trim_end_matches('\'');
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in rest.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => args.extend((!current.is_empty()).then(|| std::mem::take(&mut current))),
            c => current.push(c),
        }
    }
    args.extend((!current.is_empty()).then_some(current));
    args
}

fn parses(args: &[String]) {
    let line = std::iter::once("kam-bot".to_string()).chain(args.iter().cloned());
    if let Err(e) = Cli::try_parse_from(line) {
        panic!("kam-bot {} does not parse: {e}", args.join(" "));
    }
}

#[test]
fn the_systemd_units_run_commands_kam_bot_takes() {
    for unit in ["deploy/kam-bot.service", "deploy/kam-bot-backup.service"] {
        let text = read(unit);
        let exec: Vec<&str> = text.lines().filter(|l| l.starts_with("ExecStart=")).collect();
        assert_eq!(exec.len(), 1, "{unit}");
        let args = kam_args(exec[0]);
        parses(&args);
        assert!(text.contains("StateDirectory=kam-bot"), "{unit}: the database has a state directory");
    }
    let service = read("deploy/kam-bot.service");
    for needed in ["Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "KillSignal=SIGTERM"] {
        assert!(service.contains(needed), "{needed}");
    }
    assert_eq!(
        kam_args("/usr/local/bin/kam-bot serve --listen 127.0.0.1:8787"),
        ["serve", "--listen", "127.0.0.1:8787"]
    );
    assert!(read("deploy/kam-bot-backup.timer").contains("OnCalendar="));
}

#[test]
fn the_dockerfile_runs_kam_bot_as_a_user_with_a_volume_and_a_health_check() {
    let text = read("Dockerfile");
    let cmd = text.lines().find_map(|l| l.strip_prefix("CMD ")).expect("a CMD");
    let args: Vec<String> = serde_json::from_str(cmd).expect("CMD in exec form");
    parses(&args);
    assert!(text.lines().any(|l| l.starts_with("USER ") && !l.contains("root")), "not root");
    assert!(text.contains("VOLUME [\"/data\"]") && text.contains("KAM_DB=/data/kam.db"));
    assert!(text.contains("http://127.0.0.1:8787/healthz"), "the health check asks /healthz");
    assert!(args.iter().any(|a| a.ends_with(":8787")), "the health check's port is the one served");
    assert!(text.contains("SQLX_OFFLINE=true"), "builds without a database");
}
