//! The week overview under the board: caregivers × days, each day's heading a button that
//! shows that day on the board.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::schedule::WeekBoard;

use crate::week::overview::week_overview;
use crate::week::state::{day_tab_label, week_days};

/// The id of the board's timeline, which choosing a day in the overview brings into view.
pub const BOARD_TIMELINE: &str = "board-timeline";

/// A table of the week: a row per caregiver, a column per day.
#[component]
pub fn WeekOverview(week: WeekBoard, day: RwSignal<NaiveDate>) -> impl IntoView {
    let days = week_days(week.monday);
    let rows = week_overview(&week);
    let show_day = move |date: NaiveDate| {
        day.set(date);
        if let Some(board) = document().get_element_by_id(BOARD_TIMELINE) {
            board.scroll_into_view();
        }
    };
    view! {
        <section class="week-overview" aria-labelledby="week-overview-heading">
            <h2 id="week-overview-heading">"Přehled týdne"</h2>
            {if rows.is_empty() {
                view! { <p class="empty">"Poskytovatel zatím nemá žádné pracovníky."</p> }
                    .into_any()
            } else {
                view! {
                    <table class="overview-table">
                        <caption class="hint">
                            "Návštěvy a naplánovaný čas proti směně. Den otevřete na tabuli tlačítkem v záhlaví."
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Pracovník"</th>
                                {days
                                    .into_iter()
                                    .map(|date| {
                                        view! {
                                            <th scope="col">
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    aria-label=format!("{} na tabuli", day_tab_label(date))
                                                    aria-pressed=move || (day.get() == date).to_string()
                                                    on:click=move |_| show_day(date)
                                                >
                                                    {day_tab_label(date)}
                                                </button>
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr data-caregiver=row.caregiver_id>
                                            <th scope="row">{row.name}</th>
                                            {row
                                                .cells
                                                .into_iter()
                                                .map(|cell| {
                                                    view! {
                                                        <td
                                                            class:over-shift=cell.over_shift()
                                                            class:no-visits=cell.visits == 0
                                                            class:away=cell.away.is_some()
                                                        >
                                                            {cell.text()}
                                                        </td>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
    }
}
