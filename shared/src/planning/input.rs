//! What planners send about caregivers and care plans, parsed once into checked values.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::bounds::{bounded_list, distinct_list, plausible_date, plausible_instant};
use crate::error::FieldError;

/// A weekday as the API writes it: 1 = Monday … 7 = Sunday.
pub fn weekday_from_number(number: u8) -> Option<Weekday> {
    number
        .checked_sub(1)
        .filter(|index| *index < 7)
        .and_then(|index| Weekday::try_from(index).ok())
}

fn parse_time(text: &str, field: &'static str) -> Result<NaiveTime, FieldError> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| FieldError::new(field, "Zadejte čas ve tvaru HH:MM, např. 07:30."))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftInput {
    pub weekday: u8,
    pub start: String,
    pub end: String,
}

/// `PUT /api/schedule/caregivers/{id}/profile`: replaces skills, weekly shifts, contract
/// hours and home base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaregiverProfileInput {
    pub skills: Vec<String>,
    pub shifts: Vec<ShiftInput>,
    /// Hours a week of the contract (a full-time contract is 40).
    #[serde(default)]
    pub contract_hours_per_week: Option<f64>,
    /// Where the caregiver's day starts and ends.
    #[serde(default)]
    pub home_base: Option<HomeBase>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeBase {
    pub street: String,
    pub location: crate::planning::travel::GeoPoint,
}

/// A profile's checked parts.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedProfile {
    pub skills: Vec<String>,
    pub shifts: Vec<CheckedShift>,
    pub contract_minutes_per_week: Option<i64>,
    pub home_base: Option<HomeBase>,
}

/// A checked weekly shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedShift {
    pub weekday: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// Skills trimmed and deduplicated; shifts on real weekdays, each ending after it starts;
/// contract hours within a week's legal maximum; a home base inside the region's reach.
pub fn check_profile(input: &CaregiverProfileInput) -> Result<CheckedProfile, FieldError> {
    bounded_list(&input.skills, "skills")?;
    bounded_list(&input.shifts, "shifts")?;
    let mut skills: Vec<String> = input
        .skills
        .iter()
        .map(|skill| skill.trim().to_owned())
        .filter(|skill| !skill.is_empty())
        .collect();
    skills.sort();
    skills.dedup();
    if skills
        .iter()
        .any(|skill| skill.chars().count() > 60 || skill.contains(','))
    {
        return Err(FieldError::new(
            "skills",
            "Dovednost má nejvýše 60 znaků a neobsahuje čárku.",
        ));
    }
    let mut shifts = Vec::with_capacity(input.shifts.len());
    for shift in &input.shifts {
        weekday_from_number(shift.weekday).ok_or_else(|| {
            FieldError::new(
                "shifts.weekday",
                "Den v týdnu je číslo 1 (pondělí) až 7 (neděle).",
            )
        })?;
        let start = parse_time(&shift.start, "shifts.start")?;
        let end = parse_time(&shift.end, "shifts.end")?;
        if end <= start {
            return Err(FieldError::new(
                "shifts.end",
                "Směna musí skončit později, než začne.",
            ));
        }
        shifts.push(CheckedShift {
            weekday: shift.weekday,
            start,
            end,
        });
    }
    let contract_minutes_per_week = match input.contract_hours_per_week {
        None => None,
        Some(hours) if hours.is_finite() && hours > 0.0 && hours <= 48.0 => {
            // Whole minutes: 37.5 h is 2250 min exactly.
            Some((hours * 60.0).round() as i64)
        }
        Some(_) => {
            return Err(FieldError::new(
                "contract_hours_per_week",
                "Úvazek je více než 0 a nejvýše 48 hodin týdně.",
            ));
        }
    };
    if let Some(home) = &input.home_base {
        if home.street.trim().is_empty() || home.street.chars().count() > 200 {
            return Err(FieldError::new(
                "home_base.street",
                "Zadejte adresu výchozího místa, nejvýše 200 znaků.",
            ));
        }
        if !home.location.in_czechia() {
            return Err(FieldError::new(
                "home_base.location",
                "Souřadnice výchozího místa musí ležet v Česku.",
            ));
        }
    }
    Ok(CheckedProfile {
        skills,
        shifts,
        contract_minutes_per_week,
        home_base: input.home_base.clone(),
    })
}

/// A change's reason, as the history keeps it: said, and short enough to read.
pub fn check_reason(reason: &str) -> Result<String, FieldError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(FieldError::new("reason", "Uveďte důvod změny."));
    }
    if reason.chars().count() > 200 {
        return Err(FieldError::new("reason", "Důvod má nejvýše 200 znaků."));
    }
    Ok(reason.to_owned())
}

/// What every visit needs, planned from a template or by hand: a length, tasks and one or
/// two caregivers.
fn check_visit_shape(
    duration_minutes: i64,
    tasks: &[String],
    caregivers_needed: u8,
) -> Result<(), FieldError> {
    if !(5..=480).contains(&duration_minutes) {
        return Err(FieldError::new(
            "duration_minutes",
            "Návštěva trvá 5 až 480 minut.",
        ));
    }
    if tasks.is_empty() {
        return Err(FieldError::new(
            "tasks",
            "Vyberte alespoň jeden úkon z katalogu.",
        ));
    }
    // Each task once: the stored visit holds a task at most once.
    distinct_list(tasks, "tasks")?;
    if !(1..=2).contains(&caregivers_needed) {
        return Err(FieldError::new(
            "caregivers_needed",
            "Návštěvu dělá jeden nebo dva pracovníci.",
        ));
    }
    Ok(())
}

/// A hand-made visit's checked parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedNewVisit {
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub reason: String,
}

pub fn check_new_visit(input: &crate::schedule::NewVisit) -> Result<CheckedNewVisit, FieldError> {
    plausible_instant(input.starts_at, "starts_at")?;
    check_visit_shape(
        input.duration_minutes,
        &input.tasks,
        input.caregivers_needed,
    )?;
    if input.caregiver_ids.len() > usize::from(input.caregivers_needed) {
        return Err(FieldError::new(
            "caregiver_ids",
            "Přiřazeno je více pracovníků, než návštěva potřebuje.",
        ));
    }
    Ok(CheckedNewVisit {
        ends_at: input.starts_at + chrono::Duration::minutes(input.duration_minutes),
        reason: check_reason(&input.reason)?,
    })
}

/// `PUT /api/schedule/clients/{id}/care-plan`: a new version of the client's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarePlanInput {
    pub goals: String,
    pub agreed_tasks: Vec<String>,
    pub valid_from: NaiveDate,
    /// What changed and why, for the plan's history.
    #[serde(default)]
    pub note: Option<String>,
}

/// Goals said (at most 4000 characters), at least one agreed task, each once.
pub fn check_care_plan(input: &CarePlanInput) -> Result<Vec<String>, FieldError> {
    let goals = input.goals.trim();
    if goals.is_empty() || goals.chars().count() > 4000 {
        return Err(FieldError::new(
            "goals",
            "Popište cíle spolupráce, nejvýše 4000 znaků.",
        ));
    }
    plausible_date(input.valid_from, "valid_from")?;
    let mut tasks = bounded_list(&input.agreed_tasks, "agreed_tasks")?.to_vec();
    tasks.sort();
    tasks.dedup();
    if tasks.is_empty() {
        return Err(FieldError::new(
            "agreed_tasks",
            "Vyberte alespoň jeden dohodnutý úkon z katalogu.",
        ));
    }
    if input
        .note
        .as_ref()
        .is_some_and(|note| note.chars().count() > 1000)
    {
        return Err(FieldError::new("note", "Poznámka má nejvýše 1000 znaků."));
    }
    Ok(tasks)
}

/// `POST /api/schedule/caregivers/{id}/absences`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbsenceInput {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

pub fn check_absence(input: &AbsenceInput) -> Result<String, FieldError> {
    plausible_date(input.from, "from")?;
    plausible_date(input.to, "to")?;
    if input.to < input.from {
        return Err(FieldError::new(
            "to",
            "Nepřítomnost musí skončit nejdříve v den, kdy začíná.",
        ));
    }
    let reason = input.reason.trim();
    if reason.is_empty() || reason.chars().count() > 100 {
        return Err(FieldError::new(
            "reason",
            "Uveďte důvod (nemoc, dovolená, školení…), nejvýše 100 znaků.",
        ));
    }
    Ok(reason.to_owned())
}

/// What a sick call stores: the absence's reason and the time it starts on its first day.
pub const SICK_REASON: &str = "nemoc";

/// A sick call reaches at most this many days ahead.
const SICK_CALL_MAX_DAYS: i64 = 62;

/// The time a sick call starts on its first day, once its dates are sound: it starts today
/// or later and ends on or after its first day, within two months.
pub fn check_sick_call(
    call: &crate::schedule::SickCall,
    today: NaiveDate,
) -> Result<Option<NaiveTime>, FieldError> {
    if call.from < today {
        return Err(FieldError::new(
            "from",
            "Nepřítomnost od teď začíná dnes nebo později.",
        ));
    }
    if call.to < call.from {
        return Err(FieldError::new(
            "to",
            "Nepřítomnost musí skončit nejdříve v den, kdy začíná.",
        ));
    }
    if (call.to - call.from).num_days() >= SICK_CALL_MAX_DAYS {
        return Err(FieldError::new(
            "to",
            "Nepřítomnost zadejte nejvýše na dva měsíce dopředu.",
        ));
    }
    call.from_time
        .as_deref()
        .map(|text| parse_time(text.trim(), "from_time"))
        .transpose()
}

/// `POST /api/schedule/templates`: a recurring visit of a client's care plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateInput {
    pub client_id: String,
    pub weekdays: Vec<u8>,
    pub window_start: String,
    pub window_end: String,
    pub duration_minutes: i64,
    pub tasks: Vec<String>,
    #[serde(default)]
    pub required_skills: Vec<String>,
    pub caregivers_needed: u8,
    #[serde(default)]
    pub preferred_caregiver_id: Option<String>,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

/// A template's checked parts, in the stored forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedTemplate {
    /// Digits 1–7, sorted: "135" = Monday, Wednesday, Friday.
    pub weekdays: String,
    pub window_start: NaiveTime,
    pub window_end: NaiveTime,
}

pub fn check_template(input: &TemplateInput) -> Result<CheckedTemplate, FieldError> {
    let mut days: Vec<u8> = input.weekdays.clone();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() || days.iter().any(|day| weekday_from_number(*day).is_none()) {
        return Err(FieldError::new(
            "weekdays",
            "Vyberte alespoň jeden den, 1 (pondělí) až 7 (neděle).",
        ));
    }
    let window_start = parse_time(&input.window_start, "window_start")?;
    let window_end = parse_time(&input.window_end, "window_end")?;
    if window_end < window_start {
        return Err(FieldError::new(
            "window_end",
            "Okno pro příchod musí skončit nejdříve, když začíná.",
        ));
    }
    check_visit_shape(
        input.duration_minutes,
        &input.tasks,
        input.caregivers_needed,
    )?;
    bounded_list(&input.required_skills, "required_skills")?;
    plausible_date(input.valid_from, "valid_from")?;
    if let Some(valid_to) = input.valid_to {
        plausible_date(valid_to, "valid_to")?;
    }
    if input.valid_to.is_some_and(|to| to < input.valid_from) {
        return Err(FieldError::new(
            "valid_to",
            "Platnost musí skončit nejdříve v den, kdy začíná.",
        ));
    }
    Ok(CheckedTemplate {
        weekdays: days.iter().map(u8::to_string).collect(),
        window_start,
        window_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> TemplateInput {
        TemplateInput {
            client_id: "c".into(),
            weekdays: vec![5, 1, 3, 1],
            window_start: "07:30".into(),
            window_end: "08:00".into(),
            duration_minutes: 60,
            tasks: vec!["b1".into()],
            required_skills: vec![],
            caregivers_needed: 1,
            preferred_caregiver_id: None,
            valid_from: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            valid_to: None,
        }
    }

    #[test]
    fn a_template_stores_its_days_sorted_and_once() {
        assert_eq!(check_template(&template()).expect("valid").weekdays, "135");
    }

    #[test]
    fn each_bad_template_part_names_its_field() {
        type Spoil = fn(&mut TemplateInput);
        let cases: [(&str, Spoil); 6] = [
            ("weekdays", |t| t.weekdays = vec![8]),
            ("window_start", |t| t.window_start = "7.30".into()),
            ("window_end", |t| t.window_end = "07:00".into()),
            ("duration_minutes", |t| t.duration_minutes = 600),
            ("caregivers_needed", |t| t.caregivers_needed = 3),
            ("valid_to", |t| {
                t.valid_to = NaiveDate::from_ymd_opt(2026, 11, 1)
            }),
        ];
        for (field, spoil) in cases {
            let mut input = template();
            spoil(&mut input);
            assert_eq!(check_template(&input).expect_err(field).field, field);
        }
    }

    #[test]
    fn a_shift_must_end_after_it_starts() {
        let input = CaregiverProfileInput {
            skills: vec![" koupel ".into(), "koupel".into()],
            shifts: vec![ShiftInput {
                weekday: 1,
                start: "15:00".into(),
                end: "07:00".into(),
            }],
            contract_hours_per_week: None,
            home_base: None,
        };
        assert_eq!(
            check_profile(&input).expect_err("backwards").field,
            "shifts.end"
        );
        let fixed = CaregiverProfileInput {
            shifts: vec![],
            ..input
        };
        assert_eq!(check_profile(&fixed).expect("valid").skills, ["koupel"]);
    }

    #[test]
    fn contract_hours_become_whole_minutes_and_stay_within_a_legal_week() {
        let profile = |hours| CaregiverProfileInput {
            skills: vec![],
            shifts: vec![],
            contract_hours_per_week: Some(hours),
            home_base: None,
        };
        let checked = check_profile(&profile(37.5)).expect("valid");
        assert_eq!(checked.contract_minutes_per_week, Some(2250));
        for wrong in [0.0, -1.0, 60.0, f64::NAN] {
            assert_eq!(
                check_profile(&profile(wrong))
                    .expect_err("out of range")
                    .field,
                "contract_hours_per_week"
            );
        }
    }

    #[test]
    fn a_home_base_needs_a_street_and_real_coordinates() {
        let profile = |street: &str, latitude| CaregiverProfileInput {
            skills: vec![],
            shifts: vec![],
            contract_hours_per_week: None,
            home_base: Some(HomeBase {
                street: street.into(),
                location: crate::planning::travel::GeoPoint {
                    latitude,
                    longitude: 14.2,
                },
            }),
        };
        assert!(check_profile(&profile("Masarykova 1, Děčín", 50.77)).is_ok());
        assert_eq!(
            check_profile(&profile(" ", 50.77))
                .expect_err("no street")
                .field,
            "home_base.street"
        );
        assert_eq!(
            check_profile(&profile("Masarykova 1", 95.0))
                .expect_err("latitude")
                .field,
            "home_base.location"
        );
    }

    #[test]
    fn a_care_plan_needs_goals_and_agreed_tasks_each_once() {
        let plan = CarePlanInput {
            goals: "Zůstat doma a zvládat hygienu s dopomocí.".into(),
            agreed_tasks: vec!["b1".into(), "a2".into(), "b1".into()],
            valid_from: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            note: None,
        };
        assert_eq!(check_care_plan(&plan).expect("valid"), ["a2", "b1"]);
        let no_goals = CarePlanInput {
            goals: "  ".into(),
            ..plan.clone()
        };
        assert_eq!(
            check_care_plan(&no_goals).expect_err("goals").field,
            "goals"
        );
        let no_tasks = CarePlanInput {
            agreed_tasks: vec![],
            ..plan
        };
        assert_eq!(
            check_care_plan(&no_tasks).expect_err("tasks").field,
            "agreed_tasks"
        );
    }

    #[test]
    fn an_absence_ends_no_earlier_than_it_starts_and_has_a_reason() {
        let date = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        let backwards = AbsenceInput {
            from: date(5),
            to: date(4),
            reason: "nemoc".into(),
        };
        assert_eq!(
            check_absence(&backwards).expect_err("backwards").field,
            "to"
        );
        let silent = AbsenceInput {
            from: date(4),
            to: date(4),
            reason: " ".into(),
        };
        assert_eq!(
            check_absence(&silent).expect_err("no reason").field,
            "reason"
        );
    }
}
