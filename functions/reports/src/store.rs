//! Every SQL statement of reports; rows decoded strictly. Reads are scoped to one provider
//! (`Some(id)`) or to the whole region (`None`), and to a period's bounds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::{Database, DbError, Row, Value, timestamp};
use shared::catalogue::{CareTask, Municipality, TaskUnit};
use shared::identity::Role;
use shared::planning::travel::GeoPoint;
use shared::reports::figures::{ClientFacts, LevelChange, RecordFacts, StaffFacts, VisitFacts};
use shared::reports::parameters::NetworkParameters;
use shared::reports::period::Bounds;
use shared::reports::provider::CareData;
use shared::schedule::VisitStatus;

/// The region's municipalities by name, or those of one district.
pub async fn municipalities(
    db: &impl Database,
    district: Option<String>,
) -> Result<Vec<Municipality>, DbError> {
    let columns =
        "code, name, district, orp_name, latitude, longitude, population, population_60_plus";
    let rows = match district {
        Some(district) => {
            db.query(
                &format!(
                    "SELECT {columns} FROM municipalities WHERE district = $1 ORDER BY name, code"
                ),
                &[Value::Text(district)],
            )
            .await?
        }
        None => {
            db.query(
                &format!("SELECT {columns} FROM municipalities ORDER BY name, code"),
                &[],
            )
            .await?
        }
    };
    rows.iter()
        .map(|row| {
            Ok(Municipality {
                code: row.text("code")?,
                name: row.text("name")?,
                district: row.text("district")?,
                orp_name: row.text("orp_name")?,
                latitude: row.real("latitude")?,
                longitude: row.real("longitude")?,
                population: row.integer("population")?,
                population_60_plus: row.integer("population_60_plus")?,
            })
        })
        .collect()
}

/// The providers of the network, by name: (id, name).
pub async fn providers(db: &impl Database) -> Result<Vec<(String, String)>, DbError> {
    let rows = db
        .query("SELECT id, name FROM providers ORDER BY name, id", &[])
        .await?;
    rows.iter()
        .map(|row| Ok((row.text("id")?, row.text("name")?)))
        .collect()
}

/// A provider's name, if it exists.
pub async fn provider_name(db: &impl Database, id: &str) -> Result<Option<String>, DbError> {
    let row = db
        .query_one("SELECT name FROM providers WHERE id = $1", &[id.into()])
        .await?;
    row.map(|row| row.text("name")).transpose()
}

/// The legal task catalogue in its order.
pub async fn tasks(db: &impl Database) -> Result<Vec<CareTask>, DbError> {
    let rows = db
        .query(
            "SELECT code, activity, name, unit FROM care_tasks ORDER BY position",
            &[],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(CareTask {
                code: row.text("code")?,
                activity: row.text("activity")?,
                name: row.text("name")?,
                unit: row.parsed("unit", "a task unit", TaskUnit::parse)?,
            })
        })
        .collect()
}

/// `AND <column> = $n` when scoped to a provider, with its parameter.
fn provider_filter(column: &str, provider: Option<&str>, params: &mut Vec<Value>) -> String {
    match provider {
        Some(id) => {
            params.push(id.into());
            format!(" AND {column} = ${}", params.len())
        }
        None => String::new(),
    }
}

fn date(row: &Row, column: &str) -> Result<Option<NaiveDate>, DbError> {
    row.optional_text(column)?
        .map(|text| {
            text.parse().map_err(|_| DbError::ColumnType {
                column: column.to_owned(),
                expected: "a date",
                found: text,
            })
        })
        .transpose()
}

async fn clients(
    db: &impl Database,
    provider: Option<&str>,
) -> Result<BTreeMap<String, ClientFacts>, DbError> {
    let mut params = Vec::new();
    let scope = provider_filter("provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT id, provider_id, municipality_code, latitude, longitude, birth_date, \
                 free_of_charge, care_allowance_level, care_allowance_from \
                 FROM clients WHERE 1 = 1{scope}"
            ),
            &params,
        )
        .await?;
    let mut clients = BTreeMap::new();
    for row in &rows {
        let id = row.text("id")?;
        let level = level(row)?;
        // A level without its date has held since before any record.
        let from = date(row, "care_allowance_from")?.or(level.map(|_| NaiveDate::MIN));
        let current = from.map(|from| LevelChange { from, level });
        clients.insert(
            id.clone(),
            ClientFacts {
                id,
                provider_id: row.text("provider_id")?,
                municipality_code: row.text("municipality_code")?,
                location: GeoPoint {
                    latitude: row.real("latitude")?,
                    longitude: row.real("longitude")?,
                },
                birth_date: date(row, "birth_date")?,
                free_of_charge: row.flag("free_of_charge")?,
                levels: current.into_iter().collect(),
            },
        );
    }
    let mut params = Vec::new();
    let scope = provider_filter("c.provider_id", provider, &mut params);
    let history = db
        .query(
            &format!(
                "SELECT h.client_id, h.valid_from, h.level AS care_allowance_level \
                 FROM care_allowance_changes h JOIN clients c ON c.id = h.client_id \
                 WHERE 1 = 1{scope}"
            ),
            &params,
        )
        .await?;
    for row in &history {
        if let (Some(client), Some(from)) = (
            clients.get_mut(&row.text("client_id")?),
            date(row, "valid_from")?,
        ) {
            client.levels.push(LevelChange {
                from,
                level: level(row)?,
            });
        }
    }
    Ok(clients)
}

fn level(row: &Row) -> Result<Option<u8>, DbError> {
    row.optional_integer("care_allowance_level")?
        .map(|level| {
            u8::try_from(level)
                .ok()
                .filter(|level| (1..=4).contains(level))
                .ok_or_else(|| DbError::ColumnType {
                    column: "care_allowance_level".into(),
                    expected: "1 to 4",
                    found: level.to_string(),
                })
        })
        .transpose()
}

async fn visits(
    db: &impl Database,
    provider: Option<&str>,
    bounds: Bounds,
) -> Result<Vec<VisitFacts>, DbError> {
    let mut params = vec![
        timestamp::format(bounds.from).into(),
        timestamp::format(bounds.to).into(),
    ];
    let scope = provider_filter("v.provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT v.provider_id, v.client_id, v.starts_at, p.status, \
                 (SELECT u.role FROM visit_events e JOIN users u ON u.id = e.user_id \
                  WHERE e.visit_id = v.id AND e.kind = 'cancelled' \
                  ORDER BY e.at DESC LIMIT 1) AS cancelled_by \
                 FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
                 WHERE v.starts_at >= $1 AND v.starts_at < $2{scope}"
            ),
            &params,
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(VisitFacts {
                provider_id: row.text("provider_id")?,
                client_id: row.text("client_id")?,
                starts_at: row.instant("starts_at")?,
                status: row.parsed("status", "a visit status", VisitStatus::parse)?,
                cancelled_by: row
                    .optional_text("cancelled_by")?
                    .and_then(|role| Role::parse(&role)),
            })
        })
        .collect()
}

/// Accepted records overlapping the bounds, as their latest version reads, with its tasks.
async fn records(
    db: &impl Database,
    provider: Option<&str>,
    bounds: Bounds,
) -> Result<Vec<RecordFacts>, DbError> {
    let mut params = vec![
        timestamp::format(bounds.from).into(),
        timestamp::format(bounds.to).into(),
    ];
    let scope = provider_filter("r.provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT r.id, r.provider_id, r.client_id, r.caregiver_id, \
                 COALESCE(c.arrived_at, r.arrived_at) AS arrived, \
                 COALESCE(c.left_at, r.left_at) AS departed, t.task_code \
                 FROM visit_records r \
                 LEFT JOIN record_corrections c \
                   ON c.record_id = r.id AND c.version = r.current_version \
                 LEFT JOIN record_tasks t \
                   ON t.record_id = r.id AND t.version = r.current_version \
                 WHERE r.state = 'accepted' \
                 AND COALESCE(c.left_at, r.left_at) > $1 \
                 AND COALESCE(c.arrived_at, r.arrived_at) < $2{scope} \
                 ORDER BY r.id"
            ),
            &params,
        )
        .await?;
    let mut records: Vec<(String, RecordFacts)> = Vec::new();
    for row in &rows {
        let id = row.text("id")?;
        if records.last().is_none_or(|(last, _)| *last != id) {
            records.push((
                id,
                RecordFacts {
                    provider_id: row.text("provider_id")?,
                    client_id: row.text("client_id")?,
                    caregiver_id: row.text("caregiver_id")?,
                    arrived_at: row.instant("arrived")?,
                    left_at: row.instant("departed")?,
                    tasks: Vec::new(),
                },
            ));
        }
        if let (Some(task), Some((_, record))) =
            (row.optional_text("task_code")?, records.last_mut())
        {
            record.tasks.push(task);
        }
    }
    Ok(records.into_iter().map(|(_, record)| record).collect())
}

async fn staff(db: &impl Database, provider: Option<&str>) -> Result<Vec<StaffFacts>, DbError> {
    let mut params = Vec::new();
    let scope = provider_filter("u.provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT u.provider_id, u.role, p.contract_minutes_per_week \
                 FROM users u LEFT JOIN caregiver_profiles p ON p.user_id = u.id \
                 WHERE u.active = 1 AND u.provider_id IS NOT NULL \
                 AND u.role IN ('caregiver', 'coordinator', 'provider_manager'){scope}"
            ),
            &params,
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(StaffFacts {
                provider_id: row.text("provider_id")?,
                role: row.parsed("role", "a role name", Role::parse)?,
                contract_minutes_per_week: row.optional_integer("contract_minutes_per_week")?,
            })
        })
        .collect()
}

/// Everything a report computes from, for one provider or the region, in the bounds.
pub async fn care_data(
    db: &impl Database,
    provider: Option<&str>,
    bounds: Bounds,
) -> Result<CareData, DbError> {
    Ok(CareData {
        clients: clients(db, provider).await?,
        visits: visits(db, provider, bounds).await?,
        records: records(db, provider, bounds).await?,
        staff: staff(db, provider).await?,
    })
}

/// Every parameters row of one provider or of all, newest first.
pub async fn network_parameters(
    db: &impl Database,
    provider: Option<&str>,
) -> Result<Vec<NetworkParameters>, DbError> {
    let mut params = Vec::new();
    let scope = provider_filter("provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT provider_id, valid_from, capacity_clients, operating_hours, \
                 min_direct_care_hours_per_month, min_direct_care_share_percent \
                 FROM network_parameters WHERE 1 = 1{scope} \
                 ORDER BY provider_id, valid_from DESC"
            ),
            &params,
        )
        .await?;
    let mut params = Vec::new();
    let scope = provider_filter("provider_id", provider, &mut params);
    let mandated = db
        .query(
            &format!(
                "SELECT provider_id, valid_from, municipality_code \
                 FROM network_mandated_municipalities WHERE 1 = 1{scope} \
                 ORDER BY municipality_code"
            ),
            &params,
        )
        .await?;
    let mut parameters = Vec::new();
    for row in &rows {
        let provider_id = row.text("provider_id")?;
        let valid_from_text = row.text("valid_from")?;
        let mut mandated_municipalities = Vec::new();
        for m in &mandated {
            if m.text("provider_id")? == provider_id && m.text("valid_from")? == valid_from_text {
                mandated_municipalities.push(m.text("municipality_code")?);
            }
        }
        parameters.push(NetworkParameters {
            provider_id,
            valid_from: date(row, "valid_from")?.ok_or_else(|| DbError::ColumnType {
                column: "valid_from".into(),
                expected: "a date",
                found: "NULL".into(),
            })?,
            capacity_clients: row.optional_integer("capacity_clients")?,
            operating_hours: row.optional_text("operating_hours")?,
            min_direct_care_hours_per_month: row
                .optional_integer("min_direct_care_hours_per_month")?,
            min_direct_care_share_percent: row.optional_integer("min_direct_care_share_percent")?,
            mandated_municipalities,
        });
    }
    Ok(parameters)
}

/// How many of the codes are municipalities of the region.
pub async fn known_municipalities(db: &impl Database, codes: &[String]) -> Result<usize, DbError> {
    let mut known = 0;
    for code in codes {
        let row = db
            .query_one(
                "SELECT code FROM municipalities WHERE code = $1",
                &[code.into()],
            )
            .await?;
        known += usize::from(row.is_some());
    }
    Ok(known)
}

/// Saves a parameters row (replacing one of the same provider and date), in a transaction
/// the caller holds.
pub async fn save_network_parameters(
    db: &impl Database,
    parameters: &NetworkParameters,
    saved_by: &str,
    saved_at: &str,
) -> Result<(), DbError> {
    let key = [
        Value::from(&parameters.provider_id),
        Value::from(parameters.valid_from.to_string()),
    ];
    db.execute(
        "DELETE FROM network_mandated_municipalities WHERE provider_id = $1 AND valid_from = $2",
        &key,
    )
    .await?;
    db.execute(
        "DELETE FROM network_parameters WHERE provider_id = $1 AND valid_from = $2",
        &key,
    )
    .await?;
    db.execute(
        "INSERT INTO network_parameters (provider_id, valid_from, capacity_clients, \
         operating_hours, min_direct_care_hours_per_month, min_direct_care_share_percent, \
         saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            key[0].clone(),
            key[1].clone(),
            parameters.capacity_clients.into(),
            parameters.operating_hours.clone().into(),
            parameters.min_direct_care_hours_per_month.into(),
            parameters.min_direct_care_share_percent.into(),
            saved_by.into(),
            saved_at.into(),
        ],
    )
    .await?;
    for code in &parameters.mandated_municipalities {
        db.execute(
            "INSERT INTO network_mandated_municipalities (provider_id, valid_from, \
             municipality_code) VALUES ($1, $2, $3)",
            &[key[0].clone(), key[1].clone(), code.into()],
        )
        .await?;
    }
    Ok(())
}
