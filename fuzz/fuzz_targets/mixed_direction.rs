//! Mixed-direction text: each input byte picks a piece from a palette of Han, Latin, digits,
//! Hebrew, Arabic-script (Uyghur) letters and marks, bidi controls, full-width punctuation and
//! line structure, so every case is Chinese news with right-to-left runs in it, as the attack
//! run's `正文 אב` was. The article is read and rendered to all three formats with the system
//! faces (DejaVu draws Hebrew and Arabic), and must never panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::source::{ReadOptions, read_bytes};
use paiban::typography::Template;

const PALETTE: &[&str] = &[
    "正文", "新疆", "记者", "，", "。", "、", "：", "“", "”", "（", "）", "《", "》", "——", "……",
    "\u{3000}", " ", "\n", "\n\n", "　　", "2026", "年", "9月1日", "Urumqi", "Hotan", "'s",
    "א", "ב", "ש", "ל", "ו", "ם", "\u{05B4}", "ئ", "ا", "ب", "د", "ۇ", "ر", "ې", "ھ", "ى",
    "م", "\u{064E}", "\u{0651}", "٣", "١", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}",
    "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    "\u{061C}", "\u{200D}", "\u{200C}", "**", "*", "~~", "[", "](https://example.org/ئا)",
    "## ", "> ", "1. ", "- ", "本报讯", "（记者 ئابدۇرېھىم）",
];

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| FontSet::builder().build().expect("bundled and system faces"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let mut text = String::from("双语新闻报道\n\n");
    for &b in rest {
        text.push_str(PALETTE[usize::from(b) % PALETTE.len()]);
    }
    let Ok(reading) = read_bytes(text.as_bytes(), Path::new("mixed.md"), &ReadOptions::default())
    else {
        return;
    };
    let template = ["newspaper", "gongwen", "book"][usize::from(pick) % 3];
    let template = Template::builtin(template).expect("built-in template");
    let options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: fonts(),
        options: &options,
    };
    for format in [Format::Pdf, Format::Docx, Format::Epub] {
        backend::render(format, &reading.document, &ctx)
            .unwrap_or_else(|e| panic!("{format}: {e}"));
    }
});
