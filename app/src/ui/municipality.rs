//! Picking a municipality of the region and the place in it: a list by name and district,
//! then a small map of its surroundings to put the point on, the point written in words.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::Municipality;
use shared::planning::travel::GeoPoint;
use wasm_bindgen::JsCast;

use crate::ui::form::ChoiceList;
use crate::ui::format::czech_sort_key;
use crate::ui::map::PickerMap;

/// A municipality's centre.
pub fn centre(municipality: &Municipality) -> GeoPoint {
    GeoPoint {
        latitude: municipality.latitude,
        longitude: municipality.longitude,
    }
}

/// `50,77941° s. š., 14,21472° v. d.`: a point as Czech maps write it.
pub fn point_in_words(point: GeoPoint) -> String {
    let degrees = |value: f64| format!("{value:.5}").replace('.', ",");
    format!(
        "{}° s. š., {}° v. d.",
        degrees(point.latitude),
        degrees(point.longitude)
    )
}

/// The map's width in the SVG's own units.
const MAP_WIDTH: f64 = 320.0;

/// The region's municipalities by name and district; the chosen one's code goes to
/// `chosen`, and a small map of its surroundings under the list shows `point`, the place
/// itself: it starts at the municipality's centre, and a click or the arrow keys move it.
#[component]
pub fn MunicipalityPicker(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    municipalities: Vec<Municipality>,
    chosen: RwSignal<String>,
    point: RwSignal<Option<GeoPoint>>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let mut municipalities = municipalities;
    municipalities.sort_by_cached_key(|m| (czech_sort_key(&m.name), m.code.clone()));
    let places = StoredValue::new(municipalities.clone());
    let options = municipalities
        .into_iter()
        .map(|m| (m.code, format!("{} (okres {})", m.name, m.district)))
        .collect();
    let set = move |code: String| {
        let found = places.with_value(|all| all.iter().find(|m| m.code == code).map(centre));
        point.set(found);
        chosen.set(code);
    };
    let map = move || {
        let code = chosen.get();
        places.with_value(|all| {
            let town = all.iter().find(|m| m.code == code)?;
            let around = PickerMap::around(centre(town), MAP_WIDTH);
            let towns: Vec<Town> = all
                .iter()
                .filter(|m| around.bounds.contains(centre(m)))
                .map(|m| {
                    let (x, y) = around.projection.place(centre(m));
                    Town {
                        name: m.name.clone(),
                        x,
                        y,
                    }
                })
                .collect();
            Some(view! {
                <PointMap id=id town=town.name.clone() around=around towns=towns point=point />
            })
        })
    };
    view! {
        <ChoiceList
            id=id
            field=field
            label=label
            any="Vyberte obec Ústeckého kraje"
            options=options
            selected=chosen.get_untracked()
            set=set
            error=error
        />
        {map}
    }
}

/// A municipality drawn on the picker's map for orientation.
#[derive(Debug, Clone, PartialEq)]
struct Town {
    name: String,
    x: f64,
    y: f64,
}

/// The map around `town`: the municipalities near it as labelled dots, a marker at
/// `point`; focusable, moved by a click or the arrow keys, the point read out in words.
#[component]
fn PointMap(
    id: &'static str,
    town: String,
    around: PickerMap,
    towns: Vec<Town>,
    point: RwSignal<Option<GeoPoint>>,
) -> impl IntoView {
    let projection = around.projection;
    let readout = format!("{id}-point");
    let marker = move || {
        point.get().map(|p| {
            let (x, y) = projection.place(p);
            view! {
                <g class="map-marker" transform=format!("translate({x:.1} {y:.1})")>
                    <circle r="7" fill="none" stroke="#b00020" stroke-width="2.5" />
                    <circle r="2" fill="#b00020" />
                </g>
            }
        })
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        let x = (f64::from(ev.client_x()) - rect.left()) / rect.width() * projection.width;
        let y = (f64::from(ev.client_y()) - rect.top()) / rect.height() * projection.height;
        point.set(Some(around.clicked(x, y)));
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(now) = point.get_untracked() else {
            return;
        };
        if let Some(moved) = around.stepped(now, &ev.key(), ev.shift_key()) {
            ev.prevent_default();
            point.set(Some(moved));
        }
    };
    view! {
        <figure class="point-map">
            <svg
                id=format!("{id}-map")
                class="point-map-svg"
                viewBox=format!("0 0 {:.0} {:.0}", projection.width, projection.height)
                width=format!("{:.0}", projection.width)
                tabindex="0"
                role="application"
                aria-roledescription="mapa"
                aria-label=format!(
                    "Místo na mapě okolí obce {town}: klepnutím nebo šipkami (o 100 m, se Shiftem o 1 km)"
                )
                aria-describedby=readout.clone()
                on:click=click
                on:keydown=key
            >
                <rect width="100%" height="100%" fill="#f4f1e8" />
                {towns
                    .into_iter()
                    .map(|t| {
                        // Names in the right third read leftwards, so none runs off the map.
                        let leftwards = t.x > projection.width * 2.0 / 3.0;
                        let label_x = if leftwards { t.x - 5.0 } else { t.x + 5.0 };
                        view! {
                            <g class="map-town">
                                <circle cx=format!("{:.1}", t.x) cy=format!("{:.1}", t.y) r="3" fill="#555" />
                                <text
                                    x=format!("{label_x:.1}")
                                    y=format!("{:.1}", t.y - 4.0)
                                    text-anchor=if leftwards { "end" } else { "start" }
                                    font-size="11"
                                >
                                    {t.name}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()}
                {marker}
            </svg>
            <figcaption id=readout class="hint point-shown" aria-live="polite">
                {move || point.get().map(|p| format!("Vybrané místo: {}", point_in_words(p)))}
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_written_in_degrees_north_and_east_with_decimal_commas() {
        let point = GeoPoint {
            latitude: 50.7821,
            longitude: 14.2147,
        };
        assert_eq!(point_in_words(point), "50,78210° s. š., 14,21470° v. d.");
    }
}
