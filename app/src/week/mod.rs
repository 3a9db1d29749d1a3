//! `/tyden` and `/tyden/{monday}`: the planner's week board. A timeline per caregiver for
//! the chosen day; a visit moves by dragging it onto another row or time, or from the
//! keyboard (Enter on the visit opens the same move form). Every change needs a reason and
//! answers with the conflicts it leaves.

use chrono::{Duration, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::ErrorDetail;
use shared::planning::week::week_start;
use shared::schedule::{
    AcceptProposal, BoardCaregiver, BoardVisit, OptimiseRequest, Proposal, VisitChange, WeekBoard,
};
use shared::time::prague_date;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::{ErrorPanel, FormError, Loading, invalid_when_named};
use crate::pages::{FormAction, RequireRole, Session, loader, signed_out_if_expired};
use crate::paths;
use crate::view_state::{Remote, access, czech_date};
use crate::week_state::{
    BoardFilter, BoardRow, DAY_ENDS_HOUR, DAY_STARTS_HOUR, MoveDraft, accept_request, board_rows,
    change_line, change_summary, day_conflicts, day_tab_label, districts, history_line,
    initial_day, parse_move, score_rows, time_at, week_days,
};

/// Reasons planners give most, offered as the reason field's suggestions.
const COMMON_REASONS: [&str; 5] = [
    "Přeplánování trasy",
    "Nemoc pracovníka",
    "Přání klienta",
    "Souběh návštěv",
    "Dovolená pracovníka",
];

#[component]
pub fn WeekPage() -> impl IntoView {
    let params = use_params_map();
    let monday = Memo::new(move |_| {
        let asked = params.with(|p| p.get("monday").and_then(|text| text.parse().ok()));
        week_start(asked.unwrap_or_else(|| prague_date(Utc::now())))
    });
    view! {
        <RequireRole roles=access::WEEK>
            {move || view! { <WeekLoader monday=monday.get() /> }}
        </RequireRole>
    }
}

/// A notice after an action: the text, and whether it reports a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    warning: bool,
}

#[component]
fn WeekLoader(monday: NaiveDate) -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, board) = loader(session, move || api::week_board(monday));
    // After a change the board is read again in place, with no "loading" flash; focus goes
    // to the changed visit once it is drawn.
    let refresh = move |focus: Option<String>| {
        leptos::task::spawn_local(async move {
            let result = api::week_board(monday).await;
            if let Err(error) = &result {
                signed_out_if_expired(session, error);
            }
            if board.try_set(Remote::from_result(result)).is_none()
                && let Some(visit_id) = focus
            {
                focus_block(&visit_id);
            }
        });
    };
    let day = RwSignal::new(initial_day(monday, prague_date(Utc::now())));
    let filter = RwSignal::new(BoardFilter::default());
    let draft = RwSignal::new(None::<MoveDraft>);
    let notice = RwSignal::new(None::<Notice>);

    let move_visit = FormAction::new(|(visit_id, change): (String, VisitChange)| {
        api::change_visit(visit_id, change)
    });
    Effect::new(move |_| match move_visit.value().get() {
        Some(Ok(result)) => {
            let conflicts: Vec<String> = result
                .conflicts
                .iter()
                .filter(|c| c.visit_id == result.visit.id)
                .map(|c| c.message.clone())
                .collect();
            notice.set(Some(Notice {
                text: change_summary(&result.visit.client_name, &conflicts),
                warning: !conflicts.is_empty(),
            }));
            let moved_to = prague_date(result.visit.starts_at);
            if week_days(monday).contains(&moved_to) {
                day.set(moved_to);
            }
            draft.set(None);
            refresh(Some(result.visit.id));
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });

    let generate = Action::new_local(move |_: &()| api::generate_week(monday));
    Effect::new(move |_| match generate.value().get() {
        Some(Ok(generated)) => {
            notice.set(Some(Notice {
                text: format!(
                    "Z plánů péče přibylo {} návštěv. Již vytvořené návštěvy zůstaly beze změny.",
                    generated.created
                ),
                warning: false,
            }));
            refresh(None);
        }
        Some(Err(error)) => {
            signed_out_if_expired(session, &error);
            notice.set(Some(Notice {
                text: error.message().to_owned(),
                warning: true,
            }));
        }
        None => {}
    });

    let open = Callback::new(move |opened: MoveDraft| {
        move_visit.value().set(None);
        draft.set(Some(opened));
    });
    let close = Callback::new(move |()| {
        if let Some(closed) = draft.get_untracked() {
            focus_block(&closed.visit_id);
        }
        draft.set(None);
    });
    let submit = Callback::new(move |filled: MoveDraft| {
        let checked = board.with_untracked(|board| match board {
            Remote::Loaded(board) => board
                .visits
                .iter()
                .find(|visit| visit.id == filled.visit_id)
                .map(|visit| parse_move(&filled, visit)),
            _ => None,
        });
        if let Some(checked) = checked {
            draft.set(Some(filled.clone()));
            move_visit.submit(checked.map(|change| (filled.visit_id, change)));
        }
    });

    let week_label = format!(
        "{} – {}",
        czech_date(monday),
        czech_date(monday + Duration::days(6))
    );
    view! {
        <section class="week-page" aria-labelledby="week-heading">
            <div class="week-head">
                <h1 id="week-heading">
                    <span class="eyebrow">"Týdenní plán"</span>
                    {week_label}
                </h1>
                <nav class="week-nav" aria-label="Jiný týden">
                    <a class="button" href=paths::week(monday - Duration::days(7))>
                        "← Předchozí týden"
                    </a>
                    <a class="button" href=paths::week(monday + Duration::days(7))>
                        "Další týden →"
                    </a>
                </nav>
                <button
                    type="button"
                    class="button"
                    disabled=move || generate.pending().get()
                    on:click=move |_| {
                        generate.dispatch(());
                    }
                >
                    {move || {
                        if generate.pending().get() {
                            "Vytvářím návštěvy…"
                        } else {
                            "Doplnit návštěvy z plánů péče"
                        }
                    }}
                </button>
            </div>
            <div class="notice-area" role="status" aria-live="polite">
                {move || {
                    notice
                        .get()
                        .map(|notice| {
                            view! {
                                <p class="notice" class:notice-warning=notice.warning>
                                    {notice.text}
                                </p>
                            }
                        })
                }}
            </div>
            <OptimiserPanel
                monday=monday
                day=day
                caregivers=Signal::derive(move || {
                    board
                        .with(|board| match board {
                            Remote::Loaded(board) => board.caregivers.clone(),
                            _ => Vec::new(),
                        })
                })
                on_accepted=Callback::new(move |applied: u32| {
                    notice
                        .set(
                            Some(Notice {
                                text: format!("Přijato {applied} změn z návrhu; plán je uložen."),
                                warning: false,
                            }),
                        );
                    refresh(None);
                })
            />
            {move || match board.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! {
                        <ErrorPanel
                            message=error.message
                            on_retry=Callback::new(move |()| load.run(()))
                        />
                    }
                        .into_any()
                }
                Remote::Loaded(week) => {
                    view! { <Board week=week day=day filter=filter on_open=open /> }.into_any()
                }
            }}
            {move || {
                let opened = draft.get()?;
                let (visit, caregivers) = board
                    .with(|board| match board {
                        Remote::Loaded(board) => {
                            board
                                .visits
                                .iter()
                                .find(|visit| visit.id == opened.visit_id)
                                .cloned()
                                .map(|visit| (visit, board.caregivers.clone()))
                        }
                        _ => None,
                    })?;
                Some(
                    view! {
                        <MoveDialog
                            draft=opened
                            visit=visit
                            caregivers=caregivers
                            days=week_days(monday)
                            pending=move_visit.pending()
                            error=move_visit.error()
                            on_submit=submit
                            on_close=close
                        />
                    },
                )
            }}
        </section>
    }
}

fn block_id(visit_id: &str) -> String {
    format!("block-{visit_id}")
}

/// Gives focus back to a visit's block once the board has drawn it.
fn focus_block(visit_id: &str) {
    let id = block_id(visit_id);
    request_animation_frame(move || {
        if let Some(block) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = block.focus();
        }
    });
}

/// The board of one week: day tabs, filters, the day's conflicts and the rows.
#[component]
fn Board(
    week: WeekBoard,
    day: RwSignal<NaiveDate>,
    filter: RwSignal<BoardFilter>,
    on_open: Callback<MoveDraft>,
) -> impl IntoView {
    let week = StoredValue::new(week);
    let days = week.with_value(|week| week_days(week.monday));
    let district_options = week.with_value(districts);
    let caregiver_options = week.with_value(|week| week.caregivers.clone());
    let rows = Memo::new(move |_| {
        let (day, filter) = (day.get(), filter.get());
        week.with_value(|week| board_rows(week, day, &filter))
    });
    let conflicts = Memo::new(move |_| {
        let day = day.get();
        week.with_value(|week| day_conflicts(week, day))
    });
    let visit_of = move |visit_id: &str| {
        week.with_value(|week| week.visits.iter().find(|v| v.id == visit_id).cloned())
    };
    let drop_on = Callback::new(
        move |(visit_id, caregiver_id, time): (String, Option<String>, String)| {
            if let Some(visit) = visit_of(&visit_id) {
                on_open.run(MoveDraft {
                    caregiver_id: caregiver_id.unwrap_or_default(),
                    date: day.get_untracked(),
                    time,
                    ..MoveDraft::of(&visit)
                });
            }
        },
    );
    let open_visit = Callback::new(move |visit_id: String| {
        if let Some(visit) = visit_of(&visit_id) {
            on_open.run(MoveDraft::of(&visit));
        }
    });
    let hours: Vec<u32> = (DAY_STARTS_HOUR..DAY_ENDS_HOUR).collect();
    let hour_count = f64::from(DAY_ENDS_HOUR - DAY_STARTS_HOUR);

    view! {
        <div class="day-tabs" role="group" aria-label="Den týdne">
            {days
                .into_iter()
                .map(|date| {
                    view! {
                        <button
                            type="button"
                            class="day-tab"
                            aria-pressed=move || (day.get() == date).to_string()
                            on:click=move |_| day.set(date)
                        >
                            {day_tab_label(date)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="board-filters">
            <FilterSelect
                id="filter-district"
                label="Okres"
                everything="Všechny okresy"
                options=district_options.into_iter().map(|d| (d.clone(), d)).collect()
                on_pick=Callback::new(move |district| filter.update(|f| f.district = district))
            />
            <FilterSelect
                id="filter-caregiver"
                label="Pracovník"
                everything="Všichni pracovníci"
                options=caregiver_options.into_iter().map(|c| (c.id, c.name)).collect()
                on_pick=Callback::new(move |id| filter.update(|f| f.caregiver_id = id))
            />
            <label class="check">
                <input
                    type="checkbox"
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        filter.update(|f| f.unassigned_only = checked);
                    }
                />
                "Jen nepřiřazené"
            </label>
        </div>
        <section class="day-conflicts" aria-labelledby="day-conflicts-heading">
            <h2 id="day-conflicts-heading">"Konflikty dne"</h2>
            {move || {
                let messages = conflicts.get();
                if messages.is_empty() {
                    view! { <p class="empty">"V tento den plán nehlásí žádný konflikt."</p> }
                        .into_any()
                } else {
                    view! {
                        <ul class="conflict-list">
                            {messages
                                .into_iter()
                                .map(|message| view! { <li>{message}</li> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <p class="hint board-hint">
            "Návštěvu přesunete tažením na jiný řádek nebo čas, nebo ji vyberte a stiskněte Enter."
        </p>
        <div class="board" role="region" aria-label="Časová osa dne">
            <div class="board-scale" aria-hidden="true">
                <span class="row-name"></span>
                <span class="row-track">
                    {hours
                        .into_iter()
                        .map(|hour| {
                            let left = f64::from(hour - DAY_STARTS_HOUR) / hour_count * 100.0;
                            view! {
                                <span class="hour" style=format!("left:{left:.3}%")>
                                    {format!("{hour}:00")}
                                </span>
                            }
                        })
                        .collect_view()}
                </span>
            </div>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    view! {
                        <p class="empty">"V tento den nejsou žádné návštěvy, které odpovídají filtru."</p>
                    }
                        .into_any()
                } else {
                    rows.into_iter()
                        .map(|row| view! { <Row row=row on_drop=drop_on on_open=open_visit /> })
                        .collect_view()
                        .into_any()
                }
            }}
        </div>
    }
}

/// A filter of the board: everything, or one of `options` (value, label).
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    everything: &'static str,
    options: Vec<(String, String)>,
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_pick.run((!value.is_empty()).then_some(value));
                }
            >
                <option value="">{everything}</option>
                {options
                    .into_iter()
                    .map(|(value, label)| view! { <option value=value>{label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A caregiver's row: their name and load, and the day's visits on the timeline.
#[component]
fn Row(
    row: BoardRow,
    on_drop: Callback<(String, Option<String>, String)>,
    on_open: Callback<String>,
) -> impl IntoView {
    let caregiver_id = row.caregiver_id.clone();
    let dragged_over = RwSignal::new(false);
    let name_id = format!(
        "row-{}",
        row.caregiver_id.as_deref().unwrap_or("nepřiřazené")
    );
    let labelled_by = name_id.clone();
    view! {
        <div
            class="board-row"
            class:unassigned=row.caregiver_id.is_none()
            data-caregiver=row.caregiver_id.clone().unwrap_or_default()
            role="group"
            aria-labelledby=labelled_by
        >
            <div class="row-name">
                <span id=name_id class="row-caregiver">
                    {match &row.caregiver_id {
                        Some(id) => view! { <a href=paths::caregiver(id)>{row.name.clone()}</a> }.into_any(),
                        None => row.name.clone().into_any(),
                    }}
                </span>
                <span class="row-load" class:over-contract=row.over_contract>
                    {row.load}
                </span>
            </div>
            <div
                class="row-track"
                class:drop-target=move || dragged_over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragged_over.set(true);
                }
                on:dragleave=move |_| dragged_over.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragged_over.set(false);
                    let visit_id = ev
                        .data_transfer()
                        .and_then(|data| data.get_data("text/plain").ok())
                        .unwrap_or_default();
                    let Some(track) = ev
                        .current_target()
                        .and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else {
                        return;
                    };
                    let rect = track.get_bounding_client_rect();
                    let fraction = (f64::from(ev.client_x()) - rect.left()) / rect.width();
                    on_drop.run((visit_id, caregiver_id.clone(), time_at(fraction)));
                }
            >
                {row
                    .blocks
                    .into_iter()
                    .map(|block| {
                        let label = block.label();
                        let visit_id = block.visit_id.clone();
                        let dragged = block.visit_id.clone();
                        let title = label.clone();
                        view! {
                            <button
                                type="button"
                                id=block_id(&block.visit_id)
                                class="block"
                                class:conflict=!block.conflicts.is_empty()
                                class:cancelled=block.cancelled
                                style=format!("left:{:.3}%;width:{:.3}%", block.left, block.width)
                                draggable="true"
                                aria-label=label
                                title=title
                                on:dragstart=move |ev: leptos::ev::DragEvent| {
                                    if let Some(data) = ev.data_transfer() {
                                        let _ = data.set_data("text/plain", &dragged);
                                        data.set_effect_allowed("move");
                                    }
                                }
                                on:click=move |_| on_open.run(visit_id.clone())
                            >
                                <span class="block-client">{block.client_name}</span>
                                <span class="block-time">{block.time}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// The move form: caregiver, day, start time and the reason. Escape closes it.
#[component]
fn MoveDialog(
    draft: MoveDraft,
    visit: BoardVisit,
    caregivers: Vec<BoardCaregiver>,
    days: Vec<NaiveDate>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    on_submit: Callback<MoveDraft>,
    on_close: Callback<()>,
) -> impl IntoView {
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
        crate::view_state::time_range(visit.starts_at, visit.ends_at)
    );
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
                    <div class="actions">
                        <button type="submit" class="button" disabled=move || pending.get()>
                            {move || if pending.get() { "Ukládám…" } else { "Uložit změnu" }}
                        </button>
                        <button type="button" class="button" on:click=move |_| on_close.run(())>
                            "Zrušit"
                        </button>
                    </div>
                </form>
            </div>
        </div>
    }
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

/// The optimiser's proposal for the chosen day or the whole week: asked for, compared with
/// the current plan, accepted in whole or in part. Nothing changes until accepted.
#[component]
fn OptimiserPanel(
    monday: NaiveDate,
    day: RwSignal<NaiveDate>,
    #[prop(into)] caregivers: Signal<Vec<BoardCaregiver>>,
    on_accepted: Callback<u32>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let proposal = RwSignal::new(None::<Proposal>);
    let chosen = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let limit_seconds = RwSignal::new(0_u32);
    let elapsed = RwSignal::new(0_u32);
    let propose = Action::new_local(|request: &OptimiseRequest| api::optimise(request.clone()));
    let accept = FormAction::new(api::accept_proposal);
    // While the optimiser runs, a second hand shows how much of its time limit has passed.
    let ticking = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        if propose.pending().get() {
            elapsed.set(0);
            let handle = set_interval_with_handle(
                move || elapsed.update(|seconds| *seconds += 1),
                std::time::Duration::from_secs(1),
            )
            .ok();
            ticking.set_value(handle);
        } else if let Some(handle) = ticking.get_value() {
            handle.clear();
            ticking.set_value(None);
        }
    });
    Effect::new(move |_| match propose.value().get() {
        Some(Ok(answer)) => {
            chosen.set(answer.changes.iter().map(|c| c.visit_id.clone()).collect());
            proposal.set(Some(answer));
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(accepted)) => {
            proposal.set(None);
            on_accepted.run(accepted.applied);
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let ask = move |whole_week: bool| {
        let seconds = if whole_week { 8 } else { 2 };
        limit_seconds.set(seconds);
        proposal.set(None);
        propose.dispatch(OptimiseRequest {
            monday,
            day: (!whole_week).then(|| day.get_untracked()),
            time_limit_seconds: Some(seconds),
        });
    };
    let propose_error = move || match propose.value().get() {
        Some(Err(error)) if !propose.pending().get() => Some(view! {
            <p class="form-error" role="alert">
                {error.message().to_owned()}
            </p>
        }),
        _ => None,
    };
    let name_of = move |id: &str| {
        caregivers.with_untracked(|all| {
            all.iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| id.to_owned())
        })
    };
    let discard = move |_: leptos::ev::MouseEvent| proposal.set(None);
    // The accept button is drawn only with a proposal, so there is one to read.
    let send_accept = move |_| {
        let checked: Option<Result<AcceptProposal, ErrorDetail>> = proposal.with_untracked(|p| {
            p.as_ref()
                .map(|p| chosen.with_untracked(|chosen| accept_request(p, chosen)))
        });
        if let Some(checked) = checked {
            accept.submit(checked);
        }
    };
    view! {
        <section class="optimiser card" aria-labelledby="optimiser-heading">
            <h2 id="optimiser-heading">"Návrh plánu"</h2>
            <p class="hint">
                "Optimalizace navrhne, kdo a kdy návštěvy udělá: všechny obsloužit, méně přejezdů a čekání, co nejméně různých pečovatelů u klienta. Plán se změní, až návrh přijmete."
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || propose.pending().get()
                    on:click=move |_| ask(false)
                >
                    "Navrhnout vybraný den"
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=move || propose.pending().get()
                    on:click=move |_| ask(true)
                >
                    "Navrhnout celý týden"
                </button>
            </div>
            {move || {
                propose
                    .pending()
                    .get()
                    .then(|| {
                        view! {
                            <div class="progress" role="status">
                                <label for="optimiser-progress">
                                    {move || {
                                        format!(
                                            "Počítám návrh… {} s z nejvýše {} s",
                                            elapsed.get().min(limit_seconds.get()),
                                            limit_seconds.get(),
                                        )
                                    }}
                                </label>
                                <progress
                                    id="optimiser-progress"
                                    max=move || limit_seconds.get()
                                    value=move || elapsed.get().min(limit_seconds.get())
                                ></progress>
                            </div>
                        }
                    })
            }}
            {propose_error}
            {move || {
                proposal
                    .get()
                    .map(|proposal| {
                        let rows = score_rows(&proposal.current, &proposal.proposed);
                        let count = proposal.changes.len();
                        view! {
                            <div class="proposal">
                                <table class="score">
                                    <caption>
                                        {format!(
                                            "Návrh za {:.1} s: {count} změn",
                                            proposal.seconds,
                                        )}
                                    </caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Ukazatel"</th>
                                            <th scope="col">"Nyní"</th>
                                            <th scope="col">"Návrh"</th>
                                            <th scope="col">"Hodnocení"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|row| {
                                                let verdict = row.verdict();
                                                view! {
                                                    <tr>
                                                        <th scope="row">{row.label}</th>
                                                        <td>{row.current}</td>
                                                        <td>{row.proposed}</td>
                                                        <td class=format!("verdict verdict-{verdict}")>
                                                            {verdict}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                {(!proposal.unplanned.is_empty())
                                    .then(|| {
                                        view! {
                                            <h3>"Nenaplánované návštěvy"</h3>
                                            <ul class="unplanned">
                                                {proposal
                                                    .unplanned
                                                    .iter()
                                                    .map(|u| {
                                                        view! {
                                                            <li>
                                                                <strong>{u.client_name.clone()}</strong>
                                                                ": "
                                                                {u.reason.clone()}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                                {if count == 0 {
                                    view! {
                                        <p class="empty">"Lepší plán se nenašel; současný plán zůstává."</p>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <fieldset class="proposal-changes">
                                            <legend>"Změny k přijetí"</legend>
                                            {proposal
                                                .changes
                                                .iter()
                                                .map(|change| {
                                                    let id = change.visit_id.clone();
                                                    let toggled = id.clone();
                                                    let line = change_line(change, name_of);
                                                    view! {
                                                        <label class="check">
                                                            <input
                                                                type="checkbox"
                                                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                                                on:change=move |ev| {
                                                                    let on = event_target_checked(&ev);
                                                                    chosen
                                                                        .update(|c| {
                                                                            if on {
                                                                                c.insert(toggled.clone());
                                                                            } else {
                                                                                c.remove(&toggled);
                                                                            }
                                                                        });
                                                                }
                                                            />
                                                            <span>
                                                                <strong>{change.client_name.clone()}</strong>
                                                                " "
                                                                {line}
                                                            </span>
                                                        </label>
                                                    }
                                                })
                                                .collect_view()}
                                        </fieldset>
                                        <FormError id="accept-error" error=accept.error() />
                                        <div class="actions">
                                            <button
                                                type="button"
                                                class="button button-primary-inline"
                                                disabled=move || accept.pending().get()
                                                on:click=send_accept
                                            >
                                                {move || {
                                                    format!(
                                                        "Přijmout vybrané změny ({})",
                                                        chosen.with(|c| c.len()),
                                                    )
                                                }}
                                            </button>
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=discard
                                            >
                                                "Zahodit návrh"
                                            </button>
                                        </div>
                                    }
                                        .into_any()
                                }}
                            </div>
                        }
                    })
            }}
        </section>
    }
}
