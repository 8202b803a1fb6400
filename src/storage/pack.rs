//! The compression codec for stored text: deflate, then the bytes packed fifteen bits to a
//! character, so a value takes about an eighth of its JSON's UTF-16 units, which is what
//! browsers count towards localStorage's quota. The begeleider's workspace packs every
//! participant's copy ([`pack`]); the store packs a profile's own document once it passes
//! its threshold ([`pack_quick`]). Plain text, never packed, reads back as it is.

pub(super) const PACKED: &str = "z1:";
/// A hostile or broken value must not inflate into gigabytes.
const MAX_UNPACKED: usize = 16 * 1024 * 1024;
/// Characters start here, so none is a control character; 0x100 + 0x7FFF stays below the
/// surrogates (0xD800), so every one is a single UTF-16 unit and valid in any string.
const BASE: u32 = 0x100;

/// Deflates `text` and packs the bytes fifteen bits to a character: `z1:<bytes>:<chars>`.
pub fn pack(text: &str) -> String {
    pack_at(text, 6)
}

/// [`pack`] at deflate's fastest level: for a profile's own document, saved while its
/// owner types. Natively, for 5.4 MB of JSON: 27 ms to 1.2 MB, against 83 ms to 0.7 MB
/// at level 6 (wasm is 2–3× slower), and still an eighth of the JSON's UTF-16 units.
pub fn pack_quick(text: &str) -> String {
    pack_at(text, QUICK)
}

/// Deflate's fastest level, [`pack_quick`]'s.
pub(super) const QUICK: u8 = 1;

fn pack_at(text: &str, level: u8) -> String {
    let mut packer = Packer::new(text, level);
    while !packer.step() {}
    packer.finish()
}

/// Packs a text a piece at a time, so that a caller in the browser can give it a turn
/// between pieces: a profile's own document, saved while its owner types, never holds the
/// page for the whole deflate (`ui::state::saver`). [`pack`] and [`pack_quick`] are this
/// loop run to the end.
///
/// The pieces are also why the deflate is fast: V8 starts every wasm function in
/// baseline code and moves it to optimised code only at a later call, so the single call
/// over megabytes that `compress_to_vec` makes runs its main loop unoptimised to the end.
/// A/B in the browser, 5 MB of JSON at level 1: 90–97 ms in one call, 62–83 ms in
/// pieces (docs/performance.md).
pub struct Packer<T> {
    text: T,
    /// How much of the text the compressor has taken.
    read: usize,
    compressor: Box<miniz_oxide::deflate::core::CompressorOxide>,
    out: Vec<u8>,
    written: usize,
    done: bool,
    level: u8,
}

impl<T: AsRef<str>> Packer<T> {
    pub fn new(text: T, level: u8) -> Packer<T> {
        use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
        let len = text.as_ref().len();
        Packer {
            text,
            read: 0,
            compressor: Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
                level.into(),
                0,
                0,
            ))),
            out: vec![0; (len / 4).max(1024)],
            written: 0,
            done: false,
            level,
        }
    }

    /// Deflates the next piece (at most [`PIECE`] bytes of the text); true once the
    /// whole text is in and [`Packer::finish`] has nothing left to deflate.
    pub fn step(&mut self) -> bool {
        use miniz_oxide::deflate::core::{compress, TDEFLFlush, TDEFLStatus};
        if self.done {
            return true;
        }
        let input = self.text.as_ref().as_bytes();
        let rest = &input[self.read.min(input.len())..];
        let take = rest.len().min(PIECE);
        let flush = if take == rest.len() {
            TDEFLFlush::Finish
        } else {
            TDEFLFlush::None
        };
        let (status, used, wrote) = compress(
            &mut self.compressor,
            &rest[..take],
            &mut self.out[self.written..],
            flush,
        );
        self.written += wrote;
        self.read += used;
        match status {
            TDEFLStatus::Done => {
                self.out.truncate(self.written);
                self.done = true;
            }
            TDEFLStatus::Okay => {
                if self.out.len() - self.written < 1024 {
                    self.out.resize(self.out.len() * 2, 0);
                }
            }
            // Only a bug in the compressor gets here; the library's own loop has no
            // answer for it either, so take that loop as it is.
            _ => {
                self.out = miniz_oxide::deflate::compress_to_vec(input, self.level);
                self.done = true;
            }
        }
        self.done
    }

    /// Deflates what is left, then packs the bytes fifteen bits to a character:
    /// `z1:<bytes>:<chars>`.
    pub fn finish(mut self) -> String {
        while !self.step() {}
        let bytes = self.out;
        let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 16);
        out.push_str(PACKED);
        out.push_str(&bytes.len().to_string());
        out.push(':');
        let (mut acc, mut bits) = (0u32, 0u32);
        for b in &bytes {
            acc = (acc << 8) | u32::from(*b);
            bits += 8;
            if bits >= 15 {
                bits -= 15;
                out.push(char::from_u32(BASE + ((acc >> bits) & 0x7FFF)).unwrap_or('\u{100}'));
                acc &= (1 << bits) - 1;
            }
        }
        if bits > 0 {
            out.push(char::from_u32(BASE + ((acc << (15 - bits)) & 0x7FFF)).unwrap_or('\u{100}'));
        }
        out
    }
}

/// How much goes into one call of the compressor.
const PIECE: usize = 16 * 1024;

/// The text [`pack`] was given; plain text (not packed) is returned as it is.
pub fn unpack(stored: &str) -> Option<String> {
    let Some(rest) = stored.strip_prefix(PACKED) else {
        return Some(stored.to_string());
    };
    let (len, chars) = rest.split_once(':')?;
    let len: usize = len.parse().ok()?;
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in chars.chars() {
        let v = u32::from(c).checked_sub(BASE).filter(|v| *v <= 0x7FFF)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xFF) as u8);
        }
        // All bytes read and a whole character more: not what `pack` wrote.
        if bits >= 15 {
            return None;
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() != len {
        return None;
    }
    String::from_utf8(inflate(&bytes, MAX_UNPACKED)?).ok()
}

/// Raw inflate, fed in pieces like [`Packer`]'s deflate and for the same reason: the library's own
/// loop makes a few calls that each run to a full output buffer, so inflating megabytes
/// ran unoptimised in the browser. A/B at start-up with a 5 MB document stored, the whole
/// of [`unpack`]: 129–135 ms with the library's loop, 88–108 ms in pieces (median of 7–10
/// cold loads per run, two runs against four).
/// `None` when the data is damaged or would inflate beyond `limit`.
fn inflate(input: &[u8], limit: usize) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::core::inflate_flags::{
        TINFL_FLAG_HAS_MORE_INPUT, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    };
    use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut state = Box::<DecompressorOxide>::default();
    // Level 1 deflates JSON to about a fifth; room for that saves most regrowing.
    let mut out = vec![0; input.len().saturating_mul(5).clamp(1024, limit.max(1024))];
    let (mut rest, mut at) = (input, 0);
    loop {
        let take = rest.len().min(PIECE);
        let mut flags = TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        if take < rest.len() {
            flags |= TINFL_FLAG_HAS_MORE_INPUT;
        }
        let (status, used, wrote) = decompress(&mut state, &rest[..take], &mut out, at, flags);
        at += wrote;
        rest = rest.get(used..)?;
        match status {
            TINFLStatus::Done => {
                out.truncate(at);
                return Some(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return None;
                }
                out.resize(out.len().saturating_mul(2).min(limit), 0);
            }
            // The piece is used up; the next one follows. A stream that ends before its
            // last block is damaged.
            TINFLStatus::NeedsMoreInput if used > 0 && !rest.is_empty() => {}
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_any_text() {
        for text in ["", "a", "{\"x\":1}", "Zoë → 😀 ü", &"abc".repeat(1000)] {
            assert_eq!(unpack(&pack(text)).as_deref(), Some(text));
        }
        // Every character is one UTF-16 unit and no surrogate.
        let packed = pack(&"Zoë 😀".repeat(50));
        assert!(packed.chars().all(|c| c.len_utf16() == 1));
        // Plain JSON (e.g. written by hand) still reads.
        assert_eq!(unpack("{}").as_deref(), Some("{}"));
        assert_eq!(unpack("z1:5:\u{100}"), None);
        assert_eq!(unpack("z1:1:\u{9000}"), None);
        // More characters than the bytes need.
        let one = pack("a");
        assert_eq!(unpack(&format!("{one}\u{100}\u{100}")), None);
    }

    #[test]
    fn texts_around_and_across_the_pieces_round_trip_at_both_levels() {
        // Hard to compress and not aligned to the pieces: the compressor carries its
        // state from one piece to the next.
        let mut x = 7u32;
        let noise: String = (0..3 * PIECE + 7)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + (x >> 16) as u8 % 26)
            })
            .collect();
        for len in [PIECE - 1, PIECE, PIECE + 1, 2 * PIECE + 5, noise.len()] {
            let text = &noise[..len];
            assert_eq!(unpack(&pack(text)).as_deref(), Some(text), "{len}");
            assert_eq!(unpack(&pack_quick(text)).as_deref(), Some(text), "{len}");
        }
    }

    #[test]
    fn a_packed_value_that_would_inflate_beyond_the_limit_is_refused() {
        let bomb = "0".repeat(MAX_UNPACKED + 1);
        let packed = pack(&bomb);
        assert!(packed.len() < 100_000);
        assert_eq!(unpack(&packed), None);
        let fits = &bomb[..MAX_UNPACKED];
        assert_eq!(unpack(&pack(fits)).as_deref(), Some(fits));
        // Cut short: the stream ends before its last block.
        let text = "abc".repeat(40_000);
        let packed = pack(&text);
        let header_end = packed[3..].find(':').unwrap() + 4;
        let chars: String = packed[header_end..].chars().take(40).collect();
        let bytes = chars.chars().count() * 15 / 8;
        assert_eq!(unpack(&format!("z1:{bytes}:{chars}")), None);
    }
}
