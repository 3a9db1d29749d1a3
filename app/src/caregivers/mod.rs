//! `/pecovatele/{id}`: what the planner knows of a caregiver — skills, weekly shifts,
//! contract hours, home base — and the caregiver's absences.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::ErrorDetail;
use shared::planning::input::{
    AbsenceInput, CaregiverProfileInput, HomeBase, ShiftInput, check_absence, check_profile,
};
use shared::planning::travel::GeoPoint;
use shared::schedule::AbsenceView;
use shared::time::czech_weekday;

use crate::api;
use crate::components::{ErrorPanel, FormError, Loading, invalid_when_named};
use crate::pages::{FormAction, RequireRole, Session, loader, signed_out_if_expired};
use crate::paths;
use crate::view_state::{Remote, access, czech_date, field_error};

fn rejected(error: shared::error::FieldError) -> ErrorDetail {
    field_error(error.field, error.message)
}

/// The profile form as the API's input, checked by the shared rule. Empty contract and
/// home base fields mean "not recorded".
pub fn parse_profile(
    skills: &str,
    shifts: Vec<ShiftInput>,
    contract_hours: &str,
    home: (&str, &str, &str),
) -> Result<CaregiverProfileInput, ErrorDetail> {
    let number = |text: &str, field: &str, what: &str| {
        text.trim()
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| field_error(field, format!("Zadejte {what} jako číslo.")))
    };
    let contract_hours_per_week = match contract_hours.trim() {
        "" => None,
        text => Some(number(
            text,
            "contract_hours_per_week",
            "úvazek v hodinách",
        )?),
    };
    let (street, latitude, longitude) = home;
    let home_base = match (street.trim(), latitude.trim(), longitude.trim()) {
        ("", "", "") => None,
        (street, latitude, longitude) => Some(HomeBase {
            street: street.to_owned(),
            location: GeoPoint {
                latitude: number(latitude, "home_base.location", "zeměpisnou šířku")?,
                longitude: number(longitude, "home_base.location", "zeměpisnou délku")?,
            },
        }),
    };
    let input = CaregiverProfileInput {
        skills: skills
            .split(',')
            .map(|skill| skill.trim().to_owned())
            .collect(),
        shifts,
        contract_hours_per_week,
        home_base,
    };
    check_profile(&input).map_err(rejected)?;
    Ok(input)
}

/// The absence form as the API's input.
pub fn parse_absence(from: &str, to: &str, reason: &str) -> Result<AbsenceInput, ErrorDetail> {
    let date = |text: &str, field: &str| {
        text.parse()
            .map_err(|_| field_error(field, "Zadejte datum."))
    };
    let input = AbsenceInput {
        from: date(from, "from")?,
        to: date(to, "to")?,
        reason: reason.to_owned(),
    };
    check_absence(&input).map_err(rejected)?;
    Ok(input)
}

#[component]
pub fn CaregiverPage() -> impl IntoView {
    let params = use_params_map();
    let user_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    view! {
        <RequireRole roles=access::WEEK>
            {move || view! { <CaregiverLoader user_id=user_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn CaregiverLoader(user_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let profile_id = user_id.clone();
    let (load, profile) = loader(session, move || api::caregiver_profile(profile_id.clone()));
    let absences_id = user_id.clone();
    let (load_absences, absences) = loader(session, move || {
        api::caregiver_absences(absences_id.clone())
    });
    let save_id = user_id.clone();
    let save = FormAction::new(move |input: CaregiverProfileInput| {
        api::save_caregiver_profile(save_id.clone(), input)
    });
    let add_id = user_id.clone();
    let add = FormAction::new(move |input: AbsenceInput| api::add_absence(add_id.clone(), input));
    let saved = RwSignal::new(false);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => saved.set(true),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            load_absences.run(());
        }
    });
    let delete_id = StoredValue::new(user_id);
    let delete_error = RwSignal::new(None::<String>);
    let delete = Callback::new(move |absence_id: String| {
        let user_id = delete_id.get_value();
        delete_error.set(None);
        leptos::task::spawn_local(async move {
            match api::delete_absence(user_id, absence_id).await {
                Ok(()) => load_absences.run(()),
                Err(error) => {
                    signed_out_if_expired(session, &error);
                    let _ = delete_error.try_set(Some(error.message().to_owned()));
                }
            }
        });
    });
    view! {
        <section class="caregiver-page" aria-labelledby="caregiver-heading">
            <h1 id="caregiver-heading">"Pracovník: směny, dovednosti a nepřítomnosti"</h1>
            <p>
                <a href=paths::WEEK>"← Týdenní plán"</a>
            </p>
            {move || match profile.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                Remote::Loaded(profile) => {
                    view! { <ProfileForm profile=profile save=save saved=saved /> }.into_any()
                }
            }}
            <section class="card" aria-labelledby="absences-heading">
                <h2 id="absences-heading">"Nepřítomnosti"</h2>
                {move || delete_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                {move || match absences.get() {
                    Remote::Loading => view! { <Loading /> }.into_any(),
                    Remote::Failed(error) => {
                        view! { <ErrorPanel message=error.message on_retry=load_absences /> }
                            .into_any()
                    }
                    Remote::Loaded(list) if list.is_empty() => {
                        view! { <p class="empty">"Žádné zapsané nepřítomnosti."</p> }.into_any()
                    }
                    Remote::Loaded(list) => {
                        view! {
                            <ul class="absences">
                                {list.into_iter().map(|absence| absence_row(absence, delete)).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
                <AbsenceForm add=add />
            </section>
        </section>
    }
}

fn absence_row(absence: AbsenceView, delete: Callback<String>) -> impl IntoView {
    let id = absence.id.clone();
    let span = if absence.from == absence.to {
        czech_date(absence.from)
    } else {
        format!("{} – {}", czech_date(absence.from), czech_date(absence.to))
    };
    view! {
        <li class="absence">
            <span>{format!("{span}: {}", absence.reason)}</span>
            <button type="button" class="button" on:click=move |_| delete.run(id.clone())>
                "Smazat"
            </button>
        </li>
    }
}

#[component]
fn ProfileForm(
    profile: CaregiverProfileInput,
    save: FormAction<CaregiverProfileInput, ()>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let skills = NodeRef::<leptos::html::Input>::new();
    let contract = NodeRef::<leptos::html::Input>::new();
    let street = NodeRef::<leptos::html::Input>::new();
    let latitude = NodeRef::<leptos::html::Input>::new();
    let longitude = NodeRef::<leptos::html::Input>::new();
    let shifts = RwSignal::new(profile.shifts.clone());
    let error = save.error();
    let text = |input: NodeRef<leptos::html::Input>| {
        input.get_untracked().map(|i| i.value()).unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        save.submit(parse_profile(
            &text(skills),
            shifts.get_untracked(),
            &text(contract),
            (&text(street), &text(latitude), &text(longitude)),
        ));
    };
    let marked = move |field: &'static str| invalid_when_named(error, field);
    let home = profile.home_base.clone();
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
                <div class="field">
                    <label for="profile-street">"Výchozí místo (adresa)"</label>
                    <input
                        id="profile-street"
                        node_ref=street
                        value=home.as_ref().map(|h| h.street.clone()).unwrap_or_default()
                        aria-invalid=marked("home_base.street")
                    />
                </div>
                <div class="inline-field">
                    <label for="profile-latitude">"Zeměpisná šířka"</label>
                    <input
                        id="profile-latitude"
                        inputmode="decimal"
                        node_ref=latitude
                        value=home.as_ref().map(|h| h.location.latitude.to_string()).unwrap_or_default()
                        aria-invalid=marked("home_base.location")
                    />
                    <label for="profile-longitude">"Zeměpisná délka"</label>
                    <input
                        id="profile-longitude"
                        inputmode="decimal"
                        node_ref=longitude
                        value=home.as_ref().map(|h| h.location.longitude.to_string()).unwrap_or_default()
                        aria-invalid=marked("home_base.location")
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

#[component]
fn AbsenceForm(add: FormAction<AbsenceInput, ()>) -> impl IntoView {
    let from = NodeRef::<leptos::html::Input>::new();
    let to = NodeRef::<leptos::html::Input>::new();
    let reason = NodeRef::<leptos::html::Input>::new();
    let error = add.error();
    let text = |input: NodeRef<leptos::html::Input>| {
        input.get_untracked().map(|i| i.value()).unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.submit(parse_absence(&text(from), &text(to), &text(reason)));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shift() -> ShiftInput {
        ShiftInput {
            weekday: 1,
            start: "07:00".into(),
            end: "15:30".into(),
        }
    }

    #[test]
    fn the_profile_form_becomes_the_apis_input() {
        let input = parse_profile(
            " přesun, koupel ,",
            vec![shift()],
            "37,5",
            ("Masarykova 1, Děčín", "50.77", "14.21"),
        )
        .expect("valid");
        assert_eq!(input.contract_hours_per_week, Some(37.5));
        assert_eq!(input.home_base.expect("home").location.latitude, 50.77);
        let empty = parse_profile("", vec![], "", ("", "", "")).expect("nothing recorded");
        assert_eq!(
            (empty.contract_hours_per_week, empty.home_base),
            (None, None)
        );
    }

    #[test]
    fn a_wrong_profile_field_is_named() {
        let cases = [
            (
                parse_profile("", vec![], "hodně", ("", "", "")),
                "contract_hours_per_week",
            ),
            (
                parse_profile("", vec![], "60", ("", "", "")),
                "contract_hours_per_week",
            ),
            (
                parse_profile("", vec![], "", ("Ulice 1", "x", "14")),
                "home_base.location",
            ),
            (
                parse_profile(
                    "",
                    vec![ShiftInput {
                        end: "06:00".into(),
                        ..shift()
                    }],
                    "",
                    ("", "", ""),
                ),
                "shifts.end",
            ),
        ];
        for (result, field) in cases {
            assert_eq!(result.expect_err(field).field.as_deref(), Some(field));
        }
    }

    #[test]
    fn an_absence_needs_dates_in_order_and_a_reason() {
        assert!(parse_absence("2026-12-01", "2026-12-02", "dovolená").is_ok());
        for (from, to, reason, field) in [
            ("", "2026-12-02", "dovolená", "from"),
            ("2026-12-03", "2026-12-02", "dovolená", "to"),
            ("2026-12-01", "2026-12-02", " ", "reason"),
        ] {
            assert_eq!(
                parse_absence(from, to, reason)
                    .expect_err(field)
                    .field
                    .as_deref(),
                Some(field)
            );
        }
    }
}
