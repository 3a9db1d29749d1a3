//! The client pages' components: the register's rows, a care plan with its history and
//! form, the statement links, the family's access.

use chrono::Utc;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::CareTask;
use shared::clients::ClientSummary;
use shared::identity::FamilyLink;
use shared::planning::input::CarePlanInput;
use shared::schedule::{CarePlan, CarePlanVersion};
use shared::time::prague_date;

use crate::clients::state::{
    CarePlanDraft, last_month, parse_care_plan, statement_month, task_names, template_label,
};
use crate::paths;
use crate::ui::confirm::ConfirmAction;
use crate::ui::form::{CheckList, FormAction, FormError, invalid_when_named, value_of};
use crate::ui::format::{czech_date_genitive, czech_date_time, machine_instant};
use crate::ui::{Remote, remote_view};

/// One client of the register, with the ways to their plan and family.
pub fn client_row(client: ClientSummary) -> impl IntoView {
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

fn version_view(version: CarePlanVersion, catalogue: &[CareTask]) -> impl IntoView + use<> {
    let tasks = task_names(&version.agreed_tasks, catalogue);
    view! {
        <article class="plan-version">
            <h3>
                {format!(
                    "Verze {} – platí od {}",
                    version.version,
                    czech_date_genitive(version.valid_from),
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

/// The current plan, its history, the recurring visits, and the form for a new version.
#[component]
pub(crate) fn PlanView(
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
        save.submit(parse_care_plan(&CarePlanDraft {
            goals: goals.get_untracked().map(|g| g.value()).unwrap_or_default(),
            tasks: chosen.get_untracked(),
            valid_from: value_of(valid_from),
            note: value_of(note),
        }));
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
                    <CheckList
                        choices=catalogue.iter().map(|task| (task.code.clone(), task.name.clone())).collect()
                        chosen=chosen
                    />
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
pub fn StatementLinks(client_id: String) -> impl IntoView {
    let month = RwSignal::new(last_month(prague_date(Utc::now())));
    let error = RwSignal::new(None::<ErrorDetail>);
    let link = move |suffix: &'static str| {
        let client_id = client_id.clone();
        move || {
            statement_month(&month.get())
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
                        error.set(statement_month(&value).err());
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

/// The family members linked to one client, each with a revoke button that asks first.
#[component]
pub fn FamilyLinksList(
    #[prop(into)] state: Signal<Remote<Vec<FamilyLink>>>,
    #[prop(into)] busy: Signal<Option<String>>,
    #[prop(into)] on_revoke: Callback<String>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |links: Vec<FamilyLink>| {
        if links.is_empty() {
            return view! {
                <p class="empty">"Ke klientovi zatím nemá přístup nikdo z rodiny."</p>
            }
            .into_any();
        }
        view! {
            <ul class="family-links">
                {links
                    .into_iter()
                    .map(|link| {
                        let id = link.link_id.clone();
                        let pending = {
                            let id = id.clone();
                            Signal::derive(move || {
                                busy.with(|b| b.as_deref() == Some(id.as_str()))
                            })
                        };
                        let question = format!(
                            "Odebrat přístup: {}? Rozpis návštěv už neuvidí.",
                            link.display_name,
                        );
                        view! {
                            <li class="family-link">
                                <p class="family-name">{link.display_name}</p>
                                <p class="family-since">
                                    "Přístup od "
                                    <time datetime=machine_instant(
                                        link.created_at,
                                    )>{czech_date_time(link.created_at)}</time>
                                </p>
                                <ConfirmAction
                                    label="Odebrat přístup"
                                    question=question
                                    confirm_label="Ano, odebrat"
                                    pending=pending
                                    danger=true
                                    on_confirm=Callback::new(move |()| on_revoke.run(id.clone()))
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    })
}
