//! What every component shares: its route table, and the one request pipeline —
//! route, schema, caller, access, handler, error mapping.

use chrono::{DateTime, Utc};

use shared::APP_REQUEST_HEADER;

use crate::audit::{self, Action, Subject};
use crate::auth::{Caller, authenticate};
use crate::db::Database;
use crate::error::ApiError;
use crate::http::{ApiRequest, ApiResponse};
use crate::migrate::{Seed, ensure_schema};
use crate::router::{Access, PathParams, Route, find_route};
use crate::security::{HtmlPolicy, with_security_headers};

/// Deployment settings the pipeline needs, read once from Spin variables or the test host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Seed the demo data when the database is created.
    pub seed_demo: bool,
}

impl Settings {
    /// Whether to seed the demo, from the deployment's `demo_data` setting: `true` always,
    /// `false` never, unset or `auto` only into the embedded SQLite database. A PostgreSQL
    /// deployment is a real one unless it asks: the demo's accounts share a published
    /// password.
    pub fn seed_demo_from(demo_data: Option<&str>, embedded_sqlite: bool) -> bool {
        match demo_data.map(str::trim) {
            Some("true") => true,
            None | Some("" | "auto") => embedded_sqlite,
            Some(_) => false,
        }
    }
}

/// A routed request, as a handler receives it.
#[derive(Debug)]
pub struct Context<'a, D> {
    pub request: &'a ApiRequest,
    pub db: &'a D,
    pub params: PathParams,
    caller: Option<Caller>,
    pub now: DateTime<Utc>,
}

impl<D> Context<'_, D> {
    /// The signed-in caller; routes that are not public always have one.
    pub fn caller(&self) -> Result<&Caller, ApiError> {
        self.caller.as_ref().ok_or(ApiError::Unauthenticated)
    }
}

impl<D: Database> Context<'_, D> {
    /// Logs what a staff member just did to their provider's care data.
    pub async fn audit(
        &self,
        action: Action,
        entity: &str,
        entity_id: Option<&str>,
        client_id: Option<&str>,
    ) -> Result<(), ApiError> {
        let caller = self.caller()?;
        let subject = Subject {
            entity,
            entity_id,
            client_id,
            provider_id: caller.user.provider_id.as_deref(),
        };
        audit::record(self.db, caller, action, subject, self.now).await?;
        Ok(())
    }
}

/// One Spin component: a route table and the handlers behind it.
#[allow(async_fn_in_trait)]
pub trait Component {
    type Endpoint: Copy + std::fmt::Debug + 'static;

    /// What a brand-new database is seeded with when `Settings::seed_demo` asks: whichever
    /// component serves the first request creates the schema, so every one names it.
    type Seed: Seed;

    const ROUTES: &'static [Route<Self::Endpoint>];

    async fn handle<D: Database>(
        endpoint: Self::Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError>;
}

/// Writes must carry the app's header and, where the browser says, come from our own origin.
/// We never answer a CORS preflight, so another site cannot add the header; with
/// SameSite=Strict session cookies this keeps cross-site request forgery out.
fn refuse_cross_site(request: &ApiRequest) -> Result<(), ApiError> {
    let (name, value) = APP_REQUEST_HEADER;
    let from_app = request.header(name) == Some(value);
    // Browsers say where a request comes from; only our own pages may write.
    let same_origin = request
        .header("sec-fetch-site")
        .is_none_or(|site| site == "same-origin" || site == "none");
    if from_app && same_origin {
        Ok(())
    } else {
        Err(ApiError::CrossSiteRequest)
    }
}

/// Serves one request with component `C`; every error becomes the JSON error shape here.
pub async fn serve<C: Component, D: Database>(
    request: &ApiRequest,
    db: &D,
    settings: Settings,
    now: DateTime<Utc>,
) -> ApiResponse {
    let response = match route_and_handle::<C, D>(request, db, settings, now).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    with_security_headers(response, HtmlPolicy::Document)
}

async fn route_and_handle<C: Component, D: Database>(
    request: &ApiRequest,
    db: &D,
    settings: Settings,
    now: DateTime<Utc>,
) -> Result<ApiResponse, ApiError> {
    let (route, params) = find_route(C::ROUTES, request.method, &request.path)?;
    if request.method.is_mutating() {
        refuse_cross_site(request)?;
    }
    ensure_schema::<C::Seed>(db, settings.seed_demo, now).await?;
    let caller = authenticate(db, request, now).await?;
    if let Access::Roles(roles) = route.access {
        let caller = caller.as_ref().ok_or(ApiError::Unauthenticated)?;
        if !roles.contains(&caller.role()) {
            // A denied attempt is logged: a probe of routes shows in the audit log.
            let action = if request.method.is_mutating() {
                Action::Update
            } else {
                Action::Read
            };
            let subject = Subject {
                entity: "access_denied",
                entity_id: Some(route.pattern),
                client_id: None,
                provider_id: caller.user.provider_id.as_deref(),
            };
            audit::record(db, caller, action, subject, now).await?;
            return Err(ApiError::Forbidden);
        }
    }
    let cx = Context {
        request,
        db,
        params,
        caller,
        now,
    };
    C::handle(route.endpoint, &cx).await
}

#[cfg(test)]
mod tests {
    use super::Settings;

    #[test]
    fn the_demo_is_seeded_into_postgresql_only_when_asked_explicitly() {
        assert!(!Settings::seed_demo_from(None, false));
        assert!(!Settings::seed_demo_from(Some("auto"), false));
        assert!(!Settings::seed_demo_from(Some("false"), true));
        assert!(Settings::seed_demo_from(Some("true"), false));
    }

    #[test]
    fn the_embedded_sqlite_database_gets_the_demo_unless_refused() {
        assert!(Settings::seed_demo_from(None, true));
        assert!(Settings::seed_demo_from(Some(" auto "), true));
        assert!(!Settings::seed_demo_from(Some("ne"), true));
    }
}
