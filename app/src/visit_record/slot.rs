//! Under each visit of a caregiver's day: where its record stands, "Příchod", the record
//! form while the visit is under way, and the correction once the record is sent.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::ErrorDetail;
use shared::schedule::{VisitStatus, VisitView};

use super::correction::RecordCorrection;
use super::forms::with_forms;
use super::outbox::{Outbox, VisitRecordStatus};
use super::state::{DeviceStamp, RecordDraft, build_record};
use super::view::VisitRecordFormProps;
use super::{CATALOGUE_MISSING, Offline, store_failed};
use crate::offline_store;
use crate::ui::form::{Alert, field_error};
use crate::ui::format::time_range;

/// Under a visit on the caregiver's day: where its record stands, and the record form,
/// open from the tap on "arrived" until the record is saved, across reloads and pages.
#[component]
pub fn VisitRecordSlot(visit: VisitView) -> impl IntoView {
    let offline = expect_context::<Offline>();
    offline.start();
    let user_id = offline.signed_in_user();
    let visit = StoredValue::new(visit);
    let status = Memo::new(move |_| {
        offline
            .outbox
            .with(|o| user_id.with_value(|user| visit.with_value(|v| o.visit_status(user, &v.id))))
    });
    let open = Memo::new(move |_| {
        offline.outbox.with(|o| {
            user_id.with_value(|user| visit.with_value(|v| o.open_visit(user, &v.id).is_some()))
        })
    });
    // The times as her record now reads (corrected on this phone too), else as the route
    // says.
    let recorded = Memo::new(move |_| {
        let kept = offline.outbox.with(|o| {
            user_id.with_value(|user| {
                visit.with_value(|v| o.kept(user, &v.id).map(|k| (k.arrived_at, k.left_at)))
            })
        });
        kept.or_else(|| {
            visit.with_value(|v| {
                v.recorded
                    .map(|outcome| (outcome.arrived_at, outcome.left_at))
            })
        })
    });
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorDetail>);
    let change = move |change: fn(&mut Outbox, &str, &str)| {
        let (user, visit_id) = (user_id.get_value(), visit.with_value(|v| v.id.clone()));
        offline.change_later(move |outbox| change(outbox, &user, &visit_id));
    };

    let save = Callback::new(move |draft: RecordDraft| {
        let Some(catalogue) = offline.catalogue.get_untracked() else {
            return;
        };
        pending.set(true);
        spawn_local(async move {
            let result: Result<(), ErrorDetail> = async {
                let failed = |_| field_error("record", store_failed());
                let stamp = DeviceStamp {
                    record_id: offline_store::new_uuid().map_err(failed)?,
                    device_id: offline_store::device_id().await.map_err(failed)?,
                    now: Utc::now(),
                };
                let visit = visit.get_value();
                let record = build_record(&visit, &draft, &catalogue, stamp)?;
                offline
                    .save_record(user_id.get_value(), visit.client_name, record)
                    .await
                    .map_err(failed)
            }
            .await;
            pending.set(false);
            error.set(result.err());
        });
    });
    // Recorded on another device or cancelled meanwhile: the server wins, and a check-in
    // on this phone ends (no second record, no bar for a visit that is over).
    Effect::new(move |_| {
        if open.get() && visit.with_value(|v| v.status) != VisitStatus::Planned {
            change(Outbox::cancel_check_in);
        }
    });
    let check_in = move |_| {
        error.set(None);
        let (user, client) = (
            user_id.get_value(),
            visit.with_value(|v| v.client_name.clone()),
        );
        let visit_id = visit.with_value(|v| v.id.clone());
        let now = Utc::now();
        offline.change_later(move |outbox| outbox.check_in(&user, &visit_id, &client, now));
    };

    move || {
        let recorded_elsewhere = visit.with_value(|v| v.status);
        let state = match status.get() {
            VisitRecordStatus::Waiting => Some((
                "record-state waiting",
                "Záznam je uložen v telefonu a čeká na odeslání.".to_owned(),
            )),
            VisitRecordStatus::Sent => Some((
                "record-state sent",
                "Záznam návštěvy je odeslán.".to_owned(),
            )),
            VisitRecordStatus::Refused(_) => Some((
                "record-state refused",
                "Záznam server nepřijal; podrobnosti jsou nahoře u odesílání záznamů.".to_owned(),
            )),
            VisitRecordStatus::NotRecorded => match recorded_elsewhere {
                VisitStatus::Done => Some(("record-state sent", recorded_text(recorded.get()))),
                VisitStatus::Cancelled => Some(("record-state", "Návštěva je zrušena.".to_owned())),
                VisitStatus::Planned => None,
            },
        };
        if let Some((class, state)) = state {
            // A record on the server is corrected, never made again.
            let correction = (class == "record-state sent")
                .then(|| view! { <RecordCorrection visit=visit.get_value() /> });
            return view! {
                <p class=class role="status">{state}</p>
                {correction}
            }
            .into_any();
        }
        if !open.get() {
            return view! {
                <button
                    type="button"
                    class="button button-primary record-open"
                    on:click=check_in
                >
                    "Příchod – zaznamenat návštěvu"
                </button>
            }
            .into_any();
        }
        // Tracks only whether a catalogue is kept: a refreshed catalogue must not reset a
        // half-filled form.
        let draft = offline.outbox.with_untracked(|o| {
            user_id.with_value(|user| {
                visit.with_value(|v| o.open_visit(user, &v.id).map(|open| open.draft.clone()))
            })
        });
        match offline
            .catalogue
            .with(Option::is_some)
            .then(|| offline.catalogue.get_untracked())
            .flatten()
        {
            None => view! { <Alert message=Signal::stored(Some(CATALOGUE_MISSING.to_owned())) /> }
                .into_any(),
            Some(catalogue) => {
                let draft = draft.unwrap_or_default();
                let on_change = Callback::new(move |draft: RecordDraft| {
                    error.set(None);
                    let (user, visit_id) =
                        (user_id.get_value(), visit.with_value(|v| v.id.clone()));
                    offline.change_later(move |outbox| outbox.keep_draft(&user, &visit_id, draft));
                });
                let on_cancel = Callback::new(move |()| change(Outbox::cancel_check_in));
                with_forms(move |forms| {
                    (forms.record)(
                        VisitRecordFormProps::builder()
                            .visit(visit.get_value())
                            .catalogue(catalogue.clone())
                            .draft(draft.clone())
                            .pending(pending)
                            .error(error)
                            .on_change(on_change)
                            .on_save(save)
                            .on_cancel(on_cancel)
                            .build(),
                    )
                })
            }
        }
    }
}

/// What a done visit's card says when the record is on the server (made on any device):
/// the times it now reads.
fn recorded_text(times: Option<(DateTime<Utc>, DateTime<Utc>)>) -> String {
    match times {
        Some((arrived_at, left_at)) => format!(
            "Návštěva je zaznamenána: {}.",
            time_range(arrived_at, left_at)
        ),
        None => "Návštěva je zaznamenána.".to_owned(),
    }
}

/// What ends each visit's card on a caregiver's day: the record slot, for the day's page.
pub fn record_slot(visit: VisitView) -> AnyView {
    view! { <VisitRecordSlot visit=visit /> }.into_any()
}
