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

/** NFKC text with straight apostrophes and, in English, contractions spelled out; case is kept. */
export function normalizeItemText(text: string, lang: string): string {
  let result = cleanItemText(text)
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'");
  if (lang === 'en') {
    result = result
      .replace(/\b(can)'t\b/gi, '$1 not')
      .replace(/\bwon't\b/gi, 'will not')
      .replace(/n't\b/gi, ' not')
      .replace(/'(s|re|ll|ve|m|d)\b/gi, '');
  }
  return result;
}

/**
 * Tokens of an item (normalised by normalizeItemText) with their negation, stop words and the first `skipWords` words (a lead-in
 * echo such as "Mein Wunschkunde …") left out; phrases of the lexicon become one token "=concept".
 *
 * Negation reaches one word, the one it is about. "nicht"/"not" negate the next verb or adjective
 * of their clause, or else the one before ("feilscht nicht um den Preis": the haggling, not the
 * price; German nouns are told by their capital). "kein"/"ohne"/"no" negate the words after them up
 * to the first noun (in English: the next word).
 */
export function tokenize(text: string, lexicon: Lexicon, skipWords: number): Token[] {
  const { negation, stopWords, phrases } = lexicon;
  const german = lexicon.lang === 'de';
  const tokens: Token[] = [];
  // The current clause: its tokens from `clauseStart` on, which of them are nouns, where "nicht" stood.
  let clauseStart = 0;
  const nouns: boolean[] = [];
  const negatedAt: number[] = [];
  let following = false;
  let skip = skipWords;
  let wordsSeen = 0;
  const closeClause = (): void => {
    for (const at of negatedAt) {
      let target = -1;
      for (let k = at; k < nouns.length && target < 0; k++) if (!nouns[k]) target = k;
      for (let k = at - 1; k >= 0 && target < 0; k--) if (!nouns[k]) target = k;
      if (target < 0) target = at < nouns.length ? at : at - 1;
      if (target >= 0) tokens[clauseStart + target]!.negated = true;
    }
    clauseStart = tokens.length;
    nouns.length = 0;
    negatedAt.length = 0;
    following = false;
  };
  const push = (word: string, noun: boolean): void => {
    tokens.push({ word, negated: following });
    nouns.push(noun);
    if (following && (noun || !german)) following = false;
  };
  for (const segment of text.split(CLAUSE_BREAK)) {
    const cased = segment.match(WORD);
    if (!cased) continue;
    const segmentWords = cased.map((word) => word.toLowerCase());
    for (let i = 0; i < segmentWords.length; i++) {
      const word = segmentWords[i]!;
      const noun = german && wordsSeen > 0 && /^\p{Lu}/u.test(cased[i]!);
      wordsSeen++;
      if (skip > 0) {
        skip--;
        continue;
      }
      const phrase = phrases
        .get(word)
        ?.find(({ rest }) => rest.every((part, offset) => segmentWords[i + 1 + offset] === part));
      if (phrase) {
        push(`=${phrase.concept}`, noun);
        i += phrase.rest.length;
        continue;
      }
      if (negation.clauseEnd.includes(word)) {
        closeClause();
        continue;
      }
      const next = segmentWords[i + 1];
      const cancelled = next !== undefined && negation.cancel.includes(next);
      if (negation.clause.includes(word)) {
        if (!cancelled) negatedAt.push(nouns.length);
        continue;
      }
      if (negation.following.includes(word)) {
        if (!cancelled) following = true;
        continue;
      }
      if (stopWords.has(word) || word.length < 2 || /^\d+$/.test(word)) continue;
      push(word, noun);
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

const GERMAN_PREFIXES = ['be', 'ver'];
const LINKING_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
const MIN_COMPOUND = 7;
/** The lexicon's memo of word → concept depends on the lexicon alone, so it outlives a run; capped. */
const LEXICAL_CACHE_LIMIT = 200_000;

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
    const { lexicalCache } = this.lexicon;
    let result = lexicalCache.get(word);
    if (result === undefined) {
      result = this.lookUp(word) ?? null;
      if (lexicalCache.size >= LEXICAL_CACHE_LIMIT) lexicalCache.clear();
      lexicalCache.set(word, result);
    }
    return result ?? undefined;
  }

  private lookUp(word: string): string | undefined {
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

  /**
   * Splits a German compound: at the longest known head whose modifier is known too
   * ("rechnungsbezahlung" → invoice + pay), else at a head the lexicon names ("zahlungsmoral" →
   * pay + ~moral), else after the longest modifier the lexicon names ("katzenvideos" → pet + ~video).
   */
  private splitCompound(word: string, depth: number): string[] | undefined {
    if (word.length < MIN_COMPOUND || depth > 1 || this.lexicon.partStems.has(this.lexicon.stem(word))) {
      return undefined;
    }
    let lexicalHead: string[] | undefined;
    for (let cut = MIN_MODIFIER; cut <= word.length - MIN_HEAD; cut++) {
      const modifier = word.slice(0, cut);
      if (this.lexicon.boundPrefixes.has(modifier)) continue;
      const head = word.slice(cut);
      const headConcept = this.known(head);
      if (!headConcept) continue;
      const modifierConcept = this.modifierConcept(modifier);
      if (modifierConcept !== undefined) {
        return modifierConcept === headConcept || modifierConcept === ''
          ? [headConcept]
          : [modifierConcept, headConcept];
      }
      const inner = this.splitCompound(modifier, depth + 1);
      if (inner) return [...inner, headConcept];
      if (!lexicalHead && !headConcept.startsWith('~') && modifier.length >= MIN_HEAD) {
        lexicalHead = [`~${this.lexicon.stem(modifier)}`, headConcept];
      }
    }
    if (lexicalHead) return lexicalHead;
    for (let cut = word.length - MIN_HEAD; cut >= MIN_HEAD; cut--) {
      const modifier = word.slice(0, cut);
      const concept = this.modifierConcept(modifier);
      if (concept && !concept.startsWith('~')) return [concept, `~${this.lexicon.stem(word.slice(cut))}`];
    }
    return undefined;
  }

  /** The concept of a compound's first part, trying the linking endings (Fugen-s, -n, -en, …); '' for a stop word. */
  private modifierConcept(modifier: string): string | undefined {
    for (const ending of LINKING_ENDINGS) {
      if (!modifier.endsWith(ending) || modifier.length - ending.length < MIN_MODIFIER) continue;
      const base = modifier.slice(0, modifier.length - ending.length);
      if (this.lexicon.stopWords.has(base)) return '';
      const concept = this.known(base);
      if (concept) return concept;
    }
    return undefined;
  }
}
