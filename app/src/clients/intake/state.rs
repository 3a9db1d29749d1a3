//! The intake form's data: the client, their first care plan and its recurring visits as
//! typed, parsed by the shared rules into the API's inputs. Every rejection names its field
//! as the server would; a recurring visit's fields are named `visits.{row}.{field}`, so the
//! error shows beside the row it belongs to.

use chrono::{Duration, NaiveDate};
use shared::ErrorDetail;
use shared::clients::{ClientInput, ContactPerson, check_client};
use shared::planning::input::{CarePlanInput, TemplateInput, check_care_plan, check_template};
use shared::planning::travel::GeoPoint;
use shared::planning::week::week_start;

use crate::ui::form::{field_error, rejected};

/// The client as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClientDraft {
    pub name: String,
    pub street: String,
    pub municipality_code: String,
    /// The door's point as picked on the map; none for the municipality's centre.
    pub point: Option<GeoPoint>,
    /// Empty, or 1–4.
    pub care_allowance_level: String,
    pub care_allowance_from: String,
    /// Empty when not known.
    pub birth_date: String,
    pub free_of_charge: bool,
    pub service_from: String,
    pub doorstep_note: String,
    pub key_risks: String,
    /// The client's own phone, called with one tap from the caregiver's day.
    pub phone: String,
    pub contact_name: String,
    pub contact_relation: String,
    pub contact_phone: String,
}

/// One recurring visit as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitDraft {
    /// 1 (Monday) to 7 (Sunday).
    pub weekdays: Vec<u8>,
    pub window_start: String,
    pub window_end: String,
    pub duration_minutes: String,
    pub tasks: Vec<String>,
    pub caregivers_needed: u8,
    /// Empty for nobody in particular.
    pub caregiver_id: String,
    /// Comma-separated.
    pub skills: String,
}

impl VisitDraft {
    /// A visit every day in a window from `start` to `end`.
    pub fn daily(start: &str, end: &str) -> Self {
        VisitDraft {
            weekdays: (1..=7).collect(),
            window_start: start.to_owned(),
            window_end: end.to_owned(),
            duration_minutes: "30".to_owned(),
            tasks: Vec::new(),
            caregivers_needed: 1,
            caregiver_id: String::new(),
            skills: String::new(),
        }
    }
}

/// What the form sends, all checked: the client, the plan and its recurring visits (their
/// `client_id` is filled in once the client exists).
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    pub client: ClientInput,
    pub plan: CarePlanInput,
    pub visits: Vec<TemplateInput>,
}

/// The name of a recurring visit's field in errors: `visits.0.window_start`.
pub fn visit_field(row: usize, field: &str) -> String {
    format!("visits.{row}.{field}")
}

/// A server's or a rule's error about a recurring visit, named for its row.
pub fn in_visit_row(row: usize, mut error: ErrorDetail) -> ErrorDetail {
    error.field = Some(visit_field(
        row,
        error.field.as_deref().unwrap_or("weekdays"),
    ));
    error
}

/// A server's or a rule's error about the plan, named `plan.{field}`.
pub fn in_plan(mut error: ErrorDetail) -> ErrorDetail {
    error.field = Some(format!(
        "plan.{}",
        error.field.as_deref().unwrap_or("goals")
    ));
    error
}

fn date(text: &str, field: &str, what: &str) -> Result<NaiveDate, ErrorDetail> {
    text.trim()
        .parse()
        .map_err(|_| field_error(field, format!("Zadejte {what}.")))
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|text| !text.is_empty())
}

/// The client as the API takes them, checked by the shared rule.
pub fn parse_client(draft: &ClientDraft) -> Result<ClientInput, ErrorDetail> {
    let care_allowance_level = optional(&draft.care_allowance_level)
        .map(|level| {
            level.parse().map_err(|_| {
                field_error(
                    "care_allowance_level",
                    "Stupeň příspěvku na péči je I až IV (1–4).",
                )
            })
        })
        .transpose()?;
    let care_allowance_from = optional(&draft.care_allowance_from)
        .map(|from| {
            date(
                &from,
                "care_allowance_from",
                "datum, od kdy stupeň příspěvku platí",
            )
        })
        .transpose()?;
    let birth_date = optional(&draft.birth_date)
        .map(|born| date(&born, "birth_date", "datum narození"))
        .transpose()?;
    let contact = [
        &draft.contact_name,
        &draft.contact_relation,
        &draft.contact_phone,
    ];
    let contacts = if contact.iter().all(|part| part.trim().is_empty()) {
        Vec::new()
    } else {
        vec![ContactPerson {
            name: draft.contact_name.clone(),
            relation: draft.contact_relation.clone(),
            phone: draft.contact_phone.clone(),
        }]
    };
    let input = ClientInput {
        name: draft.name.clone(),
        street: draft.street.clone(),
        municipality_code: draft.municipality_code.clone(),
        latitude: draft.point.map(|p| p.latitude),
        longitude: draft.point.map(|p| p.longitude),
        care_allowance_level,
        care_allowance_from,
        birth_date,
        free_of_charge: draft.free_of_charge,
        service_from: date(
            &draft.service_from,
            "service_from",
            "den, od kterého službu poskytujete",
        )?,
        service_to: None,
        preferred_caregiver_gender: None,
        doorstep_note: optional(&draft.doorstep_note),
        key_risks: optional(&draft.key_risks),
        phone: optional(&draft.phone),
        internal_note: None,
        contacts,
    };
    let checked = check_client(&input).map_err(rejected)?;
    if checked.municipality_code.is_empty() {
        return Err(field_error(
            "municipality_code",
            "Vyberte obec, ve které klient bydlí.",
        ));
    }
    Ok(checked)
}

/// A recurring visit from `valid_from` on, checked by the shared rule; the client is named
/// when the visit is sent.
pub fn parse_visit(
    row: usize,
    draft: &VisitDraft,
    valid_from: NaiveDate,
) -> Result<TemplateInput, ErrorDetail> {
    let duration_minutes = draft.duration_minutes.trim().parse().map_err(|_| {
        field_error(
            &visit_field(row, "duration_minutes"),
            "Zadejte délku návštěvy v minutách.",
        )
    })?;
    let input = TemplateInput {
        client_id: String::new(),
        weekdays: draft.weekdays.clone(),
        window_start: draft.window_start.trim().to_owned(),
        window_end: draft.window_end.trim().to_owned(),
        duration_minutes,
        tasks: draft.tasks.clone(),
        required_skills: draft.skills.split(',').filter_map(optional).collect(),
        caregivers_needed: draft.caregivers_needed,
        preferred_caregiver_id: optional(&draft.caregiver_id),
        valid_from,
        valid_to: None,
    };
    check_template(&input).map_err(|error| in_visit_row(row, rejected(error)))?;
    Ok(input)
}

/// The whole form: the client, the plan from the first day of service, and at least one
/// recurring visit.
pub fn parse_intake(
    client: &ClientDraft,
    goals: &str,
    agreed_tasks: &[String],
    visits: &[VisitDraft],
) -> Result<Intake, ErrorDetail> {
    let client = parse_client(client)?;
    let plan = CarePlanInput {
        goals: goals.to_owned(),
        agreed_tasks: agreed_tasks.to_vec(),
        valid_from: client.service_from,
        note: None,
    };
    check_care_plan(&plan).map_err(|error| in_plan(rejected(error)))?;
    if visits.is_empty() {
        return Err(field_error(
            "visits",
            "Přidejte alespoň jednu opakovanou návštěvu.",
        ));
    }
    let visits = visits
        .iter()
        .enumerate()
        .map(|(row, visit)| parse_visit(row, visit, client.service_from))
        .collect::<Result<_, _>>()?;
    Ok(Intake {
        client,
        plan,
        visits,
    })
}

/// The Mondays of the `count` weeks to plan: from the week the service starts, or this week
/// if it started earlier.
pub fn weeks_to_plan(service_from: NaiveDate, today: NaiveDate, count: u8) -> Vec<NaiveDate> {
    let first = week_start(service_from.max(today));
    (0..i64::from(count))
        .map(|week| first + Duration::weeks(week))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> ClientDraft {
        ClientDraft {
            name: " Marie Nová ".into(),
            street: "Lipová 3".into(),
            municipality_code: "562335".into(),
            care_allowance_level: "2".into(),
            care_allowance_from: "2026-01-01".into(),
            birth_date: "1941-05-02".into(),
            service_from: "2026-12-02".into(),
            contact_name: "Jan Nový".into(),
            contact_relation: "syn".into(),
            contact_phone: "+420 600 000 001".into(),
            ..ClientDraft::default()
        }
    }

    fn morning() -> VisitDraft {
        VisitDraft {
            tasks: vec!["b1".into()],
            caregiver_id: "user-jana".into(),
            skills: " přesun, ".into(),
            ..VisitDraft::daily("07:30", "08:00")
        }
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn a_recurring_visit_without_tasks_is_named_by_its_row() {
        let intake = parse_intake(
            &client(),
            "Zůstat doma.",
            &["b1".into()],
            &[morning(), VisitDraft::daily("18:00", "18:30")],
        );
        assert_eq!(
            intake.expect_err("no tasks").field.as_deref(),
            Some("visits.1.tasks")
        );
    }

    #[test]
    fn the_plan_and_the_visits_start_with_the_service() {
        let mut evening = VisitDraft::daily("18:00", "18:30");
        evening.tasks = vec!["c2".into()];
        let intake = parse_intake(
            &client(),
            "Zůstat doma.",
            &["b1".into(), "c2".into()],
            &[morning(), evening],
        )
        .expect("valid");
        assert_eq!(intake.client.name, "Marie Nová");
        assert_eq!(intake.client.contacts.len(), 1);
        assert_eq!(intake.client.latitude, None, "the municipality's centre");
        let picked = ClientDraft {
            point: Some(GeoPoint {
                latitude: 50.78512,
                longitude: 14.22001,
            }),
            ..client()
        };
        let at_the_door = parse_client(&picked).expect("valid");
        assert_eq!(
            (at_the_door.latitude, at_the_door.longitude),
            (Some(50.78512), Some(14.22001)),
            "the point picked on the map"
        );
        assert_eq!(intake.client.birth_date, Some(date("1941-05-02")));
        assert_eq!(intake.plan.valid_from, date("2026-12-02"));
        assert_eq!(intake.visits.len(), 2);
        assert_eq!(intake.visits[0].valid_from, date("2026-12-02"));
        assert_eq!(intake.visits[0].required_skills, ["přesun"]);
        assert_eq!(
            intake.visits[0].preferred_caregiver_id.as_deref(),
            Some("user-jana")
        );
        assert_eq!(intake.visits[1].preferred_caregiver_id, None);
    }

    #[test]
    fn each_wrong_field_is_named_where_the_form_shows_it() {
        let wrong = |change: fn(&mut ClientDraft)| {
            let mut draft = client();
            change(&mut draft);
            parse_intake(&draft, "Cíl", &["b1".into()], &[morning()])
                .expect_err("rejected")
                .field
        };
        assert_eq!(
            wrong(|d| d.municipality_code.clear()).as_deref(),
            Some("municipality_code")
        );
        assert_eq!(wrong(|d| d.name = " ".into()).as_deref(), Some("name"));
        assert_eq!(
            wrong(|d| {
                d.point = Some(GeoPoint {
                    latitude: 40.0,
                    longitude: 14.0,
                })
            })
            .as_deref(),
            Some("latitude"),
            "a point outside Czechia"
        );
        assert_eq!(
            wrong(|d| d.care_allowance_from.clear()).as_deref(),
            Some("care_allowance_from")
        );
        assert_eq!(
            wrong(|d| d.service_from.clear()).as_deref(),
            Some("service_from")
        );
        assert_eq!(
            wrong(|d| d.birth_date = "2. 5. 1941".into()).as_deref(),
            Some("birth_date")
        );
        assert_eq!(
            wrong(|d| d.contact_phone.clear()).as_deref(),
            Some("contacts.phone")
        );
        assert_eq!(
            wrong(|d| d.phone = "602 111".into()).as_deref(),
            Some("phone")
        );
        let no_goals = parse_intake(&client(), " ", &["b1".into()], &[morning()]);
        assert_eq!(
            no_goals.expect_err("no goals").field.as_deref(),
            Some("plan.goals")
        );
        let mut late = morning();
        late.window_end = "07:00".into();
        let visits = [morning(), late];
        let late = parse_intake(&client(), "Cíl", &["b1".into()], &visits);
        assert_eq!(
            late.expect_err("ends before it starts").field.as_deref(),
            Some("visits.1.window_end")
        );
        let none = parse_intake(&client(), "Cíl", &["b1".into()], &[]);
        assert_eq!(none.expect_err("no visit").field.as_deref(), Some("visits"));
    }

    #[test]
    fn the_clients_own_phone_is_optional_and_sent_as_a_czech_number() {
        let parsed = |phone: &str| {
            let draft = ClientDraft {
                phone: phone.into(),
                ..client()
            };
            parse_client(&draft).expect("valid").phone
        };
        assert_eq!(parsed(" "), None);
        assert_eq!(parsed("602111222").as_deref(), Some("+420 602 111 222"));
    }

    #[test]
    fn the_weeks_to_plan_start_with_the_service_or_this_week() {
        assert_eq!(
            weeks_to_plan(date("2026-12-02"), date("2026-11-20"), 2),
            [date("2026-11-30"), date("2026-12-07")]
        );
        assert_eq!(
            weeks_to_plan(date("2026-01-01"), date("2026-12-05"), 1),
            [date("2026-11-30")]
        );
    }
}
