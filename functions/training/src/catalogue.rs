//! The catalogue: centres, courses, runs with free places, and a run as an iCalendar file.

use chrono::{DateTime, Utc};
use platform::{ApiError, ApiResponse, Context, Database, timestamp};
use shared::identity::roles::LECTURERS;
use shared::training::Run;
use shared::training::enrolment::EnrolmentStatus;

use crate::store::catalogue::{self, Runs};

fn lecturer<'a, D>(cx: &'a Context<'_, D>) -> Result<Option<&'a str>, ApiError> {
    let caller = cx.caller()?;
    Ok(LECTURERS
        .contains(&caller.role())
        .then_some(caller.user.user_id.as_str()))
}

/// `GET /api/training/centres`: lecturers work for their own centres only.
pub async fn centres<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(
        &catalogue::centres(cx.db, lecturer(cx)?).await?,
    ))
}

/// `GET /api/training/courses`
pub async fn courses<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    Ok(ApiResponse::ok(&catalogue::courses(cx.db).await?))
}

/// `GET /api/training/runs`: a lecturer's centres' runs, past ones too; for everyone else
/// the runs not over yet.
pub async fn runs<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let viewer = &cx.caller()?.user.user_id;
    let now = timestamp::format(cx.now);
    let which = match lecturer(cx)? {
        Some(lecturer) => Runs::OfLecturer(lecturer),
        None => Runs::NotOverAt(&now),
    };
    Ok(ApiResponse::ok(
        &catalogue::runs(cx.db, viewer, which).await?,
    ))
}

/// `GET /api/training/runs/{id}/calendar.ics`: every session of a run the caller is
/// enrolled in (or waiting for), for her phone's calendar.
pub async fn calendar<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let viewer = &cx.caller()?.user.user_id;
    let id = cx.params.require("id")?;
    let run = catalogue::runs(cx.db, viewer, Runs::One(id))
        .await?
        .into_iter()
        .next()
        .filter(|run| {
            matches!(
                run.my_status,
                Some(EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting)
            )
        })
        .ok_or(ApiError::NotFound("Termín kurzu"))?;
    Ok(ApiResponse::new(200)
        .with_header("content-type", "text/calendar; charset=utf-8")
        .with_header(
            "content-disposition",
            "attachment; filename=\"skoleni.ics\"",
        )
        .with_body(icalendar(&run, cx.now).into_bytes()))
}

fn ics_instant(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 text: backslash, semicolon, comma and newline escaped.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a character.
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for character in line.chars() {
        if width + character.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(character);
        width += character.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

fn icalendar(run: &Run, now: DateTime<Utc>) -> String {
    let count = run.sessions.len();
    let location = ics_text(&format!(
        "{}, {}, {}, {}",
        run.centre_name, run.centre_street, run.centre_municipality, run.room
    ));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//E-pece//Skoleni//CS".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for (index, session) in run.sessions.iter().enumerate() {
        let part = if count > 1 {
            format!(" ({}/{count})", index + 1)
        } else {
            String::new()
        };
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@epece", session.id),
            format!("DTSTAMP:{}", ics_instant(now)),
            format!("DTSTART:{}", ics_instant(session.starts_at)),
            format!("DTEND:{}", ics_instant(session.ends_at)),
            format!(
                "SUMMARY:{}",
                ics_text(&format!("{}{part}", run.course.title))
            ),
            format!("LOCATION:{location}"),
            format!(
                "DESCRIPTION:{}",
                ics_text(&format!(
                    "Lektor: {}. S sebou: {}",
                    run.lecturer_name, run.course.what_to_bring
                ))
            ),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_folds_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "ž".repeat(60));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical}");
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_values_escape_separators() {
        assert_eq!(ics_text("Ústí, sál; 2\n"), "Ústí\\, sál\\; 2\\n");
    }
}
