//! # Nested cue
//!
//! **What it matches:** a quotation inside another whose own cue stands in
//! the outer quotation: `“I just said, ‘Sit down,’” she recalls` — `I` is
//! the outer speaker; `“My agent Ivo Marr said ‘Sit down’”` — a name.
//!
//! **Leaves alone:** everything else: an inner quotation with no cue gets no
//! speaker (`“He said ‘no’”`: `he` inside a quotation is not resolved).
//!
//! **Why here:** inner quotations are decided after their outer one, apart
//! from the sieves, which read the writer's text only.

use std::sync::LazyLock;

use regex::Regex;

use super::Decision;
use crate::lexicon;
use crate::people::People;
use crate::quotes::Quote;
use crate::span::Span;

pub fn decide(
    text: &str,
    quotes: &[Quote],
    q: usize,
    outer: Option<&Decision>,
    people: &mut People,
) -> Option<Decision> {
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        let verbs = lexicon::reporting_verbs()
            .iter()
            .map(|v| regex::escape(v))
            .collect::<Vec<_>>()
            .join("|");
        Regex::new(&format!(
            r"(?x)
            (?P<who> \b(?:I|we|We) | \p{{Lu}}[\p{{L}}'’-]+(?:\s+\p{{Lu}}[\p{{L}}'’-]+){{0,2}} )
            \s+ (?:(?:just|also|then|once|simply|\p{{L}}+ly)\s+)?
            (?P<verb>{verbs}) \b [^.!?]{{0,40}}? [,:]? \s* $"
        ))
        .expect("nested cue pattern builds from the verb list")
    });
    let parent = quotes[q].parent?;
    let region = Span::new(quotes[parent].content.start, quotes[q].outer.start);
    let before = region.of(text);
    let caps = CUE.captures(before)?;
    let who = caps.name("who")?;
    let verb = caps.name("verb")?;
    let mention = Span::new(region.start + who.start(), region.start + who.end());
    let cue = Some(Span::new(
        region.start + verb.start(),
        region.start + verb.end(),
    ));
    let speaker = match who.as_str() {
        "I" | "we" | "We" => outer?.speaker,
        _ => {
            let words: Vec<Span> = who
                .as_str()
                .split_whitespace()
                .scan(mention.start, |pos, w| {
                    let start = *pos + text[*pos..].find(w).unwrap_or(0);
                    *pos = start + w.len();
                    Some(Span::new(start, start + w.len()))
                })
                .collect();
            people.lookup(text, &words)
        }
    };
    Some(Decision {
        speaker,
        mention: Some(mention),
        cue,
        addressee: None,
        rule: "nested_cue",
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::assert_speaker;

    #[test]
    fn first_person_inside_a_quote_is_the_outer_speaker() {
        let text = "“I just said, ‘Let me help,’” Tess Lamb recalls.";
        assert_speaker(text, "Let me help,", Some("Tess Lamb"), "nested_cue");
    }

    #[test]
    fn inner_quote_without_cue_has_no_speaker() {
        let r = crate::testing::record(
            "“It was ‘fine by me, really’ then,” Tess Lamb says.",
            "fine by me, really",
        );
        assert_eq!(r.speaker, None);
        assert_eq!(r.rule, None);
    }
}
