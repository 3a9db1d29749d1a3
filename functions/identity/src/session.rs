//! Signing in and out, and passwords.

use chrono::{DateTime, Utc};
use platform::auth::{self, cleared_session_cookie, session_cookie};
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, DbError};
use shared::identity::{
    DemoStatus, LoginRequest, Password, PasswordChange, RedeemPasswordReset, Username,
};
use shared::throttle::{Limits, PER_ADDRESS, PER_USERNAME, record_before_attempt};

use crate::codes::{CodePurpose, redeem_code};
use crate::store::accounts;

/// One attempt at a password, counted against the username typed and the client's address
/// before the password is checked (see `shared::throttle`).
struct Attempt {
    username: String,
    address: Option<String>,
}

impl Attempt {
    /// Counts the attempt; answers "wait" (and uncounts it) when either counter says so.
    async fn start<D: Database>(cx: &Context<'_, D>, username: &str) -> Result<Self, ApiError> {
        let attempt = Attempt {
            username: username.to_owned(),
            address: cx
                .request
                .client_address()
                .map(|address| format!("address:{address}")),
        };
        let mut allowed_at = None;
        for (key, limits) in attempt.counters() {
            let (claimed, last_failure_at) = accounts::count_attempt(cx.db, key, cx.now).await?;
            let record = record_before_attempt(claimed, last_failure_at);
            allowed_at = allowed_at.max(limits.next_attempt_allowed_at(record, cx.now));
        }
        let Some(allowed_at) = allowed_at else {
            return Ok(attempt);
        };
        for (key, _) in attempt.counters() {
            accounts::uncount_attempt(cx.db, key).await?;
        }
        Err(ApiError::TooManyAttempts {
            retry_after_seconds: (allowed_at - cx.now).num_seconds() + 1,
        })
    }

    fn counters(&self) -> impl Iterator<Item = (&str, Limits)> {
        std::iter::once((self.username.as_str(), PER_USERNAME))
            .chain(self.address.as_deref().map(|key| (key, PER_ADDRESS)))
    }

    /// The password was wrong: the attempt stays counted, its waiting starts now.
    async fn failed(self, db: &impl Database, now: DateTime<Utc>) -> Result<(), DbError> {
        for (key, _) in self.counters() {
            accounts::attempt_failed(db, key, now).await?;
        }
        Ok(())
    }

    /// The password was right: the username starts afresh; the address only takes this
    /// attempt back, so that signing in to one's own account does not clear a spray.
    async fn succeeded(self, db: &impl Database) -> Result<(), DbError> {
        accounts::forget_failures(db, &self.username).await?;
        if let Some(address) = &self.address {
            accounts::uncount_attempt(db, address).await?;
        }
        Ok(())
    }
}

/// Checks the password; every failure, for an existing account or not, counts against the
/// username typed and the client's address, and past a few the answer is "wait", whatever
/// the password.
pub async fn login<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let body: LoginRequest = json_body(&cx.request.body)?;
    let username = Username::parse(&body.username)?;
    let password = Password::parse(&body.password)?;
    let attempt = Attempt::start(cx, username.as_str()).await?;
    let user = accounts::active_credentials(cx.db, username.as_str()).await?;
    let verified = match &user {
        Some(user) => auth::verify_password(password.expose(), &user.password_hash),
        None => {
            auth::spend_verification_time(password.expose());
            false
        }
    };
    let Some(user) = user.filter(|_| verified) else {
        attempt.failed(cx.db, cx.now).await?;
        return Err(ApiError::InvalidCredentials);
    };
    attempt.succeeded(cx.db).await?;
    start_session(cx, &user.user_id).await
}

/// `GET /api/auth/demo`: whether accounts with the demo's published password may still
/// exist, so the app can warn everyone (on the sign-in form too).
pub async fn demo_status<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let usernames: Vec<&str> = demo::data::USERS.iter().map(|(name, ..)| *name).collect();
    let demo_accounts = accounts::any_active(cx.db, &usernames).await?;
    Ok(ApiResponse::ok(&DemoStatus { demo_accounts }))
}

/// Signs a user in: a new session, its cookie, and who they are.
pub async fn start_session<D: Database>(
    cx: &Context<'_, D>,
    user_id: &str,
) -> Result<ApiResponse, ApiError> {
    let token = auth::create_session(cx.db, user_id, cx.now).await?;
    let me = auth::user_by_id(cx.db, user_id).await?;
    Ok(ApiResponse::ok(&me).with_header("set-cookie", session_cookie(&token)))
}

pub async fn logout<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    auth::revoke_session(cx.db, cx.caller()?, cx.now).await?;
    Ok(ApiResponse::no_content().with_header("set-cookie", cleared_session_cookie()))
}

pub async fn logout_everywhere<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    auth::revoke_all_sessions(cx.db, &caller.user.user_id, None, cx.now).await?;
    Ok(ApiResponse::no_content().with_header("set-cookie", cleared_session_cookie()))
}

async fn store_password(
    db: &impl Database,
    user_id: &str,
    password: &Password,
) -> Result<(), DbError> {
    accounts::set_password_hash(db, user_id, &auth::hash_password(password.expose())).await
}

/// Changes the caller's password and signs out every other session of theirs.
pub async fn change_password<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let body: PasswordChange = json_body(&cx.request.body)?;
    let current = Password::parse(&body.current_password)
        .map_err(|e| shared::error::FieldError::new("current_password", e.message))?;
    let new = Password::parse_new(&body.new_password, "new_password", &caller.user.username)?;
    let stored = accounts::password_hash(cx.db, &caller.user.user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    // Guessing the current password with a stolen session is throttled like signing in.
    let attempt = Attempt::start(cx, &caller.user.username).await?;
    if !auth::verify_password(current.expose(), &stored) {
        attempt.failed(cx.db, cx.now).await?;
        return Err(ApiError::BadInput {
            code: "wrong_password",
            field: Some("current_password".into()),
            message: "Současné heslo není správné.".into(),
        });
    }
    attempt.succeeded(cx.db).await?;
    platform::db::in_transaction(cx.db, async || {
        store_password(cx.db, &caller.user.user_id, &new).await?;
        auth::revoke_all_sessions(cx.db, &caller.user.user_id, Some(caller), cx.now).await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(ApiResponse::no_content())
}

/// A staff member sets a new password with the code their manager gave them, and is signed in.
pub async fn redeem_password_reset<D: Database>(
    cx: &Context<'_, D>,
) -> Result<ApiResponse, ApiError> {
    let body: RedeemPasswordReset = json_body(&cx.request.body)?;
    let user_id = platform::db::in_transaction(cx.db, async || {
        let code = redeem_code(cx, &body.code, CodePurpose::PasswordReset).await?;
        let user_id = code.user_id.ok_or(ApiError::NotFound("Účet"))?;
        let username = accounts::username(cx.db, &user_id)
            .await?
            .ok_or(ApiError::NotFound("Účet"))?;
        let password = Password::parse_new(&body.new_password, "new_password", &username)?;
        store_password(cx.db, &user_id, &password).await?;
        auth::revoke_all_sessions(cx.db, &user_id, None, cx.now).await?;
        Ok::<_, ApiError>(user_id)
    })
    .await?;
    start_session(cx, &user_id).await
}
