//! The messages of onboarding: creating and changing accounts, the team and its tree, imports and
//! exports, and the first run of an empty workspace, in English and Brazilian Portuguese.

use super::Locale;
use super::Usage;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Onb {
    RequestInProgress,
    /// Under a digest: where its lists are shown in full.
    DigestFullLists,
    PageFooter {
        page: usize,
        pages: usize,
        next: Option<String>,
    },
    OnlyAdminsPrivacy,
    PrivacyExportTitle {
        account: String,
    },
    PrivacyErased {
        account: String,
        id: i64,
    },
    DateOutOfRange {
        arg: &'static str,
        value: String,
    },
    MissingSubcommand {
        usage: Usage,
    },
    // Accounts.
    OnlyManagersAccounts,
    OnlyManagersMerge,
    MergeSame {
        name: String,
    },
    /// What a merge moves: contacts, interactions, commitments, opportunities, meetings, plans,
    /// wallet periods, competitors.
    MergeMoves {
        counts: [i64; 8],
    },
    MergePreviewTitle {
        from: String,
        into: String,
    },
    MergeBecomesAlias {
        from: String,
        into: String,
    },
    MergeConfirmHint {
        command: String,
    },
    Merged {
        from: String,
        into: String,
    },
    BadTier {
        value: String,
    },
    WhyNeedsReason,
    AccountAdded {
        name: String,
    },
    SeeCard {
        name: String,
    },
    AccountChanged {
        name: String,
        field: String,
    },
    AlreadyArchived {
        name: String,
    },
    NotArchived {
        name: String,
    },
    AccountArchived {
        name: String,
    },
    AccountRestored {
        name: String,
    },
    BadAccountName {
        value: String,
    },
    AccountExists {
        typed: String,
        existing: String,
    },
    CnpjTaken {
        cnpj: String,
        existing: String,
    },
    BadFieldValue {
        field: String,
        value: String,
    },
    AliasUsage,
    NoSuchAlias {
        alias: String,
        name: String,
    },
    BadReason {
        value: String,
    },
    ReasonUsage,
    TierApplied {
        name: String,
        from: i64,
        to: i64,
    },
    // People.
    OnlyAdminsTeam,
    PersonLine {
        name: String,
        /// Their job title, when the team file gave one.
        title: Option<String>,
        role: crate::domain::account::Role,
        manager: Option<String>,
        linked: bool,
    },
    BadPersonName,
    PersonExists {
        name: String,
    },
    PersonAdded {
        name: String,
        role: crate::domain::account::Role,
    },
    LinkHint {
        name: String,
    },
    PeopleSetNothing,
    TeamCircle {
        person: String,
    },
    PersonChanged {
        name: String,
    },
    NotRemoveSelf,
    HandToSomeoneElse,
    PersonRemoved {
        name: String,
        to: String,
        accounts: u64,
        opportunities: u64,
    },
    BadUser {
        value: String,
    },
    PersonLinked {
        name: String,
        merged: bool,
    },
    // The first run.
    EmptyWorkspace,
    /// The first run's word on the language it speaks and how to change it.
    FirstRunLanguage,
}

/// What a field of an imported file accepts, for a refused value.
pub(crate) fn accepted(field: &str, l: Locale) -> String {
    match field {
        "tier" => l.pick("1, 2 or 3 (T1 and Tier 1 read too)", "1, 2 ou 3 (T1 e Nível 1 também valem)").to_string(),
        "spend" | "revenue" => l
            .pick(
                "an amount like 1.234.567,89, R$ 1.234.567,89 or 1234567.89",
                "um valor como 1.234.567,89, R$ 1.234.567,89 ou 1234567.89",
            )
            .to_string(),
        "margin" | "ceiling" => l
            .pick(
                "a percentage from 0 to 100 like 18%, 18,5 % or 0,18",
                "uma porcentagem de 0 a 100 como 18%, 18,5 % ou 0,18",
            )
            .to_string(),
        "cadence" => l.pick("a number of days from 1 to 730", "um número de dias de 1 a 730").to_string(),
        "cnpj" => l
            .pick(
                "a CNPJ with valid check digits, like 33.592.510/0001-54 or 33592510000154",
                "um CNPJ com dígitos verificadores válidos, como 33.592.510/0001-54 ou 33592510000154",
            )
            .to_string(),
        "suppliers" => l
            .pick(
                "how many suppliers the customer keeps, from 1 to 20",
                "quantos fornecedores o cliente mantém, de 1 a 20",
            )
            .to_string(),
        "review" => {
            l.pick("a date like 10/12/2026 or 2026-12-10", "uma data como 10/12/2026 ou 2026-12-10").to_string()
        }
        "status" => l.pick("active or archived", "active (ativa) ou archived (arquivada)").to_string(),
        "reasons" => l
            .pick(
                "potential, technology, profitability or strategic, each with an optional “: note”, separated by |",
                "potential, technology, profitability ou strategic, cada um com “: nota” opcional, separados por |",
            )
            .to_string(),
        "role" => l.pick(
            format!(
                "{} for people; {} for contacts",
                crate::domain::vocabulary::ROLES.listed(Locale::En, ", "),
                crate::domain::vocabulary::DECISION_ROLES.listed(Locale::En, ", ")
            ),
            format!(
                "{} para pessoas; {} para contatos",
                crate::domain::vocabulary::ROLES.listed(Locale::PtBr, ", "),
                crate::domain::vocabulary::DECISION_ROLES.listed(Locale::PtBr, ", ")
            ),
        ),
        "stance" => l.pick(
            crate::domain::vocabulary::STANCES.listed(Locale::En, ", "),
            crate::domain::vocabulary::STANCES.listed(Locale::PtBr, ", "),
        ),
        "strength" => l.pick("a whole number from 1 to 5", "um número inteiro de 1 a 5").to_string(),
        _ => l.pick("another value", "outro valor").to_string(),
    }
}

impl Onb {
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            Onb::DateOutOfRange { arg, value } => p(
                format!("--{arg}: “{value}” is outside the years 2000 to 2100."),
                format!("--{arg}: “{value}” está fora dos anos 2000 a 2100."),
            ),
            Onb::OnlyAdminsPrivacy => s(
                "Only an admin of this workspace can export or erase personal data.",
                "Só um administrador deste espaço pode exportar ou apagar dados pessoais.",
            ),
            Onb::PrivacyExportTitle { account } => p(
                format!("Personal data held about a contact of {account}"),
                format!("Dados pessoais guardados sobre um contato da conta {account}"),
            ),
            Onb::PrivacyErased { account, id } => p(
                format!("Erased: the contact of {account} is now “erased contact #{id}”; the account's history stays."),
                format!(
                    "Apagado: o contato da conta {account} agora é “erased contact #{id}”; o histórico da conta continua."
                ),
            ),
            Onb::DigestFullLists => s(
                "Full lists: /risks · /accounts --owner NAME · /meetings",
                "Listas completas: /risks · /accounts --owner NOME · /meetings",
            ),
            Onb::PageFooter { page, pages, next } => match next {
                Some(next) => p(
                    format!("Page {page} of {pages} · next: {next}"),
                    format!("Página {page} de {pages} · próxima: {next}"),
                ),
                None => p(format!("Page {page} of {pages}"), format!("Página {page} de {pages}")),
            },
            Onb::RequestInProgress => s(
                "This request is being carried out already: its answer comes in a moment.",
                "Este pedido já está sendo atendido: a resposta chega em instantes.",
            ),
            Onb::MissingSubcommand { usage } => {
                let (name, words) = (usage.name(), usage.subcommand_names().join(", "));
                p(
                    format!("Say what /{name} should do: {words}. /help {name} shows how."),
                    format!("Diga o que /{name} deve fazer: {words}. /help {name} mostra como."),
                )
            }
            Onb::OnlyManagersMerge => {
                s("Only managers and admins merge accounts.", "Só gestores e administradores juntam contas.")
            }
            Onb::MergeSame { name } => p(
                format!("{name} is one account: name the duplicate first, then the account that stays."),
                format!("{name} é uma conta só: diga primeiro a duplicada, depois a conta que fica."),
            ),
            Onb::MergeMoves { counts } => {
                let en = [
                    "contact",
                    "interaction",
                    "commitment",
                    "opportunity",
                    "meeting",
                    "plan",
                    "wallet period",
                    "competitor",
                ];
                let en_many = [
                    "contacts",
                    "interactions",
                    "commitments",
                    "opportunities",
                    "meetings",
                    "plans",
                    "wallet periods",
                    "competitors",
                ];
                let pt = [
                    "contato",
                    "interação",
                    "compromisso",
                    "oportunidade",
                    "reunião",
                    "plano",
                    "período de carteira",
                    "concorrente",
                ];
                let pt_many = [
                    "contatos",
                    "interações",
                    "compromissos",
                    "oportunidades",
                    "reuniões",
                    "planos",
                    "períodos de carteira",
                    "concorrentes",
                ];
                let (one, many) = if l == Locale::En { (en, en_many) } else { (pt, pt_many) };
                let parts: Vec<String> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(i, n)| format!("{n} {}", if *n == 1 { one[i] } else { many[i] }))
                    .collect();
                if parts.is_empty() {
                    s("Nothing to move but its name.", "Nada a transferir além do nome.")
                } else {
                    let parts = parts.join(" · ");
                    p(format!("Moves {parts}."), format!("Transfere {parts}."))
                }
            }
            Onb::MergePreviewTitle { from, into } => {
                p(format!("Merge {from} into {into}?"), format!("Juntar {from} a {into}?"))
            }
            Onb::MergeBecomesAlias { from, into } => p(
                format!(
                    "“{from}” becomes an alias of {into}; what both hold (a plan of the same year, a wallet period, a competitor) keeps {into}'s."
                ),
                format!(
                    "“{from}” vira apelido de {into}; o que as duas têm (plano do mesmo ano, período de carteira, concorrente) fica com o de {into}."
                ),
            ),
            Onb::MergeConfirmHint { command } => p(format!("To merge: {command}"), format!("Para juntar: {command}")),
            Onb::Merged { from, into } => p(format!("{from} merged into {into}"), format!("{from} juntada a {into}")),
            Onb::OnlyManagersAccounts => s(
                "Only managers and admins add, archive and restore accounts.",
                "Só gestores e administradores adicionam, arquivam e restauram contas.",
            ),
            Onb::BadTier { value } => p(
                format!("The tier must be 1, 2 or 3, not “{value}”."),
                format!("O nível deve ser 1, 2 ou 3, não “{value}”."),
            ),
            Onb::WhyNeedsReason => s(
                "--why explains a reason: give --reason potential|technology|profitability|strategic too.",
                "--porque explica um motivo: informe também --motivo potencial|tecnologia|rentabilidade|estratégica.",
            ),
            Onb::AccountAdded { name } => p(format!("Added {name}"), format!("Conta {name} adicionada")),
            Onb::SeeCard { name } => {
                p(format!("/account {name} shows the card"), format!("/account {name} mostra o cartão"))
            }
            Onb::AccountChanged { name, field } => {
                p(format!("{name}: {field} changed"), format!("{name}: campo {} alterado", field_pt(&field)))
            }
            Onb::AlreadyArchived { name } => {
                p(format!("{name} is already archived."), format!("A conta {name} já está arquivada."))
            }
            Onb::NotArchived { name } => {
                p(format!("{name} is not archived."), format!("A conta {name} não está arquivada."))
            }
            Onb::AccountArchived { name } => p(
                format!(
                    "Archived {name}: out of lists, reminders and digests, history kept. /account restore {name} brings it back."
                ),
                format!(
                    "Conta {name} arquivada: fora de listas, lembretes e resumos, com o histórico guardado. /account restore {name} traz de volta."
                ),
            ),
            Onb::AccountRestored { name } => {
                p(format!("{name} is active again."), format!("A conta {name} está ativa de novo."))
            }
            Onb::BadAccountName { value } => p(
                format!("“{value}” is not a name: use letters or digits."),
                format!("“{value}” não é um nome: use letras ou algarismos."),
            ),
            Onb::AccountExists { typed, existing } => p(
                format!(
                    "“{typed}” is already taken by the account {existing} (names and aliases are compared without case or accents)."
                ),
                format!(
                    "“{typed}” já pertence à conta {existing} (nomes e apelidos são comparados sem maiúsculas nem acentos)."
                ),
            ),
            Onb::CnpjTaken { cnpj, existing } => p(
                format!("The CNPJ {cnpj} is already the account {existing}'s."),
                format!("O CNPJ {cnpj} já é da conta {existing}."),
            ),
            Onb::BadFieldValue { field, value } => {
                let accepted = match field.as_str() {
                    "tier" => l.pick("1, 2 or 3", "1, 2 ou 3").to_string(),
                    "cadence" => l.pick("a number of days from 1 to 730", "um número de dias de 1 a 730").to_string(),
                    "suppliers" | "cnpj" => accepted(&field, l),
                    _ => {
                        let fields = crate::domain::vocabulary::ACCOUNT_FIELD_WORDS.listed(l, ", ");
                        return p(
                            format!("“{value}” is not a field of an account. Fields: {fields}."),
                            format!("“{value}” não é um campo de conta. Campos: {fields}."),
                        );
                    }
                };
                p(
                    format!("“{value}” is not a valid {field}: use {accepted}."),
                    format!("“{value}” não é um valor válido para o campo {}: use {accepted}.", field_pt(&field)),
                )
            }
            Onb::AliasUsage => {
                s("Say alias add NAME or alias remove NAME.", "Use apelido adicionar NOME ou apelido remover NOME.")
            }
            Onb::NoSuchAlias { alias, name } => {
                p(format!("{name} has no alias “{alias}”."), format!("A conta {name} não tem o apelido “{alias}”."))
            }
            Onb::BadReason { value } => p(
                format!("“{value}” is not a reason: use potential, technology, profitability or strategic."),
                format!("“{value}” não é um motivo: use potential, technology, profitability ou strategic."),
            ),
            Onb::ReasonUsage => s(
                "Say reason add potential|technology|profitability|strategic [note], or reason remove REASON.",
                "Use reason add potential|technology|profitability|strategic [nota] ou reason remove MOTIVO.",
            ),
            Onb::TierApplied { name, from, to } => p(
                format!("{name} moved from tier {from} to tier {to}."),
                format!("A conta {name} passou do nível {from} para o nível {to}."),
            ),
            Onb::OnlyAdminsTeam => s(
                "Only an admin of this workspace can change the team.",
                "Só um administrador deste espaço pode alterar a equipe.",
            ),
            Onb::PersonLine { name, title, role, manager, linked } => {
                let role = role_area(role, l);
                let mut line = match title {
                    Some(title) => format!("{name} ({title}) · {role}"),
                    None => format!("{name} · {role}"),
                };
                if let Some(m) = manager {
                    line.push_str(&l.pick(format!(" · reports to {m}"), format!(" · responde a {m}")));
                }
                if !linked {
                    line.push_str(l.pick(" · not linked to a chat user yet", " · ainda sem usuário do chat"));
                }
                line
            }
            Onb::BadPersonName => s("A person's name needs letters.", "O nome de uma pessoa precisa de letras."),
            Onb::PersonExists { name } => p(
                format!("{name} is already in the workspace: /people set changes them."),
                format!("{name} já está no espaço: /people set altera os dados."),
            ),
            Onb::PersonAdded { name, role } => {
                let role = role_area(role, l);
                p(format!("Added {name} ({role})"), format!("{name} entrou no espaço ({role})"))
            }
            Onb::LinkHint { name } => p(
                format!("When they use the bot, /people link \"{name}\" @user ties them to their chat user."),
                format!(
                    "Quando a pessoa usar o bot, /people link \"{name}\" @usuário liga a pessoa ao usuário do chat."
                ),
            ),
            Onb::PeopleSetNothing => s(
                "Say what to change: --role, --manager or --name.",
                "Diga o que alterar: --papel, --gestor ou --nome.",
            ),
            Onb::TeamCircle { person } => p(
                format!(
                    "That would make {person} manage themselves through the team tree: choose a manager who is not below them."
                ),
                format!(
                    "Assim {person} seria gestor(a) de si mesmo(a) pela árvore da equipe: escolha um gestor que não esteja abaixo."
                ),
            ),
            Onb::PersonChanged { name } => p(format!("{name} updated"), format!("{name} atualizado(a)")),
            Onb::NotRemoveSelf => s(
                "You cannot remove yourself: ask another admin.",
                "Você não pode remover a si mesmo: peça a outro administrador.",
            ),
            Onb::HandToSomeoneElse => s("Hand their accounts to someone else.", "Repasse as contas para outra pessoa."),
            Onb::PersonRemoved { name, to, accounts, opportunities } => p(
                format!(
                    "Removed {name}: {accounts} account(s) and {opportunities} open opportunity(ies) handed to {to}; history keeps their name."
                ),
                format!(
                    "{name} removido(a): {accounts} conta(s) e {opportunities} oportunidade(s) aberta(s) repassadas para {to}; o histórico mantém o nome."
                ),
            ),
            Onb::BadUser { value } => p(
                format!("“{value}” is not a chat user: mention them (@name) or give their user id."),
                format!("“{value}” não é um usuário do chat: mencione a pessoa (@nome) ou informe o id do usuário."),
            ),
            Onb::PersonLinked { name, merged } => match merged {
                true => p(
                    format!("{name} is linked to that chat user; what they did before being linked is now theirs."),
                    format!(
                        "{name} está ligado(a) a esse usuário do chat; o que a pessoa fez antes da ligação agora é dela."
                    ),
                ),
                false => p(
                    format!("{name} is linked to that chat user."),
                    format!("{name} está ligado(a) a esse usuário do chat."),
                ),
            },
            Onb::FirstRunLanguage => s(
                "I answer in English. In Portuguese: /language pt-BR for you, kam-bot workspace set --language pt-BR for everyone here.",
                "Respondo em português. Em inglês: /language en para você, kam-bot workspace set --language en para todos deste espaço.",
            ),
            Onb::EmptyWorkspace => s(
                "No accounts yet. Add one with /account add NAME --tier 1 --owner PERSON, or import the team's portfolio from a CSV or Excel file: kam-bot import accounts FILE (see the README). /help lists every command.",
                "Nenhuma conta ainda. Adicione uma com /account add NOME --nivel 1 --responsavel PESSOA ou importe a carteira da equipe de um arquivo CSV ou Excel: kam-bot import accounts ARQUIVO (veja o README). /help lista todos os comandos.",
            ),
        }
    }
}

/// The Portuguese name of a field of `/account set`.
fn field_pt(field: &str) -> String {
    crate::domain::vocabulary::ACCOUNT_FIELD_WORDS.shown(field, Locale::PtBr)
}

/// What a person does in the workspace, said the same of everyone: in Portuguese the area
/// (vendas, gestão) rather than a word that agrees with the person (vendedor, vendedora).
pub(crate) fn role_area(role: crate::domain::account::Role, l: Locale) -> String {
    use crate::domain::account::Role;
    match (l, role) {
        (Locale::En, _) => role.shown(l),
        (Locale::PtBr, Role::Admin) => "administração".to_string(),
        (Locale::PtBr, Role::Manager) => "gestão".to_string(),
        (Locale::PtBr, Role::Rep) => "vendas".to_string(),
    }
}
