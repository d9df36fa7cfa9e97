//! Language identification from text, for inputs that do not declare theirs.
//!
//! Two signals: the script of the letters (enough for Chinese, Japanese, Korean, Greek, Thai,
//! Arabic, Hebrew...), then, for Latin and Cyrillic text, which language's most common words
//! occur most often.

use crate::fxhash::FxBuild;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Most frequent function words of each language (the first ones of frequency lists).
/// Words shared by several languages still count for each; the margin check below keeps
/// ambiguous text unlabeled.
const STOP_WORDS: &[(&str, &str)] = &[
    ("en", "the of and to a in is that it for was on are with as he be at by this have from or had not but what all were when we there can an which their has been one they if you more will would its his her she our who so said about also than them these out some into only"),
    ("fr", "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette il elle ils sont par plus ne se son sa ses mais ou nous vous été être leur comme tout fait"),
    ("es", "el la los las de del un una y en que es por con para no se su sus al lo como más pero le ha fue este esta son entre también desde sin sobre muy ya hay porque cuando"),
    ("de", "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es auch als an nach wie aus bei wird sind noch nur war einer oder aber hat werden"),
    ("pt", "o a os as de do da dos das um uma e em que no na nos nas por para com não se seu sua ao mais como mas foi pelo pela são também ou ser está já"),
    ("it", "il lo la i gli le di del della dei un una e è in che per con non si su al alla come più ma sono anche ha nel nella questo questa da dal tra"),
    ("nl", "de het een en van in is dat op te zijn met voor niet die aan er ook als bij door maar om wordt nog naar uit dan tot zo was hij zij"),
    ("cs", "a se na je že v s z do to ve o jako by ale pro k jsou po jak které který která také tak jeho ze byl bylo při už jen než"),
    ("pl", "i w się na nie z do że to jest o jak a co po ale dla przez od tak są za jego jej był już tylko może"),
    ("sv", "och att det i som en på är av för med till den har de inte om ett var jag men ska från så kan eller"),
    ("da", "og i at det er en til på som de med for af ikke der var han den har et fra men om så kan"),
    ("no", "og i er det som på en til av for at med har ikke den de var om et fra men så kan vi jeg"),
    ("fi", "ja on ei se että oli hän mutta kun tai myös ovat ole niin kuin vain jo mitä sen hänen tämä joka"),
    ("ro", "și de la în a cu pe că din nu o un este mai care pentru se sunt fost au ca lui dar prin"),
    ("tr", "ve bir bu da de için ile çok ne daha gibi olarak ama kadar sonra olan var değil ben en"),
    ("id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh saya atau sudah"),
    ("hu", "a az és hogy nem is egy meg van volt de csak már mint ez még azt el ha vagy"),
    ("ru", "и в не на что я с он как а то это по к но из у за от так же все его она для было"),
    ("uk", "і в не на що я з він як а то це по до але із у за від так та її для було є"),
    ("bg", "и в не на да се че от за е с по като са това той но които ще при"),
];

/// Guesses the primary BCP 47 tag of the language of `text`, or `None` when the text is too
/// short or ambiguous.
///
/// ```
/// use folio::lang::detect_language;
/// assert_eq!(detect_language("The committee said that it would meet again in the spring, and that all of the members were there."), Some("en"));
/// assert_eq!(detect_language("Le gouvernement a annoncé que les élections auront lieu dans un mois, et que tout est prêt."), Some("fr"));
/// assert_eq!(detect_language("中国和俄罗斯的关系在过去几年中不断发展。"), Some("zh"));
/// assert_eq!(detect_language("ok"), None);
/// ```
pub fn detect_language(text: &str) -> Option<&'static str> {
    // A sample is enough, and keeps this linear on huge inputs.
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if let Some(lang) = by_script(sample) {
        return Some(lang);
    }
    by_stop_words(sample)
}

/// The characters of text [`detect_language`] looks at.
const SAMPLE_CHARS: usize = 20_000;

/// Bytes of text enough to hold [`detect_language`]'s sample however wide its characters:
/// callers that make the text can stop there.
pub(crate) const SAMPLE_BYTES: usize = 4 * SAMPLE_CHARS + 4;

fn by_script(text: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    let mut other: [(usize, &str); 7] = [
        (0, "el"),
        (0, "ar"),
        (0, "he"),
        (0, "th"),
        (0, "hi"),
        (0, "ka"),
        (0, "hy"),
    ];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0370..=0x03FF => other[0].0 += 1,
            0x0600..=0x06FF => other[1].0 += 1,
            0x0590..=0x05FF => other[2].0 += 1,
            0x0E00..=0x0E7F => other[3].0 += 1,
            0x0900..=0x097F => other[4].0 += 1,
            0x10A0..=0x10FF => other[5].0 += 1,
            0x0530..=0x058F => other[6].0 += 1,
            _ => {}
        }
    }
    if letters < 4 {
        return None;
    }
    let half = |n: usize| n * 2 > letters;
    if kana * 10 > letters && half(kana + han) {
        return Some("ja");
    }
    if half(hangul) {
        return Some("ko");
    }
    if half(han) {
        return Some("zh");
    }
    other.iter().find(|(n, _)| half(*n)).map(|(_, lang)| *lang)
}

/// Each stop word with the set of languages that list it, one bit per entry of `STOP_WORDS`.
/// Built once per process, so it is sized up front and holds no per-word allocation.
/// The table is fixed, so a fast hasher is safe: each word of the input is looked up.
fn stop_word_index() -> &'static HashMap<&'static str, u32, FxBuild> {
    static INDEX: OnceLock<HashMap<&'static str, u32, FxBuild>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let words = STOP_WORDS.iter().map(|(_, l)| l.split(' ').count()).sum();
        let mut index = HashMap::with_capacity_and_hasher(words, FxBuild::default());
        for (i, (_, list)) in STOP_WORDS.iter().enumerate() {
            for w in list.split(' ') {
                *index.entry(w).or_insert(0) |= 1 << i;
            }
        }
        index
    })
}

/// Whether the function words of this language (a primary tag, as [`detect_language`]
/// gives) are known here.
///
/// ```
/// assert!(folio::lang::has_stop_words("en"));
/// assert!(!folio::lang::has_stop_words("el"));
/// ```
pub fn has_stop_words(lang: &str) -> bool {
    STOP_WORDS.iter().any(|(l, _)| *l == lang)
}

/// Whether a lower-case word is a function word of one of the languages known here; the
/// share of such words tells running prose from menus and labels.
pub fn is_stop_word(word: &str) -> bool {
    stop_word_index().contains_key(word)
}

fn by_stop_words(text: &str) -> Option<&'static str> {
    const _: () = assert!(STOP_WORDS.len() <= 32, "one bit per language");
    let index = stop_word_index();
    let mut counts = [0usize; STOP_WORDS.len()];
    let mut total = 0usize;
    for word in letter_runs(text) {
        total += 1;
        let langs = if word.chars().any(char::is_uppercase) {
            index.get(word.to_lowercase().as_str())
        } else {
            index.get(word)
        };
        let mut bits = langs.copied().unwrap_or(0);
        while bits != 0 {
            counts[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }
    let mut ranked: Vec<(usize, &str)> = counts
        .iter()
        .zip(STOP_WORDS)
        .map(|(n, (lang, _))| (*n, *lang))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let (best, lang) = ranked[0];
    let second = ranked[1].0;
    // Enough function words, and clearly more of one language's than any other's.
    (best >= 3 && best * 10 >= total && best * 4 >= second * 5).then_some(lang)
}

/// The runs of alphabetic characters of text (its words), ASCII told by the byte.
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < bytes.len() {
            let (letter, width) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
                _ => text[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
            };
            match (letter, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let word = &text[s..i];
                    i += width;
                    return Some(word);
                }
                _ => {}
            }
            i += width;
        }
        start.map(|s| &text[s..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_runs_are_the_words_between_other_characters() {
        for text in [
            "",
            "a",
            " ab, c ",
            "Été à l'école…",
            "x1y2 zz",
            "日本語 テキスト",
            "a\u{a0}b",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(letter_runs(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn identifies_common_languages() {
        let cases = [
            ("de", "Die Regierung hat am Montag erklärt, dass sie die neuen Regeln nicht vor dem Sommer einführen wird, auch wenn es Kritik gibt."),
            ("es", "El gobierno dijo el lunes que no aplicará las nuevas normas antes del verano, aunque hay críticas por parte de los sindicatos."),
            ("pt", "O governo disse na segunda-feira que não vai aplicar as novas regras antes do verão, mas os sindicatos estão contra."),
            ("cs", "Vláda v pondělí uvedla, že nová pravidla nezavede dříve než v létě, ale že je to také kvůli kritice, která se objevila."),
            ("ru", "Правительство заявило в понедельник, что не будет вводить новые правила до лета, но это не окончательное решение."),
            ("ja", "政府は月曜日、夏までに新しい規則を導入しないと発表した。"),
            ("ko", "정부는 월요일 여름 전에는 새로운 규칙을 도입하지 않겠다고 밝혔다."),
            ("el", "Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα εφαρμόσει τους νέους κανόνες πριν από το καλοκαίρι."),
        ];
        for (lang, text) in cases {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn refuses_to_guess_without_evidence() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12345 67890"), None);
        assert_eq!(detect_language("Kindle Kobo KOReader"), None);
    }
}
