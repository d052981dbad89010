//! What help and the platforms' command lists say: commands, arguments, placeholders.

use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum HelpMsg {
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
    ArgPage,
    CmdPrivacy,
    CmdPrivacyExport,
    CmdPrivacyErase,
    // Command and argument descriptions (help, Discord registration).
    CmdAccount,
    CmdAccounts,
    CmdLog,
    CmdHistory,
    CmdHelp,
    CmdLanguage,
    CmdPeople,
    ArgPerson,
    ArgRole,
    ArgAccountName,
    ArgAccount,
    ArgTier,
    ArgOwner,
    ArgKind,
    ArgSummary,
    ArgContact,
    ArgNext,
    ArgDue,
    ArgWhen,
    ArgTone,
    ArgCount,
    ArgCommand,
    ArgLanguage,
    // Placeholders in usage lines.
    PhAccount,
    PhPerson,
    PhKind,
    PhDate,
    PhNumber,
    PhNamed(&'static str),
    // Help.
    HelpTitle,
    HelpFooter,
    HelpExample { example: &'static str },
    HelpKinds,
    HelpDates,
    HelpRequired,
    HelpOptional,
    CmdOpp,
    ArgOppClose,
    ArgOppReason,
    CmdQualify,
    ArgQualifyAccount,
    ArgPotential,
    ArgLeadership,
    ArgProfitability,
    ArgFit,
    ArgOurStrength,
    CmdReview,
    ArgReviewObjectives,
    ArgReviewValue,
    ArgReviewChanges,
    ArgReviewDepth,
    ArgRating,
    ArgNextObjectives,
    CmdPlan,
    ArgPlanAction,
    ArgPlanWhat,
    ArgPlanText,
    ArgGoalOwner,
    ArgGoalDue,
    ArgPlanYear,
    CmdHealth,
    CmdRisks,
    CmdWeights,
    ArgComponent,
    ArgWeight,
    CmdContacts,
    CmdContact,
    CmdCompetitors,
    CmdCompetitor,
    CmdWallet,
    ArgContactName,
    ArgTitle,
    ArgDepartment,
    ArgDecisionRole,
    ArgStance,
    ArgStrength,
    ArgEmail,
    ArgPhone,
    ArgCompetitorName,
    ArgShare,
    ArgThreat,
    ArgNote,
    ArgSpend,
    ArgRevenue,
    ArgPeriod,
    CmdMeeting,
    CmdMeetings,
    CmdDigest,
    CmdSchedule,
    ArgMeetingWhen,
    ArgMeetingKind,
    ArgWith,
    ArgMine,
    ArgCnpj,
    CmdAccountMerge,
    ArgMergeFrom,
    ArgMergeInto,
    ArgConfirmMerge,
    ArgDays,
    ArgTeam,
    ArgJob,
    ArgScheduleValue,
    PhWhen,
    CmdDone,
    CmdSnooze,
    ArgSnoozeDays,
    ArgDoneMeeting,
    ArgDoneTarget,
    ArgDoneDrop,
    CmdTasks,
    ArgTasksAccount,
    ArgTasksTeam,
    CmdPrep,
    ArgReviewYear,
    ArgWalletRemove,
    ArgDigestFull,
}

impl HelpMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        use Locale::{En, PtBr};
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            HelpMsg::CmdAccountsGroup => {
                s("List, add and change key accounts", "Lista, adiciona e altera contas-chave")
            }
            HelpMsg::CmdAccountAdd => {
                s("Add a key account (managers and admins)", "Adiciona uma conta-chave (gestores e administradores)")
            }
            HelpMsg::CmdAccountSet => s("Change one field of an account", "Altera um campo de uma conta"),
            HelpMsg::CmdAccountArchive => s(
                "Archive an account: kept with its history, out of lists and reminders",
                "Arquiva uma conta: guardada com o histórico, fora de listas e lembretes",
            ),
            HelpMsg::CmdAccountMerge => s(
                "Merge a duplicate into another account: all moves, its name an alias (managers and admins)",
                "Junta uma conta duplicada a outra; o nome dela vira apelido (gestores e administradores)",
            ),
            HelpMsg::ArgMergeFrom => s("The duplicate, which goes away", "A duplicada, que deixa de existir"),
            HelpMsg::ArgMergeInto => s("The account that stays", "A conta que fica"),
            HelpMsg::ArgConfirmMerge => s(
                "Merge now (without it, see what would move)",
                "Juntar agora (sem isso, mostra o que seria transferido)",
            ),
            HelpMsg::CmdAccountRestore => s("Bring an archived account back", "Traz de volta uma conta arquivada"),
            HelpMsg::ArgNewAccountName => s("The account's name", "O nome da conta"),
            HelpMsg::ArgTierSet => {
                s("1 strategic, 2 key (default), 3 maintain", "1 estratégica, 2 chave (padrão), 3 manutenção")
            }
            HelpMsg::ArgOwnerSet => s("Who owns it (default: you)", "Quem é o responsável (padrão: você)"),
            HelpMsg::ArgTech => s("Our technical manager for it", "O nosso gerente técnico da conta"),
            HelpMsg::ArgSegment => {
                s("The customer's segment, e.g. Mining", "O segmento do cliente, por exemplo Mineração")
            }
            HelpMsg::ArgSpendSet => s(
                "The customer's yearly spend in our category, e.g. 180M",
                "O gasto anual do cliente na nossa categoria, por exemplo 180M",
            ),
            HelpMsg::ArgRevenueSet => s(
                "Our revenue there over 12 months, e.g. 32,4M",
                "A nossa receita na conta em 12 meses, por exemplo 32,4M",
            ),
            HelpMsg::ArgMargin => {
                s("Our margin or price premium, e.g. 12%", "A nossa margem ou prêmio de preço, por exemplo 12%")
            }
            HelpMsg::ArgCeiling => {
                s("Share-of-wallet ceiling (default 70%)", "Teto de participação na carteira (padrão 70%)")
            }
            HelpMsg::ArgCadence => s(
                "Days between planning meetings (default by tier)",
                "Dias entre reuniões de planejamento (padrão pelo nível)",
            ),
            HelpMsg::ArgReviewDate => s("The date of the yearly review", "A data da revisão anual"),
            HelpMsg::ArgReason => s(
                "Why it is key: potential, technology, profitability or strategic",
                "Por que é chave: potential, technology, profitability ou strategic",
            ),
            HelpMsg::ArgWhy => s(
                "A note on the reason (or quote it right after --reason)",
                "Uma nota sobre o motivo (ou entre aspas logo após --motivo)",
            ),
            HelpMsg::ArgAlias => s("Another name people use for it", "Outro nome pelo qual a conta é conhecida"),
            HelpMsg::ArgCnpj => {
                s("The company's CNPJ (check digits verified)", "O CNPJ da empresa (dígitos verificadores conferidos)")
            }
            HelpMsg::ArgField => s("The field to change", "O campo a alterar"),
            HelpMsg::ArgValue => s(
                "The new value (none clears; alias/reason: add or remove first)",
                "O novo valor (none apaga; alias/reason: add ou remove antes)",
            ),
            HelpMsg::ArgApply => s("Set the suggested tier", "Aplica o nível sugerido"),
            HelpMsg::CmdOppList => {
                s("An account's opportunities and conversion", "As oportunidades e a conversão de uma conta")
            }
            HelpMsg::CmdOppAdd => s("Add an opportunity", "Adiciona uma oportunidade"),
            HelpMsg::CmdOppMove => s("Move an opportunity to another stage", "Move uma oportunidade para outra etapa"),
            HelpMsg::ArgOppTitle => s("What is being sold", "O que está sendo vendido"),
            HelpMsg::ArgOppValue => s("Its value, e.g. 2,5M", "O valor, por exemplo 2,5M"),
            HelpMsg::ArgOppId => s("The opportunity's number", "O número da oportunidade"),
            HelpMsg::ArgStage => p(
                crate::domain::vocabulary::STAGES.listed(Locale::En, ", "),
                crate::domain::vocabulary::STAGES.listed(Locale::PtBr, ", "),
            ),
            HelpMsg::CmdPeopleList => s(
                "The people of the workspace, their role and manager",
                "As pessoas do espaço, o papel e o gestor de cada uma",
            ),
            HelpMsg::CmdPeopleAdd => s(
                "Add a person before they use the bot (admins)",
                "Adiciona uma pessoa antes de ela usar o bot (administradores)",
            ),
            HelpMsg::CmdPeopleSet => s(
                "Change a person's role, manager or name (admins)",
                "Altera o papel, o gestor ou o nome de uma pessoa (administradores)",
            ),
            HelpMsg::CmdPeopleRole => {
                s("Give a person a role (admins)", "Define o papel de uma pessoa (administradores)")
            }
            HelpMsg::CmdPeopleRemove => s(
                "Remove a person, handing their accounts over (admins)",
                "Remove uma pessoa e repassa as contas dela (administradores)",
            ),
            HelpMsg::CmdPeopleLink => s(
                "Tie a person to their chat user (admins)",
                "Liga uma pessoa ao seu usuário do chat (administradores)",
            ),
            HelpMsg::ArgPersonName => s("The person's full name", "O nome completo da pessoa"),
            HelpMsg::ArgManager => s("Their manager", "O gestor da pessoa"),
            HelpMsg::ArgManagerSet => s("Their manager (none: nobody)", "O gestor da pessoa (none: ninguém)"),
            HelpMsg::ArgPersonNewName => s("Their new name", "O novo nome"),
            HelpMsg::ArgHandTo => s(
                "Who takes over their accounts and open opportunities",
                "Quem assume as contas e as oportunidades abertas",
            ),
            HelpMsg::ArgUser => s("The chat user (a mention)", "O usuário do chat (uma menção)"),
            HelpMsg::CmdContactAdd => s("Add a contact to an account", "Adiciona um contato a uma conta"),
            HelpMsg::CmdContactSet => s("Change a contact of an account", "Altera um contato de uma conta"),
            HelpMsg::PhUser => s("user", "usuário"),
            HelpMsg::PhFile => s("file", "arquivo"),
            HelpMsg::CmdImport => s(
                "Import accounts, contacts, people, a CRM's activities or deals from CSV or Excel (admins)",
                "Importa contas, contatos, pessoas, atividades ou negócios de um CSV ou Excel (administradores)",
            ),
            HelpMsg::ArgImportKind => s(
                "What the file holds: accounts, contacts, people, interactions or opportunities",
                "O que o arquivo traz: contas, contatos, pessoas, interações ou oportunidades",
            ),
            HelpMsg::ArgImportFile => s(
                "The CSV or Excel file (a CRM export or the team's sheet)",
                "O arquivo CSV ou Excel (uma exportação do CRM ou a planilha da equipe)",
            ),
            HelpMsg::CmdPrivacy => s(
                "A contact's personal data: export it or erase it (admins, LGPD)",
                "Dados pessoais de um contato: exportar ou apagar (administradores, LGPD)",
            ),
            HelpMsg::CmdPrivacyExport => s(
                "Everything held about a contact, as JSON (admins)",
                "Tudo o que se guarda sobre um contato, em JSON (administradores)",
            ),
            HelpMsg::CmdPrivacyErase => s(
                "Erase a contact's name, email, phone and title everywhere (admins)",
                "Apaga nome, e-mail, telefone e cargo de um contato em todo lugar (administradores)",
            ),
            HelpMsg::ArgPage => {
                s("Which page of a long list (25 a page)", "Qual página de uma lista longa (25 por página)")
            }
            HelpMsg::CmdAccount => s("Show a key account's card", "Mostra o cartão de uma conta-chave"),
            HelpMsg::CmdAccounts => s("List the portfolio of key accounts", "Lista a carteira de contas-chave"),
            HelpMsg::CmdLog => s("Log an interaction with a key account", "Registra uma interação com uma conta-chave"),
            HelpMsg::CmdHistory => {
                s("Show the last interactions with an account", "Mostra as últimas interações com uma conta")
            }
            HelpMsg::CmdHelp => s("List the commands, or explain one", "Lista os comandos ou explica um deles"),
            HelpMsg::ArgAccountName => {
                s("Account name, alias or the start of one", "Nome da conta, apelido ou o começo de um deles")
            }
            HelpMsg::ArgAccount => {
                s("The account (quote names with spaces)", "A conta (nomes com espaços entre aspas)")
            }
            HelpMsg::ArgTier => s(
                "Only this tier: 1 strategic, 2 key, 3 maintain",
                "Só este nível: 1 estratégica, 2 chave, 3 manutenção",
            ),
            HelpMsg::ArgOwner => s("Only accounts owned by this person", "Só as contas desta pessoa"),
            HelpMsg::ArgKind => s(
                "meeting, call, visit, email, note, planning or review",
                "reunião, ligação, visita, email, nota, planejamento ou revisão",
            ),
            HelpMsg::ArgSummary => s("What happened", "O que aconteceu"),
            HelpMsg::ArgContact => s(
                "The customer's people involved, separated by commas",
                "As pessoas do cliente envolvidas, separadas por vírgulas",
            ),
            HelpMsg::ArgNext => s("The agreed next step", "O próximo passo combinado"),
            HelpMsg::ArgDue => s("When the next step is due", "O prazo do próximo passo"),
            HelpMsg::ArgWhen => s("When it happened (default: now)", "Quando aconteceu (padrão: agora)"),
            HelpMsg::ArgTone => p(
                format!("How it went: {}", crate::domain::vocabulary::TONES.listed(Locale::En, ", ")),
                format!("Como foi: {}", crate::domain::vocabulary::TONES.listed(Locale::PtBr, ", ")),
            ),
            HelpMsg::ArgCount => s("How many (default 10, at most 50)", "Quantas (padrão 10, no máximo 50)"),
            HelpMsg::ArgCommand => s("A command to explain", "Um comando a explicar"),
            HelpMsg::CmdLanguage => s(
                "Show or choose the language the bot answers you in",
                "Mostra ou escolhe o idioma em que o bot responde a você",
            ),
            HelpMsg::CmdPeople => s(
                "List the people of the workspace, or give one a role (admins)",
                "Lista as pessoas do espaço ou define o papel de uma (administradores)",
            ),
            HelpMsg::ArgPerson => s("The person", "A pessoa"),
            HelpMsg::ArgRole => p(
                crate::domain::vocabulary::ROLES.listed(Locale::En, ", "),
                crate::domain::vocabulary::ROLES.listed(Locale::PtBr, ", "),
            ),
            HelpMsg::ArgLanguage => s("en (English) or pt-BR (português)", "en (English) ou pt-BR (português)"),
            HelpMsg::PhAccount => s("account", "conta"),
            HelpMsg::PhPerson => s("person", "pessoa"),
            HelpMsg::PhKind => s("kind", "tipo"),
            HelpMsg::PhDate => s("date", "data"),
            HelpMsg::PhNumber => s("n", "n"),
            HelpMsg::PhNamed(name) => match (name, l) {
                ("summary", En) => "summary".into(),
                ("summary", PtBr) => "resumo".into(),
                ("contact", En) => "name".into(),
                ("contact", PtBr) => "nome".into(),
                ("command", En) => "command".into(),
                ("command", PtBr) => "comando".into(),
                ("name", En) => "name".into(),
                ("name", PtBr) => "nome".into(),
                ("role", En) => "role".into(),
                ("role", PtBr) => "papel".into(),
                ("action", En) => "action".into(),
                ("action", PtBr) => "ação".into(),
                ("job", En) => "job".into(),
                ("component", En) => "component".into(),
                ("component", PtBr) => "componente".into(),
                ("job", PtBr) => "tarefa".into(),
                ("value", En) => "value".into(),
                ("what", En) => "what".into(),
                ("title", En) => "title".into(),
                ("title", PtBr) => "título".into(),
                ("id", _) => "id".into(),
                ("stage", En) => "stage".into(),
                ("stage", PtBr) => "etapa".into(),
                ("field", En) => "field".into(),
                ("field", PtBr) => "campo".into(),
                ("what", PtBr) => "o-quê".into(),
                ("value", PtBr) => "valor".into(),
                ("from", En) => "from".into(),
                ("from", PtBr) => "origem".into(),
                ("into", En) => "into".into(),
                ("into", PtBr) => "destino".into(),
                (_, En) => "text".into(),
                (_, PtBr) => "texto".into(),
            },

            HelpMsg::HelpTitle => s("kam-bot commands", "Comandos do kam-bot"),
            HelpMsg::HelpFooter => s("/help COMMAND explains one.", "/help COMANDO explica um deles."),
            HelpMsg::HelpExample { example } => p(format!("Example: {example}"), format!("Exemplo: {example}")),
            HelpMsg::HelpKinds => s(
                "Kinds: meeting, call, visit, email, note, planning (planning meeting), review (yearly review); Portuguese words work too.",
                "Tipos: reunião, ligação, visita, email, nota, planejamento (reunião de planejamento), revisão (revisão anual); palavras em inglês também valem.",
            ),
            HelpMsg::HelpDates => s(
                "Dates: 2026-12-10, 10/12/2026, today, yesterday, tomorrow.",
                "Datas: 10/12/2026, 2026-12-10, hoje, ontem, amanhã.",
            ),
            HelpMsg::HelpRequired => s("required", "obrigatório"),
            HelpMsg::HelpOptional => s("optional", "opcional"),

            HelpMsg::ArgDigestFull => s("Every account in detail", "Cada conta em detalhe"),
            HelpMsg::CmdMeeting => s("Schedule a meeting with a key account", "Agenda uma reunião com uma conta-chave"),
            HelpMsg::CmdMeetings => s("List the meetings to come", "Lista as próximas reuniões"),
            HelpMsg::CmdDigest => {
                s("A manager's weekly portfolio digest, now", "O resumo semanal da carteira de um gestor, agora")
            }
            HelpMsg::CmdSchedule => s(
                "Show the reminder and digest schedules, or change one (admins)",
                "Mostra os horários de lembretes e resumos, ou muda um (administradores)",
            ),
            HelpMsg::ArgMeetingWhen => {
                s("Day and time: 2026-12-10 14:00, 10/12/2026 14h30", "Dia e hora: 10/12/2026 14h30, 2026-12-10 14:00")
            }
            HelpMsg::ArgMeetingKind => p(
                format!("{} (default: planning)", crate::domain::vocabulary::MEETING_KINDS.listed(Locale::En, ", ")),
                format!(
                    "{} (padrão: planejamento)",
                    crate::domain::vocabulary::MEETING_KINDS.listed(Locale::PtBr, ", ")
                ),
            ),
            HelpMsg::ArgWith => s(
                "The customer's contacts attending, separated by commas",
                "Os contatos do cliente presentes, separados por vírgulas",
            ),
            HelpMsg::ArgMine => s("Only meetings with my accounts", "Só reuniões com as minhas contas"),
            HelpMsg::ArgDays => s("How many days ahead (default 14)", "Quantos dias à frente (padrão 14)"),
            HelpMsg::ArgTeam => {
                s("The manager whose team to show (default: you)", "O gestor cuja equipe mostrar (padrão: você)")
            }
            HelpMsg::ArgJob => s("The job, timezone, or holiday", "A tarefa, timezone ou holiday (feriados)"),
            HelpMsg::ArgScheduleValue => s(
                "A cron line (0 8 * * 1 = Mondays 08:00), off, on, a time zone, or add|remove DATE [NAME] for a day off",
                "Uma linha cron (0 8 * * 1 = segundas 08:00), off, on, um fuso horário, ou add|remove DATA [NOME] para um feriado",
            ),
            HelpMsg::PhWhen => s("when", "quando"),
            HelpMsg::CmdDone => s(
                "Mark a commitment as done, by its number or its account's name (it logs that it was done)",
                "Marca um compromisso como feito, pelo número ou pelo nome da conta (registra que foi feito)",
            ),
            HelpMsg::ArgDoneTarget => s(
                "A commitment's number (as /tasks shows it), or an account with one open",
                "O número de um compromisso (como o /tasks mostra) ou uma conta com um em aberto",
            ),
            HelpMsg::ArgDoneDrop => s(
                "Drop it instead: it will not be done (nothing is logged)",
                "Descarta em vez disso: não vai ser feito (nada é registrado)",
            ),
            HelpMsg::CmdTasks => s(
                "Open commitments: yours, your team's (--team) or an account's, the soonest due first",
                "Compromissos em aberto: os seus, os da sua equipe (--equipe) ou os de uma conta, o prazo mais próximo primeiro",
            ),
            HelpMsg::ArgTasksAccount => s("Only this account's, whoever holds them", "Só os desta conta, de quem for"),
            HelpMsg::ArgTasksTeam => s(
                "Your team's: everyone who reports to you, directly or not",
                "Os da sua equipe: todos que respondem a você, direta ou indiretamente",
            ),
            HelpMsg::CmdSnooze => s(
                "No reminders about an account for a while (a week unless --days says)",
                "Nenhum lembrete sobre uma conta por um tempo (uma semana, ou --dias)",
            ),
            HelpMsg::ArgSnoozeDays => s("How many days (default 7)", "Quantos dias (padrão 7)"),
            HelpMsg::ArgDoneMeeting => s(
                "A booked meeting's number: it was held (logs it)",
                "O número de uma reunião agendada: foi realizada (registra)",
            ),
            HelpMsg::CmdPrep => s(
                "The brief for the next meeting with an account, on one screen",
                "O resumo para preparar a próxima reunião com uma conta, numa tela",
            ),
            HelpMsg::ArgWalletRemove => s(
                "A period to remove (a year recorded by mistake)",
                "Um período a remover (um ano registrado por engano)",
            ),
            HelpMsg::ArgReviewYear => s("Show the review of that year", "Mostra a revisão daquele ano"),
            HelpMsg::CmdContacts => s("The stakeholder map of an account", "O mapa de contatos de uma conta"),
            HelpMsg::CmdContact => {
                s("Add a contact to an account, or change one", "Adiciona um contato a uma conta, ou altera um")
            }
            HelpMsg::CmdCompetitors => s("The competitors in an account", "Os concorrentes em uma conta"),
            HelpMsg::CmdCompetitor => {
                s("Add or update a competitor in an account", "Adiciona ou atualiza um concorrente em uma conta")
            }
            HelpMsg::CmdWallet => s(
                "Share of wallet over time, or record a period",
                "Participação ao longo do tempo, ou registra um período",
            ),
            HelpMsg::ArgContactName => s("The contact's name", "O nome do contato"),
            HelpMsg::ArgTitle => s("Job title", "Cargo"),
            HelpMsg::ArgDepartment => s("Department", "Departamento"),
            HelpMsg::ArgDecisionRole => p(
                format!("Role in the decision: {}", crate::domain::vocabulary::DECISION_ROLES.listed(Locale::En, ", ")),
                format!("Papel na decisão: {}", crate::domain::vocabulary::DECISION_ROLES.listed(Locale::PtBr, ", ")),
            ),
            HelpMsg::ArgStance => p(
                crate::domain::vocabulary::STANCES.listed(Locale::En, ", "),
                crate::domain::vocabulary::STANCES.listed(Locale::PtBr, ", "),
            ),
            HelpMsg::ArgStrength => s("Relationship strength, 1 to 5", "Força do relacionamento, de 1 a 5"),
            HelpMsg::ArgEmail => s("Email address", "Endereço de email"),
            HelpMsg::ArgPhone => s("Phone number", "Telefone"),
            HelpMsg::ArgCompetitorName => s("The competitor", "O concorrente"),
            HelpMsg::ArgShare => s(
                "Its estimated share of the customer's spend, in %",
                "A sua participação estimada no gasto do cliente, em %",
            ),
            HelpMsg::ArgThreat => p(
                crate::domain::vocabulary::THREATS.listed(Locale::En, ", "),
                crate::domain::vocabulary::THREATS.listed(Locale::PtBr, ", "),
            ),
            HelpMsg::ArgNote => s("A short note", "Uma nota curta"),
            HelpMsg::ArgSpend => s(
                "The customer's spend in our category (120M, 1.500.000,00)",
                "O gasto do cliente na nossa categoria (120M, 1.500.000,00)",
            ),
            HelpMsg::ArgRevenue => s("Our revenue from the customer", "A nossa receita com o cliente"),
            HelpMsg::ArgPeriod => s("The year (default: this year)", "O ano (padrão: este ano)"),
            HelpMsg::CmdHealth => {
                s("An account's health score, component by component", "A saúde de uma conta, componente a componente")
            }
            HelpMsg::CmdRisks => {
                s("The accounts whose health is lowest, and why", "As contas com a saúde mais baixa, e por quê")
            }
            HelpMsg::CmdWeights => s(
                "The weights of the health score, or set one (admins)",
                "Os pesos da saúde, ou muda um (administradores)",
            ),
            HelpMsg::ArgComponent => s("The component to weigh", "O componente a pesar"),
            HelpMsg::ArgWeight => s("Its weight, 0 to 100", "O seu peso, de 0 a 100"),
            HelpMsg::CmdPlan => s(
                "Show or write an account plan and its goals",
                "Mostra ou escreve o plano de uma conta e as suas metas",
            ),
            HelpMsg::ArgPlanAction => s("set a part of the plan, or goal", "definir uma parte do plano, ou meta"),
            HelpMsg::ArgPlanWhat => s(
                "After set: objectives, value, evidence, changes, depth, resources; after goal: add or done",
                "Após definir: objetivos, valor, evidências, mudanças, profundidade, recursos; após meta: adicionar ou concluir",
            ),
            HelpMsg::ArgPlanText => {
                s("The text, the goal, or the goal's number", "O texto, a meta, ou o número da meta")
            }
            HelpMsg::ArgGoalOwner => s("Who owns the goal", "Quem é responsável pela meta"),
            HelpMsg::ArgGoalDue => s("When the goal is due", "O prazo da meta"),
            HelpMsg::ArgPlanYear => s("The plan's year (default: this year)", "O ano do plano (padrão: este ano)"),
            HelpMsg::CmdReview => {
                s("Record the yearly review of an account plan", "Registra a revisão anual do plano de uma conta")
            }
            HelpMsg::ArgReviewObjectives => s(
                "What should our long-term objectives for this account be?",
                "Quais devem ser os nossos objetivos de longo prazo para esta conta?",
            ),
            HelpMsg::ArgReviewValue => {
                s("Are we demonstrating the value they expect?", "Estamos demonstrando o valor que eles esperam?")
            }
            HelpMsg::ArgReviewChanges => s(
                "What should we change next year to improve the relationship?",
                "O que mudar no próximo ano para melhorar o relacionamento?",
            ),
            HelpMsg::ArgReviewDepth => {
                s("Are we deeply embedded in this account?", "Estamos inseridos profundamente nesta conta?")
            }
            HelpMsg::ArgRating => s("How the year went, 1 to 5", "Como foi o ano, de 1 a 5"),
            HelpMsg::ArgNextObjectives => {
                s("Next year's objectives (default: this year's)", "Os objetivos do próximo ano (padrão: os deste ano)")
            }
            HelpMsg::CmdQualify => s(
                "Qualify an account and suggest its tier; alone, the re-tiering list",
                "Qualifica uma conta e sugere o nível; sozinho, a lista de reclassificação",
            ),
            HelpMsg::ArgQualifyAccount => {
                s("The account (none: the re-tiering list)", "A conta (nenhuma: a lista de reclassificação)")
            }
            HelpMsg::ArgPotential => s("Purchase potential, 1 to 5", "Potencial de compra, de 1 a 5"),
            HelpMsg::ArgLeadership => s("Technological leadership, 1 to 5", "Liderança tecnológica, de 1 a 5"),
            HelpMsg::ArgProfitability => s("Profitability, 1 to 5", "Rentabilidade, de 1 a 5"),
            HelpMsg::ArgFit => s("Strategic fit, 1 to 5", "Aderência estratégica, de 1 a 5"),
            HelpMsg::ArgOurStrength => s("Our strength in the account, 1 to 5", "Nossa força na conta, de 1 a 5"),
            HelpMsg::CmdOpp => s(
                "Opportunities: list, add or move through the stages",
                "Oportunidades: lista, adiciona ou move pelas etapas",
            ),
            HelpMsg::ArgOppClose => s("Expected close date", "Data prevista de fechamento"),
            HelpMsg::ArgOppReason => {
                s("Why it was lost (needed for lost)", "Por que foi perdida (obrigatório para perdida)")
            }
        }
    }
}
