/**
 * Turns list items into sets of concepts: tokens, negation scope, stop words, stems, German verb
 * forms, be-/ver-/ge- prefixes, one-letter typos, compounds, and the concept lexicon. Concept names
 * are lexicon concepts ("pay") or plain stems ("~skizz"); a negated concept starts with "!".
 */
import type { Lexicon } from './lexicon.js';
import { deletions } from './lexicon.js';

export interface Token {
  word: string;
  negated: boolean;
}

const LIST_MARKER = /^\s*(?:[-–—•·*✓✔☑►▶→>]+|\(?\d{1,3}[.)]|[a-z][.)])\s+/u;
const CLAUSE_BREAK = /[,;:.!?()"“”„«»[\]…]|\s[-–—]\s|\s\/\s/u;
const WORD = /[\p{L}\p{N}]+/gu;
const EMOJI_AND_SYMBOLS = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu;

/** The item as a reader sees it: no list marker, no emoji, single spaces. */
export function cleanItemText(text: string): string {
  return text.replace(LIST_MARKER, '').replace(EMOJI_AND_SYMBOLS, '').replace(/\s+/g, ' ').trim();
}

function normalize(text: string, lang: string): string {
  let result = cleanItemText(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  if (lang === 'en') {
    result = result
      .replace(/\b(can)'t\b/g, '$1 not')
      .replace(/\bwon't\b/g, 'will not')
      .replace(/n't\b/g, ' not')
      .replace(/'(s|re|ll|ve|m|d)\b/g, '');
  }
  return result;
}

/** Lower-case words of an item, in order; what the lead-in detection compares. */
export function leadWords(text: string, lang: string): string[] {
  return normalize(text, lang).match(WORD) ?? [];
}

/**
 * Tokens of an item with their negation, stop words and the first `skipWords` words (a lead-in
 * echo such as "Mein Wunschkunde …") left out; phrases of the lexicon become one token "=concept".
 */
export function tokenize(text: string, lexicon: Lexicon, skipWords: number): Token[] {
  const { negation, stopWords, phrases } = lexicon;
  const tokens: Token[] = [];
  let skip = skipWords;
  for (const segment of normalize(text, lexicon.lang).split(CLAUSE_BREAK)) {
    const segmentWords = segment.match(WORD);
    if (!segmentWords) continue;
    let clauseNegated = false;
    let followingNegated = false;
    let clause: Token[] = [];
    const closeClause = (): void => {
      for (const token of clause) if (clauseNegated) token.negated = true;
      tokens.push(...clause);
      clause = [];
      clauseNegated = false;
      followingNegated = false;
    };
    for (let i = 0; i < segmentWords.length; i++) {
      const word = segmentWords[i]!;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (negation.clauseEnd.includes(word)) {
        closeClause();
        continue;
      }
      const next = segmentWords[i + 1];
      const cancelled = next !== undefined && negation.cancel.includes(next);
      if (negation.clause.includes(word)) {
        if (!cancelled) clauseNegated = true;
        continue;
      }
      if (negation.following.includes(word)) {
        if (!cancelled) followingNegated = true;
        continue;
      }
      const phrase = phrases
        .get(word)
        ?.find(({ rest }) => rest.every((part, offset) => segmentWords[i + 1 + offset] === part));
      if (phrase) {
        clause.push({ word: `=${phrase.concept}`, negated: followingNegated });
        i += phrase.rest.length;
        continue;
      }
      if (stopWords.has(word) || word.length < 2 || /^\d+$/.test(word)) continue;
      clause.push({ word, negated: followingNegated });
    }
    closeClause();
  }
  return tokens;
}

/** German verb forms the stemmer leaves apart from their infinitive: zahlt, arbeitet, gezahlt. */
function verbInfinitives(word: string): string[] {
  const result: string[] = [];
  if (word.length < 5 || !word.endsWith('t')) return result;
  const stems = [word.slice(0, -1)];
  if (word.endsWith('et')) stems.push(word.slice(0, -2));
  if (word.startsWith('ge') && word.length > 6) {
    stems.push(word.slice(2, -1));
    if (word.endsWith('et')) stems.push(word.slice(2, -2));
  }
  for (const base of stems) result.push(`${base}en`, `${base}n`);
  return result;
}

const GERMAN_PREFIXES = ['be', 'ge', 'ver', 'er'];
const LINKING_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
const MIN_COMPOUND = 7;

/**
 * Resolves words to concepts for one grouping run. `observed` holds the stems of every word in the
 * run, so that a verb form joins its infinitive ("arbeitet" → "arbeit") when that stem occurs.
 */
export class ConceptResolver {
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly observed: ReadonlySet<string>,
  ) {}

  concepts(word: string): string[] {
    let result = this.cache.get(word);
    if (result === undefined) {
      result = this.resolve(word);
      this.cache.set(word, result);
    }
    return result;
  }

  private resolve(word: string): string[] {
    if (word.startsWith('=')) return [word.slice(1)];
    const lexical = this.lexical(word);
    if (lexical) return [lexical];
    const { lexicon } = this;
    const stem = lexicon.stem(word);
    if (lexicon.lang === 'de') {
      const parts = this.splitCompound(word, 0);
      if (parts) return parts;
      for (const infinitive of verbInfinitives(word)) {
        const infinitiveStem = lexicon.stem(infinitive);
        if (infinitiveStem !== stem && this.observed.has(infinitiveStem)) return [`~${infinitiveStem}`];
      }
    }
    return [`~${stem}`];
  }

  /** The lexicon concept of a word: as written, as stem, as verb form, without prefix, or as typo. */
  private lexical(word: string): string | undefined {
    const { lexicon } = this;
    const direct = lexicon.conceptOfWord.get(word);
    if (direct) return direct;
    const stem = lexicon.stem(word);
    const ofStem = lexicon.conceptOfStem.get(stem);
    if (ofStem) return ofStem;
    if (lexicon.lang === 'de') {
      for (const infinitive of verbInfinitives(word)) {
        const concept = lexicon.conceptOfStem.get(lexicon.stem(infinitive));
        if (concept) return concept;
      }
      for (const prefix of GERMAN_PREFIXES) {
        if (!stem.startsWith(prefix) || stem.length - prefix.length < MIN_HEAD) continue;
        const concept = lexicon.conceptOfStem.get(stem.slice(prefix.length));
        if (concept) return concept;
      }
    }
    if (stem.length >= 6) {
      for (const variant of [stem, ...deletions(stem)]) {
        const concept = lexicon.conceptOfDeletion.get(variant);
        if (concept) return concept;
      }
    }
    return undefined;
  }

  private known(part: string): string | undefined {
    const lexical = this.lexical(part);
    if (lexical) return lexical;
    const stem = this.lexicon.stem(part);
    return this.lexicon.partStems.has(stem) || this.observed.has(stem) ? `~${stem}` : undefined;
  }

  /** Splits a German compound at the longest known head: "rechnungsbezahlung" → invoice + pay. */
  private splitCompound(word: string, depth: number): string[] | undefined {
    if (word.length < MIN_COMPOUND || depth > 1) return undefined;
    let fallback: string[] | undefined;
    for (let cut = MIN_MODIFIER; cut <= word.length - MIN_HEAD; cut++) {
      const modifier = word.slice(0, cut);
      if (this.lexicon.boundPrefixes.has(modifier)) continue;
      const headConcept = this.known(word.slice(cut));
      if (!headConcept) continue;
      // An unknown modifier still splits off a known head, but only if no better cut follows.
      fallback ??= modifier.length >= MIN_HEAD ? [`~${this.lexicon.stem(modifier)}`, headConcept] : undefined;
      for (const ending of LINKING_ENDINGS) {
        if (!modifier.endsWith(ending) || modifier.length - ending.length < MIN_MODIFIER) continue;
        const base = modifier.slice(0, modifier.length - ending.length);
        if (this.lexicon.stopWords.has(base)) return [headConcept];
        const modifierConcept = this.known(base);
        if (modifierConcept)
          return modifierConcept === headConcept ? [headConcept] : [modifierConcept, headConcept];
      }
      const inner = this.splitCompound(modifier, depth + 1);
      if (inner) return [...inner, headConcept];
    }
    return fallback;
  }
}
