//! Unique ids within one output document.

use std::collections::{HashMap, HashSet};

/// Hands out ids that are unique in one document: a base as it is, then `base-2`, `base-3`...
///
/// Counting on from the last number given to a base keeps many equal headings linear.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    used: HashSet<String>,
    last: HashMap<String, u32>,
}

impl UniqueIds {
    /// `base`, or `base-N` with the smallest N not yet taken.
    pub(crate) fn claim(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        // A base without a count has given only itself (as if counted 1).
        let n = self.last.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }

    /// How many ids were handed out.
    pub(crate) fn len(&self) -> usize {
        self.used.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_repeats_and_avoids_taken_suffixes() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("a".into()), "a");
        assert_eq!(ids.claim("a-2".into()), "a-2");
        assert_eq!(ids.claim("a".into()), "a-3");
        assert_eq!(ids.claim("a".into()), "a-4");
        assert_eq!(ids.claim("b".into()), "b");
        assert_eq!(ids.len(), 5);
    }
}
