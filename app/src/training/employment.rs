//! A manager keeps one worker's employment periods with her provider (start, end,
//! probation): the months the 24-hour duty is reduced for follow at once. Absences are
//! kept with a caregiver's profile, where planning needs them too.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::Role;
use shared::training::StaffStanding;
use shared::training::employment::Employments;

use super::api;
use super::offer::form_buttons;
use super::state::drafts::{PeriodDraft, employments_input, period_drafts};
use crate::paths;
use crate::session::{Session, loader};
use crate::ui::form::{FieldNote, FormAction, FormError, marks, rejected};
use crate::ui::remote_view;

/// The editor for `worker`; `on_saved` after the server took the periods.
#[component]
pub fn EmploymentEditor(
    worker: StaffStanding,
    on_saved: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let worker_id = worker.worker_id.clone();
    let (reload, kept) = loader(session, move || api::employments(worker_id.clone()));
    let name = worker.name.clone();
    let absences = (worker.role == Role::Caregiver).then(|| {
        view! {
            <p>
                "Nepřítomnosti delší než měsíc (nemoc, rodičovská) zapisujte na "
                <a href=paths::caregiver(&worker.worker_id)>"stránce pečovatele"</a>
                "; povinnost se podle nich sníží sama."
            </p>
        }
    });
    view! {
        <section class="employment" aria-labelledby="employment-heading">
            <h3 id="employment-heading">{format!("Pracovní poměr: {name}")}</h3>
            {absences}
            {remote_view(
                Signal::derive(move || kept.get()),
                reload,
                move |employments: Employments| {
                    view! {
                        <PeriodsForm
                            worker_id=worker.worker_id.clone()
                            drafts=period_drafts(&employments)
                            on_saved=on_saved
                            on_close=on_close
                        />
                    }
                },
            )}
        </section>
    }
}

fn period_row(
    index: usize,
    period: PeriodDraft,
    drafts: RwSignal<Vec<PeriodDraft>>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let number = index + 1;
    let input = move |field: &'static str,
                      label: String,
                      value: String,
                      change: fn(&mut PeriodDraft, String)| {
        let id = format!("period-{number}-{}", field.replace('.', "-"));
        let (invalid, described) = marks(error, field.to_owned());
        view! {
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                prop:value=value
                aria-invalid=invalid
                aria-describedby=described
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    drafts.update(|all| {
                        if let Some(period) = all.get_mut(index) {
                            change(period, value);
                        }
                    });
                }
            />
        }
    };
    view! {
        <li class="inline-field">
            {input(
                "periods.starts_on",
                format!("{number}. pracovní poměr od"),
                period.starts_on,
                |p, v| p.starts_on = v,
            )}
            {input("periods.ends_on", "do (prázdné = trvá)".to_owned(), period.ends_on, |p, v| p.ends_on = v)}
            {input(
                "periods.probation_until",
                "zkušební doba do".to_owned(),
                period.probation_until,
                |p, v| p.probation_until = v,
            )}
            <button class="button"
                type="button"
                aria-label=format!("Odebrat {number}. pracovní poměr")
                on:click=move |_| drafts.update(|all| { all.remove(index); })
            >
                "Odebrat"
            </button>
        </li>
    }
}

#[component]
fn PeriodsForm(
    worker_id: String,
    drafts: Vec<PeriodDraft>,
    on_saved: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let drafts = RwSignal::new(drafts);
    let save = FormAction::new(|(worker_id, employments): (String, Employments)| {
        api::save_employments(worker_id, employments)
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            on_saved.run("Pracovní poměr je uložen; povinnost je přepočtena.".to_owned());
        }
    });
    let error = save.error();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let worker_id = worker_id.clone();
        save.submit(
            drafts
                .with_untracked(|all| employments_input(all))
                .map(|employments| (worker_id, employments))
                .map_err(rejected),
        );
    };
    view! {
        <form class="form" on:submit=submit novalidate aria-label="Pracovní poměr">
            <FormError id="employment-error" error=error />
            <ol class="period-list">
                {move || {
                    // Only adding or removing a period draws the rows again.
                    let count = drafts.with(Vec::len);
                    (0..count)
                        .map(|index| {
                            let period = drafts.with_untracked(|all| all[index].clone());
                            period_row(index, period, drafts, error)
                        })
                        .collect_view()
                }}
            </ol>
            {move || {
                drafts
                    .with(Vec::is_empty)
                    .then(|| {
                        view! {
                            <p class="empty">
                                "Žádný pracovní poměr není zapsán: povinnost se počítá za celý rok."
                            </p>
                        }
                    })
            }}
            <FieldNote field="periods.starts_on" error=error />
            <FieldNote field="periods.ends_on" error=error />
            <FieldNote field="periods.probation_until" error=error />
            <p class="actions">
                <button class="button" type="button" on:click=move |_| drafts.update(|all| all.push(PeriodDraft::default()))>
                    "Přidat pracovní poměr"
                </button>
                {form_buttons(save.pending(), "Zavřít", on_close)}
            </p>
        </form>
    }
}
