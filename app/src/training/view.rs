//! The staff's and the region's training views.

use leptos::prelude::*;
use shared::training::duty::DutyStanding;
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{
    Compliance, ComplianceCount, EnrolmentOutcome, MyTraining, Run, StaffEnrolmentRequest,
    StaffStanding,
};

use super::EnrolRequest;
use super::api::calendar_url;
use super::state::{hours, in_house_text, places, reduction_text, run_days, standing_summary};
use crate::paths;
use crate::ui::format::czech_date_time;

pub fn outcome_text(outcome: EnrolmentOutcome) -> String {
    match (outcome.status, outcome.late) {
        (EnrolmentStatus::Enrolled, _) => "Přihláška je přijata.".to_owned(),
        (EnrolmentStatus::Waiting, _) => {
            "Kurz je plný: přihláška je na seznamu náhradníků. Uvolní-li se místo, dozvíte se to zde."
                .to_owned()
        }
        (EnrolmentStatus::Cancelled, false) => "Přihláška je zrušena.".to_owned(),
        (EnrolmentStatus::Cancelled, true) => {
            "Přihláška je zrušena po termínu pro odhlášení; bude vedena jako pozdní odhlášení."
                .to_owned()
        }
    }
}

#[component]
pub fn StandingPanel(standing: DutyStanding) -> impl IntoView {
    let class = if standing.is_met() {
        "standing met"
    } else {
        "standing short"
    };
    view! {
        <div class=class>
            <p class="standing-summary">{standing_summary(&standing)}</p>
            {in_house_text(&standing).map(|text| view! { <p class="in-house">{text}</p> })}
            {(!standing.reductions.is_empty())
                .then(|| {
                    view! {
                        <p>"Povinnost je snížena (2 h za každý celý měsíc):"</p>
                        <ul>
                            {standing
                                .reductions
                                .iter()
                                .map(|r| view! { <li>{reduction_text(r)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
}

fn where_and_when(run: &Run) -> String {
    format!(
        "{} · {}, {}, {} · {}",
        run_days(run),
        run.centre_name,
        run.centre_street,
        run.centre_municipality,
        run.room
    )
}

#[component]
pub fn MyTrainings(trainings: Vec<MyTraining>, on_enrol: Callback<EnrolRequest>) -> impl IntoView {
    if trainings.is_empty() {
        return view! { <p class="empty">"Zatím nejste přihlášeni na žádné školení."</p> }
            .into_any();
    }
    view! {
        <ul class="training-list">
            {trainings
                .into_iter()
                .map(|training| {
                    let run_id = training.run.id.clone();
                    let active = matches!(
                        training.status,
                        EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting
                    ) && !training.run.closed;
                    view! {
                        <li class="training">
                            {training
                                .newly_promoted
                                .then(|| {
                                    view! {
                                        <p class="promoted" role="alert">
                                            "Uvolnilo se místo: z náhradníků jste byli přesunuti mezi přihlášené."
                                        </p>
                                    }
                                })}
                            <h3>{training.run.course.title.clone()}</h3>
                            <p>{where_and_when(&training.run)}</p>
                            <p>"S sebou: " {training.run.course.what_to_bring.clone()}</p>
                            <p>
                                "Stav: " {training.status.label()}
                                {training.cancelled_late.then_some(" (pozdní odhlášení)")}
                            </p>
                            {training
                                .credited_minutes
                                .map(|m| view! { <p>"Započteno: " {hours(m)}</p> })}
                            {training
                                .certificate_code
                                .map(|code| {
                                    view! {
                                        <p>
                                            <a href=paths::certificate(&code)>"Osvědčení " {code.clone()}</a>
                                        </p>
                                    }
                                })}
                            {active
                                .then(|| {
                                    let cancel = run_id.clone();
                                    view! {
                                        <p class="actions">
                                            <a href=calendar_url(&run_id) download="skoleni.ics">
                                                "Přidat do kalendáře"
                                            </a>
                                            <button class="button"
                                                type="button"
                                                on:click=move |_| on_enrol.run(EnrolRequest::CancelMe(cancel.clone()))
                                            >
                                                "Odhlásit se"
                                            </button>
                                        </p>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn Catalogue(
    runs: Vec<Run>,
    #[prop(into)] staff: Signal<Vec<(String, String)>>,
    on_enrol: Callback<EnrolRequest>,
) -> impl IntoView {
    if runs.is_empty() {
        return view! { <p class="empty">"V nabídce teď nejsou žádné termíny."</p> }.into_any();
    }
    view! {
        <ul class="training-list">
            {runs
                .into_iter()
                .map(|run| view! { <CatalogueRun run=run staff=staff on_enrol=on_enrol /> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn CatalogueRun(
    run: Run,
    staff: Signal<Vec<(String, String)>>,
    on_enrol: Callback<EnrolRequest>,
) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let run_id = run.id.clone();
    let staff_run = run.id.clone();
    let select_id = format!("enrol-{}", run.id);
    let full = run.enrolled >= run.capacity;
    let accreditation = run
        .course
        .accreditation_number
        .clone()
        .map(|number| format!("Akreditace MPSV {number}"));
    view! {
        <li class="training">
            <h3>{run.course.title.clone()}</h3>
            <p>
                {hours(run.course.minutes)} " · " {run.course.target_group.label()}
                {accreditation.map(|a| format!(" · {a}"))}
            </p>
            <p>{where_and_when(&run)} " · lektor " {run.lecturer_name.clone()}</p>
            <p>{run.course.description.clone()}</p>
            <p>{places(&run)} " · přihlášky do " {czech_date_time(run.enrol_by)}</p>
            <p class="actions">
                {match run.my_status {
                    Some(EnrolmentStatus::Enrolled) => {
                        view! { <span class="enrolled">"Jste přihlášeni."</span> }.into_any()
                    }
                    Some(EnrolmentStatus::Waiting) => {
                        view! { <span class="enrolled">"Jste na seznamu náhradníků."</span> }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <button
                                type="button"
                                class="button enrol"
                                on:click=move |_| on_enrol.run(EnrolRequest::Me(run_id.clone()))
                            >
                                {if full { "Přihlásit se na seznam náhradníků" } else { "Přihlásit se" }}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </p>
            {move || {
                let people = staff.get();
                let run_id = staff_run.clone();
                (!people.is_empty())
                    .then(|| {
                        view! {
                            <p class="actions">
                                <label for=select_id.clone()>"Přihlásit pracovníka: "</label>
                                <select
                                    id=select_id.clone()
                                    on:change=move |event| chosen.set(event_target_value(&event))
                                >
                                    <option value="">"— vyberte —"</option>
                                    {people
                                        .into_iter()
                                        .map(|(id, name)| view! { <option value=id>{name}</option> })
                                        .collect_view()}
                                </select>
                                <button
                                    type="button"
                                    class="button enrol-staff"
                                    disabled=move || chosen.get().is_empty()
                                    on:click=move |_| {
                                        on_enrol
                                            .run(
                                                EnrolRequest::Staff(StaffEnrolmentRequest {
                                                    run_id: run_id.clone(),
                                                    worker_id: chosen.get_untracked(),
                                                }),
                                            )
                                    }
                                >
                                    {if full { "Na seznam náhradníků" } else { "Přihlásit" }}
                                </button>
                            </p>
                        }
                    })
            }}
        </li>
    }
}

/// The manager's staff, the furthest behind first and highlighted; each row opens her
/// employment periods through `on_edit`.
#[component]
pub fn StaffStandingTable(
    staff: Vec<StaffStanding>,
    on_edit: Callback<StaffStanding>,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Plnění povinnosti">
            <table class="standing-table">
                <caption>"Pracovníci podle toho, kolik hodin jim letos chybí"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Pracovník"</th>
                        <th scope="col">"Povinné"</th>
                        <th scope="col">"Splněno"</th>
                        <th scope="col">"Chybí"</th>
                        <th scope="col">"Pracovní poměr"</th>
                    </tr>
                </thead>
                <tbody>
                    {staff
                        .into_iter()
                        .map(|person| {
                            let short = !person.standing.is_met();
                            let label = format!("Upravit pracovní poměr: {}", person.name);
                            let edited = person.clone();
                            view! {
                                <tr class:shortfall=short>
                                    <td>{person.name}</td>
                                    <td>{hours(person.standing.required_minutes)}</td>
                                    <td>{hours(person.standing.completed_minutes)}</td>
                                    <td>
                                        {if short {
                                            hours(person.standing.shortfall_minutes)
                                        } else {
                                            "splněno".to_owned()
                                        }}
                                    </td>
                                    <td>
                                        <button class="button"
                                            type="button"
                                            aria-label=label
                                            on:click=move |_| on_edit.run(edited.clone())
                                        >
                                            "Upravit"
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn count_rows(counts: Vec<ComplianceCount>) -> impl IntoView {
    counts
        .into_iter()
        .map(|count| {
            let short = count.short > 0;
            view! {
                <tr class:shortfall=short>
                    <td>{count.name}</td>
                    <td>{count.workers}</td>
                    <td>{count.met}</td>
                    <td>{count.short}</td>
                    <td>{hours(count.completed_minutes)}</td>
                </tr>
            }
        })
        .collect_view()
}

fn count_table(
    caption: &'static str,
    first: &'static str,
    counts: Vec<ComplianceCount>,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="compliance">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">"Pracovníků"</th>
                        <th scope="col">"Splnilo"</th>
                        <th scope="col">"Nesplnilo"</th>
                        <th scope="col">"Hodin celkem"</th>
                    </tr>
                </thead>
                <tbody>{count_rows(counts)}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ComplianceTables(compliance: Compliance) -> impl IntoView {
    view! {
        <p>"Rok " {compliance.year} ": počty pracovníků, kteří splnili 24 hodin (po snížení), bez jmen."</p>
        {count_table("Podle poskytovatelů", "Poskytovatel", compliance.providers)}
        {count_table("Podle okresů", "Okres", compliance.districts)}
    }
}
