//! `/kraj/parametry`: the region officer keeps each provider's network parameters and the
//! targets of its development plan, as dated rows: the rows saved so far, and a form that
//! starts from the latest one and saves a row from a date on (replacing a row of that date).
//! The region report then marks each provider that falls short, with the figure.

pub mod state;

use chrono::Utc;
use leptos::prelude::*;
use shared::catalogue::Municipality;
use shared::identity::roles;
use shared::reports::parameters::NetworkParameters;
use shared::reports::{Cell, ColumnKind, ProviderEntry};
use shared::time::prague_date;

use crate::reports::api;
use crate::reports::state::display_cell;
use crate::session::{RequireRole, Session, loader};
use crate::ui::form::{CheckList, CheckedInput, FieldNote, FormAction, FormError, marks};
use crate::ui::format::czech_hundredths;
use crate::ui::{column_heads, remote_view};
use state::ParametersDraft;

/// What the page works with: the providers, the municipalities and every saved row.
#[derive(Debug, Clone, PartialEq)]
struct Network {
    providers: Vec<ProviderEntry>,
    municipalities: Vec<Municipality>,
    rows: Vec<NetworkParameters>,
}

/// `/kraj/parametry`.
#[component]
pub fn NetworkParametersPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::REGION_OFFICERS>
            <ParametersLoader />
        </RequireRole>
    }
}

#[component]
fn ParametersLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, network) = loader(session, || async {
        Ok(Network {
            providers: api::providers().await?,
            municipalities: api::municipalities().await?,
            rows: api::network_parameters().await?,
        })
    });
    let provider = RwSignal::new(None::<String>);
    view! {
        <section aria-labelledby="parameters-heading">
            <h1 id="parameters-heading">"Parametry sítě a rozvojové plány"</h1>
            <p>
                "Parametry a cíle platí od zadaného dne do dne, od kterého platí další řádek. Výkaz sítě u poskytovatele, který parametr nesplní, uvede skutečnost a cíl; výkaz poskytovatele ukáže cíle rozvojového plánu s rozdílem."
            </p>
            <p>
                <a href=crate::paths::REGION_REPORT>"Zpět na výkaz sítě"</a>
            </p>
            {remote_view(network.into(), load, move |network: Network| {
                view! { <ParametersEditor network=network provider=provider /> }
            })}
        </section>
    }
}

/// The provider picker, its saved rows and the form for a new row.
#[component]
fn ParametersEditor(network: Network, provider: RwSignal<Option<String>>) -> impl IntoView {
    let Network {
        providers,
        municipalities,
        rows,
    } = network;
    if provider.get_untracked().is_none() {
        provider.set(providers.first().map(|p| p.id.clone()));
    }
    let municipalities = StoredValue::new(municipalities);
    let rows = RwSignal::new(rows);
    let saved = RwSignal::new(None::<NetworkParameters>);
    let chosen = move || provider.get().unwrap_or_default();
    // Newest first, as the server lists them.
    let rows_of = move |id: &str| -> Vec<NetworkParameters> {
        rows.with_untracked(|all| {
            all.iter()
                .filter(|r| r.provider_id == id)
                .cloned()
                .collect()
        })
    };
    let keep = move |row: NetworkParameters| {
        rows.update(|all| {
            all.retain(|r| (&r.provider_id, r.valid_from) != (&row.provider_id, row.valid_from));
            all.push(row.clone());
            all.sort_by(|a, b| (&a.provider_id, b.valid_from).cmp(&(&b.provider_id, a.valid_from)));
        });
        saved.set(Some(row));
    };
    let status = move || {
        saved.get().map(|row| {
            view! {
                <p class="status" role="status">
                    {format!("Uloženo: parametry platné od {}.", row.valid_from.format("%-d. %-m. %Y"))}
                </p>
            }
        })
    };
    view! {
        <div class="field">
            <label for="parameters-provider">"Poskytovatel"</label>
            <select
                id="parameters-provider"
                on:change=move |ev| {
                    saved.set(None);
                    provider.set(Some(event_target_value(&ev)));
                }
            >
                {providers
                    .into_iter()
                    .map(|p| {
                        let selected = provider.get_untracked().as_deref() == Some(p.id.as_str());
                        view! { <option value=p.id.clone() selected=selected>{p.name}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
        {status}
        {move || {
            rows.track();
            let names = municipalities.get_value();
            view! { <SavedRows rows=rows_of(&chosen()) municipalities=names /> }
        }}
        {move || {
            let id = chosen();
            let latest = rows_of(&id).into_iter().next();
            view! {
                <ParametersForm
                    provider_id=id
                    latest=latest
                    municipalities=municipalities.get_value()
                    keep=Callback::new(keep)
                />
            }
        }}
    }
}

fn figure(value: Option<i64>) -> String {
    display_cell(&value.map_or(Cell::Empty, Cell::Number), ColumnKind::Count)
}

/// The provider's saved rows, newest first.
#[component]
fn SavedRows(rows: Vec<NetworkParameters>, municipalities: Vec<Municipality>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"Pro tohoto poskytovatele kraj zatím nic nestanovil."</p> }
            .into_any();
    }
    let name_of = move |code: &String| {
        municipalities
            .iter()
            .find(|m| &m.code == code)
            .map_or_else(|| code.clone(), |m| m.name.clone())
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Uložené parametry">
            <table class="report-table">
                <caption>"Uložené parametry a cíle"</caption>
                {column_heads(&[
                    "Platí od",
                    "Kapacita",
                    "Provozní doba",
                    "Min. hodin přímé péče za měsíc",
                    "Min. podíl přímé péče (%)",
                    "Pověřené obce",
                    "Cíl: klienti",
                    "Cíl: hodiny za měsíc",
                    "Cíl: úvazky",
                ])}
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let places: Vec<String> = row.mandated_municipalities.iter().map(&name_of).collect();
                            view! {
                                <tr>
                                    <td>{row.valid_from.format("%-d. %-m. %Y").to_string()}</td>
                                    <td class="number">{figure(row.capacity_clients)}</td>
                                    <td>{row.operating_hours.unwrap_or_else(|| "–".into())}</td>
                                    <td class="number">{figure(row.min_direct_care_hours_per_month)}</td>
                                    <td class="number">{figure(row.min_direct_care_share_percent)}</td>
                                    <td>{if places.is_empty() { "–".to_owned() } else { places.join(", ") }}</td>
                                    <td class="number">{figure(row.target_clients)}</td>
                                    <td class="number">{figure(row.target_direct_care_hours_per_month)}</td>
                                    <td class="number">
                                        {row.target_fte_hundredths.map_or_else(|| "–".to_owned(), czech_hundredths)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A new row from a date on, starting from the latest saved one; each field's error beside it.
#[component]
fn ParametersForm(
    provider_id: String,
    latest: Option<NetworkParameters>,
    municipalities: Vec<Municipality>,
    /// Takes the row the server saved.
    keep: Callback<NetworkParameters>,
) -> impl IntoView {
    let start = latest.as_ref().map_or_else(
        || ParametersDraft {
            valid_from: prague_date(Utc::now()).to_string(),
            ..ParametersDraft::default()
        },
        ParametersDraft::from_row,
    );
    let draft = RwSignal::new(start.clone());
    let mandated = RwSignal::new(start.mandated_municipalities.clone());
    let send = FormAction::new(move |row: NetworkParameters| async move {
        let saved = api::save_network_parameters(&row).await?;
        keep.run(saved.clone());
        Ok(saved)
    });
    let error = send.error();
    let set = move |change: fn(&mut ParametersDraft, String)| {
        Callback::new(move |value: String| draft.update(|d| change(d, value)))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = ParametersDraft {
            mandated_municipalities: mandated.get_untracked(),
            ..draft.get_untracked()
        };
        send.submit(typed.parse(&provider_id));
    };
    let (places_invalid, places_described) = marks(error, "mandated_municipalities".into());
    let mut places = municipalities;
    places.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let choices = places
        .into_iter()
        .map(|m| (m.code, format!("{} (okres {})", m.name, m.district)))
        .collect();
    view! {
        <form class="form" on:submit=submit novalidate>
            <h2>"Nové parametry od data"</h2>
            <FormError id="parameters-error" error=error />
            <CheckedInput id="parameters-from" field="valid_from" label="Platí od" kind="date" value=start.valid_from on_change=set(|d, v| d.valid_from = v) error=error />
            <fieldset class="card">
                <legend>"Parametry sítě"</legend>
                <CheckedInput id="parameters-capacity" field="capacity_clients" label="Kapacita (klienti)" value=start.capacity_clients on_change=set(|d, v| d.capacity_clients = v) error=error />
                <CheckedInput id="parameters-hours-of-operation" field="operating_hours" label="Provozní doba" hint="např. Po–Pá 7:00–19:00" value=start.operating_hours on_change=set(|d, v| d.operating_hours = v) error=error />
                <CheckedInput id="parameters-min-hours" field="min_direct_care_hours_per_month" label="Nejméně hodin přímé péče za měsíc" value=start.min_direct_care_hours_per_month on_change=set(|d, v| d.min_direct_care_hours_per_month = v) error=error />
                <CheckedInput id="parameters-min-share" field="min_direct_care_share_percent" label="Nejmenší podíl přímé péče na pracovní době (%)" value=start.min_direct_care_share_percent on_change=set(|d, v| d.min_direct_care_share_percent = v) error=error />
                <fieldset class="parameters-places" aria-invalid=places_invalid aria-describedby=places_described>
                    <legend>"Obce, které má poskytovatel pokrýt (pověření)"</legend>
                    <div class="parameters-place-list">
                        <CheckList choices=choices chosen=mandated />
                    </div>
                    <FieldNote field="mandated_municipalities" error=error />
                </fieldset>
            </fieldset>
            <fieldset class="card">
                <legend>"Rozvojový plán"</legend>
                <CheckedInput id="parameters-target-clients" field="target_clients" label="Cíl: klienti v období" value=start.target_clients on_change=set(|d, v| d.target_clients = v) error=error />
                <CheckedInput id="parameters-target-hours" field="target_direct_care_hours_per_month" label="Cíl: hodiny přímé péče za měsíc" value=start.target_direct_care_hours_per_month on_change=set(|d, v| d.target_direct_care_hours_per_month = v) error=error />
                <CheckedInput id="parameters-target-fte" field="target_fte_hundredths" label="Cíl: úvazky pracovníků" hint="např. 2,5" value=start.target_fte on_change=set(|d, v| d.target_fte = v) error=error />
            </fieldset>
            <button type="submit" class="button" disabled=move || send.pending().get()>
                {move || if send.pending().get() { "Ukládám…" } else { "Uložit parametry" }}
            </button>
        </form>
    }
}
