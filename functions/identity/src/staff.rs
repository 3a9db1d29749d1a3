//! A provider manager's staff: accounts, roles, deactivation, password resets.

use platform::auth::{hash_password, revoke_all_sessions};
use platform::input::json_body;
use platform::random::{self, new_id};
use platform::{ApiError, ApiResponse, Context, Database, DbError, Row, timestamp};
use shared::error::FieldError;
use shared::identity::{
    CreatedStaffMember, NewStaffMember, Role, StaffChange, StaffMember, Username,
    parse_display_name,
};

use crate::codes::{CodePurpose, CodeSubject, issue_code};

/// The caller's provider: staff management is always within it.
fn own_provider<D>(cx: &Context<'_, D>) -> Result<String, ApiError> {
    Ok(cx.caller()?.provider_id()?.to_owned())
}

fn staff_role(role: Role) -> Result<Role, FieldError> {
    if role.is_provider_staff() {
        Ok(role)
    } else {
        Err(FieldError::new(
            "role",
            "Pracovníkovi poskytovatele lze přidělit roli vedoucí, koordinátor nebo pečovatel.",
        ))
    }
}

fn member_from_row(row: &Row) -> Result<StaffMember, DbError> {
    Ok(StaffMember {
        user_id: row.text("id")?,
        username: row.text("username")?,
        display_name: row.text("display_name")?,
        role: row.parsed("role", "a role name", Role::parse)?,
        active: row.integer("active")? == 1,
    })
}

const MEMBER_COLUMNS: &str = "id, username, display_name, role, active";

async fn member_of_provider<D: Database>(
    cx: &Context<'_, D>,
    provider_id: &str,
) -> Result<StaffMember, ApiError> {
    let user_id = cx.params.get("id").unwrap_or_default();
    // Another provider's staff member is "not found": their existence is none of our business.
    let row = cx
        .db
        .query_one(
            &format!("SELECT {MEMBER_COLUMNS} FROM users WHERE id = $1 AND provider_id = $2"),
            &[user_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Pracovník"))?;
    Ok(member_from_row(&row)?)
}

pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    let members = cx
        .db
        .query(
            &format!(
                "SELECT {MEMBER_COLUMNS} FROM users WHERE provider_id = $1 \
                 ORDER BY active DESC, display_name, username"
            ),
            &[provider_id.into()],
        )
        .await?
        .iter()
        .map(member_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApiResponse::ok(&members))
}

pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    let body: NewStaffMember = json_body(&cx.request.body)?;
    let username = Username::parse(&body.username)?;
    let display_name = parse_display_name(&body.display_name)?;
    let role = staff_role(body.role)?;
    let user_id = new_id();
    let created = platform::db::in_transaction(cx.db, async || {
        let inserted = cx
            .db
            .execute(
                "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, \
                                    active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
                &[
                    user_id.as_str().into(),
                    username.as_str().into(),
                    display_name.as_str().into(),
                    // Unusable until the owner sets a password with the one-time code.
                    hash_password(&random::one_time_code()).into(),
                    role.as_str().into(),
                    provider_id.as_str().into(),
                    timestamp::format(cx.now).into(),
                ],
            )
            .await;
        match inserted {
            Err(DbError::UniqueViolation(_)) => {
                return Err(ApiError::Conflict {
                    code: "username_taken",
                    field: Some("username".into()),
                    message: "Toto přihlašovací jméno už používá někdo jiný.".into(),
                });
            }
            other => other?,
        };
        let subject = CodeSubject {
            provider_id: &provider_id,
            user_id: Some(&user_id),
            client_id: None,
        };
        issue_code(cx, CodePurpose::PasswordReset, subject).await
    })
    .await?;
    Ok(ApiResponse::json(
        201,
        &CreatedStaffMember {
            member: StaffMember {
                user_id,
                username: username.as_str().to_owned(),
                display_name,
                role,
                active: true,
            },
            one_time_code: created,
        },
    ))
}

pub async fn update<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    let change: StaffChange = json_body(&cx.request.body)?;
    let role = change.role.map(staff_role).transpose()?;
    let member = member_of_provider(cx, &provider_id).await?;
    let caller = cx.caller()?;
    if member.user_id == caller.user.user_id && (change.active == Some(false) || role.is_some()) {
        return Err(ApiError::Conflict {
            code: "cannot_change_self",
            field: None,
            message: "Svou vlastní roli ani účet změnit nemůžete; požádejte jiného vedoucího."
                .into(),
        });
    }
    platform::db::in_transaction(cx.db, async || {
        if let Some(role) = role {
            cx.db
                .execute(
                    "UPDATE users SET role = $1 WHERE id = $2",
                    &[role.as_str().into(), member.user_id.as_str().into()],
                )
                .await?;
        }
        if let Some(active) = change.active {
            cx.db
                .execute(
                    "UPDATE users SET active = $1 WHERE id = $2",
                    &[i64::from(active).into(), member.user_id.as_str().into()],
                )
                .await?;
        }
        // A role change or deactivation takes effect now, not at the next sign-in.
        revoke_all_sessions(cx.db, &member.user_id, None, cx.now).await
    })
    .await?;
    let updated = member_of_provider(cx, &provider_id).await?;
    Ok(ApiResponse::ok(&updated))
}

pub async fn reset_password<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    let member = member_of_provider(cx, &provider_id).await?;
    let code = platform::db::in_transaction(cx.db, async || {
        revoke_all_sessions(cx.db, &member.user_id, None, cx.now).await?;
        let subject = CodeSubject {
            provider_id: &provider_id,
            user_id: Some(&member.user_id),
            client_id: None,
        };
        issue_code(cx, CodePurpose::PasswordReset, subject).await
    })
    .await?;
    Ok(ApiResponse::json(201, &code))
}
