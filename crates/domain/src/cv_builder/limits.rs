//! The document's caps and the problems found against them, each with the path of the offending
//! field in the client's own names (`cv_data.experiences.3.description`), so the edge can answer
//! as pydantic would.

use super::document::CvDocument;

/// Items per section.
pub const MAX_EXPERIENCES: usize = 50;
pub const MAX_EDUCATIONS: usize = 50;
pub const MAX_SKILLS: usize = 100;
pub const MAX_LANGUAGES: usize = 50;
/// Characters of a free text (summary, descriptions).
pub const MAX_LONG_TEXT: usize = 10_000;
/// Characters of any other text (names, dates, titles, levels, item ids).
pub const MAX_SHORT_TEXT: usize = 300;
pub const MIN_SKILL_LEVEL: i64 = 0;
pub const MAX_SKILL_LEVEL: i64 = 100;

/// One step of a field's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    Field(&'static str),
    Index(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    TooLong { max_chars: usize },
    TooMany { max_items: usize, items: usize },
    OutOfRange { min: i64, max: i64, value: i64 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentProblem {
    /// From the document's root, e.g. `[personalInfo, summary]`.
    pub path: Vec<PathStep>,
    pub kind: ProblemKind,
}

struct Checker {
    problems: Vec<DocumentProblem>,
}

impl Checker {
    fn text(&mut self, path: &[PathStep], field: &'static str, value: &str, max_chars: usize) {
        if value.chars().count() > max_chars {
            self.push(path, Some(field), ProblemKind::TooLong { max_chars });
        }
    }

    fn count(&mut self, section: &'static str, len: usize, max_items: usize) -> bool {
        if len > max_items {
            let kind = ProblemKind::TooMany {
                max_items,
                items: len,
            };
            self.push(&[], Some(section), kind);
            return false;
        }
        true
    }

    fn push(&mut self, path: &[PathStep], field: Option<&'static str>, kind: ProblemKind) {
        let mut path = path.to_vec();
        path.extend(field.map(PathStep::Field));
        self.problems.push(DocumentProblem { path, kind });
    }
}

fn item(section: &'static str, index: usize) -> [PathStep; 2] {
    [PathStep::Field(section), PathStep::Index(index)]
}

/// Every problem of the document, in field order; empty when it may be saved.
pub fn check(doc: &CvDocument) -> Vec<DocumentProblem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let p = &doc.personal;
    let at = [PathStep::Field("personalInfo")];
    for (field, value) in [
        ("firstName", &p.first_name),
        ("lastName", &p.last_name),
        ("email", &p.email),
        ("phone", &p.phone),
        ("address", &p.address),
        ("title", &p.title),
    ] {
        c.text(&at, field, value, MAX_SHORT_TEXT);
    }
    c.text(&at, "summary", &p.summary, MAX_LONG_TEXT);
    if c.count("experiences", doc.experiences.len(), MAX_EXPERIENCES) {
        for (i, e) in doc.experiences.iter().enumerate() {
            let at = item("experiences", i);
            for (field, value) in [
                ("id", &e.id),
                ("company", &e.company),
                ("position", &e.position),
                ("startDate", &e.start_date),
                ("endDate", &e.end_date),
            ] {
                c.text(&at, field, value, MAX_SHORT_TEXT);
            }
            c.text(&at, "description", &e.description, MAX_LONG_TEXT);
        }
    }
    if c.count("educations", doc.educations.len(), MAX_EDUCATIONS) {
        for (i, e) in doc.educations.iter().enumerate() {
            let at = item("educations", i);
            for (field, value) in [
                ("id", &e.id),
                ("school", &e.school),
                ("degree", &e.degree),
                ("field", &e.field),
                ("startDate", &e.start_date),
                ("endDate", &e.end_date),
            ] {
                c.text(&at, field, value, MAX_SHORT_TEXT);
            }
            c.text(&at, "description", &e.description, MAX_LONG_TEXT);
        }
    }
    if c.count("skills", doc.skills.len(), MAX_SKILLS) {
        for (i, s) in doc.skills.iter().enumerate() {
            let at = item("skills", i);
            c.text(&at, "id", &s.id, MAX_SHORT_TEXT);
            c.text(&at, "name", &s.name, MAX_SHORT_TEXT);
            if !(MIN_SKILL_LEVEL..=MAX_SKILL_LEVEL).contains(&s.level) {
                let kind = ProblemKind::OutOfRange {
                    min: MIN_SKILL_LEVEL,
                    max: MAX_SKILL_LEVEL,
                    value: s.level,
                };
                c.push(&at, Some("level"), kind);
            }
        }
    }
    if c.count("languages", doc.languages.len(), MAX_LANGUAGES) {
        for (i, l) in doc.languages.iter().enumerate() {
            let at = item("languages", i);
            for (field, value) in [("id", &l.id), ("name", &l.name), ("level", &l.level)] {
                c.text(&at, field, value, MAX_SHORT_TEXT);
            }
        }
    }
    c.problems
}
