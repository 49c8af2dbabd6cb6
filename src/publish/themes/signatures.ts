/**
 * The grouping step of the theme engine, on concept numbers: items with the same signature (the
 * concepts they can share) fall together; signatures join the theme of a similar, more named
 * signature; themes of one participant join the established theme whose core covers them.
 * Candidates come from an inverted index on concepts, so the work grows with the number of items
 * times a small cap, never with its square.
 */

/** Two signatures link only if what they share weighs this much: a weak word alone ("morgens") links nothing. */
export const MIN_LINK_WEIGHT = 0.4;
/** A concept must be used by this many participants to link items. */
const MIN_CONCEPT_PARTICIPANTS = 2;
/** Weighted Jaccard a signature must exceed with an earlier signature to join its theme. */
const JOIN_SIMILARITY = 0.5;
/** Share of a small theme's weight that an established theme's core must cover to absorb it. */
const ABSORB_COVERAGE = 0.5;
/** A concept is core to a theme when more than this share of its items name it. */
const CORE_SHARE = 0.5;
/** Candidates looked at per concept; the most named come first, so the cap loses little. */
const CANDIDATES_PER_CONCEPT = 24;

export interface Signature {
  /** Concept numbers, ascending. */
  concepts: Int32Array;
  weight: number;
  /** Input positions of its items, ascending. */
  members: number[];
  participants: number;
  /** The signature (an index into the list) that leads its theme. */
  theme: number;
}

export interface ConceptTable {
  names: readonly string[];
  weights: Float64Array;
  /** The concept of opposite polarity ("pay" ↔ "!pay") if it occurs, else -1. */
  opposite: Int32Array;
  /** Participants naming each concept. */
  users: Int32Array;
}

function countDistinct(positions: readonly number[], participantIds: Int32Array): number {
  const seen = new Set<number>();
  for (const position of positions) seen.add(participantIds[position]!);
  return seen.size;
}

/**
 * Signatures in the order themes are built: most participants first, then most items, then fewer
 * concepts, then concept names, so the order never depends on the order of the input. Items whose
 * shared concepts weigh too little to link are returned apart.
 */
export function buildSignatures(
  itemConcepts: readonly Int32Array[],
  participantIds: Int32Array,
  table: ConceptTable,
): { list: Signature[]; unmatched: number[] } {
  const byKey = new Map<string, Signature>();
  // Items with equal texts share one concept array: find its signature once.
  const byArray = new Map<Int32Array, Signature | null>();
  const unmatched: number[] = [];
  itemConcepts.forEach((concepts, position) => {
    let signature = byArray.get(concepts);
    if (signature === undefined) {
      // A concept that occurs negated and plain stays even when rare: it keeps "ruft nie an" from "ruft an".
      const shared = concepts.filter(
        (concept) => table.users[concept]! >= MIN_CONCEPT_PARTICIPANTS || table.opposite[concept]! >= 0,
      );
      let weight = 0;
      for (const concept of shared) weight += table.weights[concept]!;
      if (weight < MIN_LINK_WEIGHT) {
        signature = null;
      } else {
        const key = shared.join(' ');
        signature = byKey.get(key) ?? null;
        if (!signature) {
          signature = { concepts: shared, weight, members: [], participants: 0, theme: -1 };
          byKey.set(key, signature);
        }
      }
      byArray.set(concepts, signature);
    }
    if (signature) signature.members.push(position);
    else unmatched.push(position);
  });
  const list = [...byKey.values()];
  const names = new Map<Signature, string>();
  for (const signature of list) {
    signature.participants = countDistinct(signature.members, participantIds);
    names.set(
      signature,
      Array.from(signature.concepts, (concept) => table.names[concept]!)
        .sort()
        .join(' '),
    );
  }
  list.sort(
    (a, b) =>
      b.participants - a.participants ||
      b.members.length - a.members.length ||
      a.concepts.length - b.concepts.length ||
      (names.get(a)! < names.get(b)! ? -1 : 1),
  );
  list.forEach((signature, index) => {
    signature.theme = index;
  });
  return { list, unmatched };
}

/** Whether one side names what the other negates ("zahlt pünktlich" against "zahlt nicht pünktlich"). */
function contradicts(a: Int32Array, b: Int32Array | Set<number>, table: ConceptTable): boolean {
  for (const concept of a) {
    const other = table.opposite[concept]!;
    if (other >= 0 && (b instanceof Set ? b.has(other) : b.includes(other))) return true;
  }
  return false;
}

/** Weight both signatures share; the concept numbers are ascending, so one merge pass does. */
function sharedWeight(a: Int32Array, b: Int32Array, weights: Float64Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared += weights[a[i]!]!;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * In popularity order, each signature joins the theme of the most similar earlier signature if
 * their weighted Jaccard exceeds JOIN_SIMILARITY; otherwise it leads a theme of its own.
 */
export function joinSimilarSignatures(signatures: Signature[], table: ConceptTable): void {
  const earlierByConcept = new Map<number, number[]>();
  const lastSeenBy = new Int32Array(signatures.length).fill(-1);
  signatures.forEach((signature, index) => {
    let best = -1;
    let bestScore = JOIN_SIMILARITY;
    for (const concept of signature.concepts) {
      // Candidates come through the concepts that can link on their own; weak ones only add weight.
      if (table.weights[concept]! < MIN_LINK_WEIGHT) continue;
      const earlier = earlierByConcept.get(concept);
      if (!earlier) continue;
      for (let k = 0; k < earlier.length && k < CANDIDATES_PER_CONCEPT; k++) {
        const other = earlier[k]!;
        if (lastSeenBy[other] === index) continue;
        lastSeenBy[other] = index;
        const otherSignature = signatures[other]!;
        const shared = sharedWeight(signature.concepts, otherSignature.concepts, table.weights);
        if (shared < MIN_LINK_WEIGHT || contradicts(signature.concepts, otherSignature.concepts, table)) {
          continue;
        }
        const score = shared / (signature.weight + otherSignature.weight - shared);
        if (score > bestScore) {
          best = other;
          bestScore = score;
        }
      }
    }
    if (best >= 0) signature.theme = signatures[best]!.theme;
    for (const concept of signature.concepts) {
      if (table.weights[concept]! < MIN_LINK_WEIGHT) continue;
      const list = earlierByConcept.get(concept);
      if (list) list.push(index);
      else earlierByConcept.set(concept, [index]);
    }
  });
}

/** Themes named by one participant join the established theme whose core covers most of their weight. */
export function absorbSmallThemes(
  signatures: Signature[],
  participantIds: Int32Array,
  table: ConceptTable,
): void {
  const themes = new Map<number, number[]>();
  signatures.forEach((signature, index) => {
    const list = themes.get(signature.theme);
    if (list) list.push(index);
    else themes.set(signature.theme, [index]);
  });
  const established = new Map<number, { core: Set<number>; participants: number }>();
  const coreIndex = new Map<number, number[]>();
  for (const [leader, members] of themes) {
    const positions = members.flatMap((index) => signatures[index]!.members);
    const participants = countDistinct(positions, participantIds);
    if (participants < 2) continue;
    const counts = new Map<number, number>();
    for (const index of members) {
      for (const concept of signatures[index]!.concepts) {
        counts.set(concept, (counts.get(concept) ?? 0) + signatures[index]!.members.length);
      }
    }
    const core = new Set<number>();
    for (const [concept, count] of counts) if (count > CORE_SHARE * positions.length) core.add(concept);
    established.set(leader, { core, participants });
    for (const concept of core) {
      const list = coreIndex.get(concept);
      if (list) list.push(leader);
      else coreIndex.set(concept, [leader]);
    }
  }
  const moves: [number[], number][] = [];
  for (const [leader, members] of themes) {
    if (established.has(leader)) continue;
    const { concepts, weight } = signatures[leader]!;
    let best = -1;
    let bestScore = ABSORB_COVERAGE;
    let bestParticipants = 0;
    const seen = new Set<number>();
    for (const concept of concepts) {
      const targets = coreIndex.get(concept) ?? [];
      for (let k = 0; k < targets.length && k < CANDIDATES_PER_CONCEPT; k++) {
        const target = targets[k]!;
        if (seen.has(target)) continue;
        seen.add(target);
        const { core, participants } = established.get(target)!;
        let covered = 0;
        for (const c of concepts) if (core.has(c)) covered += table.weights[c]!;
        if (covered < MIN_LINK_WEIGHT || contradicts(concepts, core, table)) continue;
        const score = covered / weight;
        if (score > bestScore || (score === bestScore && participants > bestParticipants)) {
          best = target;
          bestScore = score;
          bestParticipants = participants;
        }
      }
    }
    if (best >= 0) moves.push([members, best]);
  }
  for (const [members, target] of moves) for (const index of members) signatures[index]!.theme = target;
}
