//! The client pages' data: how plans and recurring visits read, the plan form as a named
//! draft, and the statement's month by the shared billing rule.

use chrono::{Datelike, Duration, NaiveDate};
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::clients::{ClientInput, EndService, check_client, check_end_of_service};
use shared::planning::input::{CarePlanInput, check_care_plan};
use shared::records::billing::BillingMonth;
use shared::schedule::TemplateView;
use shared::time::czech_weekday;

use crate::ui::form::{field_error, rejected};
use crate::ui::format::czech_date_genitive;

/// "po, st, pá".
pub fn weekdays_label(weekdays: &[u8]) -> String {
    weekdays
        .iter()
        .filter_map(|day| shared::planning::input::weekday_from_number(*day))
        .map(|day| czech_weekday(day).chars().take(2).collect::<String>())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "po, st 7:30–8:00, 60 min, 1 pracovník".
pub fn template_label(template: &TemplateView) -> String {
    let people = if template.caregivers_needed == 2 {
        "2 pracovníci"
    } else {
        "1 pracovník"
    };
    let mut label = format!(
        "{} příchod {}–{}, {} min, {people}",
        weekdays_label(&template.weekdays),
        template.window_start,
        template.window_end,
        template.duration_minutes
    );
    if let Some(to) = template.valid_to {
        label.push_str(&format!(", platí do {}", czech_date_genitive(to)));
    }
    label
}

/// The month a statement is usually wanted for: the last complete one, `YYYY-MM`.
pub fn last_month(today: NaiveDate) -> String {
    let last = today.with_day(1).unwrap_or(today) - Duration::days(1);
    format!("{:04}-{:02}", last.year(), last.month())
}

/// A `YYYY-MM` month as the statement routes take it, checked by the billing rule.
pub fn statement_month(text: &str) -> Result<String, ErrorDetail> {
    let first = BillingMonth::parse(text.trim())
        .map_err(rejected)?
        .first_day();
    Ok(format!("{:04}-{:02}", first.year(), first.month()))
}

/// The plan form as typed: goals, the agreed tasks' codes, from when, what changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarePlanDraft {
    pub goals: String,
    pub tasks: Vec<String>,
    pub valid_from: String,
    pub note: String,
}

/// The plan form as the API's input, checked by the shared rule.
pub fn parse_care_plan(draft: &CarePlanDraft) -> Result<CarePlanInput, ErrorDetail> {
    let valid_from = draft
        .valid_from
        .parse()
        .map_err(|_| field_error("valid_from", "Zadejte datum, od kdy plán platí."))?;
    let input = CarePlanInput {
        goals: draft.goals.clone(),
        agreed_tasks: draft.tasks.clone(),
        valid_from,
        note: Some(draft.note.trim().to_owned()).filter(|note| !note.is_empty()),
    };
    check_care_plan(&input).map_err(rejected)?;
    Ok(input)
}

/// The end of a client's service as typed, checked by the shared rule.
pub fn parse_end_of_service(
    last_day: &str,
    reason: &str,
    service_from: NaiveDate,
) -> Result<EndService, ErrorDetail> {
    let last_day = last_day
        .trim()
        .parse()
        .map_err(|_| field_error("last_day", "Zadejte poslední den služby."))?;
    check_end_of_service(
        &EndService {
            last_day,
            reason: reason.to_owned(),
        },
        service_from,
    )
    .map_err(rejected)
}

/// The client's record with a new care-allowance level (1–4, as typed) in force from a day,
/// checked by the shared rule. The server keeps the level before it with its date, for
/// the reports.
pub fn parse_allowance_change(
    client: &ClientInput,
    level: &str,
    from: &str,
) -> Result<ClientInput, ErrorDetail> {
    let level = level
        .parse()
        .ok()
        .filter(|level| (1..=4).contains(level))
        .ok_or_else(|| field_error("care_allowance_level", "Vyberte stupeň příspěvku I až IV."))?;
    let from = from.trim().parse().map_err(|_| {
        field_error(
            "care_allowance_from",
            "Zadejte den, od kterého stupeň platí.",
        )
    })?;
    let changed = ClientInput {
        care_allowance_level: Some(level),
        care_allowance_from: Some(from),
        ..client.clone()
    };
    check_client(&changed).map_err(rejected)
}

/// The tasks' names in the catalogue; a code the catalogue does not know stays as it is.
pub fn task_names(codes: &[String], catalogue: &[CareTask]) -> Vec<String> {
    codes
        .iter()
        .map(|code| {
            catalogue
                .iter()
                .find(|task| &task.code == code)
                .map(|task| task.name.clone())
                .unwrap_or_else(|| code.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_care_plan(
        goals: &str,
        tasks: Vec<String>,
        valid_from: &str,
        note: &str,
    ) -> Result<CarePlanInput, ErrorDetail> {
        super::parse_care_plan(&CarePlanDraft {
            goals: goals.to_owned(),
            tasks,
            valid_from: valid_from.to_owned(),
            note: note.to_owned(),
        })
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn a_recurring_visit_reads_as_days_window_length_and_people() {
        let template = TemplateView {
            id: "t".into(),
            weekdays: vec![1, 3, 5],
            window_start: "07:30".into(),
            window_end: "08:00".into(),
            duration_minutes: 60,
            tasks: vec!["b1".into()],
            required_skills: vec![],
            caregivers_needed: 2,
            preferred_caregiver_id: None,
            valid_from: date("2026-11-01"),
            valid_to: Some(date("2026-12-31")),
        };
        assert_eq!(
            template_label(&template),
            "po, st, pá příchod 07:30–08:00, 60 min, 2 pracovníci, platí do čtvrtka 31. prosince 2026"
        );
    }

    #[test]
    fn the_end_of_a_service_names_the_field_that_is_wrong() {
        let began = date("2026-11-01");
        let end = parse_end_of_service("2026-12-31", " přestěhování ", began).expect("valid");
        assert_eq!(end.reason, "přestěhování");
        for (last_day, reason, field) in [
            ("", "přestěhování", "last_day"),
            ("2026-10-01", "přestěhování", "last_day"),
            ("2026-12-31", "", "reason"),
        ] {
            assert_eq!(
                parse_end_of_service(last_day, reason, began)
                    .expect_err(field)
                    .field
                    .as_deref(),
                Some(field)
            );
        }
    }

    #[test]
    fn the_statement_month_defaults_to_the_last_complete_one() {
        assert_eq!(last_month(date("2026-12-04")), "2026-11");
        assert_eq!(last_month(date("2027-01-15")), "2026-12");
        assert_eq!(statement_month(" 2026-03 ").expect("valid"), "2026-03");
        assert_eq!(
            statement_month("listopad")
                .expect_err("not a month")
                .field
                .as_deref(),
            Some("month")
        );
    }

    #[test]
    fn the_plan_form_names_the_field_that_is_wrong() {
        let ok =
            parse_care_plan("Zůstat doma.", vec!["b1".into()], "2026-12-01", "  ").expect("valid");
        assert_eq!(ok.note, None);
        let cases = [
            (
                parse_care_plan(" ", vec!["b1".into()], "2026-12-01", ""),
                "goals",
            ),
            (
                parse_care_plan("Cíl", vec![], "2026-12-01", ""),
                "agreed_tasks",
            ),
            (
                parse_care_plan("Cíl", vec!["b1".into()], "", ""),
                "valid_from",
            ),
        ];
        for (result, field) in cases {
            assert_eq!(result.expect_err(field).field.as_deref(), Some(field));
        }
    }

    fn client() -> ClientInput {
        ClientInput {
            name: "Marie Nová".into(),
            street: "Husova 1".into(),
            municipality_code: "562335".into(),
            latitude: Some(50.77),
            longitude: Some(14.21),
            care_allowance_level: Some(1),
            care_allowance_from: Some(date("2025-01-01")),
            birth_date: Some(date("1940-05-01")),
            free_of_charge: false,
            service_from: date("2025-01-01"),
            service_to: None,
            preferred_caregiver_gender: None,
            doorstep_note: None,
            key_risks: None,
            phone: None,
            internal_note: None,
            contacts: Vec::new(),
        }
    }

    #[test]
    fn a_new_care_allowance_level_from_a_day_keeps_the_rest_of_the_record() {
        let changed = parse_allowance_change(&client(), "3", " 2026-03-15 ").expect("valid");
        assert_eq!(changed.care_allowance_level, Some(3));
        assert_eq!(changed.care_allowance_from, Some(date("2026-03-15")));
        assert_eq!(
            ClientInput {
                care_allowance_level: Some(1),
                care_allowance_from: Some(date("2025-01-01")),
                ..changed
            },
            client()
        );
        for (level, from, field) in [
            ("", "2026-03-15", "care_allowance_level"),
            ("5", "2026-03-15", "care_allowance_level"),
            ("2", "", "care_allowance_from"),
            ("2", "15. 3. 2026", "care_allowance_from"),
            ("2", "1890-01-01", "care_allowance_from"),
        ] {
            let error = parse_allowance_change(&client(), level, from).expect_err(field);
            assert_eq!(error.field.as_deref(), Some(field), "{level} {from}");
        }
    }
}
