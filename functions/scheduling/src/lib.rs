//! Scheduling: the visits of a day, scoped to the caller's provider and, for caregivers,
//! to their own route.

use std::collections::HashMap;

use platform::timestamp;
use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route, Value};
use shared::identity::Role;
use shared::schedule::{TodayVisits, VisitStatus, VisitView};
use shared::time::{prague_date, prague_day_bounds};

#[derive(Debug)]
pub struct Scheduling;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    TodayVisits,
}

impl Component for Scheduling {
    type Endpoint = Endpoint;

    const ROUTES: &'static [Route<Endpoint>] = &[Route {
        method: Method::Get,
        pattern: "/api/schedule/visits/today",
        endpoint: Endpoint::TodayVisits,
        access: Access::Roles(&[Role::Caregiver, Role::Coordinator, Role::ProviderManager]),
    }];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::TodayVisits => Ok(ApiResponse::ok(&today_visits(cx).await?)),
        }
    }
}

/// Caregivers see their own route; coordinators and managers their provider's whole day.
async fn today_visits<D: Database>(cx: &Context<'_, D>) -> Result<TodayVisits, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.user.provider_id.clone().ok_or(ApiError::Forbidden)?;
    let date = prague_date(cx.now);
    let (day_start, day_end) = prague_day_bounds(date);
    let mut filter = String::from("v.provider_id = $1 AND v.starts_at >= $2 AND v.starts_at < $3");
    let mut params: Vec<Value> = vec![
        provider_id.into(),
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
                "SELECT v.id, v.starts_at, v.ends_at, v.status, c.name AS client_name, \
                        c.street, m.name AS municipality, c.doorstep_note \
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
    let visits = rows
        .into_iter()
        .map(|row| {
            let id = row.text("id")?;
            let status_name = row.text("status")?;
            let status = VisitStatus::parse(&status_name).ok_or(platform::DbError::ColumnType {
                column: "status".into(),
                expected: "a visit status",
                found: status_name,
            })?;
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
            })
        })
        .collect::<Result<Vec<_>, platform::DbError>>()?;
    Ok(TodayVisits { date, visits })
}

platform::spin_component!(Scheduling);
