//! The move form of one visit, opened by a drop or from the keyboard, with the visit's
//! history.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::schedule::{BoardCaregiver, BoardVisit, VisitStatus};

use crate::paths;
use crate::session::{Session, loader};
use crate::ui::form::{FormError, invalid_when_named};
use crate::ui::format::{czech_date, history_line};
use crate::ui::{ErrorPanel, Loading, Remote};
use crate::week::api;
use crate::week::changes::MoveDraft;

/// Reasons planners give most, offered as the reason field's suggestions.
const COMMON_REASONS: [&str; 5] = [
    "Přeplánování trasy",
    "Nemoc pracovníka",
    "Přání klienta",
    "Souběh návštěv",
    "Dovolená pracovníka",
];

/// A modal dialog of the board under `heading`; Escape closes it.
#[component]
pub(crate) fn VisitDialog(
    heading: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class="dialog-backdrop"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    on_close.run(());
                }
            }
        >
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="move-heading">
                <h2 id="move-heading">{heading}</h2>
                {children()}
            </div>
        </div>
    }
}

/// A dialog form's submit and cancel buttons; the submit button says what is under way.
#[component]
pub(crate) fn DialogActions(
    submit: &'static str,
    working: &'static str,
    #[prop(into)] pending: Signal<bool>,
    on_close: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="actions">
            <button type="submit" class="button" disabled=move || pending.get()>
                {move || if pending.get() { working } else { submit }}
            </button>
            <button type="button" class="button" on:click=move |_| on_close.run(())>
                "Zrušit"
            </button>
        </div>
    }
}

/// A done visit instead of the move form: it is corrected through its record, not moved.
#[component]
fn DoneVisit(visit: BoardVisit, on_close: Callback<()>) -> impl IntoView {
    let close = NodeRef::<leptos::html::Button>::new();
    close.on_load(|button| {
        let _ = button.focus();
    });
    let heading = format!(
        "Hotová návštěva: {}, {}",
        visit.client_name,
        crate::ui::format::time_range(visit.starts_at, visit.ends_at)
    );
    view! {
        <VisitDialog heading=heading on_close=on_close>
        <p>
            "Návštěva už proběhla a pečovatel ji zapsal, proto ji nelze přesunout, přeobsadit ani zrušit. Opravte místo toho její záznam."
        </p>
        <VisitHistory visit_id=visit.id />
        <div class="actions">
            <button type="button" class="button" node_ref=close on:click=move |_| on_close.run(())>
                "Zavřít"
            </button>
        </div>
        </VisitDialog>
    }
}

/// The move form: caregiver, day, start time and the reason; a done visit shows why it
/// cannot be moved instead. Escape closes it.
#[component]
pub fn MoveDialog(
    draft: MoveDraft,
    visit: BoardVisit,
    caregivers: Vec<BoardCaregiver>,
    days: Vec<NaiveDate>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    on_submit: Callback<MoveDraft>,
    on_close: Callback<()>,
) -> impl IntoView {
    if visit.status == VisitStatus::Done {
        return view! { <DoneVisit visit=visit on_close=on_close /> }.into_any();
    }
    let caregiver = NodeRef::<leptos::html::Select>::new();
    let date = NodeRef::<leptos::html::Select>::new();
    let time = NodeRef::<leptos::html::Input>::new();
    let reason = NodeRef::<leptos::html::Input>::new();
    caregiver.on_load(|select| {
        let _ = select.focus();
    });
    let names_field = move |field: &'static str| invalid_when_named(error, field);
    let visit_id = draft.visit_id.clone();
    let visit_id_for_history = draft.visit_id.clone();
    let visit_page = paths::visit(&draft.visit_id);
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |select: NodeRef<leptos::html::Select>| {
            select
                .get_untracked()
                .map(|s| s.value())
                .unwrap_or_default()
        };
        let Ok(chosen_date) = value(date).parse::<NaiveDate>() else {
            return;
        };
        on_submit.run(MoveDraft {
            visit_id: visit_id.clone(),
            caregiver_id: value(caregiver),
            date: chosen_date,
            time: time.get_untracked().map(|i| i.value()).unwrap_or_default(),
            reason: reason
                .get_untracked()
                .map(|i| i.value())
                .unwrap_or_default(),
        });
    };
    let heading = format!(
        "Přeplánovat návštěvu: {}, {}",
        visit.client_name,
        crate::ui::format::time_range(visit.starts_at, visit.ends_at)
    );
    view! {
        <VisitDialog heading=heading on_close=on_close>
        <form class="form" on:submit=on_send novalidate>
            <div class="field">
                <label for="move-caregiver">"Pracovník"</label>
                <select
                    id="move-caregiver"
                    node_ref=caregiver
                    aria-invalid=names_field("caregiver_ids")
                >
                    <option value="" selected=draft.caregiver_id.is_empty()>
                        "Nepřiřazeno"
                    </option>
                    {caregivers
                        .into_iter()
                        .map(|c| {
                            let selected = c.id == draft.caregiver_id;
                            view! {
                                <option value=c.id selected=selected>
                                    {c.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="move-date">"Den"</label>
                <select id="move-date" node_ref=date>
                    {days
                        .into_iter()
                        .map(|day| {
                            view! {
                                <option value=day.to_string() selected=day == draft.date>
                                    {czech_date(day)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="move-time">"Začátek"</label>
                <input
                    id="move-time"
                    type="time"
                    step="300"
                    node_ref=time
                    value=draft.time.clone()
                    aria-invalid=names_field("starts_at")
                    aria-describedby="move-error"
                />
            </div>
            <div class="field">
                <label for="move-reason">"Důvod změny"</label>
                <input
                    id="move-reason"
                    type="text"
                    list="move-reasons"
                    node_ref=reason
                    value=draft.reason.clone()
                    aria-invalid=names_field("reason")
                    aria-describedby="move-error"
                />
                <datalist id="move-reasons">
                    {COMMON_REASONS.map(|reason| view! { <option value=reason></option> })}
                </datalist>
            </div>
            <FormError id="move-error" error=error />
            <VisitHistory visit_id=visit_id_for_history />
            <p>
                <a class="visit-page-link" href=visit_page>
                    "Celá návštěva: co bylo zapsáno a historie"
                </a>
            </p>
            <DialogActions submit="Uložit změnu" working="Ukládám…" pending=pending on_close=on_close />
        </form>
        </VisitDialog>
    }
    .into_any()
}

/// Every earlier change of the visit: who, when, what and why.
#[component]
fn VisitHistory(visit_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, events) = loader(session, move || api::visit_history(visit_id.clone()));
    view! {
        <details class="visit-history">
            <summary>"Historie změn návštěvy"</summary>
            {move || match events.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                Remote::Loaded(events) if events.is_empty() => {
                    view! { <p class="hint">"Návštěva zatím nebyla změněna."</p> }.into_any()
                }
                Remote::Loaded(events) => {
                    view! {
                        <ol class="history">
                            {events
                                .iter()
                                .map(|event| view! { <li>{history_line(event)}</li> })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </details>
    }
}
