//! A day's visits on a route: a caregiver's own (in either position of a two-person visit)
//! or a provider's whole day, each with its client's doorstep note, key risks, phone and
//! contact persons;
//! the provider's office phone.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use platform::{Database, DbError, Value, timestamp};
use shared::clients::ContactPerson;
use shared::family::live::Outcome;
use shared::planning::travel::GeoPoint;
use shared::schedule::VisitView;

use super::status;

/// One column of what the visit's first accepted record says (`visit_outcomes`), as a
/// scalar subquery both engines accept.
fn first_outcome(column: &str) -> String {
    format!(
        "(SELECT o.{column} FROM visit_outcomes o WHERE o.visit_id = v.id \
          ORDER BY o.arrived_at, o.left_at LIMIT 1) AS {column}"
    )
}

/// The visits of a provider starting in `[from, to)`, earliest first, each with its client's
/// id; only `caregiver`'s when one is given.
pub async fn route_visits(
    db: &impl Database,
    provider_id: &str,
    caregiver: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(VisitView, String)>, DbError> {
    let mut filter = String::from("v.provider_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3");
    let mut params: Vec<Value> = vec![
        provider_id.into(),
        timestamp::format(from).into(),
        timestamp::format(to).into(),
    ];
    if let Some(caregiver) = caregiver {
        // Bounded by the same times: each branch of the view reads its (caregiver, start)
        // index for the day rather than every visit of her year.
        filter.push_str(
            " AND v.id IN (SELECT a.visit_id FROM visit_assignments a \
                           WHERE a.caregiver_id = $4 AND a.starts_at >= $2 AND a.starts_at < $3)",
        );
        params.push(caregiver.into());
    }
    let rows = db
        .query(
            &format!(
                "SELECT v.id, v.client_id, v.starts_at, v.ends_at, p.status, c.name AS client_name, \
                        c.street, m.name AS municipality, c.doorstep_note, c.key_risks, c.phone, c.latitude, c.longitude, \
                        {arrived}, {left}, {tasks_done} \
                 FROM visits v \
                 JOIN visit_progress p ON p.visit_id = v.id \
                 JOIN clients c ON c.id = v.client_id \
                 JOIN municipalities m ON m.code = c.municipality_code \
                 WHERE {filter} ORDER BY v.starts_at, v.id",
                arrived = first_outcome("arrived_at"),
                left = first_outcome("left_at"),
                tasks_done = first_outcome("planned_tasks_done"),
            ),
            &params,
        )
        .await?;
    let mut tasks: HashMap<String, Vec<String>> = HashMap::new();
    for row in db
        .query(
            &format!(
                "SELECT vt.visit_id, t.name FROM visit_tasks vt \
                 JOIN care_tasks t ON t.code = vt.task_code \
                 JOIN visits v ON v.id = vt.visit_id \
                 WHERE {filter} ORDER BY t.position"
            ),
            &params,
        )
        .await?
    {
        tasks
            .entry(row.text("visit_id")?)
            .or_default()
            .push(row.text("name")?);
    }
    let mut contacts: HashMap<String, Vec<ContactPerson>> = HashMap::new();
    for row in db
        .query(
            &format!(
                "SELECT v.id AS visit_id, cc.name, cc.relation, cc.phone FROM client_contacts cc \
                 JOIN visits v ON v.client_id = cc.client_id \
                 WHERE {filter} ORDER BY cc.position"
            ),
            &params,
        )
        .await?
    {
        contacts
            .entry(row.text("visit_id")?)
            .or_default()
            .push(ContactPerson {
                name: row.text("name")?,
                relation: row.text("relation")?,
                phone: row.text("phone")?,
            });
    }
    rows.iter()
        .map(|row| {
            let id = row.text("id")?;
            let visit = VisitView {
                tasks: tasks.remove(&id).unwrap_or_default(),
                contacts: contacts.remove(&id).unwrap_or_default(),
                id,
                client_name: row.text("client_name")?,
                address: row.text("street")?,
                municipality: row.text("municipality")?,
                starts_at: row.instant("starts_at")?,
                ends_at: row.instant("ends_at")?,
                status: status(row)?,
                doorstep_note: row.optional_text("doorstep_note")?,
                key_risks: row.optional_text("key_risks")?,
                client_phone: row.optional_text("phone")?,
                location: GeoPoint {
                    latitude: row.real("latitude")?,
                    longitude: row.real("longitude")?,
                },
                recorded: match row.optional_instant("arrived_at")? {
                    None => None,
                    Some(arrived_at) => Some(Outcome {
                        arrived_at,
                        left_at: row.instant("left_at")?,
                        tasks_done: u32::try_from(row.integer("planned_tasks_done")?)
                            .unwrap_or(u32::MAX),
                    }),
                },
            };
            Ok((visit, row.text("client_id")?))
        })
        .collect()
}

/// The provider's office phone, when it gave one.
pub async fn office_phone(
    db: &impl Database,
    provider_id: &str,
) -> Result<Option<String>, DbError> {
    Ok(db
        .query_one(
            "SELECT office_phone FROM providers WHERE id = $1",
            &[provider_id.into()],
        )
        .await?
        .map(|row| row.optional_text("office_phone"))
        .transpose()?
        .flatten())
}
