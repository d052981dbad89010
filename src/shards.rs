//! Which of the Discord gateway's shards a replica runs (`--discord-shards 0-1/4`): a range of
//! shard ids out of a total, each guarded by a lease so that no two processes sharing the database
//! ever open a session on the same shard.

use std::fmt;
use std::str::FromStr;

/// More shards than any bot this serves would need (Discord asks for one per 2 500 guilds).
const MOST_SHARDS: u32 = 4096;

/// Shards `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Every shard of a bot that is not sharded: shard 0 of 1.
    pub const WHOLE: ShardRange = ShardRange { first: 0, last: 0, total: 1 };

    pub fn count(&self) -> u32 {
        self.last - self.first + 1
    }

    /// The name of each shard's lease, in ascending order: two replicas asking for overlapping
    /// ranges both ask for the lower shards first, so one of them gets all it asks for.
    pub fn lease_names(&self) -> Vec<String> {
        (self.first..=self.last).map(|shard| format!("discord-shard-{shard}-of-{}", self.total)).collect()
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}/{}", self.first, self.total)
        } else {
            write!(f, "{}-{}/{}", self.first, self.last, self.total)
        }
    }
}

impl FromStr for ShardRange {
    type Err = String;

    /// `FIRST-LAST/TOTAL` or `SHARD/TOTAL`, shards counted from 0.
    fn from_str(text: &str) -> Result<ShardRange, String> {
        let wrong = || format!("“{text}” is not a shard range; write FIRST-LAST/TOTAL (like 0-1/4) or SHARD/TOTAL");
        let (range, total) = text.trim().split_once('/').ok_or_else(wrong)?;
        let number = |s: &str| s.trim().parse::<u32>().map_err(|_| wrong());
        let total = number(total)?;
        let (first, last) = match range.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => {
                let shard = number(range)?;
                (shard, shard)
            }
        };
        if total == 0 || total > MOST_SHARDS {
            return Err(format!("“{text}”: the total of shards is between 1 and {MOST_SHARDS}"));
        }
        if first > last || last >= total {
            return Err(format!("“{text}”: the shards run from 0 to {}, the first no later than the last", total - 1));
        }
        Ok(ShardRange { first, last, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_and_print_back() {
        for (text, range) in [
            ("0-1/4", ShardRange { first: 0, last: 1, total: 4 }),
            ("3/4", ShardRange { first: 3, last: 3, total: 4 }),
            (" 2 - 3 / 4 ", ShardRange { first: 2, last: 3, total: 4 }),
            ("0/1", ShardRange::WHOLE),
        ] {
            assert_eq!(text.parse::<ShardRange>(), Ok(range), "{text}");
            assert_eq!(range.to_string().parse::<ShardRange>(), Ok(range));
        }
        assert_eq!(ShardRange { first: 0, last: 1, total: 4 }.to_string(), "0-1/4");
    }

    #[test]
    fn impossible_ranges_are_refused_in_one_line() {
        for text in ["", "4", "0-4/4", "2-1/4", "0/0", "-1/4", "a/4", "0-1/5000", "1/2/3"] {
            let refused = text.parse::<ShardRange>().expect_err(text);
            assert!(!refused.contains('\n') && refused.contains(text.trim()), "{refused}");
        }
    }

    #[test]
    fn leases_name_each_shard_with_the_total() {
        let range: ShardRange = "1-2/4".parse().unwrap();
        assert_eq!(range.lease_names(), ["discord-shard-1-of-4", "discord-shard-2-of-4"]);
        assert_eq!(range.count(), 2);
    }
}
