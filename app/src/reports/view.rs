//! The reports' components: a report's tables with their downloads, bar charts and the
//! region's map, all drawn as SVG from the report's table model (no tiles: works offline).

use leptos::prelude::*;
use shared::reports::{Report, Table};

use crate::reports::state::{
    Bar, COVERED, HIDDEN, MAP_WIDTH, MapPoint, NOT_COVERED, RATE_CLASSES, display_cell,
};

/// Rules for the reports' charts and for printing a report on paper.
pub const REPORT_STYLE: &str = "
.report-table-section { margin: 1.5rem 0; }
.report-table td.number, .report-table th.number { text-align: right; white-space: nowrap; }
.report-note { font-size: 0.9em; color: #444; }
.report-figures { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
/* A wide table scrolls in its own box: its figure may not grow past the page. */
.report-figures > * { min-width: 0; max-width: 100%; }
.report-map svg, .report-chart svg { max-width: 100%; height: auto; border: 1px solid #ccc; background: #fff; }
.report-legend { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0; }
.report-legend span { display: inline-block; width: 1em; height: 1em; margin-right: 0.3em; vertical-align: middle; }
.report-controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
@media print {
  .report-controls, .report-downloads { display: none !important; }
  .report-table { font-size: 9pt; }
  .report-table-section { break-inside: avoid-page; }
}
";

/// A report's heading and every table, each with its CSV download when `csv_url` is given.
#[component]
pub fn ReportTables(report: Report, csv_url: Option<Callback<String, String>>) -> impl IntoView {
    let suppressed = report.suppressed.then(|| {
        view! {
            <p class="report-note">
                "Počty 1–4 a údaje, z nichž by je šlo dopočítat, jsou skryty a označeny „x“."
            </p>
        }
    });
    view! {
        <p class="report-scope">
            <strong>{report.scope.clone()}</strong>
            " · "
            {report.period_label.clone()}
        </p>
        {suppressed}
        {report
            .tables
            .into_iter()
            .map(|table| {
                let link = csv_url.map(|url| url.run(table.key.clone()));
                view! { <ReportTable table=table csv_url=link /> }
            })
            .collect_view()}
    }
}

/// One table of a report, numbers right-aligned, with how it was computed.
#[component]
pub fn ReportTable(table: Table, csv_url: Option<String>) -> impl IntoView {
    let heading_id = format!("tabulka-{}", table.key);
    let labelled_by = heading_id.clone();
    let kinds: Vec<_> = table.columns.iter().map(|c| c.kind).collect();
    let is_number = |kind: shared::reports::ColumnKind| kind != shared::reports::ColumnKind::Text;
    let note =
        (!table.note.is_empty()).then(|| view! { <p class="report-note">{table.note.clone()}</p> });
    let download = csv_url.map(|url| {
        view! {
            <p class="report-downloads">
                <a href=url download="">"Stáhnout tabulku jako CSV"</a>
            </p>
        }
    });
    let empty = table
        .rows
        .is_empty()
        .then(|| view! { <p class="empty">"Žádné údaje."</p> });
    view! {
        <section class="report-table-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{table.title.clone()}</h2>
            {note}
            {empty}
            <div class="table-wrap" tabindex="0" role="region" aria-label=table.title.clone()>
                <table class="report-table">
                    <thead>
                        <tr>
                            {table
                                .columns
                                .iter()
                                .map(|column| {
                                    let class = if is_number(column.kind) { "number" } else { "" };
                                    view! {
                                        <th scope="col" class=class title=column.description.clone()>
                                            {column.label.clone()}
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table
                            .rows
                            .iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        {row
                                            .iter()
                                            .zip(&kinds)
                                            .map(|(cell, kind)| {
                                                let class = if is_number(*kind) { "number" } else { "" };
                                                view! { <td class=class>{display_cell(cell, *kind)}</td> }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {download}
        </section>
    }
}

const BAR_HEIGHT: f64 = 22.0;
const LABEL_WIDTH: f64 = 190.0;
const CHART_WIDTH: f64 = 560.0;

/// Horizontal bars with their values; the figures are also in the report's table.
#[component]
pub fn BarChart(title: &'static str, bars: Vec<Bar>) -> impl IntoView {
    let height = BAR_HEIGHT * bars.len() as f64 + 8.0;
    let longest = CHART_WIDTH - LABEL_WIDTH - 80.0;
    let summary = bars
        .iter()
        .map(|bar| format!("{}: {}", bar.label, bar.value))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="report-chart">
            <figcaption>{title}</figcaption>
            <svg
                viewBox=format!("0 0 {CHART_WIDTH} {height}")
                width=CHART_WIDTH
                role="img"
                aria-label=format!("{title}: {summary}")
            >
                {bars
                    .into_iter()
                    .enumerate()
                    .map(|(index, bar)| {
                        let y = 4.0 + BAR_HEIGHT * index as f64;
                        let label: String = bar.label.chars().take(28).collect();
                        view! {
                            <g>
                                <title>{format!("{}: {}", bar.label, bar.value)}</title>
                                <text x="0" y=y + 15.0 font-size="12">{label}</text>
                                <rect x=LABEL_WIDTH y=y + 3.0 width=longest * bar.share height=BAR_HEIGHT - 6.0 fill="#1565c0" />
                                <text x=LABEL_WIDTH + longest * bar.share + 6.0 y=y + 15.0 font-size="12">
                                    {bar.value}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
        </figure>
    }
}

/// The region's municipalities as dots at their coordinates, each named (with its ORP) on
/// hover; the legend says what the colours mean.
#[component]
pub fn RegionMap(points: Vec<MapPoint>, height: f64, by_rate: bool) -> impl IntoView {
    let legend: Vec<(&'static str, &'static str)> = if by_rate {
        RATE_CLASSES
            .iter()
            .map(|(_, colour, label)| (*colour, *label))
            .chain([HIDDEN])
            .collect()
    } else {
        vec![COVERED, NOT_COVERED]
    };
    let count = points.len();
    view! {
        <figure class="report-map">
            <figcaption>
                {if by_rate { "Klienti na 1 000 obyvatel ve věku 60+" } else { "Pokrytí obcí službou" }}
            </figcaption>
            <svg
                viewBox=format!("0 0 {MAP_WIDTH} {height:.0}")
                width=MAP_WIDTH
                role="img"
                aria-label=format!("Mapa {count} obcí; údaje jsou v tabulce vedle mapy.")
            >
                {points
                    .into_iter()
                    .map(|point| {
                        view! {
                            <circle cx=format!("{:.1}", point.x) cy=format!("{:.1}", point.y) r="4" fill=point.colour stroke="#333" stroke-width="0.5">
                                <title>{point.title}</title>
                            </circle>
                        }
                    })
                    .collect_view()}
            </svg>
            <ul class="report-legend">
                {legend
                    .into_iter()
                    .map(|(colour, label)| {
                        view! {
                            <li>
                                <span style=format!("background:{colour}") aria-hidden="true"></span>
                                {label}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}
