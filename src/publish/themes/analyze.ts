/**
 * Turns list items into concepts: tokens with their place in the item, negation scope, stop words,
 * stems, German verb forms (strong verbs, separable verbs, particle participles), be-/ver-/un-
 * prefixes, derivation suffixes (-heit, -ung, -los …), one-letter typos, compounds, and the concept
 * lexicon. Concept names are lexicon concepts ("pay") or plain stems ("~skizz"); a negated concept
 * starts with "!".
 */
import type { Lexicon } from './lexicon.js';
import { deletions } from './lexicon.js';

export interface Token {
  /** The word, lower-case; a separable verb is "particle|verb" ("an|ruft" for "ruft … an"). */
  word: string;
  negated: boolean;
  /** Content words before it in the item. */
  position: number;
  /** Clauses before it in the item (a break is a comma, colon, dash, bracket …). */
  clause: number;
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
 * Tokens of an item (normalised by normalizeItemText) with their negation and place, stop words and
 * the first `skipWords` words (a lead-in echo such as "Mein Wunschkunde …") left out; phrases of the
 * lexicon become one token "=concept"; a German separable verb becomes one token "particle|verb".
 *
 * Negation reaches one word, the one it is about. "nicht"/"not" negate the next verb or adjective
 * of their clause, or else the one before ("feilscht nicht um den Preis": the haggling, not the
 * price; German nouns are told by their capital). "kein"/"ohne"/"no" negate the words after them up
 * to the first noun (in English: the next word).
 */
export function tokenize(text: string, lexicon: Lexicon, skipWords: number): Token[] {
  const { negation, stopWords } = lexicon;
  const german = lexicon.lang === 'de';
  const tokens: Token[] = [];
  // The current clause: its tokens from `clauseStart` on, which of them are nouns, where "nicht" stood.
  let clauseStart = 0;
  const nouns: boolean[] = [];
  const negatedAt: number[] = [];
  let following = false;
  let skip = skipWords;
  let wordsSeen = 0;
  let clause = 0;
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
    tokens.push({ word, negated: following, position: tokens.length, clause });
    nouns.push(noun);
    if (following && (noun || !german)) following = false;
  };
  for (const segment of text.split(CLAUSE_BREAK)) {
    const cased = segment.match(WORD);
    if (!cased) continue;
    const segmentWords = cased.map((word) => word.toLowerCase());
    const before = tokens.length;
    const verbAt = german ? separableVerbAt(segmentWords, cased, wordsSeen, lexicon) : -1;
    const last = segmentWords.length - 1;
    for (let i = 0; i < segmentWords.length; i++) {
      const word = segmentWords[i]!;
      const noun = german && wordsSeen > 0 && capitalized(cased[i]!, word);
      wordsSeen++;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (verbAt >= 0 && i === last) continue;
      if (i === verbAt) {
        push(`${segmentWords[last]}|${word}`, false);
        continue;
      }
      const phrase = matchPhrase(segmentWords, i, lexicon);
      if (phrase) {
        push(`=${phrase.concept}`, noun);
        wordsSeen += phrase.end - i;
        i = phrase.end;
        continue;
      }
      const role = negation.roleOf.get(word);
      if (role === 'clauseEnd') {
        closeClause();
        continue;
      }
      const next = segmentWords[i + 1];
      const cancelled = next !== undefined && negation.roleOf.get(next) === 'cancel';
      if (role === 'clause') {
        if (!cancelled) negatedAt.push(nouns.length);
        continue;
      }
      if (role === 'following') {
        if (!cancelled) following = true;
        continue;
      }
      if (word.length < 2 || stopWords.has(word) || isNumber(word)) continue;
      push(word, noun);
    }
    closeClause();
    if (tokens.length > before) clause++;
  }
  return tokens;
}

/** Whether a word was written with a capital (German nouns): its first letter changed in lower case. */
function capitalized(cased: string, lower: string): boolean {
  return cased.charCodeAt(0) !== lower.charCodeAt(0);
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Stop words a phrase may have between its words: "write it down", "Ruhe zu bewahren". */
const PHRASE_GAP = 2;

/** The lexicon phrase starting at word `start` and the index of its last word, if one matches. */
function matchPhrase(
  words: readonly string[],
  start: number,
  lexicon: Lexicon,
): { concept: string; end: number } | undefined {
  if (!lexicon.mayStartPhrase(words[start]!)) return undefined;
  const candidates = lexicon.phrases.get(lexicon.stem(words[start]!));
  if (!candidates) return undefined;
  for (const { rest, concept } of candidates) {
    let at = start;
    let matched = true;
    for (const part of rest) {
      let next = at + 1;
      while (
        next < words.length &&
        next - at <= PHRASE_GAP &&
        lexicon.stopWords.has(words[next]!) &&
        lexicon.stem(words[next]!) !== part
      ) {
        next++;
      }
      if (next >= words.length || lexicon.stem(words[next]!) !== part) {
        matched = false;
        break;
      }
      at = next;
    }
    if (matched) return { concept, end: at };
  }
  return undefined;
}

/**
 * The verb of a German clause that ends in a separable particle ("ruft am Wochenende an", "hört gut
 * zu"): the first word that is no noun, negation or stop word (strong verb forms such as "gibt"
 * count although stopwords-iso lists them); -1 if the clause does not end in a particle.
 */
function separableVerbAt(words: string[], cased: string[], wordsBefore: number, lexicon: Lexicon): number {
  const last = words.length - 1;
  if (last < 1 || !lexicon.particles.has(words[last]!)) return -1;
  const { negation, stopWords, infinitiveOf } = lexicon;
  for (let i = 0; i < last; i++) {
    const word = words[i]!;
    if (wordsBefore + i > 0 && capitalized(cased[i]!, word)) continue;
    const role = negation.roleOf.get(word);
    if (role === 'clause' || role === 'following' || word.length < 3) continue;
    if (stopWords.has(word) && !infinitiveOf.has(word)) continue;
    return i;
  }
  return -1;
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

/** Infinitives a finite verb form may come from ("ruft" → rufen, "gibt" → geben, "rufe" → rufen). */
function infinitivesOf(word: string, lexicon: Lexicon): string[] {
  const strong = lexicon.infinitiveOf.get(word);
  if (strong) return [strong];
  if (word.endsWith('et')) return [`${word.slice(0, -2)}en`, `${word.slice(0, -1)}n`];
  if (word.endsWith('t')) return [`${word.slice(0, -1)}en`, `${word.slice(0, -1)}n`];
  if (word.endsWith('e')) return [`${word}n`];
  return [word];
}

/** Infinitives a participle without its particle may come from ("gehört" → hören, "gegeben" → geben). */
function participleInfinitives(participle: string, lexicon: Lexicon): string[] {
  const strong = lexicon.infinitiveOf.get(participle);
  if (strong) return [strong];
  const bare = participle.slice(2);
  if (bare.endsWith('et')) return [`${bare.slice(0, -2)}en`, `${bare.slice(0, -1)}n`];
  if (bare.endsWith('t')) return [`${bare.slice(0, -1)}en`, `${bare.slice(0, -1)}n`];
  return [bare];
}

const GERMAN_PREFIXES = ['be', 'ver'];
/** Derivation suffixes and what the base may end in: Gelassenheit → gelassen, Ordnung → ordnen, sonnig → Sonne. */
const DERIVATIONS: readonly (readonly [string, readonly string[]])[] = [
  ['igkeit', ['ig', '']],
  ['heit', ['']],
  ['keit', ['']],
  ['schaft', ['']],
  ['ungen', ['en', 'n']],
  ['ung', ['en', 'n']],
  ['lich', ['', 'en', 'e']],
  ['isch', ['', 'e']],
  ['ig', ['', 'e']],
  ['bar', ['', 'en']],
  ['sam', ['en', '']],
  ['haft', ['', 'e']],
];
const MIN_DERIVATION_BASE = 4;
/** "-los" says the base is missing: sorglos is without worry, hilflos without help. */
const WITHOUT_SUFFIX = 'los';
/** English "-less": careless, pointless. */
const WITHOUT_SUFFIX_EN = 'less';
/** "un-" negates an adjective or noun it forms: ungeduldig, Unordnung, unfair; unclear, unpaid. */
const NEGATING_PREFIX = 'un';
const LINKING_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
/** A head as short as "Tee" or "Eis" counts only as a lexicon word written out ("Früchtetee"). */
const MIN_LEXICON_HEAD = 3;
const MIN_TYPO_STEM = 6;
const MIN_SWAP_STEM = 8;
const MIN_OBSERVED_PART = 5;
const MIN_COMPOUND = 7;
/** The lexicon's memo of word → concept depends on the lexicon alone, so it outlives a run; capped. */
const LEXICAL_CACHE_LIMIT = 200_000;

const negate = (concept: string): string => (concept.startsWith('!') ? concept.slice(1) : `!${concept}`);

/**
 * Resolves words to concepts for one grouping run. `observed` holds the stems of every word in the
 * run, so that a verb form joins its infinitive ("arbeitet" → "arbeit") when that stem occurs.
 * A compound resolves to its parts, head last ("Rechnungsbezahlung" → invoice, pay).
 */
export class ConceptResolver {
  private readonly cache = new Map<string, string[]>();
  private readonly particles: string[];

  constructor(
    private readonly lexicon: Lexicon,
    private readonly observed: ReadonlySet<string>,
  ) {
    this.particles = [...lexicon.particles].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

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
    const bar = word.indexOf('|');
    if (bar > 0) return this.separableVerb(word.slice(0, bar), word.slice(bar + 1));
    const lexical = this.lexical(word);
    if (lexical) return [lexical];
    const { lexicon } = this;
    const stem = lexicon.stem(word);
    if (lexicon.lang === 'de') {
      const particleVerb = this.particleForm(word);
      if (particleVerb) return [particleVerb];
    }
    // A typo is the last guess the lexicon can make: word formation comes first ("zugehört").
    const typo = this.typo(stem);
    if (typo) return [typo];
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

  /** "ruft … an": the particle verb if known ("anrufen"), else its stem, else the plain verb's concept. */
  private separableVerb(particle: string, verb: string): string[] {
    const { lexicon } = this;
    const infinitives = infinitivesOf(verb, lexicon);
    const joined = this.joinParticle(particle, infinitives);
    if (joined) return [joined];
    const plain = this.lexical(verb);
    if (plain) return [plain];
    const guess = infinitives[0] ?? verb;
    return [`~${lexicon.stem(particle + guess)}`];
  }

  /** A particle verb's concept, or its stem when another item uses that stem ("Anrufe" for "anrufen"). */
  private joinParticle(particle: string, infinitives: readonly string[]): string | undefined {
    for (const infinitive of infinitives) {
      const concept = this.lexical(particle + infinitive);
      if (concept) return concept;
    }
    for (const infinitive of infinitives) {
      const stem = this.lexicon.stem(particle + infinitive);
      if (this.observed.has(stem)) return `~${stem}`;
    }
    return undefined;
  }

  /** Participles and zu-infinitives of particle verbs: zugehört, aufgestanden, anzurufen. */
  private particleForm(word: string): string | undefined {
    for (const particle of this.particles) {
      if (!word.startsWith(particle) || word.length - particle.length < 5) continue;
      const rest = word.slice(particle.length);
      let infinitives: string[];
      if (rest.startsWith('ge')) infinitives = participleInfinitives(rest, this.lexicon);
      else if (rest.startsWith('zu')) infinitives = [rest.slice(2)];
      else continue;
      const joined = this.joinParticle(particle, infinitives);
      if (joined) return joined;
      for (const infinitive of infinitives) {
        const plain = this.lexical(infinitive);
        if (plain) return plain;
      }
    }
    return undefined;
  }

  /** The lexicon concept of a word: as written, as stem, as verb form, without prefix or suffix. */
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
    if (lexicon.unlinked.has(word)) return undefined;
    const direct = lexicon.conceptOfWord.get(word);
    if (direct) return direct;
    const stem = lexicon.stem(word);
    const ofStem = lexicon.conceptOfStem.get(stem);
    if (ofStem) return ofStem;
    if (lexicon.lang === 'de') return this.lookUpGerman(word, stem);
    return this.lookUpEnglish(word);
  }

  private lookUpEnglish(word: string): string | undefined {
    const { lexicon } = this;
    const irregular = lexicon.infinitiveOf.get(word);
    if (irregular) {
      const concept = this.plainConcept(irregular);
      if (concept) return concept;
    }
    if (word.endsWith(WITHOUT_SUFFIX_EN) && word.length - WITHOUT_SUFFIX_EN.length >= MIN_MODIFIER) {
      const concept = this.plainConcept(word.slice(0, -WITHOUT_SUFFIX_EN.length));
      if (concept) return negate(concept);
    }
    if (word.startsWith(NEGATING_PREFIX) && word.length - NEGATING_PREFIX.length >= MIN_HEAD) {
      const concept = this.plainConcept(word.slice(NEGATING_PREFIX.length));
      if (concept) return negate(concept);
    }
    return undefined;
  }

  /**
   * One-letter typos of a lexicon stem: a letter missing ("pünklich") or one too many; a letter
   * swapped only in long stems, where two real words rarely lie one swap apart (Ärztin, Martin).
   */
  private typo(stem: string): string | undefined {
    const { conceptOfDeletion, conceptOfStem } = this.lexicon;
    if (stem.length < MIN_TYPO_STEM) return undefined;
    const missing = conceptOfDeletion.get(stem);
    if (missing) return missing;
    const variants = deletions(stem);
    for (const variant of variants) {
      const extra = variant.length >= MIN_TYPO_STEM ? conceptOfStem.get(variant) : undefined;
      if (extra) return extra;
    }
    if (stem.length < MIN_SWAP_STEM) return undefined;
    for (const variant of variants) {
      const swapped = conceptOfDeletion.get(variant);
      if (swapped) return swapped;
    }
    return undefined;
  }

  private lookUpGerman(word: string, stem: string): string | undefined {
    const { lexicon } = this;
    const strong = lexicon.infinitiveOf.get(word);
    if (strong) {
      const concept = lexicon.conceptOfWord.get(strong) ?? lexicon.conceptOfStem.get(lexicon.stem(strong));
      if (concept) return concept;
    }
    for (const infinitive of verbInfinitives(word)) {
      const concept = lexicon.conceptOfStem.get(lexicon.stem(infinitive));
      if (concept) return concept;
    }
    for (const prefix of GERMAN_PREFIXES) {
      if (!stem.startsWith(prefix) || stem.length - prefix.length < MIN_HEAD) continue;
      const concept = lexicon.conceptOfStem.get(stem.slice(prefix.length));
      if (concept) return concept;
    }
    for (const [suffix, endings] of DERIVATIONS) {
      if (!word.endsWith(suffix) || word.length - suffix.length < MIN_DERIVATION_BASE) continue;
      const base = word.slice(0, word.length - suffix.length);
      for (const ending of endings) {
        const concept = this.plainConcept(base + ending);
        if (concept) return concept;
      }
    }
    if (word.endsWith(WITHOUT_SUFFIX) && word.length - WITHOUT_SUFFIX.length >= MIN_MODIFIER) {
      const concept = this.modifierLexical(word.slice(0, -WITHOUT_SUFFIX.length));
      if (concept) return negate(concept);
    }
    if (word.startsWith(NEGATING_PREFIX) && word.length - NEGATING_PREFIX.length >= MIN_HEAD) {
      const concept = this.lexical(word.slice(NEGATING_PREFIX.length));
      if (concept && !concept.startsWith('!')) return negate(concept);
    }
    return undefined;
  }

  /** A base's concept as written or as stem, never negated. */
  private plainConcept(base: string): string | undefined {
    const { lexicon } = this;
    return lexicon.conceptOfWord.get(base) ?? lexicon.conceptOfStem.get(lexicon.stem(base));
  }

  /** The concept of a first part, trying the linking endings (sorg-los → Sorge, arbeits-los → Arbeit). */
  private modifierLexical(modifier: string): string | undefined {
    for (const ending of LINKING_ENDINGS) {
      if (!modifier.endsWith(ending) || modifier.length - ending.length < MIN_MODIFIER) continue;
      const base = modifier.slice(0, modifier.length - ending.length);
      const concept = this.plainConcept(base) ?? this.plainConcept(`${base}e`);
      if (concept) return concept;
    }
    return undefined;
  }

  /**
   * A compound part's concept: the part as written or as stem, never by word formation ("-ung",
   * verb forms), which would find concepts in fragments ("verb|esserungen").
   */
  private known(part: string): string | undefined {
    const lexical = this.plainConcept(part);
    if (lexical) return lexical;
    const stem = this.lexicon.stem(part);
    if (this.lexicon.partStems.has(stem)) return `~${stem}`;
    // A stem seen elsewhere in the parade counts only when long enough not to be a fragment ("teh").
    if (stem.length >= MIN_OBSERVED_PART && this.observed.has(stem)) return `~${stem}`;
    return this.typo(stem);
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
    // A particle verb's participle ("umgehauen", "aufgeräumt") is no compound.
    if (depth === 0 && this.particles.some((particle) => word.startsWith(`${particle}ge`))) return undefined;
    let lexicalHead: string[] | undefined;
    for (let cut = MIN_MODIFIER; cut <= word.length - MIN_LEXICON_HEAD; cut++) {
      const modifier = word.slice(0, cut);
      if (this.lexicon.boundPrefixes.has(modifier)) continue;
      const head = word.slice(cut);
      const headConcept = head.length < MIN_HEAD ? this.lexicon.conceptOfWord.get(head) : this.known(head);
      if (!headConcept) continue;
      const modifierConcept = this.modifierConcept(modifier);
      if (modifierConcept !== undefined) {
        return modifierConcept === headConcept || modifierConcept === ''
          ? [headConcept]
          : [modifierConcept, headConcept];
      }
      const inner = this.splitCompound(modifier, depth + 1);
      if (inner) return [...inner, headConcept];
      // An unknown modifier must not be a prefixed verb's start ("aufbe|reiten" is no riding).
      if (
        !lexicalHead &&
        !headConcept.startsWith('~') &&
        modifier.length >= MIN_HEAD &&
        !this.prefixed(modifier)
      ) {
        lexicalHead = [`~${this.lexicon.stem(modifier)}`, headConcept];
      }
    }
    if (lexicalHead) return lexicalHead;
    for (let cut = word.length - MIN_HEAD; cut >= MIN_HEAD; cut--) {
      const concept = this.modifierConcept(word.slice(0, cut));
      if (!concept || concept.startsWith('~')) continue;
      // The same modifier without its linking letter leaves the longer head: frei|stehen, not freis|tehen.
      while (cut > MIN_HEAD && this.modifierConcept(word.slice(0, cut - 1)) === concept) cut--;
      return [concept, `~${this.lexicon.stem(word.slice(cut))}`];
    }
    return undefined;
  }

  private prefixed(word: string): boolean {
    for (const prefix of this.lexicon.boundPrefixes) if (word.startsWith(prefix)) return true;
    return false;
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
