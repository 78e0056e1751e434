//! The reference's users and candidate profiles (CONTRACT section 2): users, candidates, their
//! CVs, experiences, educations and skills. Each `…Verbatim` holds the columns copied as they are,
//! read here and written by our row unchanged.

// `QueryableByName` by name: the derive names it unqualified for embedded fields.
use diesel::{Insertable, QueryableByName};
use intowork_storage::schema::{candidates, educations, experiences, users};

use super::columns::reference_columns;

reference_columns! {
    /// No `Debug`: it holds the password hash, which is never printed.
    pub struct RefUser from "users" {
        #[embed] verbatim: UserVerbatim,
        email: Text,
        password_hash: Text,
        role: Text,
        first_name: Text,
        last_name: Text,
        is_active: Bool,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone)]
    #[diesel(table_name = users, treat_none_as_default_value = false)]
    pub struct UserVerbatim {
        email_verified: Time,
        name: Text,
        image: Text,
        clerk_id: Text,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefCandidate from "candidates" {
        #[embed] verbatim: CandidateVerbatim,
        user_id: Int,
        years_experience: Int,
        salary_expectation_min: Int,
        salary_expectation_max: Int,
        cv_url: Text,
        cv_filename: Text,
        cv_uploaded_at: Time,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = candidates, treat_none_as_default_value = false)]
    pub struct CandidateVerbatim {
        phone: Text,
        location: Text,
        linkedin_url: Text,
        website_url: Text,
        profile_picture_url: Text,
        title: Text,
        summary: Text,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefCv from "candidate_cvs" {
        candidate_id: Int,
        filename: Text,
        file_path: Text,
        is_active: Bool,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefExperience from "experiences" {
        #[embed] verbatim: ExperienceVerbatim,
        candidate_id: Int,
        title: Text,
        company: Text,
        start_date: Text,
        is_current: Bool,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = experiences, treat_none_as_default_value = false)]
    pub struct ExperienceVerbatim {
        location: Text,
        end_date: Text,
        description: Text,
    }
}

reference_columns! {
    /// The reference has neither `field_of_study` nor `is_current` for educations.
    #[derive(Debug)]
    pub struct RefEducation from "educations" {
        #[embed] verbatim: EducationVerbatim,
        candidate_id: Int,
        degree: Text,
        school: Text,
        start_date: Text,
        created_at: Time,
        updated_at: Time,
    }
}

reference_columns! {
    #[derive(Insertable, Clone, Debug)]
    #[diesel(table_name = educations, treat_none_as_default_value = false)]
    pub struct EducationVerbatim {
        location: Text,
        end_date: Text,
        description: Text,
    }
}

reference_columns! {
    #[derive(Debug)]
    pub struct RefSkill from "skills" {
        candidate_id: Int,
        name: Text,
        level: Int,
        category: Text,
        created_at: Time,
        updated_at: Time,
    }
}
