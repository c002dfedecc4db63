//! An adaptive binary range coder (the one LZMA uses) and two generic models the
//! model file codes with it: small numbers bit by bit (a tree), and gaps between
//! sorted numbers.
//!
//! Why not leave it to gzip: the wasm is served gzipped, but gzip only sees bytes.
//! Here each bit is coded with a probability learned from the bits coded before it
//! in the same context (a mask's bit from its tag and the mask's earlier bits, a
//! weight's sign from its tag and the signs before it in its row), which gzip cannot
//! do. On the English model this takes what a browser downloads from 122.5 KB
//! (TLNER3, gzipped) to 104.8 KB (TLNER5, `format.rs`). The
//! price is decoding time at start-up, about a million coded decisions: the model
//! decodes in 5.2 ms natively where TLNER3 took 1.4, and importing the package in
//! Node takes some 4 ms longer (median of 9 fresh processes: 14.5 → 18.2 ms).

/// Bits of a probability: `p / 2^PROB_BITS` is the chance of a 0.
const PROB_BITS: u32 = 11;
const ONE: u16 = 1 << PROB_BITS;
/// How fast a probability follows the bits it sees: it moves 1/2^ADAPT of the way.
/// 5 (LZMA's) coded the English model's masks and weights in the fewest bytes of 4, 5
/// and 6 (6 saves 0.4% on the gazetteer keys alone, not worth a second rate).
const ADAPT: u32 = 5;
/// Below this range the coder shifts out a byte.
const TOP: u32 = 1 << 24;
/// Most bits coded in one direct step: the range, at least [`TOP`] before the step,
/// stays at least 2^8 after it, which two byte shifts bring back above [`TOP`].
const MAX_DIRECT: u32 = 16;

/// A probability, starting even.
#[derive(Clone, Copy)]
pub(super) struct Prob(u16);

impl Default for Prob {
    fn default() -> Self {
        Prob(ONE / 2)
    }
}

impl Prob {
    fn bound(self, range: u32) -> u32 {
        (range >> PROB_BITS) * u32::from(self.0)
    }

    /// Both outcomes are computed and one is picked, without a branch: a coded bit
    /// is as hard to predict as the coder can make it.
    fn update(&mut self, bit: bool) {
        let (p, one) = (self.0, ONE);
        let toward_one = p - (p >> ADAPT);
        let toward_zero = p + ((one - p) >> ADAPT);
        self.0 = if bit { toward_one } else { toward_zero };
    }
}

/// Writes bits; [`Encoder::finish`] gives the bytes.
pub(super) struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Encoder {
    pub(super) fn new() -> Self {
        Encoder { low: 0, range: u32::MAX, cache: 0, pending: 1, out: Vec::new() }
    }

    pub(super) fn bit(&mut self, prob: &mut Prob, bit: bool) {
        let bound = prob.bound(self.range);
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
        } else {
            self.range = bound;
        }
        prob.update(bit);
        self.normalize();
    }

    /// The low `count` bits of `value` (`count` ≤ [`MAX_DIRECT`]), every value as likely
    /// as any other, with no probability to learn: one step, where a bit at a time
    /// took one per bit.
    fn direct(&mut self, value: u32, count: u32) {
        self.range >>= count;
        self.low += u64::from(value & ((1 << count) - 1)) * u64::from(self.range);
        self.normalize();
    }

    fn normalize(&mut self) {
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    /// Moves the top byte of `low` out, holding back 0xFF bytes a carry may still change.
    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low >= 1 << 32 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            loop {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
                if self.pending == 0 {
                    break;
                }
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    pub(super) fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

/// Reads what an [`Encoder`] wrote. Reading past the end gives zero bytes and marks the
/// stream as overrun, which [`Decoder::overrun`] reports, so that a cut or corrupt
/// file fails instead of decoding forever.
pub(super) struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl<'a> Decoder<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        let mut decoder = Decoder { bytes, at: 0, range: u32::MAX, code: 0 };
        for _ in 0..5 {
            decoder.code = (decoder.code << 8) | u32::from(decoder.next_byte());
        }
        decoder
    }

    fn next_byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    /// Whether the decoder needed more bytes than the stream has.
    pub(super) fn overrun(&self) -> bool {
        self.at > self.bytes.len()
    }

    /// Not inlined, so that V8 optimises this one small function after some thousand
    /// calls, while the start-up function that decodes the model, called once, runs in
    /// its baseline tier throughout: importing the package took 21.9 ms inlined, 18.2
    /// not (medians of 9 fresh Node processes), at 0.6 ms more natively.
    #[inline(never)]
    pub(super) fn bit(&mut self, prob: &mut Prob) -> bool {
        let bound = prob.bound(self.range);
        let bit = self.code >= bound;
        // Branch-free for the same reason as `Prob::update`: 5x faster decoding of the
        // English model (1.5 million bits) than the if/else, natively.
        let ones = u32::from(bit).wrapping_neg();
        self.code -= bound & ones;
        self.range = (bound & !ones) | (self.range.wrapping_sub(bound) & ones);
        prob.update(bit);
        self.normalize();
        bit
    }

    /// What [`Encoder::direct`] wrote. A corrupt stream cannot make it more than
    /// `count` bits.
    /// Not inlined, as [`Decoder::bit`].
    #[inline(never)]
    fn direct(&mut self, count: u32) -> u32 {
        self.range >>= count;
        let value = (self.code / self.range).min((1 << count) - 1);
        self.code -= value * self.range;
        self.normalize();
        value
    }

    fn normalize(&mut self) {
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next_byte());
        }
    }
}

/// Probabilities for a `BITS`-bit number coded high bit first, each bit in the
/// context of the bits above it (a binary tree of `2^BITS` leaves).
pub(super) struct Tree<const N: usize>([Prob; N]);

impl<const N: usize> Default for Tree<N> {
    fn default() -> Self {
        Tree([Prob::default(); N])
    }
}

impl<const N: usize> Tree<N> {
    /// Bits of the numbers this tree codes.
    const BITS: u32 = N.trailing_zeros();

    pub(super) fn encode(&mut self, e: &mut Encoder, value: u32) {
        let mut node = 1;
        for shift in (0..Self::BITS).rev() {
            let bit = value >> shift & 1 == 1;
            e.bit(&mut self.0[node], bit);
            node = node * 2 + usize::from(bit);
        }
    }

    pub(super) fn decode(&mut self, d: &mut Decoder) -> u32 {
        let mut node = 1;
        for _ in 0..Self::BITS {
            node = node * 2 + usize::from(d.bit(&mut self.0[node]));
        }
        (node - N) as u32
    }
}

/// Gaps between sorted numbers (any `u32`): the gap's bit length, learned, then the
/// bits below its leading one as they are. Those bits are close to random: giving the
/// first one to six of them probabilities of their own saved at most 0.5% of the
/// English model's bucket and key gaps (56.1 → 55.8 KB), not worth the slower decoding.
#[derive(Default)]
pub(super) struct Gaps {
    length: Tree<64>,
}

impl Gaps {
    pub(super) fn encode(&mut self, e: &mut Encoder, gap: u32) {
        let length = 32 - gap.leading_zeros();
        self.length.encode(e, length);
        let below = length.saturating_sub(1);
        if below > MAX_DIRECT {
            e.direct(gap >> MAX_DIRECT, below - MAX_DIRECT);
        }
        e.direct(gap, below.min(MAX_DIRECT));
    }

    /// A gap, or `None` if its length is over 32 bits (a corrupt stream).
    pub(super) fn decode(&mut self, d: &mut Decoder) -> Option<u32> {
        let length = self.length.decode(d);
        if length > 32 {
            return None;
        }
        let below = length.saturating_sub(1);
        let mut gap = u32::from(length > 0);
        if below > MAX_DIRECT {
            gap = gap << (below - MAX_DIRECT) | d.direct(below - MAX_DIRECT);
        }
        let count = below.min(MAX_DIRECT);
        Some(gap << count | d.direct(count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_bytes_and_bits_round_trip() {
        let gaps = [0, 1, 2, 3, 7, 8, 255, 256, 65_535, 1 << 20, u32::MAX, u32::MAX - 1, 5, 0];
        let bytes: Vec<u32> = (0..=255).chain([0, 0, 0, 255]).collect();
        let mut e = Encoder::new();
        let (mut g, mut b, mut p) = (Gaps::default(), Tree::<256>::default(), Prob::default());
        for &gap in &gaps {
            g.encode(&mut e, gap);
        }
        for &byte in &bytes {
            b.encode(&mut e, byte);
        }
        for i in 0..1000 {
            e.bit(&mut p, i % 7 == 0);
        }
        let coded = e.finish();
        let mut d = Decoder::new(&coded);
        let (mut g, mut b, mut p) = (Gaps::default(), Tree::<256>::default(), Prob::default());
        assert_eq!(gaps.iter().map(|_| g.decode(&mut d).unwrap()).collect::<Vec<_>>(), gaps);
        assert_eq!(bytes.iter().map(|_| b.decode(&mut d)).collect::<Vec<_>>(), bytes);
        assert!((0..1000).all(|i| d.bit(&mut p) == (i % 7 == 0)));
        assert!(!d.overrun());
    }

    #[test]
    fn skewed_bits_take_few_bytes_and_a_cut_stream_overruns() {
        let mut e = Encoder::new();
        let mut p = Prob::default();
        for i in 0..80_000 {
            e.bit(&mut p, i % 100 == 0);
        }
        let coded = e.finish();
        // 80,000 bits at 1% ones carry about 1 KB of information.
        assert!(coded.len() < 1_300, "{} bytes", coded.len());
        let mut d = Decoder::new(&coded[..coded.len() / 2]);
        let mut p = Prob::default();
        for _ in 0..80_000 {
            d.bit(&mut p);
        }
        assert!(d.overrun());
    }
}
