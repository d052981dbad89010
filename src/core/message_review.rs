//! Every message of the catalog rendered in both languages with sample values: each area's every
//! variant, and every value of the lists a message words (kinds, stages, tiers, flags, import
//! problems…). The Portuguese texts are checked against English words, the English ones against
//! Portuguese words, and none may be empty or unchanged between the languages when it has words.

use strum::IntoEnumIterator;

use crate::domain::account::{Band, Reason, Role, Tier};
use crate::domain::change::ChangeKind;
use crate::domain::health::{Component, Flag};
use crate::domain::import_errors::{MapError, Problem, ReadError};
use crate::domain::kind::{InteractionKind, MeetingKind};
use crate::domain::pipeline::Stage;
use crate::i18n::pt_review::english_in;
use crate::i18n::*;

/// A command for messages that name one.
impl Default for Usage {
    fn default() -> Usage {
        Usage(&crate::core::commands::log::SPEC)
    }
}

/// An argument for messages that name one.
impl Default for Arg {
    fn default() -> Arg {
        Arg(&crate::core::commands::log::SPEC.args[0])
    }
}

/// Every variant of every area, with sample values, and each list's every value in a message that
/// words it.
fn every_message() -> Vec<Msg> {
    let mut all: Vec<Msg> = Vec::new();
    all.extend(Onb::iter().map(Msg::Onb));
    all.extend(HelpMsg::iter().map(Msg::Help));
    all.extend(ImportMsg::iter().map(Msg::Import));
    all.extend(InputMsg::iter().map(Msg::Input));
    all.extend(CaptureMsg::iter().map(Msg::Capture));
    all.extend(CardMsg::iter().map(Msg::Card));
    all.extend(LogMsg::iter().map(Msg::Log));
    all.extend(PlanMsg::iter().map(Msg::Plan));
    all.extend(DealMsg::iter().map(Msg::Deals));
    all.extend(HealthMsg::iter().map(Msg::Health));
    all.extend(MeetingMsg::iter().map(Msg::Meetings));
    all.extend(DigestMsg::iter().map(Msg::Digest));
    all.extend(ReminderMsg::iter().map(Msg::Reminders));
    all.extend(TaskMsg::iter().map(Msg::Tasks));
    all.extend(PeopleMsg::iter().map(Msg::People));
    all.extend(CliMsg::iter().map(Msg::Cli));
    all.extend(ChatMsg::iter().map(Msg::Chat));
    // The lists a message words, value by value.
    all.extend(InteractionKind::iter().map(|k| Msg::Chat(ChatMsg::KindName(k))));
    all.extend(Tier::iter().map(|t| Msg::Chat(ChatMsg::TierName(t))));
    all.extend(Reason::iter().map(|r| Msg::Card(CardMsg::ReasonName(r))));
    all.extend(Band::iter().map(|b| Msg::Card(CardMsg::BandName(b))));
    all.extend(Flag::iter().map(|f| Msg::Card(CardMsg::FlagReason(f))));
    all.extend(Flag::iter().map(|f| Msg::Card(CardMsg::FlagReason(with_samples(f)))));
    all.extend(Stage::iter().map(|s| Msg::Deals(DealMsg::StageName(s))));
    all.extend(Component::iter().map(|c| Msg::Health(HealthMsg::ComponentName(c))));
    all.extend(MeetingKind::iter().map(|k| Msg::Meetings(MeetingMsg::MeetingKind(k))));
    all.extend(
        MeetingKind::iter().map(|kind| Msg::Meetings(MeetingMsg::MeetingScheduled { kind, account: "Vale".into() })),
    );
    all.extend(ChangeKind::iter().map(|kind| Msg::Digest(DigestMsg::DigestChange { kind, items: "Vale".into() })));
    for role in Role::iter() {
        all.push(Msg::Onb(Onb::PersonLine {
            name: "Ana Souza".into(),
            title: Some("KAM".into()),
            role,
            manager: Some("Marina Costa".into()),
            linked: false,
        }));
        all.push(Msg::Onb(Onb::PersonAdded { name: "Ana Souza".into(), role }));
        all.push(Msg::Cli(CliMsg::RoleSet { name: "Ana Souza".into(), role }));
    }
    for code in ["decision_maker", "influencer", "champion", "user", "gatekeeper"] {
        all.push(Msg::People(PeopleMsg::DecisionRole(code.into())));
    }
    for code in ["champion", "supporter", "neutral", "detractor"] {
        all.push(Msg::People(PeopleMsg::StanceName(code.into())));
    }
    all.extend(Problem::iter().map(|problem| Msg::Import(ImportMsg::ImportProblem { line: 2, column: None, problem })));
    for field in ["name", "tier", "owner", "email", "role", "stance", "status", "review"] {
        let problem = Problem::BadValue { field, value: "x".into() };
        all.push(Msg::Import(ImportMsg::ImportProblem { line: 2, column: None, problem }));
        all.push(Msg::Import(ImportMsg::ImportProblem { line: 2, column: None, problem: Problem::Missing { field } }));
        all.push(Msg::Onb(Onb::BadFieldValue { field: field.into(), value: "x".into() }));
    }
    for field in crate::domain::account::ACCOUNT_FIELDS {
        all.push(Msg::Onb(Onb::AccountChanged { name: "Vale".into(), field: field.to_string() }));
    }
    all.extend(MapError::iter().map(|error| Msg::Import(ImportMsg::MapFailed { error })));
    all.extend(ReadError::iter().map(|error| Msg::Import(ImportMsg::ReadFailed { file: "a.csv".into(), error })));
    for kind in ["accounts", "contacts", "people"] {
        for dry_run in [true, false] {
            all.push(Msg::Import(ImportMsg::ImportSummary {
                kind,
                created: 1,
                updated: 2,
                unchanged: 3,
                rejected: 0,
                dry_run,
                written: !dry_run,
            }));
        }
        all.push(Msg::Import(ImportMsg::Exported { kind, rows: 3, file: "a.csv".into() }));
    }
    for last_contact_days in [None, Some(0), Some(1), Some(12)] {
        all.push(Msg::Card(CardMsg::PortfolioLine {
            tier: Tier::Strategic,
            name: "Vale".into(),
            owner: Some("Ana Souza".into()),
            share: Some("18,0%".into()),
            last_contact_days,
            contact_overdue: true,
            planning_overdue: true,
        }));
    }
    all
}

/// A flag with numbers other than zero, so plural forms are rendered too.
fn with_samples(flag: Flag) -> Flag {
    match flag {
        Flag::NegativeTone { .. } => Flag::NegativeTone { count: 3 },
        Flag::Silent { .. } => Flag::Silent { days: Some(70), cadence: 30 },
        Flag::ReviewOverdue { .. } => Flag::ReviewOverdue { days: 1 },
        Flag::OverCeiling { .. } => Flag::OverCeiling { share_bp: 7400, ceiling_bp: 7000 },
        Flag::CompetitorAhead { .. } => Flag::CompetitorAhead { name: "Metso".into(), share_bp: 3000, ours_bp: 1800 },
        Flag::TooManySuppliers { .. } => Flag::TooManySuppliers { count: 4, kept: 3 },
        Flag::LateCommitments { .. } => Flag::LateCommitments { count: 2 },
        other => other,
    }
}

/// Portuguese words that have no place in an English text.
const PORTUGUESE: &[&str] = &[
    "não",
    "nao",
    "conta",
    "contas",
    "contato",
    "contatos",
    "reunião",
    "reuniões",
    "próximo",
    "próxima",
    "prazo",
    "dias",
    "hoje",
    "amanhã",
    "ontem",
    "semana",
    "ano",
    "com",
    "sem",
    "para",
    "pela",
    "pelo",
    "uma",
    "um",
    "de",
    "da",
    "das",
    "dos",
    "em",
    "na",
    "nas",
    "nos",
    "é",
    "está",
    "até",
    "ou",
    "nível",
    "participação",
    "gasto",
    "receita",
    "teto",
    "saúde",
    "resumo",
    "pessoa",
    "pessoas",
    "equipe",
    "gestor",
    "vendas",
    "oportunidade",
    "oportunidades",
    "concorrente",
    "concorrentes",
    "ameaça",
    "meta",
    "metas",
    "plano",
    "registrado",
    "registrada",
    "arquivo",
    "linha",
    "coluna",
    "campo",
    "valor",
    "nenhum",
    "nenhuma",
    "ainda",
    "mais",
    "você",
    "seu",
    "sua",
];

/// The words of a text outside commands (`/log`), options (`--due`) and quotes.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || ",;:.!?()[]{}“”\"·•→↑↓|=+…".contains(c)) {
        if token.starts_with('/') || token.starts_with("--") || token.contains('_') || token.contains('@') {
            continue;
        }
        let word = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

fn portuguese_in(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| PORTUGUESE.contains(&w.as_str())).collect()
}

#[test]
fn every_message_renders_in_both_languages_without_the_other_languages_words() {
    let all = every_message();
    assert!(all.len() > 500, "only {} messages rendered", all.len());
    let mut problems = Vec::new();
    for msg in &all {
        let en = msg.clone().render(Locale::En);
        let pt = msg.clone().render(Locale::PtBr);
        // A message that is only its values (a step's text) renders empty from empty samples.
        if en.trim().is_empty() != pt.trim().is_empty() {
            problems.push(format!("{msg:?}: empty (en “{en}”, pt “{pt}”)"));
            continue;
        }
        let english = english_in(&pt);
        if !english.is_empty() {
            problems.push(format!("{msg:?}: English {english:?} in “{pt}”"));
        }
        let portuguese = portuguese_in(&en);
        if !portuguese.is_empty() {
            problems.push(format!("{msg:?}: Portuguese {portuguese:?} in “{en}”"));
        }
    }
    println!("{} messages rendered in both languages", all.len());
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_newcomer_phrases_are_gone() {
    let pt: Vec<String> = every_message().into_iter().map(|m| m.render(Locale::PtBr)).collect();
    for phrase in [
        "até o teto  ",
        "contato há 0",
        " 0 pontos",
        "T1 ·",
        "Importado (",
        "(accounts)",
        "(people)",
        "valor válido para tier",
        "vendedor ·",
        "· gestor",
        "· decisor",
        "· apoiador",
        "adicionado a",
        "1 positivas",
        "1 ganhas",
        "Sem contato há 90 dias",
    ] {
        let found: Vec<&String> = pt.iter().filter(|t| t.contains(phrase)).collect();
        assert!(found.is_empty(), "“{phrase}” still in {found:?}");
    }
}
