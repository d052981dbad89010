//! What the chat front ends and the terminal say of themselves, and internal failures.

use crate::domain::account::Tier;
use crate::domain::kind::InteractionKind;
use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum ChatMsg {
    Internal,
    // The account card.
    TierName(Tier),
    KindName(InteractionKind),
    DiscordNeedsGuild,
    DirectMessageStranger,
    DirectMessageSeveral,
    SlackWorking,
    ChartInTerminal,
    ChatBanner { workspace: String, person: String },
}

impl ChatMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            ChatMsg::Internal => s(
                "Sorry, something went wrong on our side. Nothing was changed; please try again.",
                "Desculpe, algo deu errado do nosso lado. Nada foi alterado; tente de novo.",
            ),

            ChatMsg::TierName(tier) => match tier {
                Tier::Strategic => s("strategic", "estratégica"),
                Tier::Key => s("key", "chave"),
                Tier::Maintain => s("maintain", "manutenção"),
            },
            ChatMsg::KindName(kind) => match kind {
                InteractionKind::Meeting => s("meeting", "reunião"),
                InteractionKind::Call => s("call", "ligação"),
                InteractionKind::Visit => s("visit", "visita"),
                InteractionKind::Email => s("email", "e-mail"),
                InteractionKind::Note => s("note", "nota"),
                InteractionKind::PlanningMeeting => s("planning meeting", "reunião de planejamento"),
                InteractionKind::YearlyReview => s("yearly review", "revisão anual"),
                InteractionKind::WhatsApp => s("WhatsApp", "WhatsApp"),
                InteractionKind::Lunch => s("lunch", "almoço"),
                InteractionKind::Event => s("event", "evento"),
                InteractionKind::VideoCall => s("video call", "videochamada"),
            },
            ChatMsg::ChartInTerminal => s(
                "the chart, as a PNG: kam-bot digest --team NAME --png FILE",
                "o gráfico, em PNG: kam-bot digest --team NOME --png ARQUIVO",
            ),
            ChatMsg::SlackWorking => {
                s("Working on it: the answer follows in a moment.", "Preparando: a resposta chega em instantes.")
            }
            ChatMsg::DiscordNeedsGuild => s(
                "kam-bot works inside a server, where your team's accounts are: use it there.",
                "O kam-bot funciona dentro de um servidor, onde estão as contas da sua equipe: use-o lá.",
            ),
            ChatMsg::DirectMessageStranger => s(
                "I don't know you yet: mention me once in your team's server (@kam-bot /help), then write to me here.",
                "Ainda não te conheço: me marca uma vez no servidor da sua equipe (@kam-bot /help) e depois me escreve aqui.",
            ),
            ChatMsg::DirectMessageSeveral => s(
                "You're in more than one team with kam-bot: mention me in the server of the team you mean.",
                "Você está em mais de uma equipe com o kam-bot: me marca no servidor da equipe certa.",
            ),
            ChatMsg::ChatBanner { workspace, person } => p(
                format!("kam-bot · workspace {workspace} · you are {person} · /help lists the commands, quit leaves"),
                format!("kam-bot · espaço {workspace} · você é {person} · /help lista os comandos, sair encerra"),
            ),
        }
    }
}
