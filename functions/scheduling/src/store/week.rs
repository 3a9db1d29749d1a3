//! The planner's week: its visits with the facts the conflict check and the optimiser read,
//! the templates it is generated from, new visits and their history.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use platform::{ApiError, Database, DbError, Row, Value, random::new_id, timestamp};
use shared::planning::conflicts::{Absence, CaregiverFacts, ClientFacts, PlannedVisit, Shift};
use shared::planning::travel::GeoPoint;
use shared::planning::week::VisitTemplate;
use shared::schedule::{Assignment, BoardCaregiver, BoardVisit, VisitEvent, VisitStatus};

use super::{
    date, insert_rows, instant, optional_date, optional_instant, small_number, split_list, status,
    time, weekday, weekday_digits,
};

/// A template as generation needs it, with what a generated visit copies from it.
#[derive(Debug, Clone)]
pub struct GeneratingTemplate {
    pub template: VisitTemplate,
    pub preferred_caregiver_id: Option<String>,
    pub required_skills: String,
}

pub async fn templates(
    db: &impl Database,
    provider_id: &str,
) -> Result<Vec<GeneratingTemplate>, DbError> {
    db.query(
        "SELECT id, client_id, weekdays, window_start, window_end, duration_minutes, tasks, \
                required_skills, caregivers_needed, preferred_caregiver_id, valid_from, valid_to \
         FROM visit_templates WHERE provider_id = $1 ORDER BY id",
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
                valid_from: date(row, "valid_from")?,
                valid_to: optional_date(row, "valid_to")?,
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
    .map(|row| Ok((row.text("template_id")?, date(row, "planned_date")?)))
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

const BOARD_SELECT: &str = "SELECT v.id, v.client_id, c.name AS client_name, c.latitude, c.longitude, \
        v.caregiver_id, v.second_caregiver_id, v.caregivers_needed, v.starts_at, v.ends_at, \
        v.window_opens_at, v.window_closes_at, p.status, v.template_id, v.required_skills, \
        m.name AS municipality, m.district \
    FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
    JOIN clients c ON c.id = v.client_id \
    JOIN municipalities m ON m.code = c.municipality_code";

fn board_visit(row: &Row) -> Result<(BoardVisit, PlannedVisit), DbError> {
    let caregiver_ids: Vec<String> = Assignment {
        caregiver_id: row.optional_text("caregiver_id")?,
        second_caregiver_id: row.optional_text("second_caregiver_id")?,
    }
    .caregiver_ids()
    .map(str::to_owned)
    .collect();
    let window = match (
        optional_instant(row, "window_opens_at")?,
        optional_instant(row, "window_closes_at")?,
    ) {
        (Some(opens), Some(closes)) => Some((opens, closes)),
        _ => None,
    };
    let board = BoardVisit {
        id: row.text("id")?,
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        caregiver_ids: caregiver_ids.clone(),
        caregivers_needed: small_number(row, "caregivers_needed", 1..=2)?,
        starts_at: instant(row, "starts_at")?,
        ends_at: instant(row, "ends_at")?,
        window,
        status: status(row)?,
        template_id: row.optional_text("template_id")?,
        municipality: row.text("municipality")?,
        district: row.text("district")?,
    };
    let planned = PlannedVisit {
        id: board.id.clone(),
        client_id: board.client_id.clone(),
        caregiver_ids,
        caregivers_needed: board.caregivers_needed,
        starts_at: board.starts_at,
        ends_at: board.ends_at,
        window,
        required_skills: split_list(&row.text("required_skills")?),
        location: GeoPoint {
            latitude: row.real("latitude")?,
            longitude: row.real("longitude")?,
        },
    };
    Ok((board, planned))
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
            at: instant(row, "at")?,
            user_id: row.text("user_id")?,
            display_name: row.text("display_name")?,
            kind: row.text("kind")?,
            detail: row.text("detail")?,
            reason: row.optional_text("reason")?,
        })
    })
    .collect()
}

/// `id → facts` for every row of `sql` (columns `id` and `name`), with only the name known.
async fn named_by_id<T>(
    db: &impl Database,
    sql: &str,
    provider: &Value,
    with_name: impl Fn(String) -> T,
) -> Result<BTreeMap<String, T>, DbError> {
    db.query(sql, std::slice::from_ref(provider))
        .await?
        .iter()
        .map(|row| Ok((row.text("id")?, with_name(row.text("name")?))))
        .collect()
}

/// The caregivers of a provider, as the conflict check needs them.
async fn caregiver_facts(
    db: &impl Database,
    provider: &Value,
) -> Result<BTreeMap<String, CaregiverFacts>, DbError> {
    let mut caregivers = named_by_id(
        db,
        "SELECT id, display_name AS name FROM users WHERE provider_id = $1 AND role = 'caregiver'",
        provider,
        |name| CaregiverFacts {
            name,
            ..Default::default()
        },
    )
    .await?;
    let provider = std::slice::from_ref(provider);
    for row in db
        .query(
            "SELECT s.user_id, s.skill FROM caregiver_skills s JOIN users u ON u.id = s.user_id \
             WHERE u.provider_id = $1",
            provider,
        )
        .await?
    {
        if let Some(caregiver) = caregivers.get_mut(&row.text("user_id")?) {
            caregiver.skills.insert(row.text("skill")?);
        }
    }
    for row in db
        .query(
            "SELECT s.user_id, s.weekday, s.start_time, s.end_time FROM caregiver_shifts s \
             JOIN users u ON u.id = s.user_id WHERE u.provider_id = $1",
            provider,
        )
        .await?
    {
        let day = small_number(&row, "weekday", 1..=7)?;
        if let (Some(caregiver), Some(weekday)) =
            (caregivers.get_mut(&row.text("user_id")?), weekday(day))
        {
            caregiver.shifts.push(Shift {
                weekday,
                start: time(&row, "start_time")?,
                end: time(&row, "end_time")?,
            });
        }
    }
    for row in db
        .query(
            "SELECT a.user_id, a.from_date, a.to_date, a.reason FROM caregiver_absences a \
             JOIN users u ON u.id = a.user_id WHERE u.provider_id = $1",
            provider,
        )
        .await?
    {
        if let Some(caregiver) = caregivers.get_mut(&row.text("user_id")?) {
            caregiver.absences.push(Absence {
                from: date(&row, "from_date")?,
                to: date(&row, "to_date")?,
                reason: row.text("reason")?,
            });
        }
    }
    Ok(caregivers)
}

/// The clients of a provider, as the conflict check needs them.
async fn client_facts(
    db: &impl Database,
    provider: &Value,
) -> Result<BTreeMap<String, ClientFacts>, DbError> {
    let mut clients = named_by_id(
        db,
        "SELECT id, name FROM clients WHERE provider_id = $1",
        provider,
        |name| ClientFacts {
            name,
            ..Default::default()
        },
    )
    .await?;
    for row in db
        .query(
            "SELECT r.client_id, r.user_id FROM client_refused_caregivers r \
             JOIN clients c ON c.id = r.client_id WHERE c.provider_id = $1",
            std::slice::from_ref(provider),
        )
        .await?
    {
        if let Some(client) = clients.get_mut(&row.text("client_id")?) {
            client.refused_caregivers.insert(row.text("user_id")?);
        }
    }
    Ok(clients)
}

/// What a provider's week is made of: its visits and the facts of its caregivers and
/// clients. The board and the optimiser read the same.
#[derive(Debug, Clone)]
pub struct Week {
    pub visits: Vec<(BoardVisit, PlannedVisit)>,
    pub caregivers: BTreeMap<String, CaregiverFacts>,
    pub clients: BTreeMap<String, ClientFacts>,
    /// Caregivers who work now (deactivated accounts keep their history, not new visits).
    pub active: BTreeSet<String>,
    /// Where each caregiver's day starts, where recorded.
    pub home_bases: BTreeMap<String, GeoPoint>,
    /// The provider's municipality: the start of a day without a recorded home base.
    pub depot: GeoPoint,
}

impl Week {
    /// The provider's visits starting in `[from, to)` and the facts around them.
    pub async fn load(
        db: &impl Database,
        provider_id: &str,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<Week, ApiError> {
        let visits = db
            .query(
                &format!(
                    "{BOARD_SELECT} WHERE v.provider_id = $1 AND v.starts_at >= $2 \
                     AND v.starts_at < $3 ORDER BY v.starts_at, v.id"
                ),
                &[
                    provider_id.into(),
                    timestamp::format(from).into(),
                    timestamp::format(to).into(),
                ],
            )
            .await?
            .iter()
            .map(board_visit)
            .collect::<Result<Vec<_>, DbError>>()?;
        let provider: Value = provider_id.into();
        let caregivers = caregiver_facts(db, &provider).await?;
        let clients = client_facts(db, &provider).await?;
        let mut active = BTreeSet::new();
        let mut home_bases = BTreeMap::new();
        for row in db
            .query(
                "SELECT u.id, p.home_latitude, p.home_longitude FROM users u \
                 LEFT JOIN caregiver_profiles p ON p.user_id = u.id \
                 WHERE u.provider_id = $1 AND u.role = 'caregiver' AND u.active = 1",
                std::slice::from_ref(&provider),
            )
            .await?
        {
            let id = row.text("id")?;
            if let (Some(latitude), Some(longitude)) = (
                row.optional_real("home_latitude")?,
                row.optional_real("home_longitude")?,
            ) {
                home_bases.insert(
                    id.clone(),
                    GeoPoint {
                        latitude,
                        longitude,
                    },
                );
            }
            active.insert(id);
        }
        let depot = db
            .query_one(
                "SELECT m.latitude, m.longitude FROM providers p \
                 JOIN municipalities m ON m.code = p.municipality_code WHERE p.id = $1",
                &[provider],
            )
            .await?
            .ok_or_else(|| {
                ApiError::Internal(format!("provider {provider_id} has no municipality"))
            })?;
        Ok(Week {
            visits,
            caregivers,
            clients,
            active,
            home_bases,
            depot: GeoPoint {
                latitude: depot.real("latitude")?,
                longitude: depot.real("longitude")?,
            },
        })
    }

    /// The visits the plan holds: all but the cancelled ones.
    pub fn planned(&self) -> Vec<PlannedVisit> {
        self.visits
            .iter()
            .filter(|(board, _)| board.status != VisitStatus::Cancelled)
            .map(|(_, planned)| planned.clone())
            .collect()
    }
}

/// The board's rows: active caregivers by name, with contract hours and the week's load.
pub async fn board_caregivers(
    db: &impl Database,
    provider_id: &str,
    planned: &[PlannedVisit],
) -> Result<Vec<BoardCaregiver>, DbError> {
    let mut load: BTreeMap<&str, i64> = BTreeMap::new();
    for visit in planned {
        for caregiver in &visit.caregiver_ids {
            *load.entry(caregiver).or_default() += (visit.ends_at - visit.starts_at).num_minutes();
        }
    }
    db.query(
        "SELECT u.id, u.display_name, p.contract_minutes_per_week FROM users u \
         LEFT JOIN caregiver_profiles p ON p.user_id = u.id \
         WHERE u.provider_id = $1 AND u.role = 'caregiver' AND u.active = 1 \
         ORDER BY u.display_name, u.id",
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        let id = row.text("id")?;
        Ok(BoardCaregiver {
            planned_minutes: load.get(id.as_str()).copied().unwrap_or_default(),
            name: row.text("display_name")?,
            contract_minutes: row.optional_integer("contract_minutes_per_week")?,
            id,
        })
    })
    .collect()
}
