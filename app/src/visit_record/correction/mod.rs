//! "Opravit": the caregiver corrects her own record of a done visit, from any device, with
//! a connection or without. Her record as it stands is kept on the phone (from her sync, or
//! read from the server when she opens it online); the correction goes into the outbox
//! under a key the phone makes, the card reads it at once, and it is sent when the signal
//! returns, stored once on the server as a new version beside the original. The office
//! corrects it after `shared::records::correction` closes her window.

pub mod state;
pub mod view;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::ErrorDetail;
use shared::records::correction::caregiver_may_correct;
use shared::schedule::VisitView;

use crate::offline_store;
use crate::remote::{self, ApiError};
use crate::session::signed_out_if_expired;
use crate::ui::form::field_error;
use crate::visit_record::forms::with_forms;
use crate::visit_record::outbox::{KeptRecord, Outbox};
use crate::visit_record::{CATALOGUE_MISSING, Offline, api, store_failed};
use state::{CorrectionDraft, build_correction, corrected_text, own_record};
use view::CorrectionFormProps;

/// Where her correction of a visit stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Closed,
    Loading,
    Editing(KeptRecord),
    /// The record cannot be corrected from here; why, in Czech.
    Unavailable(String),
}

const NOT_HERS: &str =
    "Záznam této návštěvy pořídil jiný pracovník; opravit ho může on nebo koordinátor.";
const NOT_KEPT: &str =
    "Tento záznam není uložen v telefonu; opravit ho půjde s připojením k internetu.";
const WINDOW_CLOSED: &str = "Tento záznam už může opravit jen koordinátor.";
const CORRECTION_WAITING: &str = "Oprava je uložena v telefonu a čeká na odeslání.";

/// The phone could not keep her correction.
fn store_error() -> ErrorDetail {
    field_error("record", store_failed())
}

impl Offline {
    /// Sends her waiting corrections, one by one; stops at the first the server cannot take
    /// now (it stays for the next run). Whether the server was out of reach.
    pub(super) async fn send_corrections(self, user_id: &str) -> bool {
        for queued in self
            .outbox
            .with_untracked(|o| o.corrections_to_send(user_id))
        {
            let answer =
                api::correct_record(queued.record_id.clone(), queued.correction.clone()).await;
            let now = Utc::now();
            let change: Box<dyn FnOnce(&mut Outbox)> = match answer {
                Ok(record) => Box::new(move |o| o.correction_sent(&queued, &record, now)),
                Err(ApiError::Unreachable) => return true,
                Err(error @ ApiError::Http { status, .. })
                    if status >= 500 || error.is_unauthenticated() =>
                {
                    signed_out_if_expired(self.session, &error);
                    self.sync_error.set(Some(format!(
                        "Opravu se nepodařilo odeslat. {}",
                        error.message()
                    )));
                    return false;
                }
                Err(error) => Box::new(move |o| o.correction_refused(&queued, error.message())),
            };
            if self.change(change).await.is_err() {
                self.sync_error.set(Some(store_failed()));
                return false;
            }
        }
        false
    }
}

/// Under a done visit: "Opravit" (never a new record), the correction form, and the record
/// as corrected.
#[component]
pub fn RecordCorrection(visit: VisitView) -> impl IntoView {
    let offline = expect_context::<Offline>();
    let user_id = offline.signed_in_user();
    let may_correct = caregiver_may_correct(visit.starts_at, Utc::now());
    let visit = StoredValue::new(visit);
    let stage = RwSignal::new(Stage::Closed);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorDetail>);
    let kept = Memo::new(move |_| {
        offline
            .outbox
            .with(|o| user_id.with_value(|me| visit.with_value(|v| o.kept(me, &v.id).cloned())))
    });
    let waiting = Memo::new(move |_| {
        offline.outbox.with(|o| {
            user_id.with_value(|me| visit.with_value(|v| o.correction_waiting(me, &v.id)))
        })
    });

    // Online, her record is read as the server has it (the office may have corrected it);
    // without a connection, or with a correction of hers still waiting, as the phone keeps it.
    let open = move |_| {
        stage.set(Stage::Loading);
        error.set(None);
        spawn_local(async move {
            let me = user_id.get_value();
            let visit_id = visit.with_value(|v| v.id.clone());
            let local = move || match kept.get_untracked() {
                Some(record) => Stage::Editing(record),
                None => Stage::Unavailable(NOT_KEPT.to_owned()),
            };
            let next = if !offline.online.get_untracked() || waiting.get_untracked() {
                local()
            } else {
                match remote::visit_records(visit_id.clone()).await {
                    Ok(records) => match own_record(&records.records, &me)
                        .and_then(|record| Some((record, record.versions.last()?)))
                    {
                        Some((record, version)) => {
                            let record = KeptRecord::of_version(
                                &me,
                                &visit_id,
                                &record.record_id,
                                version,
                                Utc::now(),
                            );
                            let keep = record.clone();
                            let _ = offline.change(move |o| o.keep(keep)).await;
                            Stage::Editing(record)
                        }
                        None => Stage::Unavailable(NOT_HERS.to_owned()),
                    },
                    Err(ApiError::Unreachable) => local(),
                    Err(failure) => {
                        signed_out_if_expired(offline.session, &failure);
                        Stage::Unavailable(failure.message().to_owned())
                    }
                }
            };
            let _ = stage.try_set(next);
        });
    };
    let save = move |record: KeptRecord| {
        Callback::new(move |draft: CorrectionDraft| {
            let Some(catalogue) = offline.catalogue.get_untracked() else {
                return;
            };
            let Ok(correction_id) = offline_store::new_uuid() else {
                error.set(Some(store_error()));
                return;
            };
            let input =
                match build_correction(&record, correction_id, &draft, &catalogue, Utc::now()) {
                    Ok(input) => input,
                    Err(detail) => {
                        error.set(Some(detail));
                        return;
                    }
                };
            pending.set(true);
            let (me, visit_id, client) = (
                user_id.get_value(),
                visit.with_value(|v| v.id.clone()),
                visit.with_value(|v| v.client_name.clone()),
            );
            spawn_local(async move {
                let now = Utc::now();
                let kept = offline
                    .change(|o| o.correct(&me, &visit_id, &client, input, now))
                    .await;
                pending.set(false);
                match kept {
                    Ok(()) => {
                        stage.set(Stage::Closed);
                        if offline.online.get_untracked() {
                            offline.sync(me);
                        }
                    }
                    Err(_) => error.set(Some(store_error())),
                }
            });
        })
    };

    let button = move || {
        view! {
            <button type="button" class="button record-correct" on:click=open>
                "Opravit"
            </button>
        }
    };
    let done = move || {
        kept.get().and_then(|record| corrected_text(&record)).map(|text| {
            view! {
                <p class="record-corrected" role="status">
                    {text}
                </p>
                {waiting.get().then(|| view! { <p class="record-state waiting">{CORRECTION_WAITING}</p> })}
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
            Stage::Editing(record) => match offline.catalogue.get_untracked() {
                None => view! { <p class="hint">{CATALOGUE_MISSING}</p> }.into_any(),
                Some(catalogue) => {
                    let draft = CorrectionDraft::of(&record);
                    let on_save = save(record);
                    with_forms(move |forms| {
                        (forms.correction)(
                            CorrectionFormProps::builder()
                                .visit(visit.get_value())
                                .catalogue(catalogue.clone())
                                .draft(draft.clone())
                                .pending(pending)
                                .error(error)
                                .on_edit(Callback::new(move |()| error.set(None)))
                                .on_save(on_save)
                                .on_cancel(Callback::new(move |()| stage.set(Stage::Closed)))
                                .build(),
                        )
                    })
                }
            },
        }
    };
    view! {
        {done}
        {body}
    }
}
