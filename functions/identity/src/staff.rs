//! A provider manager's staff: accounts, roles, deactivation, password resets.

use platform::audit::Action;
use platform::auth::{hash_password, revoke_all_sessions};
use platform::input::json_body;
use platform::random::{self, new_id};
use platform::{ApiError, ApiResponse, Context, Database, DbError};
use shared::error::FieldError;
use shared::identity::{
    CreatedStaffMember, NewStaffMember, Role, StaffChange, StaffMember, Username,
    parse_display_name,
};

use crate::codes::{CodePurpose, CodeSubject, issue_code};
use crate::store::accounts::{self, NewUser};

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

async fn member_of_provider<D: Database>(
    cx: &Context<'_, D>,
    provider_id: &str,
) -> Result<StaffMember, ApiError> {
    let user_id = cx.params.require("id")?;
    // Another provider's staff member is "not found": their existence is none of our business.
    accounts::staff_member(cx.db, user_id, provider_id)
        .await?
        .ok_or(ApiError::NotFound("Pracovník"))
}

pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    Ok(ApiResponse::ok(
        &accounts::staff(cx.db, &provider_id).await?,
    ))
}

pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = own_provider(cx)?;
    let body: NewStaffMember = json_body(&cx.request.body)?;
    let username = Username::parse(&body.username)?;
    let display_name = parse_display_name(&body.display_name)?;
    let role = staff_role(body.role)?;
    let user_id = new_id();
    let created = platform::db::in_transaction(cx.db, async || {
        // Unusable until the owner sets a password with the one-time code.
        let password_hash = hash_password(&random::one_time_code());
        let user = NewUser {
            user_id: &user_id,
            username: username.as_str(),
            display_name: &display_name,
            password_hash: &password_hash,
            role,
            provider_id: Some(&provider_id),
        };
        let inserted = accounts::insert_user(cx.db, user, cx.now).await;
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
        let code = issue_code(cx, CodePurpose::PasswordReset, subject).await?;
        cx.audit(Action::Create, "staff", Some(&user_id), None)
            .await?;
        Ok::<_, ApiError>(code)
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
            accounts::set_role(cx.db, &member.user_id, role).await?;
        }
        if let Some(active) = change.active {
            accounts::set_active(cx.db, &member.user_id, active).await?;
        }
        // A role change or deactivation takes effect now, not at the next sign-in.
        revoke_all_sessions(cx.db, &member.user_id, None, cx.now).await?;
        cx.audit(Action::Update, "staff", Some(&member.user_id), None)
            .await
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
        let code = issue_code(cx, CodePurpose::PasswordReset, subject).await?;
        cx.audit(
            Action::Create,
            "staff_password_reset",
            Some(&member.user_id),
            None,
        )
        .await?;
        Ok::<_, ApiError>(code)
    })
    .await?;
    Ok(ApiResponse::json(201, &code))
}
