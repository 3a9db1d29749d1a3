//! The API over real HTTP, against the native host that mounts the components' handlers as
//! spin.toml routes them. Every test runs on SQLite and on PostgreSQL, each with a fresh
//! database.

mod helpers;

mod audit;
mod authorization;
mod care_plans;
mod clients;
mod demo_crawl;
mod errors;
mod family;
mod hardening;
mod identity;
mod optimise;
mod planning_writes;
mod records;
mod reference_data;
mod reports;
mod schedule;
mod schema;
mod sick_call;
mod static_files;
mod training;
mod training_offer;
mod week;
