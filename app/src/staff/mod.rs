//! `/pracovnici`: the manager's staff list, new accounts, roles, deactivation, new codes.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::{Role, StaffChange, StaffMember, roles};

use crate::paths;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::code_panel::{ShownCode, ShownCodeSlot};
use crate::ui::form::{Alert, FormAction};
use crate::ui::{ErrorPanel, Loading, Remote};
use state::{NewStaffDraft, parse_new_staff, sort_staff};
use view::{NewStaffForm, StaffList};

/// `/pracovnici`: the manager's staff list, new accounts, roles, deactivation, new codes.
#[component]
pub fn StaffPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::MANAGERS>
            <StaffLoader />
        </RequireRole>
    }
}

const STAFF_CODE_INSTRUCTIONS: &str =
    "Předejte kód pracovníkovi. Zadá ho spolu s novým heslem a tím se poprvé přihlásí.";

#[component]
fn StaffLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let self_id = session.me_now().map(|me| me.user_id).unwrap_or_default();
    let (load, state) = loader(session, api::staff);
    // The caregivers' contracts and skills come from scheduling; the table shows the
    // accounts without them while they load or when they cannot be read.
    let (_, planning) = loader(session, api::caregivers);
    let caregivers = Signal::derive(move || match planning.get() {
        Remote::Loaded(caregivers) => caregivers,
        _ => Vec::new(),
    });
    let shown = RwSignal::new(None::<ShownCode>);
    let busy = RwSignal::new(None::<String>);
    let list_error = RwSignal::new(None::<String>);

    let replace_member = move |member: StaffMember| {
        state.update(|state| {
            if let Remote::Loaded(staff) = state {
                match staff.iter_mut().find(|m| m.user_id == member.user_id) {
                    Some(slot) => *slot = member,
                    None => staff.push(member),
                }
                sort_staff(staff);
            }
        });
    };
    let name_of = move |user_id: &str| {
        state.with_untracked(|state| match state {
            Remote::Loaded(staff) => staff
                .iter()
                .find(|m| m.user_id == user_id)
                .map(|m| m.display_name.clone()),
            _ => None,
        })
    };

    // New staff member.
    let create = FormAction::new(api::create_staff);
    Effect::new(move |_| match create.value().get() {
        Some(Ok(created)) => {
            shown.set(Some(ShownCode {
                heading: format!("Jednorázový kód pro účet {}", created.member.display_name),
                instructions: format!(
                    "{STAFF_CODE_INSTRUCTIONS} Přihlašovací jméno: {}.",
                    created.member.username
                ),
                code: created.one_time_code,
            }));
            replace_member(created.member);
        }
        Some(Err(error)) => signed_out_if_expired(session, &error),
        None => {}
    });
    let submit = Callback::new(move |draft: NewStaffDraft| {
        create.submit(parse_new_staff(&draft));
    });

    // Changes to one member: role, active, password reset.
    let update = Action::new_local(|(id, change): &(String, StaffChange)| {
        api::update_staff(id.clone(), change.clone())
    });
    Effect::new(move |_| {
        if update.pending().get() {
            return;
        }
        match update.value().get() {
            Some(Ok(member)) => {
                busy.set(None);
                replace_member(member);
            }
            Some(Err(error)) => {
                busy.set(None);
                signed_out_if_expired(session, &error);
                list_error.set(Some(error.message().to_owned()));
            }
            None => {}
        }
    });
    let reset = Action::new_local(|id: &String| api::reset_staff_password(id.clone()));
    Effect::new(move |_| {
        if reset.pending().get() {
            return;
        }
        let Some(result) = reset.value().get() else {
            return;
        };
        let id = busy.get_untracked().unwrap_or_default();
        busy.set(None);
        match result {
            Ok(code) => {
                let name = name_of(&id).unwrap_or_default();
                shown.set(Some(ShownCode {
                    heading: format!("Jednorázový kód pro účet {name}"),
                    instructions: STAFF_CODE_INSTRUCTIONS.to_owned(),
                    code,
                }));
            }
            Err(error) => {
                signed_out_if_expired(session, &error);
                list_error.set(Some(error.message().to_owned()));
            }
        }
    });
    let change = move |id: String, change: StaffChange| {
        list_error.set(None);
        busy.set(Some(id.clone()));
        update.dispatch((id, change));
    };
    let on_role = Callback::new(move |(id, role): (String, Role)| {
        change(
            id,
            StaffChange {
                role: Some(role),
                active: None,
            },
        )
    });
    let on_active = Callback::new(move |(id, active): (String, bool)| {
        change(
            id,
            StaffChange {
                role: None,
                active: Some(active),
            },
        )
    });
    let on_reset = Callback::new(move |id: String| {
        list_error.set(None);
        busy.set(Some(id.clone()));
        reset.dispatch(id);
    });

    let staff = Signal::derive(move || match state.get() {
        Remote::Loaded(staff) => staff,
        _ => Vec::new(),
    });
    let list = move || match state.get() {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => view! {
            <ErrorPanel
                message=error.message
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        }
        .into_any(),
        Remote::Loaded(_) => view! {
            <StaffList
                staff=staff
                caregivers=caregivers
                self_id=self_id.clone()
                busy=busy
                on_role=on_role
                on_active=on_active
                on_reset=on_reset
            />
        }
        .into_any(),
    };

    view! {
        <section class="staff-page" aria-labelledby="staff-heading">
            <h1 id="staff-heading" class="no-print">"Pracovníci"</h1>
            <ShownCodeSlot shown=shown redeem_path=paths::REDEEM_PASSWORD_RESET />
            <section class="card no-print" aria-labelledby="new-staff-heading">
                <h2 id="new-staff-heading">"Přidat pracovníka"</h2>
                <p class="lead">
                    "Nový účet dostane jednorázový kód, kterým si pracovník nastaví heslo."
                </p>
                <NewStaffForm
                    pending=create.pending()
                    error=create.error()
                    done=Signal::derive(move || matches!(create.value().get(), Some(Ok(_))))
                    on_submit=submit
                />
            </section>
            <section class="no-print" aria-labelledby="staff-list-heading">
                <h2 id="staff-list-heading">"Seznam pracovníků"</h2>
                <Alert message=list_error />
                {list}
            </section>
        </section>
    }
}
