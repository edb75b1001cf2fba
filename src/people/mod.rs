//! Mentions and people: who the article talks about, under the fullest name
//! it gives, and which earlier person a `he`, `she`, `it` or `the actor`
//! points back to.
//!
//! In: the document's tokens. Out: a table of people (persons, characters
//! with the actor who plays them, organizations) in first-mention order,
//! and the subject mentions that pronouns and descriptions resolve to.
//!
//! - A name of two or more words is a person: `Kit Connor`. A later `Connor`
//!   or `Kit` is the same person (surname or first-name alias); `Stephane`
//!   matches `Stéphane`. Where one article holds two people of one surname,
//!   the more often named wins.
//! - A one-word name is somebody only with evidence: it speaks (`Burton
//!   said`), it is in a cast note, it labels a transcript turn, it has an
//!   apposition (`Acme, a software firm,`, `Jayden, 10,`) or a role before
//!   it (`the firm Acme`), or it is a listed first name used as a subject.
//! - A pronoun resolves to the most recent subject or speaker that fits its
//!   gender, within a few paragraphs — or to a person named in its own
//!   paragraph when the subject is from an earlier one; somebody unnamed
//!   (`A neighbour, who asked not to be named,`) counts, and speaks as
//!   nobody. Gender comes from honorifics (`Mr`), role nouns (`actress`),
//!   the next subject pronoun after a name, and a list of first names.
//! - Places (`Bridge Street`) and organizations (`Corvane Foods`, `BBC
//!   Radio Wales`) are never what `he` or `she` refers to.

pub mod cast;
pub mod names;
mod pool;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::lexicon::{self, Gender, Number};
use crate::span::Span;
use crate::text::{Tok, TokKind};
use names::NameRun;
use pool::Pool;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Character,
    Organization,
    /// `Bridge Street`, `Marston Park`: never a speaker a pronoun points to.
    Place,
}

impl Entity {
    /// Someone a `he`, `she` or `the actor` may refer to.
    pub fn is_person_like(&self) -> bool {
        matches!(self.ty, EntityType::Person | EntityType::Character)
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    /// Where the text writes `name` exactly so, if it does.
    pub written: Option<Span>,
    pub ty: EntityType,
    /// For a character: the entity that plays them.
    pub actor: Option<usize>,
    pub gender: Gender,
    /// Role nouns the article attaches to them (`actor`, `director`).
    pub roles: Vec<String>,
    /// How many name runs name them.
    pub count: usize,
    /// Somebody the article does not name (`A neighbour, who asked not to be
    /// named, …`): pronouns may refer to them, and they speak as nobody.
    pub unnamed: bool,
    /// Words in the name.
    words: usize,
}

/// Something that was mentioned as the subject of a clause, or spoke.
#[derive(Clone, Copy, Debug)]
struct Event {
    tok: usize,
    para: usize,
    entity: usize,
    /// Named in the text (not a pronoun the subject pass resolved).
    named: bool,
}

pub struct People {
    pub entities: Vec<Entity>,
    /// Name key -> what it stands for: one lookup answers for the full
    /// name, the surname and the first name.
    known: HashMap<String, Known>,
    /// Initials (`ML`) -> the first entity with them.
    by_initials: HashMap<String, usize>,
    pub runs: Vec<NameRun>,
    /// Entity of each run, where known.
    pub run_entity: Vec<Option<usize>>,
    /// Runs that are an actor's name in a cast note's aside: no subjects.
    aside: Vec<bool>,
    subjects: Vec<Event>,
    speakers: Vec<Event>,
    /// Every mention of a known entity, subject or not.
    mentions: Vec<Event>,
    /// Role (family words folded: `dad` is `father`) -> the one entity
    /// with it, or `None` where more have it; built once.
    by_role: HashMap<String, Option<usize>>,
    main_person: Option<usize>,
    /// The strings of names, keys and roles that earlier tables are done with.
    strings: Pool,
}

/// What a name key stands for.
#[derive(Default)]
struct Known {
    /// The entity of that full name.
    full: Option<usize>,
    /// Entities with that surname, and with that first name, in creation order.
    surname_of: Aliases,
    first_name_of: Aliases,
}

/// More people than this sharing a surname or first name make it ambiguous.
const MAX_SHARED_ALIAS: usize = 8;

/// The entities sharing an alias, in creation order: one past
/// `MAX_SHARED_ALIAS` at most, so kept in place (a vector for each cost an
/// allocation for every surname and first name of an article).
#[derive(Default)]
struct Aliases {
    len: u8,
    of: [u32; MAX_SHARED_ALIAS + 1],
}

impl Aliases {
    /// Past a handful of people sharing it, an alias names nobody in particular.
    fn add(&mut self, e: usize) {
        // (No segment of text holds four billion entities.)
        if usize::from(self.len) <= MAX_SHARED_ALIAS
            && let Ok(e) = u32::try_from(e)
        {
            self.of[usize::from(self.len)] = e;
            self.len += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.of[..usize::from(self.len)].iter().map(|&e| e as usize)
    }
}

/// Events a description may look back over for someone with its role.
const ROLE_LOOKBACK: usize = 512;

/// Name keys the maps make room for before an article's first name: an
/// article of a few thousand words names a few dozen people and places.
const KNOWN_NAMES_AT_FIRST: usize = 64;

/// The answers `lookup_with` gave for one-word names lately, for a pass in
/// which they cannot change. A question is the word's bytes (up to 13),
/// the gender asked for and the word's length, as one number, so a slot
/// holds only the answer to that very question; a slot is shared by many
/// questions and keeps the last, so any text costs at most one lookup per
/// name.
struct OneWordAnswers {
    slots: [(u128, Option<usize>); ONE_WORD_ANSWERS],
}

impl Default for OneWordAnswers {
    fn default() -> Self {
        OneWordAnswers {
            slots: [(0, None); ONE_WORD_ANSWERS],
        }
    }
}

const ONE_WORD_ANSWERS: usize = 64;

impl OneWordAnswers {
    /// The question for these words, if one can be asked here: a single
    /// word of up to 13 bytes, not in capitals (`ML` may be initials,
    /// which its context decides).
    fn question(text: &str, words: &[Span], gender: Gender) -> Option<u128> {
        let [word] = words else {
            return None;
        };
        let bytes = word.of(text).as_bytes();
        if bytes.is_empty()
            || bytes.len() > 13
            || (bytes.len() <= 3 && bytes.iter().all(u8::is_ascii_uppercase))
        {
            return None;
        }
        let mut packed = [0u8; 16];
        packed[..bytes.len()].copy_from_slice(bytes);
        packed[14] = gender as u8;
        packed[15] = bytes.len() as u8; // never 0: no slot starts out answering
        Some(u128::from_le_bytes(packed))
    }

    fn slot(question: u128) -> usize {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mixed = ((question as u64) ^ ((question >> 64) as u64).rotate_left(23)).wrapping_mul(K);
        (mixed >> (64 - ONE_WORD_ANSWERS.trailing_zeros())) as usize
    }

    /// The answer remembered for `question`: `Some(answer)`, or `None`.
    fn get(&self, question: u128) -> Option<Option<usize>> {
        let (asked, answer) = self.slots[Self::slot(question)];
        (asked == question).then_some(answer)
    }

    fn put(&mut self, question: u128, answer: Option<usize>) {
        self.slots[Self::slot(question)] = (question, answer);
    }
}

/// Mentions and subjects the event lists make room for at first.
const EVENTS_AT_FIRST: usize = 256;

/// Paragraphs a pronoun may look back over.
const WINDOW_PARAS: usize = 3;
/// Events a pronoun may look back over: keeps resolution cheap on any input.
const WINDOW_EVENTS: usize = 64;

/// The vectors and maps of one table, emptied, for the next document's
/// (see [`People::build_reusing`]): allocating them afresh for every
/// article, and freeing them, cost more than filling them.
#[derive(Default)]
pub struct Buffers {
    entities: Vec<Entity>,
    known: HashMap<String, Known>,
    by_initials: HashMap<String, usize>,
    runs: Vec<NameRun>,
    run_entity: Vec<Option<usize>>,
    aside: Vec<bool>,
    subjects: Vec<Event>,
    speakers: Vec<Event>,
    mentions: Vec<Event>,
    by_role: HashMap<String, Option<usize>>,
    strings: Pool,
}

impl People {
    /// Build the table from the document's tokens.
    pub fn build(text: &str, toks: &[Tok]) -> People {
        Self::build_reusing(text, toks, Buffers::default())
    }

    /// As [`People::build`], in the buffers an earlier table left.
    pub fn build_reusing(text: &str, toks: &[Tok], buffers: Buffers) -> People {
        let Buffers {
            mut entities,
            mut known,
            mut by_initials,
            runs,
            mut run_entity,
            mut aside,
            mut subjects,
            speakers,
            mut mentions,
            by_role,
            strings,
        } = buffers;
        let runs = names::runs_into(text, toks, runs);
        // Each run is at most one mention, subject and entity, and an
        // article has a few dozen: room for those at once spares growing
        // the vectors an element at a time; room for an article's names
        // spares rehashing the maps a key at a time. Past an article's
        // worth, they grow as they need.
        // (Buffers come empty: made afresh, or emptied by `recycle`.)
        let events = runs.len().min(EVENTS_AT_FIRST);
        entities.reserve(events.min(KNOWN_NAMES_AT_FIRST));
        known.reserve(KNOWN_NAMES_AT_FIRST);
        by_initials.reserve(KNOWN_NAMES_AT_FIRST / 4);
        run_entity.resize(runs.len(), None);
        aside.resize(runs.len(), false);
        subjects.reserve(events);
        mentions.reserve(events);
        let mut people = People {
            entities,
            known,
            by_initials,
            run_entity,
            aside,
            runs,
            subjects,
            speakers,
            mentions,
            by_role,
            main_person: None,
            strings,
        };
        people.add_full_names(text);
        people.add_speaking_names(text, toks);
        people.add_cast(text, toks);
        // An article names the same person by one word again and again
        // (`Connor … Connor`), and nothing this pass does changes what a
        // lookup answers: each such word is looked up once.
        let mut answers = OneWordAnswers::default();
        for ri in 0..people.runs.len() {
            if people.run_entity[ri].is_none() {
                // `Mr Hughes` is the male Hughes: the honorific picks among namesakes.
                let run = &people.runs[ri];
                let gender = run
                    .honorific_span
                    .and_then(|h| lexicon::honorific(h.of(text)))
                    .unwrap_or(Gender::Unknown);
                let asked = OneWordAnswers::question(text, &run.words, gender);
                people.run_entity[ri] = match asked.and_then(|q| answers.get(q)) {
                    Some(answer) => answer,
                    None => {
                        let answer = people.lookup_with(text, &run.words, gender);
                        if let Some(q) = asked {
                            answers.put(q, answer);
                        }
                        answer
                    }
                };
            }
        }
        people.add_roles(text, toks);
        people.infer_gender(text, toks);
        people.find_subjects(text, toks);
        for (e, entity) in people.entities.iter().enumerate() {
            for role in &entity.roles {
                match people.by_role.get_mut(kin(role)) {
                    Some(only) => {
                        if *only != Some(e) {
                            *only = None;
                        }
                    }
                    None => {
                        let role = people.strings.copy(kin(role));
                        people.by_role.insert(role, Some(e));
                    }
                }
            }
        }
        people.main_person = people.find_main_person();
        people
    }

    /// Every multi-word name, under its fullest form.
    fn add_full_names(&mut self, text: &str) {
        // The key of every suffix of every multi-word run, built once into
        // one string, and given a number the first time it is seen: counted
        // and looked up again by that number, a key is hashed once.
        let mut keys = String::new();
        let mut suffixes: Vec<std::ops::Range<usize>> = Vec::new();
        for run in self.runs.iter().filter(|r| r.words.len() > 1) {
            for s in 0..run.words.len() - 1 {
                let start = keys.len();
                names::push_words_key(text, &run.words[s..], &mut keys);
                suffixes.push(start..keys.len());
            }
        }
        let mut number: HashMap<&str, usize> = HashMap::with_capacity(suffixes.len());
        let mut times: Vec<usize> = Vec::with_capacity(suffixes.len());
        let suffix_key: Vec<usize> = suffixes
            .iter()
            .map(|range| {
                let k = *number.entry(&keys[range.clone()]).or_insert(times.len());
                if k == times.len() {
                    times.push(0);
                }
                times[k] += 1;
                k
            })
            .collect();
        let mut next = 0;
        for ri in 0..self.runs.len() {
            let words = self.runs[ri].words;
            if words.len() < 2 {
                continue;
            }
            // The run's suffixes, longest first.
            let n = words.len();
            let own = next..next + n - 1;
            next += n - 1;
            let count = |s: usize| times[suffix_key[own.start + s]];
            // The longest suffix named as often as the two-word one:
            // `Drama Star Ola Pim` is `Ola Pim` when `Ola Pim` is named elsewhere too.
            let base = count(n - 2);
            let s = (0..n - 1)
                .find(|&s| count(s) == base)
                .expect("the two-word suffix itself qualifies");
            let key = &keys[suffixes[own.start + s].clone()];
            let e = self.entity_for_key(text, &words[s..], key);
            self.run_entity[ri] = Some(e);
        }
    }

    /// One-word names that speak (`Burton said`, `said Burton`): people.
    fn add_speaking_names(&mut self, text: &str, toks: &[Tok]) {
        let is_verb = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == TokKind::Word && lexicon::is_reporting_verb(t.span.of(text))
            })
        };
        for ri in 0..self.runs.len() {
            let run = &self.runs[ri];
            if self.run_entity[ri].is_some() || run.possessive {
                continue;
            }
            let after = run.toks.end;
            // `Acme, a software firm,` / `Burton, a doctor,` / `the firm Acme`
            let described = || {
                apposition_nouns(text, toks, after)
                    .any(|w| lexicon::person_noun(w).is_some() || lexicon::is_org_noun(w))
            };
            // `Jayden, 10, is …`: an age in apposition.
            let aged = || age_apposition(text, toks, after).is_some();
            // `the wise little Alice was`: a listed first name as a subject.
            let first_name_subject = || {
                run.words.len() == 1
                    && !run.sentence_initial
                    && lexicon::first_name_gender(run.words[0].of(text)).is_some()
                    && followed_by_lower(text, toks, after)
            };
            // The word before: a role (`actor Burton`, `the firm Acme`) or a
            // reporting verb (`said Burton`, `said Mr Burton`). Each
            // neighbour is looked up once for all it is asked.
            let before = || {
                run.role.is_some()
                    || run.toks.start.checked_sub(1).is_some_and(|k| {
                        let w = toks[k].span.of(text);
                        let listed = lexicon::word(w);
                        (listed.is_org_noun() && w.chars().next().is_some_and(char::is_lowercase))
                            || (toks[k].kind == TokKind::Word
                                && listed.is_reporting_verb()
                                && run.honorific.is_none())
                    })
                    || run
                        .honorific
                        .is_some_and(|h| h.checked_sub(1).is_some_and(is_verb))
            };
            // The word after: `Burton said`, `Burton quickly said`.
            let says_after = || {
                toks.get(after)
                    .filter(|t| t.kind == TokKind::Word)
                    .is_some_and(|t| {
                        let w = t.span.of(text);
                        let listed = lexicon::word(w);
                        listed.is_reporting_verb()
                            || ((w.ends_with("ly") || listed.is_adverb()) && is_verb(after + 1))
                    })
            };
            // Each asked only until one says yes.
            let speaks = described() || aged() || first_name_subject() || before() || says_after();
            if speaks && self.lookup(text, &run.words).is_none() {
                let (words, honorific) = (run.words, run.honorific_span);
                self.run_entity[ri] = self.resolve_name(text, &words, honorific);
            }
        }
    }

    fn add_cast(&mut self, text: &str, toks: &[Tok]) {
        for (ci, ai) in cast::notes(text, toks, &self.runs) {
            let actor_words = self.runs[ai].words;
            let a = self
                .lookup(text, &actor_words)
                .unwrap_or_else(|| self.entity_for(text, &actor_words));
            let char_words = self.runs[ci].words;
            let c = self
                .lookup(text, &char_words)
                .unwrap_or_else(|| self.entity_for(text, &char_words));
            if c != a {
                self.entities[c].ty = EntityType::Character;
                self.entities[c].actor.get_or_insert(a);
                self.run_entity[ci] = Some(c);
                self.run_entity[ai] = Some(a);
                // `Ines Varga (Petra Holloway) stands …`: the bracket is an
                // aside; the character is the one who stands.
                if self.runs[ai].toks.start > self.runs[ci].toks.start {
                    self.aside[ai] = true;
                }
            }
        }
    }

    /// `actor Ola Pim`, `Mr Lyn`, `Ola Pim, an economist`: roles and gender.
    fn add_roles(&mut self, text: &str, toks: &[Tok]) {
        // A run's role words as written, with what follows (`24` is
        // `24-year-old`): one vector for every run.
        let mut roles: Vec<(&str, &str)> = Vec::new();
        for ri in 0..self.runs.len() {
            let Some(e) = self.run_entity[ri] else {
                continue;
            };
            let run = &self.runs[ri];
            if let Some(h) = run.honorific
                && let Some(g) = lexicon::honorific(toks[h].span.of(text))
                && g != Gender::Unknown
            {
                self.entities[e].gender = g;
            }
            roles.clear();
            if let Some(r) = run.role {
                roles.push((toks[r].span.of(text), ""));
            }
            // `The winner's father, Gareth Hughes,`, `her grandad, Reg Pomfrey`
            if let Some(comma) = run.descriptor_start.checked_sub(1)
                && toks[comma].span.of(text) == ","
                && let Some(noun) = comma.checked_sub(1).map(|k| toks[k].span.of(text))
                && noun.chars().next().is_some_and(char::is_lowercase)
                && lexicon::person_noun(noun).is_some()
            {
                roles.push((noun, ""));
            }
            // `24-year-old Ola Pim`
            let first = run.honorific.or(run.role).unwrap_or(run.toks.start);
            if let Some(age) = first.checked_sub(1).map(|k| toks[k].span.of(text))
                && crate::sieves::grammar::is_age(age)
            {
                roles.push((age, ""));
            }
            // `the software firm Acme`, `Acme, a software firm`: an organization.
            // (Asked only of a name not known to be a person.)
            let org_before = || {
                first.checked_sub(1).is_some_and(|k| {
                    let w = toks[k].span.of(text);
                    w.chars().next().is_some_and(char::is_lowercase) && lexicon::is_org_noun(w)
                })
            };
            // Appositive: `Name, a/an/the [words] ROLE`
            let k = run.toks.end;
            for w in apposition_nouns(text, toks, k) {
                if lexicon::person_noun(w).is_some() {
                    roles.push((w, ""));
                }
                if lexicon::is_org_noun(w) && self.entities[e].gender == Gender::Unknown {
                    self.entities[e].ty = EntityType::Organization;
                }
            }
            // `Ola Pim, 24, said`
            if let Some(n) = age_apposition(text, toks, k) {
                roles.push((n, "-year-old"));
            }
            if self.entities[e].gender == Gender::Unknown && org_before() {
                self.entities[e].ty = EntityType::Organization;
            }
            for &(word, then) in &roles {
                let role = self.lowercase(&[word, then]);
                if let Some(g) = lexicon::person_noun(&role)
                    && g != Gender::Unknown
                {
                    self.entities[e].gender = g;
                }
                self.add_role(e, role);
            }
        }
    }

    /// `pieces` joined and in lower case, in a kept string.
    fn lowercase(&mut self, pieces: &[&str]) -> String {
        let mut out = self.strings.take();
        for piece in pieces {
            out.push_str(piece);
        }
        if out.is_ascii() {
            out.make_ascii_lowercase();
            out
        } else {
            // (`to_lowercase` knows the rules a character at a time misses:
            // a final capital sigma.)
            let lower = out.to_lowercase();
            self.strings.give(out);
            lower
        }
    }

    /// Give entity `e` role `role`, unless it has it.
    fn add_role(&mut self, e: usize, role: String) {
        if self.entities[e].roles.contains(&role) {
            self.strings.give(role);
        } else {
            self.entities[e].roles.push(role);
        }
    }

    /// A person the article has not yet given a gender: the pronoun that
    /// next takes them up as a subject (`Jayden, 10, … His game …`, `…, who
    /// taught himself`), unless someone else is named first. Possessives in
    /// mid-sentence are passed over: in `Ola shared her version of his song`
    /// neither is Ola's.
    fn infer_gender(&mut self, text: &str, toks: &[Tok]) {
        const SCAN: usize = 40;
        for ri in 0..self.runs.len() {
            let Some(e) = self.run_entity[ri] else {
                continue;
            };
            if self.entities[e].gender != Gender::Unknown || !self.entities[e].is_person_like() {
                continue;
            }
            let run = &self.runs[ri];
            let sent = toks[run.toks.start].sent;
            let mut next_run = ri + 1;
            for k in run.toks.end..(run.toks.end + SCAN).min(toks.len()) {
                let t = toks[k];
                if t.sent > sent + 1 {
                    break;
                }
                while next_run < self.runs.len() && self.runs[next_run].toks.end <= k {
                    next_run += 1;
                }
                if self.runs.get(next_run).is_some_and(|r| r.toks.start == k)
                    && self.run_entity[next_run].is_some_and(|o| o != e)
                {
                    break;
                }
                if t.kind != TokKind::Word {
                    continue;
                }
                let w = t.span.of(text);
                let opens = k == 0 || toks[k - 1].sent != t.sent;
                let is = |form: &str| w.eq_ignore_ascii_case(form);
                let gender = if is("he") || is("himself") || (opens && is("his")) {
                    Some(Gender::Male)
                } else if is("she") || is("herself") || (opens && is("her")) {
                    Some(Gender::Female)
                } else {
                    None
                };
                if let Some(g) = gender {
                    self.entities[e].gender = g;
                    break;
                }
            }
        }
    }

    /// Subject mentions in document order; pronoun subjects resolved as they come.
    fn find_subjects(&mut self, text: &str, toks: &[Tok]) {
        let mut ri = 0;
        let mut named_sent: Option<usize> = None;
        for (i, tok) in toks.iter().enumerate() {
            while ri < self.runs.len() && self.runs[ri].toks.end <= i {
                ri += 1;
            }
            if tok.kind != TokKind::Word {
                continue;
            }
            let run = self.runs.get(ri).filter(|r| r.toks.start == i);
            if let Some(run) = run {
                let Some(e) = self.run_entity[ri] else {
                    continue;
                };
                // `Town manager Gary Henshall`: `Town` describes, it is no subject.
                if self
                    .runs
                    .get(ri + 1)
                    .is_some_and(|next| next.descriptor_start <= i)
                {
                    continue;
                }
                if self.aside[ri] {
                    continue;
                }
                // `Speaking to BBC Radio Wales`: governed by a preposition, a
                // name is nobody a pronoun takes up; `by` marks the doer.
                let by = run
                    .descriptor_start
                    .checked_sub(1)
                    .is_some_and(|k| toks[k].span.of(text) == "by");
                let after_prep = after_preposition(text, toks, run.descriptor_start);
                let governed = after_prep && !by;
                if !governed {
                    self.mentions.push(Event {
                        tok: i,
                        para: tok.para,
                        entity: e,
                        named: true,
                    });
                }
                let first = run.descriptor_start;
                let first_named = named_sent != Some(tok.sent);
                named_sent = Some(tok.sent);
                // `Yasmin Finney’s childhood dream was …` is about her too;
                // `In the summer Joe Smith decided …`: the sentence's first name.
                if is_subject_position(text, toks, first, run.toks.end)
                    || (first_named && !after_prep && followed_by_lower(text, toks, run.toks.end))
                {
                    self.subjects.push(Event {
                        tok: i,
                        para: tok.para,
                        entity: e,
                        named: true,
                    });
                }
                continue;
            }
            // A pronoun, an unnamed subject (`A neighbour said`) and a
            // description (`The actor said`) each open a clause, and few
            // words do: asked first, that spares the rest for the others.
            // Fewer words still can begin one (`he`, `a`, `the`), and a
            // byte or two tells the rest: that is asked first of all.
            if !SUBJECT_OPENERS.admits(&text.as_bytes()[tok.span.start..tok.span.end])
                || !opens_clause(text, toks, i)
            {
                continue;
            }
            let word = tok.span.of(text);
            if let Some(p) = lexicon::pronoun(word)
                && p.is_third_person_singular_subject()
                && is_subject_position(text, toks, i, i + 1)
                && let Some(e) = self.resolve_pronoun_with(
                    i,
                    tok.para,
                    word,
                    false,
                    self.named_before_comma(text, toks, i),
                )
            {
                self.subjects.push(Event {
                    tok: i,
                    para: tok.para,
                    entity: e,
                    named: false,
                });
                continue;
            }
            if let Some(gender) = self.unnamed_subject(text, toks, i) {
                let e = self.unnamed(gender);
                self.subjects.push(Event {
                    tok: i,
                    para: tok.para,
                    entity: e,
                    named: true,
                });
                continue;
            }
            if let Some((head, e)) = self.description_subject(text, toks, i) {
                let role = self.lowercase(&[toks[head].span.of(text)]);
                self.add_role(e, role);
                self.subjects.push(Event {
                    tok: i,
                    para: tok.para,
                    entity: e,
                    named: true,
                });
            }
        }
    }

    /// `The 24-year-old crossed the line`, `The striker scored`: a
    /// description opening a sentence takes up the latest subject that fits,
    /// and tells us its role. Returns the head noun's token and the entity.
    /// (Asked only where `opens_clause` holds, as a sentence's start does.)
    fn description_subject(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        let tok = toks[i];
        let opens = i == 0 || toks[i - 1].sent != tok.sent;
        if !opens
            || !tok
                .span
                .of(text)
                .eq_ignore_ascii_case(DESCRIPTION_DETERMINER)
        {
            return None;
        }
        let head = (i + 1..(i + 4).min(toks.len())).find(|&k| {
            let w = toks[k].span.of(text);
            toks[k].kind == TokKind::Word
                && (lexicon::person_noun(w).is_some() || crate::sieves::grammar::is_age(w))
        })?;
        let between_lower = (i + 1..head).all(|k| {
            toks[k].kind == TokKind::Word
                && toks[k]
                    .span
                    .of(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        if !between_lower || !followed_by_lower(text, toks, head + 1) {
            return None;
        }
        let head_word = toks[head].span.of(text).to_lowercase();
        // Someone the article already gave this role (`Actor Ola Pim left.
        // … The actor smiled.`) before the latest subject that fits.
        if let Some(e) = self.recent(i, tok.para, |e| e.roles.contains(&head_word)) {
            return Some((head, e));
        }
        let gender = lexicon::person_noun(&head_word).unwrap_or(Gender::Unknown);
        let e = self.recent(i, tok.para, |e| {
            e.is_person_like()
                && (gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender)
        })?;
        Some((head, e))
    }

    /// `Marr, she said`: the entity named right before the comma before
    /// token `tok`, which a pronoun at `tok` cannot refer to.
    pub fn named_before_comma(&self, text: &str, toks: &[Tok], tok: usize) -> Option<usize> {
        let comma = tok.checked_sub(1)?;
        if toks[comma].span.of(text) != "," {
            return None;
        }
        let ri = self.runs.partition_point(|r| r.toks.end < comma);
        let run = self.runs.get(ri).filter(|r| r.toks.end == comma)?;
        self.run_entity[ri].filter(|_| !run.possessive)
    }

    /// The entity for these name words, created if new.
    fn entity_for(&mut self, text: &str, words: &[Span]) -> usize {
        // The key is built once, into a kept string: a new name keeps it,
        // a known one gives it back.
        let mut key = self.strings.take();
        names::push_words_key(text, words, &mut key);
        match self.full_name(&key) {
            Some(e) => {
                self.strings.give(key);
                self.entities[e].count += 1;
                e
            }
            None => self.new_entity(text, words, key),
        }
    }

    /// `entity_for` for words whose key the caller has.
    fn entity_for_key(&mut self, text: &str, words: &[Span], key: &str) -> usize {
        if let Some(e) = self.full_name(key) {
            self.entities[e].count += 1;
            return e;
        }
        let key = self.strings.copy(key);
        self.new_entity(text, words, key)
    }

    /// A new entity for these name words, whose key is `key`.
    fn new_entity(&mut self, text: &str, words: &[Span], key: String) -> usize {
        let mut name = self.strings.take();
        names::display_into(text, words, &mut name);
        // A one-word name has no surname or first name to index, and no
        // last word that names its kind.
        let (mut first_key, mut last_key) = (self.strings.take(), self.strings.take());
        if words.len() > 1 {
            names::push_words_key(text, &words[..1], &mut first_key);
            names::push_words_key(text, &words[words.len() - 1..], &mut last_key);
        }
        // (Each test below asks first what fails soonest on most names:
        // a small letter, a mixed-case word.)
        let all_caps_single = words.len() == 1
            && !name.chars().any(char::is_lowercase)
            && name.chars().filter(|c| c.is_alphabetic()).count() > 1;
        // One lookup answers for the last word's kind.
        let last = (words.len() > 1).then(|| lexicon::word(&last_key));
        // `Halden Bank`, `Business Council`: the last word names the kind.
        let org_word = last.is_some_and(|l| l.is_org_noun());
        // `BBC Radio Wales`, `NBC News`: an acronym among mixed-case words.
        let acronym = |w: &&Span| {
            let w = w.of(text);
            w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && w.chars().count() >= 2
        };
        let org_word =
            org_word || (words.iter().any(|w| acronym(&w)) && !words.iter().all(|w| acronym(&w)));
        // `Hugh Hill`, `Tom Banks`: a first name makes a person, whatever
        // word ends the name.
        let first_name = lexicon::first_name_gender(words[0].of(text));
        let org_word = org_word && first_name.is_none();
        let place = first_name.is_none() && last.is_some_and(|l| l.is_place_noun());
        let ty = if all_caps_single || org_word {
            EntityType::Organization
        } else if place {
            EntityType::Place
        } else {
            EntityType::Person
        };
        let e = self.entities.len();
        // Most names are written as shown: a record borrows them there.
        let whole = Span::new(words[0].start, words[words.len() - 1].end);
        let written = (whole.of(text) == name).then_some(whole);
        self.entities.push(Entity {
            name,
            written,
            ty,
            actor: None,
            gender: if matches!(ty, EntityType::Organization | EntityType::Place) {
                Gender::Neuter
            } else {
                // The usual gender of the first name, until the article says more.
                first_name.unwrap_or(Gender::Unknown)
            },
            roles: Vec::new(),
            count: 1,
            unnamed: false,
            words: words.len(),
        });
        self.known_as(key, |k| k.full = Some(e));
        if words.len() > 1 {
            self.index_aliases(e, first_key, last_key);
        } else {
            self.strings.give(first_key);
            self.strings.give(last_key);
        }
        e
    }

    /// The known entity these name words refer to: the full name itself, or
    /// the most-named full name with this word as surname or first name.
    pub fn lookup(&self, text: &str, words: &[Span]) -> Option<usize> {
        self.lookup_with(text, words, Gender::Unknown)
    }

    /// As `lookup`, skipping people of another gender than `gender` (`Mr
    /// Hughes` is not Carys Hughes when her father Gareth is in the article).
    pub fn lookup_with(&self, text: &str, words: &[Span], gender: Gender) -> Option<usize> {
        if words.len() > 1 {
            // The full name, or `Forever Ola Pim`: the longest known suffix.
            return (0..words.len()).find_map(|s| self.lookup_exact(text, &words[s..]));
        }
        names::with_key(text, words, |key| {
            self.lookup_word(text, words, key, gender)
        })
    }

    /// `lookup_with` for a one-word name whose key is `key`.
    fn lookup_word(&self, text: &str, words: &[Span], key: &str, gender: Gender) -> Option<usize> {
        let known = self.known.get(key);
        if let Some(e) = known.and_then(|k| k.full) {
            return Some(e);
        }
        // `ML:` in a transcript after `MARIA LOPEZ:`: initials of a full name.
        // Its display form is the word, or the word and a stop: the word
        // alone decides whether the form needs building.
        let capitals =
            |w: &str| (2..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
        let name = if capitals(words[0].of(text)) {
            names::display(text, words)
        } else {
            String::new()
        };
        let initials = capitals(&name);
        if initials && let Some(&e) = self.by_initials.get(&name) {
            return Some(e);
        }
        let fits = |e: &Entity| {
            gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender
        };
        let surname = known
            .into_iter()
            .flat_map(|k| k.surname_of.iter())
            .map(|e| (true, e));
        let first = known
            .into_iter()
            .flat_map(|k| k.first_name_of.iter())
            .map(|e| (false, e));
        surname
            .chain(first)
            .filter(|&(_, e)| fits(&self.entities[e]))
            .max_by_key(|&(is_surname, e)| {
                // A namesake known to be of the wanted gender first.
                let exact = gender != Gender::Unknown && self.entities[e].gender == gender;
                (
                    exact,
                    is_surname,
                    self.entities[e].count,
                    std::cmp::Reverse(e),
                )
            })
            .map(|(_, e)| e)
    }

    /// Index a new multi-word entity under its surname, first name and initials.
    fn index_aliases(&mut self, e: usize, first_key: String, last_key: String) {
        let mut initials = self.strings.take();
        initials.extend(
            self.entities[e]
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next()),
        );
        self.known_as(last_key, |k| k.surname_of.add(e));
        self.known_as(first_key, |k| k.first_name_of.add(e));
        // Initials name the first entity that has them.
        self.by_initials.entry(initials).or_insert(e);
    }

    /// Tell the map what `key` stands for (`tell` changes its entry, made
    /// if new). (Most keys are new: one hash for them is worth more than
    /// keeping the string of a key the map has, which the entry drops.)
    fn known_as(&mut self, key: String, tell: impl FnOnce(&mut Known)) {
        tell(self.known.entry(key).or_default());
    }

    fn lookup_exact(&self, text: &str, words: &[Span]) -> Option<usize> {
        names::with_key(text, words, |key| self.full_name(key))
    }

    /// The entity whose full name has this key.
    fn full_name(&self, key: &str) -> Option<usize> {
        self.known.get(key).and_then(|k| k.full)
    }

    /// The entity for a name in a cue: known, or new if the cue proves it
    /// speaks. A surname the article gives no fuller form of keeps its
    /// honorific: `Mr. Cornwallaby`.
    pub fn resolve_name(
        &mut self,
        text: &str,
        words: &[Span],
        honorific: Option<Span>,
    ) -> Option<usize> {
        let gender = honorific
            .and_then(|h| lexicon::honorific(h.of(text)))
            .unwrap_or(Gender::Unknown);
        if let Some(e) = self.lookup_with(text, words, gender) {
            return Some(e);
        }
        match honorific {
            // A courtesy title stays with a bare surname (`Mr. Cornwallaby`);
            // a job title does not (`Chairwoman Rosenworcel` is `Rosenworcel`).
            Some(h) if words.len() == 1 && lexicon::is_courtesy_title(h.of(text)) => {
                Some(self.entity_for(text, &[h, words[0]]))
            }
            _ => Some(self.entity_for(text, words)),
        }
    }

    /// A new somebody the article does not name, of `gender`.
    fn unnamed(&mut self, gender: Gender) -> usize {
        self.entities.push(Entity {
            name: String::new(),
            written: None,
            ty: EntityType::Person,
            actor: None,
            gender,
            roles: Vec::new(),
            count: 0,
            unnamed: true,
            words: 0,
        });
        self.entities.len() - 1
    }

    /// `A neighbour, who asked not to be named, …`, `One resident said …`:
    /// an indefinite noun phrase opening a clause, with a person noun for
    /// its head. Returns the head's gender. (Asked only where
    /// `opens_clause` holds: its own test of an opening must stay narrower.)
    fn unnamed_subject(&self, text: &str, toks: &[Tok], i: usize) -> Option<Gender> {
        let tok = toks[i];
        let opens = i == 0 || toks[i - 1].sent != tok.sent || {
            let prev = toks[i - 1].span.of(text);
            toks[i - 1].kind == TokKind::Punct && matches!(prev, "," | ";" | ":" | "(" | "—" | "–")
        };
        // Asked of every word: compare without lowercasing into a new string
        // (no other letter lowercases to these ASCII ones).
        let det = tok.span.of(text);
        if !opens
            || !UNNAMED_DETERMINERS
                .iter()
                .any(|d| det.eq_ignore_ascii_case(d))
        {
            return None;
        }
        // `said Piers Akande, an analyst at …`: an apposition to a name.
        if self.named_before_comma(text, toks, i).is_some() {
            return None;
        }
        let head = (i + 1..(i + 5).min(toks.len())).find(|&k| {
            toks[k].kind == TokKind::Word && lexicon::person_noun(toks[k].span.of(text)).is_some()
        })?;
        let lower_between = (i + 1..head).all(|k| {
            toks[k].kind == TokKind::Word
                && toks[k]
                    .span
                    .of(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_numeric())
        });
        let after = toks.get(head + 1)?;
        let continues = after.span.of(text) == ","
            || (after.kind == TokKind::Word
                && after
                    .span
                    .of(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase));
        (lower_between && continues)
            .then(|| lexicon::person_noun(toks[head].span.of(text)).unwrap_or(Gender::Unknown))
    }

    /// An organization named by a name and an org noun: `Richmond police`.
    pub fn organization(&mut self, name: &str) -> usize {
        let key = names::key(name);
        if let Some(e) = self.full_name(&key) {
            return e;
        }
        let e = self.entities.len();
        let words = name.split_whitespace().count();
        self.entities.push(Entity {
            name: self.strings.copy(name),
            written: None,
            ty: EntityType::Organization,
            actor: None,
            gender: Gender::Neuter,
            roles: Vec::new(),
            count: 1,
            unnamed: false,
            words,
        });
        self.known_as(key, |k| k.full = Some(e));
        if words > 1 {
            let first = name.split_whitespace().next().unwrap_or(name);
            let last = name.split_whitespace().last().unwrap_or(name);
            self.index_aliases(e, names::key(first), names::key(last));
        }
        e
    }

    /// Give this table's vectors and maps, emptied, to the next document's.
    pub fn recycle(mut self) -> Buffers {
        for entity in self.entities.drain(..) {
            self.strings.give(entity.name);
            self.strings.give_all(entity.roles);
        }
        self.strings
            .give_all(self.known.drain().map(|(key, _)| key));
        self.strings
            .give_all(self.by_initials.drain().map(|(initials, _)| initials));
        self.strings
            .give_all(self.by_role.drain().map(|(role, _)| role));
        self.run_entity.clear();
        self.aside.clear();
        self.subjects.clear();
        self.speakers.clear();
        self.mentions.clear();
        Buffers {
            entities: self.entities,
            known: self.known,
            by_initials: self.by_initials,
            runs: self.runs,
            run_entity: self.run_entity,
            aside: self.aside,
            subjects: self.subjects,
            speakers: self.speakers,
            mentions: self.mentions,
            by_role: self.by_role,
            strings: self.strings,
        }
    }

    /// The person the article names most (first named on a tie): whom an
    /// interview's `A:` answers for.
    pub fn main_person(&self) -> Option<usize> {
        self.main_person
    }

    fn find_main_person(&self) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.ty == EntityType::Person && e.words > 1)
            .max_by_key(|&(i, e)| (e.count, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    }

    /// The person the article gave role `noun` (`her grandad, Reg Pomfrey`
    /// makes `Grandad` Reg Pomfrey), if exactly one has it.
    pub fn entity_with_role(&self, noun: &str) -> Option<usize> {
        let lower = noun.to_lowercase();
        self.by_role.get(kin(&lower)).copied().flatten()
    }

    /// The name run starting at token `i`, if any.
    pub fn run_at(&self, i: usize) -> Option<&NameRun> {
        self.runs
            .binary_search_by_key(&i, |r| r.toks.start)
            .ok()
            .map(|ri| &self.runs[ri])
    }

    /// The name run ending (exclusive) at token `end`, if any.
    pub fn run_ending(&self, end: usize) -> Option<&NameRun> {
        let ri = self.runs.partition_point(|r| r.toks.end < end);
        self.runs.get(ri).filter(|r| r.toks.end == end)
    }

    /// Record that `entity` spoke at token `tok`.
    pub fn spoke(&mut self, tok: usize, para: usize, entity: usize) {
        if self.speakers.last().is_none_or(|s| s.tok <= tok) {
            self.speakers.push(Event {
                tok,
                para,
                entity,
                named: true,
            });
        }
    }

    /// The person a pronoun at token `tok` refers to. `not`: someone it
    /// cannot be (`Marr, she said,` — she is not Marr).
    pub fn resolve_pronoun(
        &mut self,
        tok: usize,
        para: usize,
        word: &str,
        not: Option<usize>,
    ) -> Option<usize> {
        self.resolve_pronoun_with(tok, para, word, true, not)
    }

    /// `nearby`: fall back to anyone named nearby when no subject or speaker
    /// fits (at attribution time; the subject pass itself stays strict).
    fn resolve_pronoun_with(
        &mut self,
        tok: usize,
        para: usize,
        word: &str,
        nearby: bool,
        not: Option<usize>,
    ) -> Option<usize> {
        let p = lexicon::pronoun(word)?;
        if p.first_or_second_person {
            return None;
        }
        if p.gender == Gender::Neuter {
            return if nearby {
                self.resolve_organization(tok, para)
            } else {
                None
            };
        }
        let entities = &self.entities;
        let fits = |e: &Entity| -> bool {
            // `fits` sees entities, not indices: compare by address.
            not.is_none_or(|n| !std::ptr::eq(e, &entities[n]))
                && e.is_person_like()
                && p.number == Number::Singular
                && (e.gender == Gender::Unknown || e.gender == p.gender)
        };
        // The latest subject or speaker; but when that is from an earlier
        // paragraph, a person named in the pronoun's own paragraph is nearer
        // (`One of them, Priya, … ¶ The club was started by librarian Colin
        // Ashworth. “…,” he admits.`); failing both, anyone named nearby.
        let subject = self.recent_event(tok, para, |e| fits(e));
        let here = nearby
            .then(|| self.recent_mention_event(tok, para, |e| fits(e)))
            .flatten()
            .filter(|m| m.para == para && subject.is_none_or(|s| s.para != para));
        let e = here.or(subject).map(|ev| ev.entity).or_else(|| {
            nearby
                .then(|| self.recent_mention(tok, para, |e| fits(e)))
                .flatten()
        })?;
        // No gender is learnt from a resolution: one wrong guess would steer
        // every later pronoun. Gender comes from evidence (`infer_gender`).
        Some(e)
    }

    /// The organization `it` or `the firm` refers to: the latest one named;
    /// failing that, the latest name nothing marks as a person (no gender,
    /// no role, no cast note: `Beacon One says …`), which is then taken for
    /// an organization.
    pub fn resolve_organization(&mut self, tok: usize, para: usize) -> Option<usize> {
        let is_org = |e: &Entity| e.ty == EntityType::Organization;
        if let Some(e) = self
            .recent(tok, para, is_org)
            .or_else(|| self.recent_mention(tok, para, is_org))
        {
            return Some(e);
        }
        let unmarked = |e: &Entity| {
            !e.unnamed
                && e.ty == EntityType::Person
                && e.gender == Gender::Unknown
                && e.roles.is_empty()
                && e.actor.is_none()
        };
        let e = self.recent_mention(tok, para, unmarked)?;
        self.entities[e].ty = EntityType::Organization;
        self.entities[e].gender = Gender::Neuter;
        Some(e)
    }

    /// The person a definite description (`the actor`, `the company`) refers to.
    pub fn resolve_description(&mut self, tok: usize, para: usize, head: &str) -> Option<usize> {
        let head = head.to_lowercase();
        if lexicon::is_org_noun(&head) && lexicon::person_noun(&head).is_none() {
            return self.resolve_organization(tok, para);
        }
        let gender = lexicon::person_noun(&head)
            .or_else(|| crate::sieves::grammar::is_age(&head).then_some(Gender::Unknown))?;
        // Someone the article gave this role to (`actor Ola Pim`): the latest
        // such before the description, among the last `ROLE_LOOKBACK`
        // subjects and speakers, so that many descriptions in one text do not
        // each scan all of it.
        let singular = head.trim_end_matches('s');
        let has_role = |ev: &&Event| {
            ev.tok < tok
                && self.entities[ev.entity]
                    .roles
                    .iter()
                    .any(|r| r.trim_end_matches('s') == singular)
        };
        let si = self.subjects.partition_point(|e| e.tok < tok);
        let pi = self.speakers.partition_point(|e| e.tok < tok);
        let with_role = self.subjects[..si]
            .iter()
            .rev()
            .take(ROLE_LOOKBACK)
            .chain(self.speakers[..pi].iter().rev().take(ROLE_LOOKBACK))
            .filter(has_role)
            .max_by_key(|ev| ev.tok);
        if let Some(ev) = with_role {
            return Some(ev.entity);
        }
        self.recent(tok, para, |e| {
            e.is_person_like()
                && (gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender)
        })
    }

    /// The most recent mention of anyone before `tok` that `fits`.
    fn recent_mention(
        &self,
        tok: usize,
        para: usize,
        fits: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        self.recent_mention_event(tok, para, fits)
            .map(|ev| ev.entity)
    }

    fn recent_mention_event(
        &self,
        tok: usize,
        para: usize,
        fits: impl Fn(&Entity) -> bool,
    ) -> Option<Event> {
        let mi = self.mentions.partition_point(|e| e.tok < tok);
        self.mentions[..mi]
            .iter()
            .rev()
            .take(WINDOW_EVENTS)
            .take_while(|ev| para.saturating_sub(ev.para) <= WINDOW_PARAS)
            .find(|ev| fits(&self.entities[ev.entity]))
            .copied()
    }

    /// The most recent subject or speaker before `tok` that `fits`.
    fn recent(&self, tok: usize, para: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.recent_event(tok, para, fits).map(|ev| ev.entity)
    }

    fn recent_event(
        &self,
        tok: usize,
        para: usize,
        fits: impl Fn(&Entity) -> bool,
    ) -> Option<Event> {
        let si = self.subjects.partition_point(|e| e.tok < tok);
        let pi = self.speakers.partition_point(|e| e.tok < tok);
        let mut subjects = self.subjects[..si].iter().rev().peekable();
        let mut speakers = self.speakers[..pi].iter().rev().peekable();
        for _ in 0..WINDOW_EVENTS {
            let ev = match (subjects.peek(), speakers.peek()) {
                (Some(a), Some(b)) if a.tok >= b.tok => subjects.next(),
                (Some(_), Some(_)) | (None, Some(_)) => speakers.next(),
                (Some(_), None) => subjects.next(),
                (None, None) => None,
            }?;
            if para.saturating_sub(ev.para) > WINDOW_PARAS {
                return None;
            }
            if fits(&self.entities[ev.entity]) {
                return Some(*ev);
            }
        }
        None
    }

    /// Entities named as subjects between tokens `from` and `to` (a `he`
    /// there names nobody new: which person it was is the question).
    pub fn subjects_between(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.subjects.partition_point(|e| e.tok < from);
        let hi = self.subjects.partition_point(|e| e.tok < to);
        self.subjects[lo..hi]
            .iter()
            .filter(|e| e.named)
            .map(|e| e.entity)
    }

    /// The most recent subject in paragraph `para` before token `tok`.
    pub fn subject_before(&self, tok: usize, para: usize) -> Option<(usize, usize)> {
        let hi = self.subjects.partition_point(|e| e.tok < tok);
        self.subjects[..hi]
            .iter()
            .rev()
            .take(WINDOW_EVENTS)
            .take_while(|e| e.para == para)
            .find(|e| self.entities[e.entity].is_person_like())
            .map(|e| (e.tok, e.entity))
    }

    /// The subject of the sentence holding token `tok`, at or before it.
    pub fn sentence_subject(&self, toks: &[Tok], tok: usize) -> Option<usize> {
        let sent = toks.get(tok)?.sent;
        let si = self.subjects.partition_point(|e| e.tok <= tok);
        self.subjects[..si]
            .iter()
            .rev()
            .take_while(|e| toks[e.tok].sent == sent)
            .last()
            .map(|e| e.entity)
    }

    /// The last subject in paragraph `para` that is a person.
    pub fn paragraph_subject(&self, toks: &[Tok], para: usize) -> Option<usize> {
        let _ = toks;
        let end = self.subjects.partition_point(|e| e.para <= para);
        self.subjects[..end]
            .iter()
            .rev()
            .take(WINDOW_EVENTS)
            .take_while(|e| e.para == para)
            .find(|e| self.entities[e.entity].is_person_like())
            .map(|e| e.entity)
    }
}

/// The words of an apposition after a name ending before token `after`:
/// `Ola Pim, an economist at …` gives `economist`, `at`, … (at most four,
/// up to punctuation); nothing without `, a/an/the`.
fn apposition_nouns<'t>(
    text: &'t str,
    toks: &'t [Tok],
    after: usize,
) -> impl Iterator<Item = &'t str> + 't {
    let opens = toks.get(after).is_some_and(|t| t.span.of(text) == ",")
        && toks
            .get(after + 1)
            .is_some_and(|t| matches!(t.span.of(text), "a" | "an" | "the"));
    toks.iter()
        .skip(after + 2)
        .take(if opens { 4 } else { 0 })
        .take_while(|t| t.kind == TokKind::Word)
        .map(|t| t.span.of(text))
}

/// `Jayden, 10,`: the age in apposition after a name ending before `after`.
fn age_apposition<'t>(text: &'t str, toks: &[Tok], after: usize) -> Option<&'t str> {
    let n = toks.get(after + 1)?.span.of(text);
    (toks.get(after).is_some_and(|t| t.span.of(text) == ",")
        && n.len() <= 3
        && n.bytes().all(|b| b.is_ascii_digit())
        && toks.get(after + 2).is_some_and(|t| t.span.of(text) == ","))
    .then_some(n)
}

/// Whether `word` names a family relation (`Nan`, `Dad`), in any case.
pub fn is_kin_word(word: &str) -> bool {
    lexicon::kin_relation(&word.to_lowercase()).is_some()
}

/// One word for each family relation: `dad` is a `father`. Exact case, as
/// `lexicon::kin_relation`: a role written `Dad` stays `Dad`.
fn kin(word: &str) -> &str {
    lexicon::kin_relation(word).unwrap_or(word)
}

fn after_preposition(text: &str, toks: &[Tok], first: usize) -> bool {
    first > 0 && toks[first - 1].sent == toks[first].sent && {
        let prev = toks[first - 1];
        prev.kind != TokKind::Word || lexicon::is_governing_preposition(prev.span.of(text))
    }
}

/// The token after a bracketed aside at `end` (`Ines Varga (Petra
/// Holloway) stands`), or `end` itself when none stands there.
fn past_aside(text: &str, toks: &[Tok], end: usize) -> usize {
    const MAX_ASIDE: usize = 8;
    if toks.get(end).is_some_and(|t| t.span.of(text) == "(")
        && let Some(close) =
            (end + 1..(end + MAX_ASIDE).min(toks.len())).find(|&k| toks[k].span.of(text) == ")")
    {
        return close + 1;
    }
    end
}

fn followed_by_lower(text: &str, toks: &[Tok], end: usize) -> bool {
    let end = past_aside(text, toks, end);
    toks.get(end).is_some_and(|t| {
        let w = t.span.of(text);
        t.kind == TokKind::Word
            && w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(w, "and" | "or" | "nor")
    })
}

/// A mention from token `first` to `end` stands where a clause's subject
/// stands: it opens a clause (`opens_clause`), and a lower-case word or a
/// comma follows it.
fn is_subject_position(text: &str, toks: &[Tok], first: usize, end: usize) -> bool {
    opens_clause(text, toks, first) && {
        let end = past_aside(text, toks, end);
        toks.get(end).is_some_and(|t| {
            let w = t.span.of(text);
            (t.kind == TokKind::Word
                && w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(w, "and" | "or" | "nor"))
                || (t.kind == TokKind::Punct && w == ",")
        })
    }
}

/// What opens an unnamed subject: `A neighbour`, `One resident`.
const UNNAMED_DETERMINERS: [&str; 4] = ["a", "an", "one", "another"];
/// What opens a description subject: `The actor`.
const DESCRIPTION_DETERMINER: &str = "the";

/// The words that may begin a subject `find_subjects` looks for, by their
/// shape: `he`, `she’s`, `it`, `a`, `one`, `the`.
static SUBJECT_OPENERS: LazyLock<lexicon::Shapes> = LazyLock::new(|| {
    lexicon::Shapes::of_pronouns(lexicon::Pronoun::is_third_person_singular_subject).with_words(
        UNNAMED_DETERMINERS
            .into_iter()
            .chain([DESCRIPTION_DETERMINER]),
    )
});

/// Token `first` opens a clause: it opens the sentence or follows `,` `;`
/// `:` `(`, a dash, a quotation mark or a sentence-opening `But`/`And`/`So`.
fn opens_clause(text: &str, toks: &[Tok], first: usize) -> bool {
    let Some(tok) = toks.get(first) else {
        return false;
    };
    first == 0 || toks[first - 1].sent != tok.sent || {
        let prev = toks[first - 1];
        match prev.kind {
            TokKind::Punct => matches!(prev.span.of(text), "," | ";" | ":" | "(" | "—" | "–"),
            TokKind::Word => {
                matches!(
                    prev.span.of(text),
                    "But" | "And" | "So" | "Then" | "Yet" | "Now" | "Still"
                ) && (first < 2 || toks[first - 2].sent != tok.sent)
            }
            TokKind::Quote(_) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Gender;
    use crate::span::Span;
    use crate::testing::{assert_speaker, record};

    #[test]
    fn a_table_built_in_recycled_buffers_knows_only_its_own_document() {
        let build = |text: &str, buffers| {
            let paras = crate::text::paragraphs(text);
            let tokens = crate::text::tokens::tokenize(text, &paras, &[], 0);
            super::People::build_reusing(text, &tokens.toks, buffers)
        };
        let first = "Ola Pim, an economist, met Ivo Marr. Pim said so.";
        let people = build(first, super::Buffers::default());
        assert!(people.entities.iter().any(|e| e.name == "Ola Pim"));
        assert_eq!(people.entity_with_role("economist"), Some(0));
        let second = "Pim said it rained. Marr agreed. OP said so.";
        let people = build(second, people.recycle());
        // Names, keys, initials and roles are written into the first
        // table's strings: none of its text is left in them.
        let names: Vec<&str> = people.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Pim", "Marr", "OP"]);
        assert_eq!(people.entity_with_role("economist"), None);
        assert!(people.entities.iter().all(|e| e.roles.is_empty()));
        let alone = build(second, super::Buffers::default());
        assert_eq!(people.run_entity, alone.run_entity);
        assert_eq!(people.runs, alone.runs);
    }

    #[test]
    fn a_role_two_people_have_names_nobody() {
        let build = |text: &str| {
            let paras = crate::text::paragraphs(text);
            let tokens = crate::text::tokens::tokenize(text, &paras, &[], 0);
            super::People::build(text, &tokens.toks)
        };
        let one = build("Her father, Reg Pomfrey, met the coach, Ivo Marr.");
        assert_eq!(one.entity_with_role("Dad"), Some(0));
        // `dad` and `father` are one role.
        let two = build("Her father, Reg Pomfrey, met his dad, Ivo Marr.");
        assert_eq!(two.entities[1].roles, ["dad"]);
        assert_eq!(two.entity_with_role("Dad"), None);
        assert_eq!(two.entity_with_role("father"), None);
    }

    #[test]
    fn one_word_names_answer_by_word_and_gender_asked() {
        let text =
            "Tia Lamb and Gareth Lamb came. Tia Lamb ran. Lamb won. Mr Lamb cheered. Lamb smiled.";
        let paras = crate::text::paragraphs(text);
        let tokens = crate::text::tokens::tokenize(text, &paras, &[], 0);
        let people = super::People::build(text, &tokens.toks);
        let named: Vec<(&str, &str)> = people
            .runs
            .iter()
            .zip(&people.run_entity)
            .map(|(r, e)| {
                (
                    r.span.of(text),
                    e.map_or("", |e| people.entities[e].name.as_str()),
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                ("Tia Lamb", "Tia Lamb"),
                ("Gareth Lamb", "Gareth Lamb"),
                ("Tia Lamb", "Tia Lamb"),
                ("Lamb", "Tia Lamb"),
                ("Lamb", "Gareth Lamb"),
                ("Lamb", "Tia Lamb"),
            ]
        );
        let ask = |w: &str, g| {
            let words = [Span::new(0, w.len())];
            super::OneWordAnswers::question(w, &words, g)
        };
        assert!(
            ask("ML", Gender::Unknown).is_none(),
            "initials depend on context"
        );
        assert!(ask("Featherstonehaughs", Gender::Unknown).is_none());
        assert_ne!(ask("Lamb", Gender::Male), ask("Lamb", Gender::Unknown));
    }

    #[test]
    fn subject_openers_admit_the_determiners_in_any_case_and_not_most_words() {
        for w in ["a", "An", "ONE", "another", "The", "he", "She’s", "it's"] {
            assert!(super::SUBJECT_OPENERS.admits(w.as_bytes()), "{w}");
        }
        for w in ["was", "said", "and", "of", "Connor", ""] {
            assert!(!super::SUBJECT_OPENERS.admits(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn aliases_keep_creation_order_up_to_one_past_the_limit() {
        let mut aliases = super::Aliases::default();
        for e in 0..20 {
            aliases.add(e * 3);
        }
        let kept: Vec<usize> = aliases.iter().collect();
        let expected: Vec<usize> = (0..=super::MAX_SHARED_ALIAS).map(|e| e * 3).collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn resolves_the_firm_and_it_to_the_organization() {
        let text = "Acme, a software firm, lost money. “Sales fell,” the firm said in a statement. “We will recover,” it added.";
        assert_speaker(text, "Sales fell,", Some("Acme"), "trailing_cue");
        assert_speaker(text, "We will recover,", Some("Acme"), "trailing_cue");
    }

    #[test]
    fn resolves_an_age_to_the_person_of_that_age() {
        let text = "Ola Pim, 24, won the race. Ivo Marr came second. “I trained hard,” the 24-year-old said.";
        assert_speaker(text, "I trained hard,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn resolves_a_role_skipping_people_only_mentioned_nearby() {
        let text =
            "Actor Ola Pim met director Ivo Marr. Marr left early. “It was fun,” the actor said.";
        assert_speaker(text, "It was fun,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn pronoun_skips_a_person_of_the_other_gender() {
        let text = "Mr Ivo Marr and Ola Pim met. Ola Pim said she liked him. Marr left. “It was fun,” she says.";
        assert_speaker(text, "It was fun,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn first_name_tells_gender_when_the_article_has_not() {
        let text =
            "Margaret Dunne met Colin Ashworth. Ashworth left early. “It was fine,” she says.";
        assert_speaker(text, "It was fine,", Some("Margaret Dunne"), "trailing_cue");
    }

    #[test]
    fn pronoun_takes_up_a_name_that_was_no_subject() {
        let text =
            "The club was started by librarian Ivo Marr. “I am ahead of the kids,” he admits.";
        assert_speaker(
            text,
            "I am ahead of the kids,",
            Some("Ivo Marr"),
            "trailing_cue",
        );
    }

    #[test]
    fn pronoun_skips_a_name_governed_by_a_preposition() {
        let text =
            "Ivo Marr spoke. Speaking to Radio North, he added more.\n\n“It was fine,” he said.";
        assert_speaker(text, "It was fine,", Some("Ivo Marr"), "trailing_cue");
    }

    #[test]
    fn the_broadcaster_is_the_name_nothing_marks_as_a_person() {
        let text =
            "Beacon One says the show is its biggest.\n\n“We are thrilled,” the broadcaster said.";
        let r = crate::testing::find(text, "We are thrilled,").expect("record");
        let s = r.speaker.expect("speaker");
        assert_eq!(
            (&*s.name, s.kind),
            ("Beacon One", super::EntityType::Organization)
        );
    }

    #[test]
    fn a_name_with_an_acronym_is_an_organization() {
        let text = "BBC Radio North aired it. “We loved it,” BBC Radio North said.";
        let r = crate::testing::find(text, "We loved it,").expect("record");
        assert_eq!(
            r.speaker.expect("speaker").kind,
            super::EntityType::Organization
        );
    }

    #[test]
    fn an_honorific_picks_among_namesakes() {
        let text = "Tia Lamb of Team Vale won. “I did not plan it,” Lamb said. Her father, Gareth Lamb, watched. “I was shouting,” said Mr Lamb.";
        assert_speaker(text, "I was shouting,", Some("Gareth Lamb"), "trailing_cue");
        assert_speaker(text, "I did not plan it,", Some("Tia Lamb"), "trailing_cue");
    }

    #[test]
    fn a_description_opening_a_sentence_tells_the_subjects_role() {
        let text = "Tia Lamb of Team Vale won.\n\nThe 24-year-old crossed the line ahead of Ana Ruiz.\n\n“Sorry, Ana,” the 24-year-old joked.";
        assert_speaker(text, "Sorry, Ana,", Some("Tia Lamb"), "trailing_cue");
    }

    #[test]
    fn a_name_in_the_pronouns_paragraph_beats_an_older_subject() {
        let text = "One of them, Tia, is already on her fourth game.\n\nThe club was started by librarian Ivo Marr. “I am ahead of the kids,” he admits.";
        assert_speaker(
            text,
            "I am ahead of the kids,",
            Some("Ivo Marr"),
            "trailing_cue",
        );
    }

    #[test]
    fn the_paragraphs_own_subject_beats_a_person_it_talks_about() {
        let text = "Tia Lamb’s dream was to be a lollipop lady. Her hero was Ana, the woman who walked her home. ‘She was my favourite,’ she tells me.";
        assert_speaker(
            text,
            "She was my favourite,",
            Some("Tia Lamb"),
            "trailing_cue",
        );
    }

    #[test]
    fn an_age_in_apposition_marks_a_person() {
        let text = "Ola Pim spoke.\n\nJayden, 10, prefers sharks. His game is fun. “It's realistic,” he insists.";
        assert_speaker(text, "It's realistic,", Some("Jayden"), "trailing_cue");
    }

    #[test]
    fn a_bare_surname_keeps_a_courtesy_title_but_no_job_title() {
        assert_speaker(
            "\"Hello,\" said Mr. Quillby.",
            "Hello,",
            Some("Mr. Quillby"),
            "trailing_cue",
        );
        assert_speaker(
            "\"Hello,\" said Chairwoman Quillby.",
            "Hello,",
            Some("Quillby"),
            "trailing_cue",
        );
    }

    #[test]
    fn a_listed_first_name_as_a_subject_is_a_person() {
        let text = "It was a fine day, but the wise little Alice was not going in. 'No, I'll look first,' she said.";
        assert_speaker(text, "No, I'll look first,", Some("Alice"), "trailing_cue");
    }

    #[test]
    fn a_pronoun_after_an_unnamed_subject_is_nobody() {
        let text = "Ola Pim lives here.\n\nA neighbour, who asked not to be named, saw it. “It was loud,” she said.";
        assert_speaker(text, "It was loud,", None, "trailing_cue");
    }

    #[test]
    fn a_spokesperson_for_a_firm_is_nobody_named() {
        let text =
            "Terra Foods sold it. A spokesperson for Terra Foods said the firm “tests everything”.";
        assert_speaker(text, "tests everything", None, "leading_cue");
    }

    #[test]
    fn a_name_before_a_role_noun_is_no_speaker() {
        let text = "Rovers manager Ivo Marr smiled. “He is hungry,” said the Rovers manager.";
        assert_speaker(text, "He is hungry,", Some("Ivo Marr"), "trailing_cue");
    }

    #[test]
    fn an_employer_in_an_apposition_is_no_speaker() {
        let text = "Ana Ruiz, a principal analyst at Brightline Research, said the price was “aggressive”.";
        assert_speaker(text, "aggressive", Some("Ana Ruiz"), "sentence_subject");
    }

    #[test]
    fn a_description_subject_is_whoever_has_that_role() {
        let text = "Actor Ola Pim left.\n\nIvo Marr spoke.\n\nThe actor smiled. “We are done,” the actor said.";
        assert_speaker(text, "We are done,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn initials_label_is_the_full_name() {
        let text = "INTERVIEWER: How was it?\n\nMARIA LOPEZ: I loved it.\n\nINTERVIEWER: Why?\n\nML: Because it was fun.";
        assert_speaker(
            text,
            "Because it was fun.",
            Some("Maria Lopez"),
            "transcript_label",
        );
    }

    #[test]
    fn first_name_and_surname_resolve_to_the_full_name() {
        let text = "Ola Pim won. “It was hard,” Ola says. “And long,” Pim adds.";
        assert_speaker(text, "It was hard,", Some("Ola Pim"), "trailing_cue");
        assert_speaker(text, "And long,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn accented_and_plain_spellings_are_one_person() {
        let text = "Stéphane Roux arrived. “Hello,” Stephane says.";
        assert_speaker(text, "Hello,", Some("Stéphane Roux"), "trailing_cue");
    }

    #[test]
    fn nobody_named_gets_no_speaker() {
        let text = "Ola Pim sang. “It was loud,” a crew member said. “Too loud,” fans wrote. “Fine,” an official said.";
        assert_speaker(text, "It was loud,", None, "trailing_cue");
        assert_speaker(text, "Too loud,", None, "trailing_cue");
        assert_speaker(text, "Fine,", None, "trailing_cue");
    }

    #[test]
    fn character_speaks_with_the_actor_who_plays_them() {
        let text = "Jo March (Ola Pim) sends a text. “Come home,” Jo says.";
        let r = crate::testing::find(text, "Come home,").expect("record");
        let s = r.speaker.expect("speaker");
        assert_eq!(
            (&*s.name, s.actor.as_deref()),
            ("Jo March", Some("Ola Pim"))
        );
        assert_eq!(
            record(text, "Come home,").rule.as_deref(),
            Some("trailing_cue")
        );
    }
}
