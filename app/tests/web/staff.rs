//! The staff list.

use super::*;
use app::staff::view::StaffList;
use shared::identity::StaffMember;
use shared::schedule::CaregiverSummary;

fn member(id: &str, name: &str, role: Role, active: bool) -> StaffMember {
    StaffMember {
        user_id: id.to_owned(),
        username: format!("{id}.decin"),
        display_name: name.to_owned(),
        role,
        active,
    }
}

/// The list as the manager "vedouci" sees it, changes of active state going to `on_active`.
fn staff_list(staff: Vec<StaffMember>, on_active: Callback<(String, bool)>) -> HtmlElement {
    mount(move || {
        view! {
            <StaffList
                staff=staff.clone()
                caregivers=vec![CaregiverSummary {
                    id: "jana".to_owned(),
                    contract_minutes: Some(30 * 60),
                    skills: vec!["koupel".to_owned(), "řidič".to_owned()],
                }]
                self_id="vedouci"
                busy={None::<String>}
                on_role=Callback::new(|_| {})
                on_active=on_active
                on_reset=Callback::new(|_| {})
            />
        }
    })
}

#[wasm_bindgen_test]
async fn the_staff_list_shows_roles_and_state_and_deactivates_only_after_confirmation() {
    let staff = vec![
        member("vedouci", "Věra Vedoucí", Role::ProviderManager, true),
        member("jana", "Jana Malá", Role::Caregiver, true),
        member("petr", "Petr Starý", Role::Coordinator, false),
    ];
    let changes = Arc::new(Mutex::new(Vec::<(String, bool)>::new()));
    let sink = Arc::clone(&changes);
    let host = staff_list(
        staff,
        Callback::new(move |change| sink.lock().expect("lock").push(change)),
    );

    assert_eq!(
        texts(&host, ".staff-name"),
        ["Věra Vedoucí (vy)", "Jana Malá", "Petr Starý"]
    );
    assert_eq!(
        texts(&host, ".staff-role"),
        ["Vedoucí služby", "Pečovatel/ka", "Koordinátor"]
    );
    assert_eq!(
        texts(&host, ".staff-contract"),
        ["", "0,75 (30 h týdně)", ""],
        "a caregiver's contract as a share of full time"
    );
    assert_eq!(texts(&host, ".staff-skills"), ["", "koupel, řidič", ""]);
    assert_eq!(
        texts(&host, ".staff-state"),
        ["Aktivní", "Aktivní", "Deaktivovaný účet"]
    );
    let rows = host.query_selector_all(".staff").expect("selector");
    let row = |i: u32| -> HtmlElement { rows.item(i).expect("row").unchecked_into() };
    assert!(
        missing(&row(0), "button"),
        "no changes to one's own account"
    );
    assert_eq!(
        text(&row(1), "label[for=role-jana]"),
        "Role",
        "the role picker is labelled"
    );
    assert!(texts(&row(2), "button").contains(&"Znovu aktivovat".to_owned()));

    let jana = row(1);
    let button = |label: &str| -> HtmlElement {
        let buttons = jana.query_selector_all("button").expect("selector");
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some(label))
            .expect("the button")
    };
    button("Deaktivovat").click();
    leptos::task::tick().await;
    assert!(
        changes.lock().expect("lock").is_empty(),
        "nothing before confirming"
    );
    assert!(text(&jana, ".confirm-question").contains("Jana Malá"));

    // The row asks one question at a time: the one-time code's replaces it, and back.
    button("Nový jednorázový kód").click();
    leptos::task::tick().await;
    assert_eq!(
        texts(&jana, ".confirm-question"),
        ["Vytvořit jednorázový kód k nastavení nového hesla pro účet Jana Malá?"]
    );
    button("Deaktivovat").click();
    leptos::task::tick().await;
    assert_eq!(texts(&jana, ".confirm-question").len(), 1);
    assert!(text(&jana, ".confirm-question").contains("Deaktivovat účet Jana Malá"));
    find(&jana, ".confirm .button-danger").click();
    leptos::task::tick().await;
    assert_eq!(
        changes.lock().expect("lock").clone(),
        [("jana".to_owned(), false)]
    );
}

#[wasm_bindgen_test]
async fn the_staff_table_is_searched_by_name_and_links_a_caregiver_to_her_profile() {
    let staff = vec![
        member("jana", "Jana Malá", Role::Caregiver, true),
        member("petr", "Petr Starý", Role::Coordinator, true),
    ];
    let host = staff_list(staff, Callback::new(|_| {}));
    assert_eq!(
        texts(&host, "thead th"),
        [
            "Jméno",
            "Přihlašovací jméno",
            "Role",
            "Úvazek",
            "Dovednosti",
            "Stav",
            "Změny"
        ]
    );
    assert_eq!(
        attribute(&host, ".staff-name a", "href").as_deref(),
        Some("/pecovatele/jana"),
        "the caregiver's name opens her profile"
    );
    assert_eq!(
        texts(&host, ".staff-name a"),
        ["Jana Malá"],
        "only a caregiver has a profile"
    );

    let search = find(&host, "#staff-search").unchecked_into::<HtmlInputElement>();
    let type_in = |text: &str| {
        search.set_value(text);
        search
            .dispatch_event(&web_sys::Event::new("input").expect("an event"))
            .expect("dispatched");
    };
    type_in("stary");
    leptos::task::tick().await;
    assert_eq!(texts(&host, ".staff-name"), ["Petr Starý"]);
    type_in("nikdo");
    leptos::task::tick().await;
    assert_eq!(text(&host, ".empty"), "Hledání neodpovídá žádný pracovník.");
}
