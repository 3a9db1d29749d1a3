//! Identity: sign-in, sign-out and who the caller is.

use platform::auth::{self, cleared_session_cookie, session_cookie};
use platform::input::json_body;
use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::{LoginRequest, Password, Role, Username};

#[derive(Debug)]
pub struct Identity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Login,
    Logout,
    Me,
}

impl Component for Identity {
    type Endpoint = Endpoint;

    const ROUTES: &'static [Route<Endpoint>] = &[
        Route {
            method: Method::Post,
            pattern: "/api/auth/login",
            endpoint: Endpoint::Login,
            access: Access::Public,
        },
        Route {
            method: Method::Post,
            pattern: "/api/auth/logout",
            endpoint: Endpoint::Logout,
            access: Access::Roles(&Role::ALL),
        },
        Route {
            method: Method::Get,
            pattern: "/api/auth/me",
            endpoint: Endpoint::Me,
            access: Access::Roles(&Role::ALL),
        },
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Login => login(cx).await,
            Endpoint::Logout => {
                auth::revoke_session(cx.db, cx.caller()?, cx.now).await?;
                Ok(ApiResponse::no_content().with_header("set-cookie", cleared_session_cookie()))
            }
            Endpoint::Me => Ok(ApiResponse::ok(&cx.caller()?.user)),
        }
    }
}

async fn login<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let body: LoginRequest = json_body(&cx.request.body)?;
    let username = Username::parse(&body.username)?;
    let password = Password::parse(&body.password)?;
    let user = cx
        .db
        .query_one(
            "SELECT id, password_hash FROM users WHERE username = $1 AND active = 1",
            &[username.as_str().into()],
        )
        .await?;
    let user_id = match user {
        Some(row) if auth::verify_password(password.expose(), &row.text("password_hash")?) => {
            row.text("id")?
        }
        Some(_) => return Err(ApiError::InvalidCredentials),
        None => {
            auth::spend_verification_time(password.expose());
            return Err(ApiError::InvalidCredentials);
        }
    };
    let token = auth::create_session(cx.db, &user_id, cx.now).await?;
    let me = auth::user_by_id(cx.db, &user_id).await?;
    Ok(ApiResponse::ok(&me).with_header("set-cookie", session_cookie(&token)))
}

platform::spin_component!(Identity);
