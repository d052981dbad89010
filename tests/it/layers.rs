//! The house's arrows point inward: `domain` at the centre, then `i18n`, `store`, `transfer`,
//! `core`, then what runs the core (`scheduler`, `notify`, the front ends, the server) and the
//! command line. This test reads every `crate::` path under `src/` and fails on one that points
//! outward, or on any two top-level modules that import each other, however indirectly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each file's top-level module (`core` for `src/core/commands/log.rs`) and the top-level modules
/// its code names through `crate::`; comments, doc comments included, are left out.
fn imports() -> Vec<(String, String, BTreeSet<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let mut named = BTreeSet::new();
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or("");
                let mut rest = code;
                while let Some(i) = rest.find("crate::") {
                    rest = &rest[i + "crate::".len()..];
                    let module: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if !module.is_empty() && module != top {
                        named.insert(module);
                    }
                }
            }
            (rel, top, named)
        })
        .collect()
}

#[test]
fn imports_point_inward_and_no_two_modules_import_each_other() {
    let files = imports();
    assert!(files.len() > 100, "the sources were not found");
    // What each layer may not name.
    let forbidden: &[(&str, &[&str])] = &[
        ("domain", &["i18n", "store", "config", "core", "transfer", "scheduler", "notify", "front", "server", "cli"]),
        ("i18n", &["store", "config", "core", "transfer", "scheduler", "notify", "front", "server", "cli"]),
        ("store", &["i18n", "config", "core", "transfer", "scheduler", "notify", "front", "server", "cli"]),
        ("transfer", &["core", "scheduler", "notify", "front", "server", "cli"]),
        ("core", &["scheduler", "notify", "front", "server", "cli", "config", "logging"]),
        ("config", &["logging", "scheduler", "core", "front", "cli", "store"]),
        ("scheduler", &["front", "server", "cli"]),
    ];
    let mut wrong = Vec::new();
    for (file, top, named) in &files {
        let Some((_, banned)) = forbidden.iter().find(|(layer, _)| layer == top) else { continue };
        for module in named.iter().filter(|m| banned.contains(&m.as_str())) {
            wrong.push(format!("src/{file} names crate::{module}"));
        }
    }
    assert!(wrong.is_empty(), "imports that point outward:\n{}", wrong.join("\n"));

    // No circle among the top-level modules.
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (_, top, named) in &files {
        graph.entry(top.as_str()).or_default().extend(named.iter().map(String::as_str));
    }
    for (&from, targets) in &graph {
        // Everything reachable from `from`; reaching `from` again is a circle.
        let (mut seen, mut stack): (BTreeSet<&str>, Vec<&str>) = (BTreeSet::new(), targets.iter().copied().collect());
        while let Some(module) = stack.pop() {
            assert_ne!(module, from, "crate::{from} reaches back to itself through its imports");
            if seen.insert(module) {
                stack.extend(graph.get(module).into_iter().flatten().copied());
            }
        }
    }
}

#[test]
fn a_command_writes_only_through_its_claiming_transaction() {
    // `Context::write` itself is where the claim is taken.
    for (file, _, _) in imports().iter().filter(|(f, _, _)| f.starts_with("core/") && *f != "core/context.rs") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file);
        let text = std::fs::read_to_string(path).unwrap();
        assert!(
            !text.contains("store.write()"),
            "src/{file} opens a write transaction that does not claim its request: use ctx.write(store)"
        );
    }
}
