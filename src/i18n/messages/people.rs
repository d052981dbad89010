//! People, languages and the stakeholder map.

use super::helpers::*;
use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum PeopleMsg {
    OnlyAdmins,
    NotOwnRole,
    PeopleTitle { count: usize },
    UnknownLanguage { value: String },
    LanguageNow { chosen: bool },
    LanguageSet,
    ContactsTitle { account: String, count: usize },
    SingleThreaded { reached: i64, decision_maker: bool },
    DecisionRole(String),
    StanceName(String),
    Strength { strength: i64 },
    LastContactOn { date: String },
    NeverReached,
    NoDepartment,
    NoContactsYet { account: String },
    ContactExists { name: String, account: String },
    ContactAdded { name: String, account: String },
    ContactChanged { name: String, account: String },
}

impl PeopleMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            PeopleMsg::OnlyAdmins => s(
                "Only an admin of this workspace can change roles.",
                "Só um administrador deste espaço pode mudar papéis.",
            ),
            PeopleMsg::NotOwnRole => s(
                "You cannot change your own role: ask another admin.",
                "Você não pode mudar o seu próprio papel: peça a outro administrador.",
            ),
            PeopleMsg::PeopleTitle { count } => p(
                format!("People: {}", plural(count as i64, "person", "people")),
                format!("Pessoas: {}", plural(count as i64, "pessoa", "pessoas")),
            ),
            PeopleMsg::UnknownLanguage { value } => p(
                format!("Unknown language “{value}”. Accepted: en, pt-BR."),
                format!("Idioma desconhecido “{value}”. Aceitos: en, pt-BR."),
            ),
            PeopleMsg::LanguageNow { chosen: true } => s(
                "I answer you in English, as you chose. /language pt-BR changes it.",
                "Respondo a você em português, como você escolheu. /language en muda isso.",
            ),
            PeopleMsg::LanguageNow { chosen: false } => s(
                "I answer you in English, the default here. /language pt-BR changes it.",
                "Respondo a você em português, o padrão aqui. /language en muda isso.",
            ),
            PeopleMsg::LanguageSet => {
                s("From now on I answer you in English.", "A partir de agora respondo a você em português.")
            }
            PeopleMsg::ContactsTitle { account, count } => p(
                format!("{account}: {}", plural(count as i64, "contact", "contacts")),
                format!("{account}: {}", plural(count as i64, "contato", "contatos")),
            ),
            PeopleMsg::SingleThreaded { reached, decision_maker } => {
                let dm = if decision_maker {
                    ""
                } else {
                    l.pick(", no decision maker among them", ", nenhum decisor entre eles")
                };
                p(
                    format!(
                        "⚠ Single-threaded: {} reached in the last 90 days{dm}. Widen the relationship.",
                        plural(reached, "contact", "contacts")
                    ),
                    format!(
                        "⚠ Dependente de poucos: {} nos últimos 90 dias{dm}. Amplie o relacionamento.",
                        plural(reached, "contato alcançado", "contatos alcançados")
                    ),
                )
            }
            // In Portuguese a role or a stance said of a person agrees with them (decisor, decisora):
            // what they do is said instead, the same for everyone.
            PeopleMsg::DecisionRole(role) => match role.as_str() {
                "decision_maker" => s("decision maker", "decide a compra"),
                "influencer" => s("influencer", "influencia a compra"),
                "champion" => s("sponsor", "patrocina a compra"),
                "user" => s("user", "usa o que vendemos"),
                _ => s("gatekeeper", "controla o acesso"),
            },
            PeopleMsg::StanceName(stance) => match stance.as_str() {
                "champion" => s("champion of ours", "defende a gente"),
                "supporter" => s("supporter", "apoia a gente"),
                "neutral" => s("neutral", "sem posição"),
                _ => s("detractor", "contra a gente"),
            },
            PeopleMsg::Strength { strength } => p(format!("strength {strength}/5"), format!("força {strength}/5")),
            PeopleMsg::LastContactOn { date } => p(format!("last contact {date}"), format!("último contato {date}")),
            PeopleMsg::NeverReached => s("never reached", "nenhum contato ainda"),
            PeopleMsg::NoDepartment => s("(no department)", "(sem departamento)"),
            PeopleMsg::NoContactsYet { account } => p(
                format!("No contacts at {account} yet. /contact add records one."),
                format!("Nenhum contato na conta {account} ainda. /contact add registra um."),
            ),
            PeopleMsg::ContactExists { name, account } => p(
                format!("{account} already has a contact “{name}”: use /contact set to change it."),
                format!("{account} já tem o contato “{name}”: use /contact set para alterá-lo."),
            ),
            PeopleMsg::ContactAdded { name, account } => {
                p(format!("Added {name} to {account}"), format!("{name} agora é contato da conta {account}"))
            }
            PeopleMsg::ContactChanged { name, account } => {
                p(format!("Updated {name} at {account}"), format!("Dados de {name} atualizados na conta {account}"))
            }
        }
    }
}
