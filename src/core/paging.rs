//! Long lists a page at a time: which items a page shows, and the footer that says which page
//! this is and the command that gives the next one.

use super::context::Context;
use crate::i18n::{Msg, Onb};

/// Items a page.
pub const PAGE: usize = 25;

/// One page of a list of `total` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: usize,
    pub pages: usize,
}

impl Page {
    /// The page asked for, kept within the list (a page past the end is the last one).
    pub fn of(total: usize, asked: i64) -> Page {
        let pages = total.div_ceil(PAGE).max(1);
        Page { number: (asked.max(1) as usize).min(pages), pages }
    }

    /// The items of this page.
    pub fn slice<T>(&self, items: Vec<T>) -> impl Iterator<Item = T> {
        items.into_iter().skip((self.number - 1) * PAGE).take(PAGE)
    }

    /// "Page 2 of 80 · next: /accounts --tier 1 --page 3", for a list of more than one page;
    /// `command` is the list's command with its filters.
    pub fn footer(&self, ctx: &Context, command: &str) -> Option<String> {
        (self.pages > 1).then(|| {
            let next = (self.number < self.pages).then(|| format!("{command} --page {}", self.number + 1));
            ctx.t(Msg::Onb(Onb::PageFooter { page: self.number, pages: self.pages, next }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_stay_within_the_list() {
        assert_eq!(Page::of(2000, 1), Page { number: 1, pages: 80 });
        assert_eq!(Page::of(2000, 999), Page { number: 80, pages: 80 });
        assert_eq!(Page::of(10, 0), Page { number: 1, pages: 1 });
        assert_eq!(Page::of(0, 3), Page { number: 1, pages: 1 });
        assert_eq!(Page::of(60, 3).slice((0..60).collect()).collect::<Vec<_>>(), (50..60).collect::<Vec<_>>());
    }
}
