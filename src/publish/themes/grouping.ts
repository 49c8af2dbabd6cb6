/**
 * The grouping step of the theme engine, on weighted concept vectors. Items with the same vector
 * form a signature; signatures, most named first, join the theme whose centroid they are most
 * similar to (cosine), or start a theme; themes then merge with a similar, more named theme unless
 * the same participants name both (a participant names a theme once); themes of one field that
 * hardly share participants merge; themes of one participant join the theme they resemble most. Candidates come from an inverted index on
 * concepts, capped, so the work grows with the number of items, never with its square. Same input,
 * same output: every order is decided by counts, keys or indexes, never by hash or time.
 */

export interface ConceptTable {
  names: readonly string[];
  /** What a concept weighs in any item: the lexicon's weight, less for plain stems and topic words. */
  weights: Float64Array;
  /** The concept of opposite polarity ("pay" ↔ "!pay") if it occurs, else -1. */
  opposite: Int32Array;
  /** Participants naming each concept. */
  users: Int32Array;
  /** The field concept ("@money") of a concept, else -1. */
  field: Int32Array;
  /** Whether the concept is a field: it adds similarity but finds no candidates. */
  isField: Uint8Array;
  /** Whether the concept is the parade's topic (weighed down): it links nothing on its own. */
  topical: Uint8Array;
}

/** An item as concepts with weights, ids ascending; items with equal vectors share one. */
export interface ItemVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  /** Equal vectors have equal hashes. */
  hash: number;
}

/** Orders vectors by their concepts, then weights; 0 for equal vectors. */
export function compareVectors(a: ItemVector, b: ItemVector): number {
  const length = Math.min(a.ids.length, b.ids.length);
  for (let k = 0; k < length; k++) if (a.ids[k] !== b.ids[k]) return a.ids[k]! - b.ids[k]!;
  if (a.ids.length !== b.ids.length) return a.ids.length - b.ids.length;
  for (let k = 0; k < length; k++) if (a.weights[k] !== b.weights[k]) return a.weights[k]! - b.weights[k]!;
  return 0;
}

export interface Signature {
  vector: ItemVector;
  /** Input positions of its items, ascending. */
  members: number[];
  participants: number;
}

/** Cosine a signature must exceed with a theme's centroid to join it. */
const JOIN_SIMILARITY = 0.5;
/** Cosine of two themes' centroids above which the less named joins the more named. */
const MERGE_SIMILARITY = 0.35;
/** Cosine above which a theme of one participant joins an established theme. */
const ABSORB_SIMILARITY = 0.3;
/** Two themes that this share of the smaller one's participants both name are two themes: they never merge. */
const MERGE_OVERLAP = 0.34;
/**
 * Themes leaning on one field (pay and price both on money) merge above this cosine, with field
 * concepts counted FIELD_MERGE_BOOST times, if hardly anyone names both (FIELD_MERGE_OVERLAP).
 */
const FIELD_MERGE_SIMILARITY = 0.4;
const FIELD_MERGE_BOOST = 2.5;
const FIELD_MERGE_OVERLAP = 0.1;
/** Candidates looked at per concept; the most named come first, so the cap loses little. */
const CANDIDATES_PER_CONCEPT = 12;
/** Concepts of a theme's centroid that find merge candidates: its heaviest ones. */
const MERGE_PROBES = 4;

interface Theme {
  centroid: Map<number, number>;
  norm2: number;
  signatures: number[];
  participants: Set<number>;
  /** The theme it was merged into, or its own index. */
  parent: number;
}

function dot(vector: ItemVector, centroid: Map<number, number>): number {
  let sum = 0;
  for (let k = 0; k < vector.ids.length; k++) sum += vector.weights[k]! * (centroid.get(vector.ids[k]!) ?? 0);
  return sum;
}

function centroidDot(
  a: Map<number, number>,
  b: Map<number, number>,
  table: ConceptTable,
  fieldBoost: number,
): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  // forEach rather than for…of: no [key, value] array per entry on this hot path.
  small.forEach((weight, concept) => {
    const product = weight * (large.get(concept) ?? 0);
    sum += table.isField[concept] ? product * fieldBoost * fieldBoost : product;
  });
  return sum;
}

function boostedNorm2(theme: Theme, table: ConceptTable, fieldBoost: number): number {
  if (fieldBoost === 1) return theme.norm2;
  let sum = 0;
  theme.centroid.forEach((weight, concept) => {
    sum += table.isField[concept] ? weight * weight * fieldBoost * fieldBoost : weight * weight;
  });
  return sum;
}

/** Whether the vector names what the theme leans the other way on ("zahlt pünktlich" against "zahlt nie pünktlich"). */
function contradicts(vector: ItemVector, centroid: Map<number, number>, table: ConceptTable): boolean {
  for (let k = 0; k < vector.ids.length; k++) {
    const concept = vector.ids[k]!;
    const other = table.opposite[concept]!;
    if (other >= 0 && (centroid.get(other) ?? 0) > (centroid.get(concept) ?? 0)) return true;
  }
  return false;
}

function centroidsContradict(a: Map<number, number>, b: Map<number, number>, table: ConceptTable): boolean {
  let found = false;
  a.forEach((weight, concept) => {
    const other = table.opposite[concept]!;
    if (found || other < 0) return;
    const against = b.get(other) ?? 0;
    if (against > (b.get(concept) ?? 0) && weight > (a.get(other) ?? 0)) found = true;
  });
  return found;
}

/**
 * Signatures in the order themes are built: most participants first, then most items, then fewer
 * concepts, then the concepts themselves (numbered by name), so the order never depends on the
 * order of the input.
 */
export function orderSignatures(signatures: Signature[]): void {
  signatures.sort(
    (a, b) =>
      b.participants - a.participants ||
      b.members.length - a.members.length ||
      a.vector.ids.length - b.vector.ids.length ||
      compareVectors(a.vector, b.vector),
  );
}

/** The theme of each signature (signatures in the order of orderSignatures), as the index of its first signature. */
export function groupSignatures(
  signatures: readonly Signature[],
  table: ConceptTable,
  participantIds: Int32Array,
): Int32Array {
  const themes: Theme[] = [];
  const index = new Map<number, number[]>();
  const lastSeen: number[] = [];
  const addToTheme = (theme: Theme, themeIndex: number, signatureIndex: number): void => {
    const signature = signatures[signatureIndex]!;
    const { ids, weights } = signature.vector;
    const count = signature.members.length;
    for (let k = 0; k < ids.length; k++) {
      const concept = ids[k]!;
      const old = theme.centroid.get(concept);
      const value = (old ?? 0) + weights[k]! * count;
      theme.norm2 += value * value - (old ?? 0) * (old ?? 0);
      theme.centroid.set(concept, value);
      if (old === undefined && !table.isField[concept]) {
        const list = index.get(concept);
        if (list) list.push(themeIndex);
        else index.set(concept, [themeIndex]);
      }
    }
    theme.signatures.push(signatureIndex);
    for (const position of signature.members) theme.participants.add(participantIds[position]!);
  };

  signatures.forEach((signature, signatureIndex) => {
    const { vector } = signature;
    let best = -1;
    let bestScore = JOIN_SIMILARITY;
    for (let k = 0; k < vector.ids.length; k++) {
      const concept = vector.ids[k]!;
      if (table.isField[concept]) continue;
      const candidates = index.get(concept);
      if (!candidates) continue;
      for (let c = 0; c < candidates.length && c < CANDIDATES_PER_CONCEPT; c++) {
        const themeIndex = candidates[c]!;
        if (lastSeen[themeIndex] === signatureIndex) continue;
        lastSeen[themeIndex] = signatureIndex;
        const theme = themes[themeIndex]!;
        const score = dot(vector, theme.centroid) / (vector.norm * Math.sqrt(theme.norm2));
        if (score > bestScore && !contradicts(vector, theme.centroid, table)) {
          best = themeIndex;
          bestScore = score;
        }
      }
    }
    if (best < 0) {
      best = themes.length;
      themes.push({ centroid: new Map(), norm2: 0, signatures: [], participants: new Set(), parent: best });
      lastSeen.push(-1);
    }
    addToTheme(themes[best]!, best, signatureIndex);
  });

  mergeThemes(themes, index, table);
  if (FIELD_MERGE_SIMILARITY < 1) mergeWithinFields(themes, table);
  absorbSmallThemes(themes, index, table);

  const result = new Int32Array(signatures.length);
  themes.forEach((theme, themeIndex) => {
    const root = findRoot(themes, themeIndex);
    for (const signatureIndex of theme.signatures) result[signatureIndex] = root;
  });
  return result;
}

function findRoot(themes: Theme[], themeIndex: number): number {
  let root = themeIndex;
  while (themes[root]!.parent !== root) root = themes[root]!.parent;
  return root;
}

function join(themes: Theme[], from: number, into: number): void {
  const source = themes[from]!;
  const target = themes[into]!;
  source.centroid.forEach((weight, concept) => {
    const old = target.centroid.get(concept) ?? 0;
    const value = old + weight;
    target.norm2 += value * value - old * old;
    target.centroid.set(concept, value);
  });
  source.participants.forEach((participant) => {
    target.participants.add(participant);
  });
  source.parent = into;
}

/** The heaviest concepts of a centroid that can find candidates, heaviest first. */
function probes(centroid: Map<number, number>, table: ConceptTable, count: number): number[] {
  const concepts: number[] = [];
  const weights: number[] = [];
  centroid.forEach((weight, concept) => {
    if (table.isField[concept]) return;
    // Insertion into a short list, heaviest first (ties: lower id first).
    let at = concepts.length;
    while (
      at > 0 &&
      (weights[at - 1]! < weight || (weights[at - 1] === weight && concepts[at - 1]! > concept))
    )
      at--;
    if (at >= count) return;
    concepts.splice(at, 0, concept);
    weights.splice(at, 0, weight);
    if (concepts.length > count) {
      concepts.pop();
      weights.pop();
    }
  });
  return concepts;
}

/** The most similar earlier (more named) root theme above `threshold`, or -1. */
function mostSimilarRoot(
  themes: Theme[],
  themeIndex: number,
  index: Map<number, number[]>,
  table: ConceptTable,
  threshold: number,
  accept: (root: number) => boolean,
  fieldBoost = 1,
  veto: (root: number) => boolean = () => false,
): number {
  const theme = themes[themeIndex]!;
  const norm2 = boostedNorm2(theme, table, fieldBoost);
  let best = -1;
  let bestScore = threshold;
  const seen = new Set<number>();
  for (const concept of probes(theme.centroid, table, MERGE_PROBES)) {
    const candidates = index.get(concept) ?? [];
    for (let c = 0; c < candidates.length && c < CANDIDATES_PER_CONCEPT; c++) {
      const root = findRoot(themes, candidates[c]!);
      if (root === themeIndex || seen.has(root)) continue;
      seen.add(root);
      if (!accept(root)) continue;
      const other = themes[root]!;
      const score =
        centroidDot(theme.centroid, other.centroid, table, fieldBoost) /
        Math.sqrt(norm2 * boostedNorm2(other, table, fieldBoost));
      if (score > bestScore && !centroidsContradict(theme.centroid, other.centroid, table) && !veto(root)) {
        best = root;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Each theme, most named first, joins the most similar more named theme if their centroids agree. */
function mergeThemes(themes: Theme[], index: Map<number, number[]>, table: ConceptTable): void {
  for (let themeIndex = 1; themeIndex < themes.length; themeIndex++) {
    const target = mostSimilarRoot(
      themes,
      themeIndex,
      index,
      table,
      MERGE_SIMILARITY,
      (root) => root < themeIndex,
      1,
      // Checked last: counting shared participants costs more than the similarity.
      (root) => overlap(themes[themeIndex]!, themes[root]!) > MERGE_OVERLAP,
    );
    if (target >= 0) join(themes, themeIndex, target);
  }
}

/** Themes of one participant join the established theme (two participants or more) they resemble most. */
function absorbSmallThemes(themes: Theme[], index: Map<number, number[]>, table: ConceptTable): void {
  const moves: [number, number][] = [];
  themes.forEach((theme, themeIndex) => {
    if (theme.parent !== themeIndex || theme.participants.size > 1) return;
    const target = mostSimilarRoot(
      themes,
      themeIndex,
      index,
      table,
      ABSORB_SIMILARITY,
      (root) => themes[root]!.participants.size > 1,
    );
    if (target >= 0) moves.push([themeIndex, target]);
  });
  for (const [from, into] of moves) join(themes, from, into);
}

/** The field a theme leans on most, or -1. */
function mainField(theme: Theme, table: ConceptTable): number {
  let best = -1;
  let bestWeight = 0;
  theme.centroid.forEach((weight, concept) => {
    if (table.isField[concept] && (weight > bestWeight || (weight === bestWeight && concept < best))) {
      best = concept;
      bestWeight = weight;
    }
  });
  return best;
}

/**
 * Themes of one field whose participants hardly overlap are one theme said in different words: a
 * participant names a theme once, so two themes that many participants both name are two themes.
 */
function mergeWithinFields(themes: Theme[], table: ConceptTable): void {
  const byField = new Map<number, number[]>();
  themes.forEach((theme, themeIndex) => {
    if (theme.parent !== themeIndex) return;
    const field = mainField(theme, table);
    if (field < 0) return;
    const list = byField.get(field);
    if (list) list.push(themeIndex);
    else byField.set(field, [themeIndex]);
  });
  for (const list of byField.values()) {
    for (let k = 1; k < list.length; k++) {
      const themeIndex = list[k]!;
      const theme = themes[themeIndex]!;
      const norm2 = boostedNorm2(theme, table, FIELD_MERGE_BOOST);
      let best = -1;
      let bestScore = FIELD_MERGE_SIMILARITY;
      for (let c = 0; c < k && c < CANDIDATES_PER_CONCEPT; c++) {
        const root = findRoot(themes, list[c]!);
        if (root === themeIndex) continue;
        const other = themes[root]!;
        const score =
          centroidDot(theme.centroid, other.centroid, table, FIELD_MERGE_BOOST) /
          Math.sqrt(norm2 * boostedNorm2(other, table, FIELD_MERGE_BOOST));
        if (
          score > bestScore &&
          !centroidsContradict(theme.centroid, other.centroid, table) &&
          overlap(theme, other) <= FIELD_MERGE_OVERLAP
        ) {
          best = root;
          bestScore = score;
        }
      }
      if (best >= 0) join(themes, themeIndex, best);
    }
  }
}

/** Share of the smaller theme's participants that also name the other theme. */
function overlap(a: Theme, b: Theme): number {
  const [small, large] = a.participants.size <= b.participants.size ? [a, b] : [b, a];
  let shared = 0;
  small.participants.forEach((participant) => {
    if (large.participants.has(participant)) shared++;
  });
  return small.participants.size === 0 ? 0 : shared / small.participants.size;
}
