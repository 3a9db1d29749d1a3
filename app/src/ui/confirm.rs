//! A button that asks before it acts.

use leptos::prelude::*;

/// A button that asks before it acts: the first press shows the question and the real
/// button, "Zpět" returns. Buttons given one `open` (the label of the one asking) ask one
/// at a time: a second question closes the first.
#[component]
pub fn ConfirmAction(
    #[prop(into)] label: String,
    #[prop(into)] question: String,
    #[prop(into)] confirm_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
    #[prop(optional)] open: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let own = RwSignal::new(false);
    let key = StoredValue::new(label.clone());
    let is_asking = move || match open {
        Some(open) => open.with(|asking| key.with_value(|key| asking.as_ref() == Some(key))),
        None => own.get(),
    };
    let set_asking = move |asking: bool| match open {
        Some(open) => open.set(asking.then(|| key.get_value())),
        None => own.set(asking),
    };
    // Set when the question is dismissed, so focus goes back to the button that asked.
    let dismissed = StoredValue::new(false);
    let dismiss = move || {
        dismissed.set_value(true);
        set_asking(false);
    };
    let confirm_class = if danger {
        "button button-danger"
    } else {
        "button"
    };
    move || {
        if is_asking() {
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
                                set_asking(false);
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
                    on:click=move |_| set_asking(true)
                >
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
