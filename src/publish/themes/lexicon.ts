/**
 * Builds the per-language word tables of the theme engine from the lexicon data files
 * (lexicon-de.ts, lexicon-en.ts), the Snowball/Porter stemmers of @orama/stemmers and the stop-word
 * lists of stopwords-iso.
 *
 * Concept lines read `concept: word word two_words =word !other …` or `concept/0.5: …`: every
 * word, whatever its inflection, is looked up as written and as its stem; `two_words` is a phrase of
 * consecutive words; `=word` counts only as written (its stem means something else: "=lange");
 * `!other` says that the concept `other`, negated, means this one ("keine Hektik" is calm); `/0.5`
 * weighs a broad concept (work, clients) less than the rest. A line `[field]` puts the concepts
 * below it into one field of related concepts, which link weakly; `[~heading]` only names a part.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import {
  boundPrefixesDe,
  compoundPartsDe,
  conceptsDe,
  extraStopWordsDe,
  keepWordsDe,
  negationDe,
  separableParticlesDe,
  unlinkedDe,
  verbFormsDe,
} from './lexicon-de.js';
import { conceptsEn, extraStopWordsEn, keepWordsEn, negationEn, verbFormsEn } from './lexicon-en.js';

export type ThemeLanguage = 'de' | 'en';

export interface Negation {
  clause: readonly string[];
  following: readonly string[];
  cancel: readonly string[];
  clauseEnd: readonly string[];
  /** The lists above as one lookup. */
  roleOf: ReadonlyMap<string, NegationRole>;
}

export type NegationRole = 'clause' | 'following' | 'cancel' | 'clauseEnd';

function withRoles(lists: Omit<Negation, 'roleOf'>): Negation {
  const roleOf = new Map<string, NegationRole>();
  for (const role of ['clause', 'following', 'cancel', 'clauseEnd'] as const) {
    for (const word of lists[role]) roleOf.set(word, role);
  }
  return { ...lists, roleOf };
}

export interface Lexicon {
  lang: ThemeLanguage;
  /** Stem of a lower-case word; memoised, the stemmers are the slow part. */
  stem(word: string): string;
  conceptOfWord: ReadonlyMap<string, string>;
  conceptOfStem: ReadonlyMap<string, string>;
  /** Weight of the concepts that do not weigh 1. */
  conceptWeight: ReadonlyMap<string, number>;
  /** The field of a concept ("pay" → "@money"), for concepts in a field. */
  fieldOf: ReadonlyMap<string, string>;
  /** What a negated concept means when the lexicon says so ("stress" → "calm"). */
  negatedTo: ReadonlyMap<string, string>;
  /** Infinitive of a strong or irregular verb form ("half" → "helfen", "taught" → "teach"). */
  infinitiveOf: ReadonlyMap<string, string>;
  /** Particles of separable verbs ("an" in "ruft … an"; German only). */
  particles: ReadonlySet<string>;
  /** Phrases by the stem of their first word: the stems that must follow (longest first) and the concept. */
  phrases: ReadonlyMap<string, readonly { rest: readonly string[]; concept: string }[]>;
  /** Whether a word may start a phrase, by its first three letters: most words need no stem to know. */
  mayStartPhrase(word: string): boolean;
  stopWords: ReadonlySet<string>;
  negation: Negation;
  /** Stems the compound splitter knows as parts (German only). */
  partStems: ReadonlySet<string>;
  boundPrefixes: ReadonlySet<string>;
  /** Words that never take a concept through their stem ("zählt" is not "zahlt"). */
  unlinked: ReadonlySet<string>;
  /** Concept of a lexicon stem with one letter deleted, for typos ("pünklich"); null if ambiguous. */
  conceptOfDeletion: ReadonlyMap<string, string | null>;
  /** Concept of a word as far as the lexicon alone decides it (null: none); filled by the resolver. */
  lexicalCache: Map<string, string | null>;
  /** Words or stems the data gives two different concepts; a test keeps this empty. */
  conflicts: readonly string[];
}

const words = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());

/** Deleting one letter from a word, the "symmetric delete" step of a one-edit typo match. */
export function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

/** The first three letters of a word as a number (no string is made), umlauts folded as the stemmers fold them. */
function startKey(word: string): number {
  let key = 0;
  for (let i = 0; i < 3; i++) key = key * 65536 + foldLetter(word.charCodeAt(i) || 0);
  return key;
}

const FOLDED: Record<number, number> = { 228: 97, 246: 111, 252: 117 };
function foldLetter(code: number): number {
  return FOLDED[code] ?? code;
}

const MIN_TYPO_STEM = 6;
/** The stem memo outlives a run (stems depend on the word alone); capped so a server's memory stays flat. */
const STEM_CACHE_LIMIT = 200_000;

function buildLexicon(lang: ThemeLanguage): Lexicon {
  const stemmer = lang === 'de' ? stemGerman : stemEnglish;
  const stems = new Map<string, string>();
  const stem = (word: string): string => {
    let result = stems.get(word);
    if (result === undefined) {
      result = stemmer(word);
      if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
      stems.set(word, result);
    }
    return result;
  };
  const conceptOfWord = new Map<string, string>();
  const conceptOfStem = new Map<string, string>();
  const phrases = new Map<string, { rest: string[]; concept: string }[]>();
  const phraseStarts = new Set<number>();
  const conceptWeight = new Map<string, number>();
  const fieldOf = new Map<string, string>();
  const negatedTo = new Map<string, string>();
  const conflicts: string[] = [];
  const claim = (map: Map<string, string>, key: string, concept: string): void => {
    const held = map.get(key);
    if (held === undefined) map.set(key, concept);
    else if (held !== concept) conflicts.push(`${key}: ${held} / ${concept}`);
  };
  let field: string | null = null;
  for (const line of (lang === 'de' ? conceptsDe : conceptsEn).split('\n')) {
    const section = /^\[(~?)([a-z][a-z -]*)\]$/.exec(line.trim());
    if (section) {
      field = section[1] ? null : `@${section[2]}`;
      continue;
    }
    const match = /^([a-z][a-z-]*)(?:\/([\d.]+))?:\s*(.+)$/.exec(line.trim());
    if (!match) continue;
    const concept = match[1]!;
    if (match[2]) conceptWeight.set(concept, Number(match[2]));
    if (field) fieldOf.set(concept, field);
    for (const word of words(match[3]!)) {
      if (word.startsWith('!')) {
        claim(negatedTo, word.slice(1), concept);
        continue;
      }
      if (word.startsWith('=')) {
        claim(conceptOfWord, word.slice(1), concept);
        continue;
      }
      // A hyphenated entry ("to-do", "e-mail") is a phrase: the tokenizer splits words at hyphens.
      if (word.includes('_') || word.includes('-')) {
        // Phrases match on stems, so that "frischer Luft" is "frische_Luft".
        const surface = word.split(/[_-]/)[0]!;
        phraseStarts.add(startKey(surface));
        phraseStarts.add(startKey(stem(surface)));
        const [first, ...rest] = word.split(/[_-]/).map(stem);
        const list = phrases.get(first!) ?? [];
        list.push({ rest, concept });
        list.sort((a, b) => b.rest.length - a.rest.length);
        phrases.set(first!, list);
        continue;
      }
      claim(conceptOfWord, word, concept);
      claim(conceptOfStem, stem(word), concept);
    }
  }
  const conceptOfDeletion = new Map<string, string | null>();
  for (const [lexStem, concept] of conceptOfStem) {
    if (lexStem.length < MIN_TYPO_STEM) continue;
    for (const variant of [lexStem, ...deletions(lexStem)]) {
      const held = conceptOfDeletion.get(variant);
      conceptOfDeletion.set(variant, held === undefined || held === concept ? concept : null);
    }
  }
  const keep = new Set(words(lang === 'de' ? keepWordsDe : keepWordsEn));
  const stopWords = new Set<string>();
  for (const word of [...stopwordsIso[lang], ...words(lang === 'de' ? extraStopWordsDe : extraStopWordsEn)]) {
    if (!keep.has(word) && !conceptOfWord.has(word)) stopWords.add(word);
  }
  const infinitiveOf = new Map<string, string>();
  for (const line of (lang === 'de' ? verbFormsDe : verbFormsEn).split('\n')) {
    const match = /^(\S+):\s*(.+)$/.exec(line.trim());
    if (!match) continue;
    for (const form of words(match[2]!)) claim(infinitiveOf, form, match[1]!);
  }
  const partStems = new Set<string>(lang === 'de' ? words(compoundPartsDe).map(stem) : []);
  for (const lexStem of conceptOfStem.keys()) partStems.add(lexStem);
  return {
    lang,
    stem,
    conceptOfWord,
    conceptOfStem,
    conceptWeight,
    fieldOf,
    negatedTo,
    infinitiveOf,
    particles: new Set(lang === 'de' ? words(separableParticlesDe) : []),
    phrases,
    mayStartPhrase: (word) => phraseStarts.has(startKey(word)),
    stopWords,
    negation: withRoles(lang === 'de' ? negationDe : negationEn),
    partStems,
    boundPrefixes: new Set(lang === 'de' ? words(boundPrefixesDe) : []),
    unlinked: new Set(lang === 'de' ? words(unlinkedDe) : []),
    conceptOfDeletion,
    lexicalCache: new Map(),
    conflicts,
  };
}

const built = new Map<ThemeLanguage, Lexicon>();

/** The lexicon of a language, built on first use. */
export function lexiconFor(lang: ThemeLanguage): Lexicon {
  if (lang !== 'de' && lang !== 'en')
    throw new RangeError(`themes: no lexicon for language "${lang}" (de or en)`);
  let lexicon = built.get(lang);
  if (!lexicon) {
    lexicon = buildLexicon(lang);
    built.set(lang, lexicon);
  }
  return lexicon;
}
