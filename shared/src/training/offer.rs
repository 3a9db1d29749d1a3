//! What a lecturer offers: a course and a run of it with its sessions, as the forms send
//! them and checked once. Times are Prague wall times (`YYYY-MM-DDTHH:MM`), as a lecturer
//! types them.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::bounds::{bounded_list, plausible_date};
use crate::error::FieldError;
use crate::time::{from_prague, prague_date};

use super::TargetGroup;

/// The longest course: 200 hours.
pub const MAX_COURSE_MINUTES: i64 = 200 * 60;
/// The most people a run may take.
pub const MAX_CAPACITY: i64 = 200;
/// The most sessions a run (a module) may have.
pub const MAX_SESSIONS: usize = 20;

/// `POST /api/training/courses` and `PUT /api/training/courses/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseInput {
    /// The centre that offers and keeps the course.
    pub centre_id: String,
    pub title: String,
    pub minutes: i64,
    pub target_group: TargetGroup,
    #[serde(default)]
    pub accreditation_number: Option<String>,
    #[serde(default)]
    pub accreditation_valid_until: Option<NaiveDate>,
    pub description: String,
    pub what_to_bring: String,
    /// An in-house training event, not an accredited course (see the duty's 8-hour cap).
    #[serde(default)]
    pub in_house: bool,
}

fn text(
    value: &str,
    field: &'static str,
    max: usize,
    required: bool,
    message: &str,
) -> Result<String, FieldError> {
    let value = value.trim();
    if (required && value.is_empty()) || value.chars().count() > max {
        return Err(FieldError::new(field, message));
    }
    Ok(value.to_owned())
}

/// Trimmed texts of sane length; hours within 200; an accreditation number and its
/// validity together or not at all; an in-house event carries no accreditation.
pub fn check_course(input: &CourseInput) -> Result<CourseInput, FieldError> {
    let title = text(
        &input.title,
        "title",
        200,
        true,
        "Zadejte název kurzu, nejvýše 200 znaků.",
    )?;
    if !(1..=MAX_COURSE_MINUTES).contains(&input.minutes) {
        return Err(FieldError::new(
            "minutes",
            "Rozsah kurzu je více než 0 a nejvýše 200 hodin.",
        ));
    }
    let number = input
        .accreditation_number
        .as_deref()
        .map(|n| {
            text(
                n,
                "accreditation_number",
                60,
                false,
                "Číslo akreditace má nejvýše 60 znaků.",
            )
        })
        .transpose()?
        .filter(|n| !n.is_empty());
    let valid_until = input
        .accreditation_valid_until
        .map(|date| plausible_date(date, "accreditation_valid_until"))
        .transpose()?;
    match (&number, valid_until) {
        (Some(_), None) => {
            return Err(FieldError::new(
                "accreditation_valid_until",
                "Uveďte, do kdy akreditace platí.",
            ));
        }
        (None, Some(_)) => {
            return Err(FieldError::new(
                "accreditation_number",
                "K platnosti akreditace uveďte její číslo.",
            ));
        }
        _ => {}
    }
    if input.in_house && number.is_some() {
        return Err(FieldError::new(
            "in_house",
            "Vnitřní školicí akce nemá akreditaci MPSV: zrušte zaškrtnutí, nebo číslo akreditace.",
        ));
    }
    Ok(CourseInput {
        centre_id: input.centre_id.clone(),
        title,
        minutes: input.minutes,
        target_group: input.target_group,
        accreditation_number: number,
        accreditation_valid_until: valid_until,
        description: text(
            &input.description,
            "description",
            2000,
            false,
            "Popis má nejvýše 2000 znaků.",
        )?,
        what_to_bring: text(
            &input.what_to_bring,
            "what_to_bring",
            500,
            false,
            "Co s sebou: nejvýše 500 znaků.",
        )?,
        in_house: input.in_house,
    })
}

/// One session of a run, in Prague wall time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    pub starts_at: String,
    pub ends_at: String,
}

/// `POST /api/training/runs` and `PUT /api/training/runs/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunInput {
    pub course_id: String,
    pub centre_id: String,
    pub lecturer_id: String,
    pub capacity: i64,
    pub room: String,
    pub enrol_by: String,
    pub cancel_by: String,
    pub sessions: Vec<SessionInput>,
}

/// A run as the store writes it: instants, sessions in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRun {
    pub course_id: String,
    pub centre_id: String,
    pub lecturer_id: String,
    pub capacity: i64,
    pub room: String,
    pub enrol_by: DateTime<Utc>,
    pub cancel_by: DateTime<Utc>,
    pub sessions: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

/// A Prague wall time `YYYY-MM-DDTHH:MM` as the instant it names.
pub fn prague_instant(text: &str, field: &'static str) -> Result<DateTime<Utc>, FieldError> {
    let local = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|_| FieldError::new(field, "Zadejte datum a čas, např. 14. 12. 2026 8:00."))?;
    plausible_date(local.date(), field)?;
    from_prague(local).map_err(|error| FieldError::new(field, format!("V Praze {error}.")))
}

/// A capacity of 1 to 200 and a room; one to twenty sessions, each ending later the same
/// day and starting after the previous one ends; enrolment and cancellation closing no
/// later than the first session begins.
pub fn check_run(input: &RunInput) -> Result<CheckedRun, FieldError> {
    if !(1..=MAX_CAPACITY).contains(&input.capacity) {
        return Err(FieldError::new(
            "capacity",
            format!("Kapacita je 1 až {MAX_CAPACITY} míst."),
        ));
    }
    let room = text(
        &input.room,
        "room",
        100,
        true,
        "Zadejte místnost, nejvýše 100 znaků.",
    )?;
    bounded_list(&input.sessions, "sessions")?;
    if input.sessions.is_empty() || input.sessions.len() > MAX_SESSIONS {
        return Err(FieldError::new(
            "sessions",
            format!("Termín má 1 až {MAX_SESSIONS} setkání."),
        ));
    }
    let mut sessions: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (index, session) in input.sessions.iter().enumerate() {
        let number = index + 1;
        let at = |text: &str, field| {
            prague_instant(text, field)
                .map_err(|e| FieldError::new(e.field, format!("{number}. setkání: {}", e.message)))
        };
        let starts = at(&session.starts_at, "sessions.starts_at")?;
        let ends = at(&session.ends_at, "sessions.ends_at")?;
        let same_day = prague_date(starts) == prague_date(ends - Duration::seconds(1));
        if ends <= starts || !same_day {
            return Err(FieldError::new(
                "sessions.ends_at",
                format!("{number}. setkání musí skončit týž den později, než začne."),
            ));
        }
        if sessions
            .last()
            .is_some_and(|(_, previous_end)| starts < *previous_end)
        {
            return Err(FieldError::new(
                "sessions.starts_at",
                format!("{number}. setkání musí začít až po skončení předchozího."),
            ));
        }
        sessions.push((starts, ends));
    }
    let first_start = sessions[0].0;
    let enrol_by = prague_instant(&input.enrol_by, "enrol_by")?;
    if enrol_by > first_start {
        return Err(FieldError::new(
            "enrol_by",
            "Přihlášky musí skončit nejpozději začátkem prvního setkání.",
        ));
    }
    let cancel_by = prague_instant(&input.cancel_by, "cancel_by")?;
    if cancel_by > first_start {
        return Err(FieldError::new(
            "cancel_by",
            "Odhlásit se lze nejpozději do začátku prvního setkání.",
        ));
    }
    Ok(CheckedRun {
        course_id: input.course_id.clone(),
        centre_id: input.centre_id.clone(),
        lecturer_id: input.lecturer_id.clone(),
        capacity: input.capacity,
        room,
        enrol_by,
        cancel_by,
        sessions,
    })
}

#[cfg(test)]
mod tests;
