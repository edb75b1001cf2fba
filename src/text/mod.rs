//! Text stage: the document cut into paragraphs, and (once quotation spans
//! are known) into tokens and sentences of the writer's own text.

pub mod paragraphs;
pub mod scan;
pub mod tokens;

pub use paragraphs::{Paragraph, paragraphs, paragraphs_into};
pub use tokens::{Tok, TokKind, Tokens};
