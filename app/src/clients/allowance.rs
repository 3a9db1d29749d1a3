//! A client's care-allowance level changing from a day: the reports count a client under
//! the level in force on the day of their last visit of the period.

use leptos::prelude::*;
use shared::clients::{ClientDetail, ClientInput};

use crate::clients::state::parse_allowance_change;
use crate::ui::form::{FormAction, FormError, invalid_when_named, value_of};
use crate::ui::format::czech_date_genitive;

fn level_in_words(client: &ClientInput) -> String {
    match (client.care_allowance_level, client.care_allowance_from) {
        (Some(level), Some(from)) => format!(
            "Příspěvek na péči {level}. stupně od {}.",
            czech_date_genitive(from)
        ),
        _ => "Bez příspěvku na péči.".to_owned(),
    }
}

/// The level in force and the form that sets a new one from a day.
#[component]
pub fn CareAllowance(
    client: ClientDetail,
    change: FormAction<ClientInput, ClientDetail>,
) -> impl IntoView {
    let level = NodeRef::<leptos::html::Select>::new();
    let from = NodeRef::<leptos::html::Input>::new();
    let error = change.error();
    let current = level_in_words(&client.input);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = level
            .get_untracked()
            .map(|select| select.value())
            .unwrap_or_default();
        change.submit(parse_allowance_change(
            &client.input,
            &chosen,
            &value_of(from),
        ));
    };
    let marked = move |field: &'static str| invalid_when_named(error, field);
    view! {
        <section class="card" aria-labelledby="allowance-heading">
            <h2 id="allowance-heading">"Příspěvek na péči"</h2>
            <p class="allowance-current">{current}</p>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="allowance-level">"Nový stupeň"</label>
                    <select id="allowance-level" node_ref=level aria-invalid=marked("care_allowance_level") aria-describedby="allowance-error">
                        <option value="">"Vyberte stupeň"</option>
                        {(1..=4)
                            .map(|level| view! { <option value=level.to_string()>{format!("{level}. stupeň")}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="allowance-from">"Nový stupeň platí od"</label>
                    <input id="allowance-from" type="date" node_ref=from aria-invalid=marked("care_allowance_from") aria-describedby="allowance-error" />
                </div>
                <FormError id="allowance-error" error=error />
                <button type="submit" class="button" disabled=move || change.pending().get()>
                    "Uložit nový stupeň"
                </button>
            </form>
        </section>
    }
}
