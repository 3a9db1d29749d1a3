use super::*;

const USTI: GeoPoint = GeoPoint {
    latitude: 50.6607,
    longitude: 14.0323,
};

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn the_projection_puts_north_up_and_east_right_and_undoes_itself() {
    let bounds = Bounds::around([
        USTI,
        GeoPoint {
            latitude: 50.77,
            longitude: 14.21,
        },
    ])
    .expect("two points");
    let projection = Projection::fit(bounds, 600.0, 8.0);
    let (x, y) = projection.place(USTI);
    assert!(near(x, 8.0), "the westmost point at the left margin: {x}");
    assert!(
        near(y, projection.height - 8.0),
        "the southmost at the bottom margin: {y}"
    );
    let back = projection.point_at(300.0, 40.0);
    let (x, y) = projection.place(back);
    assert!(near(x, 300.0) && near(y, 40.0));
    assert_eq!(Bounds::around([]), None);
}

#[test]
fn the_picker_map_is_a_square_of_land_around_the_centre() {
    let map = PickerMap::around(USTI, 320.0);
    let (x, y) = map.projection.place(USTI);
    assert!(near(x, 160.0) && near(y, map.projection.height / 2.0));
    assert!(
        (map.projection.height - 320.0).abs() < 1.0,
        "as tall as wide: {}",
        map.projection.height
    );
    let km_north = (map.bounds.north - USTI.latitude) * 111.32;
    assert!(near(km_north, PICKER_RADIUS_KM));
}

#[test]
fn a_click_picks_the_point_under_it_kept_on_the_map() {
    let map = PickerMap::around(USTI, 320.0);
    let (x, y) = map.projection.place(USTI);
    assert_eq!(map.clicked(x, y), USTI);
    let north_east = map.clicked(x + 40.0, y - 40.0);
    assert!(north_east.latitude > USTI.latitude && north_east.longitude > USTI.longitude);
    let beyond = map.clicked(-50.0, 1000.0);
    assert_eq!(
        beyond,
        GeoPoint {
            latitude: map.bounds.south,
            longitude: map.bounds.west,
        },
        "a click in the margin picks the map's corner"
    );
}

#[test]
fn arrow_keys_move_the_point_a_hundred_metres_or_a_kilometre_with_shift() {
    let map = PickerMap::around(USTI, 320.0);
    let up = map.stepped(USTI, "ArrowUp", false).expect("an arrow");
    assert!(near(up.longitude, USTI.longitude));
    assert!((USTI.distance_km(up) - 0.1).abs() < 0.002, "{up:?}");
    let right = map.stepped(USTI, "ArrowRight", true).expect("an arrow");
    assert!(near(right.latitude, USTI.latitude));
    assert!((USTI.distance_km(right) - 1.0).abs() < 0.01, "{right:?}");
    let down = map.stepped(USTI, "ArrowDown", false).expect("an arrow");
    assert!(down.latitude < USTI.latitude);
    let left = map.stepped(USTI, "ArrowLeft", false).expect("an arrow");
    assert!(left.longitude < USTI.longitude);
    assert_eq!(map.stepped(USTI, "Enter", false), None);
}

#[test]
fn the_point_stops_at_the_edge_of_the_map() {
    let map = PickerMap::around(USTI, 320.0);
    let mut point = USTI;
    for _ in 0..10 {
        point = map.stepped(point, "ArrowUp", true).expect("an arrow");
    }
    assert!(map.bounds.contains(point) || near(point.latitude, map.bounds.north));
    assert!(
        (point.latitude - map.bounds.north).abs() < 1e-5,
        "{point:?}"
    );
}
