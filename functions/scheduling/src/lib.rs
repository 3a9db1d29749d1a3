//! Scheduling: the visits of a day, scoped to the caller's provider and, for caregivers,
//! to their own route; a client's schedule for their family; the planner's week.

mod care_plans;
mod clients;
mod facts;
mod optimise;
mod week;

use std::collections::HashMap;

use platform::audit::{self, Action, Subject};
use platform::timestamp;
use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route, Value};
use shared::identity::Role;
use shared::planning::travel::GeoPoint;
use shared::schedule::{
    ClientVisits, FamilyVisitView, LinkedClient, TodayVisits, UPCOMING_DAYS, UpcomingVisits,
    VisitStatus, VisitView,
};
use shared::time::{prague_date, prague_day_bounds};

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
    ShowCaregiverProfile,
    SetCaregiverProfile,
    AddAbsence,
    RefuseCaregiver,
    AddTemplate,
    ListClients,
    ShowClient,
    CreateClient,
    ReplaceClient,
    CreateVisit,
    ListAbsences,
    DeleteAbsence,
    EndTemplate,
    ShowCarePlan,
    SaveCarePlan,
    Optimise,
    AcceptProposal,
}

const PLANNERS: &[Role] = &[Role::Coordinator, Role::ProviderManager];

/// How far ahead a client's schedule reaches.
const CLIENT_SCHEDULE_DAYS: i64 = 14;

impl Component for Scheduling {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/today",
            endpoint: Endpoint::TodayVisits,
            access: Access::Roles(&[Role::Caregiver, Role::Coordinator, Role::ProviderManager]),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/upcoming",
            endpoint: Endpoint::UpcomingVisits,
            access: Access::Roles(&[Role::Caregiver, Role::Coordinator, Role::ProviderManager]),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}/visits",
            endpoint: Endpoint::ClientVisits,
            access: Access::Roles(&[Role::Coordinator, Role::ProviderManager, Role::FamilyMember]),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/my-clients",
            endpoint: Endpoint::LinkedClients,
            access: Access::Roles(&[Role::FamilyMember]),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/week/{monday}",
            endpoint: Endpoint::WeekBoard,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/week/{monday}/generate",
            endpoint: Endpoint::GenerateWeek,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Patch,
            pattern: "/api/schedule/visits/{id}",
            endpoint: Endpoint::ChangeVisit,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/visits/{id}/history",
            endpoint: Endpoint::VisitHistory,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/caregivers/{id}/profile",
            endpoint: Endpoint::ShowCaregiverProfile,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/caregivers/{id}/profile",
            endpoint: Endpoint::SetCaregiverProfile,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/caregivers/{id}/absences",
            endpoint: Endpoint::AddAbsence,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/clients/{client_id}/refused-caregivers",
            endpoint: Endpoint::RefuseCaregiver,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/templates",
            endpoint: Endpoint::AddTemplate,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients",
            endpoint: Endpoint::ListClients,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/clients",
            endpoint: Endpoint::CreateClient,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}",
            endpoint: Endpoint::ShowClient,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/clients/{client_id}",
            endpoint: Endpoint::ReplaceClient,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/visits",
            endpoint: Endpoint::CreateVisit,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/caregivers/{id}/absences",
            endpoint: Endpoint::ListAbsences,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/caregivers/{id}/absences/{absence_id}",
            endpoint: Endpoint::DeleteAbsence,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Delete,
            pattern: "/api/schedule/templates/{id}",
            endpoint: Endpoint::EndTemplate,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Get,
            pattern: "/api/schedule/clients/{client_id}/care-plan",
            endpoint: Endpoint::ShowCarePlan,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Put,
            pattern: "/api/schedule/clients/{client_id}/care-plan",
            endpoint: Endpoint::SaveCarePlan,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/optimise",
            endpoint: Endpoint::Optimise,
            access: Access::Roles(PLANNERS),
        },
        Route {
            method: Method::Post,
            pattern: "/api/schedule/optimise/accept",
            endpoint: Endpoint::AcceptProposal,
            access: Access::Roles(PLANNERS),
        },
    ];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::TodayVisits => Ok(ApiResponse::ok(&today_visits(cx).await?)),
            Endpoint::UpcomingVisits => Ok(ApiResponse::ok(&upcoming_visits(cx).await?)),
            Endpoint::ClientVisits => Ok(ApiResponse::ok(&client_visits(cx).await?)),
            Endpoint::LinkedClients => Ok(ApiResponse::ok(&linked_clients(cx).await?)),
            Endpoint::WeekBoard => week::board(cx).await,
            Endpoint::GenerateWeek => week::generate(cx).await,
            Endpoint::ChangeVisit => week::change(cx).await,
            Endpoint::VisitHistory => week::history(cx).await,
            Endpoint::ShowCaregiverProfile => facts::show_profile(cx).await,
            Endpoint::SetCaregiverProfile => facts::set_profile(cx).await,
            Endpoint::AddAbsence => facts::add_absence(cx).await,
            Endpoint::RefuseCaregiver => facts::refuse_caregiver(cx).await,
            Endpoint::AddTemplate => facts::add_template(cx).await,
            Endpoint::ListClients => clients::list(cx).await,
            Endpoint::ShowClient => clients::show(cx).await,
            Endpoint::CreateClient => clients::create(cx).await,
            Endpoint::ReplaceClient => clients::replace(cx).await,
            Endpoint::CreateVisit => week::create(cx).await,
            Endpoint::ListAbsences => facts::list_absences(cx).await,
            Endpoint::DeleteAbsence => facts::delete_absence(cx).await,
            Endpoint::EndTemplate => facts::end_template(cx).await,
            Endpoint::ShowCarePlan => care_plans::show(cx).await,
            Endpoint::SaveCarePlan => care_plans::save(cx).await,
            Endpoint::Optimise => optimise::propose(cx).await,
            Endpoint::AcceptProposal => optimise::accept(cx).await,
        }
    }
}

/// Caregivers see their own route; coordinators and managers their provider's whole day.
async fn today_visits<D: Database>(cx: &Context<'_, D>) -> Result<TodayVisits, ApiError> {
    let date = prague_date(cx.now);
    let (day_start, day_end) = prague_day_bounds(date);
    let visits = route_visits(cx, day_start, day_end).await?;
    Ok(TodayVisits { date, visits })
}

/// Today's route and the next days', for the caregiver's phone to keep offline.
async fn upcoming_visits<D: Database>(cx: &Context<'_, D>) -> Result<UpcomingVisits, ApiError> {
    let from = prague_date(cx.now);
    let to = from + chrono::Duration::days(UPCOMING_DAYS - 1);
    let visits = route_visits(cx, prague_day_bounds(from).0, prague_day_bounds(to).1).await?;
    Ok(UpcomingVisits { from, to, visits })
}

/// The visits starting in `[day_start, day_end)`: a caregiver's own, a coordinator's or
/// manager's whole provider's; every one read is audited.
async fn route_visits<D: Database>(
    cx: &Context<'_, D>,
    day_start: chrono::DateTime<chrono::Utc>,
    day_end: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<VisitView>, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?.to_owned();
    let mut filter = String::from("v.provider_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3");
    let mut params: Vec<Value> = vec![
        provider_id.as_str().into(),
        timestamp::format(day_start).into(),
        timestamp::format(day_end).into(),
    ];
    if caller.role() == Role::Caregiver {
        filter.push_str(" AND v.caregiver_id = $4");
        params.push(caller.user.user_id.clone().into());
    }
    let rows = cx
        .db
        .query(
            &format!(
                "SELECT v.id, v.client_id, v.starts_at, v.ends_at, v.status, c.name AS client_name, \
                        c.street, m.name AS municipality, c.doorstep_note, c.latitude, c.longitude \
                 FROM visits v \
                 JOIN clients c ON c.id = v.client_id \
                 JOIN municipalities m ON m.code = c.municipality_code \
                 WHERE {filter} ORDER BY v.starts_at, v.id"
            ),
            &params,
        )
        .await?;
    let task_rows = cx
        .db
        .query(
            &format!(
                "SELECT vt.visit_id, t.name FROM visit_tasks vt \
                 JOIN care_tasks t ON t.code = vt.task_code \
                 JOIN visits v ON v.id = vt.visit_id \
                 WHERE {filter} ORDER BY t.position"
            ),
            &params,
        )
        .await?;
    let mut tasks: HashMap<String, Vec<String>> = HashMap::new();
    for row in task_rows {
        tasks
            .entry(row.text("visit_id")?)
            .or_default()
            .push(row.text("name")?);
    }
    let mut client_ids: HashMap<String, String> = HashMap::new();
    let visits = rows
        .into_iter()
        .map(|row| {
            let id = row.text("id")?;
            let status = visit_status(&row)?;
            client_ids.insert(id.clone(), row.text("client_id")?);
            Ok(VisitView {
                tasks: tasks.remove(&id).unwrap_or_default(),
                id,
                client_name: row.text("client_name")?,
                address: row.text("street")?,
                municipality: row.text("municipality")?,
                starts_at: timestamp::parse(&row.text("starts_at")?)?,
                ends_at: timestamp::parse(&row.text("ends_at")?)?,
                status,
                doorstep_note: row.optional_text("doorstep_note")?,
                location: GeoPoint {
                    latitude: row.real("latitude")?,
                    longitude: row.real("longitude")?,
                },
            })
        })
        .collect::<Result<Vec<_>, platform::DbError>>()?;
    let subjects: Vec<Subject> = visits
        .iter()
        .map(|visit| Subject {
            entity: "visit",
            entity_id: Some(&visit.id),
            client_id: client_ids.get(&visit.id).map(String::as_str),
            provider_id: Some(&provider_id),
        })
        .collect();
    audit::record_many(cx.db, caller, Action::Read, &subjects, cx.now).await?;
    Ok(visits)
}

/// The client, if the caller may see them: staff of the client's provider, or a family
/// member linked to the client. Anyone else is told the client does not exist.
async fn visible_client<D: Database>(
    cx: &Context<'_, D>,
    client_id: &str,
) -> Result<(String, String), ApiError> {
    let caller = cx.caller()?;
    let row = match caller.role() {
        Role::FamilyMember => {
            cx.db
                .query_one(
                    "SELECT c.name, c.provider_id FROM clients c \
                     JOIN family_links l ON l.client_id = c.id \
                     WHERE c.id = $1 AND l.user_id = $2 AND l.revoked_at IS NULL",
                    &[client_id.into(), caller.user.user_id.as_str().into()],
                )
                .await?
        }
        _ => {
            cx.db
                .query_one(
                    "SELECT name, provider_id FROM clients WHERE id = $1 AND provider_id = $2",
                    &[client_id.into(), caller.user.provider_id.clone().into()],
                )
                .await?
        }
    };
    let row = row.ok_or(ApiError::NotFound("Klient"))?;
    Ok((row.text("name")?, row.text("provider_id")?))
}

async fn client_visits<D: Database>(cx: &Context<'_, D>) -> Result<ClientVisits, ApiError> {
    let caller = cx.caller()?;
    let client_id = cx.params.get("client_id").unwrap_or_default();
    let (client_name, provider_id) = visible_client(cx, client_id).await?;
    let from = prague_date(cx.now);
    let (start, _) = prague_day_bounds(from);
    let (_, end) = prague_day_bounds(from + chrono::Duration::days(CLIENT_SCHEDULE_DAYS - 1));
    let visits = cx
        .db
        .query(
            "SELECT v.id, v.starts_at, v.ends_at, v.status, u.display_name AS caregiver_name \
             FROM visits v LEFT JOIN users u ON u.id = v.caregiver_id \
             WHERE v.client_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3 \
             ORDER BY v.starts_at, v.id",
            &[
                client_id.into(),
                timestamp::format(start).into(),
                timestamp::format(end).into(),
            ],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(FamilyVisitView {
                id: row.text("id")?,
                starts_at: timestamp::parse(&row.text("starts_at")?)?,
                ends_at: timestamp::parse(&row.text("ends_at")?)?,
                caregiver_name: row.optional_text("caregiver_name")?,
                status: visit_status(row)?,
            })
        })
        .collect::<Result<Vec<_>, platform::DbError>>()?;
    let subject = Subject {
        entity: "client_schedule",
        entity_id: Some(client_id),
        client_id: Some(client_id),
        provider_id: Some(&provider_id),
    };
    audit::record(cx.db, caller, Action::Read, subject, cx.now).await?;
    Ok(ClientVisits {
        client_id: client_id.to_owned(),
        client_name,
        from,
        visits,
    })
}

/// The clients a family member is linked to, by name.
async fn linked_clients<D: Database>(cx: &Context<'_, D>) -> Result<Vec<LinkedClient>, ApiError> {
    let caller = cx.caller()?;
    let clients = cx
        .db
        .query(
            "SELECT c.id, c.name, p.name AS provider_name FROM family_links l \
             JOIN clients c ON c.id = l.client_id JOIN providers p ON p.id = c.provider_id \
             WHERE l.user_id = $1 AND l.revoked_at IS NULL ORDER BY c.name, c.id",
            &[caller.user.user_id.as_str().into()],
        )
        .await?
        .iter()
        .map(|row| {
            Ok(LinkedClient {
                client_id: row.text("id")?,
                client_name: row.text("name")?,
                provider_name: row.text("provider_name")?,
            })
        })
        .collect::<Result<Vec<_>, platform::DbError>>()?;
    Ok(clients)
}

fn visit_status(row: &platform::Row) -> Result<VisitStatus, platform::DbError> {
    row.parsed("status", "a visit status", VisitStatus::parse)
}

platform::spin_component!(Scheduling);
