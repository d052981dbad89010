//! Replies as Slack messages: top-level Block Kit blocks (a header, sections with fields, a
//! context line) with a short `text` for notifications, within Slack's limits (50 blocks, 3 000
//! characters a section, 10 fields of 2 000); every text is plain text, so that nothing typed can
//! become formatting, and escaped, so that nothing from the database can become a mention or a
//! link.

use crate::i18n::ImportMsg;
use crate::i18n::Translate;
use slack_morphism::prelude::*;

use crate::core::{Reply, Visibility};
use crate::domain::text::{cut_lines, truncate};
use crate::i18n::Msg;

/// Slack's limits.
const HEADER: usize = 150;
const SECTION: usize = 3000;
const FIELD: usize = 2000;
const FIELDS_PER_SECTION: usize = 10;
const BLOCKS: usize = 50;
/// Slack's limits on a button: its text, its value (what kam-bot runs when it is pressed).
const BUTTON_TEXT: usize = 75;
const BUTTON_VALUE: usize = 2000;
/// At most this many rows of buttons under a message.
const ACTION_ROWS: usize = 5;
/// The notification text: the title, or the start of an error.
const NOTIFICATION: usize = 300;

/// Escapes the three characters Slack reads as control sequences: `&`, `<` and `>`.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A plain text object (never formatted), escaped and cut to `max`; never empty.
fn plain(text: &str, max: usize) -> SlackBlockPlainText {
    let text = truncate(&escape(text), max);
    SlackBlockPlainText::new(if text.trim().is_empty() { "—".to_string() } else { text })
}

/// The Block Kit blocks of a reply, at most 50: lines fill sections of 3 000 characters, fields
/// sections of ten; what does not fit ends with "… and N more".
pub fn blocks(reply: &Reply) -> Vec<SlackBlock> {
    let mut blocks: Vec<SlackBlock> = Vec::new();
    if let Some(title) = &reply.title {
        blocks.push(SlackHeaderBlock::new(plain(title, HEADER).into()).into());
    }
    let actions = actions(reply);
    // Room for the footer, the buttons and a last "… and N more" section.
    let room = BLOCKS - blocks.len() - usize::from(reply.footer.is_some()) - actions.len() - 1;
    let mut sections: Vec<SlackBlock> = Vec::new();
    let section_block = |text: String| -> SlackBlock {
        SlackSectionBlock::new().with_text(SlackBlockText::Plain(SlackBlockPlainText::new(text))).into()
    };
    // Lines shown in full sections, and the section being filled with its lines.
    let (mut shown, mut section, mut in_section) = (0, String::new(), 0);
    for line in &reply.lines {
        let line = truncate(&escape(line), SECTION);
        if in_section > 0 && section.chars().count() + line.chars().count() + 1 > SECTION {
            if sections.len() == room {
                break;
            }
            sections.push(section_block(std::mem::take(&mut section)));
            (shown, in_section) = (shown + in_section, 0);
        }
        if in_section > 0 {
            section.push('\n');
        }
        section.push_str(&line);
        in_section += 1;
    }
    if in_section > 0 && sections.len() < room {
        sections.push(section_block(section));
        shown += in_section;
    }
    let mut fields_shown = 0;
    for chunk in reply.fields.chunks(FIELDS_PER_SECTION) {
        if sections.len() == room {
            break;
        }
        let more = |count| reply.locale.t(Msg::Import(ImportMsg::AndMore { count }));
        let fields = chunk
            .iter()
            .map(|f| {
                let text = escape(&format!("{}\n{}", f.label, f.value));
                SlackBlockText::Plain(SlackBlockPlainText::new(cut_lines(&text, FIELD, more)))
            })
            .collect();
        sections.push(SlackSectionBlock::new().with_fields(fields).into());
        fields_shown += chunk.len();
    }
    blocks.extend(sections);
    let more = (reply.lines.len() - shown) + (reply.fields.len() - fields_shown);
    if more > 0 {
        let text = reply.locale.t(Msg::Import(ImportMsg::AndMore { count: more }));
        blocks.push(SlackSectionBlock::new().with_text(SlackBlockText::Plain(plain(&text, SECTION))).into());
    }
    blocks.extend(actions);
    if let Some(footer) = &reply.footer {
        let element = SlackContextBlockElement::Plain(plain(footer, SECTION));
        blocks.push(SlackContextBlock::new(vec![element]).into());
    }
    blocks
}

/// The reply's buttons: an actions block for each group. A button's value is what it runs,
/// carried back by Slack to `/slack/interactivity` when pressed.
fn actions(reply: &Reply) -> Vec<SlackBlock> {
    let mut rows: Vec<(usize, Vec<SlackActionBlockElement>)> = Vec::new();
    for (i, a) in reply.actions.iter().enumerate().filter(|(_, a)| a.id.chars().count() <= BUTTON_VALUE) {
        let text = SlackBlockPlainTextOnly::from(truncate(&a.label, BUTTON_TEXT));
        let button = SlackBlockButtonElement::new(text)
            .with_action_id(SlackActionId(format!("kam-{i}")))
            .with_value(a.id.clone());
        let full = rows.len() == ACTION_ROWS;
        match rows.last_mut() {
            Some((group, row)) if *group == a.group => row.push(SlackActionBlockElement::Button(button)),
            _ if full => break,
            _ => rows.push((a.group, vec![SlackActionBlockElement::Button(button)])),
        }
    }
    rows.into_iter().map(|(_, row)| SlackActionsBlock::new(row).into()).collect()
}

/// The short text Slack shows in notifications (the message body is the blocks).
pub fn fallback(reply: &Reply) -> String {
    let text = reply.title.clone().or_else(|| reply.lines.first().cloned()).unwrap_or_default();
    truncate(&escape(&text), NOTIFICATION)
}

/// The reply as message content: an error as one plain line, anything else as top-level blocks
/// with a short notification text.
pub fn content(reply: &Reply) -> SlackMessageContent {
    if reply.is_error() {
        return SlackMessageContent::new().with_text(truncate(&escape(&reply.lines.join("\n")), SECTION));
    }
    SlackMessageContent::new().with_text(fallback(reply)).with_blocks(blocks(reply))
}

/// The answer to a slash command, seen by the asker only when ephemeral.
pub fn command_response(reply: &Reply) -> SlackCommandEventResponse {
    let response_type = match reply.visibility {
        Visibility::Ephemeral => SlackMessageResponseType::Ephemeral,
        Visibility::Public => SlackMessageResponseType::InChannel,
    };
    SlackCommandEventResponse::new(content(reply)).with_response_type(response_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_slack_would_parse() {
        assert_eq!(
            escape("<!channel> & <@U1|ana> <http://x|y>"),
            "&lt;!channel&gt; &amp; &lt;@U1|ana&gt; &lt;http://x|y&gt;"
        );
    }

    #[test]
    fn a_card_as_top_level_blocks_in_plain_text() {
        let reply = Reply::titled("Vale")
            .line("Tier 1 <!here> *not bold* _nor italic_")
            .field("Owner", "Ana & Co")
            .footer("Account #1")
            .tone(crate::core::Tone::Good);
        let json = serde_json::to_value(command_response(&reply)).unwrap();
        assert_eq!(json["response_type"], "in_channel");
        assert_eq!(json["text"], "Vale", "a short notification text, not the card again");
        assert!(json.get("attachments").is_none());
        let blocks = json["blocks"].as_array().unwrap();
        assert_eq!(blocks[0]["type"], "header");
        assert_eq!(blocks[0]["text"]["text"], "Vale");
        assert_eq!(blocks[1]["text"]["type"], "plain_text", "typed * and _ stay as typed");
        assert_eq!(blocks[1]["text"]["text"], "Tier 1 &lt;!here&gt; *not bold* _nor italic_");
        assert_eq!(blocks[2]["fields"][0]["text"], "Owner\nAna &amp; Co");
        assert_eq!(blocks[3]["type"], "context");
        assert!(!json.to_string().contains("<!here>"));
    }

    #[test]
    fn a_long_reply_fits_slacks_limits_and_says_what_was_cut() {
        let mut reply = Reply::titled("Portfolio: 5000 key accounts");
        for i in 0..5000 {
            reply = reply.line(format!("T1 · Empresa {i:04} Indústria Ltda · Rep {:03} · share 18.0%", i % 200));
        }
        for i in 0..40 {
            reply = reply.field(format!("Field {i}"), "x".repeat(2500));
        }
        let json = serde_json::to_value(command_response(&reply)).unwrap();
        let blocks = json["blocks"].as_array().unwrap();
        assert!(blocks.len() <= 50, "{} blocks", blocks.len());
        for b in blocks {
            if let Some(text) = b["text"]["text"].as_str() {
                assert!((1..=3000).contains(&text.chars().count()));
            }
            if let Some(fields) = b["fields"].as_array() {
                assert!(fields.len() <= 10);
                assert!(fields.iter().all(|f| (1..=2000).contains(&f["text"].as_str().unwrap().chars().count())));
            }
        }
        let last = blocks.last().unwrap()["text"]["text"].as_str().unwrap();
        assert!(last.starts_with("… and ") && last.ends_with(" more"), "{last}");
        assert!(json["text"].as_str().unwrap().chars().count() <= 300);
    }

    #[test]
    fn errors_are_ephemeral_lines() {
        let json = serde_json::to_value(command_response(&Reply::error("No account matches “<x>”."))).unwrap();
        assert_eq!(json["response_type"], "ephemeral");
        assert_eq!(json["text"], "No account matches “&lt;x&gt;”.");
        assert!(json.get("attachments").is_none());
    }

    #[test]
    fn buttons_are_actions_blocks_whose_values_are_what_they_run() {
        let mut reply = Reply::titled("Planning and follow-ups").line("• A0: next step");
        for group in 0..7 {
            for what in ["done", "snooze"] {
                reply = reply.action_in(group, format!("run:/{what} A{group}"), format!("A{group}: {what}"));
            }
        }
        let json = serde_json::to_value(blocks(&reply)).unwrap();
        let actions: Vec<&serde_json::Value> =
            json.as_array().unwrap().iter().filter(|b| b["type"] == "actions").collect();
        assert_eq!(actions.len(), 5);
        assert_eq!(actions[0]["elements"][0]["value"], "run:/done A0");
        assert_eq!(actions[0]["elements"][0]["type"], "button");
        assert_eq!(actions[0]["elements"][0]["text"]["type"], "plain_text");
        assert!(json.as_array().unwrap().len() <= BLOCKS);
    }
}
