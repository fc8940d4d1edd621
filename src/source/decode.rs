//! Bytes to text. Newsroom files come as UTF-8 (with or without BOM), UTF-16 from Windows
//! editors, or GBK/GB18030 from older Chinese systems; anything else is refused, never guessed
//! into mojibake.

use std::path::Path;

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8};
use serde::Serialize;

use crate::Error;

/// The encoding a source was read in, reported by `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
    Big5,
}

impl SourceEncoding {
    pub fn name(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 with BOM",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
            SourceEncoding::Gb18030 => "GB18030/GBK",
            SourceEncoding::Big5 => "Big5",
        }
    }
}

/// Decoded text with line ends made `\n`.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: SourceEncoding,
}

/// Decodes `bytes` read from `path` (the path is only for messages).
pub fn decode(bytes: &[u8], path: &Path) -> Result<Decoded, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
            whitespace_only: false,
        });
    }
    if let Some(kind) = other_document(bytes) {
        return Err(Error::OtherDocument {
            path: path.to_path_buf(),
            kind,
        });
    }
    let (text, encoding) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => {
            let kind = if enc == UTF_8 {
                SourceEncoding::Utf8Bom
            } else if enc == encoding_rs::UTF_16LE {
                SourceEncoding::Utf16Le
            } else {
                SourceEncoding::Utf16Be
            };
            (strict(enc, &bytes[bom_len..], path)?, kind)
        }
        None => {
            // A NUL byte never occurs in text of the encodings accepted without a BOM.
            if bytes.contains(&0) {
                return Err(Error::Binary {
                    path: path.to_path_buf(),
                });
            }
            match std::str::from_utf8(bytes) {
                // Valid UTF-8 is taken as UTF-8 first: a GBK reading of it would be mojibake.
                Ok(s) => (s.to_string(), SourceEncoding::Utf8),
                Err(_) => legacy(bytes, path)?,
            }
        }
    };
    // Well-formed JSON is never binary data, whatever control characters its strings hold (a
    // model may carry U+007F, which JSON leaves unescaped); it is judged as a model instead.
    if looks_binary(&text) && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err() {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = unify_line_ends(&text);
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
            whitespace_only: true,
        });
    }
    Ok(Decoded { text, encoding })
}

/// How much of a legacy-encoded file the encoding detector reads.
const DETECT_BYTES: usize = 4 * 1024;

/// GB18030 (a superset of GBK and GB2312) unless the detector is sure of Big5; either must
/// decode without a single malformed sequence.
fn legacy(bytes: &[u8], path: &Path) -> Result<(String, SourceEncoding), Error> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The detector costs far more per byte than decoding; 4 KiB of Chinese text (some 2000 characters) decides
    // between GB18030 and Big5 as well as the whole file does. The sample ends on an ASCII
    // byte, so no multi-byte character is cut in two.
    let sample = match bytes.get(..DETECT_BYTES) {
        Some(head) => {
            &head[..head
                .iter()
                .rposition(|&b| b < 0x80)
                .map_or(head.len(), |i| i + 1)]
        }
        None => bytes,
    };
    detector.feed(sample, true);
    if detector.guess(None, chardetng::Utf8Detection::Deny) == BIG5
        && let Ok(text) = strict(BIG5, bytes, path)
    {
        return Ok((text, SourceEncoding::Big5));
    }
    let text = strict(GB18030, bytes, path)?;
    Ok((text, SourceEncoding::Gb18030))
}

fn strict(enc: &'static Encoding, bytes: &[u8], path: &Path) -> Result<String, Error> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => {
            // Say where it goes wrong, for the user who opens the file in a hex editor.
            let mut decoder = enc.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(bytes.len() * 3);
            let (result, read) =
                decoder.decode_to_string_without_replacement(bytes, &mut out, true);
            let detail = match result {
                encoding_rs::DecoderResult::Malformed(len, _) => format!(
                    "invalid {} byte sequence at byte {}",
                    enc.name(),
                    read.saturating_sub(len as usize)
                ),
                _ => format!("invalid {} text", enc.name()),
            };
            Err(Error::Undecodable {
                path: path.to_path_buf(),
                detail,
            })
        }
    }
}

/// What a document that is not text is, by its signature: the files editors are sent under
/// a `.txt` name or save by mistake. `None` for anything else (text, or unknown binary).
fn other_document(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"PK\x03\x04") {
        // Entry names stand uncompressed in the local headers near the start.
        return Some(if has(b"word/") {
            "a Word document (.docx)"
        } else if has(b"mimetypeapplication/epub+zip") {
            "an EPUB book"
        } else if has(b"xl/") {
            "an Excel workbook (.xlsx)"
        } else if has(b"ppt/") {
            "a PowerPoint file (.pptx)"
        } else if has(b"mimetypeapplication/vnd.oasis.opendocument") {
            "an OpenDocument file (.odt)"
        } else {
            "a ZIP archive (a .docx, .xlsx or .zip file)"
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some("a Word 97–2003 document (.doc) or another old Office file");
    }
    if bytes.starts_with(b"%PDF-") {
        return Some("a PDF file");
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some("an RTF document (WordPad or Word)");
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("an image (PNG or JPEG)");
    }
    None
}

/// Text with many control characters is a binary file that happened to decode.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    // The whole text, not a prefix: a file that starts as text and turns binary would
    // otherwise give a warning per control character.
    for c in text.chars() {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            control += 1;
        }
    }
    // Real files may carry a few stray controls (they are removed with a warning); a binary
    // file has them everywhere.
    control * 100 > total.max(1) * 2 || text.contains('\0')
}

fn unify_line_ends(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.md")
    }

    #[test]
    fn utf8_valid_text_is_never_taken_for_gbk() {
        let d = decode("东昌府讯".as_bytes(), p()).unwrap();
        assert_eq!(d.encoding, SourceEncoding::Utf8);
        assert_eq!(d.text, "东昌府讯");
    }

    #[test]
    fn gbk_bytes_decode() {
        let (bytes, _, _) = GB18030.encode("东昌府讯 9月1日，会议召开。");
        let d = decode(&bytes, p()).unwrap();
        assert_eq!(d.encoding, SourceEncoding::Gb18030);
        assert_eq!(d.text, "东昌府讯 9月1日，会议召开。");
    }

    #[test]
    fn utf16_with_bom_and_crlf() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "标题\r\n正文\r".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, p()).unwrap();
        assert_eq!(d.encoding, SourceEncoding::Utf16Le);
        assert_eq!(d.text, "标题\n正文\n");
    }

    #[test]
    fn a_long_big5_file_is_told_from_gb18030_by_its_head() {
        let text =
            "臺南市政府今日宣布啟動老舊社區道路改善計畫，將優先整修排水不良的巷道。\n".repeat(200);
        let (bytes, _, lossy) = BIG5.encode(&text);
        assert!(!lossy && bytes.len() > 2 * DETECT_BYTES);
        let d = decode(&bytes, p()).unwrap();
        assert_eq!(d.encoding, SourceEncoding::Big5);
        assert_eq!(d.text, text);
        let (bytes, _, _) = GB18030.encode(&text);
        assert_eq!(
            decode(&bytes, p()).unwrap().encoding,
            SourceEncoding::Gb18030
        );
    }

    #[test]
    fn json_with_control_characters_in_its_strings_is_not_binary() {
        let model = "{\"meta\":{\"title\":\"\u{7f}\u{7f}\",\"identifier\":\"\u{7f}\"}}";
        assert!(looks_binary(model));
        assert!(decode(model.as_bytes(), Path::new("m.json")).is_ok());
        // The same characters in free text still make it binary.
        let text = "\u{7f}\u{7f}\u{7f} 标题";
        assert!(matches!(
            decode(text.as_bytes(), Path::new("t.txt")),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", p()),
            Err(Error::OtherDocument {
                kind: "an image (PNG or JPEG)",
                ..
            })
        ));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0", p()),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            decode(b"", p()),
            Err(Error::Empty {
                whitespace_only: false,
                ..
            })
        ));
        assert!(matches!(
            decode(b" \n\t \r\n", p()),
            Err(Error::Empty {
                whitespace_only: true,
                ..
            })
        ));
    }

    #[test]
    fn invalid_in_every_encoding_is_refused_with_position() {
        // 0xFF is a lead byte neither in GB18030 nor in UTF-8.
        let err = decode(b"abc\xff\x20def", p()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::Undecodable { .. }), "{msg}");
        assert!(msg.starts_with("t.md: "), "{msg}");
        assert!(msg.contains("byte 3"), "{msg}");
    }
}
