//! The sign-in form.

use super::*;
use app::login::state::LoginDraft;
use app::login::view::LoginForm;

#[wasm_bindgen_test]
fn the_login_form_marks_the_field_the_server_names() {
    let error = ErrorDetail {
        code: "invalid_credentials".to_owned(),
        message: "Nesprávné přihlašovací jméno nebo heslo.".to_owned(),
        field: Some("password".to_owned()),
    };
    let host = mount(move || {
        view! { <LoginForm pending=false error=Some(error) on_submit=Callback::new(|_| {}) /> }
    });

    assert_eq!(
        text(&host, "[role=alert]"),
        "Nesprávné přihlašovací jméno nebo heslo."
    );
    let password = find(&host, "#login-password");
    assert_eq!(
        password.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        password.get_attribute("aria-describedby").as_deref(),
        Some("login-error")
    );
    let username = find(&host, "#login-username");
    assert_eq!(username.get_attribute("aria-invalid"), None);
    assert_eq!(
        username.get_attribute("autocomplete").as_deref(),
        Some("username")
    );
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        text(&host, "label[for=login-password]"),
        "Heslo",
        "every input has a label"
    );
}

#[wasm_bindgen_test]
fn the_login_form_hands_over_what_was_typed() {
    let submitted = Arc::new(Mutex::new(None::<LoginDraft>));
    let sink = Arc::clone(&submitted);
    let on_submit =
        Callback::new(move |credentials| *sink.lock().expect("lock") = Some(credentials));
    let host = mount(move || view! { <LoginForm pending=false error=None on_submit=on_submit /> });
    assert!(missing(&host, "[role=alert]"));

    find(&host, "#login-username")
        .unchecked_into::<HtmlInputElement>()
        .set_value("pecovatelka.decin");
    find(&host, "#login-password")
        .unchecked_into::<HtmlInputElement>()
        .set_value("demo1234");
    find(&host, "button[type=submit]").click();

    assert_eq!(
        submitted.lock().expect("lock").clone(),
        Some(LoginDraft {
            username: "pecovatelka.decin".to_owned(),
            password: "demo1234".to_owned(),
        })
    );
}

#[wasm_bindgen_test]
fn a_pending_login_disables_the_button_and_says_so() {
    let host =
        mount(|| view! { <LoginForm pending=true error=None on_submit=Callback::new(|_| {}) /> });

    let button = find(&host, "button[type=submit]");
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.text_content().as_deref(), Some("Přihlašuji…"));
}
