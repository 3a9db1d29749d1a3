//! Family members: invited by a coordinator with a printable code, linked to one client,
//! and unlinked again when the coordinator says so.

use platform::audit::Action;
use platform::auth::{hash_password, revoke_all_sessions};
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError};
use shared::identity::{
    ClientFamily, Invitation, NewInvitation, Password, RedeemInvitation, Role, Username,
    parse_display_name,
};

use crate::codes::{CodePurpose, CodeSubject, issue_code, redeem_code};
use crate::session::start_session;
use crate::store::accounts::{self, NewUser};
use crate::store::family;

/// A client of the caller's provider, by id; another provider's client is "not found".
async fn own_client<D: Database>(
    cx: &Context<'_, D>,
    client_id: &str,
) -> Result<(String, String), ApiError> {
    let provider_id = cx.caller()?.provider_id()?.to_owned();
    let name = family::client_name(cx.db, client_id, &provider_id)
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    Ok((provider_id, name))
}

pub async fn invite<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let body: NewInvitation = json_body(&cx.request.body)?;
    let (provider_id, client_name) = own_client(cx, &body.client_id).await?;
    let subject = CodeSubject {
        provider_id: &provider_id,
        user_id: None,
        client_id: Some(&body.client_id),
    };
    let code = issue_code(cx, CodePurpose::FamilyInvitation, subject).await?;
    cx.audit(Action::Create, "invitation", None, Some(&body.client_id))
        .await?;
    Ok(ApiResponse::json(
        201,
        &Invitation {
            client_name,
            one_time_code: code,
        },
    ))
}

/// The family member chooses a username and password; the account is linked and signed in.
pub async fn redeem<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let body: RedeemInvitation = json_body(&cx.request.body)?;
    let username = Username::parse(&body.username)?;
    let display_name = parse_display_name(&body.display_name)?;
    let password = Password::parse_new(&body.password, "password", username.as_str())?;
    let user_id = new_id();
    platform::db::in_transaction(cx.db, async || {
        let code = redeem_code(cx, &body.code, CodePurpose::FamilyInvitation).await?;
        let client_id = code.client_id.ok_or(ApiError::NotFound("Klient"))?;
        let password_hash = hash_password(password.expose());
        let user = NewUser {
            user_id: &user_id,
            username: username.as_str(),
            display_name: &display_name,
            password_hash: &password_hash,
            role: Role::FamilyMember,
            provider_id: None,
        };
        let inserted = accounts::insert_user(cx.db, user, cx.now).await;
        if let Err(DbError::UniqueViolation(_)) = inserted {
            return Err(ApiError::Conflict {
                code: "username_taken",
                field: Some("username".into()),
                message: "Toto přihlašovací jméno už používá někdo jiný; zvolte prosím jiné."
                    .into(),
            });
        }
        inserted?;
        family::insert_link(
            cx.db,
            &user_id,
            &client_id,
            &code.provider_id,
            &code.created_by,
            cx.now,
        )
        .await?;
        Ok(())
    })
    .await?;
    start_session(cx, &user_id).await
}

pub async fn links_of_client<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.require("client_id")?;
    let (_, client_name) = own_client(cx, client_id).await?;
    let links = family::links_of_client(cx.db, client_id).await?;
    cx.audit(Action::Read, "family_link", None, Some(client_id))
        .await?;
    Ok(ApiResponse::ok(&ClientFamily { client_name, links }))
}

/// Unlinks a family member; without any link left they are signed out and deactivated.
pub async fn revoke<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let link_id = cx.params.require("id")?;
    let provider_id = cx.caller()?.provider_id()?;
    let user_id = family::member_of_link(cx.db, link_id, provider_id)
        .await?
        .ok_or(ApiError::NotFound("Odkaz na rodinného příslušníka"))?;
    platform::db::in_transaction(cx.db, async || {
        let remaining = family::revoke_link(cx.db, link_id, &user_id, cx.now).await?;
        if remaining == 0 {
            accounts::set_active(cx.db, &user_id, false).await?;
            revoke_all_sessions(cx.db, &user_id, None, cx.now).await?;
        }
        cx.audit(Action::Delete, "family_link", Some(link_id), None)
            .await
    })
    .await?;
    Ok(ApiResponse::no_content())
}
