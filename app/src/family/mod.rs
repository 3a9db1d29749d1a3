//! `/rodina`: the family member's home, "kdo přijde kdy".

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::roles;

use crate::remote::ApiError;
use crate::session::{RequireRole, Session, loader};
use crate::ui::Remote;
use state::{ClientSchedule, group_by_prague_day};
use view::FamilySchedule;

/// The linked clients and each one's next two weeks; one client's failure stays with them.
async fn family_schedules() -> Result<Vec<ClientSchedule>, ApiError> {
    let clients = api::my_clients().await?;
    let mut schedules = Vec::with_capacity(clients.len());
    for client in clients {
        let schedule = match api::client_visits(client.client_id.clone()).await {
            Ok(visits) => Remote::Loaded(group_by_prague_day(visits.visits)),
            Err(error) if error.is_unauthenticated() => return Err(error),
            Err(error) => Remote::Failed(error.detail()),
        };
        schedules.push(ClientSchedule { client, schedule });
    }
    Ok(schedules)
}

/// `/rodina`: the family member's home, "kdo přijde kdy".
#[component]
pub fn FamilyPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::FAMILY>
            <FamilyLoader />
        </RequireRole>
    }
}

#[component]
fn FamilyLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, family_schedules);
    view! {
        <section class="family" aria-labelledby="family-heading">
            <h1 id="family-heading">
                <span class="eyebrow">"Příští dva týdny"</span>
                "Kdo přijde kdy"
            </h1>
            <FamilySchedule
                state=state
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        </section>
    }
}
