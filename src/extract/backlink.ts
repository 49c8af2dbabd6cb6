import { normalizeUrl } from '../sanitize/url.js';
import type { BacklinkPlace, ExtractedPage } from './types.js';

export interface BacklinkCheck {
  place: BacklinkPlace;
  /** The page's link (as written, absolute) that matched one of the call's addresses. */
  matched: string | null;
  /** A link to the call's site that is close to, but not, the call (home page, other post, typo). */
  nearMiss: string | null;
  explanation: string;
}

interface Key {
  host: string;
  path: string;
}

function keyOf(url: string): Key | null {
  const normalized = normalizeUrl(url);
  if (normalized === null) return null;
  const parsed = new URL(normalized);
  return { host: parsed.host, path: `${parsed.pathname}${parsed.search}`.replace(/\/$/, '') };
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Same site and a path that is a prefix of the call's, or a few typos away from it. */
function isNear(link: Key, call: Key): boolean {
  if (link.host !== call.host) return false;
  const a = decodeURIComponent(link.path).toLowerCase();
  const b = decodeURIComponent(call.path).toLowerCase();
  return a === b || b.startsWith(`${a}/`) || a === '' || editDistance(a, b, 3) <= 3;
}

function safeDecodeKey(url: string): Key | null {
  try {
    return keyOf(url);
  } catch {
    return null;
  }
}

function findMatch(links: string[], calls: Set<string>): string | null {
  for (const link of links) {
    const normalized = normalizeUrl(link);
    if (normalized !== null && calls.has(normalized)) return link;
  }
  return null;
}

function findNearMiss(links: string[], calls: Key[]): string | null {
  for (const link of links) {
    const key = safeDecodeKey(link);
    if (key !== null && calls.some((call) => isNear(key, call))) return link;
  }
  return null;
}

/**
 * Whether the post's main content links the call. `callUrls` is the call URL plus the addresses it
 * was reached through (redirects, canonical); URLs are compared normalized (see normalizeUrl).
 */
export function checkBacklink(page: ExtractedPage, callUrls: string[]): BacklinkCheck {
  const calls = new Set(
    callUrls.map((url) => normalizeUrl(url)).filter((url): url is string => url !== null),
  );
  const callKeys = callUrls.map(safeDecodeKey).filter((key): key is Key => key !== null);
  const inContent = findMatch(page.links, calls);
  if (inContent !== null) {
    return {
      place: 'content',
      matched: inContent,
      nearMiss: null,
      explanation: 'links the call in the post',
    };
  }
  const nearMiss = findNearMiss(page.links, callKeys);
  const elsewhere = findMatch(page.otherLinks, calls);
  if (elsewhere !== null) {
    return {
      place: 'elsewhere',
      matched: elsewhere,
      nearMiss,
      explanation: 'links the call only in the sidebar or comments, not in the post',
    };
  }
  const anyNear = nearMiss ?? findNearMiss(page.otherLinks, callKeys);
  return {
    place: 'none',
    matched: null,
    nearMiss: anyNear,
    explanation:
      anyNear === null
        ? 'no link to the call'
        : `no link to the call; the closest is ${anyNear}, which is not the call's address`,
  };
}
