//! Points of the region on a flat map: the projection the region report's map and the
//! point pickers share, and the picker's pure rules (its stretch of land, a step of the
//! arrow keys, keeping the point on the map). Tested natively.

use shared::planning::travel::GeoPoint;

/// A stretch of land between two parallels and two meridians, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub south: f64,
    pub north: f64,
    pub west: f64,
    pub east: f64,
}

/// Kilometres of one degree of latitude.
const KM_PER_DEGREE: f64 = 111.32;

impl Bounds {
    /// The smallest stretch holding every point; none without points.
    pub fn around(points: impl IntoIterator<Item = GeoPoint>) -> Option<Bounds> {
        points.into_iter().fold(None, |bounds, p| {
            let b = bounds.unwrap_or(Bounds {
                south: p.latitude,
                north: p.latitude,
                west: p.longitude,
                east: p.longitude,
            });
            Some(Bounds {
                south: b.south.min(p.latitude),
                north: b.north.max(p.latitude),
                west: b.west.min(p.longitude),
                east: b.east.max(p.longitude),
            })
        })
    }

    /// A square of `radius_km` each way from `centre`.
    pub fn square_around(centre: GeoPoint, radius_km: f64) -> Bounds {
        let latitude = radius_km / KM_PER_DEGREE;
        let longitude = latitude / centre.latitude.to_radians().cos();
        Bounds {
            south: centre.latitude - latitude,
            north: centre.latitude + latitude,
            west: centre.longitude - longitude,
            east: centre.longitude + longitude,
        }
    }

    pub fn contains(&self, point: GeoPoint) -> bool {
        (self.south..=self.north).contains(&point.latitude)
            && (self.west..=self.east).contains(&point.longitude)
    }

    /// The nearest point of the stretch to `point`.
    pub fn clamp(&self, point: GeoPoint) -> GeoPoint {
        GeoPoint {
            latitude: point.latitude.clamp(self.south, self.north),
            longitude: point.longitude.clamp(self.west, self.east),
        }
    }
}

/// An equirectangular projection onto an SVG `width` wide with a margin around: north up,
/// longitudes squeezed by the cosine of the middle latitude; the height fits the stretch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    bounds: Bounds,
    squeeze: f64,
    scale: f64,
    margin: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    pub fn fit(bounds: Bounds, width: f64, margin: f64) -> Projection {
        let squeeze = ((bounds.south + bounds.north) / 2.0).to_radians().cos();
        let span_x = ((bounds.east - bounds.west) * squeeze).max(1e-6);
        let scale = (width - 2.0 * margin) / span_x;
        Projection {
            bounds,
            squeeze,
            scale,
            margin,
            width,
            height: (bounds.north - bounds.south) * scale + 2.0 * margin,
        }
    }

    /// Where `point` lies on the map, `(x, y)` from its top left corner.
    pub fn place(&self, point: GeoPoint) -> (f64, f64) {
        (
            self.margin + (point.longitude - self.bounds.west) * self.squeeze * self.scale,
            self.margin + (self.bounds.north - point.latitude) * self.scale,
        )
    }

    /// The point drawn at `(x, y)`: the inverse of [`Projection::place`].
    pub fn point_at(&self, x: f64, y: f64) -> GeoPoint {
        GeoPoint {
            latitude: self.bounds.north - (y - self.margin) / self.scale,
            longitude: self.bounds.west + (x - self.margin) / (self.squeeze * self.scale),
        }
    }
}

/// How far around a municipality's centre the point picker's map reaches.
pub const PICKER_RADIUS_KM: f64 = 6.0;
/// How far one press of an arrow key moves the point; with Shift, ten times as far.
pub const STEP_KM: f64 = 0.1;

/// Rounded to five decimals (about a metre), as points are read out.
fn rounded(point: GeoPoint) -> GeoPoint {
    let five = |value: f64| (value * 100_000.0).round() / 100_000.0;
    GeoPoint {
        latitude: five(point.latitude),
        longitude: five(point.longitude),
    }
}

/// The picker's map around a municipality's centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PickerMap {
    pub bounds: Bounds,
    pub projection: Projection,
}

impl PickerMap {
    pub fn around(centre: GeoPoint, width: f64) -> PickerMap {
        let bounds = Bounds::square_around(centre, PICKER_RADIUS_KM);
        PickerMap {
            bounds,
            projection: Projection::fit(bounds, width, 12.0),
        }
    }

    /// The point a click at `(x, y)` of the map picks, kept on the map.
    pub fn clicked(&self, x: f64, y: f64) -> GeoPoint {
        self.bounds.clamp(rounded(self.projection.point_at(x, y)))
    }

    /// Where an arrow key (`ArrowUp` north, …) moves `point`, kept on the map; `None` for
    /// other keys. `far` (Shift held) moves ten steps.
    pub fn stepped(&self, point: GeoPoint, key: &str, far: bool) -> Option<GeoPoint> {
        let km = if far { 10.0 * STEP_KM } else { STEP_KM };
        let north = km / KM_PER_DEGREE;
        let east = north / point.latitude.to_radians().cos();
        let (d_lat, d_lon) = match key {
            "ArrowUp" => (north, 0.0),
            "ArrowDown" => (-north, 0.0),
            "ArrowRight" => (0.0, east),
            "ArrowLeft" => (0.0, -east),
            _ => return None,
        };
        Some(self.bounds.clamp(rounded(GeoPoint {
            latitude: point.latitude + d_lat,
            longitude: point.longitude + d_lon,
        })))
    }
}

#[cfg(test)]
mod tests;
