//! The calendar feed a family's phone subscribes to (RFC 5545): each coming visit with its
//! time and the caregiver's first name, nothing else. An event's UID is its visit's, so a
//! moved or re-assigned visit replaces the event instead of adding one; a cancelled visit
//! stays as a cancelled event. Times are Prague wall times with the zone's rules attached.

use chrono::{DateTime, Utc};

use crate::time::to_prague;

/// One visit in the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedVisit {
    pub visit_id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub caregiver_first_name: Option<String>,
    pub cancelled: bool,
    /// When the visit last changed: phones take the event with the newer stamp.
    pub changed_at: DateTime<Utc>,
}

/// Europe/Prague as RFC 5545 describes a zone: the EU rule since 1996.
const PRAGUE_ZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Prague\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The event id of a visit, the same for as long as the visit exists.
pub fn event_uid(visit_id: &str) -> String {
    format!("{visit_id}@e-pece")
}

/// The first word of a display name: all a calendar shows of the caregiver.
pub fn first_name(display_name: &str) -> Option<String> {
    display_name.split_whitespace().next().map(str::to_owned)
}

/// The whole feed.
pub fn calendar(visits: &[FeedVisit], now: DateTime<Utc>) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//E-pece//Rodina//CS\r\nCALSCALE:GREGORIAN\r\n\
         METHOD:PUBLISH\r\nX-WR-CALNAME:Pečovatelská služba\r\nX-WR-TIMEZONE:Europe/Prague\r\n",
    );
    out.push_str(PRAGUE_ZONE);
    for visit in visits {
        out.push_str(&event(visit, now));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn event(visit: &FeedVisit, now: DateTime<Utc>) -> String {
    let summary = match &visit.caregiver_first_name {
        Some(name) => format!("Pečovatelská služba – {name}"),
        None => "Pečovatelská služba".to_owned(),
    };
    let (status, summary) = if visit.cancelled {
        ("CANCELLED", format!("Zrušeno: {summary}"))
    } else {
        ("CONFIRMED", summary)
    };
    let lines = [
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", event_uid(&visit.visit_id)),
        format!("DTSTAMP:{}", utc_stamp(now)),
        format!("LAST-MODIFIED:{}", utc_stamp(visit.changed_at)),
        format!(
            "DTSTART;TZID=Europe/Prague:{}",
            prague_stamp(visit.starts_at)
        ),
        format!("DTEND;TZID=Europe/Prague:{}", prague_stamp(visit.ends_at)),
        format!("SUMMARY:{}", escape(&summary)),
        format!("STATUS:{status}"),
        "TRANSP:OPAQUE".to_owned(),
        "END:VEVENT".to_owned(),
    ];
    lines.iter().map(|line| fold(line)).collect()
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn prague_stamp(at: DateTime<Utc>) -> String {
    to_prague(at).format("%Y%m%dT%H%M%S").to_string()
}

/// Text values escape backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A content line of at most 75 octets per physical line, continued with a leading space,
/// never splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    fn visit(id: &str, starts_at: &str, cancelled: bool) -> FeedVisit {
        FeedVisit {
            visit_id: id.into(),
            starts_at: at(starts_at),
            ends_at: at(starts_at) + chrono::Duration::minutes(45),
            caregiver_first_name: first_name("Jana Nováková"),
            cancelled,
            changed_at: at("2026-10-01T10:00:00Z"),
        }
    }

    #[test]
    fn an_event_carries_prague_wall_time_and_the_first_name_only() {
        let feed = calendar(
            &[visit("v1", "2026-10-24T06:30:00Z", false)],
            at("2026-10-20T00:00:00Z"),
        );
        assert!(feed.contains("DTSTART;TZID=Europe/Prague:20261024T083000\r\n"));
        assert!(feed.contains("SUMMARY:Pečovatelská služba – Jana\r\n"));
        assert!(!feed.contains("Nováková"));
        assert!(feed.contains("UID:v1@e-pece\r\n"));
    }

    #[test]
    fn a_cancelled_visit_is_a_cancelled_event() {
        let feed = calendar(
            &[visit("v1", "2026-10-27T07:30:00Z", true)],
            at("2026-10-20T00:00:00Z"),
        );
        assert!(feed.contains("STATUS:CANCELLED\r\n"));
        assert!(feed.contains("DTSTART;TZID=Europe/Prague:20261027T083000\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_letter() {
        let folded = fold(&format!("SUMMARY:{}", "č".repeat(60)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            folded.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "č".repeat(60))
        );
    }

    #[test]
    fn text_values_escape_what_the_format_reserves() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
    }
}
