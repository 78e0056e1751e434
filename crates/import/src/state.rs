//! What the run knows about our database: the rows it held at the start, and what the tables
//! imported so far accepted (the parents later rows may refer to).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

/// The ids of one of our tables: the identity of each existing row, and which ids the rows of
/// this import may refer to (matched or inserted by this run).
#[derive(Default)]
pub struct Ids {
    pub existing: HashMap<i64, String>,
    pub present: HashSet<i64>,
}

impl Ids {
    /// Existing rows identified by one column of theirs (a child by its parent's id).
    pub fn identified_by<K: ToString>(rows: impl IntoIterator<Item = (i64, K)>) -> Ids {
        Ids {
            existing: rows
                .into_iter()
                .map(|(id, k)| (id, k.to_string()))
                .collect(),
            present: HashSet::new(),
        }
    }

    /// The parent id if this run may refer to it, else why not.
    pub fn parent(&self, id: Option<i64>, what: &str) -> Result<i64, String> {
        let id = id.ok_or_else(|| format!("no {what}_id"))?;
        if self.present.contains(&id) {
            Ok(id)
        } else {
            Err(format!("{what} not imported"))
        }
    }

    /// An optional link to a row of this table: kept if this run may refer to it, else dropped
    /// (`dropped` notes it).
    pub fn link(&self, id: Option<i64>, dropped: impl FnOnce()) -> Option<i64> {
        let id = id?;
        if self.present.contains(&id) {
            Some(id)
        } else {
            dropped();
            None
        }
    }
}

#[derive(Default)]
pub struct State {
    pub users: Ids,
    pub roles: HashMap<i64, &'static str>,
    pub email_owner: HashMap<String, i64>,
    pub candidates: Ids,
    pub candidate_of_user: HashMap<i64, i64>,
    pub experiences: Ids,
    pub educations: Ids,
    pub skills: Ids,
    pub companies: Ids,
    pub company_names: HashMap<i64, String>,
    pub employers: Ids,
    pub employer_of_user: HashMap<i64, i64>,
    pub jobs: Ids,
    /// Each present job's employer (copied onto its applications).
    pub job_employer: HashMap<i64, i64>,
    pub cvs: Ids,
    /// The CVs our database holds, per candidate: `(created_at, id)`.
    pub existing_cvs_of: HashMap<i64, Vec<(NaiveDateTime, i64)>>,
    /// Each candidate's newest present CV: `(created_at, id)`.
    pub newest_cv: HashMap<i64, (NaiveDateTime, i64)>,
    pub applications: Ids,
    pub application_pairs: HashSet<(i64, i64)>,
    pub notifications: Ids,
}

impl State {
    pub fn has_cv(&self, candidate: i64) -> bool {
        self.newest_cv.contains_key(&candidate) || self.existing_cvs_of.contains_key(&candidate)
    }

    pub fn note_cv(&mut self, candidate: i64, created_at: NaiveDateTime, id: i64) {
        let newest = self.newest_cv.entry(candidate).or_insert((created_at, id));
        if (created_at, id) > *newest {
            *newest = (created_at, id);
        }
    }

    /// Counts the CVs our database already holds for `candidate` as present.
    pub fn remember_existing_cvs_of(&mut self, candidate: i64) {
        for (created_at, id) in self
            .existing_cvs_of
            .get(&candidate)
            .cloned()
            .unwrap_or_default()
        {
            self.note_cv(candidate, created_at, id);
        }
    }
}
