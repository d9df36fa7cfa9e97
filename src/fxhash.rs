//! A fast hasher for tables whose keys are fixed in the program (word lists): looking up a
//! word of the input costs a few multiplications instead of SipHash's rounds. Not for tables
//! that grow from input, where crafted keys could pile up on one slot.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiplies in eight bytes at a time (the rotate-xor-multiply of rustc's FxHasher).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// A `HashMap` hasher state with [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(K).rotate_left(5);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The table takes its slot from the low bits, which the last multiplication mixes
        // least: the high ones are brought down.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn words_that_differ_anywhere_hash_apart() {
        let build = FxBuild::default();
        let words = [
            "the", "then", "thee", "them", "a", "b", "ab", "ba", "abcdefgh", "abcdefgi",
        ];
        let hashes: std::collections::HashSet<u64> =
            words.iter().map(|w| build.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
    }
}
