//! The header and the navigation.

use super::*;
use app::session::nav_items;
use app::ui::chrome::{AppHeader, MainNav};

#[wasm_bindgen_test]
fn the_header_shows_who_is_signed_in_and_the_connection() {
    let me = Me {
        user_id: "u1".to_owned(),
        username: "pecovatelka.decin".to_owned(),
        display_name: "Jana Nováková".to_owned(),
        role: Role::Caregiver,
        provider_id: Some("p1".to_owned()),
        provider_name: Some("Charita Děčín".to_owned()),
    };
    let host = mount(move || {
        view! {
            <AppHeader
                me=Some(me)
                online=true
                logout_pending=false
                logout_error={None::<String>}
                on_logout=ignore()
            />
        }
    });

    assert_eq!(text(&host, ".user-name"), "Jana Nováková");
    assert_eq!(text(&host, ".user-role"), "Pečovatel/ka");
    assert_eq!(text(&host, ".net"), "Připojeno");
    assert_eq!(text(&host, "button"), "Odhlásit se");
}

#[wasm_bindgen_test]
async fn the_header_says_when_the_phone_is_offline() {
    let online = RwSignal::new(true);
    let host = mount(move || {
        view! {
            <AppHeader
                me={None::<Me>}
                online=online
                logout_pending=false
                logout_error={None::<String>}
                on_logout=ignore()
            />
        }
    });
    assert!(missing(&host, "button"), "no logout without a user");

    online.set(false);
    leptos::task::tick().await;

    assert_eq!(text(&host, ".net"), "Bez připojení");
    assert!(find(&host, ".net").class_list().contains("net-offline"));
}

#[wasm_bindgen_test]
fn the_nav_shows_each_role_its_own_pages_and_marks_the_current_one() {
    let host = mount(|| {
        view! { <MainNav items=nav_items(Role::FamilyMember) current="/rodina".to_owned() /> }
    });
    assert_eq!(texts(&host, "nav a"), ["Kdo přijde kdy", "Můj účet"]);
    assert_eq!(
        attribute(&host, "nav", "aria-label").as_deref(),
        Some("Hlavní nabídka")
    );
    assert_eq!(
        attribute(&host, "a[href='/rodina']", "aria-current").as_deref(),
        Some("page")
    );
    assert_eq!(attribute(&host, "a[href='/ucet']", "aria-current"), None);

    let manager = mount(|| {
        view! { <MainNav items=nav_items(Role::ProviderManager) current="/audit".to_owned() /> }
    });
    assert_eq!(
        texts(&manager, "nav a"),
        [
            "Pracovníci",
            "Dnešní návštěvy",
            "Dnes v kanceláři",
            "Týdenní plán",
            "Klienti",
            "Události z návštěv",
            "Záznam přístupů",
            "Školení",
            "Výkazy",
            "Můj účet"
        ]
    );
    assert_eq!(
        attribute(&manager, "a[href='/audit']", "aria-current").as_deref(),
        Some("page")
    );

    let caregiver = mount(|| {
        view! { <MainNav items=nav_items(Role::Caregiver) current="/dnes".to_owned() /> }
    });
    assert_eq!(
        texts(&caregiver, "nav a"),
        ["Dnešní návštěvy", "Školení", "Můj účet"]
    );
    assert!(missing(&caregiver, "a[href='/pracovnici']"));
}
