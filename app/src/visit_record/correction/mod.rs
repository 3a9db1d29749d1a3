//! "Opravit": the caregiver corrects her own record of a done visit, from any device. The
//! correction goes to the server at once (online only; the phone says so offline) and is
//! kept there as a new version beside the original; the office corrects it after
//! `shared::records::correction` closes her window.

pub mod state;
pub mod view;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::ErrorDetail;
use shared::records::RecordVersion;
use shared::records::correction::caregiver_may_correct;
use shared::schedule::VisitView;

use crate::remote;
use crate::session::signed_out_if_expired;
use crate::visit_record::{CATALOGUE_MISSING, Offline, api};
use state::{CorrectionDraft, build_correction, corrected_text, own_record};
use view::CorrectionForm;

/// Where her correction of a visit stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Closed,
    Loading,
    Editing {
        record_id: String,
        version: RecordVersion,
    },
    /// The record cannot be corrected from here; why, in Czech.
    Unavailable(String),
}

const OFFLINE_HINT: &str = "Opravu lze odeslat jen s připojením k internetu.";
const NOT_HERS: &str =
    "Záznam této návštěvy pořídil jiný pracovník; opravit ho může on nebo koordinátor.";
const WINDOW_CLOSED: &str = "Tento záznam už může opravit jen koordinátor.";

/// Under a done visit: "Opravit" (never a new record), the correction form, and the record
/// as corrected.
#[component]
pub fn RecordCorrection(visit: VisitView) -> impl IntoView {
    let offline = expect_context::<Offline>();
    let user_id = offline.signed_in_user();
    let may_correct = caregiver_may_correct(visit.starts_at, Utc::now());
    let visit = StoredValue::new(visit);
    let stage = RwSignal::new(Stage::Closed);
    let corrected = RwSignal::new(None::<RecordVersion>);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorDetail>);
    let online = offline.online;

    let open = move |_| {
        stage.set(Stage::Loading);
        spawn_local(async move {
            let visit_id = visit.with_value(|v| v.id.clone());
            let next = match remote::visit_records(visit_id).await {
                Ok(records) => user_id.with_value(|me| match own_record(&records.records, me) {
                    Some(record) => match record.versions.last() {
                        Some(version) => Stage::Editing {
                            record_id: record.record_id.clone(),
                            version: version.clone(),
                        },
                        None => Stage::Unavailable(NOT_HERS.to_owned()),
                    },
                    None => Stage::Unavailable(NOT_HERS.to_owned()),
                }),
                Err(failure) => {
                    signed_out_if_expired(offline.session, &failure);
                    Stage::Unavailable(failure.message().to_owned())
                }
            };
            error.set(None);
            let _ = stage.try_set(next);
        });
    };
    let save = move |record_id: String, version: RecordVersion| {
        Callback::new(move |draft: CorrectionDraft| {
            let Some(catalogue) = offline.catalogue.get_untracked() else {
                return;
            };
            let input = match build_correction(&version, &draft, &catalogue, Utc::now()) {
                Ok(input) => input,
                Err(detail) => {
                    error.set(Some(detail));
                    return;
                }
            };
            pending.set(true);
            let record_id = record_id.clone();
            spawn_local(async move {
                let answer = api::correct_record(record_id, input).await;
                pending.set(false);
                match answer {
                    Ok(record) => {
                        corrected.set(record.versions.last().cloned());
                        stage.set(Stage::Closed);
                    }
                    Err(failure) => {
                        signed_out_if_expired(offline.session, &failure);
                        error.set(Some(failure.detail()));
                    }
                }
            });
        })
    };

    let button = move || {
        view! {
            <button
                type="button"
                class="button record-correct"
                disabled=move || !online.get()
                on:click=open
            >
                "Opravit"
            </button>
            {move || (!online.get()).then(|| view! { <p class="hint correction-offline">{OFFLINE_HINT}</p> })}
        }
    };
    let done = move || {
        corrected.get().map(|version| {
            view! {
                <p class="record-corrected" role="status">
                    {corrected_text(&version)}
                </p>
            }
        })
    };
    let body = move || {
        if !may_correct {
            return view! { <p class="hint">{WINDOW_CLOSED}</p> }.into_any();
        }
        match stage.get() {
            Stage::Closed => button().into_any(),
            Stage::Loading => {
                view! { <p class="hint" role="status">"Načítám záznam…"</p> }.into_any()
            }
            Stage::Unavailable(why) => view! {
                <p class="hint" role="status">{why}</p>
                {button()}
            }
            .into_any(),
            Stage::Editing { record_id, version } => match offline.catalogue.get_untracked() {
                None => view! { <p class="hint">{CATALOGUE_MISSING}</p> }.into_any(),
                Some(catalogue) => view! {
                    <CorrectionForm
                        visit=visit.get_value()
                        catalogue=catalogue
                        draft=CorrectionDraft::of(&version)
                        pending=pending
                        error=error
                        on_edit=Callback::new(move |()| error.set(None))
                        on_save=save(record_id, version)
                        on_cancel=Callback::new(move |()| stage.set(Stage::Closed))
                    />
                }
                .into_any(),
            },
        }
    };
    view! {
        {done}
        {body}
    }
}
