//! Embedded fonts: obfuscated TrueType subsets (`word/fonts/fontN.odttf`).
//!
//! Obfuscation (ECMA-376 Part 1 §17.8.1 and Part 2; [MS-OE376]): the font key is a GUID
//! `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` written in `fontTable.xml`. Its 32 hex digits, read
//! as 16 bytes in the order written and then reversed, are XORed over the first 32 bytes of the
//! font (byte `i` with key byte `i mod 16`); the rest of the file is unchanged. This is how
//! LibreOffice's importer (`EmbeddedFontHandler`, which reads the digit pairs from the end of the
//! string) and docx4j undo it. LibreOffice expects upper-case hex digits.
//!
//! The GUID is derived from the document identifier, the family and the style slot, so the same
//! document gives the same key (and the same bytes) on every run.

/// One embedded face as `fontTable.xml` names it; its font data is made by [`Embedded::font`].
#[derive(Debug)]
pub(super) struct Embedded {
    pub family: String,
    /// The `w:embedBold` slot rather than `w:embedRegular`.
    pub bold: bool,
    /// `{GUID}`, upper case.
    pub key: String,
}

/// A face that may be embedded: the complete font the subset is cut from.
pub(super) struct SourceFace<'a> {
    pub family: &'a str,
    /// `usWeightClass` ≥ 600: embedded in the bold slot.
    pub bold: bool,
    pub data: &'a [u8],
    /// Face index inside `data` (a collection may hold several).
    pub index: u32,
}

impl Embedded {
    /// The entry for `face` in the document `identifier`, with its deterministic key.
    pub(super) fn new(face: &SourceFace, identifier: &str) -> Self {
        Embedded {
            family: face.family.to_owned(),
            bold: face.bold,
            key: font_key(identifier, face.family, face.bold),
        }
    }

    /// The font part: the face's subset obfuscated with this entry's key.
    pub(super) fn font(&self, subset: &[u8]) -> Vec<u8> {
        let mut data = subset.to_vec();
        obfuscate(&mut data, &self.key);
        data
    }
}

/// A deterministic font key: a version 8 (RFC 9562, custom) UUID from two FNV-1a 64-bit hashes
/// of the identifier, family and slot. An obfuscation key, not a secret.
pub(super) fn font_key(identifier: &str, family: &str, bold: bool) -> String {
    let slot = if bold { "bold" } else { "regular" };
    let parts = [identifier, family, slot];
    let hash = |seed: u64| {
        let mut h = seed;
        for p in parts {
            for b in p.bytes().chain([0x1f]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x100_0000_01b3);
            }
        }
        h
    };
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&hash(0xcbf2_9ce4_8422_2325).to_be_bytes());
    b[8..].copy_from_slice(&hash(0x84222325_cbf29ce4).to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The 16 key bytes of a `{GUID}`: its hex digits as bytes in written order, reversed.
fn key_bytes(key: &str) -> [u8; 16] {
    let digits: Vec<u8> = key
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .map(|d| (d as char).to_digit(16).expect("hex digit") as u8)
        .collect();
    assert_eq!(digits.len(), 32, "a font key is a GUID: {key}");
    let mut out = [0u8; 16];
    for (i, pair) in digits.chunks(2).enumerate() {
        out[15 - i] = pair[0] << 4 | pair[1];
    }
    out
}

/// XORs the first 32 bytes of `font` with the key; applying it twice restores the font.
pub(super) fn obfuscate(font: &mut [u8], key: &str) {
    let k = key_bytes(key);
    for (i, b) in font.iter_mut().take(32).enumerate() {
        *b ^= k[i % 16];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_stable_upper_case_and_depends_on_its_inputs() {
        let k = font_key("urn:uuid:1", "Noto Serif SC Paiban", false);
        assert_eq!(k, font_key("urn:uuid:1", "Noto Serif SC Paiban", false));
        assert_ne!(k, font_key("urn:uuid:2", "Noto Serif SC Paiban", false));
        assert_ne!(k, font_key("urn:uuid:1", "Noto Serif SC Paiban", true));
        assert_eq!(k.len(), 38);
        assert!(k.starts_with('{') && k.ends_with('}'));
        assert_eq!(&k[15..16], "8", "version 8: {k}");
        assert!(!k.chars().any(|c| c.is_ascii_lowercase()), "{k}");
    }

    #[test]
    fn key_bytes_are_the_guid_digits_reversed() {
        // The example key in LibreOffice's importer comment.
        let k = key_bytes("{62E79491-959F-41E9-B76B-6B32631DEA5C}");
        assert_eq!(k[0], 0x5C);
        assert_eq!(k[1], 0xEA);
        assert_eq!(k[15], 0x62);
        assert_eq!(k[14], 0xE7);
    }

    #[test]
    fn obfuscation_touches_32_bytes_and_undoes_itself() {
        let key = "{62E79491-959F-41E9-B76B-6B32631DEA5C}";
        let font: Vec<u8> = (0..100u8).collect();
        let mut o = font.clone();
        obfuscate(&mut o, key);
        assert_eq!(o[0], 0x5C);
        assert_eq!(o[16], 16 ^ 0x5C);
        assert_eq!(o[31], 31 ^ 0x62);
        assert_eq!(o[32..], font[32..]);
        obfuscate(&mut o, key);
        assert_eq!(o, font);
    }
}
