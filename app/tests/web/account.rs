//! The account: who I am, the password form.

use super::*;
use app::account::office_phone::OfficePhoneForm;
use app::account::state::PasswordChangeDraft;
use app::account::view::{AccountSummary, PasswordChangeForm};
use app::ui::password::PasswordPairDraft;

#[wasm_bindgen_test]
fn the_password_form_marks_the_field_the_server_names() {
    let error = decode_error(
        400,
        r#"{"error":{"code":"wrong_password","message":"Současné heslo nesouhlasí.","field":"current_password"}}"#,
    )
    .detail();
    let host = mount(move || {
        view! {
            <PasswordChangeForm
                pending=false
                error=Some(error)
                done=false
                on_submit=Callback::new(|_| {})
            />
        }
    });

    assert_eq!(text(&host, "[role=alert]"), "Současné heslo nesouhlasí.");
    assert_eq!(
        attribute(&host, "#password-current", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attribute(&host, "#password-current", "aria-describedby").as_deref(),
        Some("password-error")
    );
    assert_eq!(attribute(&host, "#password-new", "aria-invalid"), None);
    assert_eq!(
        attribute(&host, "#password-new", "aria-describedby").as_deref(),
        Some("password-new-hint"),
        "an unmarked field points at its hint"
    );
    assert_eq!(text(&host, "label[for=password-new]"), "Nové heslo");
    assert_eq!(
        attribute(&host, "#password-new", "autocomplete").as_deref(),
        Some("new-password")
    );
}

#[wasm_bindgen_test]
async fn the_password_form_hands_over_what_was_typed_and_says_when_done() {
    let submitted = Arc::new(Mutex::new(None::<PasswordChangeDraft>));
    let sink = Arc::clone(&submitted);
    let done = RwSignal::new(false);
    let host = mount(move || {
        view! {
            <PasswordChangeForm
                pending=false
                error={None::<ErrorDetail>}
                done=done
                on_submit=Callback::new(move |typed| *sink.lock().expect("lock") = Some(typed))
            />
        }
    });
    let set = |selector: &str, value: &str| {
        find(&host, selector)
            .unchecked_into::<HtmlInputElement>()
            .set_value(value)
    };
    set("#password-current", "demo1234");
    set("#password-new", "nové heslo 2026");
    set("#password-again", "nové heslo 2026");
    find(&host, "button[type=submit]").click();
    assert_eq!(
        submitted.lock().expect("lock").clone(),
        Some(PasswordChangeDraft {
            current: "demo1234".to_owned(),
            new: PasswordPairDraft {
                password: "nové heslo 2026".to_owned(),
                again: "nové heslo 2026".to_owned(),
            },
        })
    );

    done.set(true);
    leptos::task::tick().await;
    assert!(text(&host, "[role=status]").starts_with("Heslo je změněné."));
    assert_eq!(
        find(&host, "#password-new")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "",
        "the form is cleared"
    );
}

#[wasm_bindgen_test]
fn the_account_shows_the_provider_only_for_staff() {
    let me = |role, provider: Option<&str>| Me {
        user_id: "u1".to_owned(),
        username: "jana.mala".to_owned(),
        display_name: "Jana Malá".to_owned(),
        role,
        provider_id: provider.map(|_| "p1".to_owned()),
        provider_name: provider.map(str::to_owned),
    };
    let staff = me(Role::Caregiver, Some("Charita Děčín"));
    let host = mount(move || view! { <AccountSummary me=staff /> });
    assert_eq!(text(&host, ".account-name"), "Jana Malá");
    assert_eq!(text(&host, ".account-username"), "jana.mala");
    assert_eq!(text(&host, ".account-role"), "Pečovatel/ka");
    assert_eq!(text(&host, ".account-provider"), "Charita Děčín");

    let family = me(Role::FamilyMember, None);
    let host = mount(move || view! { <AccountSummary me=family /> });
    assert_eq!(text(&host, ".account-role"), "Rodina");
    assert!(missing(&host, ".account-provider"));
}

#[wasm_bindgen_test]
async fn the_office_phone_form_shows_the_error_beside_the_field_and_hands_over_what_was_typed() {
    let submitted = Arc::new(Mutex::new(None::<String>));
    let sink = Arc::clone(&submitted);
    let error = RwSignal::new(None::<ErrorDetail>);
    let host = mount(move || {
        view! {
            <OfficePhoneForm
                current="+420 601 000 001".to_owned()
                pending=false
                error=error
                saved=false
                on_submit=Callback::new(move |typed| *sink.lock().expect("lock") = Some(typed))
            />
        }
    });
    leptos::task::tick().await;
    let input = find(&host, "#office-phone").unchecked_into::<HtmlInputElement>();
    assert_eq!(input.value(), "+420 601 000 001", "the phone as it stands");
    assert_eq!(
        attribute(&host, "#office-phone", "type").as_deref(),
        Some("tel")
    );
    assert_eq!(text(&host, "label[for=office-phone]"), "Telefon kanceláře");

    input.set_value("601 000");
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatched");
    find(&host, "button[type=submit]").click();
    assert_eq!(submitted.lock().expect("lock").as_deref(), Some("601 000"));

    error.set(Some(ErrorDetail {
        code: "invalid".to_owned(),
        message: "Zadejte české telefonní číslo: 9 číslic.".to_owned(),
        field: Some("office_phone".to_owned()),
    }));
    leptos::task::tick().await;
    assert_eq!(
        attribute(&host, "#office-phone", "aria-invalid").as_deref(),
        Some("true")
    );
    let described = attribute(&host, "#office-phone", "aria-describedby").expect("described");
    assert_eq!(
        text(&host, &format!("#{described}")),
        "Zadejte české telefonní číslo: 9 číslic."
    );
    assert!(
        find(&host, ".field").inner_html().contains(&described),
        "the message stands beside the field"
    );
    assert_eq!(
        host.query_selector("[role=alert]")
            .expect("query")
            .map(|_| ()),
        None,
        "no second message for the same field"
    );
}
