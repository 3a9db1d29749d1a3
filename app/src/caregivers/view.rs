//! The caregiver page's components: the profile form, the absences and their form.

use leptos::prelude::*;
use shared::catalogue::Municipality;
use shared::planning::input::{AbsenceInput, CaregiverProfileInput, ShiftInput};
use shared::schedule::AbsenceView;
use shared::time::czech_weekday;

use crate::caregivers::state::{
    AbsenceDraft, ProfileDraft, absence_span, nearest_municipality, parse_absence, parse_profile,
};
use crate::ui::form::{FormAction, FormError, invalid_when_named, value_of};
use crate::ui::municipality::MunicipalityPicker;

/// One absence with its delete button.
pub fn absence_row(absence: AbsenceView, delete: Callback<String>) -> impl IntoView {
    let id = absence.id.clone();
    let span = absence_span(&absence);
    view! {
        <li class="absence">
            <span>{format!("{span}: {}", absence.reason)}</span>
            <button type="button" class="button" on:click=move |_| delete.run(id.clone())>
                "Smazat"
            </button>
        </li>
    }
}

/// Skills, weekly shifts, contract hours and home base.
#[component]
pub(crate) fn ProfileForm(
    profile: CaregiverProfileInput,
    /// The region's municipalities: the home base is picked among them.
    municipalities: Vec<Municipality>,
    save: FormAction<CaregiverProfileInput, ()>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let skills = NodeRef::<leptos::html::Input>::new();
    let contract = NodeRef::<leptos::html::Input>::new();
    let street = NodeRef::<leptos::html::Input>::new();
    let shifts = RwSignal::new(profile.shifts.clone());
    let home = profile.home_base.clone();
    // A stored point names its municipality, and the map around it shows the point.
    let stored = home.as_ref().map(|home| home.location);
    let nearest = stored.and_then(|point| nearest_municipality(point, &municipalities).cloned());
    let chosen = RwSignal::new(nearest.map(|m| m.code).unwrap_or_default());
    let point = RwSignal::new(stored);
    let places = StoredValue::new(municipalities.clone());
    let error = save.error();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let draft = ProfileDraft {
            skills: value_of(skills),
            shifts: shifts.get_untracked(),
            contract_hours: value_of(contract),
            street: value_of(street),
            municipality_code: chosen.get_untracked(),
            point: point.get_untracked(),
        };
        save.submit(places.with_value(|all| parse_profile(&draft, all)));
    };
    let marked = move |field: &'static str| invalid_when_named(error, field);
    let shift_rows = move || {
        shifts
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, shift)| {
                let set = move |edit: fn(&mut ShiftInput, String), value: String| {
                    shifts.update(|all| {
                        if let Some(shift) = all.get_mut(index) {
                            edit(shift, value);
                        }
                    });
                };
                view! {
                    <li class="shift-row">
                        <select
                            aria-label="Den"
                            on:change=move |ev| {
                                set(|s, v| s.weekday = v.parse().unwrap_or(1), event_target_value(&ev))
                            }
                        >
                            {(1..=7_u8)
                                .map(|day| {
                                    let name = shared::planning::input::weekday_from_number(day)
                                        .map(czech_weekday)
                                        .unwrap_or_default();
                                    view! {
                                        <option value=day.to_string() selected=day == shift.weekday>
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <input
                            type="time"
                            aria-label="Začátek směny"
                            value=shift.start.clone()
                            on:change=move |ev| set(|s, v| s.start = v, event_target_value(&ev))
                        />
                        <input
                            type="time"
                            aria-label="Konec směny"
                            value=shift.end.clone()
                            on:change=move |ev| set(|s, v| s.end = v, event_target_value(&ev))
                        />
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                shifts
                                    .update(|all| {
                                        all.remove(index);
                                    })
                            }
                        >
                            "Odebrat"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Směny, dovednosti, úvazek"</h2>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="profile-skills">"Dovednosti (oddělené čárkou)"</label>
                    <input
                        id="profile-skills"
                        node_ref=skills
                        value=profile.skills.join(", ")
                        aria-invalid=marked("skills")
                    />
                </div>
                <fieldset aria-invalid=marked("shifts.end")>
                    <legend>"Týdenní směny"</legend>
                    <ul class="shifts">{shift_rows}</ul>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            shifts
                                .update(|all| {
                                    all.push(ShiftInput {
                                        weekday: 1,
                                        start: "07:00".into(),
                                        end: "15:30".into(),
                                    })
                                })
                        }
                    >
                        "Přidat směnu"
                    </button>
                </fieldset>
                <div class="field">
                    <label for="profile-contract">"Úvazek (hodin týdně)"</label>
                    <input
                        id="profile-contract"
                        inputmode="decimal"
                        node_ref=contract
                        value=profile.contract_hours_per_week.map(|h| h.to_string()).unwrap_or_default()
                        aria-invalid=marked("contract_hours_per_week")
                    />
                </div>
                <MunicipalityPicker
                    id="profile-municipality"
                    field="home_base.municipality"
                    label="Obec, odkud vyjíždí"
                    municipalities=municipalities
                    chosen=chosen
                    point=point
                    error=error
                />
                <div class="field">
                    <label for="profile-street">"Ulice a číslo domu"</label>
                    <input
                        id="profile-street"
                        node_ref=street
                        value=home.as_ref().map(|h| h.street.clone()).unwrap_or_default()
                        aria-invalid=marked("home_base.street")
                    />
                </div>
                <FormError id="profile-error" error=error />
                {move || saved.get().then(|| view! { <p class="form-ok" role="status">"Uloženo."</p> })}
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { "Ukládám…" } else { "Uložit" }}
                </button>
            </form>
        </section>
    }
}

/// Recording an absence: from, to, why.
#[component]
pub(crate) fn AbsenceForm(add: FormAction<AbsenceInput, ()>) -> impl IntoView {
    let from = NodeRef::<leptos::html::Input>::new();
    let to = NodeRef::<leptos::html::Input>::new();
    let reason = NodeRef::<leptos::html::Input>::new();
    let error = add.error();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.submit(parse_absence(&AbsenceDraft {
            from: value_of(from),
            to: value_of(to),
            reason: value_of(reason),
        }));
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <h3>"Zapsat nepřítomnost"</h3>
            <div class="inline-field">
                <label for="absence-from">"Od"</label>
                <input id="absence-from" type="date" node_ref=from />
                <label for="absence-to">"Do"</label>
                <input id="absence-to" type="date" node_ref=to />
            </div>
            <div class="field">
                <label for="absence-reason">"Důvod (nemoc, dovolená, školení…)"</label>
                <input id="absence-reason" node_ref=reason />
            </div>
            <FormError id="absence-error" error=error />
            <button type="submit" class="button" disabled=move || add.pending().get()>
                "Zapsat"
            </button>
        </form>
    }
}
