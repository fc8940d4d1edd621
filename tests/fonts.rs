//! The font subsystem against the real sample and real fonts.
//!
//! Tests that need a font outside the repository skip with a message on stderr (visible without
//! `--nocapture`) when it is missing, naming the Debian package; set
//! `PAIBAN_REQUIRE_TEST_FONTS=1` (CI) to make them fail instead. Packages: fonts-hanazono (CJK
//! Extension B), fonts-dejavu-core (a Latin face), fonts-noto-cjk (a CFF face).

mod common;
use common::cmap;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use paiban::fonts::{self, FaceOrigin, FaceRequest, FontError, FontSet};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/dongchangfu-2022-09.md"
);
const NOTO_SERIF_CJK_OTC: &str = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

fn sample() -> String {
    std::fs::read_to_string(SAMPLE).expect("sample in the repository")
}

/// `Some(path)` if the font exists; otherwise prints why the test is skipped (or fails when
/// PAIBAN_REQUIRE_TEST_FONTS is set) and returns `None`.
fn test_font(path: &'static str, package: &str) -> Option<&'static str> {
    if Path::new(path).exists() {
        return Some(path);
    }
    let msg = format!("SKIPPED: {path} is missing; install the Debian package `{package}`");
    if std::env::var_os("PAIBAN_REQUIRE_TEST_FONTS").is_some_and(|v| v != "0") {
        panic!("{msg} (PAIBAN_REQUIRE_TEST_FONTS is set)");
    }
    // Straight to stderr, past the test harness's capture, so the skip is seen.
    let _ = writeln!(std::io::stderr(), "{msg}");
    None
}

#[test]
fn repository_fonts_load_from_font_dir_without_embedding() {
    // What a build with `--no-default-features` does: `--font-dir fonts`.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let set = FontSet::builder()
        .bundled(false)
        .system(false)
        .font_dir(&dir)
        .build()
        .unwrap();
    assert_eq!(set.len(), 2);
    let serif = set
        .resolve(&FaceRequest::family("Noto Serif SC Paiban"))
        .expect("serif");
    let bold = set.resolve(&FaceRequest::family("Noto Sans SC Paiban").with_weight(700));
    assert!(
        set.faces()
            .all(|(_, i)| matches!(i.origin, FaceOrigin::Added(_)))
    );
    let report = set.coverage(
        [("sample", sample())],
        &FaceRequest::family("Noto Serif SC Paiban"),
    );
    assert!(report.warning().is_none(), "{report}");
    assert!(
        report
            .faces
            .iter()
            .any(|f| f.face == serif && f.drawn == report.distinct),
        "{report}"
    );
    assert_eq!(
        set.face_for(
            '中',
            &FaceRequest::family("Noto Sans SC Paiban").with_weight(700)
        ),
        bold
    );
    assert!(set.data(serif).unwrap().bytes().len() > 1_000_000);
}

#[test]
fn a_font_file_that_is_also_a_system_font_is_listed_once_as_added() {
    let path = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    let Some(path) = test_font(path, "fonts-dejavu-core") else {
        return;
    };
    let set = FontSet::builder()
        .bundled(false)
        .font_file(path)
        .font_file(path)
        .build()
        .unwrap();
    let same: Vec<_> = set
        .faces()
        .filter(|(_, i)| {
            i.path().and_then(|p| p.canonicalize().ok()) == Path::new(path).canonicalize().ok()
        })
        .collect();
    assert_eq!(same.len(), 1, "{same:?}");
    assert!(matches!(same[0].1.origin, FaceOrigin::Added(_)));
    assert_eq!(
        set.resolve(&FaceRequest::family("DejaVu Serif")),
        Some(same[0].0)
    );
}

#[test]
fn subset_refuses_cff_faces() {
    let Some(path) = test_font(NOTO_SERIF_CJK_OTC, "fonts-noto-cjk") else {
        return;
    };
    let data = std::fs::read(path).unwrap();
    let chars: BTreeSet<char> = "中文".chars().collect();
    let err = fonts::subset(&data, 2, &chars).unwrap_err();
    assert!(matches!(err, FontError::Subset { .. }), "{err}");
    assert!(err.to_string().contains("CFF"), "{err}");
    assert!(fonts::subset(b"not a font", 0, &chars).is_err());
}

#[cfg(feature = "embedded-fonts")]
mod embedded {
    use std::time::Instant;

    use paiban::fonts::{bundled, report};

    use super::*;

    /// Fonts-hanazono's second face: CJK Extension B and beyond, including 𠈌 and 𥑢.
    const HANAMIN_B: &str = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
    const DEJAVU_SERIF: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

    fn bundled_only() -> FontSet {
        FontSet::builder()
            .system(false)
            .build()
            .expect("bundled fonts")
    }

    /// (location, text) items the way a document walker would give them: one per sample line.
    fn sample_items(text: &str) -> Vec<(String, &str)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (format!("line {}", i + 1), l))
            .collect()
    }

    #[test]
    fn sample_is_fully_covered_by_bundled_faces() {
        let text = sample();
        let set = bundled_only();
        assert_eq!(set.len(), 2, "only the two bundled faces");
        for request in [FaceRequest::body(), FaceRequest::heading()] {
            let report = set.coverage(sample_items(&text), &request);
            assert!(
                report.distinct > 700,
                "sample has {} distinct characters",
                report.distinct
            );
            assert!(report.warning().is_none(), "{request:?}: {report}");
            let drawn: usize = report.faces.iter().map(|f| f.drawn).sum();
            assert_eq!(drawn, report.distinct, "{report}");
        }
        // And character by character, through the hot-path API.
        let serif = set.bundled_face(bundled::SERIF).unwrap();
        for ch in text.chars().filter(|c| !c.is_control()) {
            assert_eq!(
                set.face_for(ch, &FaceRequest::body()),
                Some(serif),
                "{ch} U+{:04X}",
                ch as u32
            );
        }
    }

    #[test]
    fn chars_outside_the_subset_are_named_with_code_points_and_locations() {
        let set = bundled_only();
        let items = [
            ("article 1, paragraph 1", "东昌府讯 9月1日，"),
            ("article 1, paragraph 2", "罕用字𠈌与𥑢。"),
            ("article 2, paragraph 1", "又见𥑢。"),
        ];
        let report = set.coverage(items, &FaceRequest::body());
        let missing: Vec<char> = report.missing.iter().map(|m| m.ch).collect();
        assert_eq!(missing, ['\u{2020C}', '\u{25462}']);
        let warning = report.warning().expect("a warning").to_string();
        assert!(
            warning.contains("𠈌 U+2020C (article 1, paragraph 2)"),
            "{warning}"
        );
        assert!(
            warning.contains("𥑢 U+25462 (article 1, paragraph 2; article 2, paragraph 1)"),
            "{warning}"
        );
        assert!(
            warning.starts_with("no font has a glyph for 2 characters"),
            "{warning}"
        );
    }

    #[test]
    fn added_font_file_draws_chars_the_bundled_faces_lack() {
        let Some(path) = test_font(HANAMIN_B, "fonts-hanazono") else {
            return;
        };
        let set = FontSet::builder()
            .system(false)
            .font_file(path)
            .build()
            .unwrap();
        let (hana, info) = set
            .faces()
            .find(|(_, i)| i.path() == Some(Path::new(path)))
            .unwrap();
        assert!(matches!(info.origin, FaceOrigin::Added(_)));
        for ch in ['\u{2020C}', '\u{25462}'] {
            assert_eq!(
                set.face_for(ch, &FaceRequest::body()),
                Some(hana),
                "U+{:04X}",
                ch as u32
            );
        }
        // Han in the bundled subset still comes from the bundled face.
        assert_eq!(
            set.face_for('中', &FaceRequest::body()),
            set.bundled_face(bundled::SERIF)
        );
        let report = set.coverage(
            [("article 1, paragraph 2", "罕用字𠈌与𥑢。")],
            &FaceRequest::body(),
        );
        assert!(report.warning().is_none(), "{report}");
        assert!(
            report.faces.iter().any(|f| f.face == hana && f.drawn == 2),
            "{report}"
        );
        // Its bytes are there for embedding.
        let data = set.data(hana).unwrap();
        assert_eq!(
            data.bytes().len() as u64,
            std::fs::metadata(path).unwrap().len()
        );
    }

    #[test]
    fn system_fonts_through_fontdb_fill_the_gap() {
        let Some(path) = test_font(HANAMIN_B, "fonts-hanazono") else {
            return;
        };
        let set = FontSet::builder().build().unwrap();
        let id = set
            .face_for('\u{25462}', &FaceRequest::body())
            .expect("a system face has 𥑢");
        let info = set.info(id).unwrap();
        assert!(matches!(info.origin, FaceOrigin::System(_)), "{info:?}");
        assert!(set.covers(id, '\u{2020C}'));
        // Not necessarily hanazono (another installed font may come first), but hanazono is listed.
        assert!(set.faces().any(|(_, i)| i.path() == Some(Path::new(path))));
    }

    #[test]
    fn quotes_and_dashes_come_from_the_cjk_face_when_a_latin_face_is_asked_for() {
        let Some(path) = test_font(DEJAVU_SERIF, "fonts-dejavu-core") else {
            return;
        };
        let set = FontSet::builder()
            .system(false)
            .font_file(path)
            .build()
            .unwrap();
        let latin = FaceRequest::family("DejaVu Serif");
        let dejavu = set.resolve(&latin).expect("DejaVu Serif resolves");
        let serif = set.bundled_face(bundled::SERIF);
        let bold = set.bundled_face(bundled::SANS_BOLD);
        for ch in "“”‘’·—…―".chars() {
            assert!(
                set.covers(dejavu, ch) || ch == '―',
                "DejaVu has {ch}, so the rule matters"
            );
            assert_eq!(set.face_for(ch, &latin), serif, "{ch}");
            assert_eq!(
                set.face_for(ch, &latin.clone().with_weight(700)),
                bold,
                "bold {ch}"
            );
        }
        assert_eq!(set.face_for('A', &latin), Some(dejavu));
        assert_eq!(set.face_for(',', &latin), Some(dejavu));
        assert_eq!(set.face_for('中', &latin), serif);
        // A CJK face keeps its own quotes.
        assert_eq!(set.face_for('“', &FaceRequest::heading()), bold);
    }

    #[test]
    fn document_subset_loads_and_maps_every_used_char() {
        let text = sample();
        let chars: BTreeSet<char> = text.chars().filter(|c| !c.is_control()).collect();
        let han = chars
            .iter()
            .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(*c))
            .count();
        assert!(han > 700, "{han} Han");
        for face in bundled::faces() {
            let start = Instant::now();
            let out = fonts::subset(face.data, 0, &chars).unwrap();
            let took = start.elapsed();
            let again = fonts::subset(face.data, 0, &chars).unwrap();
            assert_eq!(out, again, "deterministic");
            assert!(
                out.len() < face.data.len() / 5,
                "{}: {} bytes",
                face.name,
                out.len()
            );

            let sub = ttf_parser::Face::parse(&out, 0).expect("subset parses");
            let full = ttf_parser::Face::parse(face.data, 0).unwrap();
            assert!(sub.tables().glyf.is_some() && sub.tables().cff.is_none());
            assert_eq!(
                sub.number_of_glyphs() as usize,
                chars.len() + 1,
                "{} chars + .notdef",
                chars.len()
            );
            for &ch in &chars {
                let g = sub
                    .glyph_index(ch)
                    .unwrap_or_else(|| panic!("{ch} U+{:04X} unmapped", ch as u32));
                let g0 = full.glyph_index(ch).unwrap();
                assert_eq!(
                    sub.glyph_hor_advance(g),
                    full.glyph_hor_advance(g0),
                    "{ch} advance"
                );
            }
            assert!(
                sub.glyph_index('\u{9F98}').is_none(),
                "nothing beyond the text"
            );
            let gpos = sub.tables().gpos.expect("GPOS kept");
            let tags: BTreeSet<String> = gpos
                .features
                .into_iter()
                .map(|f| f.tag.to_string())
                .collect();
            for tag in ["halt", "kern", "palt"] {
                assert!(tags.contains(tag), "{}: GPOS features {tags:?}", face.name);
            }
            let family = sub
                .names()
                .into_iter()
                .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .and_then(|n| n.to_string());
            assert_eq!(family.as_deref(), Some(face.family));
            assert!(
                sub.names()
                    .into_iter()
                    .any(|n| n.name_id == ttf_parser::name_id::LICENSE)
            );
            println!(
                "subset {}: {} chars, {} bytes, {:?}",
                face.name,
                chars.len(),
                out.len(),
                took
            );
        }
    }

    #[test]
    fn bundled_fonts_are_truetype_and_cover_the_ranges() {
        for face in bundled::faces() {
            let f = ttf_parser::Face::parse(face.data, 0).unwrap();
            assert!(
                f.tables().glyf.is_some() && f.tables().cff.is_none(),
                "{}",
                face.name
            );
            assert!(f.tables().hmtx.is_some() && f.tables().os2.is_some());
            assert_eq!(f.weight().to_number(), face.weight);
            let ranges = [
                ('\u{4E00}', '\u{9FA5}'), // the unified block up to Unicode 4.1 (Noto lacks a few later ones)
                ('\u{3001}', '\u{3011}'),
                ('\u{FF01}', '\u{FF5E}'),
                ('\u{0020}', '\u{007E}'),
            ];
            for (lo, hi) in ranges {
                for ch in lo..=hi {
                    assert!(
                        f.glyph_index(ch).is_some(),
                        "{}: {ch} U+{:04X}",
                        face.name,
                        ch as u32
                    );
                }
            }
            for ch in "“”‘’·—…―".chars() {
                assert!(f.glyph_index(ch).is_some(), "{}: {ch}", face.name);
            }
            assert!(
                f.glyph_index('\u{2020C}').is_none(),
                "Extension B is not bundled"
            );
            let gpos = f.tables().gpos.expect("GPOS");
            let tags: BTreeSet<String> = gpos
                .features
                .into_iter()
                .map(|f| f.tag.to_string())
                .collect();
            assert!(
                ["halt", "palt", "kern"].iter().all(|t| tags.contains(*t)),
                "{tags:?}"
            );
        }
    }

    #[test]
    fn committed_fonts_stay_under_25_mb_and_match_provenance() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let provenance = std::fs::read_to_string(dir.join("PROVENANCE.md")).unwrap();
        let mut total = 0;
        for face in bundled::faces() {
            let size = std::fs::metadata(dir.join(face.file_name)).unwrap().len();
            assert_eq!(size, face.data.len() as u64, "embedded bytes are the file");
            let row = provenance
                .lines()
                .find(|l| l.starts_with(&format!("| `{}`", face.file_name)))
                .expect("PROVENANCE.md row");
            assert!(
                row.contains(&format!("| {size} |")),
                "PROVENANCE.md size is stale: {row}"
            );
            total += size;
        }
        assert!(total < 25_000_000, "{total} bytes");
        assert!(dir.join("OFL.txt").exists() && dir.join("build-fonts.sh").exists());
    }

    #[test]
    fn fonts_command_reports() {
        let set = bundled_only();
        let list = report::list_faces(&set).to_string();
        assert!(
            list.contains("Noto Serif SC Paiban 400  bundled serif"),
            "{list}"
        );
        assert!(
            list.contains("Noto Sans SC Paiban 700  bundled sans-bold"),
            "{list}"
        );
        let cov = report::coverage(&set, "东昌府讯\n引用“科技外脑”𠈌").to_string();
        assert!(cov.contains("𠈌 U+2020C (line 2)"), "{cov}");
        assert!(cov.starts_with("13 distinct characters"), "{cov}");
    }

    /// `cargo test --release --test fonts -- --ignored --nocapture`: hot-path and subset timings; writes
    /// the sample's subsets under target/tmp for checking with other tools (fontTools, ots).
    #[test]
    #[ignore]
    fn measure() {
        let text = sample();
        let start = Instant::now();
        let set = bundled_only();
        println!("bundled FontSet built in {:?}", start.elapsed());
        let start = Instant::now();
        let n = text
            .chars()
            .filter(|&c| set.face_for(c, &FaceRequest::body()).is_some())
            .count();
        println!(
            "face_for over {n} chars of the sample: {:?}",
            start.elapsed()
        );
        let start = Instant::now();
        let system = FontSet::builder().build().unwrap();
        println!(
            "with system fonts: {} faces, built in {:?}",
            system.len(),
            start.elapsed()
        );
        let chars: BTreeSet<char> = text.chars().filter(|c| !c.is_control()).collect();
        for face in bundled::faces() {
            let start = Instant::now();
            let out = fonts::subset(face.data, 0, &chars).unwrap();
            let took = start.elapsed();
            let path =
                Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sample-{}.ttf", face.name));
            std::fs::write(&path, &out).unwrap();
            println!(
                "subset {} to {} chars: {} bytes in {took:?} ({})",
                face.name,
                chars.len(),
                out.len(),
                path.display()
            );
        }
    }
}

/// Hostile font files: built here, byte by byte, so the test needs nothing from the machine.
mod hostile {
    use super::*;

    fn be16(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_be_bytes());
    }

    fn be32(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_be_bytes());
    }

    /// A TrueType face named "Tiny" with `glyphs` glyphs whose format-4 `cmap` maps each
    /// (character, glyph) pair of `map`, glyph ids unchecked; tables placed from byte `base`
    /// of the file it goes into (a collection puts its header first).
    fn tiny_face(glyphs: u16, map: &[(char, u16)], base: u32) -> Vec<u8> {
        let mut head = Vec::new();
        be32(&mut head, 0x0001_0000); // version
        be32(&mut head, 0x0001_0000); // fontRevision
        be32(&mut head, 0); // checksumAdjustment
        be32(&mut head, 0x5F0F_3CF5); // magic
        be16(&mut head, 0); // flags
        be16(&mut head, 1000); // unitsPerEm
        head.extend_from_slice(&[0; 16]); // created, modified
        for v in [0u16, 0, 1000, 1000, 0, 8, 2, 0, 0] {
            be16(&mut head, v); // bbox, macStyle, lowestRecPPEM, direction, loca, glyf format
        }
        let mut hhea = Vec::new();
        be32(&mut hhea, 0x0001_0000);
        for v in [
            880u16,
            (-120i16) as u16,
            0,
            1000,
            0,
            0,
            1000,
            1,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
        ] {
            be16(&mut hhea, v);
        }
        be16(&mut hhea, glyphs); // numberOfHMetrics
        let mut maxp = Vec::new();
        be32(&mut maxp, 0x0000_5000);
        be16(&mut maxp, glyphs);
        let mut hmtx = Vec::new();
        for _ in 0..glyphs {
            be16(&mut hmtx, 1000);
            be16(&mut hmtx, 0);
        }
        // cmap: one Windows Unicode BMP subtable, one segment per pair plus the final 0xFFFF.
        let mut segments: Vec<(u16, i16)> = map
            .iter()
            .map(|&(c, g)| (c as u16, g.wrapping_sub(c as u16) as i16))
            .collect();
        segments.push((0xFFFF, 1));
        let n = segments.len() as u16;
        let mut sub = Vec::new();
        be16(&mut sub, 4);
        be16(&mut sub, 16 + 8 * n);
        be16(&mut sub, 0);
        be16(&mut sub, 2 * n);
        let power = 1u16 << (15 - n.leading_zeros());
        be16(&mut sub, 2 * power);
        be16(&mut sub, power.trailing_zeros() as u16);
        be16(&mut sub, 2 * n - 2 * power);
        segments.iter().for_each(|s| be16(&mut sub, s.0)); // endCode
        be16(&mut sub, 0);
        segments.iter().for_each(|s| be16(&mut sub, s.0)); // startCode
        segments.iter().for_each(|s| be16(&mut sub, s.1 as u16)); // idDelta
        segments.iter().for_each(|_| be16(&mut sub, 0)); // idRangeOffset
        let mut cmap = Vec::new();
        for v in [0u16, 1, 3, 1] {
            be16(&mut cmap, v);
        }
        be32(&mut cmap, 12);
        cmap.extend(sub);
        // name: family (1), full name (4) and PostScript name (6), Windows English.
        let names: [(u16, &str); 3] = [(1, "Tiny"), (4, "Tiny Regular"), (6, "Tiny-Regular")];
        let mut name = Vec::new();
        let mut strings = Vec::new();
        be16(&mut name, 0);
        be16(&mut name, names.len() as u16);
        be16(&mut name, 6 + 12 * names.len() as u16);
        for (id, text) in names {
            let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            for v in [3u16, 1, 0x409, id, utf16.len() as u16, strings.len() as u16] {
                be16(&mut name, v);
            }
            strings.extend(utf16);
        }
        name.extend(strings);

        let tables: [(&[u8; 4], Vec<u8>); 6] = [
            (b"cmap", cmap),
            (b"head", head),
            (b"hhea", hhea),
            (b"hmtx", hmtx),
            (b"maxp", maxp),
            (b"name", name),
        ];
        let mut font = Vec::new();
        be32(&mut font, 0x0001_0000);
        be16(&mut font, tables.len() as u16);
        for v in [64u16, 2, 32] {
            be16(&mut font, v); // searchRange, entrySelector, rangeShift for 6 tables
        }
        let mut offset = base + 12 + 16 * tables.len() as u32;
        let mut body = Vec::new();
        for (tag, data) in &tables {
            font.extend_from_slice(*tag);
            be32(&mut font, 0); // checksum (not checked by readers)
            be32(&mut font, offset);
            be32(&mut font, data.len() as u32);
            body.extend_from_slice(data);
            while body.len() % 4 != 0 {
                body.push(0);
            }
            offset = base + 12 + 16 * tables.len() as u32 + body.len() as u32;
        }
        font.extend(body);
        font
    }

    /// A collection header claiming `claimed` faces, then one real face.
    fn collection(claimed: u32) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"ttcf");
        be32(&mut out, 0x0001_0000);
        be32(&mut out, claimed);
        be32(&mut out, 16);
        out.extend(tiny_face(3, &[('A', 1)], 16));
        out
    }

    fn only(path: &Path) -> Result<FontSet, FontError> {
        FontSet::builder()
            .bundled(false)
            .system(false)
            .font_file(path)
            .build()
    }

    /// A face whose `cmap` sends `B` past its three glyphs: before, `B` counted as covered and
    /// was drawn as an empty box with exit 0; now it is missing, so it falls back or is reported.
    #[test]
    fn a_cmap_entry_past_the_glyph_count_is_a_missing_character() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiny.ttf");
        std::fs::write(&path, tiny_face(3, &[('A', 1), ('B', 7)], 0)).unwrap();
        let set = only(&path).expect("the tiny face loads");
        let (id, info) = set.faces().next().expect("one face");
        assert_eq!(info.family, "Tiny");
        assert!(set.covers(id, 'A'));
        assert!(!set.covers(id, 'B'));
        assert!(!set.covers(id, 'C'));
        assert_eq!(set.code_points(id), 1);
    }

    #[test]
    fn a_collection_claiming_more_faces_than_it_holds_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("one.ttc");
        std::fs::write(&good, collection(1)).unwrap();
        assert_eq!(
            only(&good).expect("a one-face collection").faces().count(),
            1
        );

        // 200 is under the cap, but the file is too short to list 200 offsets.
        assert!(collection(200).len() < 12 + 4 * 200);
        for claimed in [u32::MAX, fonts::MAX_COLLECTION_FACES + 1, 200] {
            let bad = dir.path().join(format!("claims-{claimed}.ttc"));
            std::fs::write(&bad, collection(claimed)).unwrap();
            let err = only(&bad).expect_err("refused").to_string();
            assert_eq!(
                err,
                format!(
                    "font collection {} claims {claimed} faces, more than it can hold or than {} \
                     (a broken or hostile file)",
                    bad.display(),
                    fonts::MAX_COLLECTION_FACES
                )
            );
            // The same file found in a font folder is refused the same way.
            let folder = dir.path().join(format!("dir-{claimed}"));
            std::fs::create_dir_all(folder.join("sub")).unwrap();
            std::fs::copy(&bad, folder.join("sub/Bad.TTC")).unwrap();
            let err = FontSet::builder()
                .bundled(false)
                .system(false)
                .font_dir(&folder)
                .build()
                .expect_err("refused")
                .to_string();
            assert!(err.contains("claims") && err.contains("Bad.TTC"), "{err}");
        }
    }
}

/// A template family the font set holds (here an added TrueType file, Hanazono's Ming face
/// for the byline) is embedded in the DOCX and the EPUB as the bundled faces are, holding the
/// byline's characters, so neither format leaves it to the reader's machine; a CFF family
/// cannot be, and says why.
#[test]
fn a_template_family_the_set_holds_is_embedded_in_docx_and_epub() {
    use paiban::backend::{self, Context, Format, RenderOptions};
    use paiban::typography::{FontRef, Template};
    const HANAMIN_A: &str = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf";
    let Some(path) = test_font(HANAMIN_A, "fonts-hanazono") else {
        return;
    };
    let set = FontSet::builder()
        .system(false)
        .font_file(path)
        .build()
        .unwrap();
    let family = set
        .faces()
        .find(|(_, i)| i.path() == Some(Path::new(path)))
        .map(|(_, i)| i.family.clone())
        .unwrap();
    let mut t = Template::builtin("newspaper").unwrap();
    t.roles.byline.font = FontRef::Family(family.clone());
    let source =
        "---\ntitle: 测试周刊\n---\n\n## 标题在此\n\n本报讯 正文一段。\n\n（记者 林晓峰）\n";
    let dir = std::env::temp_dir().join(format!("paiban-family-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("family.md");
    std::fs::write(&file, source).unwrap();
    let doc = paiban::source::read_path(&file, &Default::default())
        .unwrap()
        .document;
    let options = RenderOptions::default();
    let ctx = Context {
        template: &t,
        fonts: &set,
        options: &options,
    };
    let planned = backend::Planned::new(&doc, &t);
    let unzip = |bytes: Vec<u8>| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            out.insert(f.name().unwrap().into_owned(), data);
        }
        out
    };
    let docx = unzip(backend::render_planned(Format::Docx, &planned, &ctx).unwrap());
    let epub = unzip(backend::render_planned(Format::Epub, &planned, &ctx).unwrap());
    assert_eq!(planned.outside_plan(), 0);

    let table = String::from_utf8(docx["word/fontTable.xml"].clone()).unwrap();
    let entry = &table[table.find(&format!("w:name=\"{family}\"")).expect("named")..];
    let entry = &entry[..entry.find("</w:font>").unwrap()];
    assert!(entry.contains("w:embedRegular"), "{entry}");
    assert_eq!(
        docx.keys().filter(|n| n.ends_with(".odttf")).count(),
        3,
        "Song, Hei and the Ming face"
    );
    let css = String::from_utf8(epub["OEBPS/style.css"].clone()).unwrap();
    assert!(
        css.contains(&format!("font-family: \"{family}\";")),
        "no @font-face for {family}:\n{css}"
    );
    let ming = &epub["OEBPS/fonts/family-3.ttf"];
    let chars = cmap(ming);
    let want: BTreeSet<char> = "（记者 林晓峰）".chars().filter(|c| *c != ' ').collect();
    assert!(want.is_subset(&chars), "{:?}", want.difference(&chars));
    assert!(chars.len() < 20, "a subset, not the face: {}", chars.len());

    if let Some(cff) = test_font(NOTO_SERIF_CJK_OTC, "fonts-noto-cjk") {
        let set = FontSet::builder()
            .system(false)
            .font_file(cff)
            .build()
            .unwrap();
        let key = fonts::TemplateFace::Family("Noto Serif CJK SC".into());
        let why = set.embeddable(&key).err().expect("CFF is not embeddable");
        assert!(why.contains("CFF"), "{why}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `paiban build` says when the DOCX and EPUB cannot show what the PDF shows: a character only
/// a fallback system or added face has (here CJK Extension B from Hanazono), and a template
/// family that cannot be embedded (CFF outlines).
#[test]
fn build_warns_what_the_docx_and_epub_cannot_carry() {
    const HANAMIN_B: &str = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
    let Some(font) = test_font(HANAMIN_B, "fonts-hanazono") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("paiban-pdf-only-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rare.md");
    std::fs::write(&file, "## 标题\n\n本报讯 这里有一个生僻字𠈌。\n").unwrap();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_paiban"))
            .args(["build", "--no-system-fonts", "--font", font, "-o"])
            .arg(&dir)
            .arg(&file)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&[]);
    assert!(
        err.contains("rare.md: the PDF draws 1 character with HanaMinB, a fallback face"),
        "{err}"
    );
    assert!(!run(&["--to", "pdf"]).contains("fallback face"));
    std::fs::remove_dir_all(&dir).unwrap();
}
