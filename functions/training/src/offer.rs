//! Lecturers write the offer: courses kept by their centres, and runs at their centres
//! taught by a lecturer of that centre. Anything at another centre is not found.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::training::Course;
use shared::training::offer::{CheckedRun, CourseInput, RunInput, check_course, check_run};

use crate::scope;
use crate::store::catalogue::{self, Runs};
use crate::store::offer as store;

/// The centre named, if the calling lecturer teaches there.
async fn own_centre<D: Database>(cx: &Context<'_, D>, centre_id: &str) -> Result<(), ApiError> {
    if store::teaches_at(cx.db, &cx.caller()?.user.user_id, centre_id).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound("Školicí centrum"))
    }
}

fn course_answer(id: String, course: CourseInput) -> Course {
    Course {
        id,
        title: course.title,
        minutes: course.minutes,
        target_group: course.target_group,
        accreditation_number: course.accreditation_number,
        accreditation_valid_until: course.accreditation_valid_until,
        description: course.description,
        what_to_bring: course.what_to_bring,
        centre_id: Some(course.centre_id),
        in_house: course.in_house,
    }
}

/// `POST /api/training/courses`
pub async fn create_course<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input: CourseInput = json_body(&cx.request.body)?;
    own_centre(cx, &input.centre_id).await?;
    let course = check_course(&input)?;
    let id = platform::random::new_id();
    store::insert_course(cx.db, &id, &course, cx.now).await?;
    Ok(ApiResponse::json(201, &course_answer(id, course)))
}

/// `PUT /api/training/courses/{id}`: by a lecturer of the centre that keeps it.
pub async fn update_course<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let id = cx.params.require("id")?;
    let kept_by = store::course_centre(cx.db, id)
        .await?
        .flatten()
        .ok_or(ApiError::NotFound("Kurz"))?;
    own_centre(cx, &kept_by)
        .await
        .map_err(|_| ApiError::NotFound("Kurz"))?;
    let input: CourseInput = json_body(&cx.request.body)?;
    own_centre(cx, &input.centre_id).await?;
    let course = check_course(&input)?;
    store::update_course(cx.db, id, &course).await?;
    Ok(ApiResponse::ok(&course_answer(id.to_owned(), course)))
}

/// A checked run at the caller's centre, of a known course, taught by one of its lecturers.
async fn checked_run<D: Database>(cx: &Context<'_, D>) -> Result<CheckedRun, ApiError> {
    let input: RunInput = json_body(&cx.request.body)?;
    own_centre(cx, &input.centre_id).await?;
    let run = check_run(&input)?;
    if store::course_centre(cx.db, &run.course_id).await?.is_none() {
        return Err(FieldError::new("course_id", "Vyberte kurz z nabídky.").into());
    }
    if !store::teaches_at(cx.db, &run.lecturer_id, &run.centre_id).await? {
        return Err(FieldError::new("lecturer_id", "Vyberte lektora tohoto centra.").into());
    }
    Ok(run)
}

/// The run as the catalogue shows it, with `status`.
async fn run_answer<D: Database>(
    cx: &Context<'_, D>,
    id: &str,
    status: u16,
) -> Result<ApiResponse, ApiError> {
    let viewer = &cx.caller()?.user.user_id;
    let run = catalogue::runs(cx.db, viewer, Runs::One(id))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("Termín kurzu"))?;
    Ok(ApiResponse::json(status, &run))
}

/// `POST /api/training/runs`
pub async fn create_run<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let run = checked_run(cx).await?;
    let id = platform::random::new_id();
    store::insert_run(cx.db, &id, &run, cx.now).await?;
    run_answer(cx, &id, 201).await
}

/// `PUT /api/training/runs/{id}`: a run at the caller's centre, before its attendance.
pub async fn update_run<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let id = scope::lecturers_run(cx).await?;
    // Told first that a run under way stays as it is, rather than what its form lacks.
    store::changeable_run(cx.db, id).await?;
    let run = checked_run(cx).await?;
    store::update_run(cx.db, id, &run, cx.now).await?;
    run_answer(cx, id, 200).await
}
