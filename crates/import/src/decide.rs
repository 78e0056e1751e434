//! The decision taken for every reference row, in memory and before anything is written, so a
//! dry run reports exactly what the real run does.

use crate::reference::columns::ReferenceTable;
use crate::report::{ALREADY_IMPORTED, TableReport};
use crate::state::{Ids, State};

/// How the rows of one reference table are matched with ours.
pub struct Matching<R> {
    /// The table's ids in the run's state.
    pub ids: fn(&mut State) -> &mut Ids,
    /// What a row is identified by in our database (a user's email, a child's parent...).
    pub identity: fn(&R) -> String,
}

/// Sorts one table's rows: `already imported` and id conflicts first, then `accept` (which checks
/// parents and labels and builds our row, or says why not). Accepted ids become present.
pub fn decide<R: ReferenceTable, T>(
    state: &mut State,
    matching: &Matching<R>,
    rows: &[R],
    report: &mut TableReport,
    mut accept: impl FnMut(&mut State, &R, &mut TableReport) -> Result<T, String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for row in rows {
        report.read += 1;
        let row_id = row.id();
        report.max_id = report.max_id.max(row_id);
        let table = (matching.ids)(state);
        if let Some(existing) = table.existing.get(&row_id) {
            if *existing == (matching.identity)(row) {
                table.present.insert(row_id);
                report.skip(ALREADY_IMPORTED, row_id);
            } else {
                report.skip(
                    "id already used by a different row in this database",
                    row_id,
                );
            }
            continue;
        }
        match accept(state, row, report) {
            Ok(ours) => {
                (matching.ids)(state).present.insert(row_id);
                out.push(ours);
            }
            Err(reason) => report.skip(reason, row_id),
        }
    }
    report.imported = out.len();
    out
}

/// The identity of a child row: its parent's id.
pub fn parent_id(id: Option<i64>) -> String {
    id.unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::columns::{Column, ReadColumns};

    struct Row {
        id: i64,
        user_id: Option<i64>,
    }

    impl ReadColumns for Row {
        fn columns(_: &mut Vec<Column>) {}
    }

    impl ReferenceTable for Row {
        const TABLE: &'static str = "rows";
        fn id(&self) -> i64 {
            self.id
        }
    }

    const ROWS: Matching<Row> = Matching {
        ids: |s| &mut s.candidates,
        identity: |r| parent_id(r.user_id),
    };

    #[test]
    fn rows_are_matched_then_accepted_or_skipped() {
        let mut state = State {
            candidates: Ids::identified_by([(1, 10), (2, 20)]),
            ..State::default()
        };
        let rows = [
            Row {
                id: 1,
                user_id: Some(10),
            },
            Row {
                id: 2,
                user_id: Some(99),
            },
            Row {
                id: 3,
                user_id: Some(30),
            },
            Row {
                id: 4,
                user_id: None,
            },
        ];
        let mut report = TableReport::new("rows");
        let accepted = decide(&mut state, &ROWS, &rows, &mut report, |_, r, _| {
            r.user_id.ok_or_else(|| "no user_id".to_owned())
        });
        assert_eq!(accepted, [30]);
        assert_eq!((report.read, report.imported, report.max_id), (4, 1, 4));
        assert_eq!(report.skipped.get(ALREADY_IMPORTED), Some(&vec![1]));
        assert_eq!(
            report
                .skipped
                .get("id already used by a different row in this database"),
            Some(&vec![2])
        );
        assert_eq!(report.skipped.get("no user_id"), Some(&vec![4]));
        let mut present: Vec<i64> = state.candidates.present.into_iter().collect();
        present.sort_unstable();
        assert_eq!(
            present,
            [1, 3],
            "matched and accepted rows may be referred to"
        );
    }
}
