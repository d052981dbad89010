//! The kinds of change a weekly digest tells about an account, in the order it tells them.

/// The kinds of change, in the order a digest tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(any(test, feature = "review"), derive(strum::EnumIter, Default))]
pub enum ChangeKind {
    #[cfg_attr(any(test, feature = "review"), default)]
    Health,
    Won,
    Lost,
    Opened,
    Held,
    Reached,
    Competitor,
}
