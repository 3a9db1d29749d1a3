//! Travel time between two addresses, from coordinates alone.
//!
//! Model: great-circle distance × a detour factor (roads are not straight) ÷ an average
//! speed that depends on the area, plus a fixed time to park and reach the door. It sits
//! behind [`TravelTimes`] so a road-network matrix can replace it without touching callers.

use chrono::Duration;
use serde::{Deserialize, Serialize};

/// A point on the map, WGS 84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub latitude: f64,
    pub longitude: f64,
}

const EARTH_RADIUS_KM: f64 = 6371.0;

impl GeoPoint {
    /// Directions to this point from wherever the phone is, in the phone's map app
    /// (Google's cross-platform maps URL, which Android and iOS both hand to an app).
    pub fn directions_url(self) -> String {
        format!(
            "https://www.google.com/maps/dir/?api=1&destination={:.6},{:.6}",
            self.latitude, self.longitude
        )
    }

    /// Within Czechia's bounding box: what a home-care address can be.
    pub fn in_czechia(self) -> bool {
        (48.5..=51.1).contains(&self.latitude) && (12.0..=19.0).contains(&self.longitude)
    }

    /// Great-circle distance (haversine).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.latitude.to_radians(), other.latitude.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.longitude - self.longitude).to_radians();
        let a = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// Where a trip happens, which sets the average speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaType {
    /// Towns: short hops, traffic, one-way streets.
    Urban,
    /// Villages and the roads between them.
    Rural,
}

/// How long it takes to get from one visit to the next.
pub trait TravelTimes {
    fn travel_time(&self, from: GeoPoint, to: GeoPoint) -> Duration;
}

/// The documented coordinate model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GreatCircleModel {
    pub detour_factor: f64,
    pub urban_speed_kmh: f64,
    pub rural_speed_kmh: f64,
    /// Trips shorter than this (straight line) count as urban.
    pub urban_radius_km: f64,
    /// Parking and walking to the door, added to every trip between two addresses.
    pub door_to_door_minutes: i64,
}

impl Default for GreatCircleModel {
    /// Figures for the Ústí region by car: roads wind through the hills (×1.35); about
    /// 25 km/h inside a town, 50 km/h between villages.
    fn default() -> Self {
        Self {
            detour_factor: 1.35,
            urban_speed_kmh: 25.0,
            rural_speed_kmh: 50.0,
            urban_radius_km: 3.0,
            door_to_door_minutes: 3,
        }
    }
}

impl GreatCircleModel {
    pub fn area(&self, straight_km: f64) -> AreaType {
        if straight_km < self.urban_radius_km {
            AreaType::Urban
        } else {
            AreaType::Rural
        }
    }
}

impl TravelTimes for GreatCircleModel {
    fn travel_time(&self, from: GeoPoint, to: GeoPoint) -> Duration {
        let straight = from.distance_km(to);
        if straight < 0.01 {
            return Duration::zero();
        }
        let speed = match self.area(straight) {
            AreaType::Urban => self.urban_speed_kmh,
            AreaType::Rural => self.rural_speed_kmh,
        };
        let driving_minutes = straight * self.detour_factor / speed * 60.0;
        // Whole minutes, rounded up: a plan should not promise what the road cannot keep.
        Duration::minutes(driving_minutes.ceil() as i64 + self.door_to_door_minutes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECIN: GeoPoint = GeoPoint {
        latitude: 50.772656,
        longitude: 14.212861,
    };
    const USTI: GeoPoint = GeoPoint {
        latitude: 50.661216,
        longitude: 14.053246,
    };

    #[test]
    fn decin_to_usti_is_about_seventeen_kilometres_as_the_crow_flies() {
        let km = DECIN.distance_km(USTI);
        assert!((16.0..17.0).contains(&km), "{km}");
        assert!((DECIN.distance_km(USTI) - USTI.distance_km(DECIN)).abs() < 1e-9);
    }

    #[test]
    fn a_rural_trip_drives_the_detoured_distance_at_rural_speed() {
        let model = GreatCircleModel::default();
        // 16.73 km × 1.35 ÷ 50 km/h = 27.1 min → 28, plus 3 at the door.
        assert_eq!(model.travel_time(DECIN, USTI), Duration::minutes(31));
    }

    #[test]
    fn directions_lead_to_the_point_to_six_decimals() {
        assert_eq!(
            DECIN.directions_url(),
            "https://www.google.com/maps/dir/?api=1&destination=50.772656,14.212861"
        );
    }

    #[test]
    fn a_hop_within_a_town_is_slow_but_short() {
        let model = GreatCircleModel::default();
        let next_street = GeoPoint {
            latitude: DECIN.latitude + 0.009,
            longitude: DECIN.longitude,
        };
        // 1.0 km × 1.35 ÷ 25 km/h = 3.2 min → 4, plus 3.
        assert_eq!(model.travel_time(DECIN, next_street), Duration::minutes(7));
        assert_eq!(model.travel_time(DECIN, DECIN), Duration::zero());
    }
}
