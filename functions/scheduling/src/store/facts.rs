//! What the planner tells the system about caregivers and clients: skills, weekly shifts,
//! contract and home base, absences, refused pairings and care-plan visit templates.

use chrono::{NaiveDate, NaiveTime};
use platform::{Database, DbError, Value};
use shared::planning::input::{
    CaregiverProfileInput, CheckedProfile, CheckedTemplate, HomeBase, ShiftInput, TemplateInput,
};
use shared::planning::travel::GeoPoint;
use shared::schedule::{AbsenceView, CaregiverProfileView, TemplateView};

use super::{insert_rows, optional_time, small_number, split_list, weekday_digits};

/// Whether the user is a caregiver of the provider.
pub async fn is_provider_caregiver(
    db: &impl Database,
    provider_id: &str,
    user_id: &str,
) -> Result<bool, DbError> {
    Ok(db
        .query_one(
            "SELECT id FROM users WHERE id = $1 AND provider_id = $2 AND role = 'caregiver'",
            &[user_id.into(), provider_id.into()],
        )
        .await?
        .is_some())
}

/// Whether the client is the provider's.
pub async fn is_provider_client(
    db: &impl Database,
    provider_id: &str,
    client_id: &str,
) -> Result<bool, DbError> {
    Ok(db
        .query_one(
            "SELECT id FROM clients WHERE id = $1 AND provider_id = $2",
            &[client_id.into(), provider_id.into()],
        )
        .await?
        .is_some())
}

/// A caregiver's name and profile as the planner edits it; none without her account.
pub async fn profile(
    db: &impl Database,
    user_id: &str,
) -> Result<Option<CaregiverProfileView>, DbError> {
    let user: Value = user_id.into();
    let Some(account) = db
        .query_one(
            "SELECT display_name FROM users WHERE id = $1",
            std::slice::from_ref(&user),
        )
        .await?
    else {
        return Ok(None);
    };
    let name = account.text("display_name")?;
    let skills = db
        .query(
            "SELECT skill FROM caregiver_skills WHERE user_id = $1 ORDER BY skill",
            std::slice::from_ref(&user),
        )
        .await?
        .iter()
        .map(|row| row.text("skill"))
        .collect::<Result<Vec<_>, DbError>>()?;
    let shifts = db
        .query(
            "SELECT weekday, start_time, end_time FROM caregiver_shifts WHERE user_id = $1 \
             ORDER BY weekday, start_time",
            std::slice::from_ref(&user),
        )
        .await?
        .iter()
        .map(|row| {
            Ok(ShiftInput {
                weekday: small_number(row, "weekday", 1..=7)?,
                start: row.text("start_time")?,
                end: row.text("end_time")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    let Some(row) = db
        .query_one(
            "SELECT contract_minutes_per_week, home_street, home_latitude, home_longitude \
             FROM caregiver_profiles WHERE user_id = $1",
            &[user],
        )
        .await?
    else {
        return Ok(Some(CaregiverProfileView {
            name,
            profile: CaregiverProfileInput {
                skills,
                shifts,
                contract_hours_per_week: None,
                home_base: None,
            },
        }));
    };
    let home_base = match (
        row.optional_text("home_street")?,
        row.optional_real("home_latitude")?,
        row.optional_real("home_longitude")?,
    ) {
        (Some(street), Some(latitude), Some(longitude)) => Some(HomeBase {
            street,
            location: GeoPoint {
                latitude,
                longitude,
            },
        }),
        _ => None,
    };
    Ok(Some(CaregiverProfileView {
        name,
        profile: CaregiverProfileInput {
            skills,
            shifts,
            contract_hours_per_week: row
                .optional_integer("contract_minutes_per_week")?
                .map(|minutes| minutes as f64 / 60.0),
            home_base,
        },
    }))
}

/// Replaces a caregiver's profile, inside the caller's transaction. A second shift starting
/// at the same time of the same day is a unique violation.
pub async fn replace_profile(
    db: &impl Database,
    user_id: &str,
    profile: &CheckedProfile,
) -> Result<(), DbError> {
    for table in ["caregiver_skills", "caregiver_shifts", "caregiver_profiles"] {
        db.execute(
            &format!("DELETE FROM {table} WHERE user_id = $1"),
            &[user_id.into()],
        )
        .await?;
    }
    let home = profile.home_base.as_ref();
    db.execute(
        "INSERT INTO caregiver_profiles (user_id, contract_minutes_per_week, home_street, \
                                         home_latitude, home_longitude) \
         VALUES ($1, $2, $3, $4, $5)",
        &[
            user_id.into(),
            profile.contract_minutes_per_week.into(),
            home.map(|h| h.street.trim().to_owned()).into(),
            home.map(|h| h.location.latitude).into(),
            home.map(|h| h.location.longitude).into(),
        ],
    )
    .await?;
    let skills: Vec<[Value; 2]> = profile
        .skills
        .iter()
        .map(|skill| [user_id.into(), skill.as_str().into()])
        .collect();
    insert_rows(db, "caregiver_skills (user_id, skill)", &skills).await?;
    let shifts: Vec<[Value; 4]> = profile
        .shifts
        .iter()
        .map(|shift| {
            [
                user_id.into(),
                i64::from(shift.weekday).into(),
                shift.start.format("%H:%M").to_string().into(),
                shift.end.format("%H:%M").to_string().into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "caregiver_shifts (user_id, weekday, start_time, end_time)",
        &shifts,
    )
    .await
}

/// Records an absence; `from_time` starts it during its first day (a sick call).
pub async fn insert_absence(
    db: &impl Database,
    id: &str,
    user_id: &str,
    (from, to): (NaiveDate, NaiveDate),
    from_time: Option<NaiveTime>,
    reason: &str,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO caregiver_absences (id, user_id, from_date, to_date, from_time, reason) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            id.into(),
            user_id.into(),
            from.to_string().into(),
            to.to_string().into(),
            from_time
                .map(|time| time.format("%H:%M").to_string())
                .into(),
            reason.into(),
        ],
    )
    .await
    .map(drop)
}

pub async fn absences(db: &impl Database, user_id: &str) -> Result<Vec<AbsenceView>, DbError> {
    db.query(
        "SELECT id, from_date, to_date, from_time, reason FROM caregiver_absences \
         WHERE user_id = $1 \
         ORDER BY from_date, id",
        &[user_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(AbsenceView {
            id: row.text("id")?,
            from: row.date("from_date")?,
            to: row.date("to_date")?,
            from_time: optional_time(row, "from_time")?,
            reason: row.text("reason")?,
        })
    })
    .collect()
}

/// Deletes a caregiver's absence; whether there was one.
pub async fn delete_absence(
    db: &impl Database,
    user_id: &str,
    absence_id: &str,
) -> Result<bool, DbError> {
    Ok(db
        .execute(
            "DELETE FROM caregiver_absences WHERE id = $1 AND user_id = $2",
            &[absence_id.into(), user_id.into()],
        )
        .await?
        > 0)
}

/// Records that a client refuses a caregiver; refusing twice changes nothing.
pub async fn refuse_caregiver(
    db: &impl Database,
    client_id: &str,
    user_id: &str,
) -> Result<(), DbError> {
    let params = [client_id.into(), user_id.into()];
    let known = db
        .query_one(
            "SELECT client_id FROM client_refused_caregivers WHERE client_id = $1 AND user_id = $2",
            &params,
        )
        .await?;
    if known.is_none() {
        db.execute(
            "INSERT INTO client_refused_caregivers (client_id, user_id) VALUES ($1, $2)",
            &params,
        )
        .await?;
    }
    Ok(())
}

/// Adds a checked template of the provider.
pub async fn insert_template(
    db: &impl Database,
    id: &str,
    provider_id: &str,
    input: &TemplateInput,
    checked: &CheckedTemplate,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO visit_templates (id, provider_id, client_id, weekdays, window_start, window_end, \
                                      duration_minutes, tasks, required_skills, caregivers_needed, \
                                      preferred_caregiver_id, valid_from, valid_to) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        &[
            id.into(),
            provider_id.into(),
            input.client_id.as_str().into(),
            checked.weekdays.as_str().into(),
            checked.window_start.format("%H:%M").to_string().into(),
            checked.window_end.format("%H:%M").to_string().into(),
            input.duration_minutes.into(),
            input.tasks.join(",").into(),
            input.required_skills.join(",").into(),
            i64::from(input.caregivers_needed).into(),
            input.preferred_caregiver_id.clone().into(),
            input.valid_from.to_string().into(),
            input.valid_to.map(|to| to.to_string()).into(),
        ],
    )
    .await
    .map(drop)
}

/// A client's recurring visits, earliest valid first.
pub async fn client_templates(
    db: &impl Database,
    client_id: &str,
) -> Result<Vec<TemplateView>, DbError> {
    db.query(
        "SELECT id, weekdays, window_start, window_end, duration_minutes, tasks, required_skills, \
                caregivers_needed, preferred_caregiver_id, valid_from, valid_to \
         FROM visit_templates WHERE client_id = $1 ORDER BY valid_from, id",
        &[client_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(TemplateView {
            id: row.text("id")?,
            weekdays: weekday_digits(row, "weekdays")?,
            window_start: row.text("window_start")?,
            window_end: row.text("window_end")?,
            duration_minutes: row.integer("duration_minutes")?,
            tasks: split_list(&row.text("tasks")?),
            required_skills: split_list(&row.text("required_skills")?),
            caregivers_needed: small_number(row, "caregivers_needed", 1..=2)?,
            preferred_caregiver_id: row.optional_text("preferred_caregiver_id")?,
            valid_from: row.date("valid_from")?,
            valid_to: row.optional_date("valid_to")?,
        })
    })
    .collect()
}

/// The client of a provider's template.
pub async fn template_client(
    db: &impl Database,
    provider_id: &str,
    template_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT client_id FROM visit_templates WHERE id = $1 AND provider_id = $2",
        &[template_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| row.text("client_id"))
    .transpose()
}

/// Ends a template from `last_day` on, inside the caller's transaction: one that generated
/// visits keeps them and ends on `last_day`; one that never did is removed.
pub async fn end_template(
    db: &impl Database,
    template_id: &str,
    last_day: NaiveDate,
) -> Result<(), DbError> {
    let used = db
        .query_one(
            "SELECT id FROM visits WHERE template_id = $1 LIMIT 1",
            &[template_id.into()],
        )
        .await?;
    if used.is_some() {
        db.execute(
            "UPDATE visit_templates SET valid_to = $1 WHERE id = $2",
            &[last_day.to_string().into(), template_id.into()],
        )
        .await?;
    } else {
        db.execute(
            "DELETE FROM visit_templates WHERE id = $1",
            &[template_id.into()],
        )
        .await?;
    }
    Ok(())
}
