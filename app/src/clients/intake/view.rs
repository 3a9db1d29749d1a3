//! The intake form's components: the client's record, the plan, each recurring visit as a
//! row, every field with its error beside it; then planning the coming weeks.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::clients::ClientDetail;
use shared::schedule::GeneratedWeek;
use shared::time::{czech_weekday, prague_date};

use super::Choices;
use super::state::{
    ClientDraft, Intake, VisitDraft, parse_intake, visit_field, visits_count, weeks_to_plan,
};
use crate::paths;
use crate::remote::{self, ApiError};
use crate::ui::form::{FormAction, FormError};
use crate::ui::format::czech_date;

/// The error's message beside the field it names; `aria-invalid` and the description follow.
#[component]
fn FieldNote(#[prop(into)] field: String, error: Signal<Option<ErrorDetail>>) -> impl IntoView {
    let id = note_id(&field);
    move || {
        error
            .get()
            .filter(|error| error.field.as_deref() == Some(field.as_str()))
            .map(|error| {
                view! {
                    <p id=id.clone() class="field-error">
                        {error.message}
                    </p>
                }
            })
    }
}

fn note_id(field: &str) -> String {
    format!("chyba-{}", field.replace('.', "-"))
}

/// `aria-invalid` and `aria-describedby` of an input whose field is `field`.
fn marks(
    error: Signal<Option<ErrorDetail>>,
    field: String,
) -> (
    impl Fn() -> Option<&'static str> + Clone,
    impl Fn() -> Option<String> + Clone,
) {
    let named = move |field: &str| {
        error.with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(field))
    };
    let invalid_field = field.clone();
    (
        move || named(&invalid_field).then_some("true"),
        move || named(&field).then(|| note_id(&field)),
    )
}

/// A labelled text input bound to one part of a draft, with its error beside it.
#[component]
fn DraftInput(
    id: &'static str,
    #[prop(into)] field: String,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: String,
    #[prop(into)] on_change: Callback<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let (invalid, described) = marks(error, field.clone());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <input
                id=id
                type=kind
                prop:value=value
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
            <FieldNote field=field error=error />
        </div>
    }
}

/// The whole form; sends the client, the plan and the visits once every field passes.
#[component]
pub fn IntakeForm(choices: Choices, send: FormAction<Intake, ClientDetail>) -> impl IntoView {
    let Choices {
        catalogue,
        municipalities,
        caregivers,
    } = choices;
    let error = send.error();
    let client = RwSignal::new(ClientDraft {
        service_from: prague_date(Utc::now()).to_string(),
        ..ClientDraft::default()
    });
    let goals = RwSignal::new(String::new());
    let agreed = RwSignal::new(Vec::<String>::new());
    let next_row = StoredValue::new(2_u32);
    let visits = RwSignal::new(vec![
        (0_u32, VisitDraft::daily("07:30", "08:30")),
        (1_u32, VisitDraft::daily("17:30", "18:30")),
    ]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let drafts: Vec<VisitDraft> =
            visits.with_untracked(|v| v.iter().map(|(_, d)| d.clone()).collect());
        send.submit(parse_intake(
            &client.get_untracked(),
            &goals.get_untracked(),
            &agreed.get_untracked(),
            &drafts,
        ));
    };
    let set = move |change: fn(&mut ClientDraft, String)| {
        Callback::new(move |value: String| client.update(|draft| change(draft, value)))
    };
    let mut municipalities = municipalities;
    municipalities.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let centres = StoredValue::new(municipalities.clone());
    let centre = move || {
        let code = client.with(|c| c.municipality_code.clone());
        centres.with_value(|all| {
            all.iter().find(|m| m.code == code).map(|m| {
                format!(
                    "Střed obce {}: {:.5}, {:.5}",
                    m.name, m.latitude, m.longitude
                )
            })
        })
    };
    let (municipality_invalid, municipality_described) = marks(error, "municipality_code".into());
    let (level_invalid, level_described) = marks(error, "care_allowance_level".into());
    let (goals_invalid, goals_described) = marks(error, "plan.goals".into());
    let plan_tasks: Vec<(String, String)> = catalogue
        .iter()
        .map(|task| (task.code.clone(), task.name.clone()))
        .collect();
    let catalogue = StoredValue::new(catalogue);
    let caregivers = StoredValue::new(caregivers);
    view! {
        <form class="form intake-form" on:submit=submit novalidate>
            <fieldset class="card">
                <legend>"Klient"</legend>
                <DraftInput id="intake-name" field="name" label="Jméno a příjmení" value="" on_change=set(|d, v| d.name = v) error=error />
                <DraftInput id="intake-street" field="street" label="Ulice a číslo domu" value="" on_change=set(|d, v| d.street = v) error=error />
                <div class="field">
                    <label for="intake-municipality">"Obec"</label>
                    <select
                        id="intake-municipality"
                        aria-invalid=municipality_invalid
                        aria-describedby=municipality_described
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            client.update(|d| d.municipality_code = code);
                        }
                    >
                        <option value="">"Vyberte obec Ústeckého kraje"</option>
                        {municipalities
                            .into_iter()
                            .map(|m| {
                                let label = format!("{} (okres {})", m.name, m.district);
                                view! { <option value=m.code>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                    <FieldNote field="municipality_code" error=error />
                    <p class="hint">{centre}</p>
                </div>
                <details class="intake-point">
                    <summary>"Přesné místo domu (jinak střed obce)"</summary>
                    <DraftInput id="intake-latitude" field="latitude" label="Zeměpisná šířka" hint="např. 50,77941" value="" on_change=set(|d, v| d.latitude = v) error=error />
                    <DraftInput id="intake-longitude" field="longitude" label="Zeměpisná délka" hint="např. 14,21472" value="" on_change=set(|d, v| d.longitude = v) error=error />
                </details>
                <div class="field">
                    <label for="intake-level">"Příspěvek na péči"</label>
                    <select
                        id="intake-level"
                        aria-invalid=level_invalid
                        aria-describedby=level_described
                        on:change=move |ev| {
                            let level = event_target_value(&ev);
                            client.update(|d| d.care_allowance_level = level);
                        }
                    >
                        <option value="">"bez příspěvku"</option>
                        <option value="1">"I. stupeň (lehká závislost)"</option>
                        <option value="2">"II. stupeň (středně těžká závislost)"</option>
                        <option value="3">"III. stupeň (těžká závislost)"</option>
                        <option value="4">"IV. stupeň (úplná závislost)"</option>
                    </select>
                    <FieldNote field="care_allowance_level" error=error />
                </div>
                <DraftInput id="intake-level-from" field="care_allowance_from" label="Stupeň platí od" kind="date" value="" on_change=set(|d, v| d.care_allowance_from = v) error=error />
                <label class="check">
                    <input
                        type="checkbox"
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            client.update(|d| d.free_of_charge = on);
                        }
                    />
                    "Služba bez úhrady (§ 75 odst. 2 zákona o sociálních službách)"
                </label>
                <DraftInput id="intake-service-from" field="service_from" label="Služba od" kind="date" value=client.with_untracked(|d| d.service_from.clone()) on_change=set(|d, v| d.service_from = v) error=error />
                <DraftInput id="intake-doorstep" field="doorstep_note" label="Poznámka pro příchod ke dveřím" hint="Klíč, zvonek, kde zaparkovat…" value="" on_change=set(|d, v| d.doorstep_note = v) error=error />
                <DraftInput id="intake-risks" field="key_risks" label="Hlavní rizika" hint="Pády, alergie, pes u dveří…" value="" on_change=set(|d, v| d.key_risks = v) error=error />
            </fieldset>
            <fieldset class="card">
                <legend>"Kontaktní osoba"</legend>
                <DraftInput id="intake-contact-name" field="contacts.name" label="Jméno" value="" on_change=set(|d, v| d.contact_name = v) error=error />
                <DraftInput id="intake-contact-relation" field="contacts.relation" label="Vztah ke klientovi" hint="dcera, syn, soused…" value="" on_change=set(|d, v| d.contact_relation = v) error=error />
                <DraftInput id="intake-contact-phone" field="contacts.phone" label="Telefon" kind="tel" value="" on_change=set(|d, v| d.contact_phone = v) error=error />
            </fieldset>
            <fieldset class="card">
                <legend>"Plán péče"</legend>
                <div class="field">
                    <label for="intake-goals">"Cíle spolupráce"</label>
                    <textarea
                        id="intake-goals"
                        rows="3"
                        aria-invalid=goals_invalid
                        aria-describedby=goals_described
                        on:input=move |ev| goals.set(event_target_value(&ev))
                    ></textarea>
                    <FieldNote field="plan.goals" error=error />
                </div>
                <fieldset class="plan-task-choice">
                    <legend>"Dohodnuté úkony (vyhláška 505/2006 Sb.)"</legend>
                    <TaskChoice tasks=plan_tasks chosen=agreed />
                    <FieldNote field="plan.agreed_tasks" error=error />
                </fieldset>
            </fieldset>
            <fieldset class="card">
                <legend>"Opakované návštěvy"</legend>
                <FieldNote field="visits" error=error />
                <For each=move || visits.get().into_iter().map(|(row_key, _)| row_key) key=|row_key| *row_key let:row_key>
                    <VisitRow
                        row_key=row_key
                        visits=visits
                        agreed=agreed
                        catalogue=catalogue
                        caregivers=caregivers
                        error=error
                    />
                </For>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| {
                        let key = next_row.get_value();
                        next_row.set_value(key + 1);
                        visits.update(|v| v.push((key, VisitDraft::daily("12:00", "12:30"))));
                    }
                >
                    "Přidat další opakovanou návštěvu"
                </button>
            </fieldset>
            <FormError id="intake-error" error=error />
            <button type="submit" class="button" disabled=move || send.pending().get()>
                {move || if send.pending().get() { "Ukládám…" } else { "Přijmout klienta" }}
            </button>
        </form>
    }
}

/// Checkboxes of tasks (code, name), each toggling its code in `chosen`.
#[component]
fn TaskChoice(tasks: Vec<(String, String)>, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    tasks
        .into_iter()
        .map(|(code, name)| {
            let toggled = code.clone();
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || chosen.with(|c| c.contains(&code))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen
                                .update(|c| {
                                    c.retain(|known| known != &toggled);
                                    if on {
                                        c.push(toggled.clone());
                                    }
                                });
                        }
                    />
                    {name}
                </label>
            }
        })
        .collect_view()
}

/// One recurring visit: its days, window, length, tasks (of those agreed), people, skills.
#[component]
fn VisitRow(
    row_key: u32,
    visits: RwSignal<Vec<(u32, VisitDraft)>>,
    agreed: RwSignal<Vec<String>>,
    catalogue: StoredValue<Vec<shared::catalogue::CareTask>>,
    caregivers: StoredValue<Vec<shared::schedule::BoardCaregiver>>,
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
                    <RowInput id=id("start") field=field("window_start").get() label="Příchod nejdříve v" kind="time" value=draft.window_start.clone() on_change=text(|d, v| d.window_start = v) error=error />
                    <RowInput id=id("end") field=field("window_end").get() label="Příchod nejpozději v" kind="time" value=draft.window_end.clone() on_change=text(|d, v| d.window_end = v) error=error />
                    <RowInput id=id("duration") field=field("duration_minutes").get() label="Délka (minuty)" kind="number" value=draft.duration_minutes.clone() on_change=text(|d, v| d.duration_minutes = v) error=error />
                    <RowInput id=id("skills") field=field("required_skills").get() label="Potřebné dovednosti" hint="oddělené čárkou, např. přesun, řidič" value=draft.skills.clone() on_change=text(|d, v| d.skills = v) error=error />
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
                    view! { <TaskChoice tasks=names chosen=tasks /> }.into_any()
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

/// A text input of a visit row, its field name following the row's position.
#[component]
fn RowInput(
    id: String,
    field: String,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: String,
    on_change: Callback<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let (invalid, described) = marks(error, field.clone());
    let input_id = id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <input
                id=input_id
                type=kind
                prop:value=value
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
            <FieldNote field=field error=error />
        </div>
    }
}

/// After the intake: plan the coming weeks from the new care plan, then open the board.
#[component]
pub fn PlanWeeks(client: ClientDetail) -> impl IntoView {
    let today = prague_date(Utc::now());
    let service_from = client.input.service_from;
    let weeks = RwSignal::new(2_u8);
    let generate = Action::new_local(move |count: &u8| {
        generate_weeks(weeks_to_plan(service_from, today, *count))
    });
    let first_monday = weeks_to_plan(service_from, today, 1)[0];
    let plan = paths::client_plan(&client.id);
    view! {
        <section class="card" aria-labelledby="taken-heading">
            <h2 id="taken-heading">{format!("{} je přijat(a) do péče", client.input.name)}</h2>
            <p>{format!("Služba od {}, {}.", czech_date(service_from), client.municipality_name)}</p>
            <div class="field">
                <label for="plan-weeks">"Naplánovat návštěvy na"</label>
                <select id="plan-weeks" on:change=move |ev| weeks.set(event_target_value(&ev).parse().unwrap_or(2))>
                    <option value="1">"1 týden"</option>
                    <option value="2" selected=true>"2 týdny"</option>
                    <option value="4">"4 týdny"</option>
                </select>
            </div>
            <button
                type="button"
                class="button"
                disabled=move || generate.pending().get()
                on:click=move |_| {
                    generate.dispatch(weeks.get_untracked());
                }
            >
                "Naplánovat návštěvy"
            </button>
            {move || match generate.value().get() {
                Some(Ok(created)) => Some(view! {
                    <p class="notice" role="status">{format!("Naplánováno: {}.", visits_count(created))}</p>
                }.into_any()),
                Some(Err(error)) => Some(view! {
                    <p class="form-error" role="alert">{error.message().to_owned()}</p>
                }.into_any()),
                None => None,
            }}
            <p class="actions">
                <a class="button" href=paths::week(first_monday)>
                    "Otevřít tabuli týdne"
                </a>
                <a class="button secondary" href=plan>
                    "Plán péče klienta"
                </a>
            </p>
        </section>
    }
}

/// Generates each week in turn; answers how many visits were created in all.
async fn generate_weeks(mondays: Vec<NaiveDate>) -> Result<u32, ApiError> {
    let mut created = 0;
    for monday in mondays {
        let GeneratedWeek { created: more } = remote::generate_week(monday).await?;
        created += more;
    }
    Ok(created)
}
