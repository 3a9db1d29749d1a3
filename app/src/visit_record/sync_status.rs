//! What every caregiver sees on every page: the visit under way, and the sync status.
//! Presentational, props in, DOM out.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::czech::at_client;

use crate::paths;
use crate::ui::form::Alert;
use crate::ui::format::{clock, short_date_time};
use crate::visit_record::outbox::{OutboxItem, SyncNotice, record_count};

/// The bar that stays on top of every page while a visit is under way: whom she is with
/// since when ("U paní Ukázkové od 7:35"), and the way back to the visit's record.
#[component]
pub fn RunningVisit(
    /// The client's name and the arrival, while a visit is under way.
    #[prop(into)]
    running: Signal<Option<(String, DateTime<Utc>)>>,
) -> impl IntoView {
    move || {
        running.get().map(|(client, since)| {
            view! {
                <p class="running-visit" role="status">
                    <a href=paths::TODAY title="Probíhá návštěva: zpět k záznamu">
                        <strong class="running-client">{at_client(&client)}</strong>
                        <span class="running-since">{format!(" od {}", clock(since))}</span>
                    </a>
                </p>
            }
        })
    }
}

/// The sync status every caregiver sees: records waiting, the last sync, what the server
/// refused or resolved.
#[component]
pub fn SyncStatus(
    #[prop(into)] online: Signal<bool>,
    #[prop(into)] waiting: Signal<usize>,
    #[prop(into)] last_sync: Signal<Option<DateTime<Utc>>>,
    #[prop(into)] syncing: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] notices: Signal<Vec<SyncNotice>>,
    #[prop(into)] refused: Signal<Vec<OutboxItem>>,
    #[prop(into)] on_sync: Callback<()>,
    #[prop(into)] on_dismiss: Callback<()>,
    #[prop(into)] on_discard: Callback<String>,
) -> impl IntoView {
    let waiting_text = move || match (waiting.get(), last_sync.get()) {
        (0, None) => "Žádný záznam nečeká na odeslání".to_owned(),
        (0, Some(_)) => "Všechny záznamy jsou odeslané".to_owned(),
        (count, _) => format!("Čeká na odeslání: {}", record_count(count)),
    };
    // Amber while anything waits, green once all is on the server.
    let waiting_class = move || {
        if waiting.get() > 0 {
            "sync-waiting pending"
        } else {
            "sync-waiting"
        }
    };
    let last_text = move || match last_sync.get() {
        Some(at) => short_date_time(at),
        None => "zatím žádná".to_owned(),
    };
    let action = move || {
        if syncing.get() {
            Some(view! { <span class="sync-busy">"Odesílám…"</span> }.into_any())
        } else if online.get() && waiting.get() > 0 {
            Some(
                view! {
                    <button type="button" class="button" on:click=move |_| on_sync.run(())>
                        "Odeslat teď"
                    </button>
                }
                .into_any(),
            )
        } else {
            None
        }
    };
    let refused_view = move || {
        let items = refused.get();
        (!items.is_empty()).then(|| {
            view! {
                <ul class="sync-refused" role="alert">
                    {items
                        .into_iter()
                        .map(|item| {
                            let id = item.record.record_id.clone();
                            let message = item.refused.map(|e| e.message).unwrap_or_default();
                            view! {
                                <li>
                                    <p>
                                        "Záznam návštěvy u klienta " {item.client_name}
                                        " server nepřijal: " {message}
                                    </p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| on_discard.run(id.clone())
                                    >
                                        "Zahodit záznam"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    let notices_view = move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="sync-notices" role="alert">
                    <p class="sync-notices-heading">"Při odeslání se ukázalo:"</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|notice| {
                                view! {
                                    <li>
                                        <strong>{notice.client_name}</strong>
                                        ": "
                                        {notice.message}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=move |_| on_dismiss.run(())>
                        "Rozumím"
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="sync" aria-label="Odesílání záznamů">
            <p class="sync-state" role="status" aria-live="polite">
                <span class=waiting_class>{waiting_text}</span>
                <span class="sync-last">"Poslední synchronizace: " {last_text}</span>
            </p>
            {action}
            <Alert message=error />
            {refused_view}
            {notices_view}
        </section>
    }
}
