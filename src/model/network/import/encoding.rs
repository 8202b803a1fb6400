//! A CSV file's bytes as text. Spreadsheets save CSV in more than one encoding: Excel on
//! Windows writes "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252, "CSV
//! UTF-8" with a byte order mark, and "Unicode-tekst" in UTF-16 with a byte order mark.
//!
//! - a UTF-8 byte order mark, or bytes that are valid UTF-8: UTF-8;
//! - a UTF-16 byte order mark (`FF FE` little-endian, `FE FF` big-endian): UTF-16;
//! - anything else: Windows-1252, which gives every byte a character. Valid UTF-8 is
//!   almost never Windows-1252 text with accents, and the other way round: "é" is one
//!   byte `E9` in Windows-1252, which can never stand alone in UTF-8.
//!
//! Windows-1252 is decoded with the table below rather than a general encoding library:
//! it is Latin-1 except for 32 bytes, and a table of 32 characters costs a few hundred
//! bytes of wasm where `encoding_rs` costs tens of kilobytes for encodings no
//! spreadsheet here writes.

use super::{ImportError, ImportFile, MAX_CSV_BYTES};

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// With or without a byte order mark.
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A file's text and the encoding it was read in; a byte order mark is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// The characters of bytes `0x80`–`0x9F` in Windows-1252; the other bytes are the
/// Unicode characters of the same number (as in Latin-1). The five bytes Windows-1252
/// leaves undefined (`81`, `8D`, `8F`, `90`, `9D`) keep their own number, as browsers
/// read them.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Reads a CSV file's bytes; the size is checked first. `file` names the file in errors.
pub fn decode(file: ImportFile, bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: bytes.len(),
        });
    }
    let decoded = |text: String, encoding| Decoded { text, encoding };
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        // A UTF-8 mark followed by bytes that are not UTF-8: the characters that are
        // broken show as "�", which the preview's names make visible.
        return Ok(decoded(
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(file, rest, Encoding::Utf16Le, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(file, rest, Encoding::Utf16Be, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(decoded(text.to_string(), Encoding::Utf8)),
        Err(_) => Ok(decoded(windows_1252(bytes), Encoding::Windows1252)),
    }
}

fn utf16(
    file: ImportFile,
    bytes: &[u8],
    encoding: Encoding,
    unit: fn([u8; 2]) -> u16,
) -> Result<Decoded, ImportError> {
    let bad = ImportError::BadUtf16 { file, encoding };
    if !bytes.len().is_multiple_of(2) {
        return Err(bad);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: Result<String, _> = char::decode_utf16(units).collect();
    Ok(Decoded {
        text: text.map_err(|_| bad)?,
        encoding,
    })
}

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}
