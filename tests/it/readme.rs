//! The README against the code: its list of slash commands is the catalog's.

use kam_bot::core::catalog::CATALOG;

#[test]
fn the_readme_lists_every_command_of_the_catalog_and_no_other() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("The catalog has ").expect("the list of commands in Connecting Slack");
    let list = &readme[start..start + readme[start..].find("(a test checks").unwrap()];
    let count: usize = list["The catalog has ".len()..].split(':').next().unwrap().trim().parse().unwrap();
    let listed: Vec<&str> = list.split('`').filter(|w| w.starts_with('/')).collect();
    let catalog: Vec<String> = CATALOG.iter().map(|c| format!("/{}", c.name)).collect();
    assert_eq!(listed, catalog, "update the list in README.md, Connecting Slack");
    assert_eq!(count, catalog.len());
}

const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
/// The instant the README's examples were written at: the demo is dated from it.
const README_NOW: &str = "2026-11-27T09:00:00-03:00";

fn binary() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kam-bot"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["KAM_DB", "KAM_WORKSPACE", "KAM_CONFIG", "KAM_LOG", "DISCORD_TOKEN", "SLACK_BOT_TOKEN"] {
        cmd.env_remove(var);
    }
    cmd.env("KAM_NOW", README_NOW).env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    cmd
}

/// Runs `kam-bot --db DB ARGS` with `stdin`.
fn run(db: &std::path::Path, args: &[String], stdin: &str) -> std::process::Output {
    let mut cmd = binary();
    cmd.arg("--db").arg(db).args(args);
    crate::helpers::run_with_stdin(cmd, stdin)
}

/// A database holding the demo, seeded once; each example gets its own copy.
struct Demo {
    dir: tempfile::TempDir,
    template: std::path::PathBuf,
    copies: std::cell::Cell<usize>,
}

impl Demo {
    fn new() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let template = dir.path().join("template.db");
        let out = run(&template, &["seed".into(), "--demo".into()], "");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        Demo { dir, template, copies: std::cell::Cell::new(0) }
    }

    fn copy(&self) -> std::path::PathBuf {
        self.copies.set(self.copies.get() + 1);
        let path = self.dir.path().join(format!("copy-{}.db", self.copies.get()));
        std::fs::copy(&self.template, &path).unwrap();
        path
    }
}

/// Shell-like words: spaces split, double or single quotes group.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut quote, mut any) = (None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                any = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if any || !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                any = false;
            }
            (_, c) => current.push(c),
        }
    }
    if any || !current.is_empty() {
        out.push(current);
    }
    out
}

/// The README's example session, run as it is written: the replies are the README's, line by
/// line (the seed's progress line goes to standard error and is not shown there).
#[test]
fn the_example_session_answers_as_the_readme_shows() {
    let start = README.find("## An example session").unwrap();
    let block = &README[start..];
    let block = &block[block.find("```text\n").unwrap() + "```text\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let mut lines = block.lines();
    let command = lines.next().unwrap();
    let script = command.strip_prefix("$ printf '").and_then(|c| c.split('\'').next()).expect("printf '...'");
    let invocation = lines.next().unwrap();
    assert!(invocation.trim_start().starts_with("| cargo run -q --release -- --db /tmp/k.db chat --demo"));
    let expected: Vec<&str> = lines.collect();
    let dir = tempfile::tempdir().unwrap();
    let out = run(&dir.path().join("k.db"), &["chat".into(), "--demo".into()], &script.replace("\\n", "\n"));
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let got: Vec<&str> = stdout.trim_end().lines().collect();
    assert_eq!(got, expected, "the README's example session has drifted:\n{stdout}");
}

/// Every chat command the README shows as an example (an inline `/command ...` of the catalog,
/// without placeholders) is accepted on the demo: none is refused, so a renamed command, option
/// or value fails here until the README follows.
#[test]
fn every_chat_example_in_the_readme_is_accepted() {
    let demo = Demo::new();
    let mut examples: Vec<String> = Vec::new();
    for span in README.split('`').skip(1).step_by(2) {
        let example = span.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(name) = example.strip_prefix('/').and_then(|e| e.split(' ').next()) else { continue };
        let Some(spec) = CATALOG.iter().find(|c| c.name == name) else { continue };
        let placeholder = example.contains(['|', '[', '<', '…'])
            || example.contains("...")
            || example.split(' ').skip(1).any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
        // A bare name is a mention of the command, an example only when it takes no argument.
        let bare_but_needs_arguments =
            !example.contains(' ') && (spec.positionals().next().is_some() || !spec.subcommands.is_empty());
        if !placeholder && !bare_but_needs_arguments && !examples.contains(&example) {
            examples.push(example);
        }
    }
    assert!(examples.len() >= 25, "{examples:?}");
    let mut refused = Vec::new();
    let accepted = |out: &std::process::Output| {
        // The last reply is the example's.
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let last = stdout.trim_end().rsplit("\n\n").next().unwrap_or_default().trim().to_string();
        (out.status.success() && !last.is_empty() && !last.starts_with('✗'), last)
    };
    for (i, example) in examples.iter().enumerate() {
        let (ok, last) = accepted(&run(&demo.copy(), &["chat".into()], &format!("{example}\n")));
        // An example that follows from the one before it (add, then remove) is run after it.
        let after_previous = i > 0 && !ok && {
            let both = format!("{}\n{example}\n", examples[i - 1]);
            accepted(&run(&demo.copy(), &["chat".into()], &both)).0
        };
        if !ok && !after_previous {
            refused.push(format!("{example}\n    → {last}"));
        }
    }
    assert!(refused.is_empty(), "README examples refused on the demo:\n{}", refused.join("\n"));
}

/// Every command line of the README's shell blocks that needs no network runs and succeeds on the
/// demo (its `--db` replaced by a copy of the demo's database).
#[test]
fn every_command_line_example_in_the_readme_runs() {
    let demo = Demo::new();
    let mut ran = 0;
    let mut failed = Vec::new();
    let mut in_shell = false;
    for line in README.lines() {
        if line.starts_with("```") {
            in_shell = line == "```sh";
            continue;
        }
        let line = line.trim();
        let Some(rest) = line.strip_prefix("kam-bot ").filter(|_| in_shell) else { continue };
        // The comment, and a redirection of the output, are the shell's.
        let rest = rest.split(" #").next().unwrap().split(" > ").next().unwrap().trim();
        if rest.contains('<') || rest.contains("...") {
            continue;
        }
        let mut args = words(rest);
        if let Some(i) = args.iter().position(|a| a == "--db") {
            args.drain(i..=i + 1);
        }
        if matches!(args.first().map(String::as_str), Some("serve" | "discord")) {
            continue;
        }
        // A path the example writes to goes in the scratch folder.
        for a in args.iter_mut().filter(|a| a.starts_with("/var/") || a.starts_with("/data/")) {
            *a = demo.dir.path().join("out.db").display().to_string();
        }
        let db = demo.copy();
        let out = run(&db, &args, "");
        ran += 1;
        if !out.status.success() {
            failed.push(format!("kam-bot {rest}\n    → {}", String::from_utf8_lossy(&out.stderr).trim()));
        }
    }
    assert!(ran >= 8, "only {ran} command lines found");
    assert!(failed.is_empty(), "README command lines that fail:\n{}", failed.join("\n"));
}
