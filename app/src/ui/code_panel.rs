//! A one-time code shown once, and what a page keeps to show it.

use leptos::prelude::*;
use shared::identity::OneTimeCode;

use crate::ui::format::{czech_date_time, machine_instant};

/// A one-time code to show, with the heading and instructions the panel needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownCode {
    pub heading: String,
    pub instructions: String,
    pub code: OneTimeCode,
}

/// A one-time code, shown once: large, printable, with its expiry in Prague time and what
/// to do with it.
#[component]
pub fn OneTimeCodePanel(
    /// "Jednorázový kód pro Janu Malou".
    #[prop(into)]
    heading: String,
    code: OneTimeCode,
    /// Where the code is typed in, e.g. `/obnova-hesla`.
    redeem_path: &'static str,
    /// What the recipient does with it, one sentence.
    #[prop(into)]
    instructions: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Section>::new();
    panel.on_load(|panel| {
        let _ = panel.focus();
    });
    let expires = czech_date_time(code.expires_at);
    let machine = machine_instant(code.expires_at);
    let origin = window().location().origin().unwrap_or_default();
    let address = format!("{origin}{redeem_path}");
    view! {
        <section
            class="code-panel"
            aria-labelledby="code-heading"
            tabindex="-1"
            node_ref=panel
        >
            <h2 id="code-heading">{heading}</h2>
            <p class="code-value" aria-label="Jednorázový kód">
                <code>{code.code}</code>
            </p>
            <p class="code-expiry">
                "Platí do " <time datetime=machine>{expires}</time> " (pražského času)."
            </p>
            <p class="code-instructions">{instructions}</p>
            <p class="code-where">
                "Kód zadá na stránce " <strong class="code-address">{address}</strong> "."
            </p>
            <p class="code-once">
                "Kód se zobrazuje jen jednou. Předejte ho osobně nebo vytištěný, ne e-mailem."
            </p>
            <div class="actions no-print">
                <button
                    type="button"
                    class="button button-primary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    "Vytisknout"
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Hotovo, kód jsem předal/a"
                </button>
            </div>
        </section>
    }
}

/// Where a page shows the code it has just made, until the user closes it.
#[component]
pub fn ShownCodeSlot(
    shown: RwSignal<Option<ShownCode>>,
    /// Where the code is typed in, e.g. `/obnova-hesla`.
    redeem_path: &'static str,
) -> impl IntoView {
    move || {
        shown.get().map(|shown_code| {
            view! {
                <OneTimeCodePanel
                    heading=shown_code.heading
                    code=shown_code.code
                    redeem_path=redeem_path
                    instructions=shown_code.instructions
                    on_close=Callback::new(move |()| shown.set(None))
                />
            }
        })
    }
}
