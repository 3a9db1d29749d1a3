//! The scheduling area's part: clients where they live, the caregivers' working terms, care
//! plans and templates, and the daily route from yesterday to two weeks ahead.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use platform::{ApiError, Database, timestamp};
use shared::time::{from_prague, prague_date};

use crate::data::{
    ABSENCE, CARE_PLAN, CAREGIVERS, CLIENTS, DAILY_ROUTES, INTERNAL_NOTE, PLANS_VALID_DAYS_BEFORE,
    SHIFT, TEMPLATES, VISIT_DAYS, client_provider, user_id, visit_id,
};

pub async fn clients_and_plans(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    clients(db, now).await?;
    visits(db, now).await?;
    caregivers(db).await?;
    plans(db, now).await
}

async fn clients(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let created_at = timestamp::format(now);
    // Served since their plans apply; scheduling reads the date as required.
    let service_from = (prague_date(now) - Duration::days(PLANS_VALID_DAYS_BEFORE)).to_string();
    for (id, provider, name, street, municipality, level, note) in CLIENTS {
        let centre = db
            .query_one(
                "SELECT latitude, longitude FROM municipalities WHERE code = $1",
                &[municipality.into()],
            )
            .await?
            .ok_or_else(|| {
                ApiError::Internal(format!("demo municipality {municipality} is not seeded"))
            })?;
        // Each client lives a little off the municipality's centre point.
        let offset = (id.bytes().map(f64::from).sum::<f64>() % 17.0 - 8.0) / 1000.0;
        db.execute(
            "INSERT INTO clients (id, provider_id, name, street, municipality_code, latitude, longitude, \
                                  care_allowance_level, doorstep_note, created_at, service_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                id.into(),
                provider.into(),
                name.into(),
                street.into(),
                municipality.into(),
                (centre.real("latitude")? + offset).into(),
                (centre.real("longitude")? - offset).into(),
                level.into(),
                note.into(),
                created_at.as_str().into(),
                service_from.as_str().into(),
            ],
        )
        .await?;
    }
    let (client, note) = INTERNAL_NOTE;
    db.execute(
        "UPDATE clients SET internal_note = $1 WHERE id = $2",
        &[note.into(), client.into()],
    )
    .await?;
    Ok(())
}

/// The same route every day, so "today" has visits for two weeks after the demo starts;
/// yesterday's are done.
async fn visits(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let created_at = timestamp::format(now);
    let today = prague_date(now);
    for day_offset in VISIT_DAYS {
        let day = today + Duration::days(day_offset);
        for (index, stop) in DAILY_ROUTES.iter().enumerate() {
            let (hour, minute) = stop.start;
            let start_time = NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| {
                ApiError::Internal(format!("demo route time {hour}:{minute} is no time"))
            })?;
            // Route times lie between 07:00 and 14:00: never in a daylight-saving gap.
            let starts_at = from_prague(day.and_time(start_time))
                .map_err(|error| ApiError::Internal(error.to_string()))?;
            let ends_at = starts_at + Duration::minutes(stop.minutes);
            let visit_id = visit_id(day, index);
            let status = if day_offset < 0 { "done" } else { "planned" };
            let provider = client_provider(stop.client).ok_or_else(|| {
                ApiError::Internal(format!("demo client {} is not listed", stop.client))
            })?;
            db.execute(
                "INSERT INTO visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    visit_id.as_str().into(),
                    provider.into(),
                    stop.client.into(),
                    user_id(stop.caregiver).into(),
                    timestamp::format(starts_at).into(),
                    timestamp::format(ends_at).into(),
                    status.into(),
                    created_at.as_str().into(),
                ],
            )
            .await?;
            for task in stop.tasks {
                db.execute(
                    "INSERT INTO visit_tasks (visit_id, task_code) VALUES ($1, $2)",
                    &[visit_id.as_str().into(), (*task).into()],
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Contract hours, the same shift every day of the week (the route runs at weekends too),
/// and skills.
async fn caregivers(db: &impl Database) -> Result<(), ApiError> {
    for (username, skills, contract_minutes) in CAREGIVERS {
        db.execute(
            "INSERT INTO caregiver_profiles (user_id, contract_minutes_per_week) VALUES ($1, $2)",
            &[user_id(username).into(), contract_minutes.into()],
        )
        .await?;
        for weekday in 1..=7_i64 {
            db.execute(
                "INSERT INTO caregiver_shifts (user_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)",
                &[user_id(username).into(), weekday.into(), SHIFT.0.into(), SHIFT.1.into()],
            )
            .await?;
        }
        for skill in skills {
            db.execute(
                "INSERT INTO caregiver_skills (user_id, skill) VALUES ($1, $2)",
                &[user_id(username).into(), (*skill).into()],
            )
            .await?;
        }
    }
    Ok(())
}

/// Visit templates, a caregiver's absence and a care plan.
async fn plans(db: &impl Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let valid_from = (prague_date(now) - Duration::days(PLANS_VALID_DAYS_BEFORE)).to_string();
    for template in &TEMPLATES {
        db.execute(
            "INSERT INTO visit_templates (id, provider_id, client_id, weekdays, window_start, window_end, \
                                          duration_minutes, tasks, required_skills, caregivers_needed, \
                                          preferred_caregiver_id, valid_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', 1, $9, $10)",
            &[
                template.id.into(),
                template.provider.into(),
                template.client.into(),
                template.weekdays.into(),
                template.window.0.into(),
                template.window.1.into(),
                template.minutes.into(),
                template.task.into(),
                template.preferred.map(user_id).into(),
                valid_from.as_str().into(),
            ],
        )
        .await?;
    }
    let (absence_id, caregiver, days_ahead, reason) = ABSENCE;
    let absent_on = (prague_date(now) + Duration::days(days_ahead)).to_string();
    db.execute(
        "INSERT INTO caregiver_absences (id, user_id, from_date, to_date, reason) VALUES ($1, $2, $3, $3, $4)",
        &[absence_id.into(), user_id(caregiver).into(), absent_on.into(), reason.into()],
    )
    .await?;
    let (plan_id, client, goals, tasks) = CARE_PLAN;
    let provider = client_provider(client)
        .ok_or_else(|| ApiError::Internal(format!("demo client {client} is not listed")))?;
    db.execute(
        "INSERT INTO care_plans (id, provider_id, client_id, version, goals, agreed_tasks, valid_from, \
                                 created_by, created_at) \
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8)",
        &[
            plan_id.into(),
            provider.into(),
            client.into(),
            goals.into(),
            tasks.into(),
            valid_from.as_str().into(),
            user_id("koordinator.decin").into(),
            timestamp::format(now).into(),
        ],
    )
    .await?;
    Ok(())
}
