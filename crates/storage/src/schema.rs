//! Hand-written diesel schema shared by both backends. Ids are `BigInt` everywhere (`BIGSERIAL` on
//! PostgreSQL, `INTEGER PRIMARY KEY` on SQLite); enums are `Text` with CHECK lists; timestamps are
//! `Timestamp` holding UTC. Keep in step with `migrations/{postgres,sqlite}`.

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        email_norm -> Text,
        email_verified -> Nullable<Timestamp>,
        password_hash -> Nullable<Text>,
        name -> Nullable<Text>,
        image -> Nullable<Text>,
        clerk_id -> Nullable<Text>,
        role -> Text,
        first_name -> Text,
        last_name -> Text,
        is_active -> Bool,
        token_version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    candidates (id) {
        id -> BigInt,
        user_id -> BigInt,
        phone -> Nullable<Text>,
        location -> Nullable<Text>,
        linkedin_url -> Nullable<Text>,
        website_url -> Nullable<Text>,
        profile_picture_url -> Nullable<Text>,
        title -> Nullable<Text>,
        summary -> Nullable<Text>,
        years_experience -> Nullable<Integer>,
        salary_expectation_min -> Nullable<Integer>,
        salary_expectation_max -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    candidate_cvs (id) {
        id -> BigInt,
        candidate_id -> BigInt,
        filename -> Text,
        storage_key -> Text,
        file_size -> BigInt,
        is_active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    experiences (id) {
        id -> BigInt,
        candidate_id -> BigInt,
        title -> Text,
        company -> Text,
        location -> Nullable<Text>,
        start_date -> Text,
        end_date -> Nullable<Text>,
        is_current -> Bool,
        description -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    educations (id) {
        id -> BigInt,
        candidate_id -> BigInt,
        degree -> Text,
        school -> Text,
        field_of_study -> Nullable<Text>,
        location -> Nullable<Text>,
        start_date -> Text,
        end_date -> Nullable<Text>,
        is_current -> Bool,
        description -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    skills (id) {
        id -> BigInt,
        candidate_id -> BigInt,
        name -> Text,
        level -> Integer,
        category -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    companies (id) {
        id -> BigInt,
        name -> Text,
        description -> Nullable<Text>,
        industry -> Nullable<Text>,
        size -> Nullable<Text>,
        website_url -> Nullable<Text>,
        linkedin_url -> Nullable<Text>,
        address -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Nullable<Text>,
        logo_url -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        is_verified -> Bool,
        verified_at -> Nullable<Timestamp>,
        logo_key -> Nullable<Text>,
        /// Added by `2026-12-07-000008_removed_companies`: set when an admin removed the company.
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    employers (id) {
        id -> BigInt,
        user_id -> BigInt,
        company_id -> Nullable<BigInt>,
        position -> Nullable<Text>,
        department -> Nullable<Text>,
        phone -> Nullable<Text>,
        can_create_jobs -> Bool,
        can_manage_candidates -> Bool,
        is_admin -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        employer_id -> BigInt,
        company_id -> BigInt,
        title -> Text,
        description -> Text,
        requirements -> Nullable<Text>,
        responsibilities -> Nullable<Text>,
        benefits -> Nullable<Text>,
        job_type -> Text,
        location_type -> Text,
        location -> Nullable<Text>,
        salary_min -> Nullable<Integer>,
        salary_max -> Nullable<Integer>,
        currency -> Text,
        status -> Text,
        is_featured -> Bool,
        views_count -> BigInt,
        applications_count -> Integer,
        search_text -> Text,
        posted_at -> Nullable<Timestamp>,
        expires_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// Added by `2026-11-27-000002_job_location_norm`: the location, normalised for search.
        location_norm -> Text,
        context -> Nullable<Text>,
        mission_principale -> Nullable<Text>,
        profil_formation -> Nullable<Text>,
        profil_experience -> Nullable<Text>,
        profil_competences -> Nullable<Text>,
        profil_posture -> Nullable<Text>,
        profil_autre -> Nullable<Text>,
        country -> Nullable<Text>,
        zone -> Nullable<Text>,
        language -> Nullable<Text>,
        image_key -> Nullable<Text>,
        linkedin_published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    job_applications (id) {
        id -> BigInt,
        job_id -> BigInt,
        candidate_id -> BigInt,
        cv_id -> Nullable<BigInt>,
        status -> Text,
        cover_letter -> Nullable<Text>,
        cover_letter_url -> Nullable<Text>,
        notes -> Nullable<Text>,
        applied_at -> Timestamp,
        viewed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        employer_id -> BigInt,
        source_ref -> Nullable<Text>,
    }
}

diesel::table! {
    /// Append-only: one row per status an application reached (`2026-12-07-000005_head_frontend`).
    application_status_history (id) {
        id -> BigInt,
        application_id -> BigInt,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_user_id -> Nullable<BigInt>,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        /// The SQL column is `type`, a Rust keyword.
        #[sql_name = "type"]
        kind -> Text,
        title -> Text,
        message -> Text,
        related_job_id -> Nullable<BigInt>,
        related_application_id -> Nullable<BigInt>,
        is_read -> Bool,
        read_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    password_reset_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admin_audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        actor_email -> Nullable<Text>,
        action -> Text,
        target_user_id -> Nullable<BigInt>,
        target_email -> Nullable<Text>,
        details -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    cv_builder_documents (id) {
        id -> BigInt,
        user_id -> BigInt,
        slug -> Text,
        title -> Nullable<Text>,
        template -> Text,
        is_public -> Bool,
        document -> Text,
        photo_key -> Nullable<Text>,
        views_count -> BigInt,
        downloads_count -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cv_builder_daily_views (document_id, day) {
        document_id -> BigInt,
        day -> Text,
        views -> BigInt,
    }
}

diesel::joinable!(candidates -> users (user_id));
diesel::joinable!(candidate_cvs -> candidates (candidate_id));
diesel::joinable!(experiences -> candidates (candidate_id));
diesel::joinable!(educations -> candidates (candidate_id));
diesel::joinable!(skills -> candidates (candidate_id));
diesel::joinable!(employers -> users (user_id));
diesel::joinable!(employers -> companies (company_id));
diesel::joinable!(jobs -> employers (employer_id));
diesel::joinable!(jobs -> companies (company_id));
diesel::joinable!(job_applications -> jobs (job_id));
diesel::joinable!(job_applications -> candidates (candidate_id));
diesel::joinable!(job_applications -> candidate_cvs (cv_id));
diesel::joinable!(application_status_history -> job_applications (application_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(password_reset_tokens -> users (user_id));
diesel::joinable!(cv_builder_documents -> users (user_id));
diesel::joinable!(cv_builder_daily_views -> cv_builder_documents (document_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    candidates,
    candidate_cvs,
    experiences,
    educations,
    skills,
    companies,
    employers,
    jobs,
    job_applications,
    application_status_history,
    notifications,
    password_reset_tokens,
    admin_audit_log,
    cv_builder_documents,
    cv_builder_daily_views,
    job_alerts,
    job_alert_sent_jobs,
);

diesel::table! {
    /// Mails waiting for, or done with, delivery (`2026-12-07-000006_mail_outbox`). Joined with
    /// nothing: queued in other tables' transactions, read by the delivery worker and the admin
    /// list only.
    mail_outbox (id) {
        id -> BigInt,
        message_id -> Text,
        kind -> Text,
        to_address -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Nullable<Text>,
        /// JSON array of `[name, value]` pairs.
        headers -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Each company's reusable mails (`2026-12-07-000010_email_templates`).
    email_templates (id) {
        id -> BigInt,
        company_id -> BigInt,
        created_by_user_id -> Nullable<BigInt>,
        name -> Text,
        /// `type` in SQL: a Rust keyword.
        #[sql_name = "type"]
        template_type -> Text,
        subject -> Text,
        body -> Text,
        is_active -> Bool,
        is_default -> Bool,
        usage_count -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(email_templates -> companies (company_id));
diesel::allow_tables_to_appear_in_same_query!(email_templates, companies);

diesel::table! {
    /// A candidate's saved searches (`2026-12-07-000011_job_alerts`); `criteria` is JSON.
    job_alerts (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        criteria -> Text,
        frequency -> Text,
        is_active -> Bool,
        jobs_sent_count -> BigInt,
        last_sent_at -> Nullable<Timestamp>,
        last_matching_job_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The jobs each alert has mailed, once each.
    job_alert_sent_jobs (alert_id, job_id) {
        alert_id -> BigInt,
        job_id -> BigInt,
        sent_at -> Timestamp,
    }
}

diesel::joinable!(job_alerts -> users (user_id));
diesel::joinable!(job_alert_sent_jobs -> job_alerts (alert_id));
