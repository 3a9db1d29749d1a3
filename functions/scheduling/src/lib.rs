//! Scheduling: the visits of a day, scoped to the caller's provider and, for caregivers,
//! to their own route; a client's schedule for their family, with today's visits as they
//! go, what changed, requests to the coordinator and a calendar feed; the planner's week.
//! This file is the route table; the handlers are in their modules, and every statement in
//! `store`.

mod calendar_feed;
mod care_plans;
mod changes;
mod clients;
mod facts;
mod family;
mod family_changes;
mod family_requests;
mod optimise;
mod route;
mod store;
mod week;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles;

#[derive(Debug)]
pub struct Scheduling;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    TodayVisits,
    UpcomingVisits,
    ClientVisits,
    LinkedClients,
    WeekBoard,
    GenerateWeek,
    ChangeVisit,
    VisitHistory,
    ListCaregivers,
    ShowCaregiverProfile,
    SetCaregiverProfile,
    AddAbsence,
    RefuseCaregiver,
    AddTemplate,
    ListClients,
    ShowClient,
    CreateClient,
    ReplaceClient,
    EndService,
    CreateVisit,
    ListAbsences,
    DeleteAbsence,
    EndTemplate,
    ShowCarePlan,
    SaveCarePlan,
    Optimise,
    AcceptProposal,
    SickCall,
    ProblemFile,
    FamilyToday,
    FamilyChanges,
    MarkChangesSeen,
    FamilyContinuity,
    SendFamilyRequest,
    SentFamilyRequests,
    ProviderFamilyRequests,
    AcceptFamilyRequest,
    DeclineFamilyRequest,
    CalendarFeedState,
    CreateCalendarFeed,
    RevokeCalendarFeed,
    CalendarFeed,
    ClientCalendarFeeds,
    RevokeLinkCalendarFeed,
}

impl Component for Scheduling {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/today",
            endpoint: Endpoint::TodayVisits,
            access: Access::Roles(roles::PROVIDER_STAFF),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/upcoming",
            endpoint: Endpoint::UpcomingVisits,
            access: Access::Roles(roles::PROVIDER_STAFF),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}/visits",
            endpoint: Endpoint::ClientVisits,
            access: Access::Roles(roles::CLIENT_SCHEDULE),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/my-clients",
            endpoint: Endpoint::LinkedClients,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/week/{monday}",
            endpoint: Endpoint::WeekBoard,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/week/{monday}/generate",
            endpoint: Endpoint::GenerateWeek,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Patch,
            pattern: "/api/schedule/visits/{id}",
            endpoint: Endpoint::ChangeVisit,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/{id}/history",
            endpoint: Endpoint::VisitHistory,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/caregivers",
            endpoint: Endpoint::ListCaregivers,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/caregivers/{id}/profile",
            endpoint: Endpoint::ShowCaregiverProfile,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/caregivers/{id}/profile",
            endpoint: Endpoint::SetCaregiverProfile,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/caregivers/{id}/absences",
            endpoint: Endpoint::AddAbsence,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/clients/{client_id}/refused-caregivers",
            endpoint: Endpoint::RefuseCaregiver,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/templates",
            endpoint: Endpoint::AddTemplate,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients",
            endpoint: Endpoint::ListClients,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/clients",
            endpoint: Endpoint::CreateClient,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}",
            endpoint: Endpoint::ShowClient,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/clients/{client_id}",
            endpoint: Endpoint::ReplaceClient,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/clients/{client_id}/end-service",
            endpoint: Endpoint::EndService,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/visits",
            endpoint: Endpoint::CreateVisit,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/caregivers/{id}/absences",
            endpoint: Endpoint::ListAbsences,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/caregivers/{id}/absences/{absence_id}",
            endpoint: Endpoint::DeleteAbsence,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/templates/{id}",
            endpoint: Endpoint::EndTemplate,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}/care-plan",
            endpoint: Endpoint::ShowCarePlan,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/clients/{client_id}/care-plan",
            endpoint: Endpoint::SaveCarePlan,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/optimise",
            endpoint: Endpoint::Optimise,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/optimise/problem",
            endpoint: Endpoint::ProblemFile,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/caregivers/{id}/sick",
            endpoint: Endpoint::SickCall,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/optimise/accept",
            endpoint: Endpoint::AcceptProposal,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family/{client_id}/today",
            endpoint: Endpoint::FamilyToday,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family/{client_id}/changes",
            endpoint: Endpoint::FamilyChanges,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/family/{client_id}/changes/seen",
            endpoint: Endpoint::MarkChangesSeen,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family/{client_id}/continuity",
            endpoint: Endpoint::FamilyContinuity,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/family/{client_id}/requests",
            endpoint: Endpoint::SendFamilyRequest,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family/{client_id}/requests",
            endpoint: Endpoint::SentFamilyRequests,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family-requests",
            endpoint: Endpoint::ProviderFamilyRequests,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/family-requests/{id}/accept",
            endpoint: Endpoint::AcceptFamilyRequest,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/family-requests/{id}/decline",
            endpoint: Endpoint::DeclineFamilyRequest,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/family/{client_id}/calendar-feed",
            endpoint: Endpoint::CalendarFeedState,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/family/{client_id}/calendar-feed",
            endpoint: Endpoint::CreateCalendarFeed,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/family/{client_id}/calendar-feed",
            endpoint: Endpoint::RevokeCalendarFeed,
            access: Access::Roles(roles::FAMILY),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/calendar/{secret}",
            endpoint: Endpoint::CalendarFeed,
            access: Access::Public,
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}/calendar-feeds",
            endpoint: Endpoint::ClientCalendarFeeds,
            access: Access::Roles(roles::PLANNERS),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/family-links/{id}/calendar-feed",
            endpoint: Endpoint::RevokeLinkCalendarFeed,
            access: Access::Roles(roles::PLANNERS),
        },
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::TodayVisits => route::today(cx).await,
            Endpoint::UpcomingVisits => route::upcoming(cx).await,
            Endpoint::ClientVisits => family::client_visits(cx).await,
            Endpoint::LinkedClients => family::linked_clients(cx).await,
            Endpoint::WeekBoard => week::board(cx).await,
            Endpoint::GenerateWeek => week::generate(cx).await,
            Endpoint::ChangeVisit => changes::change(cx).await,
            Endpoint::VisitHistory => week::history(cx).await,
            Endpoint::ListCaregivers => facts::list_caregivers(cx).await,
            Endpoint::ShowCaregiverProfile => facts::show_profile(cx).await,
            Endpoint::SetCaregiverProfile => facts::set_profile(cx).await,
            Endpoint::AddAbsence => facts::add_absence(cx).await,
            Endpoint::RefuseCaregiver => facts::refuse_caregiver(cx).await,
            Endpoint::AddTemplate => facts::add_template(cx).await,
            Endpoint::ListClients => clients::list(cx).await,
            Endpoint::ShowClient => clients::show(cx).await,
            Endpoint::CreateClient => clients::create(cx).await,
            Endpoint::ReplaceClient => clients::replace(cx).await,
            Endpoint::EndService => clients::end_service(cx).await,
            Endpoint::CreateVisit => week::create(cx).await,
            Endpoint::ListAbsences => facts::list_absences(cx).await,
            Endpoint::DeleteAbsence => facts::delete_absence(cx).await,
            Endpoint::EndTemplate => facts::end_template(cx).await,
            Endpoint::ShowCarePlan => care_plans::show(cx).await,
            Endpoint::SaveCarePlan => care_plans::save(cx).await,
            Endpoint::Optimise => optimise::propose(cx).await,
            Endpoint::AcceptProposal => changes::accept(cx).await,
            Endpoint::SickCall => optimise::sick_call(cx).await,
            Endpoint::ProblemFile => optimise::problem_file(cx).await,
            Endpoint::FamilyToday => family::today(cx).await,
            Endpoint::FamilyChanges => family_changes::list(cx).await,
            Endpoint::MarkChangesSeen => family_changes::mark_seen(cx).await,
            Endpoint::FamilyContinuity => family::continuity(cx).await,
            Endpoint::SendFamilyRequest => family_requests::send(cx).await,
            Endpoint::SentFamilyRequests => family_requests::sent(cx).await,
            Endpoint::ProviderFamilyRequests => family_requests::of_provider(cx).await,
            Endpoint::AcceptFamilyRequest => family_requests::accept(cx).await,
            Endpoint::DeclineFamilyRequest => family_requests::decline(cx).await,
            Endpoint::CalendarFeedState => calendar_feed::state(cx).await,
            Endpoint::CreateCalendarFeed => calendar_feed::create(cx).await,
            Endpoint::RevokeCalendarFeed => calendar_feed::revoke_own(cx).await,
            Endpoint::CalendarFeed => calendar_feed::feed(cx).await,
            Endpoint::ClientCalendarFeeds => calendar_feed::of_client(cx).await,
            Endpoint::RevokeLinkCalendarFeed => calendar_feed::revoke_of_link(cx).await,
        }
    }
}

platform::spin_component!(Scheduling);
