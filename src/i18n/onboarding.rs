//! The messages of onboarding: creating and changing accounts, the team and its tree, imports and
//! exports, and the first run of an empty workspace, in English and Brazilian Portuguese.

use super::Locale;
use super::Usage;
use crate::domain::import_errors::{MapError, Problem, ReadError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Onb {
    // Command and argument descriptions.
    CmdAccountsGroup,
    CmdAccountAdd,
    CmdAccountSet,
    CmdAccountArchive,
    CmdAccountRestore,
    ArgNewAccountName,
    ArgTierSet,
    ArgOwnerSet,
    ArgTech,
    ArgSegment,
    ArgSpendSet,
    ArgRevenueSet,
    ArgMargin,
    ArgCeiling,
    ArgCadence,
    ArgReviewDate,
    ArgReason,
    ArgWhy,
    ArgAlias,
    ArgField,
    ArgValue,
    ArgApply,
    CmdOppList,
    CmdOppAdd,
    CmdOppMove,
    ArgOppTitle,
    ArgOppValue,
    ArgOppId,
    ArgStage,
    CmdPeopleList,
    CmdPeopleAdd,
    CmdPeopleSet,
    CmdPeopleRole,
    CmdPeopleRemove,
    CmdPeopleLink,
    ArgPersonName,
    ArgManager,
    ArgManagerSet,
    ArgPersonNewName,
    ArgHandTo,
    ArgUser,
    CmdContactAdd,
    CmdContactSet,
    PhUser,
    PhFile,
    CmdImport,
    ArgImportKind,
    ArgImportFile,
    ImportNeedsAttachment,
    OnlyAdminsImport,
    ImportButton,
    ImportConfirmHint {
        minutes: i64,
    },
    ImportRefusedTitle {
        file: String,
        rejected: usize,
    },
    ImportGone,
    ImportNotYours,
    ImportExpired,
    AttachmentUnreadable,
    RequestInProgress,
    ArgPage,
    /// Under a digest: where its lists are shown in full.
    DigestFullLists,
    PageFooter {
        page: usize,
        pages: usize,
        next: Option<String>,
    },
    CmdPrivacy,
    CmdPrivacyExport,
    CmdPrivacyErase,
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
    LineTooLong {
        max: usize,
    },
    NotUtf8,
    FileTooBig {
        max_mb: u32,
    },
    MissingSubcommand {
        usage: Usage,
    },

    // Accounts.
    OnlyManagersAccounts,
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

    // Imports and exports.
    ImportProblem {
        line: usize,
        column: Option<String>,
        problem: Problem,
    },
    ImportSummary {
        kind: &'static str,
        created: usize,
        updated: usize,
        unchanged: usize,
        rejected: usize,
        dry_run: bool,
        written: bool,
    },
    ImportCreated {
        name: String,
    },
    ImportUpdated {
        name: String,
        fields: Vec<&'static str>,
    },
    ImportNewPeople {
        names: Vec<String>,
        more: usize,
    },
    AndMore {
        count: usize,
    },
    ImportIgnored {
        columns: Vec<String>,
    },
    ImportNothingWritten {
        rejected: usize,
    },
    ImportSecondRun,
    ReadFailed {
        file: String,
        error: ReadError,
    },
    MapFailed {
        error: MapError,
    },
    Exported {
        kind: &'static str,
        rows: usize,
        file: String,
    },
}

/// What a field of an imported file accepts, for a refused value.
fn accepted(field: &str, l: Locale) -> String {
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

fn problem_text(problem: Problem, l: Locale) -> String {
    let p = |en: String, pt: String| l.pick(en, pt);
    match problem {
        Problem::Missing { field } => {
            p(format!("no {field}: every row needs one"), format!("sem {field}: toda linha precisa de um"))
        }
        Problem::BadValue { field, value } => {
            let accepted = accepted(field, l);
            p(
                format!("“{value}” is not a valid {field}: use {accepted}"),
                format!("“{value}” não é um valor válido para {field}: use {accepted}"),
            )
        }
        Problem::Duplicate { first_line } => {
            p(format!("the same record as line {first_line}"), format!("o mesmo registro da linha {first_line}"))
        }
        Problem::NameTaken { name, existing } => p(
            format!("“{name}” is already the name or an alias of another account ({existing})"),
            format!("“{name}” já é o nome ou apelido de outra conta ({existing})"),
        ),
        Problem::UnknownAccount { value } => p(
            format!("no account “{value}” in the workspace: import the accounts first"),
            format!("não há conta “{value}” no espaço: importe as contas antes"),
        ),
        Problem::UnknownManager { value } => p(
            format!("no person “{value}” in the workspace or the file"),
            format!("não há pessoa “{value}” no espaço nem no arquivo"),
        ),
        Problem::Circle { name } => p(
            format!("this manager would make {name} manage themselves through the team tree"),
            format!("esse gestor faria {name} gerir a si mesmo(a) pela árvore da equipe"),
        ),
    }
}

impl Onb {
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            Onb::CmdAccountsGroup => s("List, add and change key accounts", "Lista, adiciona e altera contas-chave"),
            Onb::CmdAccountAdd => {
                s("Add a key account (managers and admins)", "Adiciona uma conta-chave (gestores e administradores)")
            }
            Onb::CmdAccountSet => s("Change one field of an account", "Altera um campo de uma conta"),
            Onb::CmdAccountArchive => s(
                "Archive an account: kept with its history, out of lists and reminders",
                "Arquiva uma conta: guardada com o histórico, fora de listas e lembretes",
            ),
            Onb::CmdAccountRestore => s("Bring an archived account back", "Traz de volta uma conta arquivada"),
            Onb::ArgNewAccountName => s("The account's name", "O nome da conta"),
            Onb::ArgTierSet => {
                s("1 strategic, 2 key (default), 3 maintain", "1 estratégica, 2 chave (padrão), 3 manutenção")
            }
            Onb::ArgOwnerSet => s("Who owns it (default: you)", "Quem é o responsável (padrão: você)"),
            Onb::ArgTech => s("Our technical manager for it", "O nosso gerente técnico da conta"),
            Onb::ArgSegment => s("The customer's segment, e.g. Mining", "O segmento do cliente, por exemplo Mineração"),
            Onb::ArgSpendSet => s(
                "The customer's yearly spend in our category, e.g. 180M",
                "O gasto anual do cliente na nossa categoria, por exemplo 180M",
            ),
            Onb::ArgRevenueSet => s(
                "Our revenue there over 12 months, e.g. 32,4M",
                "A nossa receita na conta em 12 meses, por exemplo 32,4M",
            ),
            Onb::ArgMargin => {
                s("Our margin or price premium, e.g. 12%", "A nossa margem ou prêmio de preço, por exemplo 12%")
            }
            Onb::ArgCeiling => {
                s("Share-of-wallet ceiling (default 70%)", "Teto de participação na carteira (padrão 70%)")
            }
            Onb::ArgCadence => s(
                "Days between planning meetings (default by tier)",
                "Dias entre reuniões de planejamento (padrão pelo nível)",
            ),
            Onb::ArgReviewDate => s("The date of the yearly review", "A data da revisão anual"),
            Onb::ArgReason => s(
                "Why it is key: potential, technology, profitability or strategic",
                "Por que é chave: potential, technology, profitability ou strategic",
            ),
            Onb::ArgWhy => s(
                "A note on the reason (or quote it right after --reason)",
                "Uma nota sobre o motivo (ou entre aspas logo após --reason)",
            ),
            Onb::ArgAlias => s("Another name people use for it", "Outro nome pelo qual a conta é conhecida"),
            Onb::ArgField => s("The field to change", "O campo a alterar"),
            Onb::ArgValue => s(
                "The new value (none clears; alias/reason: add or remove first)",
                "O novo valor (none apaga; alias/reason: add ou remove antes)",
            ),
            Onb::ArgApply => s("Set the suggested tier", "Aplica o nível sugerido"),
            Onb::CmdOppList => {
                s("An account's opportunities and conversion", "As oportunidades e a conversão de uma conta")
            }
            Onb::CmdOppAdd => s("Add an opportunity", "Adiciona uma oportunidade"),
            Onb::CmdOppMove => s("Move an opportunity to another stage", "Move uma oportunidade para outra etapa"),
            Onb::ArgOppTitle => s("What is being sold", "O que está sendo vendido"),
            Onb::ArgOppValue => s("Its value, e.g. 2,5M", "O valor, por exemplo 2,5M"),
            Onb::ArgOppId => s("The opportunity's number", "O número da oportunidade"),
            Onb::ArgStage => p(
                crate::domain::vocabulary::STAGES.listed(Locale::En, ", "),
                crate::domain::vocabulary::STAGES.listed(Locale::PtBr, ", "),
            ),
            Onb::CmdPeopleList => s(
                "The people of the workspace, their role and manager",
                "As pessoas do espaço, o papel e o gestor de cada uma",
            ),
            Onb::CmdPeopleAdd => s(
                "Add a person before they use the bot (admins)",
                "Adiciona uma pessoa antes de ela usar o bot (administradores)",
            ),
            Onb::CmdPeopleSet => s(
                "Change a person's role, manager or name (admins)",
                "Altera o papel, o gestor ou o nome de uma pessoa (administradores)",
            ),
            Onb::CmdPeopleRole => s("Give a person a role (admins)", "Define o papel de uma pessoa (administradores)"),
            Onb::CmdPeopleRemove => s(
                "Remove a person, handing their accounts over (admins)",
                "Remove uma pessoa e repassa as contas dela (administradores)",
            ),
            Onb::CmdPeopleLink => s(
                "Tie a person to their chat user (admins)",
                "Liga uma pessoa ao seu usuário do chat (administradores)",
            ),
            Onb::ArgPersonName => s("The person's full name", "O nome completo da pessoa"),
            Onb::ArgManager => s("Their manager", "O gestor da pessoa"),
            Onb::ArgManagerSet => s("Their manager (none: nobody)", "O gestor da pessoa (none: ninguém)"),
            Onb::ArgPersonNewName => s("Their new name", "O novo nome"),
            Onb::ArgHandTo => s(
                "Who takes over their accounts and open opportunities",
                "Quem assume as contas e as oportunidades abertas",
            ),
            Onb::ArgUser => s("The chat user (a mention)", "O usuário do chat (uma menção)"),
            Onb::CmdContactAdd => s("Add a contact to an account", "Adiciona um contato a uma conta"),
            Onb::CmdContactSet => s("Change a contact of an account", "Altera um contato de uma conta"),
            Onb::PhUser => s("user", "usuário"),
            Onb::PhFile => s("file", "arquivo"),
            Onb::CmdImport => s(
                "Import accounts, contacts or people from a CSV or Excel file (admins)",
                "Importa contas, contatos ou pessoas de um arquivo CSV ou Excel (administradores)",
            ),
            Onb::ArgImportKind => s(
                "What the file holds: accounts, contacts or people",
                "O que o arquivo traz: accounts, contacts ou people",
            ),
            Onb::ArgImportFile => s(
                "The CSV or Excel file (a CRM export or the team's sheet)",
                "O arquivo CSV ou Excel (uma exportação do CRM ou a planilha da equipe)",
            ),
            Onb::ImportNeedsAttachment => s(
                "A file cannot be typed: attach it to /import on Discord, or run kam-bot import KIND FILE on the bot's machine.",
                "Um arquivo não pode ser digitado: anexe-o ao /import no Discord ou rode kam-bot import TIPO ARQUIVO na máquina do bot.",
            ),
            Onb::OnlyAdminsImport => s(
                "Only an admin of this workspace can import files.",
                "Só um administrador deste espaço pode importar arquivos.",
            ),
            Onb::ImportButton => s("Import", "Importar"),
            Onb::ImportConfirmHint { minutes } => p(
                format!("Nothing is written yet: press Import within {minutes} minutes to write it."),
                format!("Nada foi gravado ainda: aperte Importar em até {minutes} minutos para gravar."),
            ),
            Onb::ImportRefusedTitle { file, rejected } => p(
                format!("{file}: {rejected} row(s) refused, nothing written"),
                format!("{file}: {rejected} linha(s) recusada(s), nada gravado"),
            ),
            Onb::ImportGone => s(
                "This import was carried out already, or it expired: attach the file to /import again.",
                "Esta importação já foi feita ou expirou: anexe o arquivo ao /import de novo.",
            ),
            Onb::DateOutOfRange { arg, value } => p(
                format!("--{arg}: “{value}” is outside the years 2000 to 2100."),
                format!("--{arg}: “{value}” está fora dos anos 2000 a 2100."),
            ),
            Onb::LineTooLong { max } => p(
                format!("That line is longer than {max} characters: nothing was done."),
                format!("Essa linha passa de {max} caracteres: nada foi feito."),
            ),
            Onb::NotUtf8 => s(
                "That line is not valid text (UTF-8): nothing was done.",
                "Essa linha não é um texto válido (UTF-8): nada foi feito.",
            ),
            Onb::CmdPrivacy => s(
                "A contact's personal data: export it or erase it (admins, LGPD)",
                "Dados pessoais de um contato: exportar ou apagar (administradores, LGPD)",
            ),
            Onb::CmdPrivacyExport => s(
                "Everything held about a contact, as JSON (admins)",
                "Tudo o que se guarda sobre um contato, em JSON (administradores)",
            ),
            Onb::CmdPrivacyErase => s(
                "Erase a contact's name, email, phone and title everywhere (admins)",
                "Apaga nome, e-mail, telefone e cargo de um contato em todo lugar (administradores)",
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
            Onb::ArgPage => {
                s("Which page of a long list (25 a page)", "Qual página de uma lista longa (25 por página)")
            }
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
            Onb::AttachmentUnreadable => s(
                "The attached file could not be read from Discord: attach it again.",
                "Não foi possível ler o arquivo anexado no Discord: anexe-o de novo.",
            ),
            Onb::FileTooBig { max_mb } => p(
                format!("The file is larger than {max_mb} MB: import it with kam-bot import on the bot's machine."),
                format!("O arquivo passa de {max_mb} MB: importe-o com kam-bot import na máquina do bot."),
            ),
            Onb::ImportNotYours => s(
                "Only the admin who checked this file can import it.",
                "Só o administrador que conferiu este arquivo pode importá-lo.",
            ),
            Onb::ImportExpired => s(
                "This check is too old to import: attach the file to /import again.",
                "Esta conferência é antiga demais para importar: anexe o arquivo ao /import de novo.",
            ),
            Onb::MissingSubcommand { usage } => {
                let (name, words) = (usage.name(), usage.subcommand_names().join(", "));
                p(
                    format!("Say what /{name} should do: {words}. /help {name} shows how."),
                    format!("Diga o que /{name} deve fazer: {words}. /help {name} mostra como."),
                )
            }
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
                "--why explica um motivo: informe também --reason potential|technology|profitability|strategic.",
            ),
            Onb::AccountAdded { name } => p(format!("Added {name}"), format!("Conta {name} adicionada")),
            Onb::SeeCard { name } => {
                p(format!("/account {name} shows the card"), format!("/account {name} mostra o cartão"))
            }
            Onb::AccountChanged { name, field } => {
                p(format!("{name}: {field} changed"), format!("{name}: {field} alterado"))
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
            Onb::BadFieldValue { field, value } => {
                let accepted = match field.as_str() {
                    "tier" => l.pick("1, 2 or 3", "1, 2 ou 3").to_string(),
                    "cadence" => l.pick("a number of days from 1 to 730", "um número de dias de 1 a 730").to_string(),
                    "suppliers" => accepted(&field, l),
                    _ => {
                        let fields = crate::domain::account::ACCOUNT_FIELDS.join(", ");
                        return p(
                            format!("“{value}” is not a field of an account. Fields: {fields}."),
                            format!("“{value}” não é um campo de conta. Campos: {fields}."),
                        );
                    }
                };
                p(
                    format!("“{value}” is not a valid {field}: use {accepted}."),
                    format!("“{value}” não é um valor válido para {field}: use {accepted}."),
                )
            }
            Onb::AliasUsage => {
                s("Say alias add NAME or alias remove NAME.", "Use alias add NOME ou alias remove NOME.")
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
            Onb::PersonLine { name, role, manager, linked } => {
                let role = role.shown(l);
                let mut line = format!("{name} · {role}");
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
                let role = role.shown(l);
                p(format!("Added {name} ({role})"), format!("{name} adicionado(a) ({role})"))
            }
            Onb::LinkHint { name } => p(
                format!("When they use the bot, /people link \"{name}\" @user ties them to their chat user."),
                format!(
                    "Quando a pessoa usar o bot, /people link \"{name}\" @usuário liga a pessoa ao usuário do chat."
                ),
            ),
            Onb::PeopleSetNothing => s(
                "Say what to change: --role, --manager or --name.",
                "Diga o que alterar: --role, --manager ou --name.",
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
            Onb::ImportProblem { line, column, problem } => {
                let text = problem_text(problem, l);
                match column {
                    Some(c) => {
                        p(format!("line {line}, column “{c}”: {text}"), format!("linha {line}, coluna “{c}”: {text}"))
                    }
                    None => p(format!("line {line}: {text}"), format!("linha {line}: {text}")),
                }
            }
            Onb::ImportSummary { kind, created, updated, unchanged, rejected, dry_run, written } => {
                let (en_head, pt_head) = match (dry_run, written) {
                    (true, _) => ("Dry run, nothing written", "Simulação, nada gravado"),
                    (false, true) => ("Imported", "Importado"),
                    (false, false) => ("Not imported", "Não importado"),
                };
                p(
                    format!(
                        "{en_head} ({kind}): {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected."
                    ),
                    format!(
                        "{pt_head} ({kind}): {created} criados, {updated} atualizados, {unchanged} sem mudança, {rejected} recusados."
                    ),
                )
            }
            Onb::ImportCreated { name } => p(format!("+ {name}"), format!("+ {name}")),
            Onb::ImportUpdated { name, fields } => {
                let fields = fields.join(", ");
                p(format!("~ {name}: {fields}"), format!("~ {name}: {fields}"))
            }
            Onb::AndMore { count } => p(format!("… and {count} more"), format!("… e mais {count}")),
            Onb::ImportNewPeople { names, more } => {
                let mut names = names.join(", ");
                if more > 0 {
                    names.push_str(&l.pick(format!(" and {more} more"), format!(" e mais {more}")));
                }
                p(
                    format!("New people, not linked to a chat user yet (/people link ties them): {names}"),
                    format!("Pessoas novas, ainda sem usuário do chat (/people link faz a ligação): {names}"),
                )
            }
            Onb::ImportIgnored { columns } => {
                let columns = columns.join(", ");
                p(
                    format!("Columns not read (--map COLUMN=FIELD reads one): {columns}"),
                    format!("Colunas não lidas (--map COLUNA=CAMPO lê uma): {columns}"),
                )
            }
            Onb::ImportNothingWritten { rejected } => p(
                format!("Nothing was written: fix the {rejected} row(s) above and import the file again."),
                format!("Nada foi gravado: corrija a(s) {rejected} linha(s) acima e importe o arquivo de novo."),
            ),
            Onb::ImportSecondRun => s(
                "Nothing changed: every row matches what the workspace already holds.",
                "Nada mudou: todas as linhas já correspondem ao que o espaço tem.",
            ),
            Onb::ReadFailed { file, error } => match error {
                ReadError::Unreadable(why) => {
                    p(format!("Cannot read {file}: {why}"), format!("Não foi possível ler {file}: {why}"))
                }
                ReadError::NoSuchSheet { sheet, sheets } => {
                    let sheets = sheets.join(", ");
                    p(
                        format!("{file} has no sheet “{sheet}”. Sheets: {sheets}."),
                        format!("{file} não tem a planilha “{sheet}”. Planilhas: {sheets}."),
                    )
                }
                ReadError::Empty => p(format!("{file} has no rows."), format!("{file} não tem linhas.")),
                ReadError::Malformed { line, reason } => p(
                    format!("{file} is not valid CSV at line {line}: {reason}"),
                    format!("{file} não é um CSV válido na linha {line}: {reason}"),
                ),
                ReadError::TooLarge { limit, line } => {
                    let (en, pt) = limit_words(limit);
                    let (at_en, at_pt) = if line > 0 {
                        (format!(" (at line {line})"), format!(" (na linha {line})"))
                    } else {
                        Default::default()
                    };
                    p(
                        format!("{file} was not imported: {en}{at_en}. Split it into smaller files."),
                        format!("{file} não foi importado: {pt}{at_pt}. Divida-o em arquivos menores."),
                    )
                }
                ReadError::MixedEncoding { utf8_line, other_line } => p(
                    format!(
                        "{file} mixes two encodings (UTF-8 at line {utf8_line}, Windows-1252 at line {other_line}): \
                         save it again as “CSV UTF-8” and import it."
                    ),
                    format!(
                        "{file} mistura duas codificações (UTF-8 na linha {utf8_line}, Windows-1252 na linha \
                         {other_line}): salve de novo como “CSV UTF-8” e importe."
                    ),
                ),
                ReadError::UnsupportedWorkbook { extension } => p(
                    format!("{file}: .{extension} workbooks are not read. Save it as .xlsx or CSV and import that."),
                    format!("{file}: planilhas .{extension} não são lidas. Salve como .xlsx ou CSV e importe."),
                ),
            },
            Onb::MapFailed { error } => match error {
                MapError::NoSuchColumn { column, headers } => {
                    let headers = headers.join(", ");
                    p(
                        format!("--map names a column “{column}” the file does not have. Columns: {headers}."),
                        format!("--map cita uma coluna “{column}” que o arquivo não tem. Colunas: {headers}."),
                    )
                }
                MapError::NoSuchField { field, fields } => {
                    let fields = fields.join(", ");
                    p(
                        format!("--map names a field “{field}” that does not exist. Fields: {fields}, or ignore."),
                        format!("--map cita um campo “{field}” que não existe. Campos: {fields} ou ignore."),
                    )
                }
                MapError::BadMap { given } => p(
                    format!("--map takes COLUMN=FIELD, not “{given}”."),
                    format!("--map recebe COLUNA=CAMPO, não “{given}”."),
                ),
                MapError::Missing { field } => p(
                    format!("No column holds the {field}: name one with --map COLUMN={field}."),
                    format!("Nenhuma coluna traz o campo {field}: indique uma com --map COLUNA={field}."),
                ),
            },
            Onb::Exported { kind, rows, file } => p(
                format!("Exported {rows} {kind} to {file}."),
                format!("{rows} registros de {kind} exportados para {file}."),
            ),
            Onb::EmptyWorkspace => s(
                "No accounts yet. Add one with /account add NAME --tier 1 --owner PERSON, or import the team's portfolio from a CSV or Excel file: kam-bot import accounts FILE (see the README). /help lists every command.",
                "Nenhuma conta ainda. Adicione uma com /account add NOME --tier 1 --owner PESSOA ou importe a carteira da equipe de um arquivo CSV ou Excel: kam-bot import accounts ARQUIVO (veja o README). /help lista todos os comandos.",
            ),
        }
    }
}

/// A bound of a file (see `transfer::table`) in words, in English and Portuguese.
fn limit_words(limit: crate::domain::import_errors::Limit) -> (String, String) {
    use crate::domain::import_errors::Limit;
    let mb = |bytes: u64| bytes / 1024 / 1024;
    match limit {
        Limit::FileBytes(max) => (format!("it is larger than {} MB", mb(max)), format!("ele passa de {} MB", mb(max))),
        Limit::Unzipped(max) => (
            format!("the workbook holds more than {} MB once decompressed", mb(max)),
            format!("a planilha passa de {} MB descompactada", mb(max)),
        ),
        Limit::ZipEntries(max) => {
            (format!("the workbook has more than {max} parts"), format!("a planilha tem mais de {max} partes"))
        }
        Limit::Cells(max) => {
            (format!("it has more than {max} filled cells"), format!("ele tem mais de {max} células preenchidas"))
        }
        Limit::Rows(max) => (format!("it has more than {max} rows"), format!("ele tem mais de {max} linhas")),
        Limit::Columns(max) => {
            (format!("a row has more than {max} columns"), format!("uma linha tem mais de {max} colunas"))
        }
    }
}
