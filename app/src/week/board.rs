//! The board of one week: day tabs, filters, the day's conflicts and a timeline row per
//! caregiver, with dragging visits between rows and times.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::schedule::{VisitStatus, WeekBoard};
use shared::time::prague_date;
use wasm_bindgen::JsCast;

use crate::paths;
use crate::ui::format::clock;
use crate::week::changes::MoveDraft;
use crate::week::overview_table::BOARD_TIMELINE;
use crate::week::state::{
    BoardFilter, BoardRow, DAY_ENDS_HOUR, DAY_STARTS_HOUR, Drive, board_rows, day_conflicts,
    day_tab_label, districts, now_position, time_at, week_days,
};

fn block_id(visit_id: &str) -> String {
    format!("block-{visit_id}")
}

/// Gives focus back to a visit's block once the board has drawn it.
pub(crate) fn focus_block(visit_id: &str) {
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

/// A visit dropped on a row: which, onto whose row (`None`: the unassigned row), at what
/// time (`HH:MM`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct DroppedVisit {
    visit_id: String,
    caregiver_id: Option<String>,
    time: String,
}

/// The board of one week: day tabs, filters, the day's conflicts and the rows.
#[component]
pub fn Board(
    week: WeekBoard,
    day: RwSignal<NaiveDate>,
    filter: RwSignal<BoardFilter>,
    on_open: Callback<MoveDraft>,
    /// A caregiver called in sick: their id and name.
    on_sick: Callback<(String, String)>,
) -> impl IntoView {
    let week = StoredValue::new(week);
    let days = week.with_value(|week| week_days(week.monday));
    let district_options = week.with_value(districts);
    let caregiver_options = week.with_value(|week| week.caregivers.clone());
    // The board's clock: the "now" line moves with it, and visits pass from planned to in
    // progress or missed (rows are drawn again only when one does).
    let now = crate::ui::ticking_clock();
    let rows = Memo::new(move |_| {
        let (day, filter, now) = (day.get(), filter.get(), now.get());
        week.with_value(|week| board_rows(week, day, &filter, now))
    });
    let now_at = Memo::new(move |_| now_position(day.get(), now.get()));
    let conflicts = Memo::new(move |_| {
        let day = day.get();
        week.with_value(|week| day_conflicts(week, day))
    });
    let visit_of = move |visit_id: &str| {
        week.with_value(|week| week.visits.iter().find(|v| v.id == visit_id).cloned())
    };
    let drop_on = Callback::new(move |dropped: DroppedVisit| {
        if let Some(visit) = visit_of(&dropped.visit_id) {
            on_open.run(MoveDraft {
                caregiver_id: dropped.caregiver_id.unwrap_or_default(),
                date: day.get_untracked(),
                time: dropped.time,
                ..MoveDraft::of(&visit)
            });
        }
    });
    let open_visit = Callback::new(move |visit_id: String| {
        if let Some(visit) = visit_of(&visit_id) {
            on_open.run(MoveDraft::of(&visit));
        }
    });
    let today = prague_date(Utc::now());
    let hours: Vec<u32> = (DAY_STARTS_HOUR..DAY_ENDS_HOUR).collect();
    let hour_count = f64::from(DAY_ENDS_HOUR - DAY_STARTS_HOUR);

    view! {
        <div class="board-controls">
        <div class="day-tabs" role="group" aria-label="Den týdne">
            {days
                .into_iter()
                .map(|date| {
                    view! {
                        <button
                            type="button"
                            class="day-tab"
                            aria-pressed=move || (day.get() == date).to_string()
                            aria-current=(date == today).then_some("date")
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
        </div>
        <p class="hint board-hint">
            "Návštěvu přesunete tažením na jiný řádek nebo čas, nebo ji vyberte a stiskněte Enter."
        </p>
        <div id=BOARD_TIMELINE class="board" role="region" aria-label="Časová osa dne">
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
                    <NowMarker now_at=now_at class="now-mark" time=now />
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
                        .map(|row| {
                            view! {
                                <Row
                                    row=row
                                    now_at=now_at
                                    on_drop=drop_on
                                    on_open=open_visit
                                    on_sick=on_sick
                                />
                            }
                        })
                        .collect_view()
                        .into_any()
                }
            }}
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

/// Where the clock stands on today's timeline: the line across a row, or (given `time`) the
/// time on the scale. Nothing on another day.
#[component]
fn NowMarker(
    now_at: Memo<Option<f64>>,
    class: &'static str,
    #[prop(optional, into)] time: Option<Signal<DateTime<Utc>>>,
) -> impl IntoView {
    move || {
        now_at.get().map(|left| {
            view! {
                <span class=class style=format!("left:{left:.3}%") aria-hidden="true">
                    {time.map(|now| clock(now.get()))}
                </span>
            }
        })
    }
}

/// A caregiver's row: their name and load, and the day's visits on the timeline.
#[component]
fn Row(
    row: BoardRow,
    /// Where the "now" line stands on this row's timeline, when it is today.
    now_at: Memo<Option<f64>>,
    on_drop: Callback<DroppedVisit>,
    on_open: Callback<String>,
    on_sick: Callback<(String, String)>,
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
            style=format!("--lanes:{}", row.lanes)
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
                {row
                    .caregiver_id
                    .clone()
                    .map(|id| {
                        let name = row.name.clone();
                        view! {
                            <button
                                type="button"
                                class="link-button sick-call"
                                aria-label=format!("Nepřítomnost od teď: {name}")
                                on:click=move |_| on_sick.run((id.clone(), name.clone()))
                            >
                                "Nepřítomnost od teď"
                            </button>
                        }
                    })}
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
                    on_drop.run(DroppedVisit {
                        visit_id,
                        caregiver_id: caregiver_id.clone(),
                        time: time_at(fraction),
                    });
                }
            >
                {row
                    .travel
                    .into_iter()
                    .map(|gap| {
                        let label = gap.label();
                        let title = label.clone();
                        view! {
                            <span
                                class="travel"
                                class:travel-short=gap.short_by.is_some()
                                class:travel-home=gap.drive != Drive::Between
                                style=format!("left:{:.3}%;width:{:.3}%", gap.left, gap.width)
                                title=title
                            >
                                {label}
                            </span>
                        }
                    })
                    .collect_view()}
                <NowMarker now_at=now_at class="now-line" />
                {row
                    .blocks
                    .into_iter()
                    .map(|block| {
                        let label = block.label();
                        let visit_id = block.visit_id.clone();
                        let dragged = block.visit_id.clone();
                        let title = label.clone();
                        let movable = block.movable();
                        let state = block.state_word();
                        view! {
                            <button
                                type="button"
                                id=block_id(&block.visit_id)
                                class="block"
                                class:conflict=!block.conflicts.is_empty()
                                class:cancelled=block.status == VisitStatus::Cancelled
                                class:done=block.status == VisitStatus::Done
                                data-state=block.state.name()
                                style=format!(
                                    "left:{:.3}%;width:{:.3}%;--lane:{}",
                                    block.left,
                                    block.width,
                                    block.lane,
                                )
                                draggable=if movable { "true" } else { "false" }
                                aria-label=label
                                title=title
                                on:dragstart=move |ev: leptos::ev::DragEvent| {
                                    if !movable {
                                        ev.prevent_default();
                                        return;
                                    }
                                    if let Some(data) = ev.data_transfer() {
                                        let _ = data.set_data("text/plain", &dragged);
                                        data.set_effect_allowed("move");
                                    }
                                }
                                on:click=move |_| on_open.run(visit_id.clone())
                            >
                                <span class="block-client">{block.client_name}</span>
                                <span class="block-time">
                                    {block.time}
                                    {state.map(|state| view! { <span class="block-state">{format!(" · {state}")}</span> })}
                                </span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
