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
    /// Items a page.
    pub size: usize,
}

impl Page {
    /// The page asked for, kept within the list (a page past the end is the last one).
    pub fn of(total: usize, asked: i64) -> Page {
        Page::sized(total, asked, PAGE)
    }

    /// The same with `size` items a page (at least one).
    pub fn sized(total: usize, asked: i64, size: usize) -> Page {
        let size = size.max(1);
        let pages = total.div_ceil(size).max(1);
        Page { number: (asked.max(1) as usize).min(pages), pages, size }
    }

    /// How many items come before this page.
    pub fn offset(&self) -> usize {
        (self.number - 1) * self.size
    }

    /// The items of this page.
    pub fn slice<T>(&self, items: Vec<T>) -> impl Iterator<Item = T> {
        items.into_iter().skip(self.offset()).take(self.size)
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

pub use crate::domain::text::quoted;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_read_back_as_one_word() {
        assert_eq!(quoted("Vale"), "Vale");
        assert_eq!(quoted("Vale do Rio Doce"), "\"Vale do Rio Doce\"");
        let line = format!("/history {} 5", quoted("Aço \"Forte\" SA"));
        let parsed = crate::core::parse::tokenize(&line).unwrap_or_default();
        assert_eq!(parsed.get(1).map(|t| t.text.as_str()), Some("Aço \"Forte\" SA"));
    }

    #[test]
    fn pages_stay_within_the_list() {
        assert_eq!(Page::of(2000, 1), Page { number: 1, pages: 80, size: PAGE });
        assert_eq!(Page::of(2000, 999), Page { number: 80, pages: 80, size: PAGE });
        assert_eq!(Page::of(10, 0), Page { number: 1, pages: 1, size: PAGE });
        assert_eq!(Page::of(0, 3), Page { number: 1, pages: 1, size: PAGE });
        assert_eq!(Page::sized(23, 3, 10).slice((0..23).collect()).collect::<Vec<_>>(), (20..23).collect::<Vec<_>>());
        assert_eq!(Page::sized(5, 1, 0).pages, 5);
        assert_eq!(Page::of(60, 3).slice((0..60).collect()).collect::<Vec<_>>(), (50..60).collect::<Vec<_>>());
    }
}
