//! The stored form of a CV builder document: JSON text in `cv_builder_documents.document`. These
//! structs are this crate's own, so the wire format can change without touching stored rows.
//! Every field has a default: a row written by an older version still reads.

use intowork_domain::cv_builder::{
    CvDocument, Education, Experience, Language, PersonalInfo, Skill,
};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredPersonal {
    first_name: String,
    last_name: String,
    email: String,
    phone: String,
    address: String,
    title: String,
    summary: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredExperience {
    id: String,
    company: String,
    position: String,
    start_date: String,
    end_date: String,
    current: bool,
    description: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredEducation {
    id: String,
    school: String,
    degree: String,
    field: String,
    start_date: String,
    end_date: String,
    description: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredSkill {
    id: String,
    name: String,
    level: i64,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredLanguage {
    id: String,
    name: String,
    level: String,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredDocument {
    personal: StoredPersonal,
    experiences: Vec<StoredExperience>,
    educations: Vec<StoredEducation>,
    skills: Vec<StoredSkill>,
    languages: Vec<StoredLanguage>,
}

pub(super) fn to_json(doc: &CvDocument) -> String {
    let p = &doc.personal;
    let stored = StoredDocument {
        personal: StoredPersonal {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            address: p.address.clone(),
            title: p.title.clone(),
            summary: p.summary.clone(),
        },
        experiences: doc
            .experiences
            .iter()
            .map(|e| StoredExperience {
                id: e.id.clone(),
                company: e.company.clone(),
                position: e.position.clone(),
                start_date: e.start_date.clone(),
                end_date: e.end_date.clone(),
                current: e.current,
                description: e.description.clone(),
            })
            .collect(),
        educations: doc
            .educations
            .iter()
            .map(|e| StoredEducation {
                id: e.id.clone(),
                school: e.school.clone(),
                degree: e.degree.clone(),
                field: e.field.clone(),
                start_date: e.start_date.clone(),
                end_date: e.end_date.clone(),
                description: e.description.clone(),
            })
            .collect(),
        skills: doc
            .skills
            .iter()
            .map(|s| StoredSkill {
                id: s.id.clone(),
                name: s.name.clone(),
                level: s.level,
            })
            .collect(),
        languages: doc
            .languages
            .iter()
            .map(|l| StoredLanguage {
                id: l.id.clone(),
                name: l.name.clone(),
                level: l.level.clone(),
            })
            .collect(),
    };
    // Plain strings, numbers and booleans: serialising cannot fail.
    serde_json::to_string(&stored).unwrap_or_else(|_| "{}".to_owned())
}

pub(super) fn from_json(text: &str) -> Result<CvDocument, serde_json::Error> {
    let s: StoredDocument = serde_json::from_str(text)?;
    let p = s.personal;
    Ok(CvDocument {
        personal: PersonalInfo {
            first_name: p.first_name,
            last_name: p.last_name,
            email: p.email,
            phone: p.phone,
            address: p.address,
            title: p.title,
            summary: p.summary,
        },
        experiences: s
            .experiences
            .into_iter()
            .map(|e| Experience {
                id: e.id,
                company: e.company,
                position: e.position,
                start_date: e.start_date,
                end_date: e.end_date,
                current: e.current,
                description: e.description,
            })
            .collect(),
        educations: s
            .educations
            .into_iter()
            .map(|e| Education {
                id: e.id,
                school: e.school,
                degree: e.degree,
                field: e.field,
                start_date: e.start_date,
                end_date: e.end_date,
                description: e.description,
            })
            .collect(),
        skills: s
            .skills
            .into_iter()
            .map(|k| Skill {
                id: k.id,
                name: k.name,
                level: k.level,
            })
            .collect(),
        languages: s
            .languages
            .into_iter()
            .map(|l| Language {
                id: l.id,
                name: l.name,
                level: l.level,
            })
            .collect(),
    })
}
