//! The caregiver's record of a visit, made at the door and kept on the phone until it is
//! sent: the outbox in a signal and in IndexedDB, synced with the server when the app
//! starts, when the connection returns and after each new record; the task catalogue kept
//! for when the network is gone.

pub mod api;
#[cfg(test)]
mod fixtures;
pub mod outbox;
pub mod state;
pub mod view;

use std::collections::BTreeSet;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::identity::Role;
use shared::records::{SyncRequest, VisitRecordInput};
use shared::schedule::VisitView;

use crate::offline_store::{self, STORE_FAILED_MESSAGE, StoreError, keys};
use crate::remote::{self, ApiError};
use crate::session::{Session, signed_out_if_expired};
use crate::ui::form::{Alert, field_error};
use outbox::{Outbox, VisitRecordStatus};
use state::{DeviceStamp, RecordDraft, build_record};
use view::{SyncStatus, VisitRecordForm};

/// The device's offline state, shared through context.
#[derive(Clone, Copy)]
pub struct Offline {
    online: ReadSignal<bool>,
    session: Session,
    outbox: RwSignal<Outbox>,
    /// The outbox has been read from the device: only then is anything sent.
    ready: RwSignal<bool>,
    syncing: RwSignal<bool>,
    /// Runs in a row that found the server unreachable while the phone said online.
    unreachable_runs: RwSignal<u32>,
    sync_error: RwSignal<Option<String>>,
    catalogue: RwSignal<Option<Vec<CareTask>>>,
}

impl std::fmt::Debug for Offline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Offline")
            .field("online", &self.online.get_untracked())
            .field("outbox", &self.outbox.get_untracked())
            .finish_non_exhaustive()
    }
}

/// Shown instead of the record form while the phone has no task catalogue yet.
const CATALOGUE_MISSING: &str =
    "Katalog úkonů ještě není v telefonu uložen. Připojte se prosím k internetu a zkuste to znovu.";

fn store_failed() -> String {
    STORE_FAILED_MESSAGE.to_owned()
}

impl Offline {
    /// Reads what the device keeps and starts syncing whenever a caregiver is signed in
    /// and online.
    pub(crate) fn provide(session: Session) -> Self {
        let online = session.online();
        let offline = Offline {
            online,
            session,
            outbox: RwSignal::new(Outbox::default()),
            ready: RwSignal::new(false),
            syncing: RwSignal::new(false),
            unreachable_runs: RwSignal::new(0),
            sync_error: RwSignal::new(None),
            catalogue: RwSignal::new(None),
        };
        spawn_local(async move {
            match offline_store::load::<Outbox>(keys::OUTBOX).await {
                Ok(stored) => offline.outbox.set(stored.unwrap_or_default()),
                Err(StoreError) => offline.sync_error.set(Some(store_failed())),
            }
            if let Ok(Some(catalogue)) = offline_store::load(keys::CATALOGUE).await {
                offline.catalogue.set(Some(catalogue));
            }
            offline.ready.set(true);
        });
        let me = Memo::new(move |_| session.me());
        Effect::new(move |_| {
            if !offline.ready.get() || !online.get() {
                return;
            }
            let Some((user_id, role)) = me.get() else {
                return;
            };
            // Recording visits is the caregivers' (the server takes records from them only).
            if role == Role::Caregiver {
                offline.refresh_catalogue();
                offline.sync(user_id);
            }
        });
        provide_context(offline);
        offline
    }

    fn refresh_catalogue(self) {
        spawn_local(async move {
            if let Ok(catalogue) = remote::task_catalogue().await {
                let _ = offline_store::save(keys::CATALOGUE, &catalogue).await;
                self.catalogue.set(Some(catalogue));
            }
        });
    }

    /// Sends the caregiver's waiting records, batch after batch, each record at most once
    /// per run; whatever the server could not take stays for the next run.
    pub fn sync(self, user_id: String) {
        if self.syncing.get_untracked() || !self.ready.get_untracked() {
            return;
        }
        self.syncing.set(true);
        spawn_local(async move {
            let mut tried = BTreeSet::new();
            let mut unreachable = false;
            loop {
                let batch: Vec<VisitRecordInput> = self
                    .outbox
                    .with_untracked(|outbox| outbox.to_send(&user_id))
                    .into_iter()
                    .filter(|record| !tried.contains(&record.record_id))
                    .collect();
                if batch.is_empty() {
                    break;
                }
                tried.extend(batch.iter().map(|record| record.record_id.clone()));
                let response = match api::sync_records(SyncRequest { items: batch }).await {
                    Ok(response) => response,
                    Err(error) => {
                        signed_out_if_expired(self.session, &error);
                        unreachable = error == ApiError::Unreachable;
                        // Offline is no error: the records simply wait.
                        let shown = (error != ApiError::Unreachable)
                            .then(|| format!("Záznamy se nepodařilo odeslat. {}", error.message()));
                        self.sync_error.set(shown);
                        break;
                    }
                };
                let now = Utc::now();
                match offline_store::update(keys::OUTBOX, |outbox: &mut Outbox| {
                    outbox.apply(&user_id, &response, now)
                })
                .await
                {
                    Ok(outbox) => {
                        self.outbox.set(outbox);
                        self.sync_error.set(None);
                    }
                    Err(StoreError) => {
                        self.sync_error.set(Some(store_failed()));
                        break;
                    }
                }
            }
            self.syncing.set(false);
            self.retry_if_unreachable(unreachable, user_id);
        });
    }

    /// A phone that says it is online may not reach the server yet (just back in signal,
    /// a captive portal): the records try again by themselves, less and less often.
    fn retry_if_unreachable(self, unreachable: bool, user_id: String) {
        if !unreachable {
            self.unreachable_runs.set(0);
            return;
        }
        if !self.online.get_untracked() {
            return;
        }
        let runs = self.unreachable_runs.get_untracked();
        self.unreachable_runs.set(runs.saturating_add(1));
        set_timeout(
            move || self.sync(user_id),
            std::time::Duration::from_secs(state::retry_delay_seconds(runs)),
        );
    }

    /// Changes the outbox on the device, then in the page.
    async fn change(self, change: impl FnOnce(&mut Outbox)) -> Result<(), StoreError> {
        let outbox = offline_store::update(keys::OUTBOX, change).await?;
        self.outbox.set(outbox);
        Ok(())
    }

    /// Queues a record on the device (resolves once it is stored there), then sends it
    /// when online.
    async fn save_record(
        self,
        user_id: String,
        client_name: String,
        record: VisitRecordInput,
    ) -> Result<(), StoreError> {
        self.change(|outbox| outbox.add(&user_id, &client_name, record))
            .await?;
        if self.online.get_untracked() {
            self.sync(user_id);
        }
        Ok(())
    }

    fn change_later(self, change: impl FnOnce(&mut Outbox) + 'static) {
        spawn_local(async move {
            if self.change(change).await.is_err() {
                self.sync_error.set(Some(store_failed()));
            }
        });
    }
}

/// The sync status for a signed-in caregiver.
#[component]
pub fn CaregiverSyncStatus() -> impl IntoView {
    let offline = expect_context::<Offline>();
    let user_id = Memo::new(move |_| match offline.session.me() {
        Some((user_id, Role::Caregiver)) => Some(user_id),
        _ => None,
    });
    move || {
        user_id.get().map(|user_id| {
            let user_id = StoredValue::new(user_id);
            let of_user = move |read: fn(&Outbox, &str) -> usize| {
                Signal::derive(move || {
                    offline
                        .outbox
                        .with(|o| user_id.with_value(|id| read(o, id)))
                })
            };
            view! {
                <SyncStatus
                    online=offline.online
                    waiting=of_user(Outbox::waiting)
                    last_sync=Signal::derive(move || offline.outbox.with(|o| o.last_sync))
                    syncing=offline.syncing
                    error=offline.sync_error
                    notices=Signal::derive(move || {
                        offline.outbox.with(|o| user_id.with_value(|id| o.notices_for(id)))
                    })
                    refused=Signal::derive(move || {
                        offline.outbox.with(|o| user_id.with_value(|id| o.refused_for(id)))
                    })
                    on_sync=Callback::new(move |()| offline.sync(user_id.get_value()))
                    on_dismiss=Callback::new(move |()| {
                        let user_id = user_id.get_value();
                        offline.change_later(move |outbox| outbox.dismiss_notices(&user_id));
                    })
                    on_discard=Callback::new(move |record_id: String| {
                        offline.change_later(move |outbox| outbox.discard(&record_id));
                    })
                />
            }
        })
    }
}

/// Under a visit on the caregiver's day: where its record stands, and the record form.
#[component]
pub fn VisitRecordSlot(visit: VisitView) -> impl IntoView {
    let offline = expect_context::<Offline>();
    let user_id = offline
        .session
        .me()
        .map(|(user_id, _)| user_id)
        .unwrap_or_default();
    let status = {
        let user_id = user_id.clone();
        let visit_id = visit.id.clone();
        Memo::new(move |_| offline.outbox.with(|o| o.visit_status(&user_id, &visit_id)))
    };
    let open = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorDetail>);
    let visit = StoredValue::new(visit);
    let user_id = StoredValue::new(user_id);

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
            match result {
                Ok(()) => {
                    error.set(None);
                    open.set(false);
                }
                Err(detail) => error.set(Some(detail)),
            }
        });
    });

    move || {
        let state = match status.get() {
            VisitRecordStatus::NotRecorded => None,
            VisitRecordStatus::Waiting => Some("Záznam je uložen v telefonu a čeká na odeslání."),
            VisitRecordStatus::Sent => Some("Záznam návštěvy je odeslán."),
            VisitRecordStatus::Refused(_) => {
                Some("Záznam server nepřijal; podrobnosti jsou nahoře u odesílání záznamů.")
            }
        };
        if let Some(state) = state {
            return view! { <p class="record-state" role="status">{state}</p> }.into_any();
        }
        if !open.get() {
            return view! {
                <button
                    type="button"
                    class="button button-primary record-open"
                    on:click=move |_| {
                        error.set(None);
                        open.set(true);
                    }
                >
                    "Příchod – zaznamenat návštěvu"
                </button>
            }
            .into_any();
        }
        // Tracks only whether a catalogue is kept: a refreshed catalogue must not reset a
        // half-filled form.
        match offline
            .catalogue
            .with(Option::is_some)
            .then(|| offline.catalogue.get_untracked())
            .flatten()
        {
            None => view! { <Alert message=Signal::stored(Some(CATALOGUE_MISSING.to_owned())) /> }
                .into_any(),
            Some(catalogue) => view! {
                <VisitRecordForm
                    visit=visit.get_value()
                    catalogue=catalogue
                    pending=pending
                    error=error
                    on_save=save
                    on_cancel=Callback::new(move |()| open.set(false))
                />
            }
            .into_any(),
        }
    }
}

/// What ends each visit's card on a caregiver's day: the record slot, for the day's page.
pub fn record_slot(visit: VisitView) -> AnyView {
    view! { <VisitRecordSlot visit=visit /> }.into_any()
}
