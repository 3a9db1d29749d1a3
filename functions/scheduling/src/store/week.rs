//! The planner's week: the templates it is generated from, new visits and the history of
//! each visit.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use platform::{Database, DbError, Value, random::new_id, timestamp};
use shared::planning::week::VisitTemplate;
use shared::schedule::{Assignment, VisitEvent, VisitStatus};

use super::{insert_rows, small_number, split_list, time, weekday, weekday_digits};

/// A template as generation needs it, with what a generated visit copies from it.
#[derive(Debug, Clone)]
pub struct GeneratingTemplate {
    pub template: VisitTemplate,
    pub preferred_caregiver_id: Option<String>,
    pub required_skills: String,
}

/// The earlier of two optional last days; `None` is open-ended.
fn ends_first(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.into_iter().chain(b).min()
}

/// The provider's templates; each ends no later than its client's service.
pub async fn templates(
    db: &impl Database,
    provider_id: &str,
) -> Result<Vec<GeneratingTemplate>, DbError> {
    db.query(
        "SELECT t.id, t.client_id, t.weekdays, t.window_start, t.window_end, t.duration_minutes, \
                t.tasks, t.required_skills, t.caregivers_needed, t.preferred_caregiver_id, \
                t.valid_from, t.valid_to, c.service_to \
         FROM visit_templates t JOIN clients c ON c.id = t.client_id \
         WHERE t.provider_id = $1 ORDER BY t.id",
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(GeneratingTemplate {
            template: VisitTemplate {
                id: row.text("id")?,
                client_id: row.text("client_id")?,
                weekdays: weekday_digits(row, "weekdays")?
                    .into_iter()
                    .filter_map(weekday)
                    .collect(),
                window_start: time(row, "window_start")?,
                window_end: time(row, "window_end")?,
                duration_minutes: row.integer("duration_minutes")?,
                tasks: split_list(&row.text("tasks")?),
                caregivers_needed: small_number(row, "caregivers_needed", 1..=2)?,
                valid_from: row.date("valid_from")?,
                valid_to: ends_first(
                    row.optional_date("valid_to")?,
                    row.optional_date("service_to")?,
                ),
            },
            preferred_caregiver_id: row.optional_text("preferred_caregiver_id")?,
            required_skills: row.text("required_skills")?,
        })
    })
    .collect()
}

/// The (template, date) pairs already generated in `[from, to)`.
pub async fn generated(
    db: &impl Database,
    provider_id: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<BTreeSet<(String, NaiveDate)>, DbError> {
    db.query(
        "SELECT template_id, planned_date FROM visits \
         WHERE provider_id = $1 AND template_id IS NOT NULL AND starts_at >= $2 AND starts_at < $3",
        &[
            provider_id.into(),
            timestamp::format(from).into(),
            timestamp::format(to).into(),
        ],
    )
    .await?
    .iter()
    .map(|row| Ok((row.text("template_id")?, row.date("planned_date")?)))
    .collect()
}

/// A visit to add, generated or by hand.
#[derive(Debug, Clone)]
pub struct NewVisitRow {
    pub id: String,
    pub provider_id: String,
    pub client_id: String,
    pub caregiver_ids: Vec<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub template_id: Option<String>,
    pub planned_date: NaiveDate,
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub caregivers_needed: u8,
    pub required_skills: String,
    pub tasks: Vec<String>,
}

/// An entry of a visit's history.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub id: String,
    pub visit_id: String,
    pub kind: &'static str,
    pub detail: String,
    pub reason: Option<String>,
}

impl NewEvent {
    pub fn new(visit_id: &str, kind: &'static str, detail: String, reason: Option<&str>) -> Self {
        NewEvent {
            id: new_id(),
            visit_id: visit_id.to_owned(),
            kind,
            detail,
            reason: reason.map(str::to_owned),
        }
    }
}

/// Adds planned visits with their tasks and history: one statement per table.
pub async fn insert_visits(
    db: &impl Database,
    visits: &[NewVisitRow],
    events: &[NewEvent],
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let created_at = timestamp::format(now);
    let rows: Vec<[Value; 15]> = visits
        .iter()
        .map(|visit| {
            let assignment = assignment_of(&visit.caregiver_ids);
            [
                visit.id.as_str().into(),
                visit.provider_id.as_str().into(),
                visit.client_id.as_str().into(),
                assignment.caregiver_id.into(),
                assignment.second_caregiver_id.into(),
                timestamp::format(visit.starts_at).into(),
                timestamp::format(visit.ends_at).into(),
                VisitStatus::Planned.as_str().into(),
                created_at.as_str().into(),
                visit.template_id.clone().into(),
                visit.planned_date.to_string().into(),
                visit
                    .window
                    .map(|(opens, _)| timestamp::format(opens))
                    .into(),
                visit
                    .window
                    .map(|(_, closes)| timestamp::format(closes))
                    .into(),
                i64::from(visit.caregivers_needed).into(),
                visit.required_skills.as_str().into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "visits (id, provider_id, client_id, caregiver_id, second_caregiver_id, starts_at, ends_at, \
                 status, created_at, template_id, planned_date, window_opens_at, window_closes_at, \
                 caregivers_needed, required_skills)",
        &rows,
    )
    .await?;
    let tasks: Vec<[Value; 2]> = visits
        .iter()
        .flat_map(|visit| {
            visit
                .tasks
                .iter()
                .map(|task| [visit.id.as_str().into(), task.as_str().into()])
        })
        .collect();
    insert_rows(db, "visit_tasks (visit_id, task_code)", &tasks).await?;
    insert_events(db, events, user_id, now).await
}

/// Adds entries to visits' histories, all at `now` by `user_id`.
pub async fn insert_events(
    db: &impl Database,
    events: &[NewEvent],
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let at = timestamp::format(now);
    let rows: Vec<[Value; 7]> = events
        .iter()
        .map(|event| {
            [
                event.id.as_str().into(),
                event.visit_id.as_str().into(),
                at.as_str().into(),
                user_id.into(),
                event.kind.into(),
                event.detail.as_str().into(),
                event.reason.clone().into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "visit_events (id, visit_id, at, user_id, kind, detail, reason)",
        &rows,
    )
    .await
}

/// Caregiver ids in order as the visit's two positions.
pub fn assignment_of(caregiver_ids: &[String]) -> Assignment {
    Assignment {
        caregiver_id: caregiver_ids.first().cloned(),
        second_caregiver_id: caregiver_ids.get(1).cloned(),
    }
}

/// The task codes among `tasks` that the legal catalogue does not know.
pub async fn unknown_tasks(db: &impl Database, tasks: &[String]) -> Result<Vec<String>, DbError> {
    if tasks.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=tasks.len()).map(|n| format!("${n}")).collect();
    let params: Vec<Value> = tasks.iter().map(Into::into).collect();
    let known: BTreeSet<String> = db
        .query(
            &format!(
                "SELECT code FROM care_tasks WHERE code IN ({})",
                placeholders.join(", ")
            ),
            &params,
        )
        .await?
        .iter()
        .map(|row| row.text("code"))
        .collect::<Result<_, _>>()?;
    Ok(tasks
        .iter()
        .filter(|task| !known.contains(*task))
        .cloned()
        .collect())
}

/// The client of a provider's visit.
pub async fn client_of_visit(
    db: &impl Database,
    provider_id: &str,
    visit_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT client_id FROM visits WHERE id = $1 AND provider_id = $2",
        &[visit_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| row.text("client_id"))
    .transpose()
}

/// A visit's history, oldest first.
pub async fn history(db: &impl Database, visit_id: &str) -> Result<Vec<VisitEvent>, DbError> {
    db.query(
        "SELECT e.at, e.user_id, u.display_name, e.kind, e.detail, e.reason FROM visit_events e \
         JOIN users u ON u.id = e.user_id WHERE e.visit_id = $1 ORDER BY e.at, e.id",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(VisitEvent {
            at: row.instant("at")?,
            user_id: row.text("user_id")?,
            display_name: row.text("display_name")?,
            kind: row.text("kind")?,
            detail: row.text("detail")?,
            reason: row.optional_text("reason")?,
        })
    })
    .collect()
}
