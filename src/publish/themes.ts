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
import { ConceptResolver, cleanItemText, leadWords, tokenize } from './themes/analyze.js';
import { type Lexicon, lexiconFor, type ThemeLanguage } from './themes/lexicon.js';

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

/** Two signatures link only if what they share weighs this much: a weak word alone ("morgens") links nothing. */
const MIN_LINK_WEIGHT = 0.4;
/** A concept must be used by this many participants to link items. */
const MIN_CONCEPT_PARTICIPANTS = 2;
/** Weighted Jaccard a signature must exceed with an earlier signature to join its theme. */
const JOIN_SIMILARITY = 0.5;
/** Share of a small theme's weight that an established theme's core must cover to absorb it. */
const ABSORB_COVERAGE = 0.5;
/** A concept is core to a theme when at least this share of its items name it. */
const CORE_SHARE = 0.5;
/** Candidate themes looked at per concept; the most named come first, so the cap loses little. */
const CANDIDATES_PER_CONCEPT = 64;
/** Weight of a lexicon concept (unless the lexicon says otherwise) and of a plain stem. */
const LEXICON_WEIGHT = 1;
const STEM_WEIGHT = 0.4;
/** A stem used by more than this share of participants is the parade's topic ("Blog"), not a theme. */
const COMMON_STEM_SHARE = 0.2;
const COMMON_STEM_FACTOR = 0.25;
const LABEL_MAX_CHARS = 40;

interface Signature {
  concepts: string[];
  members: number[];
  participants: number;
  /** Index of the theme (a signature index) this signature belongs to. */
  theme: number;
}

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
  const lexicon = lexiconFor(options.lang);
  const participantIds = numberParticipants(items);
  return itemConcepts(items, leadInLengths(items, participantIds, lexicon), lexicon);
}

/** The grouping behind groupThemes, as input positions. */
export function clusterThemes(items: readonly ThemeInput[], options: ThemeOptions): ThemeCluster[] {
  const lexicon = lexiconFor(options.lang);
  const participantIds = numberParticipants(items);
  const leadIns = leadInLengths(items, participantIds, lexicon);
  const concepts = itemConcepts(items, leadIns, lexicon);
  const users = conceptUsers(concepts, participantIds);
  const participantCount = new Set(participantIds).size;
  const weight = (concept: string): number => {
    const stem = concept.startsWith('~') || concept.startsWith('!~');
    const share = (users.get(concept) ?? 0) / participantCount;
    if (!stem) return lexicon.conceptWeight.get(concept.replace('!', '')) ?? LEXICON_WEIGHT;
    return share > COMMON_STEM_SHARE ? STEM_WEIGHT * COMMON_STEM_FACTOR : STEM_WEIGHT;
  };
  const signatures = buildSignatures(concepts, participantIds, users, weight);
  joinSimilarSignatures(signatures.list, weight);
  absorbSmallThemes(signatures.list, participantIds, weight);

  const clusters: ThemeCluster[] = [];
  const byTheme = new Map<number, number[]>();
  signatures.list.forEach((signature, index) => {
    const theme = byTheme.get(signature.theme);
    if (theme) theme.push(index);
    else byTheme.set(signature.theme, [index]);
  });
  for (const [root, members] of byTheme) {
    const positions = members.flatMap((index) => signatures.list[index]!.members).sort((a, b) => a - b);
    clusters.push({
      label: chooseLabel(signatures.list[root]!.members, items, leadIns),
      members: positions,
      participants: countDistinct(positions, participantIds),
    });
  }
  for (const position of signatures.unmatched) {
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

function countDistinct(positions: readonly number[], participantIds: Int32Array): number {
  return new Set(positions.map((position) => participantIds[position]!)).size;
}

/**
 * Words of a lead-in echo to skip per item: when most of one participant's items start with the
 * same words that name no concept ("Mein Wunschkunde …", "Jemand, der …"), those words go.
 */
function leadInLengths(
  items: readonly ThemeInput[],
  participantIds: Int32Array,
  lexicon: Lexicon,
): Int32Array {
  const result = new Int32Array(items.length);
  const byParticipant = new Map<number, number[]>();
  items.forEach((_, index) => {
    const id = participantIds[index]!;
    const list = byParticipant.get(id);
    if (list) list.push(index);
    else byParticipant.set(id, [index]);
  });
  for (const positions of byParticipant.values()) {
    if (positions.length < 3) continue;
    const words = positions.map((position) => leadWords(items[position]!.text, lexicon.lang));
    for (let length = 3; length >= 1; length--) {
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
      if (bestCount < Math.max(3, Math.ceil(0.6 * positions.length)) || namesConcept) continue;
      positions.forEach((position, index) => {
        if (words[index]!.slice(0, length).join(' ') === best) result[position] = length;
      });
      break;
    }
  }
  return result;
}

function itemConcepts(items: readonly ThemeInput[], leadIns: Int32Array, lexicon: Lexicon): string[][] {
  const tokens = items.map((item, index) => tokenize(item.text, lexicon, leadIns[index]!));
  const observed = new Set<string>();
  for (const list of tokens) for (const token of list) observed.add(lexicon.stem(token.word));
  const resolver = new ConceptResolver(lexicon, observed);
  return tokens.map((list) => {
    const concepts = new Set<string>();
    for (const token of list) {
      for (const concept of resolver.concepts(token.word))
        concepts.add(token.negated ? `!${concept}` : concept);
    }
    return [...concepts].sort();
  });
}

/** How many participants use each concept. */
function conceptUsers(concepts: readonly string[][], participantIds: Int32Array): Map<string, number> {
  const users = new Map<string, Set<number>>();
  concepts.forEach((list, index) => {
    for (const concept of list) {
      const set = users.get(concept) ?? new Set<number>();
      set.add(participantIds[index]!);
      users.set(concept, set);
    }
  });
  const counts = new Map<string, number>();
  for (const [concept, set] of users) counts.set(concept, set.size);
  return counts;
}

function buildSignatures(
  concepts: readonly string[][],
  participantIds: Int32Array,
  users: ReadonlyMap<string, number>,
  weight: (concept: string) => number,
): { list: Signature[]; unmatched: number[] } {
  const byKey = new Map<string, Signature>();
  const unmatched: number[] = [];
  concepts.forEach((list, index) => {
    const shared = list.filter((concept) => users.get(concept)! >= MIN_CONCEPT_PARTICIPANTS);
    if (shared.reduce((sum, concept) => sum + weight(concept), 0) < MIN_LINK_WEIGHT) {
      unmatched.push(index);
      return;
    }
    const key = shared.join('|');
    const signature = byKey.get(key);
    if (signature) signature.members.push(index);
    else byKey.set(key, { concepts: shared, members: [index], participants: 0, theme: -1 });
  });
  const list = [...byKey.values()];
  for (const signature of list) signature.participants = countDistinct(signature.members, participantIds);
  // Most named first; ties by fewer concepts, then by key, so the order never depends on input order.
  list.sort(
    (a, b) =>
      b.participants - a.participants ||
      b.members.length - a.members.length ||
      a.concepts.length - b.concepts.length ||
      (a.concepts.join('|') < b.concepts.join('|') ? -1 : 1),
  );
  list.forEach((signature, index) => {
    signature.theme = index;
  });
  return { list, unmatched };
}

function sharedWeight(a: readonly string[], b: readonly string[], weight: (c: string) => number): number {
  return a.reduce((sum, concept) => sum + (b.includes(concept) ? weight(concept) : 0), 0);
}

function weightedJaccard(a: readonly string[], b: readonly string[], weight: (c: string) => number): number {
  let shared = 0;
  let total = 0;
  const inB = new Set(b);
  for (const concept of a) {
    const w = weight(concept);
    total += w;
    if (inB.has(concept)) shared += w;
  }
  for (const concept of b) if (!a.includes(concept)) total += weight(concept);
  return total === 0 ? 0 : shared / total;
}

/**
 * In popularity order, each signature joins the theme of the most similar earlier (more named)
 * signature if their weighted Jaccard exceeds JOIN_SIMILARITY; otherwise it starts a theme.
 */
function joinSimilarSignatures(signatures: Signature[], weight: (c: string) => number): void {
  const earlierByConcept = new Map<string, number[]>();
  signatures.forEach((signature, index) => {
    let best = -1;
    let bestScore = JOIN_SIMILARITY;
    const seen = new Set<number>();
    for (const concept of signature.concepts) {
      for (const other of (earlierByConcept.get(concept) ?? []).slice(0, CANDIDATES_PER_CONCEPT)) {
        if (seen.has(other)) continue;
        seen.add(other);
        const score = weightedJaccard(signature.concepts, signatures[other]!.concepts, weight);
        if (
          score > bestScore &&
          sharedWeight(signature.concepts, signatures[other]!.concepts, weight) >= MIN_LINK_WEIGHT
        ) {
          best = other;
          bestScore = score;
        }
      }
    }
    if (best >= 0) signature.theme = signatures[best]!.theme;
    for (const concept of signature.concepts) {
      const list = earlierByConcept.get(concept);
      if (list) list.push(index);
      else earlierByConcept.set(concept, [index]);
    }
  });
}

/** Themes named by one participant join the established theme whose core covers most of their weight. */
function absorbSmallThemes(
  signatures: Signature[],
  participantIds: Int32Array,
  weight: (c: string) => number,
): void {
  const themes = new Map<number, number[]>();
  signatures.forEach((signature, index) => {
    const list = themes.get(signature.theme);
    if (list) list.push(index);
    else themes.set(signature.theme, [index]);
  });
  const established = new Map<number, { core: Set<string>; participants: number }>();
  const coreIndex = new Map<string, number[]>();
  for (const [root, members] of themes) {
    const positions = members.flatMap((index) => signatures[index]!.members);
    const participants = countDistinct(positions, participantIds);
    if (participants < 2) continue;
    const counts = new Map<string, number>();
    for (const index of members) {
      for (const concept of signatures[index]!.concepts) {
        counts.set(concept, (counts.get(concept) ?? 0) + signatures[index]!.members.length);
      }
    }
    const core = new Set<string>();
    for (const [concept, count] of counts) if (count > CORE_SHARE * positions.length) core.add(concept);
    established.set(root, { core, participants });
    for (const concept of core) {
      const list = coreIndex.get(concept);
      if (list) list.push(root);
      else coreIndex.set(concept, [root]);
    }
  }
  const moves = new Map<number, number>();
  for (const [root, members] of themes) {
    if (established.has(root)) continue;
    const concepts = signatures[root]!.concepts;
    const total = concepts.reduce((sum, concept) => sum + weight(concept), 0);
    let best = -1;
    let bestScore = ABSORB_COVERAGE;
    let bestParticipants = 0;
    const seen = new Set<number>();
    for (const concept of concepts) {
      for (const target of (coreIndex.get(concept) ?? []).slice(0, CANDIDATES_PER_CONCEPT)) {
        if (seen.has(target)) continue;
        seen.add(target);
        const { core, participants } = established.get(target)!;
        const coveredWeight = concepts.reduce((sum, c) => sum + (core.has(c) ? weight(c) : 0), 0);
        const covered = coveredWeight / total;
        if (coveredWeight < MIN_LINK_WEIGHT) continue;
        if (covered > bestScore || (covered === bestScore && participants > bestParticipants)) {
          best = target;
          bestScore = covered;
          bestParticipants = participants;
        }
      }
    }
    if (best >= 0) for (const index of members) moves.set(index, best);
  }
  for (const [index, target] of moves) signatures[index]!.theme = target;
}

/** The label: among the leading signature's items, a short text most participants wrote alike. */
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
