//! Training: `/skoleni` for provider staff (my hours, my trainings, the catalogue; a manager
//! also enrols her staff and sees their standing), `/lektor` for lecturers (their runs, the
//! roll and attendance on a tablet, offline too; certificates), `/skoleni/kraj` for the
//! region (compliance counts), and the public `/overeni/{code}` and printable
//! `/osvedceni/{code}`.

pub mod api;
mod certificate;
mod employment;
mod lecturer;
mod offer;
pub mod roll;
mod staff;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::{Role, roles};
use shared::training::StaffEnrolmentRequest;

use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::{Remote, remote_view};
pub use certificate::{CertificatePage, VerifyPage};
pub use lecturer::LecturerPage;
use staff::{ManagersStaffStanding, StaffSection};
use view::{Catalogue, ComplianceTables, MyTrainings, StandingPanel};

/// `/skoleni`: every provider's staff.
#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::PROVIDER_STAFF>
            <TrainingLoader />
        </RequireRole>
    }
}

/// What an enrolment button asks: herself, or one of the manager's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnrolRequest {
    Me(String),
    CancelMe(String),
    Staff(StaffEnrolmentRequest),
}

#[component]
fn TrainingLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let manager = session
        .me_now()
        .is_some_and(|me| me.role == Role::ProviderManager);
    let (reload_standing, standing) = loader(session, api::my_standing);
    let (reload_mine, mine) = loader(session, api::my_trainings);
    let (reload_runs, runs) = loader(session, api::runs);
    let (reload_staff, staff) = loader(session, move || async move {
        if manager {
            api::staff_standing().await
        } else {
            Ok(Vec::new())
        }
    });
    let notice = RwSignal::new(None::<String>);
    let enrol = Action::new_local(move |request: &EnrolRequest| {
        let request = request.clone();
        async move {
            match request {
                EnrolRequest::Me(run_id) => api::enrol_me(run_id).await,
                EnrolRequest::CancelMe(run_id) => api::cancel_me(run_id).await,
                EnrolRequest::Staff(request) => api::enrol_staff(request).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = enrol.value().get() {
            match result {
                Ok(outcome) => notice.set(Some(view::outcome_text(outcome))),
                Err(error) => {
                    signed_out_if_expired(session, &error);
                    notice.set(Some(error.message().to_owned()));
                }
            }
            reload_mine.run(());
            reload_runs.run(());
            reload_standing.run(());
        }
    });
    let on_enrol = Callback::new(move |request: EnrolRequest| {
        enrol.dispatch(request);
    });
    let staff_names = Signal::derive(move || match staff.get() {
        Remote::Loaded(staff) => staff
            .into_iter()
            .map(|s| (s.worker_id, s.name))
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    view! {
        <section class="training-page" aria-labelledby="training-heading">
            <h1 id="training-heading">"Školení"</h1>
            <p class="notice" role="status" aria-live="polite">
                {move || notice.get()}
            </p>
            <h2>"Moje hodiny letos"</h2>
            {remote_view(
                standing.into(),
                reload_standing,
                |standing| view! { <StandingPanel standing=standing /> },
            )}
            <h2>"Moje školení"</h2>
            {remote_view(
                mine.into(),
                reload_mine,
                move |trainings| view! { <MyTrainings trainings=trainings on_enrol=on_enrol /> },
            )}
            {manager
                .then(|| {
                    let section = StaffSection {
                        staff,
                        reload_staff,
                        notice,
                        reload_standing,
                    };
                    view! { <ManagersStaffStanding section=section /> }
                })}
            <h2>"Nabídka kurzů"</h2>
            {remote_view(
                runs.into(),
                reload_runs,
                move |runs| {
                    view! { <Catalogue runs=runs staff=staff_names on_enrol=on_enrol /> }
                },
            )}
        </section>
    }
}

/// `/skoleni/kraj`: the region's compliance overview, counts only.
#[component]
pub fn RegionTrainingPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::REGIONAL>
            <RegionLoader />
        </RequireRole>
    }
}

#[component]
fn RegionLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (reload, compliance) = loader(session, api::compliance);
    view! {
        <section class="training-page" aria-labelledby="compliance-heading">
            <h1 id="compliance-heading">"Plnění povinnosti vzdělávání"</h1>
            {remote_view(
                compliance.into(),
                reload,
                |compliance| view! { <ComplianceTables compliance=compliance /> },
            )}
        </section>
    }
}
