/**
 * All answers of a parade by theme: groups the list items of every entry so that items which say
 * the same thing in different words fall together ("zahlt pünktlich", "pünktliche Bezahlung",
 * "bezahlt Rechnungen sofort"), and says how many participants name each theme.
 *
 * Pure and near-linear, without comparing all pairs of items:
 * 1. every item becomes a set of concepts (themes/analyze.ts: stems, German verb forms, compounds,
 *    negation, a synonym lexicon); concepts only one participant uses are dropped, so an item's
 *    signature holds only what it can share with others;
 * 2. items with the same signature fall together;
 * 3. signatures, most named first, join the theme of the most similar earlier (more named) signature
 *    if they mostly agree (weighted Jaccard), found through an inverted index on concepts;
 * 4. themes named by one participant join the established theme whose core concepts cover them.
 * Items that share nothing stay themes of their own. Same input, same output: every order is
 * decided by counts, concept keys or input positions, never by hash or time.
 */
import { ConceptResolver, cleanItemText, normalizeItemText, type Token, tokenize } from './themes/analyze.js';
import { type Lexicon, lexiconFor, type ThemeLanguage } from './themes/lexicon.js';
import {
  absorbSmallThemes,
  buildSignatures,
  type ConceptTable,
  joinSimilarSignatures,
} from './themes/signatures.js';

export interface ThemeInput {
  text: string;
  /** Where the item can be read: the entry's URL. */
  url: string;
  /** Stable key of the participant, e.g. the entry URL; one participant counts once per theme. */
  participant: string;
  /** Display name: blog or author. */
  name: string;
}

export interface ThemeParticipant {
  key: string;
  name: string;
  /** The entry of that participant's first item in the theme. */
  url: string;
}

export interface Theme {
  /** A short item text that stands for the theme. */
  label: string;
  participants: ThemeParticipant[];
  items: { text: string; url: string }[];
}

export interface ThemeOptions {
  lang: ThemeLanguage;
}

/** One theme as positions in the input, for callers that need to map back (the evaluation). */
export interface ThemeCluster {
  label: string;
  /** Input positions, ascending. */
  members: number[];
  participants: number;
}

/** Weight of a lexicon concept (unless the lexicon says otherwise) and of a plain stem. */
const LEXICON_WEIGHT = 1;
const STEM_WEIGHT = 0.4;
/** A stem used by more than this share of participants is the parade's topic ("Blog"), not a theme. */
const COMMON_STEM_SHARE = 0.2;
const COMMON_STEM_FACTOR = 0.25;
const LABEL_MAX_CHARS = 40;
/** Lead-in echo: at most this many words, shared by at least this share of a participant's items. */
const LEAD_IN_MAX_WORDS = 3;
const LEAD_IN_SHARE = 0.6;
/** Enough characters for four words: the rest of an item plays no part in its lead-in. */
const LEAD_IN_SCAN_CHARS = 80;

/** Groups items into themes, largest first (participants, then items, then first appearance). */
export function groupThemes(items: readonly ThemeInput[], options: ThemeOptions): Theme[] {
  return clusterThemes(items, options).map((cluster) => {
    const participants: ThemeParticipant[] = [];
    const seen = new Set<string>();
    for (const index of cluster.members) {
      const item = items[index]!;
      if (seen.has(item.participant)) continue;
      seen.add(item.participant);
      participants.push({ key: item.participant, name: item.name, url: item.url });
    }
    return {
      label: cluster.label,
      participants,
      items: cluster.members.map((index) => ({ text: items[index]!.text, url: items[index]!.url })),
    };
  });
}

/** The concepts each item is reduced to (lexicon concepts, "~stem", "!" for negated); for the evaluation. */
export function themeConcepts(items: readonly ThemeInput[], options: ThemeOptions): string[][] {
  const analysis = analyze(items, lexiconFor(options.lang));
  return analysis.itemConcepts.map((concepts) =>
    Array.from(concepts, (id) => analysis.table.names[id]!).sort(),
  );
}

/** The grouping behind groupThemes, as input positions. */
export function clusterThemes(items: readonly ThemeInput[], options: ThemeOptions): ThemeCluster[] {
  const { participantIds, leadIns, itemConcepts, table } = analyze(items, lexiconFor(options.lang));
  const { list, unmatched } = buildSignatures(itemConcepts, participantIds, table);
  joinSimilarSignatures(list, table);
  absorbSmallThemes(list, participantIds, table);

  const byTheme = new Map<number, number[]>();
  list.forEach((signature, index) => {
    const theme = byTheme.get(signature.theme);
    if (theme) theme.push(index);
    else byTheme.set(signature.theme, [index]);
  });
  const clusters: ThemeCluster[] = [];
  for (const [leader, members] of byTheme) {
    const positions = members.flatMap((index) => list[index]!.members).sort((a, b) => a - b);
    clusters.push({
      label: chooseLabel(list[leader]!.members, items, leadIns),
      members: positions,
      participants: new Set(positions.map((position) => participantIds[position]!)).size,
    });
  }
  for (const position of unmatched) {
    clusters.push({
      label: labelText(items[position]!.text, leadIns[position]!),
      members: [position],
      participants: 1,
    });
  }
  return clusters.sort(
    (a, b) =>
      b.participants - a.participants || b.members.length - a.members.length || a.members[0]! - b.members[0]!,
  );
}

interface Analysis {
  participantIds: Int32Array;
  leadIns: Int32Array;
  /** Concept numbers per item, ascending. */
  itemConcepts: Int32Array[];
  table: ConceptTable;
}

/** Items to concept numbers; equal texts are analysed once (large parades repeat a lot). */
function analyze(items: readonly ThemeInput[], lexicon: Lexicon): Analysis {
  const participantIds = numberParticipants(items);
  const normalized = new Map<string, string>();
  const texts = items.map((item) => {
    let text = normalized.get(item.text);
    if (text === undefined) {
      text = normalizeItemText(item.text, lexicon.lang);
      normalized.set(item.text, text);
    }
    return text;
  });
  const leadIns = leadInLengths(texts, participantIds, lexicon);
  // Tokens per text and lead-in length; the texts are the strings of `normalized`, so lookups are cheap.
  const tokenCache = new Map<string, Token[][]>();
  const tokens = texts.map((text, position) => {
    const leadIn = leadIns[position]!;
    let byLeadIn = tokenCache.get(text);
    if (!byLeadIn) {
      byLeadIn = [];
      tokenCache.set(text, byLeadIn);
    }
    let list = byLeadIn[leadIn];
    if (!list) {
      list = tokenize(text, lexicon, leadIn);
      byLeadIn[leadIn] = list;
    }
    return list;
  });
  const observed = new Set<string>();
  for (const byLeadIn of tokenCache.values()) {
    for (const list of byLeadIn) for (const token of list ?? []) observed.add(lexicon.stem(token.word));
  }
  const resolver = new ConceptResolver(lexicon, observed);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const conceptCache = new Map<Token[], Int32Array>();
  const itemConcepts = tokens.map((list) => {
    let concepts = conceptCache.get(list);
    if (!concepts) {
      const set = new Set<number>();
      for (const token of list) {
        for (const concept of resolver.concepts(token.word)) {
          const name = token.negated ? `!${concept}` : concept;
          let id = ids.get(name);
          if (id === undefined) {
            id = names.length;
            ids.set(name, id);
            names.push(name);
          }
          set.add(id);
        }
      }
      concepts = Int32Array.from(set).sort();
      conceptCache.set(list, concepts);
    }
    return concepts;
  });
  return {
    participantIds,
    leadIns,
    itemConcepts,
    table: conceptTable(names, itemConcepts, participantIds, lexicon),
  };
}

function conceptTable(
  names: string[],
  itemConcepts: readonly Int32Array[],
  participantIds: Int32Array,
  lexicon: Lexicon,
): ConceptTable {
  const users = new Int32Array(names.length);
  const lastUser = new Int32Array(names.length).fill(-1);
  // Count each participant once per concept: walk the items participant by participant.
  const order = Array.from(participantIds.keys()).sort(
    (a, b) => participantIds[a]! - participantIds[b]! || a - b,
  );
  for (const position of order) {
    const participant = participantIds[position]!;
    for (const concept of itemConcepts[position]!) {
      if (lastUser[concept] === participant) continue;
      lastUser[concept] = participant;
      users[concept]!++;
    }
  }
  const participantCount = participantIds.length === 0 ? 0 : Math.max(...participantIds) + 1;
  const weights = Float64Array.from(names, (name, id) => {
    const bare = name.startsWith('!') ? name.slice(1) : name;
    if (!bare.startsWith('~')) return lexicon.conceptWeight.get(bare) ?? LEXICON_WEIGHT;
    return users[id]! > COMMON_STEM_SHARE * participantCount ? STEM_WEIGHT * COMMON_STEM_FACTOR : STEM_WEIGHT;
  });
  const idOf = new Map(names.map((name, id) => [name, id]));
  const opposite = Int32Array.from(
    names,
    (name) => idOf.get(name.startsWith('!') ? name.slice(1) : `!${name}`) ?? -1,
  );
  return { names, weights, opposite, users };
}

function numberParticipants(items: readonly ThemeInput[]): Int32Array {
  const ids = new Map<string, number>();
  const result = new Int32Array(items.length);
  items.forEach((item, index) => {
    let id = ids.get(item.participant);
    if (id === undefined) {
      id = ids.size;
      ids.set(item.participant, id);
    }
    result[index] = id;
  });
  return result;
}

/** The first words of a text, lower-case, enough to find a lead-in. */
function firstWords(text: string, cache: Map<string, string[]>): string[] {
  let words = cache.get(text);
  if (!words) {
    words = (
      text
        .slice(0, LEAD_IN_SCAN_CHARS)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []
    ).slice(0, LEAD_IN_MAX_WORDS + 1);
    cache.set(text, words);
  }
  return words;
}

/**
 * Words of a lead-in echo to skip per item: when most of one participant's items start with the
 * same words that name no concept ("Mein Wunschkunde …", "Jemand, der …"), those words go.
 */
function leadInLengths(texts: readonly string[], participantIds: Int32Array, lexicon: Lexicon): Int32Array {
  const result = new Int32Array(texts.length);
  const firstWordsCache = new Map<string, string[]>();
  const byParticipant = new Map<number, number[]>();
  texts.forEach((_, position) => {
    const id = participantIds[position]!;
    const list = byParticipant.get(id);
    if (list) list.push(position);
    else byParticipant.set(id, [position]);
  });
  for (const positions of byParticipant.values()) {
    if (positions.length < 3) continue;
    const words = positions.map((position) => firstWords(texts[position]!, firstWordsCache));
    for (let length = LEAD_IN_MAX_WORDS; length >= 1; length--) {
      const counts = new Map<string, number>();
      for (const list of words) {
        if (list.length <= length) continue;
        const prefix = list.slice(0, length).join(' ');
        counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      }
      let best = '';
      let bestCount = 0;
      for (const [prefix, count] of counts) if (count > bestCount) [best, bestCount] = [prefix, count];
      const namesConcept = best.split(' ').some((word) => lexicon.conceptOfWord.has(word));
      if (bestCount < Math.max(3, Math.ceil(LEAD_IN_SHARE * positions.length)) || namesConcept) continue;
      positions.forEach((position, index) => {
        if (words[index]!.slice(0, length).join(' ') === best) result[position] = length;
      });
      break;
    }
  }
  return result;
}

/** The label: among the leading signature's items, the short text written most often, then the shortest. */
function chooseLabel(members: readonly number[], items: readonly ThemeInput[], leadIns: Int32Array): string {
  const counts = new Map<string, { text: string; count: number; first: number }>();
  for (const position of members) {
    const text = labelText(items[position]!.text, leadIns[position]!);
    const key = text.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { text, count: 1, first: position });
  }
  const candidates = [...counts.values()];
  const short = candidates.filter((candidate) => candidate.text.length <= LABEL_MAX_CHARS);
  const pool = short.length > 0 ? short : candidates;
  pool.sort(
    (a, b) =>
      b.count - a.count ||
      a.text.length - b.text.length ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : a.first - b.first),
  );
  return pool[0]!.text;
}

/** An item's text as a heading: no lead-in echo, list marker, emoji or closing full stop. */
function labelText(text: string, leadIn: number): string {
  let clean = cleanItemText(text);
  if (leadIn > 0) {
    const words = [...clean.matchAll(/[\p{L}\p{N}]+/gu)];
    const cut = words[leadIn - 1];
    if (cut) clean = clean.slice(cut.index + cut[0].length).replace(/^[\s,:;–—-]+/u, '');
  }
  clean = clean.replace(/[\s.;:,!]+$/u, '').trim();
  return clean.charAt(0).toLocaleUpperCase() + clean.slice(1);
}
