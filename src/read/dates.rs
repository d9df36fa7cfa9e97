//! What the readers share about dates written by people: the names of the months.

/// Month names and their usual abbreviations in the languages most pages use, lowercase.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari",
    ],
    &[
        "february",
        "feb",
        "février",
        "févr",
        "fevrier",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
    ],
    &[
        "march", "mar", "mars", "märz", "maerz", "marzo", "março", "maart", "mrt",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
    &[
        "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho",
    ],
    &[
        "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho",
    ],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
    ],
    &[
        "october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "décembre",
        "decembre",
        "déc",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ],
];

/// The number (1-12) of a month name or abbreviation in one of the known languages,
/// whatever its case, with or without a trailing full stop ("Sept.", "März", "dic").
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_several_languages() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MÄRZ"), Some(3));
        assert_eq!(month_number("dic"), Some(12));
        assert_eq!(month_number("juillet"), Some(7));
        assert_eq!(month_number("Monday"), None);
    }
}
