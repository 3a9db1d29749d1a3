//! What the 24-hour rule is computed from: employment periods (every provider of the
//! region), absences recorded by planning, and the hours credited in the year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::{Database, DbError, Value};
use shared::training::duty::{DateSpan, DutyFacts};

use super::{date, optional_date};

/// A worker of a provider, with what the region may know of her provider.
#[derive(Debug, Clone)]
pub struct Worker {
    pub id: String,
    pub name: String,
    pub provider_name: String,
    pub district: String,
}

/// Active provider staff: all of one provider's, or the whole region's.
pub async fn workers(
    db: &impl Database,
    provider_id: Option<&str>,
) -> Result<Vec<Worker>, DbError> {
    let (is_staff, roles) = super::staff_roles(2);
    let mut params: Vec<Value> = vec![provider_id.unwrap_or_default().into()];
    params.extend(roles);
    let rows = db
        .query(
            &format!(
                "SELECT u.id, u.display_name, p.name AS provider_name, m.district FROM users u \
                 JOIN providers p ON p.id = u.provider_id \
                 JOIN municipalities m ON m.code = p.municipality_code \
                 WHERE u.active = 1 AND {is_staff} \
                 AND ($1 = '' OR u.provider_id = $1) ORDER BY u.display_name, u.id"
            ),
            &params,
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Worker {
                id: row.text("id")?,
                name: row.text("display_name")?,
                provider_name: row.text("provider_name")?,
                district: row.text("district")?,
            })
        })
        .collect()
}

/// The facts of the year for each of `workers` (by id). A worker with no employment on
/// record counts as employed the whole year: the full duty, never a silent reduction.
pub async fn facts(
    db: &impl Database,
    year: i32,
    worker_ids: &[String],
) -> Result<BTreeMap<String, DutyFacts>, DbError> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or_default()
        .to_string();
    let last = NaiveDate::from_ymd_opt(year, 12, 31)
        .unwrap_or_default()
        .to_string();
    let mut facts: BTreeMap<String, DutyFacts> = worker_ids
        .iter()
        .map(|id| (id.clone(), DutyFacts::default()))
        .collect();
    let employments = db
        .query(
            "SELECT user_id, starts_on, ends_on, probation_until FROM employment_periods \
             WHERE starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $1)",
            &[first.as_str().into(), last.as_str().into()],
        )
        .await?;
    for row in &employments {
        if let Some(worker) = facts.get_mut(&row.text("user_id")?) {
            let from = date(row, "starts_on")?;
            worker
                .employments
                .push(DateSpan::new(from, optional_date(row, "ends_on")?));
            if let Some(until) = optional_date(row, "probation_until")? {
                worker.probations.push(DateSpan::new(from, Some(until)));
            }
        }
    }
    let absences = db
        .query(
            "SELECT user_id, from_date, to_date FROM caregiver_absences \
             WHERE from_date <= $2 AND to_date >= $1",
            &[first.as_str().into(), last.as_str().into()],
        )
        .await?;
    for row in &absences {
        if let Some(worker) = facts.get_mut(&row.text("user_id")?) {
            worker.absences.push(DateSpan::new(
                date(row, "from_date")?,
                Some(date(row, "to_date")?),
            ));
        }
    }
    let credits = db
        .query(
            "SELECT user_id, CAST(SUM(minutes) AS BIGINT) AS minutes FROM training_credits WHERE year = $1 \
             GROUP BY user_id",
            &[i64::from(year).into()],
        )
        .await?;
    for row in &credits {
        if let Some(worker) = facts.get_mut(&row.text("user_id")?) {
            worker.completed_minutes = row.integer("minutes")?;
        }
    }
    for worker in facts.values_mut() {
        if worker.employments.is_empty() {
            worker.employments.push(DateSpan::new(
                NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
                None,
            ));
        }
    }
    Ok(facts)
}

/// A worker's credited runs: minutes and the valid certificate's code, by run.
pub async fn credits_of(
    db: &impl Database,
    worker_id: &str,
) -> Result<BTreeMap<String, (i64, Option<String>)>, DbError> {
    let rows = db
        .query(
            "SELECT c.run_id, c.minutes, z.code FROM training_credits c \
             LEFT JOIN training_certificates z ON z.run_id = c.run_id AND z.user_id = c.user_id \
             AND z.revoked_at IS NULL WHERE c.user_id = $1",
            &[worker_id.into()],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.text("run_id")?,
                (row.integer("minutes")?, row.optional_text("code")?),
            ))
        })
        .collect()
}
