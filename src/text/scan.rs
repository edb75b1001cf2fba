//! Finding the next of a few kinds of byte in a long text: the line breaks
//! that cut paragraphs, the bytes that can begin a quotation mark.

/// A few bytes to search for.
pub struct ByteSet<const N: usize> {
    bytes: [u8; N],
    /// A byte not in the set, to pad the text's last, short block with.
    pad: u8,
}

impl<const N: usize> ByteSet<N> {
    pub const fn new(bytes: [u8; N]) -> ByteSet<N> {
        let mut table = [false; 256];
        let mut i = 0;
        while i < N {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        let mut pad = 0;
        while table[pad] {
            pad += 1; // fewer than 256 bytes: one is left out
        }
        ByteSet {
            bytes,
            pad: pad as u8,
        }
    }

    /// The first byte at or after `from` in the set.
    #[inline(always)]
    pub fn find(&self, bytes: &[u8], mut from: usize) -> Option<usize> {
        // Whole blocks: these bytes are rare in prose.
        while let Some(block) = bytes[from..].first_chunk::<32>() {
            if let Some(i) = self.first_in_block(block) {
                return Some(from + i);
            }
            from += 32;
        }
        // The last few bytes as one more block, padded: read byte by byte
        // they cost more than a block (every paragraph has such a tail).
        let rest = &bytes[from..];
        if rest.is_empty() {
            return None;
        }
        let mut block = [self.pad; 32];
        block[..rest.len()].copy_from_slice(rest);
        self.first_in_block(&block).map(|i| from + i)
    }

    /// Where the first byte of the set stands in `block`. A byte of the set
    /// XORs one of them to zero: the least XOR of each byte, over a
    /// fixed-size block, compiles to SIMD (pminub, 32 bytes in a few
    /// instructions), where `==` tests or a table become bit tests and
    /// loads byte by byte. The first zero among those 32 least XORs is
    /// then found eight at a time, with the carry trick that marks a zero
    /// byte in a word (exact for the lowest zero byte, which is all we ask).
    #[inline(always)]
    fn first_in_block(&self, block: &[u8; 32]) -> Option<usize> {
        let mut lanes = [0u8; 32];
        for (lane, &b) in lanes.iter_mut().zip(block) {
            *lane = self
                .bytes
                .iter()
                .fold(u8::MAX, |least, &n| least.min(b ^ n));
        }
        if lanes.iter().fold(u8::MAX, |least, &l| least.min(l)) != 0 {
            return None;
        }
        const ONES: u64 = u64::from_le_bytes([0x01; 8]);
        const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
        lanes.chunks_exact(8).enumerate().find_map(|(k, word)| {
            let w = u64::from_le_bytes(word.try_into().expect("chunks of 8"));
            let zero = w.wrapping_sub(ONES) & !w & HIGHS;
            (zero != 0).then(|| 8 * k + zero.trailing_zeros() as usize / 8)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_of_the_set_across_blocks() {
        const SET: ByteSet<2> = ByteSet::new([b'\n', 0xE2]);
        let mut text = vec![b'a'; 100];
        assert_eq!(SET.find(&text, 0), None);
        for at in [0, 31, 32, 63, 64, 99] {
            text[at] = b'\n';
            assert_eq!(SET.find(&text, 0), Some(at), "{at}");
            assert_eq!(SET.find(&text, at + 1), None, "{at}");
            text[at] = b'a';
        }
        text[40] = 0xE2;
        text[70] = b'\n';
        assert_eq!(SET.find(&text, 0), Some(40));
        assert_eq!(SET.find(&text, 41), Some(70));
    }

    #[test]
    fn finds_what_a_byte_by_byte_search_finds() {
        // A set holding the byte 0 pads with 1; bytes next to those of the
        // set (0x7F, 0x81, 0xE1, 0xE3) and high bytes must never match.
        const SET: ByteSet<4> = ByteSet::new([0, b'"', 0x80, 0xE2]);
        let mut seed = 12345u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as usize
        };
        let alphabet = [
            0u8, 1, b'"', b'!', b'#', 0x7F, 0x80, 0x81, 0xE1, 0xE2, 0xE3, 0xFF, b'a',
        ];
        for len in 0..100 {
            for _ in 0..20 {
                let text: Vec<u8> = (0..len)
                    .map(|_| match next() % 8 {
                        0 => alphabet[next() % alphabet.len()],
                        _ => b'a',
                    })
                    .collect();
                for from in 0..=len {
                    let slow = text[from..]
                        .iter()
                        .position(|b| [0, b'"', 0x80, 0xE2].contains(b))
                        .map(|i| from + i);
                    assert_eq!(SET.find(&text, from), slow, "{text:?} from {from}");
                }
            }
        }
    }
}
