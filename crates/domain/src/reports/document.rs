//! A report as the domain writes it: titled sections of label/value fields, key figures, tables
//! and notes, all texts final (French). How it looks on a page is the renderer's business.

/// Which report: it names the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    Candidate,
    Employer,
    Admin,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub kind: ReportKind,
    /// `intowork_rapport_<kind>_<YYYYMMDD>.pdf`, as HEAD names it.
    pub file_name: String,
    pub title: String,
    /// Who the report is about or for (shown under the title).
    pub subject: String,
    /// `07/12/2026 à 09:30 (UTC)`.
    pub generated_at: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Label and value pairs (`Nom` → `Élodie N'Diaye`).
    Fields(Vec<(String, String)>),
    /// Key figures: the value first, then its label (`12` / `Candidatures`).
    Figures(Vec<(String, String)>),
    Table(Table),
    Note(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Shown instead of an empty table.
    pub empty: String,
}

impl Section {
    pub fn new(title: impl Into<String>, blocks: Vec<Block>) -> Self {
        Section {
            title: title.into(),
            blocks,
        }
    }
}

/// Builds a table block from its column names and rows.
pub fn table(columns: &[&str], rows: Vec<Vec<String>>, empty: &str) -> Block {
    Block::Table(Table {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
        empty: empty.to_owned(),
    })
}

/// Label/value pairs from string slices.
pub fn fields(pairs: &[(&str, String)]) -> Block {
    Block::Fields(
        pairs
            .iter()
            .map(|(l, v)| ((*l).to_owned(), v.clone()))
            .collect(),
    )
}

/// Key figures from (value, label) pairs.
pub fn figures(pairs: &[(String, &str)]) -> Block {
    Block::Figures(
        pairs
            .iter()
            .map(|(v, l)| (v.clone(), (*l).to_owned()))
            .collect(),
    )
}
