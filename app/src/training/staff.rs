//! The manager's part of `/skoleni`: her staff's standing, and each one's employment
//! periods. Its code goes with the office's pages, which only staff of the office open,
//! not with the training pages every caregiver's phone keeps.

use leptos::prelude::*;
use shared::training::StaffStanding;

use super::employment::EmploymentEditor;
use super::view::StaffStandingTable;
use crate::ui::{Remote, remote_view};

/// What the part shares with the rest of the page: the staff list (the catalogue enrols
/// from it too), the page's notice and the manager's own standing.
#[derive(Debug, Clone, Copy)]
pub(super) struct StaffSection {
    pub staff: RwSignal<Remote<Vec<StaffStanding>>>,
    pub reload_staff: Callback<()>,
    pub notice: RwSignal<Option<String>>,
    pub reload_standing: Callback<()>,
}

#[component]
pub(super) fn ManagersStaffStanding(section: StaffSection) -> impl IntoView {
    // Through the context: `split_part!` shows a component without props.
    provide_context(section);
    crate::ui::split_part!(
        office,
        staff_standing => StaffStandingPart,
        "Přehled pracovníků lze zobrazit po připojení k internetu."
    )
}

#[component]
fn StaffStandingPart() -> impl IntoView {
    let StaffSection {
        staff,
        reload_staff,
        notice,
        reload_standing,
    } = expect_context();
    let employment_of = RwSignal::new(None::<StaffStanding>);
    let on_edit = Callback::new(move |worker: StaffStanding| employment_of.set(Some(worker)));
    let on_close = Callback::new(move |()| employment_of.set(None));
    let on_saved = Callback::new(move |text: String| {
        notice.set(Some(text));
        employment_of.set(None);
        reload_staff.run(());
        reload_standing.run(());
    });
    view! {
        <h2>"Plnění povinnosti 24 hodin u pracovníků"</h2>
        {remote_view(
            staff.into(),
            reload_staff,
            move |staff| view! { <StaffStandingTable staff=staff on_edit=on_edit /> },
        )}
        {move || {
            employment_of
                .get()
                .map(|worker| {
                    view! { <EmploymentEditor worker=worker on_saved=on_saved on_close=on_close /> }
                })
        }}
    }
}
