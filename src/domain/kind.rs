//! The kinds of interaction a salesperson logs with a key account.

use crate::domain::text::fold;

/// What kind of contact an interaction was; stored and serialised as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize, serde::Deserialize)]
#[sqlx(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Meeting,
    Call,
    Visit,
    Email,
    Note,
    PlanningMeeting,
    YearlyReview,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 7] =
        [Self::Meeting, Self::Call, Self::Visit, Self::Email, Self::Note, Self::PlanningMeeting, Self::YearlyReview];

    /// The word typed in commands (English), also the one listed as accepted.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Call => "call",
            Self::Visit => "visit",
            Self::Email => "email",
            Self::Note => "note",
            Self::PlanningMeeting => "planning",
            Self::YearlyReview => "review",
        }
    }

    /// The Portuguese word accepted as well.
    pub fn keyword_pt(self) -> &'static str {
        match self {
            Self::Meeting => "reuniao",
            Self::Call => "ligacao",
            Self::Visit => "visita",
            Self::Email => "email",
            Self::Note => "nota",
            Self::PlanningMeeting => "planejamento",
            Self::YearlyReview => "revisao",
        }
    }

    /// The value stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Call => "call",
            Self::Visit => "visit",
            Self::Email => "email",
            Self::Note => "note",
            Self::PlanningMeeting => "planning_meeting",
            Self::YearlyReview => "yearly_review",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Parses what a person typed: English or Portuguese, any case, with or without accents.
    pub fn parse(input: &str) -> Option<Self> {
        let folded = fold(input).replace(' ', "_");
        let aliases: &[(&str, Self)] = &[
            ("planning_meeting", Self::PlanningMeeting),
            ("reuniao_de_planejamento", Self::PlanningMeeting),
            ("yearly_review", Self::YearlyReview),
            ("annual_review", Self::YearlyReview),
            ("revisao_anual", Self::YearlyReview),
            ("phone", Self::Call),
            ("telefonema", Self::Call),
            ("e_mail", Self::Email),
        ];
        Self::ALL
            .into_iter()
            .find(|k| folded == k.keyword() || folded == k.keyword_pt() || folded == k.code())
            .or_else(|| aliases.iter().find(|(word, _)| *word == folded).map(|(_, k)| *k))
    }

    /// Whether this kind counts as a planning meeting for the account's cadence.
    pub fn is_planning(self) -> bool {
        matches!(self, Self::PlanningMeeting | Self::YearlyReview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_languages() {
        for (input, kind) in [
            ("meeting", InteractionKind::Meeting),
            ("Reunião", InteractionKind::Meeting),
            ("CALL", InteractionKind::Call),
            ("ligação", InteractionKind::Call),
            ("visita", InteractionKind::Visit),
            ("e-mail", InteractionKind::Email),
            ("planning", InteractionKind::PlanningMeeting),
            ("planning meeting", InteractionKind::PlanningMeeting),
            ("planejamento", InteractionKind::PlanningMeeting),
            ("reunião-de-planejamento", InteractionKind::PlanningMeeting),
            ("review", InteractionKind::YearlyReview),
            ("revisão anual", InteractionKind::YearlyReview),
            ("nota", InteractionKind::Note),
        ] {
            assert_eq!(InteractionKind::parse(input), Some(kind), "{input}");
        }
        assert_eq!(InteractionKind::parse("lunch"), None);
        assert_eq!(InteractionKind::parse(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for kind in InteractionKind::ALL {
            assert_eq!(InteractionKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(InteractionKind::from_code("lunch"), None);
    }
}
