//! The forms as typed: a lecturer's course and run, a manager's employment periods. Each
//! becomes the request the server takes, checked by the same shared rules before it is sent.

use chrono::NaiveDate;
use shared::error::FieldError;
use shared::time::to_prague;
use shared::training::employment::{EmploymentPeriod, Employments, check_employments};
use shared::training::offer::{CourseInput, RunInput, SessionInput, check_course, check_run};
use shared::training::{Course, Run, TargetGroup};

/// "4", "4,5" or "4.5" hours as minutes.
pub fn minutes_from_hours(text: &str, field: &'static str) -> Result<i64, FieldError> {
    let hours: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| FieldError::new(field, "Zadejte počet hodin, např. 4 nebo 4,5."))?;
    if !hours.is_finite() || hours <= 0.0 {
        return Err(FieldError::new(field, "Počet hodin musí být větší než 0."));
    }
    Ok((hours * 60.0).round() as i64)
}

/// Minutes as the hours field shows them: 270 → "4,5".
pub fn hours_field(minutes: i64) -> String {
    let hours = minutes as f64 / 60.0;
    let text = format!("{hours:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

fn date_or_none(text: &str, field: &'static str) -> Result<Option<NaiveDate>, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| FieldError::new(field, "Zadejte platné datum."))
}

fn date_field(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A course as its form holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseDraft {
    pub centre_id: String,
    pub title: String,
    pub hours: String,
    pub target_group: String,
    pub accreditation_number: String,
    pub accreditation_valid_until: String,
    pub description: String,
    pub what_to_bring: String,
    pub in_house: bool,
}

impl CourseDraft {
    pub fn from_course(course: &Course) -> Self {
        Self {
            centre_id: course.centre_id.clone().unwrap_or_default(),
            title: course.title.clone(),
            hours: hours_field(course.minutes),
            target_group: course.target_group.as_str().to_owned(),
            accreditation_number: course.accreditation_number.clone().unwrap_or_default(),
            accreditation_valid_until: date_field(course.accreditation_valid_until),
            description: course.description.clone(),
            what_to_bring: course.what_to_bring.clone(),
            in_house: course.in_house,
        }
    }

    pub fn input(&self) -> Result<CourseInput, FieldError> {
        if self.centre_id.is_empty() {
            return Err(FieldError::new("centre_id", "Vyberte centrum."));
        }
        let target_group = TargetGroup::parse(&self.target_group)
            .ok_or_else(|| FieldError::new("target_group", "Vyberte cílovou skupinu."))?;
        let number = self.accreditation_number.trim();
        let input = CourseInput {
            centre_id: self.centre_id.clone(),
            title: self.title.clone(),
            minutes: minutes_from_hours(&self.hours, "minutes")?,
            target_group,
            accreditation_number: (!number.is_empty()).then(|| number.to_owned()),
            accreditation_valid_until: date_or_none(
                &self.accreditation_valid_until,
                "accreditation_valid_until",
            )?,
            description: self.description.clone(),
            what_to_bring: self.what_to_bring.clone(),
            in_house: self.in_house,
        };
        check_course(&input)
    }
}

/// One session as typed: its day and its Prague start and end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionDraft {
    pub day: String,
    pub start: String,
    pub end: String,
}

/// A run as its form holds it; deadlines as `YYYY-MM-DDTHH:MM` (a `datetime-local` input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunDraft {
    pub course_id: String,
    pub centre_id: String,
    pub lecturer_id: String,
    pub capacity: String,
    pub room: String,
    pub enrol_by: String,
    pub cancel_by: String,
    pub sessions: Vec<SessionDraft>,
}

impl Default for RunDraft {
    fn default() -> Self {
        Self {
            course_id: String::new(),
            centre_id: String::new(),
            lecturer_id: String::new(),
            capacity: "12".to_owned(),
            room: String::new(),
            enrol_by: String::new(),
            cancel_by: String::new(),
            sessions: vec![SessionDraft::default()],
        }
    }
}

fn wall_time(instant: chrono::DateTime<chrono::Utc>, format: &str) -> String {
    to_prague(instant).format(format).to_string()
}

impl RunDraft {
    pub fn from_run(run: &Run) -> Self {
        Self {
            course_id: run.course.id.clone(),
            centre_id: run.centre_id.clone(),
            lecturer_id: run.lecturer_id.clone(),
            capacity: run.capacity.to_string(),
            room: run.room.clone(),
            enrol_by: wall_time(run.enrol_by, "%Y-%m-%dT%H:%M"),
            cancel_by: wall_time(run.cancel_by, "%Y-%m-%dT%H:%M"),
            sessions: run
                .sessions
                .iter()
                .map(|session| SessionDraft {
                    day: wall_time(session.starts_at, "%Y-%m-%d"),
                    start: wall_time(session.starts_at, "%H:%M"),
                    end: wall_time(session.ends_at, "%H:%M"),
                })
                .collect(),
        }
    }

    pub fn input(&self) -> Result<RunInput, FieldError> {
        if self.course_id.is_empty() {
            return Err(FieldError::new("course_id", "Vyberte kurz."));
        }
        if self.centre_id.is_empty() {
            return Err(FieldError::new("centre_id", "Vyberte centrum."));
        }
        if self.lecturer_id.is_empty() {
            return Err(FieldError::new("lecturer_id", "Vyberte lektora."));
        }
        let capacity = self
            .capacity
            .trim()
            .parse()
            .map_err(|_| FieldError::new("capacity", "Kapacita je celé číslo, např. 12."))?;
        let input = RunInput {
            course_id: self.course_id.clone(),
            centre_id: self.centre_id.clone(),
            lecturer_id: self.lecturer_id.clone(),
            capacity,
            room: self.room.clone(),
            enrol_by: self.enrol_by.clone(),
            cancel_by: self.cancel_by.clone(),
            sessions: self
                .sessions
                .iter()
                .map(|session| SessionInput {
                    starts_at: format!("{}T{}", session.day, session.start),
                    ends_at: format!("{}T{}", session.day, session.end),
                })
                .collect(),
        };
        check_run(&input)?;
        Ok(input)
    }
}

/// One employment period as typed; empty end and probation = none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodDraft {
    pub starts_on: String,
    pub ends_on: String,
    pub probation_until: String,
}

pub fn period_drafts(employments: &Employments) -> Vec<PeriodDraft> {
    employments
        .periods
        .iter()
        .map(|period| PeriodDraft {
            starts_on: period.starts_on.to_string(),
            ends_on: date_field(period.ends_on),
            probation_until: date_field(period.probation_until),
        })
        .collect()
}

pub fn employments_input(drafts: &[PeriodDraft]) -> Result<Employments, FieldError> {
    let periods = drafts
        .iter()
        .map(|draft| {
            Ok(EmploymentPeriod {
                starts_on: date_or_none(&draft.starts_on, "periods.starts_on")?.ok_or_else(
                    || FieldError::new("periods.starts_on", "Zadejte, kdy pracovní poměr začal."),
                )?,
                ends_on: date_or_none(&draft.ends_on, "periods.ends_on")?,
                probation_until: date_or_none(&draft.probation_until, "periods.probation_until")?,
            })
        })
        .collect::<Result<Vec<_>, FieldError>>()?;
    check_employments(&Employments { periods })
}

#[cfg(test)]
mod tests;
