//! Finding the next of a few kinds of byte in a long text: the line breaks
//! that cut paragraphs, the bytes that can begin a quotation mark.

/// A few bytes to search for, as a list and as a table.
pub struct ByteSet<const N: usize> {
    bytes: [u8; N],
    /// `table[b]`: `b` is one of `bytes` (one load a byte for the tail).
    table: [bool; 256],
}

impl<const N: usize> ByteSet<N> {
    pub const fn new(bytes: [u8; N]) -> ByteSet<N> {
        let mut table = [false; 256];
        let mut i = 0;
        while i < N {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        ByteSet { bytes, table }
    }

    /// The first byte at or after `from` in the set.
    #[inline(always)]
    pub fn find(&self, bytes: &[u8], mut from: usize) -> Option<usize> {
        // Whole blocks first: these bytes are rare in prose. A byte of the
        // set XORs one of them to zero, so a block holds one iff the least
        // of its XORs is zero: a min over a fixed-size block compiles to
        // SIMD (pminub, 32 bytes in a few instructions), where `==` tests
        // or the table become bit tests and loads byte by byte.
        while let Some(block) = bytes[from..].first_chunk::<32>() {
            let least = block.iter().fold(u8::MAX, |least, &b| {
                self.bytes.iter().fold(least, |least, &n| least.min(b ^ n))
            });
            if least == 0 {
                break;
            }
            from += 32;
        }
        bytes[from..]
            .iter()
            .position(|&b| self.table[usize::from(b)])
            .map(|i| from + i)
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
}
