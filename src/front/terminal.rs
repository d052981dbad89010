//! The terminal chat: one command a line from stdin, replies on stdout; interactive or piped.

use crate::i18n::ChatMsg;
use crate::i18n::ImportMsg;
use crate::i18n::Translate;
use std::io::IsTerminal;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};

use crate::clock::Clock;
use crate::core::{Core, Invocation, Platform, Reply, Tone};
use crate::domain::text::without_controls;
use crate::i18n::{Locale, Msg};
use crate::notify::{Delivery, Notifier, Recipient};
use crate::store::Person;

/// Who is chatting, and in which workspace and language.
#[derive(Debug, Clone)]
pub struct Session {
    pub workspace: String,
    pub person: Person,
    pub locale: Option<Locale>,
}

/// Renders a reply as plain text; an error is one line marked with `✗`. Nothing stored can
/// reach the operator's terminal as a control sequence.
pub fn render(reply: &Reply) -> String {
    without_controls(&render_raw(reply))
}

fn render_raw(reply: &Reply) -> String {
    if reply.tone == Tone::Error {
        return reply.lines.iter().map(|l| format!("✗ {l}\n")).collect();
    }
    let marker = match reply.tone {
        Tone::Danger => "● ",
        Tone::Warning => "◐ ",
        Tone::Good => "○ ",
        _ => "",
    };
    let mut text = format!("{marker}{}", reply.to_text());
    // Buttons that run a command are shown as the commands to type, a row a line.
    let mut rows: Vec<(usize, Vec<&str>)> = Vec::new();
    for (group, line) in reply.actions.iter().filter_map(|a| Some((a.group, a.id.strip_prefix("run:")?))) {
        match rows.last_mut() {
            Some((g, row)) if *g == group => row.push(line),
            _ => rows.push((group, vec![line])),
        }
    }
    for (_, row) in rows {
        text.push_str(&format!("  ▸ {}\n", row.join(" · ")));
    }
    // A terminal shows no picture: it says how to have it.
    if reply.chart.is_some() {
        text.push_str(&format!("  ▸ {}\n", reply.locale.t(Msg::Chat(ChatMsg::ChartInTerminal))));
    }
    text
}

/// Reads commands until end of input (or `quit`), answering each.
pub async fn run<W: AsyncWrite + Unpin>(
    core: &Core,
    session: &Session,
    clock: &dyn Clock,
    out: &mut W,
) -> anyhow::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let mut input = BufReader::new(tokio::io::stdin());
    let locale = session.person.language.as_deref().and_then(Locale::parse).or(session.locale).unwrap_or_default();
    if interactive {
        let banner = locale.t(Msg::Chat(ChatMsg::ChatBanner {
            workspace: session.workspace.clone(),
            person: session.person.display_name.clone(),
        }));
        out.write_all(format!("{banner}\n> ").as_bytes()).await?;
        out.flush().await?;
    }
    while let Some(line) = next_line(&mut input).await? {
        let line = match line {
            Line::Text(line) => line,
            Line::TooLong => {
                let refused = Reply::error(locale.t(Msg::Import(ImportMsg::LineTooLong { max: MAX_LINE })));
                out.write_all(format!("{}\n", render(&refused)).as_bytes()).await?;
                continue;
            }
            Line::NotUtf8 => {
                let refused = Reply::error(locale.t(Msg::Import(ImportMsg::NotUtf8)));
                out.write_all(format!("{}\n", render(&refused)).as_bytes()).await?;
                continue;
            }
        };
        let trimmed = line.trim();
        if matches!(trimmed, "quit" | "exit" | "/quit" | "/exit" | "sair") {
            break;
        }
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            let reply = answer(core, session, clock, trimmed).await;
            out.write_all(render(&reply).as_bytes()).await?;
            out.write_all(b"\n").await?;
        }
        if interactive {
            out.write_all(b"> ").await?;
        }
        out.flush().await?;
    }
    out.flush().await?;
    Ok(())
}

/// The longest line the chat reads, in bytes; a longer one is refused without being kept.
pub const MAX_LINE: usize = 16 * 1024;

/// One line of input.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// Longer than [`MAX_LINE`]: skipped to its end, never held whole.
    TooLong,
    /// Not UTF-8.
    NotUtf8,
}

/// Reads the next line, holding at most [`MAX_LINE`] bytes of it; `None` at the end of input.
pub async fn next_line<R: AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<Line>> {
    let mut line = Vec::new();
    let (mut too_long, mut read_any) = (false, false);
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            if !read_any {
                return Ok(None);
            }
            break;
        }
        read_any = true;
        let end = available.iter().position(|b| *b == b'\n');
        let chunk = &available[..end.unwrap_or(available.len())];
        if !too_long && line.len() + chunk.len() > MAX_LINE {
            too_long = true;
            line = Vec::new();
        }
        if !too_long {
            line.extend_from_slice(chunk);
        }
        let consumed = end.map_or(available.len(), |i| i + 1);
        reader.consume(consumed);
        if end.is_some() {
            break;
        }
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    Ok(Some(match String::from_utf8(line) {
        Ok(text) => Line::Text(text.trim_end_matches('\r').to_string()),
        Err(_) => Line::NotUtf8,
    }))
}

/// Answers one typed line as the session's person.
pub async fn answer(core: &Core, session: &Session, clock: &dyn Clock, line: &str) -> Reply {
    let invocation = Invocation {
        workspace: session.workspace.clone(),
        platform: Platform::Terminal,
        user_id: session.person.platform_user_id.clone(),
        display_name: session.person.display_name.clone(),
        name_is_handle: false,
        locale: session.locale,
        workspace_locale: None,
        now: clock.now(),
        source_id: None,
    };
    core.run_line(&invocation, line).await
}

/// Prints each scheduled message on standard output: the terminal's way of delivering.
#[derive(Debug, Clone, Copy, Default)]
pub struct StdoutNotifier;

impl Notifier for StdoutNotifier {
    fn deliver<'a>(&'a self, to: &'a Recipient, reply: &'a Reply) -> Delivery<'a> {
        Box::pin(async move {
            let who = match to {
                Recipient::Person(id) | Recipient::Channel(id) => id,
            };
            println!("→ {who}\n{}", render(reply));
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn long_and_invalid_lines_are_refused_without_ending_the_input() {
        let mut input: Vec<u8> = b"/help\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_LINE * 3));
        input.extend_from_slice(b"\nbad \xff\xfe\n/accounts\r\nlast");
        let mut reader = std::io::Cursor::new(input);
        let mut lines = Vec::new();
        while let Some(line) = next_line(&mut reader).await.unwrap() {
            lines.push(line);
        }
        assert_eq!(
            lines,
            [
                Line::Text("/help".into()),
                Line::TooLong,
                Line::NotUtf8,
                Line::Text("/accounts".into()),
                Line::Text("last".into())
            ]
        );
    }

    #[test]
    fn stored_control_characters_never_reach_the_terminal() {
        let reply = Reply::titled("Vale\u{1b}[2J").line("bell\u{7}").tone(Tone::Good);
        assert_eq!(render(&reply), "○ Vale[2J\nbell\n");
    }

    #[test]
    fn errors_render_as_one_marked_line() {
        assert_eq!(render(&Reply::error("No account matches “x”.")), "✗ No account matches “x”.\n");
        assert_eq!(render(&Reply::titled("Vale").tone(Tone::Good)), "○ Vale\n");
    }
}
