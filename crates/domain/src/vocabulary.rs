//! The fixed value lists people type (stages, stances, roles, tones, threats…): each value with
//! its English and Brazilian Portuguese word, so every list accepts both languages and is shown in
//! the reader's.

use crate::locale::Locale;
use crate::text::fold;

/// One value of a list: the code the rest of the bot reads, and the words a person may type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// What the value is stored and passed on as (`negotiation`, `decision_maker`).
    pub code: &'static str,
    /// The English word shown and accepted.
    pub en: &'static str,
    /// The Brazilian Portuguese word shown and accepted.
    pub pt: &'static str,
    /// Other spellings accepted (feminine or masculine forms, synonyms).
    pub also: &'static [&'static str],
}

impl Word {
    /// The word shown to a reader of this language.
    pub fn shown(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::PtBr => self.pt,
        }
    }
}

/// A fixed list of values.
#[derive(Debug, PartialEq, Eq)]
pub struct Vocabulary(pub &'static [Word]);

/// How a typed word is compared: no case, no accents, spaces and hyphens as underscores.
fn key(text: &str) -> String {
    fold(text).replace([' ', '-'], "_")
}

impl Vocabulary {
    /// The value a person typed, in either language, any case, with or without accents.
    pub fn read(&self, typed: &str) -> Option<&'static Word> {
        let typed = key(typed);
        if typed.is_empty() {
            return None;
        }
        self.0.iter().find(|w| {
            key(w.code) == typed || key(w.en) == typed || key(w.pt) == typed || w.also.iter().any(|a| key(a) == typed)
        })
    }

    /// The words a reader of this language is offered: `identified, qualified, …`.
    pub fn listed(&self, locale: Locale, separator: &str) -> String {
        self.0.iter().map(|w| w.shown(locale)).collect::<Vec<_>>().join(separator)
    }

    /// The word shown for a code, in the reader's language (the code itself when unknown).
    pub fn shown(&self, code: &str, locale: Locale) -> String {
        self.0.iter().find(|w| w.code == code).map_or_else(|| code.to_string(), |w| w.shown(locale).to_string())
    }
}

const fn word(code: &'static str, en: &'static str, pt: &'static str, also: &'static [&'static str]) -> Word {
    Word { code, en, pt, also }
}

/// The stages of an opportunity ([`crate::pipeline::Stage`]).
pub const STAGES: Vocabulary = Vocabulary(&[
    word("identified", "identified", "identificada", &["identificado"]),
    word("qualified", "qualified", "qualificada", &["qualificado"]),
    word("proposal", "proposal", "proposta", &[]),
    word("negotiation", "negotiation", "negociação", &["negociando"]),
    word("won", "won", "ganha", &["ganho", "ganhou", "ganhamos"]),
    word("lost", "lost", "perdida", &["perdido", "perdeu", "perdemos"]),
]);

/// Where a contact stands towards us ([`crate::stakeholders::Stance`]).
pub const STANCES: Vocabulary = Vocabulary(&[
    word("champion", "champion", "defensor", &["defensora", "campeão", "campeã"]),
    word("supporter", "supporter", "apoiador", &["apoiadora", "favorável", "favoravel"]),
    word("neutral", "neutral", "neutro", &["neutra"]),
    word("detractor", "detractor", "detrator", &["detratora", "contrário", "contraria"]),
]);

/// The role a contact plays in the buying decision.
pub const DECISION_ROLES: Vocabulary = Vocabulary(&[
    word("decision_maker", "decision_maker", "decisor", &["decisora", "tomador de decisão"]),
    word("influencer", "influencer", "influenciador", &["influenciadora"]),
    word("champion", "champion", "patrocinador", &["patrocinadora", "campeão", "campeã"]),
    word("user", "user", "usuário", &["usuária"]),
    word("gatekeeper", "gatekeeper", "guardião", &["guardiã", "porteiro"]),
]);

/// What a person may do in a workspace ([`crate::account::Role`]).
pub const ROLES: Vocabulary = Vocabulary(&[
    word("admin", "admin", "administrador", &["administradora", "administrator"]),
    word("manager", "manager", "gestor", &["gestora", "gerente", "coordenador", "coordenadora"]),
    word(
        "rep",
        "rep",
        "vendedor",
        &[
            "vendedora",
            "representante",
            "salesperson",
            "sales rep",
            "kam",
            "executivo de contas",
            "executiva de contas",
        ],
    ),
]);

/// How an interaction went.
pub const TONES: Vocabulary = Vocabulary(&[
    word("positive", "positive", "positivo", &["positiva", "good", "bom", "boa"]),
    word("neutral", "neutral", "neutro", &["neutra"]),
    word("negative", "negative", "negativo", &["negativa", "bad", "ruim"]),
]);

/// The fields of a draft interaction that `/edit` changes.
pub const DRAFT_FIELDS: Vocabulary = Vocabulary(&[
    word("account", "account", "conta", &["cliente"]),
    word("kind", "kind", "tipo", &["type"]),
    word("when", "when", "quando", &["data", "date", "dia"]),
    word("contacts", "contacts", "contatos", &["contact", "contato", "with", "com"]),
    word("next", "next", "próximo", &["passo", "step", "next_step", "proximo_passo"]),
    word("due", "due", "prazo", &["ate", "by"]),
    word("tone", "tone", "tom", &[]),
    word("summary", "summary", "resumo", &["texto", "text"]),
]);

/// How much a competitor threatens us at an account.
pub const THREATS: Vocabulary = Vocabulary(&[
    word("low", "low", "baixa", &["baixo"]),
    word("medium", "medium", "média", &["médio"]),
    word("high", "high", "alta", &["alto"]),
]);

/// Why an account is key ([`crate::account::Reason`]).
pub const REASONS: Vocabulary = Vocabulary(&[
    word("potential", "potential", "potencial", &["purchase_potential", "potencial de compra"]),
    word("technology", "technology", "tecnologia", &["technological_leadership", "liderança tecnológica"]),
    word("profitability", "profitability", "rentabilidade", &["lucratividade"]),
    word("strategic", "strategic", "estratégica", &["estratégico"]),
]);

/// The kinds of meeting `/meeting` books.
pub const MEETING_KINDS: Vocabulary = Vocabulary(&[
    word("planning", "planning", "planejamento", &["planning meeting", "reunião de planejamento"]),
    word("review", "review", "revisão", &["yearly review", "revisão anual", "annual review"]),
    word("other", "other", "outra", &["outro", "meeting", "reunião"]),
]);

/// What `/plan` does besides showing the plan.
pub const PLAN_ACTIONS: Vocabulary =
    Vocabulary(&[word("set", "set", "definir", &["define"]), word("goal", "goal", "meta", &["objetivo"])]);

/// The fields `/account set` changes, as typed in either language; the codes are
/// [`crate::account::ACCOUNT_FIELDS`].
pub const ACCOUNT_FIELD_WORDS: Vocabulary = Vocabulary(&[
    word("name", "name", "nome", &[]),
    word("tier", "tier", "nível", &["nivel"]),
    word("owner", "owner", "responsável", &[]),
    word("tech", "tech", "técnico", &["gerente técnico", "technical manager"]),
    word("segment", "segment", "segmento", &["setor"]),
    word("spend", "spend", "gasto", &[]),
    word("revenue", "revenue", "receita", &["faturamento"]),
    word("margin", "margin", "margem", &[]),
    word("ceiling", "ceiling", "teto", &[]),
    word("suppliers", "suppliers", "fornecedores", &[]),
    word("cadence", "cadence", "cadência", &[]),
    word("review", "review", "revisão", &[]),
    word("cnpj", "cnpj", "cnpj", &[]),
    word("alias", "alias", "apelido", &[]),
    word("reason", "reason", "motivo", &[]),
]);

/// What a file brought in through `/import` holds.
pub const IMPORT_KINDS: Vocabulary = Vocabulary(&[
    word("accounts", "accounts", "contas", &["account", "conta", "empresas", "organizações"]),
    word("contacts", "contacts", "contatos", &["contact", "contato"]),
    word("people", "people", "pessoas", &["equipe", "team", "usuários"]),
    word("interactions", "interactions", "interações", &["activities", "atividades", "histórico", "history"]),
    word("opportunities", "opportunities", "oportunidades", &["deals", "negócios", "opportunity", "oportunidade"]),
]);

/// The parts of an account plan, as typed after `/plan ACCOUNT set`: the yearly review's questions.
pub const PLAN_PARTS: Vocabulary = Vocabulary(&[
    word("objectives", "objectives", "objetivos", &["objective", "objetivo"]),
    word("value", "value", "valor", &["valor entregue", "value delivered"]),
    word("evidence", "evidence", "evidências", &["evidencia", "provas", "prova"]),
    word("changes", "changes", "mudanças", &["mudanca", "change"]),
    word("depth", "depth", "profundidade", &[]),
    word("resources", "resources", "recursos", &["resource", "recurso"]),
]);

/// What is done to a goal of a plan: `/plan ACCOUNT goal add TITLE`, `/plan ACCOUNT goal done N`.
pub const GOAL_ACTIONS: Vocabulary = Vocabulary(&[
    word("add", "add", "adicionar", &["nova", "novo", "incluir", "criar"]),
    word("done", "done", "concluir", &["concluída", "concluida", "feita", "feito"]),
]);

/// A sample list for the rendering test of every message.
#[cfg(any(test, feature = "review"))]
impl Default for &'static Vocabulary {
    fn default() -> &'static Vocabulary {
        &TONES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&Vocabulary; 14] = [
        &STAGES,
        &STANCES,
        &DECISION_ROLES,
        &ROLES,
        &TONES,
        &DRAFT_FIELDS,
        &THREATS,
        &MEETING_KINDS,
        &PLAN_ACTIONS,
        &REASONS,
        &PLAN_PARTS,
        &GOAL_ACTIONS,
        &ACCOUNT_FIELD_WORDS,
        &IMPORT_KINDS,
    ];

    #[test]
    fn the_account_field_words_are_the_fields() {
        let codes: Vec<&str> = ACCOUNT_FIELD_WORDS.0.iter().map(|w| w.code).collect();
        assert_eq!(codes, crate::account::ACCOUNT_FIELDS);
    }

    #[test]
    fn reads_both_languages_without_case_or_accents() {
        for (list, typed, code) in [
            (&STAGES, "negociação", "negotiation"),
            (&STAGES, "NEGOCIACAO", "negotiation"),
            (&STAGES, "Negotiation", "negotiation"),
            (&STAGES, "ganho", "won"),
            (&STAGES, "perdida", "lost"),
            (&STANCES, "apoiadora", "supporter"),
            (&STANCES, "detrator", "detractor"),
            (&DECISION_ROLES, "decision maker", "decision_maker"),
            (&DECISION_ROLES, "decision-maker", "decision_maker"),
            (&DECISION_ROLES, "decisora", "decision_maker"),
            (&ROLES, "gestora", "manager"),
            (&ROLES, "vendedor", "rep"),
            (&TONES, "Negativa", "negative"),
            (&THREATS, "média", "medium"),
            (&THREATS, "ALTO", "high"),
            (&MEETING_KINDS, "planejamento", "planning"),
            (&MEETING_KINDS, "revisão anual", "review"),
            (&PLAN_ACTIONS, "meta", "goal"),
            (&PLAN_PARTS, "objetivos", "objectives"),
            (&PLAN_PARTS, "Evidências", "evidence"),
            (&PLAN_PARTS, "mudancas", "changes"),
            (&GOAL_ACTIONS, "adicionar", "add"),
            (&GOAL_ACTIONS, "concluir", "done"),
        ] {
            assert_eq!(list.read(typed).map(|w| w.code), Some(code), "{typed}");
        }
        assert_eq!(STAGES.read("maybe"), None);
        assert_eq!(STAGES.read(""), None);
        assert_eq!(STAGES.read("  "), None);
    }

    #[test]
    fn no_word_means_two_values_of_one_list() {
        for list in ALL {
            let mut seen: Vec<(String, &str)> = Vec::new();
            for w in list.0 {
                for typed in [w.code, w.en, w.pt].into_iter().chain(w.also.iter().copied()) {
                    let k = key(typed);
                    if let Some((_, other)) = seen.iter().find(|(s, c)| *s == k && *c != w.code) {
                        panic!("“{typed}” means both {other} and {}", w.code);
                    }
                    seen.push((k, w.code));
                }
            }
        }
    }

    #[test]
    fn listed_in_the_readers_language() {
        assert_eq!(THREATS.listed(Locale::En, ", "), "low, medium, high");
        assert_eq!(THREATS.listed(Locale::PtBr, ", "), "baixa, média, alta");
        assert_eq!(STAGES.shown("won", Locale::PtBr), "ganha");
        assert_eq!(STAGES.shown("unheard", Locale::PtBr), "unheard");
    }
}
