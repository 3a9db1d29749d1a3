//! The intake form's components: the client's record, the plan, each recurring visit as a
//! row, every field with its error beside it; then planning the coming weeks.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use shared::clients::ClientDetail;
use shared::schedule::GeneratedWeek;
use shared::time::prague_date;

use super::Choices;
use super::state::{ClientDraft, Intake, VisitDraft, parse_intake, weeks_to_plan};
use super::visit_row::VisitRow;
use crate::paths;
use crate::remote::{self, ApiError};
use crate::ui::form::{CheckList, CheckedInput, FieldNote, FormAction, FormError, marks};
use crate::ui::format::{czech_date, visit_count};
use crate::ui::municipality::MunicipalityPicker;

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
    let place = RwSignal::new(String::new());
    let point = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let drafts: Vec<VisitDraft> =
            visits.with_untracked(|v| v.iter().map(|(_, d)| d.clone()).collect());
        let draft = ClientDraft {
            municipality_code: place.get_untracked(),
            point: point.get_untracked(),
            ..client.get_untracked()
        };
        send.submit(parse_intake(
            &draft,
            &goals.get_untracked(),
            &agreed.get_untracked(),
            &drafts,
        ));
    };
    let set = move |change: fn(&mut ClientDraft, String)| {
        Callback::new(move |value: String| client.update(|draft| change(draft, value)))
    };
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
                <CheckedInput id="intake-name" field="name" label="Jméno a příjmení" value="" on_change=set(|d, v| d.name = v) error=error />
                <CheckedInput id="intake-street" field="street" label="Ulice a číslo domu" value="" on_change=set(|d, v| d.street = v) error=error />
                <MunicipalityPicker
                    id="intake-municipality"
                    field="municipality_code"
                    label="Obec"
                    municipalities=municipalities
                    chosen=place
                    point=point
                    error=error
                />
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
                <CheckedInput id="intake-level-from" field="care_allowance_from" label="Stupeň platí od" kind="date" value="" on_change=set(|d, v| d.care_allowance_from = v) error=error />
                <CheckedInput id="intake-birth-date" field="birth_date" label="Datum narození" kind="date" hint="Pro věkové skupiny ve výkazech; nepovinné." value="" on_change=set(|d, v| d.birth_date = v) error=error />
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
                <CheckedInput id="intake-service-from" field="service_from" label="Služba od" kind="date" value=client.with_untracked(|d| d.service_from.clone()) on_change=set(|d, v| d.service_from = v) error=error />
                <CheckedInput id="intake-doorstep" field="doorstep_note" label="Poznámka pro příchod ke dveřím" hint="Klíč, zvonek, kde zaparkovat…" value="" on_change=set(|d, v| d.doorstep_note = v) error=error />
                <CheckedInput id="intake-risks" field="key_risks" label="Hlavní rizika" hint="Pády, alergie, pes u dveří…" value="" on_change=set(|d, v| d.key_risks = v) error=error />
                <CheckedInput id="intake-phone" field="phone" label="Telefon klienta" kind="tel" hint="Pečovatelka ho vytočí jedním ťuknutím." value="" on_change=set(|d, v| d.phone = v) error=error />
            </fieldset>
            <fieldset class="card">
                <legend>"Kontaktní osoba"</legend>
                <CheckedInput id="intake-contact-name" field="contacts.name" label="Jméno" value="" on_change=set(|d, v| d.contact_name = v) error=error />
                <CheckedInput id="intake-contact-relation" field="contacts.relation" label="Vztah ke klientovi" hint="dcera, syn, soused…" value="" on_change=set(|d, v| d.contact_relation = v) error=error />
                <CheckedInput id="intake-contact-phone" field="contacts.phone" label="Telefon" kind="tel" value="" on_change=set(|d, v| d.contact_phone = v) error=error />
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
                    <CheckList choices=plan_tasks chosen=agreed />
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
                    <p class="notice" role="status">{format!("Naplánováno: {}.", visit_count(created))}</p>
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
async fn generate_weeks(mondays: Vec<NaiveDate>) -> Result<usize, ApiError> {
    let mut created = 0;
    for monday in mondays {
        let GeneratedWeek { created: more } = remote::generate_week(monday).await?;
        created += more as usize;
    }
    Ok(created)
}
