//! The seven structured sections of the current job form (HEAD.md 10.3): free texts that make up
//! most of a job posted from it. One generic struct names them once, for the stored texts and for
//! an update's "absent / null / value" per section.

/// One value per section, in the form's order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sections<T> {
    pub context: T,
    pub mission_principale: T,
    pub profil_formation: T,
    pub profil_experience: T,
    pub profil_competences: T,
    pub profil_posture: T,
    pub profil_autre: T,
}

/// A job's sections as stored: each may be unset.
pub type JobSections = Sections<Option<String>>;

/// An update's sections: `None` keeps the stored text, `Some(None)` clears it, `Some(Some(t))`
/// writes `t`.
pub type JobSectionsPatch = Sections<Option<Option<String>>>;

impl<T> Sections<T> {
    /// The API and column names, in the form's order.
    pub const NAMES: [&'static str; 7] = [
        "context",
        "mission_principale",
        "profil_formation",
        "profil_experience",
        "profil_competences",
        "profil_posture",
        "profil_autre",
    ];

    /// The values in the form's order (that of [`Self::NAMES`]).
    pub fn into_array(self) -> [T; 7] {
        [
            self.context,
            self.mission_principale,
            self.profil_formation,
            self.profil_experience,
            self.profil_competences,
            self.profil_posture,
            self.profil_autre,
        ]
    }

    pub fn from_array([a, b, c, d, e, f, g]: [T; 7]) -> Self {
        Sections {
            context: a,
            mission_principale: b,
            profil_formation: c,
            profil_experience: d,
            profil_competences: e,
            profil_posture: f,
            profil_autre: g,
        }
    }

    pub fn as_array(&self) -> [&T; 7] {
        [
            &self.context,
            &self.mission_principale,
            &self.profil_formation,
            &self.profil_experience,
            &self.profil_competences,
            &self.profil_posture,
            &self.profil_autre,
        ]
    }
}

impl JobSections {
    /// The texts that are set, in the form's order (for the search text).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.as_array().into_iter().filter_map(|t| t.as_deref())
    }

    /// The sections after `patch`: each section absent from it keeps its text.
    pub fn patched(self, patch: JobSectionsPatch) -> JobSections {
        let old = self.into_array();
        let mut new = patch.into_array().into_iter();
        JobSections::from_array(old.map(|kept| match new.next() {
            Some(Some(value)) => value,
            _ => kept,
        }))
    }

    /// The create body's sections: absent and `null` are both unset.
    pub fn from_patch(patch: JobSectionsPatch) -> JobSections {
        JobSections::default().patched(patch)
    }
}
