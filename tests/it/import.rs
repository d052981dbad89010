//! Imports from messy files made here (a Salesforce CSV, a Brazilian Excel CSV in Windows-1252, a
//! two-sheet workbook, files with bad rows), through the binary as an operator runs them, and the
//! export → import round trip into an empty workspace.

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::NaiveDate;

use crate::helpers::{WS, demo_app, field, kam_bot, spawn_app, text};

fn run(db: &Path, workspace: &str, args: &[&str]) -> Output {
    kam_bot(db)
        .args(["--workspace", workspace, "--now", "2026-11-27T12:00:00Z"])
        .args(args)
        .output()
        .expect("run kam-bot")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// An empty workspace with the README's example team, accounts and contacts imported; and the
/// folder of the example files.
async fn team_from_the_readme() -> (crate::helpers::TestApp, PathBuf) {
    let app = spawn_app().await;
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("import");
    for kind in ["people", "accounts", "contacts"] {
        let out = run(&app.db_path, WS, &["import", kind, docs.join(format!("{kind}.csv")).to_str().unwrap()]);
        assert!(out.status.success(), "{kind}: {}", stdout(&out));
    }
    (app, docs)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path
}

const SALESFORCE: &str = "\u{FEFF}Account ID,Account Name,Account Owner,Industry,Tier,Customer Spend,Our Revenue,Margin,Aliases,Why key,Annual Revenue\n\
001A,Companhia Siderúrgica Açoforte,Ana Lima,Steel,1,\"R$ 180.000.000,00\",32400000,18%,Açoforte; CSA,\"potential: New mill\nin Ouro Branco | technology\",999\n\
001B,Petroquímica União,Bruno Reis,Chemicals,T2,250M,45M,\"9,5 %\",PQU,strategic,1\n";

#[tokio::test]
async fn a_salesforce_export_in_utf8() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "salesforce.csv", SALESFORCE.as_bytes());
    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    let report = stdout(&out);
    assert!(report.contains("Imported (accounts): 2 created, 0 updated, 0 unchanged, 0 rejected."), "{report}");
    assert!(
        report.contains("New people, not linked to a chat user yet (/people link ties them): Ana Lima, Bruno Reis")
    );
    assert!(report.contains("Columns not read (--map COLUMN=FIELD reads one): Annual Revenue"), "{report}");

    // Found by name, accent-free name, alias and prefix, with every field as the file said.
    for query in ["Companhia Siderúrgica Açoforte", "companhia siderurgica acoforte", "CSA", "acoforte", "compa"] {
        let card = app.say(&format!("/account {query}")).await;
        assert_eq!(card.title.as_deref(), Some("Companhia Siderúrgica Açoforte"), "{query}: {}", text(&card));
    }
    let card = app.say("/account CSA").await;
    assert_eq!(field(&card, "Owner"), "Ana Lima");
    assert!(field(&card, "Share of wallet").starts_with("18.0% of R$ 180,000,000.00"), "{}", text(&card));
    assert_eq!(field(&card, "Margin"), "18.0%");
    assert_eq!(field(&card, "Why key"), "Purchase potential: New mill\nin Ouro Branco\nTechnological leadership");
    let pqu = app.say("/account petroquimica").await;
    assert!(text(&pqu).contains("Tier 2"), "{}", text(&pqu));
    assert_eq!(field(&pqu, "Margin"), "9.5%");
    let ws = app.workspace_id(WS).await;
    let id = app.store.accounts_named(ws, "pqu").await.unwrap()[0].account_id;
    let record = app.store.account_record(ws, id).await.unwrap().unwrap();
    assert_eq!(
        (record.external_id.as_deref(), record.wallet_minor, record.revenue_12m_minor, record.planning_cadence_days),
        (Some("001B"), 250_000_000_00, 45_000_000_00, 60)
    );

    // The same file again changes nothing, and says so.
    let before = app.counts(WS).await;
    let again = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("0 created, 0 updated, 2 unchanged, 0 rejected."), "{}", stdout(&again));
    assert!(stdout(&again).contains("Nothing changed"), "{}", stdout(&again));
    let after = app.counts(WS).await;
    assert_eq!((after.accounts, after.people), (before.accounts, before.people));
}

#[tokio::test]
async fn a_brazilian_excel_csv_in_windows_1252_with_semicolons() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    // "Razão Social;Responsável;Setor;Nível;Gasto anual;Receita 12 meses;Margem;Revisão anual", as
    // Excel saves it on a Brazilian Windows: Windows-1252, CRLF, decimal commas.
    let mut bytes = b"C\xF3digo;Nome da empresa;Respons\xE1vel;Setor;N\xEDvel;Gasto anual;Receita 12 meses;Margem;Revis\xE3o anual\r\n".to_vec();
    bytes.extend_from_slice(b"77;Cer\xE2mica S\xE3o Jo\xE3o;Jos\xE9 Ara\xFAjo;Constru\xE7\xE3o;2;\"R$ 1.234.567,89\";\"123.456,78\";\"18,5 %\";10/03/2027\r\n");
    bytes.extend_from_slice(
        b"78;A\xE7o Paran\xE1;Jos\xE9 Ara\xFAjo;Siderurgia;1;2.000.000;500.000,00;12%;2027-05-31\r\n",
    );
    let file = write(dir.path(), "carteira.csv", &bytes);
    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap(), "--lang", "pt-BR"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("Importação feita (contas): 2 criados"), "{}", stdout(&out));

    let ws = app.workspace_id(WS).await;
    let id = app.store.accounts_named(ws, "ceramica sao joao").await.unwrap()[0].account_id;
    let a = app.store.account_record(ws, id).await.unwrap().unwrap();
    assert_eq!(a.name, "Cerâmica São João");
    assert_eq!(a.segment, "Construção");
    assert_eq!((a.wallet_minor, a.revenue_12m_minor, a.margin_bp), (1_234_567_89, 123_456_78, Some(1850)));
    assert_eq!(a.yearly_review_on, NaiveDate::from_ymd_opt(2027, 3, 10));
    assert_eq!(a.external_id.as_deref(), Some("77"));
    let card = app.say("/account aco parana").await;
    assert_eq!(field(&card, "Owner"), "José Araújo");
    assert_eq!(app.say("/people").await.lines.iter().filter(|l| l.starts_with("José Araújo")).count(), 1);
}

#[tokio::test]
async fn a_workbook_with_two_sheets() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portfolio.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let accounts = book.add_worksheet().set_name("Contas").unwrap();
    for (col, h) in ["Nome da empresa", "Proprietário", "Tier", "Gasto", "Margem", "Revisão anual"].iter().enumerate()
    {
        accounts.write_string(0, col as u16, *h).unwrap();
    }
    accounts.write_string(1, 0, "Fertilizantes Heringer").unwrap();
    accounts.write_string(1, 1, "Carla Dias").unwrap();
    accounts.write_number(1, 2, 1).unwrap();
    accounts.write_number(1, 3, 75_000_000.5).unwrap();
    accounts.write_number_with_format(1, 4, 0.18, &percent).unwrap();
    let review = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 4, 15).unwrap();
    accounts.write_datetime_with_format(1, 5, &review, &date).unwrap();
    let contacts = book.add_worksheet().set_name("Contatos").unwrap();
    for (col, h) in ["First Name", "Last Name", "Company", "Job Title", "Department", "Email"].iter().enumerate() {
        contacts.write_string(0, col as u16, *h).unwrap();
    }
    for (row, c) in
        [["Marta", "Gomes", "Fertilizantes Heringer", "Diretora de Compras", "Suprimentos", "marta@h.com.br"]]
            .iter()
            .enumerate()
    {
        for (col, v) in c.iter().enumerate() {
            contacts.write_string(row as u32 + 1, col as u16, *v).unwrap();
        }
    }
    book.save(&path).unwrap();

    let out = run(&app.db_path, WS, &["import", "accounts", path.to_str().unwrap(), "--sheet", "contas"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = run(&app.db_path, WS, &["import", "contacts", path.to_str().unwrap(), "--sheet", "Contatos"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("1 created"), "{}", stdout(&out));
    let missing = run(&app.db_path, WS, &["import", "contacts", path.to_str().unwrap(), "--sheet", "Leads"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no sheet “Leads”. Sheets: Contas, Contatos."));

    let card = app.say("/account heringer").await;
    assert_eq!(field(&card, "Margin"), "18.0%");
    assert!(field(&card, "Share of wallet").contains("R$ 75,000,000.50"), "{}", text(&card));
    assert!(field(&card, "Yearly review").starts_with("2027-04-15"), "{}", text(&card));
    let contacts = app.say("/contacts heringer").await;
    assert!(text(&contacts).contains("Marta Gomes"), "{}", text(&contacts));
    assert!(text(&contacts).contains("Diretora de Compras"), "{}", text(&contacts));
}

#[tokio::test]
async fn a_file_with_bad_rows_writes_nothing_and_names_each() {
    let app = demo_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.csv",
        "Account Name;Tier;Customer Spend;Margin;Yearly review;Why key;Aliases\n\
         Nova Conta;1;10M;12%;10/12/2027;potential;\n\
         Outra Conta;7;abc;12%;31/02/2027;potential;\n\
         ;1;1;1;;;\n\
         Nova Conta;2;1;1;;;\n\
         Sexta Conta;1;1;1;;;CVRD\n\
         Terceira;1;1;150%;;loyalty;\n"
            .as_bytes(),
    );
    let before = app.counts(WS).await;
    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let report = stdout(&out);
    for line in [
        "line 3, column “Tier”: “7” is not a valid tier",
        "line 3, column “Customer Spend”: “abc” is not a valid spend",
        "line 3, column “Yearly review”: “31/02/2027” is not a valid review",
        "line 4, column “Account Name”: no name: every row needs one",
        "line 5: the same record as line 2",
        "line 6, column “Aliases”: “CVRD” is already the name or an alias of another account (Vale)",
        "line 7, column “Margin”: “150%” is not a valid margin",
        "line 7, column “Why key”: “loyalty” is not a valid reasons",
        "Not imported (accounts)",
        "Nothing was written: fix the 8 row(s) above",
    ] {
        assert!(report.contains(line), "missing {line:?} in\n{report}");
    }
    assert_eq!(app.counts(WS).await, before, "a file with a bad row writes nothing");
    assert!(app.say("/account Nova Conta").await.is_error());

    let dry = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry.status.code(), Some(1));
    let unreadable = run(&app.db_path, WS, &["import", "accounts", "/nonexistent/file.csv"]);
    assert_eq!(unreadable.status.code(), Some(2));
    let unmapped = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap(), "--map", "Nope=name"]);
    assert_eq!(unmapped.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unmapped.stderr).contains("--map names a column “Nope”"));
    assert_eq!(app.counts(WS).await, before);
}

#[tokio::test]
async fn a_dry_run_reports_and_writes_nothing_then_map_reads_odd_columns() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "odd.csv", "Cliente Final,Dono,Obs\nLaticínios Serra,Rita Alves,vip\n".as_bytes());
    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(2));
    let report = stdout(&out);
    // "Cliente Final" is not a known header: the name column must be named.
    assert!(report.is_empty(), "{report}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("No column holds the name"));
    let args = ["import", "accounts", file.to_str().unwrap(), "--map", "Cliente Final=name", "--map", "Dono=owner"];
    let dry: Vec<&str> = args.iter().copied().chain(["--dry-run"]).collect();
    let out = run(&app.db_path, WS, &dry);
    assert!(stdout(&out).contains("+ Laticínios Serra"), "{}", stdout(&out));
    assert!(stdout(&out).contains("Dry run, nothing written (accounts): 1 created"), "{}", stdout(&out));
    assert!(stdout(&out).contains("Columns not read (--map COLUMN=FIELD reads one): Obs"));
    assert_eq!(app.counts(WS).await.accounts, 0);
    let out = run(&app.db_path, WS, &args);
    assert!(out.status.success());
    assert_eq!(field(&app.say("/account laticinios").await, "Owner"), "Rita Alves");
}

#[tokio::test]
async fn people_and_their_tree_come_from_a_file_and_a_circle_is_refused() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "people.csv",
        "Nome;Papel;Gestor;E-mail\nMarina Costa;gestora;;marina@x.com\nAna Souza;vendedora;Marina Costa;ana@x.com\nRafael Lima;rep;Marina Costa;\n"
            .as_bytes(),
    );
    let out = run(&app.db_path, WS, &["import", "people", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    let people = app.say("/people").await.lines;
    assert!(
        people.contains(&"Ana Souza · rep · reports to Marina Costa · not linked to a chat user yet".to_string()),
        "{people:?}"
    );
    assert!(people.iter().any(|l| l.starts_with("Marina Costa · manager")), "{people:?}");
    let circle = write(dir.path(), "circle.csv", "Name,Manager\nMarina Costa,Ana Souza\n".as_bytes());
    let before = app.counts(WS).await;
    let out = run(&app.db_path, WS, &["import", "people", circle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("line 2, column “Manager”: this manager would make Marina Costa manage themselves"),
        "{}",
        stdout(&out)
    );
    assert_eq!(app.counts(WS).await, before);
    let again = run(&app.db_path, WS, &["import", "people", good.to_str().unwrap()]);
    assert!(stdout(&again).contains("0 created, 0 updated, 3 unchanged"), "{}", stdout(&again));
}

/// Exporting the demo and importing the files into an empty workspace reproduces it.
#[tokio::test]
async fn export_then_import_into_an_empty_workspace_round_trips() {
    let app = demo_app().await;
    // Petrobrás keeps four suppliers: the policy travels with the account.
    let ws = app.workspace_id(WS).await;
    let id = app.store.accounts_named(ws, "petrobras").await.unwrap()[0].account_id;
    let mut record = app.store.account_record(ws, id).await.unwrap().unwrap();
    record.suppliers_kept = 4;
    // And its CNPJ.
    record.cnpj = kam_bot::domain::cnpj::Cnpj::parse("33.000.167/0001-01");
    let mut tx = app.store.write().await.unwrap();
    tx.update_account(ws, id, &record).await.unwrap();
    tx.commit().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = "discord:42";
    for kind in ["people", "accounts", "contacts", "interactions", "opportunities"] {
        let file = dir.path().join(format!("{kind}.csv"));
        let out = run(&app.db_path, WS, &["export", kind, "--out", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let out = run(&app.db_path, copy, &["import", kind, file.to_str().unwrap()]);
        assert!(out.status.success(), "{kind}: {}", stdout(&out));
    }
    let (a, b) = (app.workspace_id(WS).await, app.workspace_id(copy).await);

    // People and the team tree (the importing operator joins the copy as its local admin).
    let people = |ws| {
        let store = app.store.clone();
        async move {
            let mut p: Vec<_> = store
                .people_for_export(ws)
                .await
                .unwrap()
                .into_iter()
                .filter(|p| p.name != "Local admin" && !p.name.starts_with("Tester"))
                .map(|p| (p.name, p.role, p.manager))
                .collect();
            p.sort();
            p
        }
    };
    let original = people(a).await;
    assert_eq!(original.len(), 5);
    assert_eq!(people(b).await, original);

    // Accounts field by field.
    let accounts = |ws| {
        let store = app.store.clone();
        async move {
            let names: std::collections::HashMap<i64, String> =
                store.people_for_export(ws).await.unwrap().into_iter().map(|p| (p.id, p.name)).collect();
            let mut out = Vec::new();
            for id in store.account_ids(ws).await.unwrap() {
                let r = store.account_record(ws, id).await.unwrap().unwrap();
                out.push((
                    r.name,
                    r.tier,
                    r.owner_id.map(|o| names[&o].clone()),
                    r.technical_manager_id.map(|o| names[&o].clone()),
                    (r.segment, r.cnpj.map(|c| c.to_string())),
                    (r.wallet_minor, r.revenue_12m_minor, r.margin_bp, r.share_ceiling_bp),
                    (r.planning_cadence_days, r.yearly_review_on, r.status, r.suppliers_kept),
                    (r.reasons, r.aliases),
                ));
            }
            out.sort();
            out
        }
    };
    let original = accounts(a).await;
    assert_eq!(original.len(), 10);
    assert_eq!(accounts(b).await, original);

    // Contacts field by field, under the account of the same name.
    let contacts = |ws| {
        let store = app.store.clone();
        async move {
            let mut out = Vec::new();
            for (_, c) in store.contact_records(ws).await.unwrap() {
                let account = store.account(ws, c.account_id).await.unwrap().unwrap().name;
                out.push((
                    account,
                    c.name,
                    c.title,
                    c.department,
                    c.decision_role,
                    c.stance,
                    c.strength,
                    c.email,
                    c.phone,
                ));
            }
            out.sort();
            out
        }
    };
    let original = contacts(a).await;
    assert!(original.len() > 20);
    assert_eq!(contacts(b).await, original);

    // The history and the pipeline: every interaction (account, kind, instant, author, contact,
    // summary) and every opportunity (account, title, value, stage, close, owner, lost reason).
    let history = |ws| {
        let store = app.store.clone();
        async move {
            let mut out: Vec<_> = store
                .interactions_for_export(ws)
                .await
                .unwrap()
                .into_iter()
                .map(|i| (i.account, i.kind, i.occurred_at, i.author, i.contact, i.summary))
                .collect();
            out.sort();
            out
        }
    };
    let original = history(a).await;
    assert!(original.len() > 200);
    assert_eq!(history(b).await, original);
    let pipeline = |ws| {
        let store = app.store.clone();
        async move {
            let mut out: Vec<_> = store
                .opportunities_for_export(ws)
                .await
                .unwrap()
                .into_iter()
                .map(|o| (o.account, o.title, o.value_minor, o.stage, o.close_on, o.owner, o.lost_reason))
                .collect();
            out.sort();
            out
        }
    };
    let original = pipeline(a).await;
    assert!(original.len() > 5);
    assert_eq!(pipeline(b).await, original);

    // And importing the files once more into the copy changes nothing.
    for kind in ["people", "accounts", "contacts", "interactions", "opportunities"] {
        let file = dir.path().join(format!("{kind}.csv"));
        let out = run(&app.db_path, copy, &["import", kind, file.to_str().unwrap()]);
        assert!(stdout(&out).contains("0 created, 0 updated"), "{kind}: {}", stdout(&out));
    }
}

#[tokio::test]
async fn interactions_and_opportunities_export_as_json() {
    let app = demo_app().await;
    let out = run(&app.db_path, WS, &["export", "opportunities", "--format", "json"]);
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().any(|r| r["stage"] == "won"), "{rows:?}");
    assert!(rows.iter().all(|r| r["value"].as_str().unwrap().contains('.')));
    let out = run(&app.db_path, WS, &["export", "interactions"]);
    let csv = stdout(&out);
    assert!(csv.starts_with("number,account,kind,occurred_at,author,contact,summary"), "{csv}");
    assert!(csv.lines().count() > 100);
}

/// The README's "Bringing a team in" on a fresh database: the example files in `docs/import/`,
/// imported in order, give the team's portfolio.
#[tokio::test]
async fn the_readme_example_files_bring_a_team_in() {
    let app = spawn_app().await;
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join("import");
    for kind in ["people", "accounts", "contacts"] {
        let file = docs.join(format!("{kind}.csv"));
        let out = run(&app.db_path, WS, &["import", kind, file.to_str().unwrap()]);
        assert!(out.status.success(), "{kind}: {}", stdout(&out));
        assert!(stdout(&out).contains("0 rejected"), "{kind}: {}", stdout(&out));
    }
    let portfolio = app.say("/accounts").await;
    assert_eq!(portfolio.title.as_deref(), Some("Portfolio: 4 key accounts"));
    let card = app.say("/account cvrd").await;
    assert_eq!(card.title.as_deref(), Some("Vale"));
    assert_eq!(field(&card, "Technical manager"), "Carlos Mendes");
    // "Petrobrás" is both a name and (folded) an alias: contacts still find it.
    assert!(text(&app.say("/contacts petrobras").await).contains("Marcos Vieira"));
    let people = app.say("/people").await.lines;
    assert!(
        people.contains(&"Ana Souza · rep · reports to Marina Costa · not linked to a chat user yet".to_string()),
        "{people:?}"
    );
}

/// A team's history comes in with its accounts: Pipedrive's activities exported in Portuguese and
/// RD Station's tasks (Windows-1252, `;`, date and time in two columns) are read without `--map`.
/// Done activities become interactions (the card's last contact), open ones commitments, accounts
/// are found as the chat finds them ("Vale S.A." is Vale, "Petrobras" is Petrobrás), and a
/// second import changes nothing.
#[tokio::test]
async fn a_crms_activities_bring_the_history_in() {
    let (app, docs) = team_from_the_readme().await;
    let pipedrive = docs.join("atividades-pipedrive.csv");
    let rd = docs.join("tarefas-rdstation.csv");
    let dry =
        run(&app.db_path, WS, &["import", "interactions", pipedrive.to_str().unwrap(), "--dry-run", "--lang", "pt-BR"]);
    assert!(dry.status.success(), "{}", stdout(&dry));
    assert!(stdout(&dry).contains("+ Vale · 2026-11-10 · Reunião de planejamento 2027"), "{}", stdout(&dry));
    assert!(stdout(&dry).contains("Simulação, nada gravado (interações): 5 criados"), "{}", stdout(&dry));
    assert_eq!(app.counts(WS).await.interactions, 0, "a dry run writes nothing");

    for file in [&pipedrive, &rd] {
        let out = run(&app.db_path, WS, &["import", "interactions", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stdout(&out));
        assert!(stdout(&out).contains("0 rejected"), "{}", stdout(&out));
    }
    assert_eq!(app.counts(WS).await.interactions, 5, "three Pipedrive and two RD Station activities were done");

    // The card reads the history: its last contact, and the open commitment.
    let vale = app.say("/account vale").await;
    assert!(
        field(&vale, "Last interaction").starts_with("2026-11-20 · meeting with João Ferreira · Ana Souza"),
        "{}",
        text(&vale)
    );
    assert!(text(&vale).contains("Enviar proposta técnica de revestimentos"), "{}", text(&vale));
    let suzano = app.say("/account suzano").await;
    assert!(field(&suzano, "Last interaction").contains("WhatsApp"), "{}", text(&suzano));
    let tasks = app.say("/tasks gerdau").await;
    assert!(text(&tasks).contains("Confirmar prazo de entrega com a fábrica"), "{}", text(&tasks));
    assert!(!text(&app.say("/accounts").await).contains("never contacted"));

    // A second import of either file changes nothing.
    for file in [&pipedrive, &rd] {
        let again = run(&app.db_path, WS, &["import", "interactions", file.to_str().unwrap()]);
        assert!(stdout(&again).contains("0 created, 0 updated"), "{}", stdout(&again));
    }
    assert_eq!(app.counts(WS).await.interactions, 5);
}

/// An activity whose account is unknown, or could be several, is a bad row naming them, and
/// nothing of the file is written; `--map-value` reads a team's own activity types.
#[tokio::test]
async fn activities_name_their_bad_rows_and_map_values() {
    let app = demo_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "atividades.csv",
        "Assunto;Tipo;Data;Empresa;Status\n\
         Visita;Visita;01/11/2026;Nenhuma Ltda;Concluída\n\
         Reunião;Reunião;02/11/2026;Vale;Concluída\n\
         Sem data;Reunião;;Vale;Concluída\n\
         Conversa;Follow-up;03/11/2026;Gerdau S.A.;Concluída\n"
            .as_bytes(),
    );
    let before = app.counts(WS).await.interactions;
    let out = run(&app.db_path, WS, &["import", "interactions", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stdout(&out);
    assert!(said.contains("line 2, column “Empresa”: no account “Nenhuma Ltda”"), "{said}");
    assert!(said.contains("line 4, column “Data”: no date"), "{said}");
    assert_eq!(app.counts(WS).await.interactions, before, "all or nothing");

    let good = write(
        dir.path(),
        "boas.csv",
        "Assunto;Tipo;Data;Empresa;Status\nConversa;Follow-up;03/11/2026;Gerdau S.A.;Concluída\n\
         Revisão do contrato;Reunião;04/11/2026;Petróleo;Concluída\n"
            .as_bytes(),
    );
    let out = run(
        &app.db_path,
        WS,
        &["import", "interactions", good.to_str().unwrap(), "--map-value", "Tipo:Follow-up=call"],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    let history = text(&app.say("/history gerdau").await);
    assert!(history.contains("call") && history.contains("Conversa"), "{history}");
    // "Petróleo" is the start of one account's alias (Petróleo Brasileiro): Petrobrás.
    assert!(text(&app.say("/history petrobras").await).contains("Revisão do contrato"));
}

/// A Pipedrive deals export in Portuguese brings the pipeline in: stages read from Pipedrive's own
/// (`Negociações iniciadas`, `Proposta feita`), won and lost from the status, accounts found as
/// the chat finds them; a second import changes nothing, and a deal that moved on in the CRM moves
/// the opportunity.
#[tokio::test]
async fn a_crms_deals_bring_the_pipeline_in() {
    let (app, docs) = team_from_the_readme().await;
    let deals = docs.join("negocios-pipedrive.csv");
    let out = run(&app.db_path, WS, &["import", "opportunities", deals.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("4 created, 0 updated, 0 unchanged, 0 rejected"), "{}", stdout(&out));
    let vale = text(&app.say("/opp vale").await);
    assert!(vale.contains("Revestimentos para os moinhos de S11D · R$ 12,000,000.00 · negotiation"), "{vale}");
    assert!(vale.contains("Peças de desgaste dos britadores 2027 · R$ 8,000,000.00 · proposal"), "{vale}");
    let petrobras = text(&app.say("/opp petrobras").await);
    assert!(petrobras.contains("LOST"), "{petrobras}");

    let again = run(&app.db_path, WS, &["import", "opportunities", deals.to_str().unwrap()]);
    assert!(stdout(&again).contains("0 created, 0 updated, 4 unchanged"), "{}", stdout(&again));

    // The S11D deal was won in the CRM: the next export moves it.
    let dir = tempfile::tempdir().unwrap();
    let moved = std::fs::read_to_string(&deals)
        .unwrap()
        .replace("Negociações iniciadas,Aberto,2027-03-31", "Negociações iniciadas,Ganho,2027-03-31");
    let file = write(dir.path(), "negocios.csv", moved.as_bytes());
    let out = run(&app.db_path, WS, &["import", "opportunities", file.to_str().unwrap()]);
    assert!(stdout(&out).contains("0 created, 1 updated, 3 unchanged"), "{}", stdout(&out));
    assert!(
        text(&app.say("/opp vale").await).contains("Revestimentos para os moinhos de S11D · R$ 12,000,000.00 · WON")
    );
}

/// A Pipedrive organisations export in Portuguese: the CNPJ is read (check digits verified, shown
/// on the card), the last activity becomes the account's last contact and the next one a
/// commitment; "Vale S.A." looks like Vale and is flagged with the merge that fixes it, and after
/// the merge a second import finds Vale by its CNPJ and changes nothing.
#[tokio::test]
async fn an_organisation_export_brings_cnpj_and_activity_dates_and_flags_duplicates() {
    let (app, docs) = team_from_the_readme().await;
    let file = docs.join("organizacoes-pipedrive.csv");
    let dry = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap(), "--dry-run", "--lang", "pt-BR"]);
    let said = stdout(&dry);
    assert!(dry.status.success(), "{said}");
    // Every field each row would set, so a mapping can be checked before anything is written.
    assert!(
        said.contains(
            "Linha 2: id externo = 501 · nome = Vale S.A. · CNPJ = 33.592.510/0001-54 · responsável = Ana Souza · \
             segmento = Mineração · próxima atividade = 2026-12-15"
        ),
        "{said}"
    );
    assert!(
        said.contains("! linha 2: “Vale S.A.” parece Vale. Se for o mesmo cliente: /conta juntar \"Vale S.A.\" Vale"),
        "{said}"
    );
    assert!(said.contains("Endereço"), "the address is listed as not read: {said}");
    assert_eq!(app.counts(WS).await.accounts, 4, "a dry run writes nothing");

    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("3 created"), "{}", stdout(&out));
    let weg = app.say("/account weg").await;
    assert!(weg.lines[0].ends_with("· Máquinas e equipamentos · CNPJ 84.429.695/0001-11"), "{}", text(&weg));
    assert!(field(&weg, "Last interaction").starts_with("2026-11-03 · note"), "{}", text(&weg));
    assert!(text(&app.say("/tasks klabin").await).contains("Next activity booked in the CRM (imported)"));
    let portfolio = text(&app.say("/accounts").await);
    let weg_line = portfolio.lines().find(|l| l.contains("WEG")).unwrap_or_default().to_string();
    assert!(!weg_line.contains("never contacted"), "{portfolio}");

    // A second import changes nothing.
    let again = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(stdout(&again).contains("0 created, 0 updated, 3 unchanged"), "{}", stdout(&again));

    // The merge the import suggested: everything of "Vale S.A." goes to Vale, its name an alias.
    // As the team's manager, in the terminal chat, as the README shows.
    let mut chat = kam_bot(&app.db_path);
    chat.args(["--workspace", WS, "--now", "2026-11-27T12:00:00Z", "chat", "--as", "Marina Costa", "--lang", "en"]);
    let merged = crate::helpers::run_with_stdin(chat, "/account merge \"Vale S.A.\" Vale --confirm\n");
    assert!(stdout(&merged).contains("Vale S.A. merged into Vale"), "{}", stdout(&merged));
    let vale = app.say("/account vale s.a.").await;
    assert_eq!(vale.title.as_deref(), Some("Vale"));
    assert!(vale.lines[0].ends_with("CNPJ 33.592.510/0001-54"), "the CNPJ came along: {}", text(&vale));
    assert!(text(&app.say("/tasks vale").await).contains("Next activity booked in the CRM (imported)"));
    // Vale is found by its CNPJ now: keeps its name and its id, nothing changes.
    let after = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(stdout(&after).contains("0 created, 0 updated, 3 unchanged"), "{}", stdout(&after));
    assert!(!stdout(&after).contains("looks like"), "{}", stdout(&after));
}

/// A CNPJ with wrong check digits is a bad row; two rows with one CNPJ are one record; a contact
/// file finds its account by the company's CNPJ.
#[tokio::test]
async fn cnpjs_are_checked_and_match_contacts() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "empresas.csv",
        "Nome;CNPJ\nAçoforte;33.592.510/0001-55\nWEG;84.429.695/0001-11\nWEG Motores;84429695000111\n".as_bytes(),
    );
    let out = run(&app.db_path, WS, &["import", "accounts", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stdout(&out);
    assert!(said.contains("line 2, column “CNPJ”: “33.592.510/0001-55” is not a valid cnpj"), "{said}");
    assert!(said.contains("line 4, column “CNPJ”: the same record as line 3"), "{said}");
    assert_eq!(app.counts(WS).await.accounts, 0);

    let good = write(dir.path(), "boas.csv", "Nome;CNPJ\nWEG S.A.;84.429.695/0001-11\n".as_bytes());
    assert!(run(&app.db_path, WS, &["import", "accounts", good.to_str().unwrap()]).status.success());
    let contacts = write(
        dir.path(),
        "contatos.csv",
        "Nome;CNPJ da empresa;E-mail\nPaula Reis;84429695000111;paula@weg.exemplo\n".as_bytes(),
    );
    let out = run(&app.db_path, WS, &["import", "contacts", contacts.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(text(&app.say("/contacts weg").await).contains("Paula Reis"));
}

/// RD Station CRM's companies, as its export saves them (Windows-1252, `;`): `Segmentos`, `CNPJ`
/// and the A/B/C curve of `Classificação` are read without `--map`. A Salesforce export in pt-BR
/// whose `Classificação` is its Quente/Morna/Fria rating is not refused row by row: the column is
/// listed as not read, and the rest comes in.
#[tokio::test]
async fn rd_stations_abc_curve_and_salesforces_rating() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let (rd, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Nome;Responsável;Segmentos;CNPJ;Classificação\r\n\
         Cerâmica São João;José Araújo;Construção;06.990.590/0001-23;A\r\n\
         Aço Paraná;José Araújo;Siderurgia;;C\r\n",
    );
    let file = write(dir.path(), "empresas-rdstation.csv", &rd);
    let out = run(&app.db_path, WS, &["import", "accounts", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    let card = app.say("/account ceramica").await;
    assert_eq!(card.lines[0], "Tier 1 (strategic) · Construção · CNPJ 06.990.590/0001-23", "{}", text(&card));
    assert!(app.say("/account aco parana").await.lines[0].starts_with("Tier 3"));

    let sf = write(
        dir.path(),
        "contas-salesforce.csv",
        "ID da conta,Nome da conta,Proprietário da conta,Setor,Classificação\n\
         001X,Klabin,Ana Lima,Papel e celulose,Quente\n001Y,WEG,Ana Lima,Máquinas,Fria\n"
            .as_bytes(),
    );
    let out = run(&app.db_path, WS, &["import", "accounts", sf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("Classificação"), "listed as not read: {}", stdout(&out));
    assert!(stdout(&out).contains("2 created"), "{}", stdout(&out));
    // Told how to read it, the same column sets tiers.
    let out = run(
        &app.db_path,
        WS,
        &["import", "accounts", sf.to_str().unwrap(), "--map-value", "Classificação:Quente=1,Morna=2,Fria=3"],
    );
    assert!(stdout(&out).contains("~ Klabin: tier"), "{}", stdout(&out));
}

/// A team file names managers by e-mail as well as by name, with their roles in Portuguese, and
/// their job titles (`Cargo`) kept as titles.
#[tokio::test]
async fn managers_named_by_email() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "equipe.csv",
        "Nome completo;Cargo;Perfil no bot;E-mail corporativo;E-mail do gestor\n\
         Paula Reis;Key Account Manager;vendedora;paula@exemplo.com.br;lucia@exemplo.com.br\n\
         Lúcia Prado;Gerente Regional Sul;gestora;lucia@exemplo.com.br;\n"
            .as_bytes(),
    );
    let out = run(&app.db_path, WS, &["import", "people", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    let people = app.say("/people").await.lines;
    // The job title is kept as a title; the role is the bot's.
    assert!(
        people.iter().any(|l| l.starts_with("Paula Reis (Key Account Manager) · rep · reports to Lúcia Prado")),
        "{people:?}"
    );
    assert!(people.iter().any(|l| l.starts_with("Lúcia Prado (Gerente Regional Sul) · manager")), "{people:?}");
}
