//! What the 24-hour rule is computed from: employment periods (every provider of the
//! region), absences recorded by planning, and the hours credited in the year (in-house
//! training events apart); and the employment periods a manager keeps.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::db::in_transaction;
use platform::{ApiError, Database, DbError, Value};
use shared::identity::Role;
use shared::training::duty::{DateSpan, DutyFacts, in_house_cap_applies};
use shared::training::employment::{EmploymentPeriod, Employments};

/// A worker of a provider, with what the region may know of her provider.
#[derive(Debug, Clone)]
pub struct Worker {
    pub id: String,
    pub name: String,
    pub role: Role,
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
                "SELECT u.id, u.display_name, u.role, p.name AS provider_name, m.district FROM users u \
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
                role: row.parsed("role", "a role", Role::parse)?,
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
            let from = row.date("starts_on")?;
            worker
                .employments
                .push(DateSpan::new(from, row.optional_date("ends_on")?));
            if let Some(until) = row.optional_date("probation_until")? {
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
                row.date("from_date")?,
                Some(row.date("to_date")?),
            ));
        }
    }
    let credits = db
        .query(
            "SELECT c.user_id, u.role, CAST(SUM(c.minutes) AS BIGINT) AS minutes, \
             CAST(SUM(CASE WHEN k.in_house = 1 THEN c.minutes ELSE 0 END) AS BIGINT) AS in_house \
             FROM training_credits c JOIN users u ON u.id = c.user_id \
             JOIN training_runs r ON r.id = c.run_id JOIN training_courses k ON k.id = r.course_id \
             WHERE c.year = $1 GROUP BY c.user_id, u.role",
            &[i64::from(year).into()],
        )
        .await?;
    for row in &credits {
        if let Some(worker) = facts.get_mut(&row.text("user_id")?) {
            worker.completed_minutes = row.integer("minutes")?;
            worker.in_house_minutes = row.integer("in_house")?;
            worker.in_house_capped =
                in_house_cap_applies(row.parsed("role", "a role", Role::parse)?);
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

/// A worker's employment periods with one provider, in time order.
pub async fn employments(
    db: &impl Database,
    worker_id: &str,
    provider_id: &str,
) -> Result<Employments, DbError> {
    let rows = db
        .query(
            "SELECT starts_on, ends_on, probation_until FROM employment_periods \
             WHERE user_id = $1 AND provider_id = $2 ORDER BY starts_on, id",
            &[worker_id.into(), provider_id.into()],
        )
        .await?;
    let periods = rows
        .iter()
        .map(|row| {
            Ok(EmploymentPeriod {
                starts_on: row.date("starts_on")?,
                ends_on: row.optional_date("ends_on")?,
                probation_until: row.optional_date("probation_until")?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(Employments { periods })
}

/// Replaces a worker's periods with one provider; another provider's stay as they are.
pub async fn replace_employments(
    db: &impl Database,
    worker_id: &str,
    provider_id: &str,
    employments: &Employments,
) -> Result<(), ApiError> {
    in_transaction(db, async || {
        db.execute(
            "DELETE FROM employment_periods WHERE user_id = $1 AND provider_id = $2",
            &[worker_id.into(), provider_id.into()],
        )
        .await?;
        for period in &employments.periods {
            db.execute(
                "INSERT INTO employment_periods (id, user_id, provider_id, starts_on, ends_on, \
                 probation_until) VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    platform::random::new_id().into(),
                    worker_id.into(),
                    provider_id.into(),
                    period.starts_on.to_string().into(),
                    period.ends_on.map(|d| d.to_string()).into(),
                    period.probation_until.map(|d| d.to_string()).into(),
                ],
            )
            .await?;
        }
        Ok(())
    })
    .await
}
