//! The reference data every area reads.

use shared::catalogue::{CareTask, Municipality, TaskUnit, TrainingCentre};

use crate::helpers::{Engine, TestApp, error_of, json, on_both_engines};

async fn the_legal_task_catalogue_lists_twenty_tasks_by_activity(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let tasks: Vec<CareTask> = json(app.get("/api/records/tasks").await).await;
    assert_eq!(tasks.len(), 20);
    let activities: Vec<&str> = tasks.iter().map(|t| t.activity.as_str()).collect();
    assert!(activities.is_sorted(), "grouped a) to e)");
    let laundry = tasks
        .iter()
        .find(|t| t.code == "d8")
        .expect("laundry is listed");
    assert_eq!(laundry.unit, TaskUnit::Kg);
}

async fn all_354_municipalities_of_the_region_are_known(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("kraj").await;
    let all: Vec<Municipality> = json(app.get("/api/reports/municipalities").await).await;
    assert_eq!(all.len(), 354);
    let most: Vec<Municipality> =
        json(app.get("/api/reports/municipalities?okres=Most").await).await;
    assert_eq!(most.len(), 26);
    assert!(most.iter().all(|m| m.district == "Most"));
    let usti = all
        .iter()
        .find(|m| m.code == "554804")
        .expect("Ústí nad Labem");
    assert_eq!(usti.name, "Ústí nad Labem");
    assert!(usti.population > 90_000 && usti.population_60_plus < usti.population);
}

async fn a_caregiver_cannot_read_municipality_reports(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    error_of(app.get("/api/reports/municipalities").await, 403).await;
}

async fn a_lecturer_sees_only_their_own_training_centres(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("lektor").await;
    let centres: Vec<TrainingCentre> = json(app.get("/api/training/centres").await).await;
    let names: Vec<&str> = centres.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["IVC Ústí nad Labem (demo)"],
        "only the centre they teach at"
    );
    app.login_as("kraj").await;
    let all: Vec<TrainingCentre> = json(app.get("/api/training/centres").await).await;
    assert_eq!(all.len(), 5, "the region's five centres");
}

on_both_engines!(
    the_legal_task_catalogue_lists_twenty_tasks_by_activity,
    all_354_municipalities_of_the_region_are_known,
    a_caregiver_cannot_read_municipality_reports,
    a_lecturer_sees_only_their_own_training_centres,
);
