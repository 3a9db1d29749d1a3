//! One recurring visit of the intake form as a row: its days, window, length, tasks (of
//! those the plan agrees), people and skills, each field's error beside it.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::schedule::BoardCaregiver;
use shared::time::czech_weekday;

use super::state::{VisitDraft, visit_field};
use crate::ui::form::{CheckList, CheckedInput, FieldNote};

/// One recurring visit: its days, window, length, tasks (of those agreed), people, skills.
#[component]
pub(super) fn VisitRow(
    row_key: u32,
    visits: RwSignal<Vec<(u32, VisitDraft)>>,
    agreed: RwSignal<Vec<String>>,
    catalogue: StoredValue<Vec<CareTask>>,
    caregivers: StoredValue<Vec<BoardCaregiver>>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let row =
        Memo::new(move |_| visits.with(|v| v.iter().position(|(k, _)| *k == row_key).unwrap_or(0)));
    let current = move || {
        visits
            .with_untracked(|v| {
                v.iter()
                    .find(|(k, _)| *k == row_key)
                    .map(|(_, d)| d.clone())
            })
            .unwrap_or_else(|| VisitDraft::daily("08:00", "08:30"))
    };
    let draft = current();
    let change = move |edit: Box<dyn Fn(&mut VisitDraft)>| {
        visits.update(|v| {
            if let Some((_, draft)) = v.iter_mut().find(|(k, _)| *k == row_key) {
                edit(draft);
            }
        });
    };
    let text = move |edit: fn(&mut VisitDraft, String)| {
        Callback::new(move |value: String| change(Box::new(move |d| edit(d, value.clone()))))
    };
    let field = move |name: &'static str| Signal::derive(move || visit_field(row.get(), name));
    let tasks = RwSignal::new(draft.tasks.clone());
    Effect::new(move |_| {
        let chosen = tasks.get();
        change(Box::new(move |d| d.tasks = chosen.clone()));
    });
    let id = move |name: &str| format!("visit-{row_key}-{name}");
    view! {
        <fieldset class="visit-row" data-row=row_key>
            <legend>{move || format!("Návštěva {}", row.get() + 1)}</legend>
            <fieldset class="weekdays">
                <legend>"Dny"</legend>
                {(1..=7_u8)
                    .filter_map(|day| shared::planning::input::weekday_from_number(day).map(|w| (day, w)))
                    .map(|(day, weekday)| {
                        let on = draft.weekdays.contains(&day);
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=on
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        change(Box::new(move |d| {
                                            d.weekdays.retain(|known| *known != day);
                                            if on {
                                                d.weekdays.push(day);
                                                d.weekdays.sort_unstable();
                                            }
                                        }));
                                    }
                                />
                                {czech_weekday(weekday)}
                            </label>
                        }
                    })
                    .collect_view()}
                {move || view! { <FieldNote field=field("weekdays").get() error=error /> }}
            </fieldset>
            // Drawn again when the row's position (and so its fields' names) changes.
            {move || {
                let _ = row.get();
                let draft = current();
                view! {
                    <CheckedInput id=id("start") field=field("window_start").get() label="Příchod nejdříve v" kind="time" value=draft.window_start.clone() on_change=text(|d, v| d.window_start = v) error=error />
                    <CheckedInput id=id("end") field=field("window_end").get() label="Příchod nejpozději v" kind="time" value=draft.window_end.clone() on_change=text(|d, v| d.window_end = v) error=error />
                    <CheckedInput id=id("duration") field=field("duration_minutes").get() label="Délka (minuty)" kind="number" value=draft.duration_minutes.clone() on_change=text(|d, v| d.duration_minutes = v) error=error />
                    <CheckedInput id=id("skills") field=field("required_skills").get() label="Potřebné dovednosti" hint="oddělené čárkou, např. přesun, řidič" value=draft.skills.clone() on_change=text(|d, v| d.skills = v) error=error />
                }
            }}
            <fieldset>
                <legend>"Úkony při návštěvě"</legend>
                {move || {
                    let agreed = agreed.get();
                    if agreed.is_empty() {
                        return view! { <p class="hint">"Nejdřív vyberte dohodnuté úkony plánu."</p> }.into_any();
                    }
                    let names = catalogue.with_value(|c| {
                        agreed
                            .iter()
                            .map(|code| {
                                let name = c.iter().find(|t| &t.code == code).map_or_else(|| code.clone(), |t| t.name.clone());
                                (code.clone(), name)
                            })
                            .collect::<Vec<_>>()
                    });
                    view! { <CheckList choices=names chosen=tasks /> }.into_any()
                }}
                {move || view! { <FieldNote field=field("tasks").get() error=error /> }}
            </fieldset>
            <div class="field">
                <label for=id("people")>"Počet pracovníků"</label>
                <select
                    id=id("people")
                    on:change=move |ev| {
                        let two = event_target_value(&ev) == "2";
                        change(Box::new(move |d| d.caregivers_needed = if two { 2 } else { 1 }));
                    }
                >
                    <option value="1" selected=draft.caregivers_needed == 1>"1 pracovník"</option>
                    <option value="2" selected=draft.caregivers_needed == 2>"2 pracovníci"</option>
                </select>
                {move || view! { <FieldNote field=field("caregivers_needed").get() error=error /> }}
            </div>
            <div class="field">
                <label for=id("caregiver")>"Pečovatel"</label>
                <select
                    id=id("caregiver")
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        change(Box::new(move |d| d.caregiver_id = chosen.clone()));
                    }
                >
                    <option value="">"zatím nikdo (přiřadíte na tabuli týdne)"</option>
                    {caregivers
                        .get_value()
                        .into_iter()
                        .map(|c| view! { <option value=c.id>{c.name}</option> })
                        .collect_view()}
                </select>
                {move || view! { <FieldNote field=field("preferred_caregiver_id").get() error=error /> }}
            </div>
            <button
                type="button"
                class="button secondary"
                on:click=move |_| visits.update(|v| v.retain(|(k, _)| *k != row_key))
            >
                {move || format!("Odebrat návštěvu {}", row.get() + 1)}
            </button>
        </fieldset>
    }
}
