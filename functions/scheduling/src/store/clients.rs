//! The provider's register of clients and their contact people.

use chrono::{DateTime, Utc};
use platform::random::new_id;
use platform::{Database, DbError, Row, Value, timestamp};
use shared::clients::{ClientDetail, ClientInput, ClientSummary, ContactPerson, Gender};
use shared::planning::travel::GeoPoint;

use super::{insert_rows, optional_small_number};

const CLIENT_COLUMNS: &str = "c.id, c.name, c.street, c.municipality_code, m.name AS municipality_name, \
    c.latitude, c.longitude, c.care_allowance_level, c.care_allowance_from, c.birth_date, \
    c.free_of_charge, c.service_from, c.service_to, c.preferred_caregiver_gender, c.doorstep_note, c.key_risks, \
    c.phone, c.internal_note";

fn care_allowance_level(row: &Row) -> Result<Option<u8>, DbError> {
    optional_small_number(row, "care_allowance_level", 1..=4)
}

fn gender(row: &Row) -> Result<Option<Gender>, DbError> {
    row.optional_text("preferred_caregiver_gender")?
        .map(|text| {
            Gender::parse(&text).ok_or(DbError::ColumnType {
                column: "preferred_caregiver_gender".into(),
                expected: "a gender",
                found: text,
            })
        })
        .transpose()
}

/// A client of the provider with their contacts.
pub async fn client(
    db: &impl Database,
    provider_id: &str,
    client_id: &str,
) -> Result<Option<ClientDetail>, DbError> {
    let Some(row) = db
        .query_one(
            &format!(
                "SELECT {CLIENT_COLUMNS} FROM clients c \
                 JOIN municipalities m ON m.code = c.municipality_code \
                 WHERE c.id = $1 AND c.provider_id = $2"
            ),
            &[client_id.into(), provider_id.into()],
        )
        .await?
    else {
        return Ok(None);
    };
    let contacts = db
        .query(
            "SELECT name, relation, phone FROM client_contacts WHERE client_id = $1 ORDER BY position",
            &[client_id.into()],
        )
        .await?
        .iter()
        .map(|contact| {
            Ok(ContactPerson {
                name: contact.text("name")?,
                relation: contact.text("relation")?,
                phone: contact.text("phone")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Some(ClientDetail {
        id: row.text("id")?,
        municipality_name: row.text("municipality_name")?,
        input: ClientInput {
            name: row.text("name")?,
            street: row.text("street")?,
            municipality_code: row.text("municipality_code")?,
            latitude: Some(row.real("latitude")?),
            longitude: Some(row.real("longitude")?),
            care_allowance_level: care_allowance_level(&row)?,
            care_allowance_from: row.optional_date("care_allowance_from")?,
            birth_date: row.optional_date("birth_date")?,
            free_of_charge: row.integer("free_of_charge")? == 1,
            service_from: row.date("service_from")?,
            service_to: row.optional_date("service_to")?,
            preferred_caregiver_gender: gender(&row)?,
            doorstep_note: row.optional_text("doorstep_note")?,
            key_risks: row.optional_text("key_risks")?,
            phone: row.optional_text("phone")?,
            internal_note: row.optional_text("internal_note")?,
            contacts,
        },
    }))
}

/// The provider's clients by name; a client is active until the day their service ends.
pub async fn clients(
    db: &impl Database,
    provider_id: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<ClientSummary>, DbError> {
    db.query(
        "SELECT c.id, c.name, m.name AS municipality_name, c.care_allowance_level, c.service_to \
         FROM clients c JOIN municipalities m ON m.code = c.municipality_code \
         WHERE c.provider_id = $1 ORDER BY c.name, c.id",
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok(ClientSummary {
            id: row.text("id")?,
            name: row.text("name")?,
            municipality_name: row.text("municipality_name")?,
            care_allowance_level: care_allowance_level(row)?,
            active: row
                .optional_date("service_to")?
                .is_none_or(|to| to >= today),
        })
    })
    .collect()
}

/// The centre of a municipality of the region, if there is one with this code.
pub async fn municipality_centre(
    db: &impl Database,
    code: &str,
) -> Result<Option<GeoPoint>, DbError> {
    db.query_one(
        "SELECT latitude, longitude FROM municipalities WHERE code = $1",
        &[code.into()],
    )
    .await?
    .map(|row| {
        Ok(GeoPoint {
            latitude: row.real("latitude")?,
            longitude: row.real("longitude")?,
        })
    })
    .transpose()
}

/// Whether a client is added or replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    Create { at: DateTime<Utc> },
    Replace,
}

/// Before a client's care-allowance level changes from a later date, keeps the level in
/// force until then with its date (`care_allowance_changes`, which the reports read: a
/// client who changes level mid-month counts under the level of their last visit).
async fn keep_earlier_level(
    db: &impl Database,
    provider_id: &str,
    client_id: &str,
    from: chrono::NaiveDate,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO care_allowance_changes (client_id, valid_from, level) \
         SELECT id, care_allowance_from, care_allowance_level FROM clients \
         WHERE id = $1 AND provider_id = $2 AND care_allowance_from < $3 \
         ON CONFLICT (client_id, valid_from) DO UPDATE SET level = excluded.level",
        &[
            client_id.into(),
            provider_id.into(),
            from.to_string().into(),
        ],
    )
    .await?;
    Ok(())
}

/// Writes a checked client at `location` and replaces their contacts, inside the caller's
/// transaction.
pub async fn write_client(
    db: &impl Database,
    provider_id: &str,
    id: &str,
    input: &ClientInput,
    location: GeoPoint,
    write: Write,
) -> Result<(), DbError> {
    let mut params: Vec<Value> = vec![
        id.into(),
        provider_id.into(),
        input.name.as_str().into(),
        input.street.as_str().into(),
        input.municipality_code.as_str().into(),
        location.latitude.into(),
        location.longitude.into(),
        input.care_allowance_level.map(i64::from).into(),
        input.care_allowance_from.map(|d| d.to_string()).into(),
        i64::from(input.free_of_charge).into(),
        input.service_from.to_string().into(),
        input.service_to.map(|d| d.to_string()).into(),
        input.preferred_caregiver_gender.map(Gender::as_str).into(),
        input.doorstep_note.clone().into(),
        input.internal_note.clone().into(),
        input.key_risks.clone().into(),
        input.birth_date.map(|d| d.to_string()).into(),
        input.phone.clone().into(),
    ];
    let sql = match write {
        Write::Create { at } => {
            params.push(timestamp::format(at).into());
            "INSERT INTO clients (id, provider_id, name, street, municipality_code, latitude, longitude, \
                                  care_allowance_level, care_allowance_from, free_of_charge, service_from, \
                                  service_to, preferred_caregiver_gender, doorstep_note, internal_note, \
                                  key_risks, birth_date, phone, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
        }
        Write::Replace => {
            if let Some(from) = input.care_allowance_from {
                keep_earlier_level(db, provider_id, id, from).await?;
            }
            "UPDATE clients SET name = $3, street = $4, municipality_code = $5, latitude = $6, longitude = $7, \
                    care_allowance_level = $8, care_allowance_from = $9, free_of_charge = $10, service_from = $11, \
                    service_to = $12, preferred_caregiver_gender = $13, doorstep_note = $14, internal_note = $15, \
                    key_risks = $16, birth_date = $17, phone = $18 \
             WHERE id = $1 AND provider_id = $2"
        }
    };
    db.execute(sql, &params).await?;
    db.execute(
        "DELETE FROM client_contacts WHERE client_id = $1",
        &[id.into()],
    )
    .await?;
    let contacts: Vec<[Value; 6]> = (0_i64..)
        .zip(&input.contacts)
        .map(|(position, contact)| {
            [
                new_id().into(),
                id.into(),
                contact.name.as_str().into(),
                contact.relation.as_str().into(),
                contact.phone.as_str().into(),
                position.into(),
            ]
        })
        .collect();
    insert_rows(
        db,
        "client_contacts (id, client_id, name, relation, phone, position)",
        &contacts,
    )
    .await
}

/// Ends a client's service on `last_day` inside the caller's transaction: the client's
/// `service_to`, and every recurring visit of theirs valid after it ends that day. Answers the
/// client's visits still planned from `after` (the next day's start) on, for the caller to
/// cancel with their history.
pub async fn end_service(
    db: &impl Database,
    provider_id: &str,
    client_id: &str,
    last_day: chrono::NaiveDate,
    after: DateTime<Utc>,
) -> Result<Vec<String>, DbError> {
    let last_day = last_day.to_string();
    db.execute(
        "UPDATE clients SET service_to = $3 WHERE id = $1 AND provider_id = $2",
        &[
            client_id.into(),
            provider_id.into(),
            last_day.as_str().into(),
        ],
    )
    .await?;
    db.execute(
        "UPDATE visit_templates SET valid_to = $3 \
         WHERE client_id = $1 AND provider_id = $2 AND (valid_to IS NULL OR valid_to > $3)",
        &[
            client_id.into(),
            provider_id.into(),
            last_day.as_str().into(),
        ],
    )
    .await?;
    db.query(
        "SELECT v.id FROM visits v JOIN visit_progress p ON p.visit_id = v.id \
         WHERE v.client_id = $1 AND v.provider_id = $2 AND v.starts_at >= $3 \
           AND p.status = 'planned' ORDER BY v.id",
        &[
            client_id.into(),
            provider_id.into(),
            timestamp::format(after).into(),
        ],
    )
    .await?
    .iter()
    .map(|row| row.text("id"))
    .collect()
}
