//! Czech grammar the screens need beyond plurals: whom a caregiver is with, "U paní
//! Ukázkové", from the client's name as written ("Věra Ukázková", first name first); and
//! numbers as Czech is written, "12 345,67".
//!
//! The preposition "u" takes the genitive. Only endings whose genitive is certain are
//! declined; for any other name the phrase falls back to the undeclined name after a
//! declined noun, "U klienta Jan Novák", which is always correct.

/// Letters after which a man's surname ending in a consonant declines like "muž" (-e).
const SOFT: &[char] = &['č', 'ď', 'j', 'ň', 'ř', 'š', 'ť', 'ž'];
/// Letters after which it declines like "pán" (-a). Left out because a surname's pattern
/// cannot be told from them: c (Němec, Němce / Kadlec, Kadlece), l (Havel, Havla / Král,
/// Krále), s and z (Hus, Husa / Kraus, Krause).
const HARD: &[char] = &[
    'b', 'd', 'f', 'g', 'h', 'k', 'm', 'n', 'p', 'r', 't', 'v', 'w',
];

/// Whom a caregiver is with, in the genitive after "u", capitalised to start a line:
/// `Věra Ukázková` → `U paní Ukázkové`, `Jan Novák` → `U pana Nováka`, and
/// `U klienta …` with the name unchanged when the form is not certain.
pub fn at_client(full_name: &str) -> String {
    let name = full_name.split_whitespace().collect::<Vec<_>>().join(" ");
    match genitive(&name) {
        Some((Title::Woman, surname)) => format!("U paní {surname}"),
        Some((Title::Man, surname)) => format!("U pana {surname}"),
        None => format!("U klienta {name}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Title {
    Woman,
    Man,
}

/// A Czech vowel, in either case (`İ` too: its lower case starts with `i`). Listed rather
/// than lower-cased: `char::to_lowercase` would bring Unicode's case tables into the app's
/// first download.
fn vowel(c: char) -> bool {
    "aáeéěiíoóuúůyýAÁEÉĚIÍİOÓUÚŮYÝ".contains(c)
}

/// The surname in the genitive, with the title it goes with, when both are certain.
fn genitive(name: &str) -> Option<(Title, String)> {
    let mut words = name.rsplit(' ');
    let surname = words.next().filter(|word| !word.is_empty())?;
    // The word before the surname: the first name, after any title.
    let first_name = words.next();
    let letters: Vec<char> = surname.chars().collect();
    let capitalised = letters.first()?.is_uppercase() && letters.len() >= 2;
    if !capitalised || !letters.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let stem = |drop: &str| surname.strip_suffix(drop).map(str::to_owned);
    let before_last = letters[letters.len() - 2];
    // Women's first names end in -a or -e (Věra, Marie); men's mostly do not.
    let woman = first_name.map(|first| first.ends_with(['a', 'e']));
    // A women's surname in -ová, or in -á with a woman's first name, declines like an
    // adjective: Ukázkové, Černé.
    if let Some(stem) = stem("ová") {
        return Some((Title::Woman, format!("{stem}ové")));
    }
    if let (Some(stem), Some(true)) = (stem("á"), woman) {
        return Some((Title::Woman, format!("{stem}é")));
    }
    // -í (Krejčí) and -ů (Janů) name either; the first name tells which.
    if surname.ends_with(['í', 'ů']) {
        return Some(match (woman?, stem("í")) {
            (true, _) => (Title::Woman, surname.to_owned()),
            (false, Some(stem)) => (Title::Man, format!("{stem}ího")),
            (false, None) => (Title::Man, surname.to_owned()),
        });
    }
    if let Some(stem) = stem("ý") {
        return Some((Title::Man, format!("{stem}ého")));
    }
    let last = *letters.last()?;
    // Svoboda, Svobody, Skála, Skály; after a soft consonant the pattern differs (Bača,
    // Bači): unsure.
    if let Some(stem) = stem("a") {
        let hard = !vowel(before_last) && before_last != 'c' && !SOFT.contains(&before_last);
        return hard.then(|| (Title::Man, format!("{stem}y")));
    }
    // A mobile e: Hájek, Hájka, when a consonant stands before it and the stem keeps a
    // vowel.
    if let Some(stem) = stem("ek").filter(|stem| stem.chars().any(vowel)) {
        return (!stem.ends_with(vowel)).then(|| (Title::Man, format!("{stem}ka")));
    }
    // Other mobile e's (Němec, Havel, Kozel), and ě softening what stays (Vaněk, Vaňka):
    // unsure.
    if ["ec", "el", "en", "er", "ěk"]
        .iter()
        .any(|ending| surname.ends_with(ending))
    {
        return None;
    }
    if SOFT.contains(&last) {
        return Some((Title::Man, format!("{surname}e")));
    }
    HARD.contains(&last)
        .then(|| (Title::Man, format!("{surname}a")))
}

/// `1234567` hundredths as "12 345,67" (non-breaking spaces between thousands).
pub fn czech_hundredths(value: i64) -> String {
    let sign = if value < 0 { "−" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{},{:02}", grouped(value / 100), value % 100)
}

/// Hundredths as a figure in a sentence: whole ones without decimals, "60 000", others as
/// `czech_hundredths`, "92,31".
pub fn czech_figure(hundredths: i64) -> String {
    let written = czech_hundredths(hundredths);
    match written.strip_suffix(",00") {
        Some(whole) => whole.to_owned(),
        None => written,
    }
}

/// `1234567` as "1 234 567", non-breaking spaces between the thousands.
pub fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vowel_is_one_in_either_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            assert_eq!(vowel(c), "aáeéěiíoóuúůyý".contains(lower), "{c:?}");
        }
    }

    #[test]
    fn women_in_ova_and_a_are_declined_like_adjectives() {
        for (name, said) in [
            ("Věra Ukázková", "U paní Ukázkové"),
            ("Marie Modelová", "U paní Modelové"),
            ("Anna Černá", "U paní Černé"),
            ("Jana Krásná", "U paní Krásné"),
            ("Ludmila Krejčí", "U paní Krejčí"),
            ("Eva Janů", "U paní Janů"),
        ] {
            assert_eq!(at_client(name), said, "{name}");
        }
    }

    #[test]
    fn men_are_declined_by_the_pattern_their_ending_is_certain_of() {
        for (name, said) in [
            ("Jan Novák", "U pana Nováka"),
            ("Josef Dvořák", "U pana Dvořáka"),
            ("Karel Zeman", "U pana Zemana"),
            ("František Holub", "U pana Holuba"),
            ("Petr Mach", "U pana Macha"),
            ("Jiří Kovář", "U pana Kováře"),
            ("Pavel Beneš", "U pana Beneše"),
            ("Tomáš Kříž", "U pana Kříže"),
            ("Karel Černý", "U pana Černého"),
            ("Jan Novotný", "U pana Novotného"),
            ("Jiří Krejčí", "U pana Krejčího"),
            ("Josef Janů", "U pana Janů"),
            ("Jan Svoboda", "U pana Svobody"),
            ("Václav Procházka", "U pana Procházky"),
            ("Josef Kučera", "U pana Kučery"),
            ("Jan Skála", "U pana Skály"),
            ("Milan Hájek", "U pana Hájka"),
            ("Jan Jelínek", "U pana Jelínka"),
            ("Karel Sedláček", "U pana Sedláčka"),
        ] {
            assert_eq!(at_client(name), said, "{name}");
        }
    }

    #[test]
    fn an_uncertain_name_stays_as_written_after_u_klienta() {
        for name in [
            // A mobile e, or a pattern the ending does not tell.
            "Jan Němec",
            "Josef Kadlec",
            "Václav Havel",
            "Karel Král",
            "Jan Hus",
            "Petr Kraus",
            "Jiří Vaněk",
            "Milan Bača",
            // Foreign, double-barrelled, abbreviated, or a lone name.
            "Černá",
            "Jan Černá",
            "Marie Nováková-Dvořáková",
            "Jan Novák ml.",
            "Krejčí",
            "Luca Rossi",
        ] {
            assert_eq!(at_client(name), format!("U klienta {name}"), "{name}");
        }
    }

    #[test]
    fn spaces_are_tidied_the_surname_is_the_last_word_and_a_title_is_no_first_name() {
        assert_eq!(at_client("  Ing. Jan   Novák "), "U pana Nováka");
        assert_eq!(at_client("MUDr. Jiří Krejčí"), "U pana Krejčího");
        assert_eq!(at_client("Ing. Marie Krejčí"), "U paní Krejčí");
    }

    #[test]
    fn numbers_group_thousands_and_take_a_decimal_comma() {
        assert_eq!(czech_hundredths(1_234_567), "12\u{a0}345,67");
        assert_eq!(czech_hundredths(-5), "−0,05");
        assert_eq!(czech_figure(6_000_000), "60\u{a0}000");
        assert_eq!(czech_figure(9_231), "92,31");
        assert_eq!(czech_figure(-200), "−2");
    }
}
