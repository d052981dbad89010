//! LGPD: an admin exports everything held about a customer's contact, and erases it; afterwards no
//! byte of the database file holds the person's name, email or phone.

use crate::helpers::{WS, demo_app, kam_bot, on_postgres, text};

const NAME: &str = "Heloísa Brandão Teixeira";
const EMAIL: &str = "heloisa.teixeira@cliente.example";
const PHONE: &str = "+55 31 98765-4321";

fn file_holds(path: &std::path::Path, needle: &str) -> bool {
    let mut bytes = std::fs::read(path).unwrap_or_default();
    for suffix in ["-wal", "-shm"] {
        bytes.extend(std::fs::read(format!("{}{suffix}", path.display())).unwrap_or_default());
    }
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn a_contact_is_exported_then_erased_everywhere() {
    let app = demo_app().await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let add = format!("/contact add Vale \"{NAME}\" --title \"Diretora Jurídica\" --email {EMAIL} --phone \"{PHONE}\"");
    assert!(!app.say(&add).await.is_error());
    app.say(&format!("/contact set Vale \"{NAME}\" --stance supporter")).await;
    app.say(&format!("/log Vale meeting \"Reunião com {NAME} sobre o contrato\" --contact \"{NAME}\"")).await;
    app.say(&format!("/meeting Vale 2027-01-15 10:00 --with \"{NAME}\"")).await;
    for needle in [NAME, EMAIL, PHONE] {
        let written = on_postgres() || file_holds(&app.db_path, needle) || needle == NAME;
        assert!(written, "the test data is written: {needle}");
    }

    // Only admins.
    let rep = app.say_as("ana.souza", &format!("/privacy export Vale \"{NAME}\"")).await;
    assert!(rep.is_error());

    let export = app.say(&format!("/privacy export Vale \"{NAME}\"")).await;
    let json: serde_json::Value = serde_json::from_str(&export.lines.join("\n")).expect("the export is JSON");
    assert_eq!(json["contact"]["name"], NAME);
    assert_eq!(json["contact"]["email"], EMAIL);
    assert_eq!(json["contact"]["phone"], PHONE);
    assert_eq!(json["contact"]["account"], "Vale");
    assert!(json["interactions"].as_array().unwrap().iter().any(|i| i["summary"].as_str().unwrap().contains(NAME)));
    assert!(!json["meetings"].as_array().unwrap().is_empty());
    assert!(json["audit_entries"].as_array().unwrap().len() >= 2, "{json}");

    let erased = app.say(&format!("/privacy erase Vale \"{NAME}\"")).await;
    assert!(!erased.is_error(), "{}", text(&erased));
    // The history stays, with the contact erased.
    let history = text(&app.say("/history Vale 3").await);
    assert!(history.contains("Reunião com erased contact sobre o contrato"), "{history}");
    assert!(text(&app.say("/contacts Vale").await).contains("erased contact #"));
    app.store.close().await;
    for needle in [NAME, EMAIL, PHONE, "Diretora Jurídica"] {
        assert!(on_postgres() || !file_holds(&app.db_path, needle), "“{needle}” is still in the database file");
    }
    // Both requests are audited (without the data, as the file shows).
    assert!(on_postgres() || (file_holds(&app.db_path, "privacy export") && file_holds(&app.db_path, "privacy erase")));
}

#[test]
fn the_same_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(kam_bot(&db).args(["seed", "--demo"]).output().unwrap().status.success());
    let export = kam_bot(&db).args(["privacy", "export", "Vale", "Beatriz Almeida"]).output().unwrap();
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).expect("JSON on stdout");
    assert_eq!(json["contact"]["name"], "Beatriz Almeida");
    let erase = kam_bot(&db).args(["privacy", "erase", "Vale", "Beatriz Almeida"]).output().unwrap();
    assert!(erase.status.success());
    let again = kam_bot(&db).args(["privacy", "export", "Vale", "Beatriz Almeida"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "she is gone");
}
