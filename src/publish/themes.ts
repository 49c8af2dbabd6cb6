/**
 * All answers of a parade by theme: groups the list items of every entry so that items which say
 * the same thing in different words fall together ("zahlt pünktlich", "pünktliche Bezahlung",
 * "bezahlt Rechnungen sofort"), and says how many participants name each theme.
 *
 * Pure and near-linear, without comparing all pairs of items:
 * 1. every item becomes weighted concepts (themes/analyze.ts: stems, German verb forms, compounds,
 *    derivation, negation, a lexicon of everyday fields); a concept weighs more the earlier the item
 *    names it (an item belongs to the first idea it names), less when it is a plain stem, a word
 *    a participant repeats in most items (a lead-in echo) or the parade's topic; concepts only one
 *    participant uses are dropped, so an item keeps only what it can share with others, and every
 *    concept lends a little weight to its field (pay and price both to money);
 * 2. items with the same vector form a signature; signatures, most named first, join the theme
 *    whose centroid they resemble most (cosine), found through an inverted index on concepts
 *    (themes/grouping.ts);
 * 3. similar themes merge unless the same participants name both (a participant names a theme
 *    once); themes of one field that hardly share participants merge ("hat ein Budget", "feilscht
 *    nicht"); themes named by one participant join the theme they resemble most.
 * Items that share nothing stay themes of their own. Same input, same output: concepts are numbered
 * by name and every order is decided by counts, concepts or input positions, never by hash or time.
 */
import { ConceptResolver, cleanItemText, normalizeItemText, type Token, tokenize } from './themes/analyze.js';
import {
  type ConceptTable,
  compareVectors,
  groupSignatures,
  type ItemVector,
  orderSignatures,
  type Signature,
} from './themes/grouping.js';
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

/** Weight of a lexicon concept (unless the lexicon says otherwise) and of a plain stem. */
const LEXICON_WEIGHT = 1;
const STEM_WEIGHT = 0.4;
/** A stem used by more than this share of participants is the parade's topic ("Blog"), not a theme. */
const COMMON_STEM_SHARE = 0.2;
const COMMON_STEM_FACTOR = 0.25;
/**
 * A concept whose items name a different concept beside it each time (partner concentration below
 * this, Simpson's index) is context, the parade's topic ("im Urlaub", "mit den Kindern"); it weighs
 * less, down to the floor. Concepts in fewer items than TOPIC_MIN_ITEMS are never judged so.
 */
const TOPIC_CONCENTRATION = 0.15;
const TOPIC_FLOOR = 0.3;
const TOPIC_MIN_ITEMS = 5;
/** A concept weighed down to this factor or below is the topic: it links nothing on its own. */
const TOPICAL_FACTOR = 0.6;
/** What an item shares must weigh this much: a weak word alone ("morgens") links nothing. */
const MIN_LINK_WEIGHT = 0.3;
/** A concept must be used by this many participants to link items. */
const MIN_CONCEPT_PARTICIPANTS = 2;
/** An item names its idea first: each content word before a concept lowers it by this factor, down to the floor. */
const POSITION_DECAY = 0.85;
const POSITION_FLOOR = 0.45;
/** A concept after the first clause ("Label: explanation", "– aside") weighs this much less. */
const LATER_CLAUSE_FACTOR = 0.75;
/** A compound's modifier weighs less than its head ("Kirschkuchen" is cake first). */
const MODIFIER_FACTOR = 0.7;
/** Share of its weight a concept lends to its field. */
const FIELD_SHARE = 0.4;
/** A concept in at least this share of a participant's items (and three of them) is that participant's echo. */
const ECHO_SHARE = 0.4;
const ECHO_MIN_ITEMS = 3;
const ECHO_FACTOR = 0.3;
/** A label is an item of at most this length, else the most central item up to LABEL_FAIR_CHARS, else a cut one. */
const LABEL_MAX_CHARS = 40;
const LABEL_FAIR_CHARS = 60;
/** Centrality is compared in tenths, so that near ties go to the most written, then the shortest text. */
const LABEL_CENTRALITY_STEPS = 10;
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
  return analysis.rawConcepts.map((raw) => Array.from(raw.ids, (id) => analysis.table.names[id]!).sort());
}

/** The grouping behind groupThemes, as input positions. */
export function clusterThemes(items: readonly ThemeInput[], options: ThemeOptions): ThemeCluster[] {
  const { participantIds, leadIns, vectors, table } = analyze(items, lexiconFor(options.lang));
  const byHash = new Map<number, Signature[]>();
  const signatures: Signature[] = [];
  const unmatched: number[] = [];
  vectors.forEach((vector, position) => {
    if (vector.ids.length === 0) {
      unmatched.push(position);
      return;
    }
    const sameHash = byHash.get(vector.hash);
    const signature = sameHash?.find((candidate) => compareVectors(candidate.vector, vector) === 0);
    if (signature) {
      signature.members.push(position);
      return;
    }
    const created: Signature = { vector, members: [position], participants: 0 };
    signatures.push(created);
    if (sameHash) sameHash.push(created);
    else byHash.set(vector.hash, [created]);
  });
  for (const signature of signatures) {
    signature.participants = new Set(signature.members.map((position) => participantIds[position]!)).size;
  }
  orderSignatures(signatures);
  const themeOf = groupSignatures(signatures, table, participantIds);

  const byTheme = new Map<number, Signature[]>();
  signatures.forEach((signature, index) => {
    const theme = themeOf[index]!;
    const list = byTheme.get(theme);
    if (list) list.push(signature);
    else byTheme.set(theme, [signature]);
  });
  const clusters: ThemeCluster[] = [];
  const labels = new LabelTexts(items, leadIns);
  for (const themeSignatures of byTheme.values()) {
    const positions = themeSignatures.flatMap((signature) => signature.members).sort((a, b) => a - b);
    clusters.push({
      label: chooseLabel(themeSignatures, labels),
      members: positions,
      participants: new Set(positions.map((position) => participantIds[position]!)).size,
    });
  }
  for (const position of unmatched) {
    clusters.push({
      label: labels.of(position).text,
      members: [position],
      participants: 1,
    });
  }
  return clusters.sort(
    (a, b) =>
      b.participants - a.participants || b.members.length - a.members.length || a.members[0]! - b.members[0]!,
  );
}

/** An item's concepts before the parade weighs them: ids ascending, with the weight their place gives them. */
interface RawConcepts {
  ids: Int32Array;
  weights: Float64Array;
  /** Each lexicon concept with the heaviest other lexicon concept beside it (-1: none), in pairs. */
  partners?: Int32Array;
  /** The parade's vector of items without an echo. */
  vector?: ItemVector;
}

interface TextRecord {
  normalized: string;
  /** Tokens and concepts per lead-in length. */
  byLeadIn: ({ tokens: Token[]; raw?: RawConcepts } | undefined)[];
}

interface Analysis {
  participantIds: Int32Array;
  leadIns: Int32Array;
  rawConcepts: RawConcepts[];
  /** Per item: its concepts weighed for this parade, only those it can share; empty if none. */
  vectors: ItemVector[];
  table: ConceptTable;
}

/** How much a word's place in the item lets its concepts weigh. */
function placeWeight(token: Token): number {
  const position = Math.max(POSITION_FLOOR, POSITION_DECAY ** token.position);
  return token.clause === 0 ? position : position * LATER_CLAUSE_FACTOR;
}

/** Items to concepts; equal texts are analysed once (large parades repeat a lot). */
function analyze(items: readonly ThemeInput[], lexicon: Lexicon): Analysis {
  const participantIds = numberParticipants(items);
  // One record per distinct text: large parades repeat a lot, and one map is cheaper than several.
  const records = new Map<string, TextRecord>();
  const itemRecords = items.map((item) => {
    let record = records.get(item.text);
    if (!record) {
      record = { normalized: normalizeItemText(item.text, lexicon.lang), byLeadIn: [] };
      records.set(item.text, record);
    }
    return record;
  });
  const leadIns = leadInLengths(
    itemRecords.map((record) => record.normalized),
    participantIds,
    lexicon,
  );
  const tokens = itemRecords.map((record, position) => {
    const leadIn = leadIns[position]!;
    let analysed = record.byLeadIn[leadIn];
    if (!analysed) {
      analysed = { tokens: tokenize(record.normalized, lexicon, leadIn) };
      record.byLeadIn[leadIn] = analysed;
    }
    return analysed;
  });
  const observed = new Set<string>();
  for (const record of records.values()) {
    for (const analysed of record.byLeadIn) {
      for (const token of analysed?.tokens ?? []) {
        if (!token.word.includes('|')) observed.add(lexicon.stem(token.word));
      }
    }
  }
  const resolver = new ConceptResolver(lexicon, observed);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  const words = new WordConcepts(resolver, lexicon, idOf);
  // Texts that differ only in what tokenizing drops (emoji, stop words, punctuation) share their concepts.
  const byTokens = new Map<string, RawConcepts>();
  const distinctRaw: RawConcepts[] = [];
  const rawConcepts = tokens.map((analysed) => {
    if (!analysed.raw) {
      const key = tokenKey(analysed.tokens);
      let raw = byTokens.get(key);
      if (!raw) {
        raw = resolveTokens(analysed.tokens, words);
        byTokens.set(key, raw);
        distinctRaw.push(raw);
      }
      analysed.raw = raw;
    }
    return analysed.raw;
  });
  // Number concepts by name, so that ids, and every order decided by them, never depend on input order.
  const byName = names
    .map((_, id) => id)
    .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const renumbered = new Int32Array(names.length);
  byName.forEach((old, id) => {
    renumbered[old] = id;
  });
  const sortedNames = byName.map((old) => names[old]!);
  names.length = 0;
  ids.clear();
  for (const name of sortedNames) idOf(name);
  for (const raw of distinctRaw) renumber(raw, renumbered);
  const table = conceptTable(names, rawConcepts, participantIds, lexicon, idOf);
  return {
    participantIds,
    leadIns,
    rawConcepts,
    vectors: weighItems(rawConcepts, participantIds, table),
    table,
  };
}

/** Everything about a token list that its concepts depend on, as one string. */
function tokenKey(tokens: readonly Token[]): string {
  let key = '';
  for (const token of tokens)
    key += `${token.word}${token.negated ? '!' : ' '}${token.position}.${token.clause} `;
  return key;
}

/** Adds a concept to short id-ascending lists, keeping its highest weight (items name few concepts). */
function insertMax(ids: number[], weights: number[], id: number, weight: number): void {
  let at = ids.length;
  while (at > 0 && ids[at - 1]! > id) at--;
  if (at > 0 && ids[at - 1] === id) {
    if (weight > weights[at - 1]!) weights[at - 1] = weight;
    return;
  }
  ids.splice(at, 0, id);
  weights.splice(at, 0, weight);
}

/** Gives a raw concept list new ids, ascending again (insertion sort: the lists are short). */
function renumber(raw: RawConcepts, renumbered: Int32Array): void {
  const { ids, weights } = raw;
  for (let k = 0; k < ids.length; k++) {
    const id = renumbered[ids[k]!]!;
    const weight = weights[k]!;
    let at = k;
    while (at > 0 && ids[at - 1]! > id) {
      ids[at] = ids[at - 1]!;
      weights[at] = weights[at - 1]!;
      at--;
    }
    ids[at] = id;
    weights[at] = weight;
  }
}

/** The concept ids of a word, plain and negated, each worked out once per run. */
class WordConcepts {
  private readonly plain = new Map<string, Int32Array>();
  private readonly negated = new Map<string, Int32Array>();

  constructor(
    private readonly resolver: ConceptResolver,
    private readonly lexicon: Lexicon,
    private readonly idOf: (name: string) => number,
  ) {}

  /** Ids of the word's concepts, head last. */
  of(word: string, negated: boolean): Int32Array {
    const cache = negated ? this.negated : this.plain;
    let ids = cache.get(word);
    if (!ids) {
      ids = Int32Array.from(this.resolver.concepts(word), (concept) => {
        // A word's own negation ("ungeduldig") and the sentence's ("nicht geduldig") cancel out.
        const isNegated = concept.startsWith('!') !== negated;
        const bare = concept.startsWith('!') ? concept.slice(1) : concept;
        return this.idOf(isNegated ? (this.lexicon.negatedTo.get(bare) ?? `!${bare}`) : bare);
      });
      cache.set(word, ids);
    }
    return ids;
  }
}

/** An item's tokens to concept ids and place weights; a concept named twice keeps its best place. */
function resolveTokens(list: readonly Token[], words: WordConcepts): RawConcepts {
  const ids: number[] = [];
  const weights: number[] = [];
  for (const token of list) {
    const parts = words.of(token.word, token.negated);
    const place = placeWeight(token);
    for (let part = 0; part < parts.length; part++) {
      const weight = part < parts.length - 1 ? place * MODIFIER_FACTOR : place;
      insertMax(ids, weights, parts[part]!, weight);
    }
  }
  return { ids: Int32Array.from(ids), weights: Float64Array.from(weights) };
}

function conceptTable(
  names: string[],
  rawConcepts: readonly RawConcepts[],
  participantIds: Int32Array,
  lexicon: Lexicon,
  idOf: (name: string) => number,
): ConceptTable {
  // Fields get ids after the concepts, so every concept's field is known before the table is sized.
  const conceptCount = names.length;
  const fieldIds = new Int32Array(conceptCount).fill(-1);
  for (let id = 0; id < conceptCount; id++) {
    const name = names[id]!;
    const field = name.startsWith('!') || name.startsWith('~') ? undefined : lexicon.fieldOf.get(name);
    if (field) fieldIds[id] = idOf(field);
  }
  const users = new Int32Array(names.length);
  const lastUser = new Int32Array(names.length).fill(-1);
  // Count each participant once per concept: walk the items participant by participant.
  const order = byParticipant(participantIds);
  const count = (concept: number, participant: number): void => {
    if (lastUser[concept] === participant) return;
    lastUser[concept] = participant;
    users[concept]!++;
  };
  for (const position of order) {
    const participant = participantIds[position]!;
    for (const concept of rawConcepts[position]!.ids) {
      count(concept, participant);
      if (fieldIds[concept]! >= 0) count(fieldIds[concept]!, participant);
    }
  }
  let participantCount = 0;
  for (const participant of participantIds) participantCount = Math.max(participantCount, participant + 1);
  const lexical = Uint8Array.from(names, (name) => (name.startsWith('~') || name.startsWith('@') ? 0 : 1));
  const conceptWeights = Float64Array.from(
    names,
    (name) => lexicon.conceptWeight.get(name.startsWith('!') ? name.slice(1) : name) ?? LEXICON_WEIGHT,
  );
  const concentration = partnerConcentration(rawConcepts, lexical, conceptWeights);
  const topical = new Uint8Array(names.length);
  const weights = Float64Array.from(names, (name, id) => {
    if (name.startsWith('@')) return FIELD_SHARE;
    if (name.startsWith('~') || name.startsWith('!~')) {
      return users[id]! > COMMON_STEM_SHARE * participantCount
        ? STEM_WEIGHT * COMMON_STEM_FACTOR
        : STEM_WEIGHT;
    }
    // A concept named beside anything at all ("im Urlaub", "mit den Kindern") is context, not a theme.
    const topic = Math.min(1, Math.max(TOPIC_FLOOR, concentration[id]! / TOPIC_CONCENTRATION));
    if (topic <= TOPICAL_FACTOR) topical[id] = 1;
    return conceptWeights[id]! * topic;
  });
  const idOfName = new Map(names.map((name, id) => [name, id]));
  const opposite = Int32Array.from(
    names,
    (name) => idOfName.get(name.startsWith('!') ? name.slice(1) : `!${name}`) ?? -1,
  );
  const field = new Int32Array(names.length).fill(-1);
  field.set(fieldIds);
  return {
    names,
    weights,
    opposite,
    users,
    field,
    isField: Uint8Array.from(names, (name) => (name.startsWith('@') ? 1 : 0)),
    topical,
  };
}

/**
 * Per concept, how concentrated the concepts named beside it are: for each item, the heaviest other
 * lexicon concept (or none); 1 when always the same partner or alone, near 0 when a different one
 * each time. Concepts named in fewer than TOPIC_MIN_ITEMS items count as concentrated.
 */
function partnerConcentration(
  rawConcepts: readonly RawConcepts[],
  lexical: Uint8Array,
  conceptWeights: Float64Array,
): Float64Array {
  const count = lexical.length;
  const items = new Int32Array(count);
  const partners = new Map<number, Map<number, number>>();
  for (const raw of rawConcepts) {
    let pairs = raw.partners;
    if (!pairs) {
      const list: number[] = [];
      for (let k = 0; k < raw.ids.length; k++) {
        if (!lexical[raw.ids[k]!]) continue;
        let partner = -1;
        let best = 0;
        for (let j = 0; j < raw.ids.length; j++) {
          if (j === k || !lexical[raw.ids[j]!]) continue;
          const weight = raw.weights[j]! * conceptWeights[raw.ids[j]!]!;
          if (weight > best) {
            best = weight;
            partner = raw.ids[j]!;
          }
        }
        list.push(raw.ids[k]!, partner);
      }
      pairs = Int32Array.from(list);
      raw.partners = pairs;
    }
    for (let k = 0; k < pairs.length; k += 2) {
      const concept = pairs[k]!;
      items[concept]!++;
      let byPartner = partners.get(concept);
      if (!byPartner) {
        byPartner = new Map();
        partners.set(concept, byPartner);
      }
      byPartner.set(pairs[k + 1]!, (byPartner.get(pairs[k + 1]!) ?? 0) + 1);
    }
  }
  const result = new Float64Array(count).fill(1);
  partners.forEach((byPartner, concept) => {
    const total = items[concept]!;
    if (total < TOPIC_MIN_ITEMS) return;
    let sum = 0;
    byPartner.forEach((n) => {
      sum += (n / total) * (n / total);
    });
    result[concept] = sum;
  });
  return result;
}

/**
 * Each item's vector for this parade: concepts at least two participants name (or whose opposite
 * occurs), weighed by the concept, the item's place and the participant's echo, plus their fields.
 */
function weighItems(
  rawConcepts: readonly RawConcepts[],
  participantIds: Int32Array,
  table: ConceptTable,
): ItemVector[] {
  const echoes = participantEchoes(rawConcepts, participantIds);
  return rawConcepts.map((raw, position) => {
    const echo = echoes.get(participantIds[position]!);
    const shared = !echo || !raw.ids.some((id) => echo.has(id));
    if (shared && raw.vector) return raw.vector;
    // Field ids come after every concept id (conceptTable), so concepts then fields stay ascending.
    const ids: number[] = [];
    const weights: number[] = [];
    const fieldIds: number[] = [];
    const fieldWeights: number[] = [];
    for (let k = 0; k < raw.ids.length; k++) {
      const concept = raw.ids[k]!;
      const weight = table.weights[concept]! * raw.weights[k]! * (echo?.has(concept) ? ECHO_FACTOR : 1);
      // A concept no one else names still lends its field: "Marmelade einkochen" is about food.
      if (table.users[concept]! >= MIN_CONCEPT_PARTICIPANTS || table.opposite[concept]! >= 0) {
        ids.push(concept);
        weights.push(weight);
      }
      const field = table.field[concept]!;
      if (field < 0 || table.users[field]! < MIN_CONCEPT_PARTICIPANTS) continue;
      const at = fieldIds.indexOf(field);
      if (at < 0) {
        fieldIds.push(field);
        fieldWeights.push(weight * FIELD_SHARE);
      } else fieldWeights[at] = Math.max(fieldWeights[at]!, weight * FIELD_SHARE);
    }
    const concepts = ids.length;
    let conceptWeight = 0;
    ids.forEach((id, k) => {
      if (!table.topical[id]) conceptWeight += weights[k]!;
    });
    // What an item can share must weigh something: a weak or topic word alone ("im Urlaub") links nothing.
    if (conceptWeight < MIN_LINK_WEIGHT) {
      ids.length = 0;
      weights.length = 0;
      fieldIds.length = 0;
    }
    fieldIds.forEach((field, k) => {
      let at = ids.length;
      while (at > concepts && ids[at - 1]! > field) at--;
      ids.splice(at, 0, field);
      weights.splice(at, 0, fieldWeights[k]!);
    });
    let norm = 0;
    // FNV-1a over ids and weights in thousandths: equal vectors hash alike; clusterThemes checks equality.
    let hash = 0x811c9dc5;
    for (let k = 0; k < ids.length; k++) {
      norm += weights[k]! * weights[k]!;
      weights[k] = Math.round(weights[k]! * 1000) / 1000;
      hash = Math.imul(hash ^ ids[k]!, 0x01000193);
      hash = Math.imul(hash ^ (weights[k]! * 1000), 0x01000193);
    }
    const vector: ItemVector = {
      ids: Int32Array.from(ids),
      weights: Float64Array.from(weights),
      norm: Math.sqrt(norm),
      hash: hash >>> 0,
    };
    if (shared) raw.vector = vector;
    return vector;
  });
}

/** Per participant, the concepts most of their items repeat ("Oma hat mir gezeigt, …" ten times). */
function participantEchoes(
  rawConcepts: readonly RawConcepts[],
  participantIds: Int32Array,
): Map<number, Set<number>> {
  const itemCount = new Map<number, number>();
  const conceptCount = new Map<number, Map<number, number>>();
  rawConcepts.forEach((raw, position) => {
    const participant = participantIds[position]!;
    itemCount.set(participant, (itemCount.get(participant) ?? 0) + 1);
    let counts = conceptCount.get(participant);
    if (!counts) {
      counts = new Map();
      conceptCount.set(participant, counts);
    }
    for (const concept of raw.ids) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  });
  const echoes = new Map<number, Set<number>>();
  for (const [participant, counts] of conceptCount) {
    const total = itemCount.get(participant)!;
    for (const [concept, count] of counts) {
      if (count < ECHO_MIN_ITEMS || count < ECHO_SHARE * total) continue;
      let echo = echoes.get(participant);
      if (!echo) {
        echo = new Set();
        echoes.set(participant, echo);
      }
      echo.add(concept);
    }
  }
  return echoes;
}

/** Input positions grouped by participant (a counting sort: participants are numbered 0…n-1). */
function byParticipant(participantIds: Int32Array): Int32Array {
  let count = 0;
  for (const participant of participantIds) count = Math.max(count, participant + 1);
  const starts = new Int32Array(count + 1);
  for (const participant of participantIds) starts[participant + 1]!++;
  for (let k = 1; k <= count; k++) starts[k]! += starts[k - 1]!;
  const order = new Int32Array(participantIds.length);
  participantIds.forEach((participant, position) => {
    order[starts[participant]!++] = position;
  });
  return order;
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

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** A text's first word, lower-case, if a second word follows (only then can it be a lead-in). */
function leadingWord(text: string, cache: Map<string, string | null>): string | null {
  let word = cache.get(text);
  if (word === undefined) {
    WORD_PATTERN.lastIndex = 0;
    const first = WORD_PATTERN.exec(text);
    word = first && WORD_PATTERN.exec(text) ? first[0].toLowerCase() : null;
    cache.set(text, word);
  }
  return word;
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
  const leadingWordCache = new Map<string, string | null>();
  const byParticipant = new Map<number, number[]>();
  texts.forEach((_, position) => {
    const id = participantIds[position]!;
    const list = byParticipant.get(id);
    if (list) list.push(position);
    else byParticipant.set(id, [position]);
  });
  for (const positions of byParticipant.values()) {
    if (positions.length < 3) continue;
    const needed = Math.max(3, Math.ceil(LEAD_IN_SHARE * positions.length));
    // A longer prefix is never shared more than its first word: most participants stop here.
    const firstCounts = new Map<string, number>();
    let firstBest = 0;
    for (const position of positions) {
      const first = leadingWord(texts[position]!, leadingWordCache);
      if (first === null) continue;
      const count = (firstCounts.get(first) ?? 0) + 1;
      firstCounts.set(first, count);
      firstBest = Math.max(firstBest, count);
    }
    if (firstBest < needed) continue;
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
      if (bestCount < needed || namesConcept) continue;
      positions.forEach((position, index) => {
        if (words[index]!.slice(0, length).join(' ') === best) result[position] = length;
      });
      break;
    }
  }
  return result;
}

/** Items' texts as headings, each distinct text and lead-in cleaned once, with a lower-case key. */
class LabelTexts {
  private readonly cache = new Map<string, { text: string; key: string }[]>();

  constructor(
    private readonly items: readonly ThemeInput[],
    private readonly leadIns: Int32Array,
  ) {}

  of(position: number): { text: string; key: string } {
    const text = this.items[position]!.text;
    const leadIn = this.leadIns[position]!;
    let byLeadIn = this.cache.get(text);
    if (!byLeadIn) {
      byLeadIn = [];
      this.cache.set(text, byLeadIn);
    }
    let label = byLeadIn[leadIn];
    if (!label) {
      const clean = labelText(text, leadIn);
      label = { text: clean, key: clean.toLowerCase() };
      byLeadIn[leadIn] = label;
    }
    return label;
  }
}

/**
 * The label: a short item that stands for the theme — one of the items closest to the theme's
 * centroid (in steps, so that near ties go to the text written most often, then the shortest);
 * when no item is short, the first clause of the most central one, cut at a word.
 */
function chooseLabel(signatures: readonly Signature[], labels: LabelTexts): string {
  const centroid = new Map<number, number>();
  for (const { vector, members } of signatures) {
    for (let k = 0; k < vector.ids.length; k++) {
      centroid.set(vector.ids[k]!, (centroid.get(vector.ids[k]!) ?? 0) + members.length * vector.weights[k]!);
    }
  }
  let centroidNorm = 0;
  for (const weight of centroid.values()) centroidNorm += weight * weight;
  centroidNorm = Math.sqrt(centroidNorm) || 1;
  const central = signatures.map(({ vector }) => {
    let dot = 0;
    for (let k = 0; k < vector.ids.length; k++)
      dot += vector.weights[k]! * (centroid.get(vector.ids[k]!) ?? 0);
    return vector.norm > 0 ? Math.round((LABEL_CENTRALITY_STEPS * dot) / (vector.norm * centroidNorm)) : 0;
  });
  const steps = [...new Set(central)].sort((a, b) => b - a);
  let mostCentral: string | undefined;
  let fairest: string | undefined;
  for (const step of steps) {
    const candidates = new Map<string, { text: string; count: number; first: number }>();
    signatures.forEach((signature, index) => {
      if (central[index] !== step) return;
      for (const position of signature.members) {
        const { text, key } = labels.of(position);
        const entry = candidates.get(key);
        if (entry) {
          entry.count++;
          entry.first = Math.min(entry.first, position);
        } else candidates.set(key, { text, count: 1, first: position });
      }
    });
    const pool = [...candidates.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.text.length - b.text.length ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : a.first - b.first),
    );
    mostCentral ??= pool[0]!.text;
    const short = pool.find((candidate) => candidate.text.length <= LABEL_MAX_CHARS && candidate.text !== '');
    if (short) return short.text;
    const fair = pool.find((candidate) => candidate.text.length <= LABEL_FAIR_CHARS && candidate.text !== '');
    fairest ??= fair?.text;
  }
  // A whole sentence reads better than a cut one, up to a point.
  return fairest ?? shortenLabel(mostCentral!);
}

/** A long text as a heading: its first clause if short enough, else cut at a word with an ellipsis. */
function shortenLabel(text: string): string {
  const clause = text.split(/\s[-–—]\s|[:;(]|,\s/u)[0]!.trim();
  if (clause.length >= 3 && clause.length <= LABEL_MAX_CHARS) return clause;
  const cut = clause.slice(0, LABEL_MAX_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LABEL_MAX_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, LABEL_MAX_CHARS)).replace(/[\s,.;:–-]+$/u, '')} …`;
}

/** An item's text as a heading: no lead-in echo, list marker, emoji or closing full stop. */
function labelText(text: string, leadIn: number): string {
  let clean = cleanItemText(text);
  if (leadIn > 0) {
    const words = [...clean.matchAll(/[\p{L}\p{N}]+/gu)];
    const cut = words[leadIn - 1];
    if (cut) clean = clean.slice(cut.index + cut[0].length).replace(/^[\s,:;–—-]+/u, '');
  }
  // A heading keeps the item's first sentence, without a closing aside: "Ein Rucksack reicht. Wirklich."
  const aside = clean.replace(TRAILING_ASIDE, '');
  if (aside.length >= MIN_LABEL_PART) clean = aside;
  const sentence = FIRST_SENTENCE.exec(clean);
  if (sentence) clean = sentence[1]!;
  clean = clean.replace(/[\s.;:,!]+$/u, '').trim();
  return clean.charAt(0).toLocaleUpperCase() + clean.slice(1);
}

const TRAILING_ASIDE = /\s*\([^()]*\)[\s.!?]*$/u;
/** A first sentence of two words or more, ended by a full stop after a word, not an abbreviation ("St. Martin"). */
const FIRST_SENTENCE = /^(\S+\s.*?(?<!\p{L})(?:\p{Ll}\p{L}*|\p{Lu}\p{L}{3,}))\.\s+\S/u;
const MIN_LABEL_PART = 3;
