//! The roll of one session on the lecturer's tablet: a row per enrolled person with large
//! touch targets for the four marks, the minutes of a partial attendance, and the person's
//! certificate once issued (with its revocation).

use leptos::prelude::*;
use shared::training::attendance::Mark;
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{Roll, RollEntry};

use super::api;
use super::state::RollDraft;
use crate::paths;
use crate::ui::format::clock;

#[component]
pub fn RollView(
    roll: Roll,
    index: RwSignal<Option<usize>>,
    at: usize,
    draft: RwSignal<RollDraft>,
    on_save: Callback<(String, Vec<(String, String)>)>,
    on_act: Callback<bool>,
) -> impl IntoView {
    let sessions = roll.run.sessions.clone();
    let session_id = sessions.get(at).map(|s| s.id.clone()).unwrap_or_default();
    let closed = roll.run.closed;
    let enrolled: Vec<RollEntry> = roll
        .people
        .iter()
        .filter(|p| p.status == EnrolmentStatus::Enrolled)
        .cloned()
        .collect();
    let waiting_list = roll.people.len() - enrolled.len();
    let names: Vec<(String, String)> = enrolled
        .iter()
        .map(|p| (p.worker_id.clone(), p.name.clone()))
        .collect();
    view! {
        <h2 id="roll-heading">{roll.run.course.title.clone()} " – prezence"</h2>
        <div class="session-tabs" role="group" aria-label="Lekce">
            {sessions
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    view! {
                        <button
                            type="button"
                            class="button big"
                            aria-pressed=(i == at).to_string()
                            on:click=move |_| index.set(Some(i))
                        >
                            {format!("Lekce {} · {}–{}", i + 1, clock(s.starts_at), clock(s.ends_at))}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        {(waiting_list > 0).then(|| view! { <p>"Náhradníci: " {waiting_list}</p> })}
        {if enrolled.is_empty() {
            view! { <p class="empty">"Na kurz zatím nikdo není přihlášen."</p> }.into_any()
        } else {
            view! {
                <ul class="roll-people">
                    {enrolled
                        .into_iter()
                        .map(|person| view! { <RollRow person=person draft=draft closed=closed /> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        <p class="actions">
            {(!closed)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button big primary"
                            on:click=move |_| on_save.run((session_id.clone(), names.clone()))
                        >
                            "Uložit docházku"
                        </button>
                        <button type="button" class="button big" on:click=move |_| on_act.run(true)>
                            "Uzavřít docházku a započítat hodiny"
                        </button>
                    }
                })}
            {closed
                .then(|| {
                    view! {
                        <button type="button" class="button big" on:click=move |_| on_act.run(false)>
                            "Vydat osvědčení"
                        </button>
                    }
                })}
        </p>
    }
}

#[component]
fn RollRow(person: RollEntry, draft: RwSignal<RollDraft>, closed: bool) -> impl IntoView {
    let worker = person.worker_id.clone();
    let current = {
        let worker = worker.clone();
        Memo::new(move |_| draft.with(|d| d.marks.get(&worker).cloned()))
    };
    let minutes_id = format!("minutes-{}", person.worker_id);
    view! {
        <li class="roll-person">
            <span class="name">{person.name.clone()}</span>
            <span class="provider">{person.provider_name.clone()}</span>
            <span class="marks" role="group" aria-label=format!("Docházka: {}", person.name)>
                {Mark::ALL
                    .into_iter()
                    .map(|mark| {
                        let worker = worker.clone();
                        view! {
                            <button
                                type="button"
                                class="button mark"
                                disabled=closed
                                aria-pressed=move || {
                                    current.get().is_some_and(|(m, _)| m == mark).to_string()
                                }
                                on:click=move |_| {
                                    draft.update(|d| {
                                        let minutes = d.marks.get(&worker).map(|(_, m)| m.clone()).unwrap_or_default();
                                        d.marks.insert(worker.clone(), (mark, minutes));
                                    })
                                }
                            >
                                {mark.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </span>
            {move || {
                let worker = worker.clone();
                current
                    .get()
                    .filter(|(mark, _)| *mark == Mark::Partly)
                    .map(|(_, minutes)| {
                        view! {
                            <label for=minutes_id.clone()>"Minut: "</label>
                            <input
                                id=minutes_id.clone()
                                type="number"
                                inputmode="numeric"
                                min="1"
                                prop:value=minutes
                                on:input=move |event| {
                                    let typed = event_target_value(&event);
                                    draft.update(|d| {
                                        d.marks.insert(worker.clone(), (Mark::Partly, typed));
                                    })
                                }
                            />
                        }
                    })
            }}
            {person
                .certificate
                .map(|certificate| view! { <CertificateLink code=certificate.code revoked=certificate.revoked /> })}
        </li>
    }
}

#[component]
fn CertificateLink(code: String, revoked: bool) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let done = RwSignal::new(revoked);
    let problem = RwSignal::new(None::<String>);
    let revoke = {
        let code = code.clone();
        Action::new_local(move |reason: &String| api::revoke(code.clone(), reason.clone()))
    };
    Effect::new(move |_| match revoke.value().get() {
        Some(Ok(())) => done.set(true),
        Some(Err(error)) => problem.set(Some(error.message().to_owned())),
        None => {}
    });
    let reason_id = format!("revoke-{code}");
    view! {
        <span class="certificate">
            <a href=paths::certificate(&code)>"Osvědčení " {code.clone()}</a>
            {move || {
                if done.get() {
                    view! { <span>" (zneplatněno)"</span> }.into_any()
                } else {
                    view! {
                        <label for=reason_id.clone()>" Důvod zneplatnění: "</label>
                        <input
                            id=reason_id.clone()
                            type="text"
                            on:input=move |event| reason.set(event_target_value(&event))
                        />
                        <button class="button"
                            type="button"
                            on:click=move |_| {
                                revoke.dispatch(reason.get_untracked());
                            }
                        >
                            "Zneplatnit"
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || problem.get().map(|p| view! { <span role="alert">{p}</span> })}
        </span>
    }
}
