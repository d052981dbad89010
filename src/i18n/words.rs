//! How messages speak of the commands and their arguments. The catalog sits above the messages,
//! so it describes itself through these: a message holds the description, never the catalog.

use super::Locale;

/// A command as a message names it.
pub trait CommandWords: Sync {
    /// The full name as typed: `accounts add`.
    fn path(&self) -> &'static str;
    /// Its own name: `add`.
    fn name(&self) -> &'static str;
    /// Its usage lines in the reader's language.
    fn usage(&self, locale: Locale) -> String;
    /// The names of its subcommands, if it has some.
    fn subcommand_names(&self) -> Vec<&'static str>;
    /// How one of its arguments is named: `--due` for an option, `SUMMARY` for a positional.
    fn arg_label(&self, arg: &str, locale: Locale) -> Option<String>;
}

/// An argument as a message names it.
pub trait ArgWords: Sync {
    fn name(&self) -> &'static str;
    /// `--due` for an option, `SUMMARY` for a positional, in the reader's language.
    fn label(&self, locale: Locale) -> String;
    /// What stands for its value in usage lines: `DATE`, `N`...
    fn placeholder(&self, locale: Locale) -> String;
}

/// A command a message speaks of; two are the same command when their full names are.
#[derive(Clone, Copy)]
pub struct Usage(pub &'static dyn CommandWords);

/// An argument a message speaks of; two are the same when their names are.
#[derive(Clone, Copy)]
pub struct Arg(pub &'static dyn ArgWords);

impl std::ops::Deref for Usage {
    type Target = dyn CommandWords;
    fn deref(&self) -> &(dyn CommandWords + 'static) {
        self.0
    }
}

impl std::ops::Deref for Arg {
    type Target = dyn ArgWords;
    fn deref(&self) -> &(dyn ArgWords + 'static) {
        self.0
    }
}

impl PartialEq for Usage {
    fn eq(&self, other: &Usage) -> bool {
        self.0.path() == other.0.path()
    }
}

impl Eq for Usage {}

impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        self.0.name() == other.0.name()
    }
}

impl Eq for Arg {}

impl std::fmt::Debug for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}", self.0.path())
    }
}

impl std::fmt::Debug for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.name())
    }
}
