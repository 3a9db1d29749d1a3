//! The visit page's components: the visit in words, its records, its history.

use leptos::prelude::*;
use shared::records::VisitRecords;
use shared::schedule::VisitEvent;

use super::state::{RecordSummary, caregivers_line, status_words};
use crate::ui::format::{czech_date, history_line, machine_instant, time_range};

/// The client, who is on the visit, the window, the status and every record.
#[component]
pub fn VisitSummary(visit: VisitRecords) -> impl IntoView {
    page_title_of(&visit.client_name);
    let date = czech_date(shared::time::prague_date(visit.starts_at));
    let window = time_range(visit.starts_at, visit.ends_at);
    let starts = machine_instant(visit.starts_at);
    let records: Vec<RecordSummary> = visit.records.iter().filter_map(RecordSummary::of).collect();
    let records = if records.is_empty() {
        view! { <p class="empty">"K návštěvě zatím není žádný záznam."</p> }.into_any()
    } else {
        records
            .into_iter()
            .map(|record| view! { <RecordCard record=record /> })
            .collect_view()
            .into_any()
    };
    view! {
        <h1 id="visit-heading">{format!("Návštěva: {}", visit.client_name)}</h1>
        <dl class="visit-facts">
            <dt>"Kdy"</dt>
            <dd>
                <time datetime=starts>{format!("{date}, {window}")}</time>
            </dd>
            <dt>"Kdo"</dt>
            <dd class="visit-caregivers">{caregivers_line(&visit.caregiver_names)}</dd>
            <dt>"Stav"</dt>
            <dd class="visit-status" data-status=visit.status.as_str()>
                {status_words(visit.status)}
            </dd>
        </dl>
        <section class="card visit-records" aria-labelledby="records-heading">
            <h2 id="records-heading">"Co bylo zapsáno"</h2>
            {records}
        </section>
    }
}

fn page_title_of(client_name: &str) {
    crate::ui::page_title(&format!("Návštěva: {client_name}"));
}

/// One record, as it now stands.
#[component]
fn RecordCard(record: RecordSummary) -> impl IntoView {
    let heading_id = format!("record-{}", record.record_id);
    let labelled_by = heading_id.clone();
    let tasks = if record.tasks.is_empty() {
        view! { <dd>"Žádné úkony"</dd> }.into_any()
    } else {
        view! {
            <dd>
                <ul class="record-tasks">
                    {record.tasks.into_iter().map(|task| view! { <li>{task}</li> }).collect_view()}
                </ul>
            </dd>
        }
        .into_any()
    };
    view! {
        <article class="visit-record-summary" aria-labelledby=labelled_by>
            <h3 id=heading_id>{record.heading}</h3>
            <p class="record-state">{record.state}</p>
            <dl>
                <dt>"Příchod"</dt>
                <dd class="record-arrived">{record.arrived}</dd>
                <dt>"Odchod"</dt>
                <dd class="record-left">{record.left}</dd>
                <dt>"Úkony"</dt>
                {tasks}
                {record.note.map(|note| view! { <dt>"Poznámka"</dt><dd class="record-note">{note}</dd> })}
                {record
                    .reason
                    .map(|reason| {
                        view! { <dt>"Zdůvodnění"</dt><dd class="record-reason">{reason}</dd> }
                    })}
                {record
                    .corrected
                    .map(|said| view! { <dt>"Opraveno"</dt><dd>{said}</dd> })}
            </dl>
        </article>
    }
}

/// The visit's history, oldest first, in words.
#[component]
pub fn VisitHistory(events: Vec<VisitEvent>) -> impl IntoView {
    let list = if events.is_empty() {
        view! { <p class="empty">"Návštěva zatím nemá žádné změny."</p> }.into_any()
    } else {
        view! {
            <ol class="history">
                {events
                    .iter()
                    .map(|event| view! { <li>{history_line(event)}</li> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">"Historie návštěvy"</h2>
            {list}
        </section>
    }
}
