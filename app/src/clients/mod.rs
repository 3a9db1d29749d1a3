//! `/klienti` and `/klienti/{id}/plan`: the provider's clients, and a client's care plan
//! (individuální plán) with its history, its recurring visits and the monthly statement;
//! `/klienti/{id}/rodina`: who of the client's family sees the schedule.

mod allowance;
pub mod api;
pub mod family;
pub mod feeds;
pub mod intake;
mod service_end;
pub mod state;
pub mod view;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;
use shared::planning::input::CarePlanInput;

use crate::paths;
use crate::remote;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::FormAction;
use crate::ui::{ErrorPanel, Loading, Remote, page_title};
use allowance::CareAllowance;
pub use family::ClientFamilyPage;
pub use intake::IntakePage;
use service_end::ServiceEnd;
use view::{PlanView, StatementLinks, client_row};

/// `/klienti`: the register.
#[component]
pub fn ClientsPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::PLANNERS>
            <ClientsLoader />
        </RequireRole>
    }
}

#[component]
fn ClientsLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, clients) = loader(session, api::clients);
    view! {
        <section class="clients-page" aria-labelledby="clients-heading">
            <h1 id="clients-heading">"Klienti"</h1>
            <p class="actions">
                <a class="button" href=paths::INTAKE>
                    "Přijmout nového klienta"
                </a>
            </p>
            {move || match clients.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                Remote::Loaded(clients) if clients.is_empty() => {
                    view! { <p class="empty">"Poskytovatel zatím nemá žádné klienty."</p> }.into_any()
                }
                Remote::Loaded(clients) => {
                    view! {
                        <ul class="client-list">
                            {clients.into_iter().map(client_row).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// `/klienti/{id}/plan`: the care plan and the statements.
#[component]
pub fn CarePlanPage() -> impl IntoView {
    let params = use_params_map();
    let client_id = Memo::new(move |_| params.with(|p| p.get("client_id").unwrap_or_default()));
    view! {
        <RequireRole roles=roles::PLANNERS>
            {move || view! { <CarePlanLoader client_id=client_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn CarePlanLoader(client_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let plan_id = client_id.clone();
    let (load, plan) = loader(session, move || api::care_plan(plan_id.clone()));
    let record_id = client_id.clone();
    let (load_client, client) = loader(session, move || api::client(record_id.clone()));
    let (_, catalogue) = loader(session, remote::task_catalogue);
    let save_id = client_id.clone();
    let save =
        FormAction::new(move |input: CarePlanInput| api::save_care_plan(save_id.clone(), input));
    let end_id = client_id.clone();
    let end = FormAction::new(move |input| api::end_service(end_id.clone(), input));
    let allowance_id = client_id.clone();
    let allowance = FormAction::new(move |input| api::replace_client(allowance_id.clone(), input));
    Effect::new(move |_| match allowance.value().get() {
        Some(Ok(_)) => load_client.run(()),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => load.run(()),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| match end.value().get() {
        Some(Ok(_)) => {
            load.run(());
            load_client.run(());
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let statement_id = client_id.clone();
    let heading = move || match client.get() {
        Remote::Loaded(client) => {
            page_title(&format!("Plán péče – {}", client.input.name));
            format!("Plán péče: {}", client.input.name)
        }
        _ => "Plán péče".to_owned(),
    };
    view! {
        <section class="care-plan-page" aria-labelledby="plan-heading">
            <h1 id="plan-heading">{heading}</h1>
            <p>
                <a href=paths::CLIENTS>"← Všichni klienti"</a>
            </p>
            {move || match (plan.get(), catalogue.get()) {
                (Remote::Failed(error), _) | (_, Remote::Failed(error)) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                (Remote::Loaded(plan), Remote::Loaded(catalogue)) => {
                    view! { <PlanView plan=plan catalogue=catalogue save=save /> }.into_any()
                }
                _ => view! { <Loading /> }.into_any(),
            }}
            <StatementLinks client_id=statement_id />
            {move || match client.get() {
                Remote::Loaded(client) => {
                    view! {
                        <CareAllowance client=client.clone() change=allowance />
                        <ServiceEnd client=client end=end />
                    }
                        .into_any()
                }
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load_client /> }.into_any()
                }
                Remote::Loading => view! { <Loading /> }.into_any(),
            }}
        </section>
    }
}
