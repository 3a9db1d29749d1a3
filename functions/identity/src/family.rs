//! Family members: invited by a coordinator with a printable code, linked to one client,
//! and unlinked again when the coordinator says so.

use platform::auth::{hash_password, revoke_all_sessions};
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, DbError, timestamp};
use shared::identity::{
    FamilyLink, Invitation, NewInvitation, Password, RedeemInvitation, Role, Username,
    parse_display_name,
};

use crate::codes::{CodePurpose, CodeSubject, issue_code, redeem_code};
use crate::session::start_session;

/// A client of the caller's provider, by id; another provider's client is "not found".
async fn own_client<D: Database>(
    cx: &Context<'_, D>,
    client_id: &str,
) -> Result<(String, String), ApiError> {
    let provider_id = cx.caller()?.provider_id()?.to_owned();
    let row = cx
        .db
        .query_one(
            "SELECT name FROM clients WHERE id = $1 AND provider_id = $2",
            &[client_id.into(), provider_id.as_str().into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    Ok((provider_id, row.text("name")?))
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
        let created_at = timestamp::format(cx.now);
        let inserted = cx
            .db
            .execute(
                "INSERT INTO users (id, username, display_name, password_hash, role, provider_id, \
                                    active, created_at) VALUES ($1, $2, $3, $4, $5, NULL, 1, $6)",
                &[
                    user_id.as_str().into(),
                    username.as_str().into(),
                    display_name.as_str().into(),
                    hash_password(password.expose()).into(),
                    Role::FamilyMember.as_str().into(),
                    created_at.as_str().into(),
                ],
            )
            .await;
        if let Err(DbError::UniqueViolation(_)) = inserted {
            return Err(ApiError::Conflict {
                code: "username_taken",
                field: Some("username".into()),
                message: "Toto přihlašovací jméno už používá někdo jiný; zvolte prosím jiné.".into(),
            });
        }
        inserted?;
        cx.db
            .execute(
                "INSERT INTO family_links (id, user_id, client_id, provider_id, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    new_id().into(),
                    user_id.as_str().into(),
                    client_id.into(),
                    code.provider_id.into(),
                    code.created_by.into(),
                    created_at.into(),
                ],
            )
            .await?;
        Ok(())
    })
    .await?;
    start_session(cx, &user_id).await
}

pub async fn links_of_client<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.get("client_id").unwrap_or_default();
    own_client(cx, client_id).await?;
    let links = cx
        .db
        .query(
            "SELECT l.id, l.client_id, l.user_id, u.display_name, l.created_at \
             FROM family_links l JOIN users u ON u.id = l.user_id \
             WHERE l.client_id = $1 AND l.revoked_at IS NULL ORDER BY l.created_at, l.id",
            &[client_id.into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(FamilyLink {
                link_id: row.text("id")?,
                client_id: row.text("client_id")?,
                user_id: row.text("user_id")?,
                display_name: row.text("display_name")?,
                created_at: timestamp::parse(&row.text("created_at")?)?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(ApiResponse::ok(&links))
}

/// Unlinks a family member; without any link left they are signed out and deactivated.
pub async fn revoke<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let link_id = cx.params.get("id").unwrap_or_default();
    let provider_id = cx.caller()?.provider_id()?.to_owned();
    let user_id = cx
        .db
        .query_one(
            "SELECT user_id FROM family_links WHERE id = $1 AND provider_id = $2 AND revoked_at IS NULL",
            &[link_id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Odkaz na rodinného příslušníka"))?
        .text("user_id")?;
    platform::db::in_transaction(cx.db, async || {
        cx.db
            .execute(
                "UPDATE family_links SET revoked_at = $1 WHERE id = $2",
                &[timestamp::format(cx.now).into(), link_id.into()],
            )
            .await?;
        let remaining = cx
            .db
            .query_one(
                "SELECT COUNT(*) AS links FROM family_links WHERE user_id = $1 AND revoked_at IS NULL",
                &[user_id.as_str().into()],
            )
            .await?
            .map(|row| row.integer("links"))
            .transpose()?
            .unwrap_or(0);
        if remaining == 0 {
            cx.db
                .execute("UPDATE users SET active = 0 WHERE id = $1", &[user_id.as_str().into()])
                .await?;
            revoke_all_sessions(cx.db, &user_id, None, cx.now).await?;
        }
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::no_content())
}
