//! Ending a client's service: the last day and why; the visits planned after it are
//! cancelled, the client's record and history stay.

use leptos::prelude::*;
use shared::clients::{ClientDetail, EndService, EndedService};

use crate::clients::state::parse_end_of_service;
use crate::ui::form::{FormAction, FormError, invalid_when_named, value_of};
use crate::ui::format::czech_date;

/// "Služba skončila" when it has, else the form that ends it.
#[component]
pub fn ServiceEnd(
    client: ClientDetail,
    end: FormAction<EndService, EndedService>,
) -> impl IntoView {
    if let Some(last_day) = client.input.service_to {
        return view! {
            <section class="card" aria-labelledby="service-end-heading">
                <h2 id="service-end-heading">"Konec služby"</h2>
                <p>{format!("Poslední den služby: {}.", czech_date(last_day))}</p>
            </section>
        }
        .into_any();
    }
    let last_day = NodeRef::<leptos::html::Input>::new();
    let reason = NodeRef::<leptos::html::Input>::new();
    let error = end.error();
    let service_from = client.input.service_from;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        end.submit(parse_end_of_service(
            &value_of(last_day),
            &value_of(reason),
            service_from,
        ));
    };
    let marked = move |field: &'static str| invalid_when_named(error, field);
    view! {
        <section class="card" aria-labelledby="service-end-heading">
            <h2 id="service-end-heading">"Ukončit službu"</h2>
            <p class="hint">"Návštěvy naplánované po posledním dni se zruší; záznamy a historie klienta zůstanou."</p>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="service-last-day">"Poslední den služby"</label>
                    <input id="service-last-day" type="date" node_ref=last_day aria-invalid=marked("last_day") aria-describedby="service-end-error" />
                </div>
                <div class="field">
                    <label for="service-end-reason">"Důvod"</label>
                    <input id="service-end-reason" type="text" node_ref=reason aria-invalid=marked("reason") aria-describedby="service-end-error" />
                </div>
                <FormError id="service-end-error" error=error />
                <button type="submit" class="button danger" disabled=move || end.pending().get()>
                    "Ukončit službu"
                </button>
            </form>
        </section>
    }
    .into_any()
}
