//! `/pecovatele/{id}`: what the planner knows of a caregiver — skills, weekly shifts,
//! contract hours, home base — and the caregiver's absences.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;
use shared::planning::input::{AbsenceInput, CaregiverProfileInput};

use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::{Alert, FormAction};
use crate::ui::{ErrorPanel, Loading, Remote, page_title};
use crate::{paths, remote};
use view::{AbsenceForm, ProfileForm, absence_row};

/// `/pecovatele/{id}`.
#[component]
pub fn CaregiverPage() -> impl IntoView {
    let params = use_params_map();
    let user_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    view! {
        <RequireRole roles=roles::PLANNERS>
            {move || view! { <CaregiverLoader user_id=user_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn CaregiverLoader(user_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let profile_id = user_id.clone();
    let (load, profile) = loader(session, move || api::caregiver_profile(profile_id.clone()));
    let (load_places, places) = loader(session, remote::municipalities);
    let absences_id = user_id.clone();
    let (load_absences, absences) = loader(session, move || {
        api::caregiver_absences(absences_id.clone())
    });
    let save_id = user_id.clone();
    let save = FormAction::new(move |input: CaregiverProfileInput| {
        api::save_caregiver_profile(save_id.clone(), input)
    });
    let add_id = user_id.clone();
    let add = FormAction::new(move |input: AbsenceInput| api::add_absence(add_id.clone(), input));
    let saved = RwSignal::new(false);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => saved.set(true),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            load_absences.run(());
        }
    });
    let delete_id = StoredValue::new(user_id);
    let delete_error = RwSignal::new(None::<String>);
    let delete = Callback::new(move |absence_id: String| {
        let user_id = delete_id.get_value();
        delete_error.set(None);
        leptos::task::spawn_local(async move {
            match api::delete_absence(user_id, absence_id).await {
                Ok(()) => load_absences.run(()),
                Err(error) => {
                    signed_out_if_expired(session, &error);
                    let _ = delete_error.try_set(Some(error.message().to_owned()));
                }
            }
        });
    });
    let heading = move || match profile.get() {
        Remote::Loaded(loaded) => {
            page_title(&format!("Pracovník – {}", loaded.name));
            format!("{}: směny, dovednosti a nepřítomnosti", loaded.name)
        }
        _ => "Pracovník: směny, dovednosti a nepřítomnosti".to_owned(),
    };
    view! {
        <section class="caregiver-page" aria-labelledby="caregiver-heading">
            <h1 id="caregiver-heading">{heading}</h1>
            <p>
                <a href=paths::WEEK>"← Týdenní plán"</a>
            </p>
            {move || match (profile.get(), places.get()) {
                (Remote::Failed(error), _) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                (_, Remote::Failed(error)) => {
                    view! { <ErrorPanel message=error.message on_retry=load_places /> }.into_any()
                }
                (Remote::Loaded(loaded), Remote::Loaded(places)) => {
                    view! { <ProfileForm profile=loaded.profile municipalities=places save=save saved=saved /> }
                        .into_any()
                }
                _ => view! { <Loading /> }.into_any(),
            }}
            <section class="card" aria-labelledby="absences-heading">
                <h2 id="absences-heading">"Nepřítomnosti"</h2>
                <Alert message=delete_error />
                {move || match absences.get() {
                    Remote::Loading => view! { <Loading /> }.into_any(),
                    Remote::Failed(error) => {
                        view! { <ErrorPanel message=error.message on_retry=load_absences /> }
                            .into_any()
                    }
                    Remote::Loaded(list) if list.is_empty() => {
                        view! { <p class="empty">"Žádné zapsané nepřítomnosti."</p> }.into_any()
                    }
                    Remote::Loaded(list) => {
                        view! {
                            <ul class="absences">
                                {list.into_iter().map(|absence| absence_row(absence, delete)).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
                <AbsenceForm add=add />
            </section>
        </section>
    }
}
