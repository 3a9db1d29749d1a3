//! The planner's week: generate it from the care plans' templates, read it with its
//! conflicts, and move, reassign or cancel a visit — every change kept as an event.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, Row, Value, db, timestamp};
use shared::error::FieldError;
use shared::planning::conflicts::{
    Absence, CaregiverFacts, ClientFacts, PlanFacts, PlannedVisit, Shift, detect_conflicts,
};
use shared::planning::travel::{GeoPoint, GreatCircleModel};
use shared::planning::week::{VisitTemplate, generate_week};
use shared::schedule::{
    BoardCaregiver, BoardVisit, GeneratedWeek, NewVisit, VisitChange, VisitChangeResult,
    VisitEvent, VisitStatus, WeekBoard,
};
use shared::time::prague_day_bounds;

/// A comma-separated column (task codes, skills) as its items.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn weekday_of_digit(digit: char) -> Option<Weekday> {
    digit
        .to_digit(10)
        .filter(|d| (1..=7).contains(d))
        .and_then(|d| Weekday::try_from(u8::try_from(d - 1).ok()?).ok())
}

fn parse_time(row: &Row, column: &str) -> Result<NaiveTime, DbError> {
    row.parsed(column, "a time HH:MM", |text| {
        NaiveTime::parse_from_str(text, "%H:%M").ok()
    })
}

pub(crate) fn parse_date(row: &Row, column: &str) -> Result<NaiveDate, DbError> {
    row.parsed(column, "a date YYYY-MM-DD", |text| text.parse().ok())
}

/// `{monday}` from the path: a date that is a Monday.
fn monday<D>(cx: &Context<'_, D>) -> Result<NaiveDate, ApiError> {
    cx.params
        .get("monday")
        .and_then(|text| text.parse::<NaiveDate>().ok())
        .filter(|date| date.weekday() == Weekday::Mon)
        .ok_or_else(|| ApiError::BadInput {
            code: "invalid_field",
            field: Some("monday".into()),
            message: "Týden se zadává datem jeho pondělí, např. 2026-11-23.".into(),
        })
}

/// The UTC span of a Prague week.
fn week_span(monday: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let (start, _) = prague_day_bounds(monday);
    let (_, end) = prague_day_bounds(monday + Duration::days(6));
    (start, end)
}

pub async fn generate<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let monday = monday(cx)?;
    let provider_id = cx.caller()?.provider_id()?.to_owned();
    let rows = cx
        .db
        .query(
            "SELECT id, client_id, weekdays, window_start, window_end, duration_minutes, tasks, \
                    required_skills, caregivers_needed, preferred_caregiver_id, valid_from, valid_to \
             FROM visit_templates WHERE provider_id = $1 ORDER BY id",
            &[provider_id.as_str().into()],
        )
        .await?;
    let mut templates = Vec::new();
    let mut extras: BTreeMap<String, (Option<String>, String)> = BTreeMap::new();
    for row in &rows {
        let id = row.text("id")?;
        extras.insert(
            id.clone(),
            (
                row.optional_text("preferred_caregiver_id")?,
                row.text("required_skills")?,
            ),
        );
        templates.push(VisitTemplate {
            id,
            client_id: row.text("client_id")?,
            weekdays: row
                .text("weekdays")?
                .chars()
                .filter_map(weekday_of_digit)
                .collect(),
            window_start: parse_time(row, "window_start")?,
            window_end: parse_time(row, "window_end")?,
            duration_minutes: row.integer("duration_minutes")?,
            tasks: split_list(&row.text("tasks")?),
            caregivers_needed: u8::try_from(row.integer("caregivers_needed")?).unwrap_or(1),
            valid_from: parse_date(row, "valid_from")?,
            valid_to: row
                .optional_text("valid_to")?
                .and_then(|text| text.parse().ok()),
        });
    }
    let (start, end) = week_span(monday);
    let created = db::in_transaction(cx.db, async || {
        let existing: BTreeSet<(String, NaiveDate)> = cx
            .db
            .query(
                "SELECT template_id, planned_date FROM visits \
                 WHERE provider_id = $1 AND template_id IS NOT NULL AND starts_at >= $2 AND starts_at < $3",
                &[provider_id.as_str().into(), timestamp::format(start).into(), timestamp::format(end).into()],
            )
            .await?
            .iter()
            .map(|row| Ok((row.text("template_id")?, parse_date(row, "planned_date")?)))
            .collect::<Result<_, DbError>>()?;
        let visits = generate_week(&templates, monday, &existing);
        let caller = cx.caller()?;
        for visit in &visits {
            let (preferred, skills) = extras.get(&visit.template_id).cloned().unwrap_or_default();
            let id = new_id();
            cx.db
                .execute(
                    "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, \
                                         created_at, template_id, planned_date, window_opens_at, \
                                         window_closes_at, caregivers_needed, required_skills) \
                     VALUES ($1, $2, $3, $4, $5, $6, 'planned', $7, $8, $9, $10, $11, $12, $13)",
                    &[
                        id.as_str().into(),
                        provider_id.as_str().into(),
                        visit.client_id.as_str().into(),
                        preferred.into(),
                        timestamp::format(visit.starts_at).into(),
                        timestamp::format(visit.ends_at).into(),
                        timestamp::format(cx.now).into(),
                        visit.template_id.as_str().into(),
                        visit.date.to_string().into(),
                        timestamp::format(visit.window_opens_at).into(),
                        timestamp::format(visit.window_closes_at).into(),
                        i64::from(visit.caregivers_needed).into(),
                        skills.into(),
                    ],
                )
                .await?;
            for task in &visit.tasks {
                cx.db
                    .execute(
                        "INSERT INTO visit_tasks (visit_id, task_code) VALUES ($1, $2)",
                        &[id.as_str().into(), task.as_str().into()],
                    )
                    .await?;
            }
            record_event(cx, &caller.user.user_id, &id, "generated", &format!("šablona {}", visit.template_id), None)
                .await?;
        }
        cx.audit(Action::Create, "week_visits", Some(&monday.to_string()), None).await?;
        Ok::<_, ApiError>(u32::try_from(visits.len()).unwrap_or(u32::MAX))
    })
    .await?;
    Ok(ApiResponse::json(201, &GeneratedWeek { created }))
}

async fn record_event<D: Database>(
    cx: &Context<'_, D>,
    user_id: &str,
    visit_id: &str,
    kind: &str,
    detail: &str,
    reason: Option<&str>,
) -> Result<(), DbError> {
    cx.db
        .execute(
            "INSERT INTO visit_events (id, visit_id, at, user_id, kind, detail, reason) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                new_id().into(),
                visit_id.into(),
                timestamp::format(cx.now).into(),
                user_id.into(),
                kind.into(),
                detail.into(),
                reason.into(),
            ],
        )
        .await
        .map(drop)
}

const BOARD_SELECT: &str = "SELECT v.id, v.client_id, c.name AS client_name, c.latitude, c.longitude, \
        v.caregiver_id, v.second_caregiver_id, v.caregivers_needed, v.starts_at, v.ends_at, \
        v.window_opens_at, v.window_closes_at, v.status, v.template_id, v.required_skills, \
        m.name AS municipality, m.district \
    FROM visits v JOIN clients c ON c.id = v.client_id \
    JOIN municipalities m ON m.code = c.municipality_code";

fn board_visit(row: &Row) -> Result<(BoardVisit, PlannedVisit), DbError> {
    let caregiver_ids: Vec<String> = [
        row.optional_text("caregiver_id")?,
        row.optional_text("second_caregiver_id")?,
    ]
    .into_iter()
    .flatten()
    .collect();
    let window = match (
        row.optional_text("window_opens_at")?,
        row.optional_text("window_closes_at")?,
    ) {
        (Some(opens), Some(closes)) => {
            Some((timestamp::parse(&opens)?, timestamp::parse(&closes)?))
        }
        _ => None,
    };
    let board = BoardVisit {
        id: row.text("id")?,
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        caregiver_ids: caregiver_ids.clone(),
        caregivers_needed: u8::try_from(row.integer("caregivers_needed")?).unwrap_or(1),
        starts_at: timestamp::parse(&row.text("starts_at")?)?,
        ends_at: timestamp::parse(&row.text("ends_at")?)?,
        window,
        status: row.parsed("status", "a visit status", VisitStatus::parse)?,
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

/// The caregivers and clients of a provider, as the conflict check needs them.
async fn plan_facts(
    db: &impl Database,
    provider_id: &str,
) -> Result<
    (
        BTreeMap<String, CaregiverFacts>,
        BTreeMap<String, ClientFacts>,
    ),
    DbError,
> {
    let provider: Value = provider_id.into();
    let mut caregivers = named_by_id(
        db,
        "SELECT id, display_name AS name FROM users WHERE provider_id = $1 AND role = 'caregiver'",
        &provider,
        |name| CaregiverFacts {
            name,
            ..Default::default()
        },
    )
    .await?;
    for row in db
        .query(
            "SELECT s.user_id, s.skill FROM caregiver_skills s JOIN users u ON u.id = s.user_id WHERE u.provider_id = $1",
            std::slice::from_ref(&provider),
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
            std::slice::from_ref(&provider),
        )
        .await?
    {
        let weekday = u8::try_from(row.integer("weekday")? - 1)
            .ok()
            .and_then(|index| Weekday::try_from(index).ok())
            .ok_or(DbError::ColumnType {
                column: "weekday".into(),
                expected: "1–7",
                found: "out of range".into(),
            })?;
        if let Some(caregiver) = caregivers.get_mut(&row.text("user_id")?) {
            caregiver.shifts.push(Shift {
                weekday,
                start: parse_time(&row, "start_time")?,
                end: parse_time(&row, "end_time")?,
            });
        }
    }
    for row in db
        .query(
            "SELECT a.user_id, a.from_date, a.to_date, a.reason FROM caregiver_absences a \
             JOIN users u ON u.id = a.user_id WHERE u.provider_id = $1",
            std::slice::from_ref(&provider),
        )
        .await?
    {
        if let Some(caregiver) = caregivers.get_mut(&row.text("user_id")?) {
            caregiver.absences.push(Absence {
                from: parse_date(&row, "from_date")?,
                to: parse_date(&row, "to_date")?,
                reason: row.text("reason")?,
            });
        }
    }
    let mut clients = named_by_id(
        db,
        "SELECT id, name FROM clients WHERE provider_id = $1",
        &provider,
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
            std::slice::from_ref(&provider),
        )
        .await?
    {
        if let Some(client) = clients.get_mut(&row.text("client_id")?) {
            client.refused_caregivers.insert(row.text("user_id")?);
        }
    }
    Ok((caregivers, clients))
}

/// What a provider's week is made of: its visits and the facts of its caregivers and
/// clients. The board and the optimiser read the same.
pub(crate) struct Week {
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
    pub(crate) async fn load(
        db: &impl Database,
        provider_id: &str,
        monday: NaiveDate,
    ) -> Result<Week, DbError> {
        let (start, end) = week_span(monday);
        let visits = db
            .query(
                &format!("{BOARD_SELECT} WHERE v.provider_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3 ORDER BY v.starts_at, v.id"),
                &[provider_id.into(), timestamp::format(start).into(), timestamp::format(end).into()],
            )
            .await?
            .iter()
            .map(board_visit)
            .collect::<Result<Vec<_>, DbError>>()?;
        let (caregivers, clients) = plan_facts(db, provider_id).await?;
        let mut active = BTreeSet::new();
        let mut home_bases = BTreeMap::new();
        for row in db
            .query(
                "SELECT u.id, p.home_latitude, p.home_longitude FROM users u \
                 LEFT JOIN caregiver_profiles p ON p.user_id = u.id \
                 WHERE u.provider_id = $1 AND u.role = 'caregiver' AND u.active = 1",
                &[provider_id.into()],
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
                &[provider_id.into()],
            )
            .await?
            .map(|row| {
                Ok::<_, DbError>(GeoPoint {
                    latitude: row.real("latitude")?,
                    longitude: row.real("longitude")?,
                })
            })
            .transpose()?
            .ok_or_else(|| {
                DbError::Statement(format!("provider {provider_id} has no municipality"))
            })?;
        Ok(Week {
            visits,
            caregivers,
            clients,
            active,
            home_bases,
            depot,
        })
    }

    /// The visits the plan holds: all but the cancelled ones.
    pub(crate) fn planned(&self) -> Vec<PlannedVisit> {
        self.visits
            .iter()
            .filter(|(board, _)| board.status != VisitStatus::Cancelled)
            .map(|(_, planned)| planned.clone())
            .collect()
    }
}

/// The board of a provider's week, and its conflicts.
pub(crate) async fn load_board(
    db: &impl Database,
    provider_id: &str,
    monday: NaiveDate,
) -> Result<WeekBoard, DbError> {
    let week = Week::load(db, provider_id, monday).await?;
    let planned = week.planned();
    let conflicts = detect_conflicts(
        &planned,
        &PlanFacts {
            caregivers: &week.caregivers,
            clients: &week.clients,
            travel: &GreatCircleModel::default(),
        },
    );
    Ok(WeekBoard {
        monday,
        caregivers: board_caregivers(db, provider_id, &planned).await?,
        visits: week.visits.into_iter().map(|(board, _)| board).collect(),
        conflicts,
    })
}

/// The board's rows: active caregivers by name, with contract hours and the week's load.
async fn board_caregivers(
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

pub async fn board<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let monday = monday(cx)?;
    let provider_id = cx.caller()?.provider_id()?;
    let board = load_board(cx.db, provider_id, monday).await?;
    cx.audit(Action::Read, "week_board", Some(&monday.to_string()), None)
        .await?;
    Ok(ApiResponse::ok(&board))
}

/// Moves, reassigns or cancels a visit; answers with the visit and the conflicts of its week
/// that involve it.
pub async fn change<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?.to_owned();
    let visit_id = cx.params.get("id").unwrap_or_default().to_owned();
    let change: VisitChange = json_body(&cx.request.body)?;
    let reason = shared::planning::input::check_reason(&change.reason)?;
    let current = own_visit(cx.db, &provider_id, &visit_id)
        .await?
        .ok_or(ApiError::NotFound("Návštěva"))?;
    if let Some(ids) = &change.caregiver_ids {
        check_caregivers(cx, &provider_id, ids).await?;
    }
    db::in_transaction(cx.db, async || {
        apply_change(cx, &caller.user.user_id, &current, &change, &reason).await
    })
    .await?;
    let starts_at = change.starts_at.unwrap_or(current.starts_at);
    let result = change_result(cx.db, &provider_id, &visit_id, starts_at).await?;
    Ok(ApiResponse::ok(&result))
}

/// A visit of the provider, as the board shows it.
pub(crate) async fn own_visit(
    db: &impl Database,
    provider_id: &str,
    visit_id: &str,
) -> Result<Option<BoardVisit>, DbError> {
    db.query_one(
        &format!("{BOARD_SELECT} WHERE v.id = $1 AND v.provider_id = $2"),
        &[visit_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| board_visit(&row).map(|(board, _)| board))
    .transpose()
}

/// Moves, reassigns and/or cancels a visit inside the caller's transaction; each change is
/// kept as an event with the reason.
pub(crate) async fn apply_change<D: Database>(
    cx: &Context<'_, D>,
    user_id: &str,
    current: &BoardVisit,
    change: &VisitChange,
    reason: &str,
) -> Result<(), ApiError> {
    let visit_id = current.id.as_str();
    if let Some(starts_at) = change.starts_at {
        let ends_at = starts_at + (current.ends_at - current.starts_at);
        cx.db
            .execute(
                "UPDATE visits SET starts_at = $1, ends_at = $2 WHERE id = $3",
                &[
                    timestamp::format(starts_at).into(),
                    timestamp::format(ends_at).into(),
                    visit_id.into(),
                ],
            )
            .await?;
        let detail = format!(
            "{} → {}",
            timestamp::format(current.starts_at),
            timestamp::format(starts_at)
        );
        record_event(cx, user_id, visit_id, "moved", &detail, Some(reason)).await?;
    }
    if let Some(ids) = &change.caregiver_ids {
        cx.db
            .execute(
                "UPDATE visits SET caregiver_id = $1, second_caregiver_id = $2 WHERE id = $3",
                &[
                    ids.first().cloned().into(),
                    ids.get(1).cloned().into(),
                    visit_id.into(),
                ],
            )
            .await?;
        let detail = format!("{} → {}", current.caregiver_ids.join(", "), ids.join(", "));
        record_event(cx, user_id, visit_id, "assigned", &detail, Some(reason)).await?;
    }
    cx.audit(
        Action::Update,
        "visit",
        Some(visit_id),
        Some(&current.client_id),
    )
    .await?;
    if change.cancel {
        cx.db
            .execute(
                "UPDATE visits SET status = 'cancelled' WHERE id = $1",
                &[visit_id.into()],
            )
            .await?;
        record_event(cx, user_id, visit_id, "cancelled", "", Some(reason)).await?;
    }
    Ok(())
}

/// Up to two different active caregivers of the provider.
pub(crate) async fn check_caregivers<D: Database>(
    cx: &Context<'_, D>,
    provider_id: &str,
    ids: &[String],
) -> Result<(), ApiError> {
    if ids.len() > 2 || ids.iter().collect::<BTreeSet<_>>().len() != ids.len() {
        return Err(FieldError::new(
            "caregiver_ids",
            "Návštěvu mohou mít nejvýše dva různí pracovníci.",
        )
        .into());
    }
    for id in ids {
        let known = cx
            .db
            .query_one(
                "SELECT id FROM users WHERE id = $1 AND provider_id = $2 AND role = 'caregiver' AND active = 1",
                &[id.as_str().into(), provider_id.into()],
            )
            .await?;
        if known.is_none() {
            return Err(
                FieldError::new("caregiver_ids", "Takový pečovatel u poskytovatele není.").into(),
            );
        }
    }
    Ok(())
}

/// A visit as it now stands and every conflict of its week that involves it.
async fn change_result(
    db: &impl Database,
    provider_id: &str,
    visit_id: &str,
    starts_at: DateTime<Utc>,
) -> Result<VisitChangeResult, ApiError> {
    let monday = shared::planning::week::week_start(shared::time::prague_date(starts_at));
    let board = load_board(db, provider_id, monday).await?;
    let visit = board
        .visits
        .iter()
        .find(|v| v.id == visit_id)
        .cloned()
        .ok_or(ApiError::NotFound("Návštěva"))?;
    let conflicts = board
        .conflicts
        .into_iter()
        .filter(|c| c.involves(visit_id))
        .collect();
    Ok(VisitChangeResult { visit, conflicts })
}

/// Adds a visit by hand, with its reason in the history; answers like a change does.
pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?.to_owned();
    let input: NewVisit = json_body(&cx.request.body)?;
    let checked = shared::planning::input::check_new_visit(&input)?;
    let client = cx
        .db
        .query_one(
            "SELECT id FROM clients WHERE id = $1 AND provider_id = $2",
            &[input.client_id.as_str().into(), provider_id.as_str().into()],
        )
        .await?;
    if client.is_none() {
        return Err(FieldError::new("client_id", "Takový klient u poskytovatele není.").into());
    }
    check_caregivers(cx, &provider_id, &input.caregiver_ids).await?;
    check_catalogue_tasks(cx.db, &input.tasks, "tasks").await?;
    let id = new_id();
    db::in_transaction(cx.db, async || {
        cx.db
            .execute(
                "INSERT INTO visits (id, provider_id, client_id, caregiver_id, second_caregiver_id, starts_at, \
                                     ends_at, status, created_at, planned_date, caregivers_needed) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', $8, $9, $10)",
                &[
                    id.as_str().into(),
                    provider_id.as_str().into(),
                    input.client_id.as_str().into(),
                    input.caregiver_ids.first().cloned().into(),
                    input.caregiver_ids.get(1).cloned().into(),
                    timestamp::format(input.starts_at).into(),
                    timestamp::format(checked.ends_at).into(),
                    timestamp::format(cx.now).into(),
                    shared::time::prague_date(input.starts_at).to_string().into(),
                    i64::from(input.caregivers_needed).into(),
                ],
            )
            .await?;
        for task in &input.tasks {
            cx.db
                .execute(
                    "INSERT INTO visit_tasks (visit_id, task_code) VALUES ($1, $2)",
                    &[id.as_str().into(), task.as_str().into()],
                )
                .await?;
        }
        record_event(cx, &caller.user.user_id, &id, "created", &input.caregiver_ids.join(", "), Some(&checked.reason))
            .await?;
        cx.audit(Action::Create, "visit", Some(&id), Some(&input.client_id)).await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    let result = change_result(cx.db, &provider_id, &id, input.starts_at).await?;
    Ok(ApiResponse::json(201, &result))
}

/// Every task code is in the legal catalogue; `field` names the input that holds them.
pub(crate) async fn check_catalogue_tasks(
    db: &impl Database,
    tasks: &[String],
    field: &'static str,
) -> Result<(), ApiError> {
    for task in tasks {
        let known = db
            .query_one(
                "SELECT code FROM care_tasks WHERE code = $1",
                &[task.as_str().into()],
            )
            .await?;
        if known.is_none() {
            return Err(FieldError::new(field, "Úkon není v zákonném katalogu.").into());
        }
    }
    Ok(())
}

pub async fn history<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let visit_id = cx.params.get("id").unwrap_or_default();
    let client_id = cx
        .db
        .query_one(
            "SELECT client_id FROM visits WHERE id = $1 AND provider_id = $2",
            &[visit_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Návštěva"))?
        .text("client_id")?;
    cx.audit(
        Action::Read,
        "visit_history",
        Some(visit_id),
        Some(&client_id),
    )
    .await?;
    let events = cx
        .db
        .query(
            "SELECT e.at, e.user_id, u.display_name, e.kind, e.detail, e.reason FROM visit_events e \
             JOIN users u ON u.id = e.user_id WHERE e.visit_id = $1 ORDER BY e.at, e.id",
            &[visit_id.into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(VisitEvent {
                at: timestamp::parse(&row.text("at")?)?,
                user_id: row.text("user_id")?,
                display_name: row.text("display_name")?,
                kind: row.text("kind")?,
                detail: row.text("detail")?,
                reason: row.optional_text("reason")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(ApiResponse::ok(&events))
}
