//! The kinds of interaction a salesperson logs with a key account.

use crate::text::fold;

/// What kind of contact an interaction was; stored and serialised as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize, serde::Deserialize)]
#[sqlx(rename_all = "snake_case", type_name = "text")]
#[serde(rename_all = "snake_case")]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum InteractionKind {
    #[cfg_attr(any(test, feature = "review"), default)]
    Meeting,
    Call,
    Visit,
    Email,
    Note,
    PlanningMeeting,
    YearlyReview,
    #[sqlx(rename = "whatsapp")]
    #[serde(rename = "whatsapp")]
    WhatsApp,
    /// A lunch or coffee with the customer.
    Lunch,
    Event,
    VideoCall,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 11] = [
        Self::Meeting,
        Self::Call,
        Self::Visit,
        Self::Email,
        Self::Note,
        Self::PlanningMeeting,
        Self::YearlyReview,
        Self::WhatsApp,
        Self::Lunch,
        Self::Event,
        Self::VideoCall,
    ];

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
            Self::WhatsApp => "whatsapp",
            Self::Lunch => "lunch",
            Self::Event => "event",
            Self::VideoCall => "video",
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
            Self::WhatsApp => "whatsapp",
            Self::Lunch => "almoco",
            Self::Event => "evento",
            Self::VideoCall => "videochamada",
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
            Self::WhatsApp => "whatsapp",
            Self::Lunch => "lunch",
            Self::Event => "event",
            Self::VideoCall => "video_call",
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
            ("zap", Self::WhatsApp),
            ("wpp", Self::WhatsApp),
            ("whats", Self::WhatsApp),
            ("cafe", Self::Lunch),
            ("coffee", Self::Lunch),
            ("jantar", Self::Lunch),
            ("dinner", Self::Lunch),
            ("feira", Self::Event),
            ("video_call", Self::VideoCall),
            ("videoconferencia", Self::VideoCall),
            ("call_de_video", Self::VideoCall),
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
        assert_eq!(InteractionKind::parse("lunch"), Some(InteractionKind::Lunch));
        assert_eq!(InteractionKind::parse("almoço"), Some(InteractionKind::Lunch));
        assert_eq!(InteractionKind::parse("WhatsApp"), Some(InteractionKind::WhatsApp));
        assert_eq!(InteractionKind::parse("evento"), Some(InteractionKind::Event));
        assert_eq!(InteractionKind::parse("videochamada"), Some(InteractionKind::VideoCall));
        assert_eq!(InteractionKind::parse("video call"), Some(InteractionKind::VideoCall));
        assert_eq!(InteractionKind::parse("jantarzinho"), None);
        assert_eq!(InteractionKind::parse(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for kind in InteractionKind::ALL {
            assert_eq!(InteractionKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(InteractionKind::from_code("banquet"), None);
    }
}

/// The kind of a booked meeting. Stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize, serde::Deserialize)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[serde(rename_all = "lowercase")]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum MeetingKind {
    /// A planning meeting: it restarts the planning clock once held.
    #[cfg_attr(any(test, feature = "review"), default)]
    Planning,
    /// The yearly review of the account plan.
    Review,
    Other,
}

impl MeetingKind {
    /// The kind a code names (`planning`, `review`, `other`: the codes of the meeting vocabulary).
    pub fn from_code(code: &str) -> Option<MeetingKind> {
        match code {
            "planning" => Some(MeetingKind::Planning),
            "review" => Some(MeetingKind::Review),
            "other" => Some(MeetingKind::Other),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            MeetingKind::Planning => "planning",
            MeetingKind::Review => "review",
            MeetingKind::Other => "other",
        }
    }

    /// Planning meetings and yearly reviews are the ones the planning clock counts.
    pub fn plans(self) -> bool {
        matches!(self, MeetingKind::Planning | MeetingKind::Review)
    }

    /// What a held meeting of this kind is logged as.
    pub fn held_as(self) -> InteractionKind {
        match self {
            MeetingKind::Planning => InteractionKind::PlanningMeeting,
            MeetingKind::Review => InteractionKind::YearlyReview,
            MeetingKind::Other => InteractionKind::Meeting,
        }
    }
}

/// Whether a goal of an account plan is still to do. Stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
pub enum GoalStatus {
    Open,
    Done,
}

/// Whether a commitment is still to do, was done, or was dropped. Stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[serde(rename_all = "lowercase")]
pub enum CommitmentStatus {
    Open,
    Done,
    Dropped,
}

#[cfg(test)]
mod meeting_kinds {
    use super::*;

    #[test]
    fn every_word_of_the_meeting_vocabulary_is_a_kind() {
        for word in crate::vocabulary::MEETING_KINDS.0 {
            let kind = MeetingKind::from_code(word.code).expect(word.code);
            assert_eq!(kind.code(), word.code);
        }
        assert_eq!(MeetingKind::from_code("lunch"), None);
    }
}
