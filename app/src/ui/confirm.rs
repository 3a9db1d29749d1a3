//! A button that asks before it acts.

use leptos::prelude::*;

/// A button that asks before it acts: the first press shows the question and the real
/// button, "Zpět" returns.
#[component]
pub fn ConfirmAction(
    #[prop(into)] label: String,
    #[prop(into)] question: String,
    #[prop(into)] confirm_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    // Set when the question is dismissed, so focus goes back to the button that asked.
    let dismissed = StoredValue::new(false);
    let dismiss = move || {
        dismissed.set_value(true);
        asking.set(false);
    };
    let confirm_class = if danger {
        "button button-danger"
    } else {
        "button"
    };
    move || {
        if asking.get() {
            let confirm = NodeRef::<leptos::html::Button>::new();
            confirm.on_load(|button| {
                let _ = button.focus();
            });
            let question = question.clone();
            let group_label = question.clone();
            let confirm_label = confirm_label.clone();
            view! {
                <div
                    class="confirm"
                    role="group"
                    aria-label=group_label
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            dismiss();
                        }
                    }
                >
                    <p class="confirm-question">{question}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class=confirm_class
                            node_ref=confirm
                            disabled=move || pending.get()
                            on:click=move |_| {
                                asking.set(false);
                                on_confirm.run(());
                            }
                        >
                            {confirm_label}
                        </button>
                        <button type="button" class="button" on:click=move |_| dismiss()>
                            "Zpět"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            let label = label.clone();
            let trigger = NodeRef::<leptos::html::Button>::new();
            trigger.on_load(move |button| {
                if dismissed.get_value() {
                    dismissed.set_value(false);
                    let _ = button.focus();
                }
            });
            view! {
                <button
                    type="button"
                    class="button"
                    node_ref=trigger
                    disabled=move || pending.get()
                    on:click=move |_| asking.set(true)
                >
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
