//! Reports: `/vykazy` a provider's report for a period or its annual statement (managers
//! their own provider, the region's office any), `/kraj` the region's network report with
//! the map, charts and district filter, `/kraj/parametry` the network parameters and
//! development plans the region officer keeps, `/vykazy/slovnik` the data dictionary.

pub mod api;
pub mod parameters;
pub mod state;
pub mod view;

pub use parameters::NetworkParametersPage;

use chrono::{Datelike, Utc};
use leptos::prelude::*;
use shared::identity::roles;
use shared::reports::{ProviderEntry, Report};
use shared::time::prague_date;

use crate::session::{RequireRole, Session, loader};
use crate::ui::{Remote, remote_view};
use state::{DISTRICTS, MapMeasure, Query, STATEMENT, bars, map_points};
use view::{BarChart, REPORT_STYLE, RegionMap, ReportTables};

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// `/vykazy`.
#[component]
pub fn ProviderReportPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::MANAGERS_AND_REGIONAL>
            <ProviderReportLoader />
        </RequireRole>
    }
}

#[component]
fn ProviderReportLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let regional = session
        .me_now()
        .is_some_and(|me| roles::REGIONAL.contains(&me.role));
    let today = prague_date(Utc::now());
    let period = RwSignal::new(format!("{}-{:02}", today.year(), today.month()));
    let provider = RwSignal::new(None::<String>);
    let annual = RwSignal::new(false);
    let query = move || Query {
        period: period.get_untracked(),
        provider: provider.get_untracked(),
        district: None,
    };
    // The provider's report for the period, or the annual statement of its year.
    let kind = |annual: bool| if annual { STATEMENT } else { "provider" };
    let providers = RwSignal::new(Vec::<ProviderEntry>::new());
    let (load, report) = loader(session, move || {
        let annual = annual.get_untracked();
        async move {
            // A regional reader reads one provider at a time: the first until she picks
            // another (without one the API has nothing to answer).
            if regional && provider.get_untracked().is_none() {
                let list = api::providers().await?;
                provider.set(list.first().map(|p| p.id.clone()));
                providers.set(list);
            }
            api::report(query().url(kind(annual), None)).await
        }
    });
    let picker = regional.then(|| {
        view! {
            <label>
                "Poskytovatel "
                <select on:change=move |ev| provider.set(Some(event_target_value(&ev)))>
                    {move || {
                        providers
                            .get()
                            .into_iter()
                            .map(|p| view! { <option value=p.id.clone()>{p.name}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    });
    let csv =
        Callback::new(move |table: String| query().csv_url(kind(annual.get_untracked()), &table));
    view! {
        <style>{REPORT_STYLE}</style>
        <section class="report-page" aria-labelledby="report-heading">
            <h1 id="report-heading">"Výkaz poskytovatele"</h1>
            <ReportControls
                load=load
                xlsx=Signal::derive(move || {
                    period.track();
                    provider.track();
                    query().url(kind(annual.get()), Some("xlsx"))
                })
            >
                {picker}
                <PeriodField period=period />
                <label>
                    <input
                        type="checkbox"
                        on:change=move |ev| {
                            annual.set(event_target_checked(&ev));
                            load.run(());
                        }
                    />
                    " Roční výkaz pro stát (rok období)"
                </label>
            </ReportControls>
            {remote_view(report.into(), load, move |report: Report| {
                view! { <ReportTables report=report csv_url=Some(csv) /> }
            })}
        </section>
    }
}

/// What every report page's controls end with: show, XLSX, print and the dictionary, after
/// the page's own filters.
#[component]
fn ReportControls(load: Callback<()>, xlsx: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <form
            class="report-controls"
            on:submit=move |ev| {
                ev.prevent_default();
                load.run(());
            }
        >
            {children()}
            <button type="submit" class="button">"Zobrazit"</button>
            <a class="button" href=move || xlsx.get() download="">
                "Stáhnout XLSX"
            </a>
            <button type="button" class="button" on:click=move |_| print_page()>"Vytisknout"</button>
            <a href=crate::paths::REPORT_DICTIONARY>"Slovník údajů"</a>
        </form>
    }
}

/// The period as typed: a month, a quarter or a year.
#[component]
fn PeriodField(period: RwSignal<String>) -> impl IntoView {
    view! {
        <label>
            "Období "
            <input
                type="text"
                name="period"
                inputmode="text"
                size="9"
                aria-describedby="period-hint"
                prop:value=move || period.get()
                on:change=move |ev| period.set(event_target_value(&ev).trim().to_owned())
            />
            <small id="period-hint">" např. 2026-03, 2026-Q1 nebo 2026"</small>
        </label>
    }
}

/// `/kraj`.
#[component]
pub fn RegionReportPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::REGIONAL>
            <RegionReportLoader />
        </RequireRole>
    }
}

#[component]
fn RegionReportLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let period = RwSignal::new(prague_date(Utc::now()).year().to_string());
    let district = RwSignal::new(None::<String>);
    let by_rate = RwSignal::new(false);
    let query = move || Query {
        period: period.get_untracked(),
        provider: None,
        district: district.get_untracked(),
    };
    let (load, report) = loader(session, move || api::report(query().url("region", None)));
    let (_, municipalities) = loader(session, api::municipalities);
    let csv = Callback::new(move |table: String| query().csv_url("region", &table));
    let officer = session
        .me_now()
        .is_some_and(|me| roles::REGION_OFFICERS.contains(&me.role));
    let parameters = officer.then(|| {
        view! {
            <p>
                <a href=crate::paths::NETWORK_PARAMETERS>"Parametry sítě a rozvojové plány poskytovatelů"</a>
            </p>
        }
    });
    view! {
        <style>{REPORT_STYLE}</style>
        <section class="report-page" aria-labelledby="region-heading">
            <h1 id="region-heading">"Výkaz sítě kraje"</h1>
            {parameters}
            <ReportControls
                load=load
                xlsx=Signal::derive(move || {
                    period.track();
                    district.track();
                    query().url("region", Some("xlsx"))
                })
            >
                <PeriodField period=period />
                <label>
                    "Okres "
                    <select
                        name="okres"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            district.set((!value.is_empty()).then_some(value));
                            load.run(());
                        }
                    >
                        <option value="">"Celý kraj"</option>
                        {DISTRICTS.map(|d| view! { <option value=d>{d}</option> }).collect_view()}
                    </select>
                </label>
            </ReportControls>
            {remote_view(report.into(), load, move |report: Report| {
                let figures = region_figures(&report, municipalities, by_rate);
                view! {
                    {figures}
                    <ReportTables report=report csv_url=Some(csv) />
                }
            })}
        </section>
    }
}

/// The map with its measure switch and the ORP table beside it, the trend and the hours by
/// activity, from the report's tables.
fn region_figures(
    report: &Report,
    municipalities: RwSignal<Remote<Vec<shared::catalogue::Municipality>>>,
    by_rate: RwSignal<bool>,
) -> impl IntoView + use<> {
    let territory = report.table("territory").cloned();
    let trend = report
        .table("trend")
        .map(|t| bars(t, "hours", false))
        .unwrap_or_default();
    let activities = report
        .table("activities")
        .map(|t| bars(t, "hours", true))
        .unwrap_or_default();
    let orps = territory.clone().map(|mut table| {
        table.key = "orp-summary".into();
        table.title = "Obce s rozšířenou působností (tabulka k mapě)".into();
        table
            .rows
            .retain(|row| row.get(1) == Some(&shared::reports::Cell::Text("ORP".into())));
        table
    });
    let map = move || {
        let (Remote::Loaded(list), Some(territory)) = (municipalities.get(), territory.as_ref())
        else {
            return view! { <p class="status">"Načítám mapu…"</p> }.into_any();
        };
        let measure = if by_rate.get() {
            MapMeasure::ClientsPer1000
        } else {
            MapMeasure::Coverage
        };
        let (points, height) = map_points(&list, territory, measure);
        view! { <RegionMap points=points height=height by_rate=by_rate.get() /> }.into_any()
    };
    view! {
        <div class="report-figures">
            <div>
                <fieldset class="report-controls">
                    <legend>"Mapa podle"</legend>
                    <label>
                        <input type="radio" name="measure" checked=move || !by_rate.get() on:change=move |_| by_rate.set(false) />
                        " pokrytí"
                    </label>
                    <label>
                        <input type="radio" name="measure" checked=move || by_rate.get() on:change=move |_| by_rate.set(true) />
                        " klientů na 1 000 obyvatel 60+"
                    </label>
                </fieldset>
                {map}
            </div>
            {orps.map(|table| view! { <view::ReportTable table=table csv_url=None /> })}
        </div>
        <div class="report-figures">
            <BarChart title="Hodiny přímé péče po měsících" bars=trend />
            <BarChart title="Hodiny přímé péče podle základních činností" bars=activities />
        </div>
    }
}

/// `/vykazy/slovnik`.
#[component]
pub fn DictionaryPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::MANAGERS_AND_REGIONAL>
            <DictionaryLoader />
        </RequireRole>
    }
}

#[component]
fn DictionaryLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, entries) = loader(session, api::dictionary);
    view! {
        <section aria-labelledby="dictionary-heading">
            <h1 id="dictionary-heading">"Slovník údajů výkazů"</h1>
            <p>
                "Co znamená každý sloupec tabulek výkazů a jejich CSV (záhlaví CSV je klíč sloupce). Skryté údaje jsou označeny „x“."
            </p>
            {remote_view(entries.into(), load, |entries: Vec<shared::reports::DictionaryEntry>| {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Slovník údajů">
                        <table class="report-table">
                            <thead>
                                <tr>
                                    <th scope="col">"Tabulka"</th>
                                    <th scope="col">"Klíč (CSV)"</th>
                                    <th scope="col">"Sloupec"</th>
                                    <th scope="col">"Význam"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {entries
                                    .into_iter()
                                    .map(|e| {
                                        view! {
                                            <tr>
                                                <td>{e.table_title}<br /><code>{e.table}</code></td>
                                                <td><code>{e.column.key}</code></td>
                                                <td>{e.column.label}</td>
                                                <td>{e.column.description}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}
