//! The caregiver's record of a visit, made at the door and kept on the phone until it is
//! sent: the outbox in a signal and in IndexedDB, synced with the server when the app
//! starts, when the connection returns and after each new record; the task catalogue kept
//! for when the network is gone.

pub mod api;
pub mod correction;
mod fields;
#[cfg(test)]
mod fixtures;
mod forms;
pub mod outbox;
mod slot;
pub mod state;
pub mod sync_status;
pub mod view;

use std::collections::BTreeSet;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::catalogue::CareTask;
use shared::family::live::OnPhone;
use shared::identity::Role;
use shared::records::{SyncRequest, VisitRecordInput};

use crate::offline_store::{self, STORE_FAILED_MESSAGE, StoreError, keys};
use crate::remote::{self, ApiError};
use crate::session::{Session, signed_out_if_expired};
use outbox::Outbox;
pub use slot::{VisitRecordSlot, record_slot};
use sync_status::{RunningVisit, SyncStatus};

/// The device's offline state, shared through context.
#[derive(Clone, Copy)]
pub struct Offline {
    online: ReadSignal<bool>,
    session: Session,
    outbox: RwSignal<Outbox>,
    /// [`Offline::start`] has run.
    started: StoredValue<bool>,
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
    /// The device's offline state, still empty: [`Offline::start`] reads what the device
    /// keeps. Only the signals live in the main module; reading and syncing load with the
    /// caregiver's day (`today`), so no other role downloads them (the forms: `forms`).
    pub(crate) fn provide(session: Session) -> Self {
        let offline = Offline {
            online: session.online(),
            session,
            outbox: RwSignal::new(Outbox::default()),
            started: StoredValue::new(false),
            ready: RwSignal::new(false),
            syncing: RwSignal::new(false),
            unreachable_runs: RwSignal::new(0),
            sync_error: RwSignal::new(None),
            catalogue: RwSignal::new(None),
        };
        provide_context(offline);
        offline
    }

    /// Reads the outbox and the task catalogue the device keeps, once in the app's life.
    fn start(self) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        spawn_local(async move {
            match offline_store::load::<Outbox>(keys::OUTBOX).await {
                Ok(stored) => self.outbox.set(stored.unwrap_or_default()),
                Err(StoreError) => self.sync_error.set(Some(store_failed())),
            }
            if let Ok(Some(catalogue)) = offline_store::load(keys::CATALOGUE).await {
                self.catalogue.set(Some(catalogue));
            }
            self.ready.set(true);
        });
    }

    /// Syncs whenever a caregiver is signed in and online, for as long as the calling
    /// component lives.
    fn sync_while_signed_in(self) {
        let session = self.session;
        let me = Memo::new(move |_| session.me());
        Effect::new(move |_| {
            if !self.ready.get() || !self.online.get() {
                return;
            }
            let Some((user_id, role)) = me.get() else {
                return;
            };
            // Recording visits is the caregivers' (the server takes records from them only).
            if role == Role::Caregiver {
                self.refresh_catalogue();
                self.sync(user_id);
            }
        });
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
            if !unreachable {
                unreachable = self.send_corrections(&user_id).await;
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

    /// What the signed-in caregiver's phone knows of a visit (read in a reactive scope, it
    /// follows the outbox).
    pub fn on_phone(self, visit_id: &str) -> OnPhone {
        let Some((user_id, _)) = self.session.me() else {
            return OnPhone::Nothing;
        };
        self.outbox.with(|o| o.on_phone(&user_id, visit_id))
    }

    /// Who is signed in on this phone, for the rest of the component's life.
    fn signed_in_user(self) -> StoredValue<String> {
        let user_id = self.session.me().map(|(user_id, _)| user_id);
        StoredValue::new(user_id.unwrap_or_default())
    }

    fn change_later(self, change: impl FnOnce(&mut Outbox) + 'static) {
        spawn_local(async move {
            if self.change(change).await.is_err() {
                self.sync_error.set(Some(store_failed()));
            }
        });
    }
}

/// The visit under way and the sync status, for a signed-in caregiver, on every page (the
/// shell shows it to caregivers only); it also starts reading and syncing the outbox.
#[component]
pub fn CaregiverSyncStatus() -> impl IntoView {
    let offline = expect_context::<Offline>();
    offline.start();
    offline.sync_while_signed_in();
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
            let running = Memo::new(move |_| {
                offline.outbox.with(|o| {
                    user_id.with_value(|id| {
                        o.running(id)
                            .and_then(|open| Some((open.client_name.clone(), open.arrived_at()?)))
                    })
                })
            });
            view! {
                <RunningVisit running=running />
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
