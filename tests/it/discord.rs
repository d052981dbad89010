//! The Discord HTTP interactions endpoint, driven with signed payloads on 127.0.0.1.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::discord_support::{
    StandIn, button_press, command, import_command, interaction, option, ping, spawn_endpoint, spawn_endpoint_with,
};
use crate::helpers::spawn_app;

const GUILD_A: u64 = 111;
const GUILD_B: u64 = 222;
const SLOW: Duration = Duration::from_secs(30);

async fn demo_in_guild_a() -> crate::helpers::TestApp {
    let app = spawn_app().await;
    kam_bot::seed::demo::seed_demo(&app.store, "discord:111", app.now).await.unwrap().unwrap();
    app
}

fn field<'a>(embed: &'a Value, name: &str) -> &'a str {
    embed["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["name"] == name))
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name} in {embed}"))
}

#[tokio::test]
async fn ping_is_answered_with_pong_and_health_with_ok() {
    let app = spawn_app().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let (status, body) = endpoint.post_signed(&ping()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"type": 1}));
    let health = reqwest::get(format!("{}/healthz", endpoint.url)).await.unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[tokio::test]
async fn account_returns_an_embed_with_the_card() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let (status, body) =
        endpoint.post_signed(&command(1, Some(GUILD_A), "account", json!([option("name", json!("vale"))]))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["type"], 4, "{body}");
    let embed = &body["data"]["embeds"][0];
    assert_eq!(embed["title"], "Vale");
    assert_eq!(field(embed, "Owner"), "Ana Souza");
    assert!(field(embed, "Share of wallet").starts_with("18.0% of R$ 180,000,000.00"));
    assert_eq!(embed["color"], 0xF1C40F, "a review within 30 days colours it amber");
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    assert!(body["data"].get("flags").is_none_or(|f| f == 0), "a card is public");
}

#[tokio::test]
async fn the_interaction_locale_picks_the_language() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let payload = interaction(2, 2, Some(GUILD_A), "account", json!([option("name", json!("PETROBRÁS"))]), "pt-BR");
    let (_, body) = endpoint.post_signed(&payload).await;
    let embed = &body["data"]["embeds"][0];
    assert_eq!(embed["title"], "Petrobrás");
    assert!(field(embed, "Participação").starts_with("18,0% de R$ 250.000.000,00"), "{embed}");
}

/// A new server whose preferred locale is Brazilian Portuguese starts in Portuguese even when the
/// first person's Discord is in English; a server left at Discord's default (en-US) yields to the
/// first person's language.
#[tokio::test]
async fn a_new_server_takes_its_preferred_locale_where_it_is_portuguese() {
    let app = spawn_app().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let mut brazilian = interaction(7, 2, Some(GUILD_A), "help", json!([]), "en-US");
    brazilian["guild_locale"] = json!("pt-BR");
    endpoint.post_signed(&brazilian).await;
    let ws = app.store.find_workspace(&format!("discord:{GUILD_A}")).await.unwrap().unwrap();
    assert_eq!(ws.language, "pt-BR");

    let person = interaction(8, 2, Some(GUILD_B), "help", json!([]), "pt-BR");
    endpoint.post_signed(&person).await;
    let ws = app.store.find_workspace(&format!("discord:{GUILD_B}")).await.unwrap().unwrap();
    assert_eq!(ws.language, "pt-BR", "an en-US server yields to its first person's pt-BR");
}

#[tokio::test]
async fn autocomplete_offers_ranked_accounts() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let focused = json!([{"name": "name", "type": 3, "value": "petro", "focused": true}]);
    let (status, body) = endpoint.post_signed(&interaction(3, 4, Some(GUILD_A), "account", focused, "en-US")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["type"], 8, "{body}");
    assert_eq!(body["data"]["choices"][0], json!({"name": "Petrobrás", "value": "Petrobrás"}));

    let accented = json!([{"name": "account", "type": 3, "value": "SUZ", "focused": true}]);
    let (_, body) = endpoint.post_signed(&interaction(4, 4, Some(GUILD_A), "log", accented, "en-US")).await;
    assert_eq!(body["data"]["choices"][0]["name"], "Suzano");

    let empty = json!([{"name": "name", "type": 3, "value": "", "focused": true}]);
    let (_, body) = endpoint.post_signed(&interaction(5, 4, Some(GUILD_A), "account", empty, "en-US")).await;
    assert_eq!(body["data"]["choices"].as_array().unwrap().len(), 9, "the active portfolio: {body}");
}

#[tokio::test]
async fn unsigned_forged_or_tampered_requests_get_401_and_write_nothing() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let log = command(
        6,
        Some(GUILD_A),
        "log",
        json!([option("account", json!("Vale")), option("kind", json!("call")), option("summary", json!("forged"))]),
    );
    let before = app.counts("discord:111").await;
    let body = serde_json::to_vec(&log).unwrap();
    let ts = chrono::Utc::now().timestamp().to_string();

    // No headers at all, a signature without its timestamp.
    assert_eq!(endpoint.post_raw(body.clone(), None, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(endpoint.post_raw(body.clone(), Some(&"0".repeat(128)), None).await.0, StatusCode::UNAUTHORIZED);
    // A signature by another key.
    let other = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]);
    use ed25519_dalek::Signer;
    let forged = crate::discord_support::hex(&other.sign(&[ts.as_bytes(), &body].concat()).to_bytes());
    assert_eq!(endpoint.post_raw(body.clone(), Some(&forged), Some(&ts)).await.0, StatusCode::UNAUTHORIZED);
    // A good signature over another body.
    let good = crate::discord_support::hex(
        &crate::discord_support::signing_key().sign(&[ts.as_bytes(), &body].concat()).to_bytes(),
    );
    let mut tampered = body.clone();
    let at = tampered.windows(6).position(|w| w == b"forged").unwrap();
    tampered[at] = b'F';
    assert_eq!(endpoint.post_raw(tampered, Some(&good), Some(&ts)).await.0, StatusCode::UNAUTHORIZED);
    // The right body with another timestamp, and garbage in the signature.
    assert_eq!(endpoint.post_raw(body.clone(), Some(&good), Some("1")).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(endpoint.post_raw(body.clone(), Some("not hex"), Some(&ts)).await.0, StatusCode::UNAUTHORIZED);

    assert_eq!(app.counts("discord:111").await, before, "nothing was written");
    // The same body, correctly signed, is accepted.
    let (status, reply) = endpoint.post_raw(body, Some(&good), Some(&ts)).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    assert_eq!(app.counts("discord:111").await.interactions, before.interactions + 1);
}

#[tokio::test]
async fn guild_b_never_sees_guild_a() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let (_, body) =
        endpoint.post_signed(&command(7, Some(GUILD_B), "account", json!([option("name", json!("Vale"))]))).await;
    assert!(body["data"]["content"].as_str().unwrap().starts_with("No accounts yet."), "{body}");
    assert_eq!(body["data"]["flags"], 64, "errors are ephemeral");
    let focused = json!([{"name": "name", "type": 3, "value": "va", "focused": true}]);
    let (_, body) = endpoint.post_signed(&interaction(8, 4, Some(GUILD_B), "account", focused, "en-US")).await;
    assert_eq!(body["data"]["choices"], json!([]));
    let list = json!([{"name": "list", "type": 1, "options": []}]);
    let (_, body) = endpoint.post_signed(&command(9, Some(GUILD_B), "accounts", list)).await;
    let description = body["data"]["embeds"][0]["description"].as_str().unwrap_or_default();
    assert!(description.starts_with("No accounts yet."), "{body}");
}

#[tokio::test]
async fn a_logged_interaction_is_recorded_once_per_interaction_id() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let log = command(
        10,
        Some(GUILD_A),
        "log",
        json!([
            option("account", json!("Vale")),
            option("kind", json!("meeting")),
            option("summary", json!("Plano 2027")),
            option("next", json!("Enviar proposta")),
            option("due", json!("10/12/2026"))
        ]),
    );
    let (_, first) = endpoint.post_signed(&log).await;
    assert_eq!(first["data"]["embeds"][0]["title"], "Logged: meeting with Vale", "{first}");
    let before = app.counts("discord:111").await;
    let (_, second) = endpoint.post_signed(&log).await;
    assert_eq!(second, first, "a delivery of the same interaction gets the first answer");
    assert_eq!(app.counts("discord:111").await, before);
    // The Discord user joined the guild's workspace as a rep and is the author.
    let (_, history) = endpoint
        .post_signed(&command(
            11,
            Some(GUILD_A),
            "history",
            json!([option("account", json!("Vale")), option("count", json!(1))]),
        ))
        .await;
    let description = history["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(description.contains("Ana Souza") && description.contains("Plano 2027"), "{description}");
    let ws = app.workspace_id("discord:111").await;
    let person = app.store.find_person(ws, "discord", "4242").await.unwrap().unwrap();
    assert_eq!(person.role, kam_bot::domain::account::Role::Rep);
}

#[tokio::test]
async fn bad_options_are_one_private_line() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let log = command(
        12,
        Some(GUILD_A),
        "log",
        json!([
            option("account", json!("Vale")),
            option("kind", json!("meeting")),
            option("summary", json!("x")),
            option("due", json!("someday"))
        ]),
    );
    let (_, body) = endpoint.post_signed(&log).await;
    assert_eq!(
        body["data"]["content"],
        "“someday” is not a date for --due. Use 2026-12-10, 10/12, friday, next week, in 2 weeks, end of month or tomorrow."
    );
    assert_eq!(body["data"]["flags"], 64);
    let dm = command(13, None, "account", json!([option("name", json!("Vale"))]));
    let (_, body) = endpoint.post_signed(&dm).await;
    assert_eq!(body["data"]["content"], "kam-bot works inside a server, where your team's accounts are: use it there.");
}

#[tokio::test]
async fn a_slow_answer_is_deferred_then_edited() {
    let app = demo_in_guild_a().await;
    let rest = StandIn::spawn().await;
    let endpoint = spawn_endpoint(&app, Some(&rest), Duration::ZERO).await;
    let (status, body) =
        endpoint.post_signed(&command(14, Some(GUILD_A), "account", json!([option("name", json!("Alcoa"))]))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["type"], 5, "deferred: {body}");
    // Deferred privately, as the answer might be private; the card is public, so it is posted as
    // a follow-up and the private placeholder deleted.
    assert_eq!(body["data"]["flags"], 64, "{body}");
    let posted = rest.wait_for("/webhooks/1200000000000000000/aW50ZXJhY3Rpb24614").await;
    let posted = if posted.method == axum::http::Method::POST {
        posted
    } else {
        rest.seen().into_iter().find(|s| s.method == axum::http::Method::POST).expect("a follow-up")
    };
    assert_eq!(posted.path, "/api/v10/webhooks/1200000000000000000/aW50ZXJhY3Rpb24614");
    assert_eq!(posted.body["embeds"][0]["title"], "Alcoa");
    assert_eq!(posted.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(posted.body["flags"].as_u64().unwrap_or(0) & 64, 0, "the card is public");
    let deleted = rest.wait_for("/messages/@original").await;
    assert_eq!(deleted.method, axum::http::Method::DELETE);
}

/// A slow answer that is private (a refusal) stays private: the deferral carries the ephemeral
/// flag and the answer is edited into it, never posted to the channel.
#[tokio::test]
async fn a_slow_private_answer_stays_private() {
    let app = demo_in_guild_a().await;
    let rest = StandIn::spawn().await;
    let endpoint = spawn_endpoint(&app, Some(&rest), Duration::ZERO).await;
    let (_, body) = endpoint
        .post_signed(&command(15, Some(GUILD_A), "account", json!([option("name", json!("Nenhuma Conta Assim"))])))
        .await;
    assert_eq!(body["type"], 5, "deferred: {body}");
    assert_eq!(body["data"]["flags"], 64, "{body}");
    let edit = rest.wait_for("/messages/@original").await;
    assert_eq!(edit.method, axum::http::Method::PATCH);
    assert!(edit.body["content"].as_str().is_some_and(|c| !c.is_empty()), "{}", edit.body);
    assert!(rest.seen().iter().all(|s| s.method != axum::http::Method::POST), "{:?}", rest.seen());
}

/// Account administration arrives as Discord subcommands with typed options, and people are
/// linked with a Discord user option.
#[tokio::test]
async fn subcommands_and_user_options_reach_the_core() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    // The member (user 4242) joins as a rep on first sight; an admin makes them admin.
    endpoint.post_signed(&command(20, Some(GUILD_A), "help", json!([]))).await;
    let ws = app.workspace_id("discord:111").await;
    let me = app.store.find_person(ws, "discord", "4242").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();

    let add = json!([{"name": "add", "type": 1, "options": [
        option("name", json!("Usiminas")), option("tier", json!(1)), option("owner", json!("Rafael Lima")),
        option("reason", json!("technology")), option("why", json!("High-strength steel"))
    ]}]);
    let (status, body) = endpoint.post_signed(&command(21, Some(GUILD_A), "accounts", add)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["embeds"][0]["title"], "Added Usiminas", "{body}");
    let card = endpoint
        .post_signed(&command(22, Some(GUILD_A), "account", json!([option("name", json!("usiminas"))])))
        .await
        .1;
    let embed = &card["data"]["embeds"][0];
    assert_eq!(field(embed, "Owner"), "Rafael Lima");
    assert_eq!(field(embed, "Why key"), "Technological leadership: High-strength steel");

    let set = json!([{"name": "set", "type": 1, "options": [
        option("account", json!("Usiminas")), option("field", json!("tier")), option("value", json!("2"))
    ]}]);
    let (_, body) = endpoint.post_signed(&command(23, Some(GUILD_A), "accounts", set)).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "Usiminas: tier changed", "{body}");

    // /people add, then /people link with a user option (type 6: the user's id).
    let add = json!([{"name": "add", "type": 1, "options": [
        option("name", json!("Paula Nunes")), option("role", json!("rep"))
    ]}]);
    endpoint.post_signed(&command(24, Some(GUILD_A), "people", add)).await;
    let link = json!([{"name": "link", "type": 1, "options": [
        option("person", json!("Paula Nunes")), {"name": "user", "type": 6, "value": "80351110224678912"}
    ]}]);
    let (_, body) = endpoint.post_signed(&command(25, Some(GUILD_A), "people", link)).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "Paula Nunes is linked to that chat user.", "{body}");
    let paula = app.store.find_person(ws, "discord", "80351110224678912").await.unwrap().unwrap();
    assert_eq!(paula.display_name, "Paula Nunes");

    // A subcommand's account option autocompletes; /help's command option offers commands.
    let focused = json!([{"name": "set", "type": 1, "options": [
        {"name": "account", "type": 3, "value": "usi", "focused": true}
    ]}]);
    let (_, body) = endpoint.post_signed(&interaction(26, 4, Some(GUILD_A), "accounts", focused, "en-US")).await;
    assert_eq!(body["data"]["choices"][0]["name"], "Usiminas", "{body}");
    let focused = json!([{"name": "command", "type": 3, "value": "acc", "focused": true}]);
    let (_, body) = endpoint.post_signed(&interaction(27, 4, Some(GUILD_A), "help", focused, "en-US")).await;
    let offered: Vec<&str> =
        body["data"]["choices"].as_array().unwrap().iter().filter_map(|c| c["value"].as_str()).collect();
    assert_eq!(offered, ["account", "accounts"]);

    // Bad input through a subcommand is one ephemeral line, and writes nothing.
    let before = app.counts("discord:111").await;
    let bad = json!([{"name": "add", "type": 1, "options": [option("name", json!("Vale"))]}]);
    let (_, body) = endpoint.post_signed(&command(28, Some(GUILD_A), "accounts", bad)).await;
    assert_eq!(body["data"]["flags"], 64);
    assert!(
        body["data"]["content"].as_str().unwrap().starts_with("“Vale” is already taken by the account Vale"),
        "{body}"
    );
    assert_eq!(app.counts("discord:111").await, before);
}

/// `/import` with an attached file: the dry run with an Import button, the press that writes it
/// once, and a second press that writes nothing.
#[tokio::test]
async fn an_admin_imports_an_attached_file_with_a_confirm_button() {
    let app = demo_in_guild_a().await;
    let rest = StandIn::spawn().await;
    let endpoint = spawn_endpoint(&app, Some(&rest), SLOW).await;
    let file = "Account Name;Account Owner;Tier;Customer Spend\nUsiminas;Rafael Lima;1;\"R$ 90.000.000,00\"\nCSA Aços;Ana Souza;2;10M\n";
    let url = rest.serve_file("/attachments/1/2/carteira.csv", file.as_bytes());

    // A rep may not import.
    let (_, refused) =
        endpoint.post_signed(&import_command(30, GUILD_A, "accounts", "carteira.csv", &url, file.len())).await;
    assert_eq!(refused["data"]["content"], "Only an admin of this workspace can import files.", "{refused}");
    let ws = app.workspace_id("discord:111").await;
    let me = app.store.find_person(ws, "discord", "4242").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();

    let before = app.counts("discord:111").await;
    let (_, dry) =
        endpoint.post_signed(&import_command(31, GUILD_A, "accounts", "carteira.csv", &url, file.len())).await;
    let embed = &dry["data"]["embeds"][0];
    assert_eq!(
        embed["title"], "Dry run, nothing written (accounts): 2 created, 0 updated, 0 unchanged, 0 rejected.",
        "{dry}"
    );
    assert_eq!(dry["data"]["flags"], 64, "the check is for the admin only");
    let button = &dry["data"]["components"][0]["components"][0];
    assert_eq!((button["type"].as_u64(), button["label"].as_str()), (Some(2), Some("Import")), "{dry}");
    let custom_id = button["custom_id"].as_str().unwrap().to_string();
    assert_eq!(app.counts("discord:111").await.accounts, before.accounts, "a dry run writes no account");

    let (_, done) = endpoint.post_signed(&button_press(32, GUILD_A, &custom_id)).await;
    assert_eq!(done["type"], 7, "the press replaces the message: {done}");
    assert_eq!(
        done["data"]["embeds"][0]["title"],
        "Imported (accounts): 2 created, 0 updated, 0 unchanged, 0 rejected."
    );
    assert_eq!(done["data"]["components"], json!([]), "the button is gone");
    assert_eq!(app.counts("discord:111").await.accounts, before.accounts + 2);
    let card = endpoint
        .post_signed(&command(33, Some(GUILD_A), "account", json!([option("name", json!("usiminas"))])))
        .await
        .1;
    assert_eq!(field(&card["data"]["embeds"][0], "Owner"), "Rafael Lima");

    // A second press (or a replayed one) writes nothing.
    let (_, again) = endpoint.post_signed(&button_press(34, GUILD_A, &custom_id)).await;
    assert_eq!(
        again["data"]["content"],
        "This import was carried out already, or it expired: attach the file to /import again."
    );
    assert_eq!(app.counts("discord:111").await.accounts, before.accounts + 2);

    // A file with a bad row: every bad row, and no button.
    let bad = "Account Name;Tier\nNova;9\n";
    let url = rest.serve_file("/attachments/1/3/bad.csv", bad.as_bytes());
    let (_, refused) = endpoint.post_signed(&import_command(35, GUILD_A, "accounts", "bad.csv", &url, bad.len())).await;
    assert_eq!(refused["data"]["embeds"][0]["title"], "bad.csv: 1 row(s) refused, nothing written", "{refused}");
    assert!(
        refused["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("line 2, column “Tier”: “9” is not a valid tier")
    );
    assert!(refused["data"]["components"].as_array().is_none_or(Vec::is_empty));

    // A file too large is refused before it is fetched.
    let (_, big) =
        endpoint.post_signed(&import_command(36, GUILD_A, "accounts", "big.csv", &url, 11 * 1024 * 1024)).await;
    assert!(big["data"]["content"].as_str().unwrap().starts_with("The file is larger than 10 MB"), "{big}");
}

/// `/import kind:interactions` and `kind:opportunities` on Discord: a CRM's activities and deals go
/// through the same dry run and Import button as accounts.
#[tokio::test]
async fn an_admin_imports_activities_and_deals_from_the_chat() {
    let app = demo_in_guild_a().await;
    let rest = StandIn::spawn().await;
    let endpoint = spawn_endpoint(&app, Some(&rest), SLOW).await;
    let ws = app.workspace_id("discord:111").await;
    // The person joins with their first command, then is made an admin.
    endpoint.post_signed(&command(40, Some(GUILD_A), "help", json!([]))).await;
    let me = app.store.find_person(ws, "discord", "4242").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let before = app.counts("discord:111").await;
    let activities =
        "Assunto;Tipo;Data;Empresa;Status\nVisita à mina de Itabira;Visita;02/11/2026;Vale S.A.;Concluída\n";
    let url = rest.serve_file("/attachments/1/4/atividades.csv", activities.as_bytes());
    let (_, dry) = endpoint
        .post_signed(&import_command(41, GUILD_A, "interactions", "atividades.csv", &url, activities.len()))
        .await;
    assert_eq!(
        dry["data"]["embeds"][0]["title"],
        "Dry run, nothing written (interactions): 1 created, 0 updated, 0 unchanged, 0 rejected.",
        "{dry}"
    );
    let custom_id = dry["data"]["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();
    let (_, done) = endpoint.post_signed(&button_press(42, GUILD_A, &custom_id)).await;
    assert_eq!(
        done["data"]["embeds"][0]["title"], "Imported (interactions): 1 created, 0 updated, 0 unchanged, 0 rejected.",
        "{done}"
    );
    assert_eq!(app.counts("discord:111").await.interactions, before.interactions + 1);

    let deals = "Título;Valor;Etapa;Organização\nRevestimentos 2027;2.000.000,00;Proposta feita;Gerdau\n";
    let url = rest.serve_file("/attachments/1/5/negocios.csv", deals.as_bytes());
    let (_, dry) =
        endpoint.post_signed(&import_command(43, GUILD_A, "opportunities", "negocios.csv", &url, deals.len())).await;
    let custom_id = dry["data"]["components"][0]["components"][0]["custom_id"].as_str().unwrap().to_string();
    let (_, done) = endpoint.post_signed(&button_press(44, GUILD_A, &custom_id)).await;
    assert_eq!(
        done["data"]["embeds"][0]["title"], "Imported (opportunities): 1 created, 0 updated, 0 unchanged, 0 rejected.",
        "{done}"
    );
}

#[tokio::test]
async fn a_typed_import_says_how_to_bring_the_file() {
    let app = crate::helpers::demo_app().await;
    let ws = app.workspace_id(crate::helpers::WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let reply = app.say("/import accounts carteira.csv").await;
    assert_eq!(
        reply.lines,
        [
            "A file cannot be typed: attach it to /import on Discord, or run kam-bot import KIND FILE on the bot's machine."
        ]
    );
}

/// A signed request is good for five minutes: a replay after that, or a request signed more than
/// a minute ahead of our clock, is refused before anything else happens.
#[tokio::test]
async fn old_or_future_signatures_are_refused() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let now = chrono::Utc::now().timestamp();
    let before = app.counts("discord:111").await;
    let log = |id| {
        command(
            id,
            Some(GUILD_A),
            "log",
            json!([
                option("account", json!("Vale")),
                option("kind", json!("call")),
                option("summary", json!("Replayed"))
            ]),
        )
    };
    for (id, at) in [(40, now - 310), (41, now - 3600), (42, now + 120)] {
        let (status, body) = endpoint.post_signed_at(&log(id), at).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "signed at {at}: {body}");
        assert_eq!(body, "stale request signature");
    }
    assert_eq!(app.counts("discord:111").await, before, "a refused request writes nothing");
    let (status, _) = endpoint.post_signed_at(&log(43), now - 290).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = endpoint.post_signed_at(&ping(), now + 30).await;
    assert_eq!(status, StatusCode::OK);
}

/// Without DISCORD_APPLICATION_ID the deferred answer still arrives: the interaction carries the
/// application id.
#[tokio::test]
async fn a_deferred_answer_arrives_without_a_configured_application_id() {
    let app = demo_in_guild_a().await;
    let rest = StandIn::spawn().await;
    let config = kam_bot::front::discord::DiscordConfig {
        token: Some("test-token".into()),
        application_id: None,
        api_url: Some(rest.url.clone()),
        ..Default::default()
    };
    let endpoint = spawn_endpoint_with(&app, &config, Duration::ZERO).await;
    let (_, body) =
        endpoint.post_signed(&command(44, Some(GUILD_A), "account", json!([option("name", json!("Alcoa"))]))).await;
    assert_eq!(body["type"], 5, "deferred: {body}");
    let posted = rest.wait_for("/webhooks/1200000000000000000/aW50ZXJhY3Rpb24644").await;
    assert_eq!(posted.path, "/api/v10/webhooks/1200000000000000000/aW50ZXJhY3Rpb24644");
    assert_eq!(posted.body["embeds"][0]["title"], "Alcoa");
}

/// A reminder's buttons through Discord's signed component interaction: "Done" closes the next step
/// once, a second press logs nothing; the answer is a new message, not the reminder replaced.
#[tokio::test]
async fn reminder_buttons_are_signed_presses_and_idempotent() {
    let app = demo_in_guild_a().await;
    // The presser may change Gerdau (closing its step needs that right): an admin here.
    let ws = app.workspace_id("discord:111").await;
    let ana = app.store.ensure_person(ws, "discord", "4242", "Ana Souza", app.now).await.unwrap();
    app.store.set_role(ws, ana.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let before = app.counts("discord:111").await;
    let (status, done) = endpoint.post_signed(&button_press(40, GUILD_A, "run:/done Gerdau")).await;
    assert_eq!(status, 200);
    assert_eq!(done["type"], 4, "a new message: {done}");
    assert_eq!(
        done["data"]["embeds"][0]["title"], "Done at Gerdau: #2 “Confirmar prazo de entrega com a fábrica”",
        "{done}"
    );
    assert_eq!(done["data"]["allowed_mentions"]["parse"], json!([]), "{done}");
    assert_eq!(app.counts("discord:111").await.interactions, before.interactions + 1);
    let (_, again) = endpoint.post_signed(&button_press(41, GUILD_A, "run:/done Gerdau")).await;
    assert_eq!(
        again["data"]["embeds"][0]["title"], "Gerdau has no open commitment: nothing to mark as done.",
        "{again}"
    );
    assert_eq!(app.counts("discord:111").await.interactions, before.interactions + 1);
    let (_, snoozed) = endpoint.post_signed(&button_press(42, GUILD_A, "run:/snooze Gerdau")).await;
    assert_eq!(snoozed["data"]["embeds"][0]["title"], "No reminders about Gerdau until Fri 2026-12-04.", "{snoozed}");
}

/// "Log to kam-bot" on a message (a message command, type 3, over the signed endpoint): the
/// message's text becomes a private preview with buttons; Confirm logs it once, and only its
/// author may press it.
#[tokio::test]
async fn a_message_command_reads_the_message_into_a_draft_confirmed_once() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let mut shared = crate::discord_support::message_json("1300000000000000000");
    shared["id"] = json!("1700000000000000001");
    shared["content"] = json!("reunião com João na Vale hoje, ficou de mandar proposta até sexta");
    let mut payload = interaction(20, 2, Some(GUILD_A), "Log to kam-bot", json!([]), "pt-BR");
    payload["data"]["type"] = json!(3);
    payload["data"]["target_id"] = json!("1700000000000000001");
    payload["data"]["resolved"] = json!({"messages": {"1700000000000000001": shared}});
    let (status, body) = endpoint.post_signed(&payload).await;
    assert_eq!(status, StatusCode::OK);
    let embed = &body["data"]["embeds"][0];
    assert!(embed["title"].as_str().unwrap().starts_with("Rascunho #"), "{body}");
    assert_eq!(field(embed, "Conta"), "Vale (de “Vale”)");
    assert_eq!(body["data"]["flags"], 64, "a draft is private");
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    let buttons: Vec<String> = body["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| {
            row["components"].as_array().unwrap().iter().map(|b| b["custom_id"].as_str().unwrap().to_string())
        })
        .collect();
    let confirm =
        buttons.iter().find(|b| b.starts_with("run:/confirm")).unwrap_or_else(|| panic!("{buttons:?}")).clone();
    let before = app.counts("discord:111").await.interactions;

    let mut stranger = button_press(21, GUILD_A, &confirm);
    stranger["member"]["user"]["id"] = json!("9999");
    let (_, refused) = endpoint.post_signed(&stranger).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert_eq!(app.counts("discord:111").await.interactions, before);

    for id in 22..27 {
        let (status, _) = endpoint.post_signed(&button_press(id, GUILD_A, &confirm)).await;
        assert_eq!(status, StatusCode::OK);
    }
    assert_eq!(app.counts("discord:111").await.interactions, before + 1, "pressed five times, logged once");
}

#[test]
fn the_message_command_is_registered_with_its_portuguese_name() {
    let json: Value = serde_json::from_str(&kam_bot::front::discord::commands::definitions_json().unwrap()).unwrap();
    let message = json.as_array().unwrap().iter().find(|c| c["type"] == 3).expect("a message command");
    assert_eq!(message["name"], "Log to kam-bot");
    assert_eq!(message["name_localizations"]["pt-BR"], "Registrar no kam-bot");
}

/// A modal as Discord takes it (discord-api-types' `APIModalInteractionResponseCallbackData`
/// and the documented limits): a custom id of at most 100, a title of at most 45, one to five
/// rows each holding one text input with a label of at most 45 and a value within its bounds.
fn modal_problem(data: &Value) -> Option<String> {
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    if !(1..=100).contains(&chars(&data["custom_id"])) || !(1..=45).contains(&chars(&data["title"])) {
        return Some("custom_id or title".into());
    }
    let rows = data["components"].as_array()?;
    if !(1..=5).contains(&rows.len()) {
        return Some(format!("{} rows", rows.len()));
    }
    for row in rows {
        let inputs = row["components"].as_array()?;
        let input = &inputs[0];
        let max = input["max_length"].as_u64().unwrap_or(4000);
        if row["type"] != 1
            || inputs.len() != 1
            || input["type"] != 4
            || ![1, 2].contains(&input["style"].as_u64()?)
            || !(1..=45).contains(&chars(&input["label"]))
            || !(1..=100).contains(&chars(&input["custom_id"]))
            || max > 4000
            || chars(&input["value"]) as u64 > max
            || chars(&input["placeholder"]) > 100
        {
            return Some(format!("bad input {input}"));
        }
    }
    None
}

/// A modal submitted (interaction type 5) with `values` by input id.
fn modal_submit(id: u64, custom_id: &str, values: &[(&str, &str)]) -> Value {
    let mut payload = interaction(id, 5, Some(GUILD_A), "", json!([]), "pt-BR");
    let rows: Vec<Value> = values
        .iter()
        .map(|(input, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": input, "value": value}]}))
        .collect();
    payload["data"] = json!({"custom_id": custom_id, "components": rows});
    payload
}

/// Edit under a preview answers with a modal (type 9) filled from the draft; a submission with a
/// wrong field is refused privately, naming it; a good one logs once; another person gets no form.
#[tokio::test]
async fn edit_opens_a_modal_whose_submission_logs_once() {
    let app = demo_in_guild_a().await;
    let endpoint = spawn_endpoint(&app, None, SLOW).await;
    let mut asked = command(
        50,
        Some(GUILD_A),
        "capture",
        json!([option("sentence", json!("reunião com João na Vale hoje, ficou de mandar proposta até sexta"))]),
    );
    asked["locale"] = json!("pt-BR");
    let (_, preview) = endpoint.post_signed(&asked).await;
    let buttons: Vec<String> = preview["data"]["components"]
        .as_array()
        .unwrap_or_else(|| panic!("{preview}"))
        .iter()
        .flat_map(|row| {
            row["components"].as_array().unwrap().iter().map(|b| b["custom_id"].as_str().unwrap().to_string())
        })
        .collect();
    let edit =
        buttons.iter().find(|b| b.starts_with("run:/edit --draft")).unwrap_or_else(|| panic!("{buttons:?}")).clone();

    let mut stranger = button_press(51, GUILD_A, &edit);
    stranger["member"]["user"]["id"] = json!("9999");
    let (_, refused) = endpoint.post_signed(&stranger).await;
    assert_eq!((refused["type"].as_u64(), refused["data"]["flags"].as_u64()), (Some(4), Some(64)), "{refused}");

    let mut press = button_press(52, GUILD_A, &edit);
    press["locale"] = json!("pt-BR");
    let (status, opened) = endpoint.post_signed(&press).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(opened["type"], 9, "a modal: {opened}");
    assert_eq!(modal_problem(&opened["data"]), None, "{opened}");
    let value = |id: &str| {
        opened["data"]["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["components"][0])
            .find(|i| i["custom_id"] == id)
            .map(|i| i["value"].clone())
    };
    assert_eq!(value("account"), Some(json!("Vale")));
    assert_eq!(value("kind"), Some(json!("reunião")));
    assert_eq!(value("contacts"), Some(json!("João Ferreira")));
    assert_eq!(value("next"), Some(json!("mandar proposta")));
    assert_eq!(value("due"), Some(json!("04/12/2026")));
    let form = opened["data"]["custom_id"].as_str().unwrap().to_string();

    let before = app.counts("discord:111").await.interactions;
    let wrong = [
        ("account", "Vale"),
        ("kind", "ligação"),
        ("contacts", "Fulano de Tal"),
        ("next", "mandar proposta"),
        ("due", "01/11/2026"),
    ];
    let (_, said) = endpoint.post_signed(&modal_submit(53, &form, &wrong)).await;
    assert_eq!(said["data"]["flags"], 64, "{said}");
    let lines: Vec<&str> = said["data"]["content"].as_str().unwrap().lines().collect();
    assert!(lines[0].starts_with("Nada foi registrado"), "{said}");
    assert!(
        lines[1].starts_with("• Com: ") && lines[2].starts_with("• Prazo do próximo passo: ") && lines.len() == 4,
        "{said}"
    );
    assert_eq!(app.counts("discord:111").await.interactions, before);

    let right = [
        ("account", "Vale"),
        ("kind", "ligação"),
        ("contacts", "João Ferreira, Beatriz"),
        ("next", "mandar proposta revisada"),
        ("due", "04/12/2026"),
    ];
    for id in 54..56 {
        let (status, logged) = endpoint.post_signed(&modal_submit(id, &form, &right)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(logged["data"]["allowed_mentions"]["parse"], json!([]), "{logged}");
    }
    assert_eq!(app.counts("discord:111").await.interactions, before + 1, "submitted twice, logged once");
    let (_, history) =
        endpoint.post_signed(&command(57, Some(GUILD_A), "history", json!([option("account", json!("Vale"))]))).await;
    let text = history.to_string();
    assert!(text.contains("mandar proposta revisada") && text.contains("Beatriz Almeida"), "{text}");
}
