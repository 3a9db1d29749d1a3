//! Picking a municipality of the region: a list by name and district, with the point its
//! centre stands for written in words beside it.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::catalogue::Municipality;
use shared::planning::travel::GeoPoint;

use crate::ui::form::ChoiceList;

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

/// The region's municipalities by name and district; the chosen one's code goes to
/// `chosen`, and its centre is shown in words under the list.
#[component]
pub fn MunicipalityPicker(
    id: &'static str,
    field: &'static str,
    label: &'static str,
    municipalities: Vec<Municipality>,
    chosen: RwSignal<String>,
    error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    let mut municipalities = municipalities;
    municipalities.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    let places = StoredValue::new(municipalities.clone());
    let point_shown = move || {
        let code = chosen.get();
        places.with_value(|all| {
            all.iter()
                .find(|m| m.code == code)
                .map(|m| format!("Střed obce {}: {}", m.name, point_in_words(centre(m))))
        })
    };
    let options = municipalities
        .into_iter()
        .map(|m| (m.code, format!("{} (okres {})", m.name, m.district)))
        .collect();
    view! {
        <ChoiceList
            id=id
            field=field
            label=label
            any="Vyberte obec Ústeckého kraje"
            options=options
            selected=chosen.get_untracked()
            set=move |code| chosen.set(code)
            error=error
        />
        <p class="hint point-shown">{point_shown}</p>
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
