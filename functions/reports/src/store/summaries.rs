//! The months' summaries a report adds up (`shared::reports::summary`): kept in
//! `report_summaries` with the counts of changes they were computed at, and computed again
//! from the records and visits once a write has touched their month (`report_changes`, kept
//! by the triggers of migration 0029).

use std::collections::{BTreeMap, BTreeSet};

use platform::db::in_transaction;
use platform::{Database, DbError, Engine, Value, timestamp};
use shared::identity::Role;
use shared::reports::figures::{ClientFacts, RecordFacts, VisitFacts};
use shared::reports::period::{Bounds, Period};
use shared::reports::summary::{MonthSummary, summarise};
use shared::schedule::VisitStatus;

use super::provider_filter;

/// `report_changes`' month of the changes touching every month of a provider (with the
/// provider's id) or of every provider (with this as the provider too).
const EVERY_MONTH: &str = "*";

/// The visits planned to start in the month, counted by client, how they stand and who
/// cancelled them (the latest cancellation's author).
async fn visits(
    db: &impl Database,
    provider: Option<&str>,
    month: Period,
) -> Result<Vec<VisitFacts>, DbError> {
    let bounds = month.bounds();
    let mut params = vec![
        timestamp::format(bounds.from).into(),
        timestamp::format(bounds.to).into(),
    ];
    let scope = provider_filter("p.provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT p.provider_id, p.client_id, p.status, x.role AS cancelled_by, \
                 MIN(p.starts_at) AS starts_at, COUNT(*) AS visits \
                 FROM visit_progress p \
                 LEFT JOIN (SELECT e.visit_id, u.role, \
                   ROW_NUMBER() OVER (PARTITION BY e.visit_id ORDER BY e.at DESC) AS latest \
                   FROM visit_events e JOIN users u ON u.id = e.user_id \
                   WHERE e.kind = 'cancelled') x ON x.visit_id = p.visit_id AND x.latest = 1 \
                 WHERE p.starts_at >= $1 AND p.starts_at < $2{scope} \
                 GROUP BY p.client_id, p.provider_id, p.status, x.role"
            ),
            &params,
        )
        .await?;
    rows.iter()
        .map(|row| {
            let visits = row.integer("visits")?;
            Ok(VisitFacts {
                provider_id: row.text("provider_id")?,
                client_id: row.text("client_id")?,
                starts_at: row.instant("starts_at")?,
                status: row.parsed("status", "a visit status", VisitStatus::parse)?,
                cancelled_by: row
                    .optional_text("cancelled_by")?
                    .and_then(|role| Role::parse(&role)),
                visits: u64::try_from(visits).map_err(|_| DbError::ColumnType {
                    column: "visits".into(),
                    expected: "a count",
                    found: visits.to_string(),
                })?,
            })
        })
        .collect()
}

/// One record as `records` reads it: provider, client, caregiver, arrival, departure and
/// its task codes joined by commas (none for a record without tasks).
type RecordTuple = (String, String, String, String, String, Option<String>);

/// Accepted records overlapping the bounds, as their latest version reads, with its tasks,
/// in no particular order. SQLite hands them over as one JSON array: a row each cost its
/// driver more than the query (a month of the region is about 60,000 records); PostgreSQL
/// builds JSON slower than it sends rows.
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
    let ids = "r.provider_id, r.client_id, r.caregiver_id";
    // Uncorrected records by their own times, over the index by departure
    // (`visit_records_by_departure`: the latest month reads only its own entries), and the
    // few corrected ones by their latest correction's.
    let from = format!(
        "FROM (SELECT r.id, r.current_version, {ids}, r.arrived_at AS arrived, \
                      r.left_at AS departed \
               FROM visit_records r \
               WHERE r.left_at > $1 AND r.arrived_at < $2 AND r.current_version = 0 \
               AND r.state = 'accepted'{scope} \
               UNION ALL \
               SELECT r.id, r.current_version, {ids}, c.arrived_at, c.left_at \
               FROM record_corrections c JOIN visit_records r \
               ON r.id = c.record_id AND c.version = r.current_version \
               WHERE c.left_at > $1 AND c.arrived_at < $2 AND r.state = 'accepted'{scope}) r"
    );
    // A record's tasks, looked up by its key.
    let lookup = |aggregate: &str| {
        format!(
            "(SELECT {aggregate}(t.task_code, ',') FROM record_tasks t \
             WHERE t.record_id = r.id AND t.version = r.current_version)"
        )
    };
    let tuples: Vec<RecordTuple> = match db.engine() {
        Engine::Sqlite => {
            let sql = format!(
                "SELECT json_group_array(json_array({ids}, r.arrived, r.departed, {})) \
                 AS records {from}",
                lookup("group_concat")
            );
            match db.query_one(&sql, &params).await? {
                Some(row) => serde_json::from_str(&row.text("records")?).map_err(|error| {
                    DbError::ColumnType {
                        column: "records".into(),
                        expected: "a JSON array of records",
                        found: error.to_string(),
                    }
                })?,
                None => Vec::new(),
            }
        }
        Engine::Postgres => {
            let sql = format!(
                "SELECT {ids}, r.arrived, r.departed, {} AS tasks \
                 {from}",
                lookup("string_agg")
            );
            let rows = db.query(&sql, &params).await?;
            rows.iter()
                .map(|row| {
                    Ok((
                        row.text("provider_id")?,
                        row.text("client_id")?,
                        row.text("caregiver_id")?,
                        row.text("arrived")?,
                        row.text("departed")?,
                        row.optional_text("tasks")?,
                    ))
                })
                .collect::<Result<_, DbError>>()?
        }
    };
    let instant = |text: String| {
        timestamp::parse(&text).map_err(|_| DbError::ColumnType {
            column: "arrived, departed".into(),
            expected: "an RFC 3339 instant",
            found: text,
        })
    };
    tuples
        .into_iter()
        .map(
            |(provider_id, client_id, caregiver_id, arrived, departed, tasks)| {
                Ok(RecordFacts {
                    provider_id,
                    client_id,
                    caregiver_id,
                    arrived_at: instant(arrived)?,
                    left_at: instant(departed)?,
                    tasks: tasks
                        .map(|codes| codes.split(',').map(str::to_owned).collect())
                        .unwrap_or_default(),
                })
            },
        )
        .collect()
}

/// How many changes have touched each (provider, month) of `months`, each provider's every
/// month, and every provider's.
struct Changes {
    by_month: BTreeMap<(String, String), i64>,
}

impl Changes {
    fn of(&self, provider: &str, month: &str) -> i64 {
        self.by_month
            .get(&(provider.to_owned(), month.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The changes touching every month of `provider`: its own and every provider's (a sum
    /// of two counts that only grow changes whenever either does).
    fn of_every_month(&self, provider: &str) -> i64 {
        self.of(provider, EVERY_MONTH) + self.of(EVERY_MONTH, EVERY_MONTH)
    }
}

/// `$n, $n+1, …`: one placeholder per value, pushed onto `params`.
fn placeholders(values: &[String], params: &mut Vec<Value>) -> String {
    let mut list = Vec::with_capacity(values.len());
    for value in values {
        params.push(value.as_str().into());
        list.push(format!("${}", params.len()));
    }
    list.join(", ")
}

async fn changes(
    db: &impl Database,
    provider: Option<&str>,
    months: &[String],
) -> Result<Changes, DbError> {
    let mut params = Vec::new();
    let list = placeholders(months, &mut params);
    params.push(EVERY_MONTH.into());
    let every = params.len();
    // One provider's rows and every provider's.
    let scope = match provider {
        Some(id) => {
            params.push(id.into());
            format!(
                " AND (provider_id = ${} OR provider_id = ${every})",
                params.len()
            )
        }
        None => String::new(),
    };
    let rows = db
        .query(
            &format!(
                "SELECT provider_id, month, changes FROM report_changes \
                 WHERE (month IN ({list}) OR month = ${every}){scope}"
            ),
            &params,
        )
        .await?;
    let mut by_month = BTreeMap::new();
    for row in &rows {
        by_month.insert(
            (row.text("provider_id")?, row.text("month")?),
            row.integer("changes")?,
        );
    }
    Ok(Changes { by_month })
}

/// The kept summaries of `months` no change has touched since they were computed.
async fn kept(
    db: &impl Database,
    provider: Option<&str>,
    months: &[String],
    changes: &Changes,
) -> Result<Vec<MonthSummary>, DbError> {
    let mut params = Vec::new();
    let list = placeholders(months, &mut params);
    let scope = provider_filter("provider_id", provider, &mut params);
    let rows = db
        .query(
            &format!(
                "SELECT provider_id, month, month_changes, all_changes, figures \
                 FROM report_summaries WHERE month IN ({list}){scope}"
            ),
            &params,
        )
        .await?;
    let mut kept = Vec::new();
    for row in &rows {
        let (provider, month) = (row.text("provider_id")?, row.text("month")?);
        if row.integer("month_changes")? != changes.of(&provider, &month)
            || row.integer("all_changes")? != changes.of_every_month(&provider)
        {
            continue;
        }
        kept.push(serde_json::from_str(&row.text("figures")?).map_err(unreadable)?);
    }
    Ok(kept)
}

/// A summary's JSON that does not read (or write) as one.
fn unreadable(error: serde_json::Error) -> DbError {
    DbError::ColumnType {
        column: "figures".into(),
        expected: "a month's summary",
        found: error.to_string(),
    }
}

async fn save(
    db: &impl Database,
    summaries: &[MonthSummary],
    changes: &Changes,
) -> Result<(), DbError> {
    in_transaction(db, async || {
        for summary in summaries {
            let month = summary.month.code();
            let figures = serde_json::to_string(summary).map_err(unreadable)?;
            db.execute(
                "INSERT INTO report_summaries \
                 (provider_id, month, month_changes, all_changes, figures) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (provider_id, month) DO UPDATE SET \
                 month_changes = excluded.month_changes, all_changes = excluded.all_changes, \
                 figures = excluded.figures",
                &[
                    summary.provider_id.as_str().into(),
                    month.as_str().into(),
                    changes.of(&summary.provider_id, &month).into(),
                    changes.of_every_month(&summary.provider_id).into(),
                    figures.into(),
                ],
            )
            .await?;
        }
        Ok(())
    })
    .await
}

/// The summaries of `providers`' months of the period: those kept and still true, the
/// others computed from their month's records and visits, and kept.
pub async fn summaries(
    db: &impl Database,
    provider: Option<&str>,
    providers: &[String],
    period: Period,
    clients: &BTreeMap<String, ClientFacts>,
    task_order: &[String],
) -> Result<Vec<MonthSummary>, DbError> {
    let months = period.months();
    let codes: Vec<String> = months.iter().map(|month| month.code()).collect();
    // Counted before anything is read: a write after this leaves what is computed below
    // stale (it counted one more), never taken for current.
    let changes = changes(db, provider, &codes).await?;
    let mut summaries = kept(db, provider, &codes, &changes).await?;
    let fresh: BTreeSet<(String, String)> = summaries
        .iter()
        .map(|summary| (summary.provider_id.clone(), summary.month.code()))
        .collect();
    if db.engine() == Engine::Postgres && summaries.len() < providers.len() * months.len() {
        // PostgreSQL's JIT spends about 0.3 s compiling each month's read, more than it
        // saves. The setting stays with the connection; other requests' reads are short.
        db.execute("SET jit = off", &[]).await?;
    }
    // Month by month: a write in an old month reads that month again, not all since.
    for (month, code) in months.iter().zip(&codes) {
        let stale: Vec<&String> = providers
            .iter()
            .filter(|id| !fresh.contains(&((*id).clone(), code.clone())))
            .collect();
        let scope = match stale.as_slice() {
            [] => continue,
            [only] => Some(only.as_str()),
            _ => provider,
        };
        let mut records_of: BTreeMap<String, Vec<RecordFacts>> = BTreeMap::new();
        for record in records(db, scope, month.bounds()).await? {
            records_of
                .entry(record.provider_id.clone())
                .or_default()
                .push(record);
        }
        let mut visits_of: BTreeMap<String, Vec<VisitFacts>> = BTreeMap::new();
        for visit in visits(db, scope, *month).await? {
            visits_of
                .entry(visit.provider_id.clone())
                .or_default()
                .push(visit);
        }
        let computed: Vec<MonthSummary> = stale
            .into_iter()
            .map(|id| {
                summarise(
                    id,
                    *month,
                    records_of.get(id).map_or(&[], Vec::as_slice),
                    visits_of.get(id).map_or(&[], Vec::as_slice),
                    clients,
                    task_order,
                )
            })
            .collect();
        save(db, &computed, &changes).await?;
        summaries.extend(computed);
    }
    Ok(summaries)
}
