//! `/lektor`: a lecturer's runs, the roll of one, attendance marked on a tablet and kept on
//! it until the server has it (the room's Wi-Fi is not to be trusted), closing the run and
//! its certificates.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::identity::roles;
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{Roll, Run};

use super::api;
use super::offer::{Editing, OfferPanel};
use super::roll::RollView;
use super::state::{PendingRoll, PendingRolls, RollDraft, run_days};
use crate::offline_store::{self, keys};
use crate::remote::ApiError;
use crate::session::{RequireRole, Session, signed_out_if_expired};
use crate::ui::{Remote, remote_view};

/// `/lektor`.
#[component]
pub fn LecturerPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::LECTURERS>
            <LecturerLoader />
        </RequireRole>
    }
}

/// The server's answer, kept on the device; the kept one when the server is out of reach.
async fn kept<T: Serialize + DeserializeOwned>(
    key: String,
    fetch: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    match fetch.await {
        Ok(value) => {
            let _ = offline_store::save(&key, &value).await;
            Ok(value)
        }
        Err(ApiError::Unreachable) => offline_store::load(&key)
            .await
            .ok()
            .flatten()
            .ok_or(ApiError::Unreachable),
        Err(error) => Err(error),
    }
}

fn load_into<T: Serialize + DeserializeOwned + Send + Sync + 'static>(
    session: Session,
    target: RwSignal<Remote<T>>,
    key: String,
    fetch: impl Future<Output = Result<T, ApiError>> + 'static,
) {
    leptos::task::spawn_local(async move {
        let result = kept(key, fetch).await;
        if let Err(error) = &result {
            signed_out_if_expired(session, error);
        }
        let _ = target.try_set(Remote::from_result(result));
    });
}

#[component]
fn LecturerLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let runs = RwSignal::new(Remote::<Vec<Run>>::Loading);
    let load = Callback::new(move |()| {
        load_into(session, runs, keys::TRAINING_RUNS.to_owned(), api::runs());
    });
    load.run(());
    let selected = RwSignal::new(None::<String>);
    let editing = RwSignal::new(Editing::Nothing);
    let notice = RwSignal::new(None::<String>);
    let saved = Callback::new(move |text: String| {
        notice.set(Some(text));
        load.run(());
    });
    view! {
        <section class="lecturer-page" aria-labelledby="lecturer-heading">
            <h1 id="lecturer-heading">"Moje kurzy"</h1>
            <p class="notice" role="status" aria-live="polite">
                {move || notice.get()}
            </p>
            {remote_view(
                runs.into(),
                load,
                move |runs: Vec<Run>| {
                    if runs.is_empty() {
                        return view! { <p class="empty">"Na vašich centrech zatím nejsou žádné kurzy."</p> }
                            .into_any();
                    }
                    view! {
                        <ul class="run-list">
                            {runs
                                .into_iter()
                                .map(|run| {
                                    let id = run.id.clone();
                                    let edit = (!run.closed)
                                        .then(|| {
                                            let label = format!(
                                                "Upravit termín {} {}",
                                                run.course.title,
                                                run_days(&run),
                                            );
                                            let run = run.clone();
                                            view! {
                                                <button class="button"
                                                    type="button"
                                                    aria-label=label
                                                    on:click=move |_| editing.set(Editing::Run(Some(run.clone())))
                                                >
                                                    "Upravit"
                                                </button>
                                            }
                                        });
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="button big"
                                                aria-pressed=move || {
                                                    (selected.get().as_deref() == Some(id.as_str())).to_string()
                                                }
                                                on:click={
                                                    let id = run.id.clone();
                                                    move |_| selected.set(Some(id.clone()))
                                                }
                                            >
                                                {run.course.title.clone()} " · " {run_days(&run)} " · "
                                                {run.centre_name.clone()} " · přihlášeno " {run.enrolled} " z "
                                                {run.capacity} {run.closed.then_some(" · uzavřeno")}
                                            </button>
                                            {edit}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
            {move || selected.get().map(|run_id| view! { <RollPanel run_id=run_id /> })}
            <OfferPanel editing=editing on_saved=saved />
        </section>
    }
}

/// The session a lecturer most likely takes attendance for: the last one begun, else the first.
fn current_session(run: &Run) -> usize {
    let now = chrono::Utc::now();
    run.sessions
        .iter()
        .rposition(|session| session.starts_at <= now)
        .unwrap_or(0)
}

/// The marks at one session: the server's, then what waits on the tablet, newest last.
fn draft_for(roll: &Roll, index: usize, pending: &PendingRolls) -> RollDraft {
    let mut draft = RollDraft::default();
    for person in roll
        .people
        .iter()
        .filter(|p| p.status == EnrolmentStatus::Enrolled)
    {
        if let Some(Some(attendance)) = person.marks.get(index) {
            let minutes = attendance
                .minutes
                .map(|m| m.to_string())
                .unwrap_or_default();
            draft
                .marks
                .insert(person.worker_id.clone(), (attendance.mark, minutes));
        }
    }
    let Some(session) = roll.run.sessions.get(index) else {
        return draft;
    };
    for waiting in pending.0.iter().filter(|p| p.session_id == session.id) {
        for entry in &waiting.submission.marks {
            let minutes = entry.minutes.map(|m| m.to_string()).unwrap_or_default();
            draft
                .marks
                .insert(entry.worker_id.clone(), (entry.mark, minutes));
        }
    }
    draft
}

/// What one attempt to send the waiting rolls did.
struct Sent {
    sent: usize,
    left: PendingRolls,
    refused: Option<String>,
}

/// Sends every roll waiting on the tablet, oldest first; stops at the first that cannot
/// reach the server. A roll the server refuses (the run was closed meanwhile) leaves the
/// tablet with the server's message shown.
async fn send_waiting() -> Sent {
    let pending: PendingRolls = offline_store::load(keys::TRAINING_ATTENDANCE)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut refused = None;
    let mut sent = 0;
    for roll in pending.0 {
        match api::submit_attendance(&roll.session_id, &roll.submission).await {
            Err(ApiError::Unreachable) => break,
            Err(error) => refused = Some(error.message().to_owned()),
            Ok(_) => sent += 1,
        }
        let id = roll.submission.submission_id.clone();
        let _ = offline_store::update(keys::TRAINING_ATTENDANCE, |p: &mut PendingRolls| {
            p.acknowledge(&id)
        })
        .await;
    }
    let left: PendingRolls = offline_store::load(keys::TRAINING_ATTENDANCE)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    Sent {
        sent,
        left,
        refused,
    }
}

#[component]
fn RollPanel(run_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let roll = RwSignal::new(Remote::<Roll>::Loading);
    let key = format!("{}{run_id}", keys::TRAINING_ROLL);
    let load = {
        let run_id = run_id.clone();
        Callback::new(move |()| {
            load_into(session, roll, key.clone(), api::roll(run_id.clone()));
        })
    };
    load.run(());
    let pending = RwSignal::new(PendingRolls::default());
    let index = RwSignal::new(None::<usize>);
    let draft = RwSignal::new(RollDraft::default());
    let message = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(0usize);
    leptos::task::spawn_local(async move {
        let kept: PendingRolls = offline_store::load(keys::TRAINING_ATTENDANCE)
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        waiting.set(kept.0.len());
        pending.set(kept);
    });
    // The draft follows the loaded roll and the chosen session.
    Effect::new(move |_| {
        if let Remote::Loaded(roll) = roll.get() {
            let at = index.get().unwrap_or_else(|| current_session(&roll.run));
            draft.set(draft_for(&roll, at, &pending.get()));
        }
    });
    let flush = Callback::new(move |()| {
        leptos::task::spawn_local(async move {
            let Sent {
                sent,
                left,
                refused,
            } = send_waiting().await;
            let nothing_left = left.0.is_empty();
            waiting.set(left.0.len());
            pending.set(left);
            if let Some(refused) = refused {
                message.set(Some(refused));
            } else if sent > 0 && nothing_left {
                message.set(Some("Docházka je odeslána na server.".to_owned()));
                load.run(());
            }
        });
    });
    // Back online: send what waits.
    let online = session.online();
    Effect::new(move |_| {
        if online.get() {
            flush.run(());
        }
    });
    let save = Callback::new(
        move |(session_id, names): (String, Vec<(String, String)>)| {
            let Ok(submission_id) = offline_store::new_uuid() else {
                message.set(Some(offline_store::STORE_FAILED_MESSAGE.to_owned()));
                return;
            };
            let name_of = |id: &str| {
                names
                    .iter()
                    .find(|(worker, _)| worker == id)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default()
            };
            let submission = match draft.get_untracked().submission(submission_id, name_of) {
                Ok(submission) => submission,
                Err(problem) => {
                    message.set(Some(problem));
                    return;
                }
            };
            leptos::task::spawn_local(async move {
                let roll = PendingRoll {
                    session_id,
                    submission,
                };
                match offline_store::update(keys::TRAINING_ATTENDANCE, |p: &mut PendingRolls| {
                    p.add(roll)
                })
                .await
                {
                    Ok(kept) => {
                        waiting.set(kept.0.len());
                        pending.set(kept);
                        message.set(Some(
                            "Docházka je uložena v tabletu a odešle se, jakmile bude připojení."
                                .to_owned(),
                        ));
                        if online.get_untracked() {
                            flush.run(());
                        }
                    }
                    Err(_) => message.set(Some(offline_store::STORE_FAILED_MESSAGE.to_owned())),
                }
            });
        },
    );
    let act = {
        let run_id = run_id.clone();
        Action::new_local(move |close: &bool| {
            let run_id = run_id.clone();
            let close = *close;
            async move {
                if close {
                    api::close_run(run_id).await.map(|o| {
                        format!(
                            "Docházka je uzavřena, hodiny započteny {} účastníkům.",
                            o.credited
                        )
                    })
                } else {
                    api::issue_certificates(run_id)
                        .await
                        .map(|c| format!("Vydaná osvědčení: {}.", c.len()))
                }
            }
        })
    };
    Effect::new(move |_| {
        if let Some(result) = act.value().get() {
            match result {
                Ok(text) => message.set(Some(text)),
                Err(error) => message.set(Some(error.message().to_owned())),
            }
            load.run(());
        }
    });
    view! {
        <section class="roll" aria-labelledby="roll-heading">
            <p class="notice" role="status" aria-live="polite">
                {move || message.get()}
                {move || {
                    let n = waiting.get();
                    (n > 0).then(|| format!(" Čeká na odeslání: {n}."))
                }}
            </p>
            {remote_view(
                roll.into(),
                load,
                move |loaded: Roll| {
                    let at = index.get().unwrap_or_else(|| current_session(&loaded.run));
                    view! {
                        <RollView roll=loaded index=index at=at draft=draft on_save=save on_act=Callback::new(move |close| { act.dispatch(close); }) />
                    }
                },
            )}
        </section>
    }
}
