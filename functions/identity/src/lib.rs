//! Identity: sign-in and sessions, passwords, staff accounts, family invitations and the
//! audit log; the manager's own provider (its office phone).

mod audit_log;
mod codes;
mod family;
mod provider;
mod session;
mod staff;
mod store;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::{EVERYONE, MANAGERS, PLANNERS};

#[derive(Debug)]
pub struct Identity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Login,
    Logout,
    LogoutEverywhere,
    Me,
    ChangePassword,
    RedeemPasswordReset,
    ListStaff,
    CreateStaff,
    UpdateStaff,
    ResetStaffPassword,
    InviteFamily,
    RedeemInvitation,
    FamilyLinksOfClient,
    RevokeFamilyLink,
    AuditLog,
    AuditChoices,
    AuditExport,
    DemoStatus,
    ShowProvider,
    SetOfficePhone,
}

impl Component for Identity {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[
        Route::new(
            Method::Post,
            "/api/auth/login",
            Endpoint::Login,
            Access::Public,
        ),
        Route::new(
            Method::Post,
            "/api/auth/logout",
            Endpoint::Logout,
            Access::Roles(EVERYONE),
        ),
        Route::new(
            Method::Post,
            "/api/auth/logout-everywhere",
            Endpoint::LogoutEverywhere,
            Access::Roles(EVERYONE),
        ),
        Route::new(
            Method::Get,
            "/api/auth/demo",
            Endpoint::DemoStatus,
            Access::Public,
        ),
        Route::new(
            Method::Get,
            "/api/auth/me",
            Endpoint::Me,
            Access::Roles(EVERYONE),
        ),
        Route::new(
            Method::Put,
            "/api/auth/password",
            Endpoint::ChangePassword,
            Access::Roles(EVERYONE),
        ),
        Route::new(
            Method::Post,
            "/api/auth/password-reset/redeem",
            Endpoint::RedeemPasswordReset,
            Access::Public,
        ),
        Route::new(
            Method::Get,
            "/api/auth/staff",
            Endpoint::ListStaff,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Post,
            "/api/auth/staff",
            Endpoint::CreateStaff,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Patch,
            "/api/auth/staff/{id}",
            Endpoint::UpdateStaff,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Post,
            "/api/auth/staff/{id}/password-reset",
            Endpoint::ResetStaffPassword,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Post,
            "/api/auth/invitations",
            Endpoint::InviteFamily,
            Access::Roles(PLANNERS),
        ),
        Route::new(
            Method::Post,
            "/api/auth/invitations/redeem",
            Endpoint::RedeemInvitation,
            Access::Public,
        ),
        Route::new(
            Method::Get,
            "/api/auth/clients/{client_id}/family",
            Endpoint::FamilyLinksOfClient,
            Access::Roles(PLANNERS),
        ),
        Route::new(
            Method::Delete,
            "/api/auth/family-links/{id}",
            Endpoint::RevokeFamilyLink,
            Access::Roles(PLANNERS),
        ),
        Route::new(
            Method::Get,
            "/api/auth/provider",
            Endpoint::ShowProvider,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Put,
            "/api/auth/provider/office-phone",
            Endpoint::SetOfficePhone,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Get,
            "/api/auth/audit",
            Endpoint::AuditLog,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Get,
            "/api/auth/audit/choices",
            Endpoint::AuditChoices,
            Access::Roles(MANAGERS),
        ),
        Route::new(
            Method::Get,
            "/api/auth/audit/export.csv",
            Endpoint::AuditExport,
            Access::Roles(MANAGERS),
        ),
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Login => session::login(cx).await,
            Endpoint::Logout => session::logout(cx).await,
            Endpoint::LogoutEverywhere => session::logout_everywhere(cx).await,
            Endpoint::Me => Ok(ApiResponse::ok(&cx.caller()?.user)),
            Endpoint::ChangePassword => session::change_password(cx).await,
            Endpoint::RedeemPasswordReset => session::redeem_password_reset(cx).await,
            Endpoint::ListStaff => staff::list(cx).await,
            Endpoint::CreateStaff => staff::create(cx).await,
            Endpoint::UpdateStaff => staff::update(cx).await,
            Endpoint::ResetStaffPassword => staff::reset_password(cx).await,
            Endpoint::InviteFamily => family::invite(cx).await,
            Endpoint::RedeemInvitation => family::redeem(cx).await,
            Endpoint::FamilyLinksOfClient => family::links_of_client(cx).await,
            Endpoint::RevokeFamilyLink => family::revoke(cx).await,
            Endpoint::AuditLog => audit_log::browse(cx).await,
            Endpoint::AuditChoices => audit_log::choices(cx).await,
            Endpoint::AuditExport => audit_log::export(cx).await,
            Endpoint::DemoStatus => session::demo_status(cx).await,
            Endpoint::ShowProvider => provider::show(cx).await,
            Endpoint::SetOfficePhone => provider::set_office_phone(cx).await,
        }
    }
}

platform::spin_component!(Identity);
