//! Clients: the coordinator's register, scoped to the provider; every read and write of a
//! client's record is audited.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, Row, db};
use shared::clients::{
    ClientDetail, ClientInput, ClientSummary, ContactPerson, Gender, check_client,
};
use shared::error::FieldError;
use shared::time::prague_date;

const CLIENT_COLUMNS: &str = "c.id, c.name, c.street, c.municipality_code, m.name AS municipality_name, \
    c.latitude, c.longitude, c.care_allowance_level, c.care_allowance_from, c.free_of_charge, \
    c.service_from, c.service_to, c.preferred_caregiver_gender, c.doorstep_note, c.internal_note";

fn optional_date(row: &Row, column: &str) -> Result<Option<chrono::NaiveDate>, DbError> {
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

fn level(row: &Row) -> Result<Option<u8>, DbError> {
    Ok(row
        .optional_integer("care_allowance_level")?
        .and_then(|level| u8::try_from(level).ok()))
}

async fn load<D: Database>(cx: &Context<'_, D>, client_id: &str) -> Result<ClientDetail, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let row = cx
        .db
        .query_one(
            &format!(
                "SELECT {CLIENT_COLUMNS} FROM clients c JOIN municipalities m ON m.code = c.municipality_code \
                 WHERE c.id = $1 AND c.provider_id = $2"
            ),
            &[client_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    let contacts = cx
        .db
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
    Ok(ClientDetail {
        id: row.text("id")?,
        municipality_name: row.text("municipality_name")?,
        input: ClientInput {
            name: row.text("name")?,
            street: row.text("street")?,
            municipality_code: row.text("municipality_code")?,
            latitude: Some(row.real("latitude")?),
            longitude: Some(row.real("longitude")?),
            care_allowance_level: level(&row)?,
            care_allowance_from: optional_date(&row, "care_allowance_from")?,
            free_of_charge: row.integer("free_of_charge")? == 1,
            service_from: row.parsed("service_from", "a date", |text| text.parse().ok())?,
            service_to: optional_date(&row, "service_to")?,
            preferred_caregiver_gender: row
                .optional_text("preferred_caregiver_gender")?
                .as_deref()
                .and_then(Gender::parse),
            doorstep_note: row.optional_text("doorstep_note")?,
            internal_note: row.optional_text("internal_note")?,
            contacts,
        },
    })
}

pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let today = prague_date(cx.now).to_string();
    let clients = cx
        .db
        .query(
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
                care_allowance_level: level(row)?,
                active: row.optional_text("service_to")?.is_none_or(|to| to >= today),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(ApiResponse::ok(&clients))
}

pub async fn show<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.get("client_id").unwrap_or_default();
    let client = load(cx, client_id).await?;
    cx.audit(Action::Read, "client", Some(client_id), Some(client_id))
        .await?;
    Ok(ApiResponse::ok(&client))
}

/// Writes a checked client, its coordinates defaulting to the municipality's centre.
async fn store<D: Database>(
    cx: &Context<'_, D>,
    id: &str,
    input: &ClientInput,
    create: bool,
) -> Result<(), ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let centre = cx
        .db
        .query_one(
            "SELECT latitude, longitude FROM municipalities WHERE code = $1",
            &[input.municipality_code.as_str().into()],
        )
        .await?
        .ok_or_else(|| {
            FieldError::new(
                "municipality_code",
                "Obec s tímto kódem v Ústeckém kraji není.",
            )
        })?;
    let latitude = input.latitude.map_or_else(|| centre.real("latitude"), Ok)?;
    let longitude = input
        .longitude
        .map_or_else(|| centre.real("longitude"), Ok)?;
    let params = [
        id.into(),
        provider_id.into(),
        input.name.as_str().into(),
        input.street.as_str().into(),
        input.municipality_code.as_str().into(),
        latitude.into(),
        longitude.into(),
        input.care_allowance_level.map(i64::from).into(),
        input.care_allowance_from.map(|d| d.to_string()).into(),
        i64::from(input.free_of_charge).into(),
        input.service_from.to_string().into(),
        input.service_to.map(|d| d.to_string()).into(),
        input.preferred_caregiver_gender.map(Gender::as_str).into(),
        input.doorstep_note.clone().into(),
        input.internal_note.clone().into(),
    ];
    let sql = if create {
        "INSERT INTO clients (id, provider_id, name, street, municipality_code, latitude, longitude, \
                              care_allowance_level, care_allowance_from, free_of_charge, service_from, \
                              service_to, preferred_caregiver_gender, doorstep_note, internal_note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    } else {
        "UPDATE clients SET name = $3, street = $4, municipality_code = $5, latitude = $6, longitude = $7, \
                care_allowance_level = $8, care_allowance_from = $9, free_of_charge = $10, service_from = $11, \
                service_to = $12, preferred_caregiver_gender = $13, doorstep_note = $14, internal_note = $15 \
         WHERE id = $1 AND provider_id = $2"
    };
    if create {
        let created_at = platform::timestamp::format(cx.now).into();
        cx.db
            .execute(sql, &[params.as_slice(), &[created_at]].concat())
            .await?;
    } else {
        cx.db.execute(sql, &params).await?;
    }
    cx.db
        .execute(
            "DELETE FROM client_contacts WHERE client_id = $1",
            &[id.into()],
        )
        .await?;
    for (position, contact) in (0_i64..).zip(&input.contacts) {
        cx.db
            .execute(
                "INSERT INTO client_contacts (id, client_id, name, relation, phone, position) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    new_id().into(),
                    id.into(),
                    contact.name.as_str().into(),
                    contact.relation.as_str().into(),
                    contact.phone.as_str().into(),
                    position.into(),
                ],
            )
            .await?;
    }
    Ok(())
}

pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input = check_client(&json_body::<ClientInput>(&cx.request.body)?)?;
    let id = new_id();
    db::in_transaction(cx.db, async || {
        store(cx, &id, &input, true).await?;
        cx.audit(Action::Create, "client", Some(&id), Some(&id))
            .await
    })
    .await?;
    Ok(ApiResponse::json(201, &load(cx, &id).await?))
}

pub async fn replace<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.get("client_id").unwrap_or_default();
    load(cx, client_id).await?;
    let input = check_client(&json_body::<ClientInput>(&cx.request.body)?)?;
    db::in_transaction(cx.db, async || {
        store(cx, client_id, &input, false).await?;
        cx.audit(Action::Update, "client", Some(client_id), Some(client_id))
            .await
    })
    .await?;
    Ok(ApiResponse::ok(&load(cx, client_id).await?))
}
