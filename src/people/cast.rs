//! Cast notes: which character an actor plays, as articles write it.
//!
//! In: tokens and name runs. Out: (character run, actor run) pairs.
//!
//! What it matches: `Nick (Connor)`, `Charlie Spring (Joe Locke)`, `Nick
//! Nelson's (Kit Connor)`, `Nick (played by Kit Connor)`, `Ronan, who plays
//! Jo`, `Ronan plays Jo`, `Ronan's character Jo`, `Olivia Colman as Sarah`.
//! Leaves alone: photo credits `(Ana Ruiz/Netflix)`, a bracket glued to
//! more text `(Still Alice)-directed`, a bracket holding anything but a name.

use super::names::NameRun;
use crate::text::{Tok, TokKind};

/// (character run index, actor run index) for each cast note, in order.
pub fn notes(text: &str, toks: &[Tok], runs: &[NameRun]) -> Vec<(usize, usize)> {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.span.of(text))
    };
    let punct = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Punct)
            .map(|t| t.span.of(text))
    };
    let run_starting = |k: usize| runs.binary_search_by_key(&k, |r| r.toks.start).ok();
    let mut out = Vec::new();
    for (ri, run) in runs.iter().enumerate() {
        let after = run.toks.end;
        // Character (Actor) / Character (played by Actor)
        if punct(after) == Some("(") {
            let mut inner = after + 1;
            if word(inner) == Some("played") && word(inner + 1) == Some("by") {
                inner += 2;
            }
            if let Some(ai) = run_starting(inner) {
                let actor = &runs[ai];
                let closes = punct(actor.toks.end) == Some(")");
                let glued = toks.get(actor.toks.end + 1).is_some_and(|t| {
                    t.span.start == toks[actor.toks.end].span.end && t.kind == TokKind::Word
                }) || punct(actor.toks.end + 1) == Some("-");
                if closes && !glued && !actor.possessive {
                    out.push((ri, ai));
                    continue;
                }
            }
        }
        // Actor, who plays Character / Actor plays Character / Actor as Character
        let mut k = after;
        if punct(k) == Some(",") && word(k + 1) == Some("who") {
            k += 2;
        }
        let verb = word(k);
        let is_play = matches!(
            verb,
            Some("plays" | "played" | "portrays" | "portrayed" | "voices" | "voiced")
        );
        let is_as = verb == Some("as") && k == after && !run.possessive;
        let is_character = run.possessive && verb == Some("character");
        if (is_play || is_as || is_character)
            && let Some(ci) = run_starting(k + 1)
        {
            out.push((ci, ri));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::names::{display, runs};
    use crate::text::{paragraphs, tokens::tokenize};

    fn cast(text: &str) -> Vec<(String, String)> {
        let t = tokenize(text, &paragraphs(text), &[], 0);
        let r = runs(text, &t.toks);
        notes(text, &t.toks, &r)
            .into_iter()
            .map(|(c, a)| (display(text, &r[c].words), display(text, &r[a].words)))
            .collect()
    }

    #[test]
    fn reads_character_then_actor_in_brackets() {
        assert_eq!(
            cast("with Ivo (Marr) and Tess Lamb (Ola Pim) too"),
            [
                ("Ivo".into(), "Marr".into()),
                ("Tess Lamb".into(), "Ola Pim".into())
            ]
        );
    }

    #[test]
    fn reads_played_by_and_plays() {
        assert_eq!(
            cast("Ivo (played by Ana Ruiz) left."),
            [("Ivo".into(), "Ana Ruiz".into())]
        );
        assert_eq!(
            cast("Then Ana Ruiz, who plays Ivo, said."),
            [("Ivo".into(), "Ana Ruiz".into())]
        );
        assert_eq!(
            cast("Ruiz’s character Ivo is new."),
            [("Ivo".into(), "Ruiz".into())]
        );
    }

    #[test]
    fn leaves_photo_credits_and_glued_brackets_alone() {
        assert!(cast("Ola Pim (Ana Ruiz/Netflix)").is_empty());
        assert!(cast("the Wes Lamb (Still Water)-directed film").is_empty());
    }
}
