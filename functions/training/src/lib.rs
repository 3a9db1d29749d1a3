//! Training: the region's Integrated Training Centres (IVC), their courses and runs,
//! enrolment with a waiting list, attendance taken offline on a tablet, certificates with a
//! public verification, and every worker's 24 hours a year.

mod attendance;
mod catalogue;
mod certificates;
mod duty;
mod enrolments;
mod offer;
mod scope;
mod store;

use platform::{Access, ApiError, ApiResponse, Component, Context, Database, Method, Route};
use shared::identity::roles::{CARE_WORKFORCE, LECTURERS, MANAGERS, PROVIDER_STAFF, REGIONAL};

#[derive(Debug)]
pub struct Training;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Centres,
    Courses,
    Runs,
    RunCalendar,
    EnrolStaff,
    CancelStaff,
    MyEnrolments,
    EnrolMe,
    CancelMe,
    Roll,
    Attendance,
    Close,
    IssueCertificates,
    RevokeCertificate,
    VerifyCertificate,
    MyCertificates,
    MyStanding,
    StaffStanding,
    Compliance,
    CreateCourse,
    UpdateCourse,
    CreateRun,
    UpdateRun,
    Employments,
    ReplaceEmployments,
}

impl Component for Training {
    type Endpoint = Endpoint;
    type Seed = demo::Demo;

    const ROUTES: &'static [Route<Endpoint>] = {
        use Access::{Public, Roles};
        use Endpoint as E;
        use Method::{Get, Post, Put};
        &[
            Route::new(
                Get,
                "/api/training/centres",
                E::Centres,
                Roles(CARE_WORKFORCE),
            ),
            Route::new(
                Get,
                "/api/training/courses",
                E::Courses,
                Roles(CARE_WORKFORCE),
            ),
            Route::new(Get, "/api/training/runs", E::Runs, Roles(CARE_WORKFORCE)),
            Route::new(
                Get,
                "/api/training/runs/{id}/calendar.ics",
                E::RunCalendar,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Post,
                "/api/training/enrolments",
                E::EnrolStaff,
                Roles(MANAGERS),
            ),
            Route::new(
                Post,
                "/api/training/enrolments/cancel",
                E::CancelStaff,
                Roles(MANAGERS),
            ),
            Route::new(
                Get,
                "/api/training/my-enrolments",
                E::MyEnrolments,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Post,
                "/api/training/my-enrolments",
                E::EnrolMe,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Post,
                "/api/training/my-enrolments/cancel",
                E::CancelMe,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Get,
                "/api/training/runs/{id}/roll",
                E::Roll,
                Roles(LECTURERS),
            ),
            Route::new(
                Post,
                "/api/training/sessions/{id}/attendance",
                E::Attendance,
                Roles(LECTURERS),
            ),
            Route::new(
                Post,
                "/api/training/runs/{id}/close",
                E::Close,
                Roles(LECTURERS),
            ),
            Route::new(
                Post,
                "/api/training/runs/{id}/certificates",
                E::IssueCertificates,
                Roles(LECTURERS),
            ),
            Route::new(
                Post,
                "/api/training/certificates/{code}/revoke",
                E::RevokeCertificate,
                Roles(LECTURERS),
            ),
            Route::new(
                Get,
                "/api/training/certificates/verify/{code}",
                E::VerifyCertificate,
                Public,
            ),
            Route::new(
                Get,
                "/api/training/my-certificates",
                E::MyCertificates,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Get,
                "/api/training/my-standing",
                E::MyStanding,
                Roles(PROVIDER_STAFF),
            ),
            Route::new(
                Get,
                "/api/training/staff-standing",
                E::StaffStanding,
                Roles(MANAGERS),
            ),
            Route::new(
                Get,
                "/api/training/compliance",
                E::Compliance,
                Roles(REGIONAL),
            ),
            Route::new(
                Post,
                "/api/training/courses",
                E::CreateCourse,
                Roles(LECTURERS),
            ),
            Route::new(
                Put,
                "/api/training/courses/{id}",
                E::UpdateCourse,
                Roles(LECTURERS),
            ),
            Route::new(Post, "/api/training/runs", E::CreateRun, Roles(LECTURERS)),
            Route::new(
                Put,
                "/api/training/runs/{id}",
                E::UpdateRun,
                Roles(LECTURERS),
            ),
            Route::new(
                Get,
                "/api/training/staff/{id}/employments",
                E::Employments,
                Roles(MANAGERS),
            ),
            Route::new(
                Put,
                "/api/training/staff/{id}/employments",
                E::ReplaceEmployments,
                Roles(MANAGERS),
            ),
        ]
    };

    async fn handle<D: Database>(
        endpoint: Endpoint,
        cx: &Context<'_, D>,
    ) -> Result<ApiResponse, ApiError> {
        match endpoint {
            Endpoint::Centres => catalogue::centres(cx).await,
            Endpoint::Courses => catalogue::courses(cx).await,
            Endpoint::Runs => catalogue::runs(cx).await,
            Endpoint::RunCalendar => catalogue::calendar(cx).await,
            Endpoint::EnrolStaff => enrolments::enrol_staff(cx).await,
            Endpoint::CancelStaff => enrolments::cancel_staff(cx).await,
            Endpoint::MyEnrolments => enrolments::mine(cx).await,
            Endpoint::EnrolMe => enrolments::enrol_me(cx).await,
            Endpoint::CancelMe => enrolments::cancel_me(cx).await,
            Endpoint::Roll => attendance::roll(cx).await,
            Endpoint::Attendance => attendance::submit(cx).await,
            Endpoint::Close => attendance::close(cx).await,
            Endpoint::IssueCertificates => certificates::issue(cx).await,
            Endpoint::RevokeCertificate => certificates::revoke(cx).await,
            Endpoint::VerifyCertificate => certificates::verify(cx).await,
            Endpoint::MyCertificates => certificates::mine(cx).await,
            Endpoint::MyStanding => duty::mine(cx).await,
            Endpoint::StaffStanding => duty::staff(cx).await,
            Endpoint::Compliance => duty::compliance(cx).await,
            Endpoint::CreateCourse => offer::create_course(cx).await,
            Endpoint::UpdateCourse => offer::update_course(cx).await,
            Endpoint::CreateRun => offer::create_run(cx).await,
            Endpoint::UpdateRun => offer::update_run(cx).await,
            Endpoint::Employments => duty::employments(cx).await,
            Endpoint::ReplaceEmployments => duty::replace_employments(cx).await,
        }
    }
}

platform::spin_component!(Training);
