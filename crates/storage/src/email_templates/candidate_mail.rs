//! Queues a candidate mail from the company's default template of a type (else the built-in one)
//! inside the caller's write transaction, and counts the template's use: the mail exists exactly
//! when the change that causes it commits, and uses the template as it is at that moment.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::email_template::{MailContext, TemplateType, compose_candidate_mail};

use crate::conn::DbConn;
use crate::outbox::Outbox;
use crate::schema::{
    candidates, companies, email_templates, employers, job_applications, jobs, users,
};

type ApplicationFacts = (
    i64,
    String,
    String,
    Option<String>,
    String,
    NaiveDateTime,
    i64,
    i64,
);

/// The application's company, job and people, in three statements.
fn context(conn: &mut DbConn, application: i64) -> QueryResult<Option<(i64, MailContext)>> {
    let facts: Option<ApplicationFacts> = job_applications::table
        .inner_join(jobs::table.inner_join(companies::table))
        .filter(job_applications::id.eq(application))
        .select((
            companies::id,
            companies::name,
            jobs::title,
            jobs::location,
            job_applications::status,
            job_applications::applied_at,
            job_applications::candidate_id,
            jobs::employer_id,
        ))
        .first(conn)
        .optional()?;
    let Some((company, company_name, title, location, status, applied, candidate, employer)) =
        facts
    else {
        return Ok(None);
    };
    let (first, last, email): (String, String, String) = candidates::table
        .inner_join(users::table)
        .filter(candidates::id.eq(candidate))
        .select((users::first_name, users::last_name, users::email))
        .first(conn)?;
    let (r_first, r_last, r_email): (String, String, String) = employers::table
        .inner_join(users::table)
        .filter(employers::id.eq(employer))
        .select((users::first_name, users::last_name, users::email))
        .first(conn)?;
    let status = ApplicationStatus::parse(&status).ok_or_else(|| {
        diesel::result::Error::DeserializationError(
            format!("application {application} has an unknown status").into(),
        )
    })?;
    let ctx = MailContext {
        candidate_first_name: first,
        candidate_last_name: last,
        candidate_email: email,
        job_title: title,
        job_location: location,
        company_name,
        recruiter_name: format!("{r_first} {r_last}").trim().to_owned(),
        recruiter_email: r_email,
        status,
        applied_at: applied.and_utc(),
    };
    Ok(Some((company, ctx)))
}

/// Queues the `kind` mail about `application` to its candidate. An inactive default template is
/// not used (the built-in one is). `Ok(false)` when nothing was queued (no such application, or no
/// template of that type at all).
pub(crate) fn queue(
    conn: &mut DbConn,
    outbox: &Outbox,
    application: i64,
    kind: TemplateType,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let Some((company, ctx)) = context(conn, application)? else {
        return Ok(false);
    };
    let template: Option<(i64, String, String)> = email_templates::table
        .filter(email_templates::company_id.eq(company))
        .filter(email_templates::template_type.eq(kind.as_str()))
        .filter(email_templates::is_default.eq(true))
        .filter(email_templates::is_active.eq(true))
        .select((
            email_templates::id,
            email_templates::subject,
            email_templates::body,
        ))
        .first(conn)
        .optional()?;
    let texts = template.as_ref().map(|(_, s, b)| (s.as_str(), b.as_str()));
    let Some(mail) = compose_candidate_mail(kind, texts, &ctx) else {
        return Ok(false);
    };
    outbox.enqueue(conn, &mail, now)?;
    if let Some((id, _, _)) = template {
        diesel::update(email_templates::table.find(id))
            .set((
                email_templates::usage_count.eq(email_templates::usage_count + 1),
                email_templates::last_used_at.eq(Some(now.naive_utc())),
            ))
            .execute(conn)?;
    }
    Ok(true)
}
