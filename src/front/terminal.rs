//! The terminal chat: one command a line from stdin, replies on stdout; interactive or piped.

use std::io::IsTerminal;

use tokio::io::{AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};

use crate::clock::Clock;
use crate::core::{Core, Invocation, Platform, Reply, Tone};
use crate::i18n::{Locale, Msg};
use crate::store::Person;

/// Who is chatting, and in which workspace and language.
#[derive(Debug, Clone)]
pub struct Session {
    pub workspace: String,
    pub person: Person,
    pub locale: Option<Locale>,
}

/// Renders a reply as plain text; an error is one line marked with `✗`.
pub fn render(reply: &Reply) -> String {
    if reply.tone == Tone::Error {
        return reply.lines.iter().map(|l| format!("✗ {l}\n")).collect();
    }
    let marker = match reply.tone {
        Tone::Danger => "● ",
        Tone::Warning => "◐ ",
        Tone::Good => "○ ",
        _ => "",
    };
    format!("{marker}{}", reply.to_text())
}

/// Reads commands until end of input (or `quit`), answering each.
pub async fn run<W: AsyncWrite + Unpin>(
    core: &Core,
    session: &Session,
    clock: &dyn Clock,
    out: &mut W,
) -> anyhow::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    if interactive {
        let locale = session.person.language.as_deref().and_then(Locale::parse).or(session.locale).unwrap_or_default();
        let banner = locale
            .t(Msg::ChatBanner { workspace: session.workspace.clone(), person: session.person.display_name.clone() });
        out.write_all(format!("{banner}\n> ").as_bytes()).await?;
        out.flush().await?;
    }
    while let Some(line) = lines.next_line().await? {
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

/// Answers one typed line as the session's person.
pub async fn answer(core: &Core, session: &Session, clock: &dyn Clock, line: &str) -> Reply {
    let invocation = Invocation {
        workspace: session.workspace.clone(),
        platform: Platform::Terminal,
        user_id: session.person.platform_user_id.clone(),
        display_name: session.person.display_name.clone(),
        locale: session.locale,
        now: clock.now(),
        source_id: None,
    };
    core.run_line(&invocation, line).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_render_as_one_marked_line() {
        assert_eq!(render(&Reply::error("No account matches “x”.")), "✗ No account matches “x”.\n");
        assert_eq!(render(&Reply::titled("Vale").tone(Tone::Good)), "○ Vale\n");
    }
}
