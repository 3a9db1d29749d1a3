//! The week board's read: a provider's visits with the facts the conflict check and the
//! optimiser read — caregivers' skills, shifts and absences, clients' refusals, home bases.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};
use platform::{ApiError, Database, DbError, Row, Value, timestamp};
use shared::planning::conflicts::{Absence, CaregiverFacts, ClientFacts, PlannedVisit, Shift};
use shared::planning::travel::GeoPoint;
use shared::schedule::{Assignment, BoardCaregiver, BoardVisit, CaregiverSummary, VisitStatus};

use super::{optional_time, small_number, split_list, status, time, weekday};

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
        row.optional_instant("window_opens_at")?,
        row.optional_instant("window_closes_at")?,
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
        starts_at: row.instant("starts_at")?,
        ends_at: row.instant("ends_at")?,
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
            "SELECT a.user_id, a.from_date, a.to_date, a.from_time, a.reason \
             FROM caregiver_absences a \
             JOIN users u ON u.id = a.user_id WHERE u.provider_id = $1",
            provider,
        )
        .await?
    {
        if let Some(caregiver) = caregivers.get_mut(&row.text("user_id")?) {
            caregiver.absences.push(Absence {
                from: row.date("from_date")?,
                to: row.date("to_date")?,
                from_time: optional_time(&row, "from_time")?,
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
    /// Minutes a week of each active caregiver's contract, where recorded.
    pub contracts: BTreeMap<String, i64>,
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
        let mut contracts = BTreeMap::new();
        for row in db
            .query(
                "SELECT u.id, p.home_latitude, p.home_longitude, p.contract_minutes_per_week \
                 FROM users u \
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
            if let Some(minutes) = row.optional_integer("contract_minutes_per_week")? {
                contracts.insert(id.clone(), minutes);
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
            contracts,
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

/// Every caregiver of the provider, active or not, by id: contract and skills.
pub async fn caregiver_summaries(
    db: &impl Database,
    provider_id: &str,
) -> Result<Vec<CaregiverSummary>, DbError> {
    let provider: Value = provider_id.into();
    let mut facts = caregiver_facts(db, &provider).await?;
    db.query(
        "SELECT u.id, p.contract_minutes_per_week FROM users u \
         LEFT JOIN caregiver_profiles p ON p.user_id = u.id \
         WHERE u.provider_id = $1 AND u.role = 'caregiver' ORDER BY u.id",
        &[provider],
    )
    .await?
    .iter()
    .map(|row| {
        let id = row.text("id")?;
        Ok(CaregiverSummary {
            contract_minutes: row.optional_integer("contract_minutes_per_week")?,
            skills: facts
                .remove(&id)
                .map(|caregiver| caregiver.skills.into_iter().collect())
                .unwrap_or_default(),
            id,
        })
    })
    .collect()
}

/// The board's rows: active caregivers by name, with contract hours, the week's load and
/// their shifts and the absences that touch `days` (from `facts`).
pub async fn board_caregivers(
    db: &impl Database,
    provider_id: &str,
    planned: &[PlannedVisit],
    facts: &BTreeMap<String, CaregiverFacts>,
    days: RangeInclusive<NaiveDate>,
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
        let facts = facts.get(&id);
        Ok(BoardCaregiver {
            planned_minutes: load.get(id.as_str()).copied().unwrap_or_default(),
            name: row.text("display_name")?,
            contract_minutes: row.optional_integer("contract_minutes_per_week")?,
            shifts: facts
                .map(|caregiver| caregiver.shifts.clone())
                .unwrap_or_default(),
            absences: facts
                .into_iter()
                .flat_map(|caregiver| &caregiver.absences)
                .filter(|a| a.from <= *days.end() && a.to >= *days.start())
                .cloned()
                .collect(),
            id,
        })
    })
    .collect()
}
