//! `/klienti/novy`: taking in a new client — their record, the first care plan and its
//! recurring visits — and planning the coming weeks from it.

pub mod state;
mod view;
mod visit_row;

use chrono::Utc;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::{CareTask, Municipality};
use shared::clients::ClientDetail;
use shared::identity::roles;
use shared::planning::week::week_start;
use shared::schedule::BoardCaregiver;
use shared::time::prague_date;

use crate::clients::api;
use crate::remote::{self, ApiError};
use crate::session::{RequireRole, Session, loader};
use crate::ui::form::FormAction;
use crate::ui::{ErrorPanel, Loading, Remote};
use state::{Intake, in_plan, in_visit_row};
use view::{IntakeForm, PlanWeeks};

/// What the intake form needs to offer: the tasks, the region's municipalities and the
/// provider's caregivers.
#[derive(Debug, Clone)]
pub struct Choices {
    pub catalogue: Vec<CareTask>,
    pub municipalities: Vec<Municipality>,
    pub caregivers: Vec<BoardCaregiver>,
}

async fn choices() -> Result<Choices, ApiError> {
    let monday = week_start(prague_date(Utc::now()));
    Ok(Choices {
        catalogue: remote::task_catalogue().await?,
        municipalities: remote::municipalities().await?,
        caregivers: remote::week_board(monday).await?.caregivers,
    })
}

/// `/klienti/novy`.
#[component]
pub fn IntakePage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::PLANNERS>
            <IntakeLoader />
        </RequireRole>
    }
}

/// What of an intake the server already holds, so that sending again after an error
/// continues where it stopped instead of taking the client in twice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Saved {
    client_id: Option<String>,
    plan: bool,
    visits: usize,
}

/// An error of one step, its field named as the form names it.
fn renamed(error: ApiError, rename: impl Fn(ErrorDetail) -> ErrorDetail) -> ApiError {
    match error {
        ApiError::Http { status, error } => ApiError::Http {
            status,
            error: rename(error),
        },
        unreachable => unreachable,
    }
}

/// Sends the client, then the plan, then each recurring visit.
async fn take_in(intake: Intake, saved: RwSignal<Saved>) -> Result<ClientDetail, ApiError> {
    let client = match saved.get_untracked().client_id {
        Some(id) => api::replace_client(id, intake.client).await?,
        None => api::create_client(intake.client).await?,
    };
    saved.update(|s| s.client_id = Some(client.id.clone()));
    if !saved.get_untracked().plan {
        api::save_care_plan(client.id.clone(), intake.plan)
            .await
            .map_err(|error| renamed(error, in_plan))?;
        saved.update(|s| s.plan = true);
    }
    let already = saved.get_untracked().visits;
    for (row, mut visit) in intake.visits.into_iter().enumerate().skip(already) {
        visit.client_id = client.id.clone();
        api::add_template(visit)
            .await
            .map_err(|error| renamed(error, |detail| in_visit_row(row, detail)))?;
        saved.update(|s| s.visits = row + 1);
    }
    Ok(client)
}

#[component]
fn IntakeLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, choices) = loader(session, choices);
    let saved = RwSignal::new(Saved::default());
    let send = FormAction::new(move |intake: Intake| take_in(intake, saved));
    // A memo: a failed send leaves it `None` and so keeps the form and what it holds.
    let taken = Memo::new(move |_| match send.value().get() {
        Some(Ok(client)) => Some(client),
        _ => None,
    });
    view! {
        <section class="intake-page" aria-labelledby="intake-heading">
            <h1 id="intake-heading">"Nový klient"</h1>
            {move || match (taken.get(), choices.get()) {
                (Some(client), _) => view! { <PlanWeeks client=client /> }.into_any(),
                (None, Remote::Loading) => view! { <Loading /> }.into_any(),
                (None, Remote::Failed(error)) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                (None, Remote::Loaded(choices)) => {
                    view! { <IntakeForm choices=choices send=send /> }.into_any()
                }
            }}
        </section>
    }
}
