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
