//! The staff page's components: the list with what a manager may change, the add form.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{Role, StaffMember, roles};
use shared::schedule::CaregiverSummary;

use crate::paths;
use crate::staff::state::{NewStaffDraft, matching_staff, planning_cells};
use crate::ui::column_heads;
use crate::ui::confirm::ConfirmAction;
use crate::ui::form::{Field, FormError, clear, invalid_when_named, value_of};

/// The provider's staff as a table searched by name, login or role: name (a caregiver's
/// links to her profile), login, role, a caregiver's contract and skills, active state, and
/// what a manager may change.
#[component]
pub fn StaffList(
    #[prop(into)] staff: Signal<Vec<StaffMember>>,
    /// The caregivers' contracts and skills (empty until loaded).
    #[prop(into)]
    caregivers: Signal<Vec<CaregiverSummary>>,
    /// The manager's own account: no buttons there (the server refuses changes to oneself).
    #[prop(into)]
    self_id: String,
    /// The account a change is being sent for.
    #[prop(into)]
    busy: Signal<Option<String>>,
    #[prop(into)] on_role: Callback<(String, Role)>,
    #[prop(into)] on_active: Callback<(String, bool)>,
    #[prop(into)] on_reset: Callback<String>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let rows = move || {
        let members = staff.get();
        if members.is_empty() {
            return view! { <p class="empty">"Zatím tu nejsou žádní pracovníci."</p> }.into_any();
        }
        let found = matching_staff(&members, &query.get());
        if found.is_empty() {
            return view! { <p class="empty">"Hledání neodpovídá žádný pracovník."</p> }.into_any();
        }
        let self_id = self_id.clone();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Seznam pracovníků">
                <table class="staff-list">
                    {column_heads(
                        &["Jméno", "Přihlašovací jméno", "Role", "Úvazek", "Dovednosti", "Stav", "Změny"],
                    )}
                    <tbody>
                        {found
                            .into_iter()
                            .map(|member| {
                                let is_self = member.user_id == self_id;
                                let planning = caregivers.with(|all| planning_cells(&member, all));
                                view! {
                                    <StaffRow
                                        member=member
                                        planning=planning
                                        is_self=is_self
                                        busy=busy
                                        on_role=on_role
                                        on_active=on_active
                                        on_reset=on_reset
                                    />
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="field staff-search">
            <label for="staff-search">"Hledat pracovníka"</label>
            <p id="staff-search-hint" class="hint">"Jméno, přihlašovací jméno nebo role."</p>
            <input
                id="staff-search"
                type="search"
                aria-describedby="staff-search-hint"
                on:input=move |event| query.set(event_target_value(&event))
            />
        </div>
        {rows}
    }
}

#[component]
fn StaffRow(
    member: StaffMember,
    /// The contract and skills cells.
    planning: (String, String),
    is_self: bool,
    busy: Signal<Option<String>>,
    on_role: Callback<(String, Role)>,
    on_active: Callback<(String, bool)>,
    on_reset: Callback<String>,
) -> impl IntoView {
    let id = member.user_id.clone();
    let pending = {
        let id = id.clone();
        Signal::derive(move || busy.with(|busy| busy.as_deref() == Some(id.as_str())))
    };
    let state_label = if member.active {
        "Aktivní"
    } else {
        "Deaktivovaný účet"
    };
    let controls = (!is_self).then(|| {
        let select = NodeRef::<leptos::html::Select>::new();
        let select_id = format!("role-{}", member.user_id);
        let name = member.display_name.clone();
        let role_id = id.clone();
        let save_role = move |_| {
            let chosen = select
                .get_untracked()
                .and_then(|select| Role::parse(&select.value()));
            if let Some(role) = chosen {
                on_role.run((role_id.clone(), role));
            }
        };
        let current_role = member.role;
        let active_id = id.clone();
        let reset_id = id.clone();
        let (active_label, active_question, active_confirm) = if member.active {
            (
                "Deaktivovat",
                format!("Deaktivovat účet {name}? Nebude se moci přihlásit."),
                "Ano, deaktivovat",
            )
        } else {
            (
                "Znovu aktivovat",
                format!("Znovu aktivovat účet {name}?"),
                "Ano, aktivovat",
            )
        };
        let next_active = !member.active;
        // The row asks one question at a time.
        let question = RwSignal::new(None::<String>);
        view! {
            <div class="staff-controls">
                <div class="inline-field">
                    <label for=select_id.clone()>"Role"</label>
                    <select id=select_id node_ref=select disabled=move || pending.get()>
                        {roles::PROVIDER_STAFF
                            .iter()
                            .copied()
                            .map(|role| {
                                view! {
                                    <option value=role.as_str() selected=role == current_role>
                                        {role.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button
                        type="button"
                        class="button"
                        disabled=move || pending.get()
                        on:click=save_role
                    >
                        "Uložit roli"
                    </button>
                </div>
                <div class="actions">
                    <ConfirmAction
                        open=question
                        label=active_label
                        question=active_question
                        confirm_label=active_confirm
                        pending=pending
                        danger=member.active
                        on_confirm=Callback::new(move |()| {
                            on_active.run((active_id.clone(), next_active))
                        })
                    />
                    <ConfirmAction
                        open=question
                        label="Nový jednorázový kód"
                        question=format!(
                            "Vytvořit jednorázový kód k nastavení nového hesla pro účet {name}?",
                        )
                        confirm_label="Ano, vytvořit kód"
                        pending=pending
                        on_confirm=Callback::new(move |()| on_reset.run(reset_id.clone()))
                    />
                </div>
            </div>
        }
    });
    // The caregivers' profile (contract, shifts, skills, absences, home base) is a page.
    let name = match member.role {
        Role::Caregiver => view! {
            <a href=paths::caregiver(&member.user_id)>{member.display_name}</a>
        }
        .into_any(),
        _ => member.display_name.into_any(),
    };
    view! {
        <tr class="staff" data-active=member.active.to_string()>
            <th scope="row" class="staff-name">
                {name}
                {is_self.then_some(" (vy)")}
            </th>
            <td class="staff-username">{member.username}</td>
            <td class="staff-role">{member.role.label()}</td>
            <td class="staff-contract">{planning.0}</td>
            <td class="staff-skills">{planning.1}</td>
            <td>
                <span class=if member.active {
                    "badge staff-state"
                } else {
                    "badge badge-cancelled staff-state"
                }>{state_label}</span>
            </td>
            <td>{controls}</td>
        </tr>
    }
}

/// Adding a staff member: login, name, role.
#[component]
pub fn NewStaffForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// Set when the server created the account: the inputs are cleared for the next one.
    #[prop(into)]
    done: Signal<bool>,
    #[prop(into)] on_submit: Callback<NewStaffDraft>,
) -> impl IntoView {
    let username = NodeRef::<leptos::html::Input>::new();
    let display_name = NodeRef::<leptos::html::Input>::new();
    let role = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if done.get() {
            clear(&[username, display_name]);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run(NewStaffDraft {
            username: value_of(username),
            display_name: value_of(display_name),
            role: role.get_untracked().map(|r| r.value()).unwrap_or_default(),
        });
    };
    view! {
        <form class="card-form staff-form" on:submit=submit novalidate=true>
            <Field
                id="staff-display-name"
                name="display_name"
                label="Jméno a příjmení"
                autocomplete="off"
                error_id="staff-error"
                error=error
                input=display_name
            />
            <Field
                id="staff-username"
                name="username"
                label="Přihlašovací jméno"
                hint="Malá písmena bez diakritiky, číslice, tečka nebo pomlčka, např. jana.mala."
                error_id="staff-error"
                error=error
                input=username
            />
            <div class="field">
                <label for="staff-role">"Role"</label>
                <select
                    id="staff-role"
                    name="role"
                    node_ref=role
                    aria-invalid=invalid_when_named(error, "role")
                >
                    {roles::PROVIDER_STAFF
                        .iter()
                        .copied()
                        .map(|role| view! { <option value=role.as_str()>{role.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <FormError id="staff-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Přidávám…" } else { "Přidat pracovníka" }}
            </button>
        </form>
    }
}
