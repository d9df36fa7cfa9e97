//! Splitting a personal name into surname and given names, for JATS `<name>`.

/// A personal name split for `<name>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName<'a> {
    pub surname: String,
    pub given: &'a str,
    pub suffix: Option<&'a str>,
}

/// Words that start a surname in many languages ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du", "des",
    "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "zu", "af", "av",
];

const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Words that mark a name as an organization's, not a person's.
const ORGANIZATION_WORDS: &[&str] = &[
    "agency",
    "association",
    "associated",
    "board",
    "bureau",
    "center",
    "centre",
    "college",
    "committee",
    "company",
    "corporation",
    "council",
    "department",
    "desk",
    "editors",
    "editorial",
    "foundation",
    "group",
    "inc",
    "inc.",
    "institute",
    "journal",
    "laboratory",
    "ltd",
    "ltd.",
    "magazine",
    "media",
    "ministry",
    "network",
    "news",
    "newsroom",
    "office",
    "organization",
    "organisation",
    "post",
    "press",
    "project",
    "reporters",
    "services",
    "society",
    "staff",
    "team",
    "times",
    "university",
    "wire",
];

/// Splits a name written "Given Surname", "Given M. Surname", "Given van der Surname" or
/// "Surname, Given" (an optional suffix such as "Jr." last); `None` when it does not look like
/// a personal name (one word, an organization, digits or symbols), which then stays whole.
pub fn split_name(full: &str) -> Option<PersonName<'_>> {
    let full = full.trim();
    if let Some((surname, given)) = full.split_once(',') {
        let (surname, given) = (surname.trim(), given.trim());
        let plain = |s: &str| !s.is_empty() && !s.contains(',') && words_are_personal(s);
        return (plain(surname) && plain(given)).then(|| PersonName {
            surname: surname.to_string(),
            given,
            suffix: None,
        });
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let (words, suffix) = match words.split_last() {
        Some((last, rest)) if SUFFIXES.contains(last) => (rest, Some(*last)),
        _ => (&words[..], None),
    };
    if !(2..=5).contains(&words.len()) || !words_are_personal(full) {
        return None;
    }
    // The surname starts at the first particle after the first given name (capitalized or not:
    // "Mark Di Stefano"), else it is the last word.
    let start = (1..words.len() - 1)
        .find(|&i| PARTICLES.contains(&words[i].to_lowercase().as_str()))
        .unwrap_or(words.len() - 1);
    if words[..start].iter().any(|w| !starts_upper(w)) || !starts_upper(words[words.len() - 1]) {
        return None;
    }
    let given_end = word_end(full, words[start - 1]);
    Some(PersonName {
        surname: words[start..].join(" "),
        given: full[..given_end].trim(),
        suffix,
    })
}

/// Byte offset just past `word`, a subslice of `full`.
fn word_end(full: &str, word: &str) -> usize {
    word.as_ptr() as usize - full.as_ptr() as usize + word.len()
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Letters, initials, hyphens and apostrophes only, and no organization word.
fn words_are_personal(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && !ORGANIZATION_WORDS.contains(&w.to_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Option<(String, String, Option<String>)> {
        split_name(s).map(|n| (n.surname, n.given.to_string(), n.suffix.map(str::to_string)))
    }

    fn person(surname: &str, given: &str) -> Option<(String, String, Option<String>)> {
        Some((surname.to_string(), given.to_string(), None))
    }

    #[test]
    fn splits_given_then_surname() {
        assert_eq!(split("Jane Doe"), person("Doe", "Jane"));
        assert_eq!(split("  Jane   Q. Doe "), person("Doe", "Jane   Q."));
        assert_eq!(split("Jean-Luc Picard"), person("Picard", "Jean-Luc"));
        assert_eq!(split("Zoë O'Brien"), person("O'Brien", "Zoë"));
    }

    #[test]
    fn keeps_particles_with_the_surname() {
        assert_eq!(split("Anna van der Berg"), person("van der Berg", "Anna"));
        assert_eq!(
            split("Ludwig van Beethoven"),
            person("van Beethoven", "Ludwig")
        );
        assert_eq!(split("Leonardo da Vinci"), person("da Vinci", "Leonardo"));
        assert_eq!(split("Mark Di Stefano"), person("Di Stefano", "Mark"));
        assert_eq!(
            split("Laura June Topolsky"),
            person("Topolsky", "Laura June")
        );
    }

    #[test]
    fn reads_surname_comma_given() {
        assert_eq!(split("Doe, Jane"), person("Doe", "Jane"));
        assert_eq!(
            split("van der Berg, Anna M."),
            person("van der Berg", "Anna M.")
        );
    }

    #[test]
    fn takes_a_suffix_apart() {
        assert_eq!(
            split("Martin Luther King Jr."),
            Some(("King".into(), "Martin Luther".into(), Some("Jr.".into())))
        );
    }

    #[test]
    fn leaves_other_names_whole() {
        for s in [
            "Reuters",
            "Associated Press",
            "BBC News Staff",
            "The Editorial Board",
            "Agent 007",
            "jane doe",
            "a@b.c Smith",
            "Doe, Jane, Jr",
            "习近平",
            "",
            "One Two Three Four Five Six",
        ] {
            assert_eq!(split(s), None, "{s}");
        }
    }
}
