//! `/tyden` and `/tyden/{monday}`: the planner's week board. A timeline per caregiver for
//! the chosen day; a visit moves by dragging it onto another row or time, or from the
//! keyboard (Enter on the visit opens the same move form). Every change needs a reason and
//! answers with the conflicts it leaves.

pub mod api;
pub mod board;
pub mod changes;
#[cfg(test)]
mod fixtures;
pub mod move_dialog;
pub mod optimiser;
pub mod overview;
pub mod overview_table;
pub mod proposal_text;
pub mod sick_call;
pub mod sick_dialog;
pub mod state;

use chrono::{Duration, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;
use shared::planning::week::week_start;
use shared::schedule::{Proposal, SickCall, VisitChange};
use shared::time::prague_date;

use crate::paths;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::FormAction;
use crate::ui::format::{czech_date, czech_date_capitalized};
use crate::ui::{ErrorPanel, Loading, Remote};
use board::{Board, focus_block};
use changes::{MoveDraft, change_summary, parse_move};
use move_dialog::MoveDialog;
use optimiser::OptimiserPanel;
use overview_table::WeekOverview;
use proposal_text::accepted_text;
use sick_call::{SickDraft, parse_sick};
use sick_dialog::SickDialog;
use state::{BoardFilter, initial_day, week_days};

/// `/tyden` and `/tyden/{monday}`.
#[component]
pub fn WeekPage() -> impl IntoView {
    let params = use_params_map();
    let monday = Memo::new(move |_| {
        let asked = params.with(|p| p.get("monday").and_then(|text| text.parse().ok()));
        week_start(asked.unwrap_or_else(|| prague_date(Utc::now())))
    });
    view! {
        <RequireRole roles=roles::PLANNERS>
            {move || view! { <WeekLoader monday=monday.get() /> }}
        </RequireRole>
    }
}

/// A notice after an action: the text, and whether it reports a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    warning: bool,
}

#[component]
fn WeekLoader(monday: NaiveDate) -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, board) = loader(session, move || api::week_board(monday));
    // After a change the board is read again in place, with no "loading" flash; focus goes
    // to the changed visit once it is drawn.
    let refresh = move |focus: Option<String>| {
        leptos::task::spawn_local(async move {
            let result = api::week_board(monday).await;
            if let Err(error) = &result {
                signed_out_if_expired(session, error);
            }
            if board.try_set(Remote::from_result(result)).is_none()
                && let Some(visit_id) = focus
            {
                focus_block(&visit_id);
            }
        });
    };
    let day = RwSignal::new(initial_day(monday, prague_date(Utc::now())));
    let filter = RwSignal::new(BoardFilter::default());
    let draft = RwSignal::new(None::<MoveDraft>);
    let notice = RwSignal::new(None::<Notice>);

    let move_visit = FormAction::new(|(visit_id, change): (String, VisitChange)| {
        api::change_visit(visit_id, change)
    });
    Effect::new(move |_| match move_visit.value().get() {
        Some(Ok(result)) => {
            let conflicts: Vec<String> = result
                .conflicts
                .iter()
                .filter(|c| c.visit_id == result.visit.id)
                .map(|c| c.message.clone())
                .collect();
            notice.set(Some(Notice {
                text: change_summary(&result.visit.client_name, &conflicts),
                warning: !conflicts.is_empty(),
            }));
            let moved_to = prague_date(result.visit.starts_at);
            if week_days(monday).contains(&moved_to) {
                day.set(moved_to);
            }
            draft.set(None);
            refresh(Some(result.visit.id));
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });

    // The optimiser panel's proposal: asked for there, or a sick call's repair.
    let proposal = RwSignal::new(None::<Proposal>);
    let sick = RwSignal::new(None::<SickDraft>);
    let call_in_sick = FormAction::new(|(caregiver_id, call): (String, SickCall)| {
        api::sick_call(caregiver_id, call)
    });
    Effect::new(move |_| match call_in_sick.value().get() {
        Some(Ok(repair)) => {
            if let Some(first) = repair.day {
                day.set(first);
            }
            let name = sick
                .get_untracked()
                .map(|draft| draft.caregiver_name)
                .unwrap_or_default();
            notice.set(Some(Notice {
                text: format!(
                    "Nepřítomnost ({name}) je zapsána. Níže je návrh náhrady; plán se změní, až ho přijmete."
                ),
                warning: false,
            }));
            sick.set(None);
            proposal.set(Some(repair));
            refresh(None);
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let open_sick = Callback::new(move |(caregiver_id, name): (String, String)| {
        call_in_sick.value().set(None);
        sick.set(Some(SickDraft::open(caregiver_id, name, Utc::now())));
    });
    let send_sick = Callback::new(move |filled: SickDraft| {
        let checked = parse_sick(&filled, prague_date(Utc::now()));
        let caregiver_id = filled.caregiver_id.clone();
        sick.set(Some(filled));
        call_in_sick.submit(checked.map(|call| (caregiver_id, call)));
    });

    let generate = Action::new_local(move |_: &()| api::generate_week(monday));
    Effect::new(move |_| match generate.value().get() {
        Some(Ok(generated)) => {
            notice.set(Some(Notice {
                text: format!(
                    "Z plánů péče přibylo {} návštěv. Již vytvořené návštěvy zůstaly beze změny.",
                    generated.created
                ),
                warning: false,
            }));
            refresh(None);
        }
        Some(Err(error)) => {
            signed_out_if_expired(session, &error);
            notice.set(Some(Notice {
                text: error.message().to_owned(),
                warning: true,
            }));
        }
        None => {}
    });

    let open = Callback::new(move |opened: MoveDraft| {
        move_visit.value().set(None);
        draft.set(Some(opened));
    });
    let close = Callback::new(move |()| {
        if let Some(closed) = draft.get_untracked() {
            focus_block(&closed.visit_id);
        }
        draft.set(None);
    });
    let submit = Callback::new(move |filled: MoveDraft| {
        let checked = board.with_untracked(|board| match board {
            Remote::Loaded(board) => board
                .visits
                .iter()
                .find(|visit| visit.id == filled.visit_id)
                .map(|visit| parse_move(&filled, visit)),
            _ => None,
        });
        if let Some(checked) = checked {
            draft.set(Some(filled.clone()));
            move_visit.submit(checked.map(|change| (filled.visit_id, change)));
        }
    });

    let week_label = format!(
        "{} – {}",
        czech_date_capitalized(monday),
        czech_date(monday + Duration::days(6))
    );
    view! {
        <section class="week-page" aria-labelledby="week-heading">
            <div class="week-head">
                <h1 id="week-heading">
                    <span class="eyebrow">"Týdenní plán"</span>
                    {week_label}
                </h1>
                <nav class="week-nav" aria-label="Jiný týden">
                    <a class="button" href=paths::week(monday - Duration::days(7))>
                        "← Předchozí týden"
                    </a>
                    <a class="button" href=paths::week(monday + Duration::days(7))>
                        "Další týden →"
                    </a>
                </nav>
                <button
                    type="button"
                    class="button"
                    disabled=move || generate.pending().get()
                    on:click=move |_| {
                        generate.dispatch(());
                    }
                >
                    {move || {
                        if generate.pending().get() {
                            "Vytvářím návštěvy…"
                        } else {
                            "Doplnit návštěvy z plánů péče"
                        }
                    }}
                </button>
            </div>
            <div class="notice-area" role="status" aria-live="polite">
                {move || {
                    notice
                        .get()
                        .map(|notice| {
                            view! {
                                <p class="notice" class:notice-warning=notice.warning>
                                    {notice.text}
                                </p>
                            }
                        })
                }}
            </div>
            {move || match board.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! {
                        <ErrorPanel
                            message=error.message
                            on_retry=Callback::new(move |()| load.run(()))
                        />
                    }
                        .into_any()
                }
                Remote::Loaded(week) => {
                    view! {
                        <Board
                            week=week.clone()
                            day=day
                            filter=filter
                            on_open=open
                            on_sick=open_sick
                        />
                        <WeekOverview week=week day=day />
                    }
                        .into_any()
                }
            }}
            <OptimiserPanel
                monday=monday
                day=day
                proposal=proposal
                caregivers=Signal::derive(move || {
                    board
                        .with(|board| match board {
                            Remote::Loaded(board) => board.caregivers.clone(),
                            _ => Vec::new(),
                        })
                })
                on_accepted=Callback::new(move |applied: u32| {
                    notice
                        .set(
                            Some(Notice {
                                text: accepted_text(applied),
                                warning: false,
                            }),
                        );
                    refresh(None);
                })
            />
            {move || {
                sick.get()
                    .map(|opened| {
                        view! {
                            <SickDialog
                                draft=opened
                                pending=call_in_sick.pending()
                                error=call_in_sick.error()
                                on_submit=send_sick
                                on_close=Callback::new(move |()| sick.set(None))
                            />
                        }
                    })
            }}
            {move || {
                let opened = draft.get()?;
                let (visit, caregivers) = board
                    .with(|board| match board {
                        Remote::Loaded(board) => {
                            board
                                .visits
                                .iter()
                                .find(|visit| visit.id == opened.visit_id)
                                .cloned()
                                .map(|visit| (visit, board.caregivers.clone()))
                        }
                        _ => None,
                    })?;
                Some(
                    view! {
                        <MoveDialog
                            draft=opened
                            visit=visit
                            caregivers=caregivers
                            days=week_days(monday)
                            pending=move_visit.pending()
                            error=move_visit.error()
                            on_submit=submit
                            on_close=close
                        />
                    },
                )
            }}
        </section>
    }
}
