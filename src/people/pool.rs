//! Strings one document's table is done with, emptied, for the next
//! document's to fill.
//!
//! An article's table holds a few dozen small strings: each name as shown,
//! its keys, the keys of its surname, first name and initials, its roles.
//! Allocated afresh for every article and freed after it, they cost malloc
//! more than the rest of the table: the allocator gathered the freed ones
//! again at the next large allocation, a tenth of a run's time on news.

/// More strings than this are not kept: a table past it is a dump, not an
/// article, and its strings are let go.
const MAX_KEPT: usize = 4096;

/// Nor a string with room for more than this: names and roles are short,
/// and a long one (a run of capitals thousands of bytes long) would be
/// kept to hold short names ever after.
const MAX_ROOM: usize = 256;

#[derive(Default)]
pub struct Pool {
    free: Vec<String>,
}

impl Pool {
    /// An empty string, with the room an earlier one had where there is one.
    pub fn take(&mut self) -> String {
        self.free.pop().unwrap_or_default()
    }

    /// `s` as a string of its own.
    pub fn copy(&mut self, s: &str) -> String {
        let mut out = self.take();
        out.push_str(s);
        out
    }

    /// Keep `s`'s room for a later `take`; its text is dropped.
    pub fn give(&mut self, mut s: String) {
        if (1..=MAX_ROOM).contains(&s.capacity()) && self.free.len() < MAX_KEPT {
            s.clear();
            self.free.push(s);
        }
    }

    /// `give` each of `strings`.
    pub fn give_all(&mut self, strings: impl IntoIterator<Item = String>) {
        for s in strings {
            self.give(s);
        }
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.free.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_taken_again_is_empty_and_keeps_its_room() {
        let mut pool = Pool::default();
        let mut s = String::with_capacity(40);
        s.push_str("Ola Pim");
        let room = s.as_ptr();
        pool.give(s);
        let again = pool.copy("Kit");
        assert_eq!(again, "Kit");
        assert_eq!(again.as_ptr(), room, "the given string's room is used");
        assert_eq!(pool.take(), "", "an empty pool gives a new string");
    }

    #[test]
    fn keeps_no_empty_string_no_long_one_and_no_more_than_its_limit() {
        let mut pool = Pool::default();
        pool.give(String::new());
        pool.give(String::with_capacity(MAX_ROOM + 1));
        assert_eq!(pool.len(), 0);
        pool.give(String::with_capacity(MAX_ROOM));
        assert_eq!(pool.len(), 1);
        pool.take();
        pool.give_all((0..MAX_KEPT + 10).map(|i| i.to_string()));
        assert_eq!(pool.len(), MAX_KEPT);
    }
}
