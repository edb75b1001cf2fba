//! The JSON contract: one record per quotation. Nothing else lives here.
//!
//! Field order is what reviewers read in snapshot diffs, so the fields that
//! carry the verdict come first.
//!
//! The words a record quotes from its text (`file`, `text`, `cue`,
//! `addressee`, a mention) are borrowed, not copied: a record is usually printed and
//! dropped at once, and a copy each cost an allocation and a free.

use std::borrow::Cow;

use serde::Serialize;

use crate::input::Repairs;
use crate::people::EntityType;
use crate::quotes::Kind;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record<'a> {
    /// The input path as given on the command line (`-` for standard input).
    pub file: &'a str,
    /// With `--stdin-jsonl`: the `id` of the input line as its JSON text,
    /// written back verbatim (`12345678901234567890123` stays exact, and
    /// `"a1"` stays a string), so records join back to their documents.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "raw_json")]
    pub id: Option<&'a str>,
    /// Order of the record within its file, from 0.
    pub index: usize,
    /// The quoted text, marks excluded: exactly the file's bytes `start..end`
    /// (borrowed from the text, as the other words a record quotes).
    pub text: &'a str,
    pub kind: Kind,
    /// Who said it, or `null` where the text names nobody.
    pub speaker: Option<Speaker<'a>>,
    /// The rule that decided the speaker (also when it decided on nobody);
    /// `null` when no rule applied.
    pub rule: Option<&'static str>,
    /// The reporting verb as written (`says`, `tells`, `adds`).
    pub cue: Option<&'a str>,
    /// Whom it was said to, as written (`Teen Vogue`, `his sister`).
    pub addressee: Option<&'a str>,
    /// The words that named the speaker, or the unnamed somebody (`one viewer`).
    pub mention: Option<Mention<'a>>,
    /// Byte offsets of `text` in the file, end-exclusive.
    pub start: usize,
    pub end: usize,
    /// Paragraph of the quotation, from 0.
    pub paragraph: usize,
    /// `index` of the quotation this one is nested in.
    pub nested_in: Option<usize>,
    /// Present (and `true`) only when the file was read with `--lossy` and
    /// had bytes that are not UTF-8: they were replaced by U+FFFD, so where
    /// `text` holds one it differs from the file's bytes. Offsets still
    /// refer to the original bytes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub repaired: bool,
}

/// Write `id`, JSON text already, as it is (read in place: no copy). The
/// writer of [`crate::json`] does the same by hand.
fn raw_json<S: serde::Serializer>(id: &Option<&str>, s: S) -> Result<S::Ok, S::Error> {
    let raw = id.map(serde_json::from_str::<&serde_json::value::RawValue>);
    match raw {
        Some(Ok(raw)) => s.serialize_newtype_struct("RawJson", raw),
        Some(Err(e)) => Err(serde::ser::Error::custom(e)),
        None => s.serialize_none(),
    }
}

impl Record<'_> {
    /// Take this record's offsets from the repaired text back to the file.
    pub fn map_to_file(&mut self, repairs: &Repairs) {
        if !repairs.any() {
            return;
        }
        self.repaired = true;
        self.start = repairs.original(self.start);
        self.end = repairs.original(self.end);
        if let Some(m) = &mut self.mention {
            m.start = repairs.original(m.start);
            m.end = repairs.original(m.end);
        }
    }
}

/// A speaker's names are borrowed from the text where it writes them as
/// shown (`Kit Connor`), and copied where they were made (`Maria Lopez`
/// from `MARIA LOPEZ:`, `Mr.` given its stop).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker<'a> {
    /// The fullest name the article gives: `Kit Connor`, not `Connor`.
    pub name: Cow<'a, str>,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// For a character: the actor who plays them, where the article says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}
