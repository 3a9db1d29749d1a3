//! The optimiser's panel: ask for a proposal, compare it with the plan, accept the chosen
//! changes.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::schedule::{AcceptProposal, BoardCaregiver, OptimiseRequest, Proposal};

use crate::session::{Session, signed_out_if_expired};
use crate::ui::form::{Alert, FormAction, FormError};
use crate::week::api;
use crate::week::changes::{accept_request, change_line, score_rows};
use crate::week::proposal_text::{
    others_changed_text, problem_file_path, proposal_caption, retime_hint, unplanned_when,
};

/// the current plan, accepted in whole or in part. Nothing changes until accepted.
#[component]
pub fn OptimiserPanel(
    monday: NaiveDate,
    day: RwSignal<NaiveDate>,
    /// The proposal shown: asked for here, or a sick call's repair.
    proposal: RwSignal<Option<Proposal>>,
    #[prop(into)] caregivers: Signal<Vec<BoardCaregiver>>,
    on_accepted: Callback<u32>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let chosen = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let limit_seconds = RwSignal::new(0_u32);
    let elapsed = RwSignal::new(0_u32);
    let propose = Action::new_local(|request: &OptimiseRequest| api::optimise(request.clone()));
    let accept = FormAction::new(api::accept_proposal);
    // While the optimiser runs, a second hand shows how much of its time limit has passed.
    let ticking = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        if propose.pending().get() {
            elapsed.set(0);
            let handle = set_interval_with_handle(
                move || elapsed.update(|seconds| *seconds += 1),
                std::time::Duration::from_secs(1),
            )
            .ok();
            ticking.set_value(handle);
        } else if let Some(handle) = ticking.get_value() {
            handle.clear();
            ticking.set_value(None);
        }
    });
    // Every change of a new proposal starts chosen.
    Effect::new(move |_| {
        proposal.with(|shown| {
            if let Some(shown) = shown {
                chosen.set(shown.changes.iter().map(|c| c.visit_id.clone()).collect());
            }
        });
    });
    Effect::new(move |_| match propose.value().get() {
        Some(Ok(answer)) => proposal.set(Some(answer)),
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(accepted)) => {
            proposal.set(None);
            on_accepted.run(accepted.applied);
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let ask = move |whole_week: bool| {
        let seconds = if whole_week { 8 } else { 2 };
        limit_seconds.set(seconds);
        proposal.set(None);
        propose.dispatch(OptimiseRequest {
            monday,
            day: (!whole_week).then(|| day.get_untracked()),
            time_limit_seconds: Some(seconds),
        });
    };
    let propose_error = Signal::derive(move || match propose.value().get() {
        Some(Err(error)) if !propose.pending().get() => Some(error.message().to_owned()),
        _ => None,
    });
    let name_of = move |id: &str| {
        caregivers.with_untracked(|all| {
            all.iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| id.to_owned())
        })
    };
    let discard = move |_: leptos::ev::MouseEvent| proposal.set(None);
    // The accept button is drawn only with a proposal, so there is one to read.
    let send_accept = move |_| {
        let checked: Option<Result<AcceptProposal, ErrorDetail>> = proposal.with_untracked(|p| {
            p.as_ref()
                .map(|p| chosen.with_untracked(|chosen| accept_request(p, chosen)))
        });
        if let Some(checked) = checked {
            accept.submit(checked);
        }
    };
    view! {
        <section class="optimiser card" aria-labelledby="optimiser-heading">
            <h2 id="optimiser-heading">"Návrh plánu"</h2>
            <p class="hint">
                "Optimalizace navrhne, kdo a kdy návštěvy udělá: všechny obsloužit, méně přejezdů a čekání, co nejméně různých pečovatelů u klienta. Plán se změní, až návrh přijmete."
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || propose.pending().get()
                    on:click=move |_| ask(false)
                >
                    "Navrhnout vybraný den"
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=move || propose.pending().get()
                    on:click=move |_| ask(true)
                >
                    "Navrhnout celý týden"
                </button>
            </div>
            {move || {
                propose
                    .pending()
                    .get()
                    .then(|| {
                        view! {
                            <div class="progress" role="status">
                                <label for="optimiser-progress">
                                    {move || {
                                        format!(
                                            "Počítám návrh… {} s z nejvýše {} s",
                                            elapsed.get().min(limit_seconds.get()),
                                            limit_seconds.get(),
                                        )
                                    }}
                                </label>
                                <progress
                                    id="optimiser-progress"
                                    max=move || limit_seconds.get()
                                    value=move || elapsed.get().min(limit_seconds.get())
                                ></progress>
                            </div>
                        }
                    })
            }}
            <Alert message=propose_error />
            {move || {
                proposal
                    .get()
                    .map(|proposal| {
                        let rows = score_rows(&proposal.current, &proposal.proposed);
                        let count = proposal.changes.len();
                        let caption = proposal_caption(&proposal);
                        let retime = retime_hint(proposal.retime_threshold_minutes);
                        let problem_file = problem_file_path(proposal.monday, proposal.day);
                        let repair = proposal
                            .repair
                            .as_ref()
                            .map(|repair| {
                                view! {
                                    <p class="repair-summary">
                                        {format!(
                                            "Náhrada za: {}. {}",
                                            name_of(&repair.caregiver_id),
                                            others_changed_text(repair.others_changed),
                                        )}
                                    </p>
                                }
                            });
                        view! {
                            <div class="proposal">
                                {repair}
                                <p class="hint">
                                    {retime} " "
                                    <a href=problem_file download>
                                        "Stáhnout zadání"
                                    </a>
                                </p>
                                <table class="score">
                                    <caption>{caption}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Ukazatel"</th>
                                            <th scope="col">"Nyní"</th>
                                            <th scope="col">"Návrh"</th>
                                            <th scope="col">"Hodnocení"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|row| {
                                                let verdict = row.verdict();
                                                view! {
                                                    <tr>
                                                        <th scope="row">{row.label}</th>
                                                        <td>{row.current}</td>
                                                        <td>{row.proposed}</td>
                                                        <td class=format!("verdict verdict-{verdict}")>
                                                            {verdict}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                {(!proposal.unplanned.is_empty())
                                    .then(|| {
                                        view! {
                                            <h3>"Nenaplánované návštěvy"</h3>
                                            <ul class="unplanned">
                                                {proposal
                                                    .unplanned
                                                    .iter()
                                                    .map(|u| {
                                                        view! {
                                                            <li>
                                                                {unplanned_when(u)}
                                                                " "
                                                                <strong>{u.client_name.clone()}</strong>
                                                                ": "
                                                                {u.reason.clone()}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                                {if count == 0 {
                                    view! {
                                        <p class="empty">"Lepší plán se nenašel; současný plán zůstává."</p>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <fieldset class="proposal-changes">
                                            <legend>"Změny k přijetí"</legend>
                                            {proposal
                                                .changes
                                                .iter()
                                                .map(|change| {
                                                    let id = change.visit_id.clone();
                                                    let toggled = id.clone();
                                                    let line = change_line(change, name_of);
                                                    view! {
                                                        <label class="check">
                                                            <input
                                                                type="checkbox"
                                                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                                                on:change=move |ev| {
                                                                    let on = event_target_checked(&ev);
                                                                    chosen
                                                                        .update(|c| {
                                                                            if on {
                                                                                c.insert(toggled.clone());
                                                                            } else {
                                                                                c.remove(&toggled);
                                                                            }
                                                                        });
                                                                }
                                                            />
                                                            <span>
                                                                <strong>{change.client_name.clone()}</strong>
                                                                " "
                                                                {line}
                                                                <span class="proposal-why">
                                                                    {change.why.clone()}
                                                                </span>
                                                            </span>
                                                        </label>
                                                    }
                                                })
                                                .collect_view()}
                                        </fieldset>
                                        <FormError id="accept-error" error=accept.error() />
                                        <div class="actions">
                                            <button
                                                type="button"
                                                class="button button-primary-inline"
                                                disabled=move || accept.pending().get()
                                                on:click=send_accept
                                            >
                                                {move || {
                                                    format!(
                                                        "Přijmout vybrané změny ({})",
                                                        chosen.with(|c| c.len()),
                                                    )
                                                }}
                                            </button>
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=discard
                                            >
                                                "Zahodit návrh"
                                            </button>
                                        </div>
                                    }
                                        .into_any()
                                }}
                            </div>
                        }
                    })
            }}
        </section>
    }
}
