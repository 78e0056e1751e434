//! Every resource of the API: its routes and its part of the OpenAPI document. The app and the
//! document both read this one list, so no other module has to name every route module.

use actix_web::web::ServiceConfig;
use utoipa::OpenApi;

use super::{
    admin, admin_mail, applications, auth, candidates, companies, cv_builder, cvs, dashboard,
    directory, email_templates, employers, health, images, jobs, notifications, outside_services,
    password_reset, profile_items, reports, users,
};
use super::{contact, job_alerts};

/// A resource: how to register its routes, and its paths (with their schemas) for the document.
pub struct Resource {
    pub routes: fn(&mut ServiceConfig),
    pub docs: fn() -> utoipa::openapi::OpenApi,
}

/// In registration order: a resource's fixed paths come before another's parameterised ones.
pub const RESOURCES: &[Resource] = &[
    Resource {
        routes: health::config,
        docs: health::HealthApi::openapi,
    },
    Resource {
        routes: auth::config,
        docs: auth::AuthApi::openapi,
    },
    Resource {
        routes: applications::config,
        docs: applications::ApplicationsApi::openapi,
    },
    Resource {
        routes: candidates::config,
        docs: candidates::CandidatesApi::openapi,
    },
    Resource {
        routes: profile_items::config,
        docs: profile_items::ProfileItemsApi::openapi,
    },
    Resource {
        routes: cvs::config,
        docs: cvs::CvsApi::openapi,
    },
    Resource {
        routes: employers::config,
        docs: employers::EmployersApi::openapi,
    },
    Resource {
        routes: companies::config,
        docs: companies::CompaniesApi::openapi,
    },
    Resource {
        routes: directory::config,
        docs: directory::DirectoryApi::openapi,
    },
    Resource {
        routes: jobs::config,
        docs: jobs::JobsApi::openapi,
    },
    Resource {
        routes: notifications::config,
        docs: notifications::NotificationsApi::openapi,
    },
    Resource {
        routes: dashboard::config,
        docs: dashboard::DashboardApi::openapi,
    },
    Resource {
        routes: admin::config,
        docs: admin_docs,
    },
    Resource {
        routes: admin_mail::config,
        docs: admin_mail::AdminMailApi::openapi,
    },
    Resource {
        routes: users::config,
        docs: users::UsersApi::openapi,
    },
    Resource {
        routes: password_reset::config,
        docs: password_reset::PasswordResetApi::openapi,
    },
    Resource {
        routes: cv_builder::config,
        docs: cv_builder::CvBuilderApi::openapi,
    },
    Resource {
        routes: reports::config,
        docs: reports::ReportsApi::openapi,
    },
    Resource {
        routes: outside_services::config,
        docs: outside_services::docs,
    },
    Resource {
        routes: images::config,
        docs: images::ImagesApi::openapi,
    },
    Resource {
        routes: email_templates::config,
        docs: email_templates::EmailTemplatesApi::openapi,
    },
    Resource {
        routes: job_alerts::config,
        docs: job_alerts::JobAlertsApi::openapi,
    },
    Resource {
        routes: contact::config,
        docs: contact::ContactApi::openapi,
    },
];

/// The back-office's paths: its own, its accounts' and its companies'.
fn admin_docs() -> utoipa::openapi::OpenApi {
    let mut doc = admin::AdminApi::openapi();
    doc.merge(admin::AdminAccountsApi::openapi());
    doc.merge(admin::AdminCompaniesApi::openapi());
    doc
}
