//! Training. So far: the region's Integrated Training Centres.

mod store;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::{CARE_WORKFORCE, LECTURERS};

#[derive(Debug)]
pub struct Training;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Centres,
}

impl Component for Training {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = &[Route {
        method: Method::Get,
        pattern: "/api/training/centres",
        endpoint: Endpoint::Centres,
        access: Access::Roles(CARE_WORKFORCE),
    }];

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Centres => {
                let caller = cx.caller()?;
                // Lecturers work for their own centres only.
                let lecturer = LECTURERS
                    .contains(&caller.role())
                    .then_some(caller.user.user_id.as_str());
                Ok(ApiResponse::ok(&store::centres(cx.db, lecturer).await?))
            }
        }
    }
}

platform::spin_component!(Training);
