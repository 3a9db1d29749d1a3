//! Every SQL statement of reports; rows decoded strictly. Reads are scoped to one provider
//! (`Some(id)`) or to the whole region (`None`), and to a period's bounds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::{Database, DbError, Row, Value, timestamp};
use shared::catalogue::{CareTask, Municipality};
use shared::identity::Role;
use shared::planning::travel::GeoPoint;
use shared::records::billing::{BillableVisit, BilledTask, PriceList};
use shared::reports::figures::{ClientFacts, LevelChange, StaffFacts};
use shared::reports::parameters::NetworkParameters;
use shared::reports::payments::PaymentData;
use shared::reports::period::{Bounds, Period};
use shared::reports::provider::CareData;

mod summaries;

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

/// `AND <column> = $n` when scoped to a provider, with its parameter.
pub(crate) fn provider_filter(
    column: &str,
    provider: Option<&str>,
    params: &mut Vec<Value>,
) -> String {
    match provider {
        Some(id) => {
            params.push(id.into());
            format!(" AND {column} = ${}", params.len())
        }
        None => String::new(),
    }
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
        let from = row
            .optional_date("care_allowance_from")?
            .or(level.map(|_| NaiveDate::MIN));
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
                birth_date: row.optional_date("birth_date")?,
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
            row.optional_date("valid_from")?,
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

/// A provider's accepted records that arrived in the bounds (billing goes by the day of
/// arrival) as their latest version reads, one row per task.
async fn billable_rows(
    db: &impl Database,
    provider: &str,
    bounds: Bounds,
) -> Result<Vec<Row>, DbError> {
    db.query(
        "SELECT r.id, r.client_id, \
         COALESCE(c.arrived_at, r.arrived_at) AS arrived, \
         COALESCE(c.left_at, r.left_at) AS departed, t.task_code, t.units \
         FROM visit_records r \
         LEFT JOIN record_corrections c \
           ON c.record_id = r.id AND c.version = r.current_version \
         LEFT JOIN record_tasks t \
           ON t.record_id = r.id AND t.version = r.current_version \
         WHERE r.state = 'accepted' AND COALESCE(c.arrived_at, r.arrived_at) >= $1 \
         AND COALESCE(c.arrived_at, r.arrived_at) < $2 AND r.provider_id = $3 \
         ORDER BY r.id",
        &[
            timestamp::format(bounds.from).into(),
            timestamp::format(bounds.to).into(),
            provider.into(),
        ],
    )
    .await
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

/// Everything a report computes from, for one provider or the region, in the period;
/// `task_order` is the catalogue's codes in order.
pub async fn care_data(
    db: &impl Database,
    provider: Option<&str>,
    period: Period,
    task_order: &[String],
) -> Result<CareData, DbError> {
    let clients = clients(db, provider).await?;
    let providers: Vec<String> = match provider {
        Some(id) => vec![id.to_owned()],
        None => providers(db).await?.into_iter().map(|(id, _)| id).collect(),
    };
    let months =
        summaries::summaries(db, provider, &providers, period, &clients, task_order).await?;
    Ok(CareData {
        clients,
        months,
        staff: staff(db, provider).await?,
    })
}

/// What a provider's client payments in the bounds are billed from: each client's accepted
/// records that arrived in them with their tasks (named and unit-typed by `tasks`, the
/// catalogue), the provider's price lists and the legal caps.
pub async fn payment_data(
    db: &impl Database,
    provider: &str,
    bounds: Bounds,
    tasks: &[CareTask],
) -> Result<PaymentData, DbError> {
    let mut visits: BTreeMap<String, Vec<BillableVisit>> = BTreeMap::new();
    for row in billable_rows(db, provider, bounds).await? {
        let id = row.text("id")?;
        let client = visits.entry(row.text("client_id")?).or_default();
        if client.last().is_none_or(|visit| visit.record_id != id) {
            client.push(BillableVisit {
                record_id: id,
                arrived_at: row.instant("arrived")?,
                left_at: row.instant("departed")?,
                tasks: Vec::new(),
            });
        }
        let Some(code) = row.optional_text("task_code")? else {
            continue;
        };
        let task =
            tasks
                .iter()
                .find(|task| task.code == code)
                .ok_or_else(|| DbError::ColumnType {
                    column: "task_code".into(),
                    expected: "a task of the catalogue",
                    found: code.clone(),
                })?;
        let units = row.integer("units")?;
        let units = u32::try_from(units).map_err(|_| DbError::ColumnType {
            column: "units".into(),
            expected: "a count of units",
            found: units.to_string(),
        })?;
        if let Some(visit) = client.last_mut() {
            visit.tasks.push(BilledTask {
                code,
                name: task.name.clone(),
                unit: task.unit,
                units,
            });
        }
    }
    Ok(PaymentData {
        visits,
        price_lists: price_lists(db, provider).await?,
        caps: platform::reference::payment_caps(db).await?,
    })
}

/// The provider's price lists with their unit prices.
async fn price_lists(db: &impl Database, provider: &str) -> Result<Vec<PriceList>, DbError> {
    let rows = db
        .query(
            "SELECT l.valid_from, l.hourly_rate, u.task_code, u.price FROM price_lists l \
             LEFT JOIN price_list_units u \
               ON u.provider_id = l.provider_id AND u.valid_from = l.valid_from \
             WHERE l.provider_id = $1 ORDER BY l.valid_from",
            &[provider.into()],
        )
        .await?;
    let mut lists: Vec<PriceList> = Vec::new();
    for row in &rows {
        let valid_from = row.date("valid_from")?;
        if lists
            .last()
            .is_none_or(|list| list.valid_from != valid_from)
        {
            lists.push(PriceList {
                valid_from,
                hourly_rate: row.integer("hourly_rate")?,
                unit_prices: BTreeMap::new(),
            });
        }
        if let (Some(code), Some(list)) = (row.optional_text("task_code")?, lists.last_mut()) {
            list.unit_prices.insert(code, row.integer("price")?);
        }
    }
    Ok(lists)
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
                 min_direct_care_hours_per_month, min_direct_care_share_percent, \
                 target_clients, target_direct_care_hours_per_month, target_fte_hundredths \
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
            valid_from: row.date("valid_from")?,
            capacity_clients: row.optional_integer("capacity_clients")?,
            operating_hours: row.optional_text("operating_hours")?,
            min_direct_care_hours_per_month: row
                .optional_integer("min_direct_care_hours_per_month")?,
            min_direct_care_share_percent: row.optional_integer("min_direct_care_share_percent")?,
            mandated_municipalities,
            target_clients: row.optional_integer("target_clients")?,
            target_direct_care_hours_per_month: row
                .optional_integer("target_direct_care_hours_per_month")?,
            target_fte_hundredths: row.optional_integer("target_fte_hundredths")?,
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
         target_clients, target_direct_care_hours_per_month, target_fte_hundredths, \
         saved_by, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &[
            key[0].clone(),
            key[1].clone(),
            parameters.capacity_clients.into(),
            parameters.operating_hours.clone().into(),
            parameters.min_direct_care_hours_per_month.into(),
            parameters.min_direct_care_share_percent.into(),
            parameters.target_clients.into(),
            parameters.target_direct_care_hours_per_month.into(),
            parameters.target_fte_hundredths.into(),
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
