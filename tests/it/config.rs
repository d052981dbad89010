//! The configuration file as an operator writes it: `config check` on a good file prints the
//! configuration in force with the secrets masked and the environment's overrides; each kind of
//! mistake is named with its line and stops everything; the settings take effect.

use std::path::Path;
use std::process::Output;

use crate::helpers::kam_bot;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/kam-bot.example.toml");

fn check(db: &Path, config: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = kam_bot(db);
    cmd.arg("--config").arg(config).args(["config", "check"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn the_example_file_checks_and_prints_the_configuration_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let secret = dir.path().join("slack_secret");
    std::fs::write(&secret, "s3cr3t-signing-secret\n").unwrap();
    let out = check(
        &db,
        Path::new(EXAMPLE),
        &[
            ("DISCORD_TOKEN", "MTIz.very-secret-token"),
            ("SLACK_SIGNING_SECRET_FILE", secret.to_str().unwrap()),
            ("KAM_LOG", "debug"),
            ("KAM_DISCORD_SHARDS", "1-2/4"),
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("# {EXAMPLE}: no mistakes.")), "{text}");
    for line in [
        // --db on the command line wins over the file's database.
        &format!("database = \"{}\"", db.display()),
        "listen = \"127.0.0.1:8787\"",
        "log = \"debug\"",
        "discord_shards = \"1-2/4\"",
        "log_format = \"json\"",
        "language = \"pt-BR\"",
        "weekly_digest = \"0 8 * * 1\"",
        "strategic = 30",
        "competitors = 10",
        "# DISCORD_TOKEN: set (********)",
        "# SLACK_SIGNING_SECRET: set from SLACK_SIGNING_SECRET_FILE (********)",
        "# SLACK_BOT_TOKEN: not set",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing from:\n{text}");
    }
    assert!(!text.contains("very-secret-token") && !text.contains("s3cr3t"), "{text}");
    // What it prints is itself a file the check accepts.
    let printed = dir.path().join("printed.toml");
    std::fs::write(&printed, &text).unwrap();
    assert!(check(&db, &printed, &[]).status.success());
}

#[test]
fn each_kind_of_mistake_is_named_with_its_line_and_stops_everything() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    for (text, expected) in [
        ("log = \"info\"\ncolour = \"blue\"\n", ":2: unknown field `colour`"),
        ("slack_bot_token = \"xoxb-1\"\n", ":1: unknown field `slack_bot_token`"),
        (
            "[schedules]\nweekly_digest = \"every monday\"\n",
            ":2: schedules.weekly_digest: “every monday” is not a cron line",
        ),
        ("[schedules]\n\nfortnightly = \"0 8 * * 1\"\n", ":3: schedules: “fortnightly” is not a job"),
        ("[workspace]\ntime_zone = \"Mars/Olympus\"\n", ":2: workspace.time_zone: “Mars/Olympus” is not a time zone"),
        ("listen = \"nowhere\"\n", ":1: listen: “nowhere” is not an address"),
        ("pool_size = 0\n", ":1: pool_size: from 1 to 64"),
        ("[health_weights]\nluck = 5\n", ":2: health_weights: “luck” is not a component"),
        ("[cadence_days]\nkey = 1000\n", ":2: cadence_days: a number of days from 1 to 730"),
        ("answer_within_ms = 5000\n", ":1: answer_within_ms: at most 2500"),
        ("log = \"info\"\ndiscord_shards = \"4/4\"\n", ":2: discord_shards: “4/4”: the shards run from 0 to 3"),
        ("discord_shards = \"half\"\n", ":1: discord_shards: “half” is not a shard range"),
        ("database = \n", ":1: "),
    ] {
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, text).unwrap();
        let out = check(&db, &file, &[]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("{}{expected}", file.display())), "{text}: {stderr}");
        if text.contains("slack_bot_token") {
            assert!(stderr.contains("secrets come from the environment"), "{stderr}");
        }
        // Not only the check: nothing starts on a file with mistakes.
        let out = kam_bot(&db).arg("--config").arg(&file).args(["workspace", "show"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
    assert!(!db.exists(), "no database was created");
    let missing = kam_bot(&db).args(["--config", "/nonexistent/kam.toml", "config", "check"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/kam.toml"));
}

#[test]
fn the_settings_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kam.toml");
    let db = dir.path().join("from-config.db");
    std::fs::write(
        &file,
        format!(
            "database = \"{}\"\n[workspace]\nlanguage = \"pt-BR\"\ntime_zone = \"America/Manaus\"\n[cadence_days]\nstrategic = 21\n[health_weights]\ntone = 40\n",
            db.display()
        ),
    )
    .unwrap();
    // No --db: the file's database is the one used (kam_bot() passes --db, so run the binary bare).
    let run = |args: &[&str], stdin: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kam-bot"));
        cmd.arg("--config").arg(&file).args(args);
        cmd.env_remove("KAM_DB").env_remove("KAM_WORKSPACE").env("KAM_NOW", "2026-11-27T09:00:00-03:00");
        cmd.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        crate::helpers::run_with_stdin(cmd, stdin)
    };
    let out = run(&["workspace", "show"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("pt-BR") && shown.contains("America/Manaus"), "{shown}");
    assert!(db.exists(), "the file's database");
    let out = run(&["chat"], "/account add Usiminas --tier 1\n/account Usiminas\n/weights\n");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("cadência de 21 dias"), "{text}");
    assert!(text.lines().any(|l| l.contains("(tone)") && l.trim_end().ends_with("40")), "{text}");
}
