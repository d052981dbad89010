//! Exports as Brazilian teams' CRMs write them in Portuguese (Dynamics 365, Zoho CRM, HubSpot;
//! files in `tests/corpus/crm/`), each kind imported without `--map`: every row read, nothing
//! refused, a second import changes nothing, and the cards show what the files said.

use std::path::Path;

use crate::helpers::{WS, field, kam_bot, spawn_app, text};

const FILES: &[(&str, &str)] = &[
    ("accounts", "dynamics-contas.csv"),
    ("contacts", "dynamics-contatos.csv"),
    ("interactions", "dynamics-atividades.csv"),
    ("opportunities", "dynamics-oportunidades.csv"),
    ("accounts", "zoho-contas.csv"),
    ("contacts", "zoho-contatos.csv"),
    ("interactions", "zoho-tarefas.csv"),
    ("opportunities", "zoho-negocios.csv"),
    ("accounts", "hubspot-empresas.csv"),
    ("contacts", "hubspot-contatos.csv"),
    ("opportunities", "hubspot-negocios.csv"),
];

fn import(db: &Path, kind: &str, file: &Path) -> String {
    let out = kam_bot(db)
        .args(["--workspace", WS, "--now", "2026-11-27T12:00:00Z", "import", kind, file.to_str().unwrap()])
        .output()
        .expect("run kam-bot");
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{kind} {}: {said}", file.display());
    said
}

#[tokio::test]
async fn dynamics_zoho_and_hubspot_exports_import_without_a_map() {
    let app = spawn_app().await;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    import(&app.db_path, "people", &root.join("docs/import/people.csv"));
    let corpus = root.join("tests/corpus/crm");
    for (kind, name) in FILES {
        let said = import(&app.db_path, kind, &corpus.join(name));
        assert!(said.contains(" 0 rejected"), "{name}: {said}");
    }
    for (kind, name) in FILES {
        let again = import(&app.db_path, kind, &corpus.join(name));
        assert!(again.contains("0 created, 0 updated"), "{name} again: {again}");
    }
    assert_eq!(app.counts(WS).await.accounts, 5);

    // Dynamics: the appointment done is the last contact, the open task a commitment, the
    // cancelled visit left out; the won deal closed.
    let braskem = app.say("/account braskem").await;
    assert!(field(&braskem, "Last interaction").starts_with("2026-11-12 · meeting"), "{}", text(&braskem));
    assert!(text(&app.say("/tasks braskem").await).contains("Enviar contrato revisado"));
    assert!(!text(&app.say("/history embraer").await).contains("Visita cancelada"));
    assert!(text(&app.say("/opp embraer").await).contains("WON"), "{}", text(&app.say("/opp embraer").await));
    // Zoho: Nome and Sobrenome are one contact's name; a deferred task is left out; its rating
    // column is not read as tiers.
    assert!(text(&app.say("/contacts natura").await).contains("Helena Martins"));
    assert!(!text(&app.say("/tasks ambev").await).contains("Reunião adiada"));
    let ambev = text(&app.say("/opp ambev").await);
    assert!(ambev.to_lowercase().contains("proposal"), "{ambev}");
    // HubSpot: the company's last and next activity; the contact's associated company.
    let localiza = app.say("/account localiza").await;
    assert!(field(&localiza, "Last interaction").starts_with("2026-11-19"), "{}", text(&localiza));
    assert!(text(&app.say("/tasks localiza").await).contains("Next activity booked in the CRM"));
    assert!(text(&app.say("/contacts localiza").await).contains("Marcos Teixeira"));
}
