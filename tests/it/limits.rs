//! Every reply fits its platform, on a workspace of thousands of accounts: Discord's embed limits
//! (6 000 characters in all, a description of 4 096, 25 fields of 1 024, never an empty field)
//! and Slack's (top-level blocks with a short text, 50 blocks, 3 000 characters a section, 10
//! fields of 2 000). What is cut says so.

use kam_bot::core::Reply;
use kam_bot::front::discord::render;
use kam_bot::front::slack::blocks;
use serde_json::Value;

use crate::helpers::{WS, spawn_app};

fn chars(v: &Value) -> usize {
    v.as_str().map(|s| s.chars().count()).unwrap_or(0)
}

/// Checks one Discord embed against Discord's limits; its total size.
fn check_embed(what: &str, embed: &Value) -> usize {
    let fields = embed["fields"].as_array().cloned().unwrap_or_default();
    assert!(fields.len() <= 25, "{what}: {} fields", fields.len());
    assert!(chars(&embed["title"]) <= 256, "{what}: title");
    assert!(chars(&embed["description"]) <= 4096, "{what}: description of {}", chars(&embed["description"]));
    assert!(chars(&embed["footer"]["text"]) <= 2048, "{what}: footer");
    let mut total = chars(&embed["title"]) + chars(&embed["description"]) + chars(&embed["footer"]["text"]);
    for f in &fields {
        let (name, value) = (chars(&f["name"]), chars(&f["value"]));
        assert!((1..=256).contains(&name), "{what}: field name of {name}");
        assert!((1..=1024).contains(&value), "{what}: field {} of {value} characters", f["name"]);
        assert!(!f["value"].as_str().unwrap_or("").trim().is_empty(), "{what}: empty field {}", f["name"]);
        total += name + value;
    }
    assert!(total <= 6000, "{what}: embed of {total} characters");
    total
}

fn check_discord(what: &str, reply: &Reply) {
    let json = serde_json::to_value(render::response_message(reply)).unwrap();
    assert!(chars(&json["content"]) <= 2000, "{what}: content");
    for embed in json["embeds"].as_array().into_iter().flatten() {
        check_embed(what, embed);
    }
    for (i, message) in render::messages(reply).iter().enumerate() {
        let json = serde_json::to_value(message).unwrap();
        for embed in json["embeds"].as_array().into_iter().flatten() {
            check_embed(&format!("{what} (message {i})"), embed);
        }
    }
}

fn check_slack(what: &str, reply: &Reply) {
    let json = serde_json::to_value(blocks::command_response(reply)).unwrap();
    assert!(json.get("attachments").is_none(), "{what}: blocks are top-level");
    assert!(chars(&json["text"]) <= 3000, "{what}: text of {}", chars(&json["text"]));
    let all = json["blocks"].as_array().cloned().unwrap_or_default();
    assert!(all.len() <= 50, "{what}: {} blocks", all.len());
    for b in &all {
        if b["type"] == "header" {
            assert!((1..=150).contains(&chars(&b["text"]["text"])), "{what}: header");
        }
        if b["text"].is_object() && b["type"] == "section" {
            assert!(
                (1..=3000).contains(&chars(&b["text"]["text"])),
                "{what}: section of {}",
                chars(&b["text"]["text"])
            );
        }
        if let Some(fields) = b["fields"].as_array() {
            assert!(fields.len() <= 10, "{what}: {} fields in a section", fields.len());
            for f in fields {
                assert!((1..=2000).contains(&chars(&f["text"])), "{what}: field of {}", chars(&f["text"]));
            }
        }
    }
}

#[tokio::test]
async fn every_reply_fits_discord_and_slack_on_thousands_of_accounts() {
    let app = spawn_app().await;
    kam_bot::seed::synthetic::seed_synthetic(&app.store, WS, 2000, app.now).await.unwrap();
    app.say("/help").await;
    let ws = app.workspace_id(WS).await;
    let me = app.store.find_person(ws, "terminal", "tester").await.unwrap().unwrap();
    app.store.set_role(ws, me.id, kam_bot::domain::account::Role::Admin).await.unwrap();
    // The tester manages every rep: one team of 2 000 accounts, and a rep owning hundreds.
    let reps: Vec<_> = app.store.people(ws).await.unwrap().into_iter().filter(|p| p.id != me.id).collect();
    let mut tx = app.store.write().await.unwrap();
    for rep in &reps {
        tx.set_manager(ws, rep.id, Some(me.id)).await.unwrap();
    }
    tx.commit().await.unwrap();
    let name = kam_bot::seed::synthetic::account_name(0);
    let quoted = format!("\"{name}\"");
    // Long plan parts, 43 contacts, 27 years of wallet, many interactions.
    for part in ["objectives", "value", "changes", "depth", "resources"] {
        app.say(&format!("/plan {quoted} set {part} \"{}\"", "Meta de longo prazo para a conta. ".repeat(55))).await;
    }
    for i in 0..43 {
        app.say(&format!("/contact add {quoted} \"Contato Número {i:02} da Silva\" --department \"Departamento {}\" --title \"Gerente de área {i}\"", i % 9)).await;
    }
    for year in 2000..2027 {
        app.say(&format!("/wallet {quoted} --spend 100M --revenue {}M --period {year}", 10 + year % 30)).await;
    }
    for i in 0..60 {
        app.say(&format!(
            "/log {quoted} call \"{}\" --next \"Próximo passo {i}\"",
            format!("Ligação {i}: ").repeat(20)
        ))
        .await;
    }
    for i in 0..30 {
        app.say(&format!("/opp add {quoted} \"Oportunidade {i}\" 1M")).await;
        let day = (app.now + chrono::Duration::days(i + 1)).format("%Y-%m-%d");
        app.say(&format!("/meeting {quoted} {day} 10:00 --kind other")).await;
    }
    let owner = reps[0].display_name.clone();
    let lines = [
        "/accounts".to_string(),
        format!("/accounts --owner \"{owner}\""),
        format!("/account {quoted}"),
        format!("/contacts {quoted}"),
        format!("/plan {quoted}"),
        format!("/wallet {quoted}"),
        format!("/history {quoted} 50"),
        format!("/health {quoted}"),
        format!("/opp {quoted}"),
        format!("/competitors {quoted}"),
        "/digest".to_string(),
        "/digest --full".to_string(),
        "/risks".to_string(),
        "/qualify".to_string(),
        "/people".to_string(),
        "/meetings --days 365".to_string(),
        "/schedule".to_string(),
        "/weights".to_string(),
        "/help".to_string(),
        "/help accounts".to_string(),
        "/account Empresa".to_string(),
        "/account zzzz".to_string(),
    ];
    let mut cut = Vec::new();
    for line in &lines {
        let reply = app.say(line).await;
        check_discord(line, &reply);
        check_slack(line, &reply);
        let pt = app.say_pt(line).await;
        check_discord(line, &pt);
        check_slack(line, &pt);
        let text = serde_json::to_string(&serde_json::to_value(render::response_message(&reply)).unwrap()).unwrap();
        if text.contains(" more") {
            cut.push(line.clone());
        }
    }
    // The long lists were cut, and said so; the portfolio comes a page at a time.
    assert!(cut.iter().any(|l| l == "/digest --full"), "/digest --full should end with “and N more”: {cut:?}");
    // The weekly digest of a team of 2 000 accounts is one screen: one embed, at most 25 lines,
    // in both languages.
    for digest in [app.say("/digest").await, app.say_pt("/digest").await] {
        assert_eq!(render::messages(&digest).len(), 1, "{}", digest.to_text());
        let text = digest.to_text();
        assert!(text.lines().count() <= 25, "{} lines:\n{text}", text.lines().count());
        assert!(text.contains("(5 of ") || text.contains("(5 de "), "five accounts of many at risk:\n{text}");
        let json = serde_json::to_value(render::message(&digest)).unwrap();
        assert_eq!(json["embeds"].as_array().map(Vec::len), Some(1));
    }
    let first = app.say("/accounts").await;
    assert_eq!(first.lines.len(), 25);
    assert_eq!(first.footer.as_deref(), Some("Page 1 of 80 · next: /accounts --page 2"));
    let second = app.say("/accounts --page 2").await;
    assert_eq!(second.lines.len(), 25);
    assert!(second.lines.iter().all(|l| !first.lines.contains(l)), "page 2 shows the next accounts");
    let last = app.say("/accounts --page 999").await;
    assert_eq!(last.footer.as_deref(), Some("Page 80 of 80"));
    // 52 people: three pages.
    let people = app.say("/people --page 2").await;
    assert_eq!(people.footer.as_deref(), Some("Page 2 of 3 · next: /people --page 3"));
    assert_eq!(people.lines.len(), 25);
    // Every other long list pages the same way, and its pages together show each item once.
    let pages = |first: &Reply, second: &Reply| {
        assert!(first.footer.as_deref().is_some_and(|f| f.starts_with("Page 1 of ")), "{:?}", first.footer);
        assert!(second.footer.as_deref().is_some_and(|f| f.starts_with("Page 2 of ")), "{:?}", second.footer);
        // Lines that say one item (a date and author line may repeat) are on one page only.
        let single = |r: &Reply| {
            r.lines.iter().filter(|l| r.lines.iter().filter(|m| m == l).count() == 1).cloned().collect::<Vec<_>>()
        };
        let (a, b) = (single(first), single(second));
        assert!(!b.is_empty() && b.iter().all(|l| !a.contains(l)), "{second:?}");
    };
    let c1 = app.say(&format!("/contacts {quoted}")).await;
    let c2 = app.say(&format!("/contacts {quoted} --page 2")).await;
    assert_eq!(c1.footer, Some(format!("Page 1 of 2 · next: /contacts {name} --page 2")));
    assert_eq!(c2.footer.as_deref(), Some("Page 2 of 2"));
    let listed = |r: &Reply| r.fields.iter().map(|f| f.value.lines().count()).sum::<usize>();
    let total: usize =
        c1.title.as_deref().and_then(|t| t.rsplit(": ").next()?.split(' ').next()?.parse().ok()).unwrap();
    assert!(total > 43, "{:?}", c1.title);
    assert_eq!((listed(&c1), listed(&c2)), (25, total - 25));
    let h1 = app.say(&format!("/history {quoted} 50")).await;
    let h2 = app.say(&format!("/history {quoted} 50 --page 2")).await;
    assert!(h1.footer.as_deref().is_some_and(|f| f.ends_with(&format!("next: /history {quoted} 50 --page 2"))));
    pages(&h1, &h2);
    let o1 = app.say(&format!("/opp {quoted}")).await;
    let o2 = app.say(&format!("/opp {quoted} --page 2")).await;
    pages(&o1, &o2);
    assert!(o1.lines.iter().filter(|l| l.starts_with('#')).count() == 25);
    let m1 = app.say("/meetings --days 365").await;
    let m2 = app.say("/meetings --days 365 --page 2").await;
    pages(&m1, &m2);
    assert_eq!(m1.lines.len(), 25);
    let r1 = app.say("/risks").await;
    let r2 = app.say("/risks --page 2").await;
    pages(&r1, &r2);
    assert_eq!(r1.lines.len(), 25);
    // The weekly digest of the 2 000-account team, delivered as the scheduler delivers it to a
    // stand-in that refuses what Discord refuses (in full: its lists are cut, and say so).
    let digest = app.say("/digest --full").await;
    let rest = crate::discord_support::StandIn::spawn().await;
    let policy = kam_bot::notify::RetryPolicy {
        attempts: 1,
        first_backoff: std::time::Duration::from_millis(1),
        max_backoff: std::time::Duration::from_millis(1),
    };
    let notifier = kam_bot::front::discord::notifier::DiscordNotifier::new(rest.config().http(), policy);
    use kam_bot::notify::Notifier as _;
    let delivered = notifier.deliver(&kam_bot::notify::Recipient::Person("4242".into()), &digest).await;
    assert!(delivered.is_ok(), "{delivered:?}");
    let posted: Vec<_> = rest.seen().into_iter().filter(|s| s.path.ends_with("/messages")).collect();
    assert!(!posted.is_empty());
    assert!(posted.iter().any(|p| p.body.to_string().contains(" more")), "the cut lists say so");
    let messages = render::messages(&digest);
    assert!(!messages.is_empty());
    for (i, m) in messages.iter().enumerate() {
        let json = serde_json::to_value(m).unwrap();
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
        for embed in json["embeds"].as_array().into_iter().flatten() {
            check_embed(&format!("digest message {i}"), embed);
        }
    }
}

/// A long wallet history cut to fit keeps the newest years.
#[tokio::test]
async fn a_long_wallet_history_keeps_the_newest_years() {
    let app = crate::helpers::demo_app().await;
    for year in 2000..2027 {
        app.say_as(
            "rafael.lima",
            &format!("/wallet Gerdau --spend 100M --revenue {}M --period {year}", 10 + year % 30),
        )
        .await;
    }
    let reply = app.say("/wallet Gerdau").await;
    let json = serde_json::to_value(render::response_message(&reply)).unwrap();
    let names: Vec<&str> =
        json["embeds"][0]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"2026"), "{names:?}");
    assert!(json["embeds"][0]["description"].as_str().unwrap().contains("and 2 more"), "{json}");
}
