//! Replies as Discord messages: an embed coloured by status, errors as a private line, every text
//! escaped for Discord markdown, and mentions that ping nobody.

use crate::i18n::ImportMsg;
use crate::i18n::Translate;
use serenity::builder::{
    CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse,
};
use serenity::model::application::ButtonStyle;

use crate::core::{Reply, Tone, Visibility};
use crate::domain::text::{cut_lines, truncate};
use crate::i18n::Msg;

/// Discord's limits on embeds and messages.
const TITLE: usize = 256;
const DESCRIPTION: usize = 4096;
const FIELDS: usize = 25;
const FIELD_NAME: usize = 256;
const FIELD_VALUE: usize = 1024;
const FOOTER: usize = 2048;
const CONTENT: usize = 2000;
const TOTAL: usize = 6000;
/// How many messages one scheduled message may become.
const MESSAGES: usize = 10;
const BUTTONS: usize = 5;
/// Discord takes at most five rows of components under a message.
const ROWS: usize = 5;
const CUSTOM_ID: usize = 100;
const LABEL: usize = 80;

/// The colour of a status.
pub fn colour(tone: Tone) -> u32 {
    match tone {
        Tone::Neutral => 0x5865F2,
        Tone::Good => 0x2ECC71,
        Tone::Warning => 0xF1C40F,
        Tone::Danger => 0xE74C3C,
        Tone::Error => 0x99AAB5,
    }
}

/// Escapes what Discord would read as markdown, a mention or a masked link; `#` and `-` only
/// where they would start a heading or a list.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.chars() {
        let special = matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '[' | ']' | '@')
            || (line_start && matches!(c, '#' | '-'));
        if special {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Mentions that ping nobody: `{"parse": [], "users": [], "roles": []}`.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

/// One embed's worth of a reply, measured as Discord measures it (characters).
struct Page {
    description: Vec<String>,
    fields: Vec<(String, String, bool)>,
}

/// Room kept on a page for the "… and N more" line.
const MORE_ROOM: usize = 80;

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// A field's name and value as Discord takes them: escaped, cut to their limits (a list at a
/// line's end, saying how many lines were left out), never empty.
fn field_parts(label: &str, value: &str, locale: crate::i18n::Locale) -> (String, String) {
    let more = |count| escape(&locale.t(Msg::Import(ImportMsg::AndMore { count })));
    let non_empty = |text: String| if text.trim().is_empty() { "—".to_string() } else { text };
    (non_empty(truncate(&escape(label), FIELD_NAME)), non_empty(cut_lines(&escape(value), FIELD_VALUE, more)))
}

/// The reply cut into embeds that each fit Discord's limits: 6 000 characters in all, a
/// description of 4 096, 25 fields of 1 024 (never empty). Lines fill the description in order,
/// then fields; what does not fit starts the next page.
fn pages(reply: &Reply) -> Vec<Page> {
    let fixed = reply.title.as_deref().map(|t| chars(&truncate(&escape(t), TITLE))).unwrap_or(0)
        + reply.footer.as_deref().map(|f| chars(&truncate(f, FOOTER))).unwrap_or(0);
    let room = TOTAL.saturating_sub(fixed + MORE_ROOM);
    let lines: Vec<String> = reply.lines.iter().map(|l| truncate(&escape(l), DESCRIPTION - MORE_ROOM)).collect();
    let fields: Vec<(String, String, bool)> = reply
        .fields
        .iter()
        .map(|f| {
            let (name, value) = field_parts(&f.label, &f.value, reply.locale);
            (name, value, f.inline)
        })
        .collect();
    let (mut li, mut fi) = (0, 0);
    let mut out = Vec::new();
    loop {
        let mut page = Page { description: Vec::new(), fields: Vec::new() };
        let (mut used, mut description) = (0, 0);
        while let Some(line) = lines.get(li) {
            let cost = chars(line) + 1;
            if description + cost > DESCRIPTION - MORE_ROOM || used + cost > room {
                break;
            }
            page.description.push(line.clone());
            (description, used, li) = (description + cost, used + cost, li + 1);
        }
        while let Some(field) = fields.get(fi) {
            let cost = chars(&field.0) + chars(&field.1);
            if page.fields.len() == FIELDS || used + cost > room {
                break;
            }
            page.fields.push(field.clone());
            (used, fi) = (used + cost, fi + 1);
        }
        let empty = page.description.is_empty() && page.fields.is_empty();
        out.push(page);
        if (li == lines.len() && fi == fields.len()) || empty {
            return out;
        }
    }
}

fn page_embed(reply: &Reply, page: Page, more: usize) -> CreateEmbed {
    let mut embed = CreateEmbed::new().colour(colour(reply.tone));
    if let Some(title) = &reply.title {
        embed = embed.title(truncate(&escape(title), TITLE));
    }
    let mut description = page.description;
    if more > 0 {
        description.push(escape(&reply.locale.t(Msg::Import(ImportMsg::AndMore { count: more }))));
    }
    if !description.is_empty() {
        embed = embed.description(description.join("\n"));
    }
    for (name, value, inline) in page.fields {
        embed = embed.field(name, value, inline);
    }
    if let Some(footer) = &reply.footer {
        embed = embed.footer(CreateEmbedFooter::new(truncate(footer, FOOTER)));
    }
    embed
}

/// The reply as one embed that fits, ending with "… and N more" when it had to be cut.
pub fn embed(reply: &Reply) -> CreateEmbed {
    let mut pages = pages(reply);
    let first = pages.remove(0);
    let more = pages.iter().map(|p| p.description.len() + p.fields.len()).sum();
    page_embed(reply, first, more)
}

/// A scheduled message as one or more messages that each fit (at most 10; the last says what
/// was left out).
pub fn messages(reply: &Reply) -> Vec<CreateMessage> {
    if reply.is_error() {
        return vec![message(reply)];
    }
    let mut pages = pages(reply);
    let kept: Vec<Page> = pages.drain(..pages.len().min(MESSAGES)).collect();
    let left: usize = pages.iter().map(|p| p.description.len() + p.fields.len()).sum();
    let last = kept.len().saturating_sub(1);
    kept.into_iter()
        .enumerate()
        .map(|(i, page)| {
            let more = if i == last { left } else { 0 };
            let message = CreateMessage::new().allowed_mentions(no_mentions()).embed(page_embed(reply, page, more));
            // The buttons go under the last message.
            if i == last { message.components(buttons(reply)) } else { message }
        })
        .collect()
}

fn error_text(reply: &Reply) -> String {
    truncate(&escape(&reply.lines.join("\n")), CONTENT)
}

/// The reply's actions as rows of buttons, a row for each group (none: no rows, which also clears
/// a message's buttons). An action whose id does not fit a custom id is left out rather than cut.
pub fn buttons(reply: &Reply) -> Vec<CreateActionRow> {
    let mut rows: Vec<(usize, Vec<CreateButton>)> = Vec::new();
    for a in reply.actions.iter().filter(|a| a.id.chars().count() <= CUSTOM_ID) {
        let style = if a.id.starts_with("run:/done") || a.id.starts_with("run:/log") || a.id.starts_with("import:") {
            ButtonStyle::Success
        } else {
            ButtonStyle::Secondary
        };
        let button = CreateButton::new(a.id.clone()).label(truncate(&a.label, LABEL)).style(style);
        let full = rows.len() == ROWS;
        match rows.last_mut() {
            Some((group, row)) if *group == a.group && row.len() < BUTTONS => row.push(button),
            _ if full => break,
            _ => rows.push((a.group, vec![button])),
        }
    }
    rows.into_iter().map(|(_, row)| CreateActionRow::Buttons(row)).collect()
}

/// The reply as the message of an interaction response.
pub fn response_message(reply: &Reply) -> CreateInteractionResponseMessage {
    let message = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_mentions())
        .ephemeral(reply.visibility == Visibility::Ephemeral);
    if reply.is_error() {
        message.content(error_text(reply))
    } else {
        message.embed(embed(reply)).components(buttons(reply))
    }
}

/// The reply as the edit of a deferred response (its buttons replace the message's).
pub fn edit_response(reply: &Reply) -> EditInteractionResponse {
    let edit = EditInteractionResponse::new().allowed_mentions(no_mentions()).components(buttons(reply));
    if reply.is_error() { edit.content(error_text(reply)).embeds(Vec::new()) } else { edit.embed(embed(reply)) }
}

/// The reply as a follow-up message of a deferred response: how a public answer reaches the
/// channel after a private ("thinking…" seen by the asker only) deferral.
pub fn followup(reply: &Reply) -> serenity::builder::CreateInteractionResponseFollowup {
    let message = serenity::builder::CreateInteractionResponseFollowup::new()
        .allowed_mentions(no_mentions())
        .ephemeral(reply.visibility == Visibility::Ephemeral);
    if reply.is_error() {
        message.content(error_text(reply))
    } else {
        message.embed(embed(reply)).components(buttons(reply))
    }
}

/// The reply as a message sent without being asked (a direct message or a channel post).
pub fn message(reply: &Reply) -> CreateMessage {
    let message = CreateMessage::new().allowed_mentions(no_mentions());
    if reply.is_error() { message.content(error_text(reply)) } else { message.embed(embed(reply)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_mentions() {
        assert_eq!(escape("**Vale** <@&123> @everyone"), r"\*\*Vale\*\* \<\@&123\> \@everyone");
        assert_eq!(escape("[x](http://evil)"), r"\[x\](http://evil)");
        assert_eq!(escape("Petrobrás S.A. (Suprimentos) 2026-12-10"), "Petrobrás S.A. (Suprimentos) 2026-12-10");
        assert_eq!(escape("# big\n - list a-b #1"), "\\# big\n \\- list a-b #1");
    }

    #[test]
    fn messages_mention_nobody() {
        let reply = Reply::titled("Vale").line("@everyone").field("Owner", "<@1>");
        for json in [
            serde_json::to_value(response_message(&reply)).unwrap(),
            serde_json::to_value(message(&reply)).unwrap(),
            serde_json::to_value(edit_response(&reply)).unwrap(),
        ] {
            assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]), "{json}");
            assert_eq!(json["embeds"][0]["description"], r"\@everyone");
            assert_eq!(json["embeds"][0]["fields"][0]["value"], r"\<\@1\>");
        }
    }

    #[test]
    fn errors_are_private_lines() {
        let json = serde_json::to_value(response_message(&Reply::error("No account matches “x”."))).unwrap();
        assert_eq!(json["content"], "No account matches “x”.");
        assert_eq!(json["flags"], 64);
        assert!(json.get("embeds").is_none_or(|e| e.as_array().is_some_and(Vec::is_empty)));
    }

    #[test]
    fn colours_follow_the_status() {
        let json = serde_json::to_value(embed(&Reply::titled("x").tone(Tone::Danger))).unwrap();
        assert_eq!(json["color"], 0xE74C3C);
    }

    #[test]
    fn buttons_sit_in_a_row_per_group_within_discords_limits() {
        let mut reply = Reply::titled("Planning and follow-ups");
        for group in 0..7 {
            for what in ["done", "snooze", "account"] {
                reply = reply.action_in(group, format!("run:/{what} A{group}"), format!("A{group}: {what}"));
            }
        }
        reply = reply.action_in(7, format!("run:/account {}", "x".repeat(120)), "too long an id");
        let rows = serde_json::to_value(buttons(&reply)).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 5, "Discord takes five rows");
        for (i, row) in rows.iter().enumerate() {
            let row = row["components"].as_array().unwrap();
            assert_eq!(row.len(), 3);
            assert_eq!(row[0]["custom_id"], format!("run:/done A{i}"));
            assert!(row.iter().all(|b| b["custom_id"].as_str().unwrap().len() <= CUSTOM_ID));
        }
        assert!(buttons(&Reply::titled("none")).is_empty());
    }
}
