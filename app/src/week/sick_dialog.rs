//! "Nepřítomnost od teď": a caregiver called in sick, today from a time or whole days. The
//! absence is recorded and the board's panel shows the repair proposal.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::ErrorDetail;

use crate::ui::form::{Field, FormError};
use crate::week::move_dialog::{DialogActions, VisitDialog};
use crate::week::sick_call::{SickDraft, SickSpan};

/// The sick-call form; Escape closes it, the first choice has focus when it opens.
#[component]
pub fn SickDialog(
    draft: SickDraft,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    on_submit: Callback<SickDraft>,
    on_close: Callback<()>,
) -> impl IntoView {
    let span = RwSignal::new(draft.span);
    let today_choice = NodeRef::<leptos::html::Input>::new();
    let time = NodeRef::<leptos::html::Input>::new();
    let from = NodeRef::<leptos::html::Input>::new();
    let to = NodeRef::<leptos::html::Input>::new();
    today_choice.on_load(|input| {
        let _ = input.focus();
    });
    // The fields open with the draft's values.
    for (input, initial) in [
        (time, draft.time.clone()),
        (from, draft.from.to_string()),
        (to, draft.to.to_string()),
    ] {
        input.on_load(move |input| input.set_value(&initial));
    }
    let value = |input: NodeRef<leptos::html::Input>| {
        input.get_untracked().map(|i| i.value()).unwrap_or_default()
    };
    let date_of = move |input: NodeRef<leptos::html::Input>, fallback: NaiveDate| {
        value(input).parse::<NaiveDate>().unwrap_or(fallback)
    };
    let opened = draft.clone();
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(SickDraft {
            span: span.get_untracked(),
            time: value(time),
            from: date_of(from, opened.from),
            to: date_of(to, opened.to),
            ..opened.clone()
        });
    };
    let heading = format!("Nepřítomnost od teď: {}", draft.caregiver_name);
    view! {
        <VisitDialog heading=heading on_close=on_close>
            <form class="form" on:submit=on_send novalidate>
                <p class="hint">
                    "Zapíše nepřítomnost a navrhne, kdo převezme její nezačaté návštěvy. Začaté a hotové návštěvy zůstanou, plán se změní až po přijetí návrhu."
                </p>
                <fieldset class="field">
                    <legend>"Od kdy"</legend>
                    <label class="check">
                        <input
                            type="radio"
                            name="sick-span"
                            node_ref=today_choice
                            checked=draft.span == SickSpan::TodayFrom
                            on:change=move |_| span.set(SickSpan::TodayFrom)
                        />
                        "Dnes od času"
                    </label>
                    <label class="check">
                        <input
                            type="radio"
                            name="sick-span"
                            checked=draft.span == SickSpan::WholeDays
                            on:change=move |_| span.set(SickSpan::WholeDays)
                        />
                        "Celé dny"
                    </label>
                </fieldset>
                <div hidden=move || span.get() != SickSpan::TodayFrom>
                    <Field
                        id="sick-time"
                        name="from_time"
                        label="Od (čas)"
                        kind="time"
                        error_id="sick-error"
                        error=error
                        input=time
                    />
                </div>
                <div hidden=move || span.get() != SickSpan::WholeDays>
                    <Field
                        id="sick-from"
                        name="from"
                        label="Od (den)"
                        kind="date"
                        error_id="sick-error"
                        error=error
                        input=from
                    />
                    <Field
                        id="sick-to"
                        name="to"
                        label="Do (den, včetně)"
                        kind="date"
                        error_id="sick-error"
                        error=error
                        input=to
                    />
                </div>
                <FormError id="sick-error" error=error />
                <DialogActions
                    submit="Zapsat a navrhnout náhradu"
                    working="Zapisuji a hledám náhradu…"
                    pending=pending
                    on_close=on_close
                />
            </form>
        </VisitDialog>
    }
}
