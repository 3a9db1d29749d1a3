//! Dates and times as people read them, in Prague wall time: pure and tested natively.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
pub use shared::czech::{czech_hundredths, grouped};
use shared::schedule::VisitEvent;
use shared::time::{czech_weekday, czech_weekday_capitalized, czech_weekday_genitive, to_prague};

/// `8:00–9:30` in Prague wall time.
pub fn time_range(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    format!("{}–{}", clock(starts_at), clock(ends_at))
}

/// `8:05` in Prague wall time. (Formatted by hand: chrono's `format` machinery costs the
/// download more than it is worth here.)
pub fn clock(instant: DateTime<Utc>) -> String {
    let wall = to_prague(instant);
    format!("{}:{:02}", wall.hour(), wall.minute())
}

/// `45 min`, `2 h`, `12 h 30 min`.
pub fn minutes_label(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (hours, 0) => format!("{hours} h"),
        (0, rest) => format!("{rest} min"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// `2026-11-23T07:00:00Z`: an instant for a `<time datetime>` attribute.
pub fn machine_instant(instant: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        instant.date_naive(),
        instant.hour(),
        instant.minute(),
        instant.second()
    )
}

const MONTHS_GENITIVE: [&str; 12] = [
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
];

/// `pondělí 23. listopadu 2026`.
pub fn czech_date(date: NaiveDate) -> String {
    dated(czech_weekday(date.weekday()), date)
}

/// `Pondělí 23. listopadu 2026`: a date starting a line or a heading.
pub fn czech_date_capitalized(date: NaiveDate) -> String {
    dated(czech_weekday_capitalized(date.weekday()), date)
}

/// `středy 3. prosince 2026`: a date after "od" or "do".
pub fn czech_date_genitive(date: NaiveDate) -> String {
    dated(czech_weekday_genitive(date.weekday()), date)
}

fn dated(weekday: &str, date: NaiveDate) -> String {
    format!(
        "{weekday} {}. {} {}",
        date.day(),
        MONTHS_GENITIVE[date.month0() as usize],
        date.year()
    )
}

/// `23. listopadu 2026 v 15:30` in Prague wall time.
pub fn czech_date_time(instant: DateTime<Utc>) -> String {
    let wall = to_prague(instant);
    let date = wall.date();
    format!(
        "{}. {} {} v {}",
        date.day(),
        MONTHS_GENITIVE[date.month0() as usize],
        date.year(),
        clock(instant)
    )
}

/// `23. 11. 2026 15:30` in Prague wall time: compact, for tables.
pub fn short_date_time(instant: DateTime<Utc>) -> String {
    let date = to_prague(instant).date();
    format!(
        "{}. {}. {} {}",
        date.day(),
        date.month(),
        date.year(),
        clock(instant)
    )
}

/// One change of a visit's history as the planner reads it: when, who, what, why.
pub fn history_line(event: &VisitEvent) -> String {
    let what = match event.kind.as_str() {
        "generated" => "vytvořena z plánu péče",
        "created" => "přidána ručně",
        "moved" => "přesunuta na jiný čas",
        "assigned" => "přidělena jinému pracovníkovi",
        "cancelled" => "zrušena",
        _ => "změněna",
    };
    let mut line = format!(
        "{} {}: {what}",
        short_date_time(event.at),
        event.display_name
    );
    if let Some(reason) = event.reason.as_deref().filter(|r| !r.is_empty()) {
        line.push_str(&format!(" ({reason})"));
    }
    line
}

/// `1 návštěva`, `3 návštěvy`, `5 návštěv`.
pub fn visit_count(count: usize) -> String {
    let noun = match count {
        1 => "návštěva",
        2..=4 => "návštěvy",
        _ => "návštěv",
    };
    format!("{count} {noun}")
}

/// The Czech alphabet, each letter's rank its place here: `č` after `c`, `ch` after `h`,
/// `ř`, `š` and `ž` after their base letters.
const CZECH_LETTERS: [&str; 31] = [
    "a", "b", "c", "č", "d", "e", "f", "g", "h", "ch", "i", "j", "k", "l", "m", "n", "o", "p", "q",
    "r", "ř", "s", "š", "t", "u", "v", "w", "x", "y", "z", "ž",
];

/// A key that sorts names as a Czech dictionary does: `Bečov` before `Bechlín` before
/// `Benešov`, `Ústí` among the U; accents other than on č, ř, š, ž only break ties, and
/// the name itself breaks the rest. Digits and signs go before letters.
pub fn czech_sort_key(text: &str) -> (Vec<usize>, String) {
    let plain = |c: char| match c {
        'á' => 'a',
        'ď' => 'd',
        'é' | 'ě' => 'e',
        'í' => 'i',
        'ň' => 'n',
        'ó' => 'o',
        'ť' => 't',
        'ú' | 'ů' => 'u',
        'ý' => 'y',
        other => other,
    };
    let letters: Vec<char> = text.to_lowercase().chars().map(plain).collect();
    let mut key = Vec::with_capacity(letters.len());
    let mut index = 0;
    while let Some(&letter) = letters.get(index) {
        let ch = letter == 'c' && letters.get(index + 1) == Some(&'h');
        let unit = if ch {
            "ch".to_owned()
        } else {
            letter.to_string()
        };
        let found = CZECH_LETTERS.iter().position(|known| *known == unit);
        key.push(found.map_or(0, |rank| rank + 1));
        index += if ch { 2 } else { 1 };
    }
    (key, text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    #[test]
    fn a_date_after_od_or_do_takes_the_genitive() {
        assert_eq!(
            format!("platí od {}", czech_date_genitive(date("2026-12-02"))),
            "platí od středy 2. prosince 2026"
        );
        assert_eq!(
            czech_date_genitive(date("2026-12-31")),
            "čtvrtka 31. prosince 2026"
        );
    }

    #[test]
    fn a_visit_time_range_is_shown_in_prague_winter_time() {
        let range = time_range(utc("2026-11-23T07:00:00Z"), utc("2026-11-23T08:30:00Z"));
        assert_eq!(range, "8:00–9:30");
    }

    #[test]
    fn a_visit_time_range_is_shown_in_prague_summer_time() {
        let range = time_range(utc("2026-07-01T05:05:00Z"), utc("2026-07-01T06:00:00Z"));
        assert_eq!(range, "7:05–8:00");
    }

    #[test]
    fn a_machine_readable_instant_is_rfc3339_in_utc() {
        let instant = utc("2026-11-23T07:05:09+01:00");
        assert_eq!(machine_instant(instant), "2026-11-23T06:05:09Z");
        assert_eq!(
            DateTime::parse_from_rfc3339(&machine_instant(instant)).expect("valid"),
            instant
        );
    }

    #[test]
    fn a_visit_just_before_utc_midnight_is_the_next_morning_in_prague() {
        assert_eq!(clock(utc("2026-11-23T23:15:00Z")), "0:15");
    }

    #[test]
    fn the_heading_date_is_czech_with_weekday_and_month_in_genitive() {
        assert_eq!(czech_date(date("2026-11-23")), "pondělí 23. listopadu 2026");
        assert_eq!(czech_date(date("2027-01-03")), "neděle 3. ledna 2027");
        assert_eq!(
            czech_date_capitalized(date("2026-09-01")),
            "Úterý 1. září 2026"
        );
    }

    #[test]
    fn a_code_expiry_is_shown_in_prague_time() {
        assert_eq!(
            czech_date_time(utc("2026-11-23T14:30:00Z")),
            "23. listopadu 2026 v 15:30"
        );
        assert_eq!(
            czech_date_time(utc("2026-07-31T22:15:00Z")),
            "1. srpna 2026 v 0:15"
        );
        assert_eq!(
            short_date_time(utc("2026-11-23T14:30:00Z")),
            "23. 11. 2026 15:30"
        );
    }

    #[test]
    fn a_history_line_says_when_who_what_and_why() {
        let event = VisitEvent {
            at: utc("2026-11-23T07:05:00Z"),
            user_id: "k".into(),
            display_name: "Petr Koordinátor".into(),
            kind: "moved".into(),
            detail: "…".into(),
            reason: Some("nemoc".into()),
        };
        let line = history_line(&event);
        assert!(
            line.ends_with("Petr Koordinátor: přesunuta na jiný čas (nemoc)"),
            "{line}"
        );
        assert!(line.starts_with(&short_date_time(event.at)));
    }

    #[test]
    fn visit_counts_use_czech_plural_forms() {
        assert_eq!(visit_count(1), "1 návštěva");
        assert_eq!(visit_count(3), "3 návštěvy");
        assert_eq!(visit_count(5), "5 návštěv");
        assert_eq!(visit_count(0), "0 návštěv");
        assert_eq!(visit_count(14), "14 návštěv");
    }

    #[test]
    fn names_sort_as_a_czech_dictionary_does() {
        let mut names = vec![
            "Žatec",
            "Benešov",
            "Ústí nad Labem",
            "Bechlín",
            "Bečov",
            "Chomutov",
            "Cítoliby",
            "Hora Svatého Šebestiána",
            "Horní Habartice",
            "Úštěk",
            "Řehlovice",
            "Zubrnice",
        ];
        names.sort_by_key(|name| czech_sort_key(name));
        assert_eq!(
            names,
            [
                "Bečov",
                "Bechlín",
                "Benešov",
                "Cítoliby",
                "Hora Svatého Šebestiána",
                "Horní Habartice",
                "Chomutov",
                "Řehlovice",
                "Ústí nad Labem",
                "Úštěk",
                "Zubrnice",
                "Žatec"
            ]
        );
    }
}
