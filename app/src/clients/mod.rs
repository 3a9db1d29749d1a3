//! `/klienti` and `/klienti/{id}/plan`: the provider's clients, and a client's care plan
//! (individuální plán) with its history, its recurring visits and the monthly statement.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::clients::ClientSummary;
use shared::planning::input::{CarePlanInput, check_care_plan};
use shared::schedule::{CarePlan, CarePlanVersion, TemplateView};
use shared::time::{czech_weekday, prague_date};

use crate::api;
use crate::components::{ErrorPanel, FormError, Loading, invalid_when_named};
use crate::pages::{FormAction, RequireRole, Session, loader, signed_out_if_expired};
use crate::paths;
use crate::view_state::{Remote, access, czech_date, czech_date_time, field_error};

/// "po, st, pá".
pub fn weekdays_label(weekdays: &[u8]) -> String {
    weekdays
        .iter()
        .filter_map(|day| shared::planning::input::weekday_from_number(*day))
        .map(|day| czech_weekday(day).chars().take(2).collect::<String>())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "po, st 7:30–8:00, 60 min, 1 pracovník".
pub fn template_label(template: &TemplateView) -> String {
    let people = if template.caregivers_needed == 2 {
        "2 pracovníci"
    } else {
        "1 pracovník"
    };
    let mut label = format!(
        "{} příchod {}–{}, {} min, {people}",
        weekdays_label(&template.weekdays),
        template.window_start,
        template.window_end,
        template.duration_minutes
    );
    if let Some(to) = template.valid_to {
        label.push_str(&format!(", platí do {}", czech_date(to)));
    }
    label
}

/// The month a statement is usually wanted for: the last complete one, `YYYY-MM`.
pub fn last_month(today: NaiveDate) -> String {
    let last = today.with_day(1).unwrap_or(today) - Duration::days(1);
    format!("{:04}-{:02}", last.year(), last.month())
}

/// A `YYYY-MM` month as the statement routes take it.
pub fn parse_month(text: &str) -> Result<String, ErrorDetail> {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .map(|first| format!("{:04}-{:02}", first.year(), first.month()))
        .map_err(|_| field_error("month", "Zadejte měsíc ve tvaru RRRR-MM, např. 2026-11."))
}

/// The plan form as the API's input, checked by the shared rule.
pub fn parse_care_plan(
    goals: &str,
    tasks: Vec<String>,
    valid_from: &str,
    note: &str,
) -> Result<CarePlanInput, ErrorDetail> {
    let valid_from = valid_from
        .parse()
        .map_err(|_| field_error("valid_from", "Zadejte datum, od kdy plán platí."))?;
    let input = CarePlanInput {
        goals: goals.to_owned(),
        agreed_tasks: tasks,
        valid_from,
        note: Some(note.trim().to_owned()).filter(|note| !note.is_empty()),
    };
    check_care_plan(&input).map_err(|error| field_error(error.field, error.message))?;
    Ok(input)
}

fn task_names(codes: &[String], catalogue: &[CareTask]) -> Vec<String> {
    codes
        .iter()
        .map(|code| {
            catalogue
                .iter()
                .find(|task| &task.code == code)
                .map(|task| task.name.clone())
                .unwrap_or_else(|| code.clone())
        })
        .collect()
}

#[component]
pub fn ClientsPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::CLIENTS>
            <ClientsLoader />
        </RequireRole>
    }
}

#[component]
fn ClientsLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, clients) = loader(session, api::clients);
    view! {
        <section class="clients-page" aria-labelledby="clients-heading">
            <h1 id="clients-heading">"Klienti"</h1>
            {move || match clients.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                Remote::Loaded(clients) if clients.is_empty() => {
                    view! { <p class="empty">"Poskytovatel zatím nemá žádné klienty."</p> }.into_any()
                }
                Remote::Loaded(clients) => {
                    view! {
                        <ul class="client-list">
                            {clients.into_iter().map(client_row).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

fn client_row(client: ClientSummary) -> impl IntoView {
    let level = client
        .care_allowance_level
        .map(|level| format!("příspěvek na péči {}. stupně", level))
        .unwrap_or_else(|| "bez příspěvku na péči".to_owned());
    view! {
        <li class="card client-row" class:inactive=!client.active>
            <h2>{client.name.clone()}</h2>
            <p class="lead">{format!("{}, {level}", client.municipality_name)}</p>
            <p class="actions">
                <a class="button" href=paths::client_plan(&client.id)>
                    "Plán péče a vyúčtování"
                </a>
                <a class="button" href=paths::client_family(&client.id)>
                    "Rodina"
                </a>
            </p>
        </li>
    }
}

#[component]
pub fn CarePlanPage() -> impl IntoView {
    let params = use_params_map();
    let client_id = Memo::new(move |_| params.with(|p| p.get("client_id").unwrap_or_default()));
    view! {
        <RequireRole roles=access::CLIENTS>
            {move || view! { <CarePlanLoader client_id=client_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn CarePlanLoader(client_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let plan_id = client_id.clone();
    let (load, plan) = loader(session, move || api::care_plan(plan_id.clone()));
    let (_, catalogue) = loader(session, api::task_catalogue);
    let save_id = client_id.clone();
    let save =
        FormAction::new(move |input: CarePlanInput| api::save_care_plan(save_id.clone(), input));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => load.run(()),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let statement_id = client_id.clone();
    view! {
        <section class="care-plan-page" aria-labelledby="plan-heading">
            <h1 id="plan-heading">"Plán péče"</h1>
            <p>
                <a href=paths::CLIENTS>"← Všichni klienti"</a>
            </p>
            {move || match (plan.get(), catalogue.get()) {
                (Remote::Failed(error), _) | (_, Remote::Failed(error)) => {
                    view! { <ErrorPanel message=error.message on_retry=load /> }.into_any()
                }
                (Remote::Loaded(plan), Remote::Loaded(catalogue)) => {
                    view! { <PlanView plan=plan catalogue=catalogue save=save /> }.into_any()
                }
                _ => view! { <Loading /> }.into_any(),
            }}
            <StatementLinks client_id=statement_id />
        </section>
    }
}

fn version_view(version: CarePlanVersion, catalogue: &[CareTask]) -> impl IntoView + use<> {
    let tasks = task_names(&version.agreed_tasks, catalogue);
    view! {
        <article class="plan-version">
            <h3>
                {format!(
                    "Verze {} – platí od {}",
                    version.version,
                    czech_date(version.valid_from),
                )}
            </h3>
            <p class="plan-goals">{version.goals}</p>
            <ul class="plan-tasks" aria-label="Dohodnuté úkony">
                {tasks.into_iter().map(|task| view! { <li>{task}</li> }).collect_view()}
            </ul>
            {version.note.map(|note| view! { <p class="hint">{format!("Změna: {note}")}</p> })}
            <p class="hint">
                {format!("Uložil(a) {}, {}", version.created_by, czech_date_time(version.created_at))}
            </p>
        </article>
    }
}

#[component]
fn PlanView(
    plan: CarePlan,
    catalogue: Vec<CareTask>,
    save: FormAction<CarePlanInput, CarePlanVersion>,
) -> impl IntoView {
    let goals = NodeRef::<leptos::html::Textarea>::new();
    let valid_from = NodeRef::<leptos::html::Input>::new();
    let note = NodeRef::<leptos::html::Input>::new();
    let agreed: Vec<String> = plan
        .current
        .as_ref()
        .map(|current| current.agreed_tasks.clone())
        .unwrap_or_default();
    let chosen = RwSignal::new(agreed);
    let error = save.error();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |input: NodeRef<leptos::html::Input>| {
            input.get_untracked().map(|i| i.value()).unwrap_or_default()
        };
        save.submit(parse_care_plan(
            &goals.get_untracked().map(|g| g.value()).unwrap_or_default(),
            chosen.get_untracked(),
            &text(valid_from),
            &text(note),
        ));
    };
    let current_goals = plan
        .current
        .as_ref()
        .map(|current| current.goals.clone())
        .unwrap_or_default();
    let today = prague_date(Utc::now()).to_string();
    let current = match plan.current.clone() {
        Some(version) => version_view(version, &catalogue).into_any(),
        None => view! { <p class="empty">"Klient zatím nemá uložený plán péče."</p> }.into_any(),
    };
    let history = (!plan.history.is_empty()).then(|| {
        view! {
            <details class="plan-history">
                <summary>{format!("Dřívější verze ({})", plan.history.len())}</summary>
                {plan
                    .history
                    .iter()
                    .cloned()
                    .map(|version| version_view(version, &catalogue))
                    .collect_view()}
            </details>
        }
    });
    let templates = if plan.templates.is_empty() {
        view! { <p class="empty">"Plán zatím nemá opakované návštěvy."</p> }.into_any()
    } else {
        view! {
            <ul class="templates">
                {plan
                    .templates
                    .iter()
                    .map(|template| {
                        let tasks = task_names(&template.tasks, &catalogue).join(", ");
                        view! {
                            <li>
                                <strong>{template_label(template)}</strong>
                                <br />
                                {tasks}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let marked = move |field: &'static str| invalid_when_named(error, field);
    view! {
        <section class="card" aria-labelledby="current-plan-heading">
            <h2 id="current-plan-heading">"Platný plán"</h2>
            {current}
            {history}
        </section>
        <section class="card" aria-labelledby="templates-heading">
            <h2 id="templates-heading">"Opakované návštěvy"</h2>
            {templates}
        </section>
        <section class="card" aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">"Uložit novou verzi plánu"</h2>
            <p class="hint">"Dosavadní verze zůstane v historii plánu."</p>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="plan-goals">"Cíle spolupráce"</label>
                    <textarea
                        id="plan-goals"
                        rows="4"
                        node_ref=goals
                        prop:value=current_goals
                        aria-invalid=marked("goals")
                        aria-describedby="plan-error"
                    ></textarea>
                </div>
                <fieldset class="plan-task-choice" aria-invalid=marked("agreed_tasks")>
                    <legend>"Dohodnuté úkony (vyhláška 505/2006 Sb.)"</legend>
                    {catalogue
                        .iter()
                        .map(|task| {
                            let code = task.code.clone();
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
                                    {task.name.clone()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="plan-valid-from">"Platí od"</label>
                    <input
                        id="plan-valid-from"
                        type="date"
                        node_ref=valid_from
                        value=today
                        aria-invalid=marked("valid_from")
                    />
                </div>
                <div class="field">
                    <label for="plan-note">"Co se mění a proč"</label>
                    <input id="plan-note" type="text" node_ref=note aria-invalid=marked("note") />
                </div>
                <FormError id="plan-error" error=error />
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { "Ukládám…" } else { "Uložit plán" }}
                </button>
            </form>
        </section>
    }
}

/// The monthly statement of the client: a printable page and a CSV for the office.
#[component]
fn StatementLinks(client_id: String) -> impl IntoView {
    let month = RwSignal::new(last_month(prague_date(Utc::now())));
    let error = RwSignal::new(None::<ErrorDetail>);
    let link = move |suffix: &'static str| {
        let client_id = client_id.clone();
        move || {
            parse_month(&month.get())
                .ok()
                .map(|month| paths::statement(&client_id, &month, suffix))
        }
    };
    view! {
        <section class="card" aria-labelledby="statement-heading">
            <h2 id="statement-heading">"Vyúčtování za měsíc"</h2>
            <div class="field">
                <label for="statement-month">"Měsíc"</label>
                <input
                    id="statement-month"
                    type="month"
                    prop:value=move || month.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        error.set(parse_month(&value).err());
                        month.set(value);
                    }
                />
            </div>
            <FormError id="statement-error" error=error />
            <p class="actions">
                <a class="button" href=link("statement.html") target="_blank" rel="noopener">
                    "Vyúčtování k tisku"
                </a>
                <a class="button" href=link("statement.csv") download="">
                    "Stáhnout CSV"
                </a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn a_recurring_visit_reads_as_days_window_length_and_people() {
        let template = TemplateView {
            id: "t".into(),
            weekdays: vec![1, 3, 5],
            window_start: "07:30".into(),
            window_end: "08:00".into(),
            duration_minutes: 60,
            tasks: vec!["b1".into()],
            required_skills: vec![],
            caregivers_needed: 2,
            preferred_caregiver_id: None,
            valid_from: date("2026-11-01"),
            valid_to: Some(date("2026-12-31")),
        };
        assert_eq!(
            template_label(&template),
            "po, st, pá příchod 07:30–08:00, 60 min, 2 pracovníci, platí do čtvrtek 31. prosince 2026"
        );
    }

    #[test]
    fn the_statement_month_defaults_to_the_last_complete_one() {
        assert_eq!(last_month(date("2026-12-04")), "2026-11");
        assert_eq!(last_month(date("2027-01-15")), "2026-12");
        assert_eq!(parse_month(" 2026-3 ").expect("valid"), "2026-03");
        assert_eq!(
            parse_month("listopad")
                .expect_err("not a month")
                .field
                .as_deref(),
            Some("month")
        );
    }

    #[test]
    fn the_plan_form_names_the_field_that_is_wrong() {
        let ok =
            parse_care_plan("Zůstat doma.", vec!["b1".into()], "2026-12-01", "  ").expect("valid");
        assert_eq!(ok.note, None);
        let cases = [
            (
                parse_care_plan(" ", vec!["b1".into()], "2026-12-01", ""),
                "goals",
            ),
            (
                parse_care_plan("Cíl", vec![], "2026-12-01", ""),
                "agreed_tasks",
            ),
            (
                parse_care_plan("Cíl", vec!["b1".into()], "", ""),
                "valid_from",
            ),
        ];
        for (result, field) in cases {
            assert_eq!(result.expect_err(field).field.as_deref(), Some(field));
        }
    }
}
