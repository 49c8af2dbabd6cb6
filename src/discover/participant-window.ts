import { normalizeUrl } from '../sanitize/index.js';
import { type FeedItemMatch, type MatchContext, matchFeedItem } from './feed-match.js';
import type { FeedItem } from './feed-parser.js';

const DAY = 24 * 60 * 60 * 1000;

/** While the parade runs: from the call's publication to the deadline plus a grace period; open-ended without either end. */
export interface ParadeWindow {
  from: string;
  until: string | null;
}

export interface SelectedItem {
  url: string;
  key: string;
  /** Why the item is a candidate: it links the call, names the prompt or hashtag, or only appeared in the window. */
  why: NonNullable<FeedItemMatch['why']> | 'window';
}

export interface FeedSelection {
  candidates: SelectedItem[];
  /** Keys to remember as seen: every item decided, candidate or not. */
  seen: string[];
  /** Items in the window left unseen for the next pass because a cap was reached. */
  deferred: number;
}

/**
 * The parade's window: opens with the call's publication (else the parade's creation), closes
 * `graceDays` after the deadline (else after the parade was closed); an open parade without a
 * deadline has no end yet.
 */
export function paradeWindow(input: {
  callPublished: string | null;
  createdAt: string;
  deadline: string | null;
  closedAt: string | null;
  graceDays: number;
}): ParadeWindow {
  const end = input.deadline ?? input.closedAt;
  return {
    from: input.callPublished ?? input.createdAt,
    until: end === null ? null : new Date(Date.parse(end) + input.graceDays * DAY).toISOString(),
  };
}

function inWindow(item: FeedItem, window: ParadeWindow): boolean {
  const at = item.published === null ? Number.NaN : Date.parse(item.published);
  if (Number.isNaN(at)) return false;
  return at >= Date.parse(window.from) && (window.until === null || at <= Date.parse(window.until));
}

/**
 * Decides a participant blog's new feed items: an item that links the call or names the prompt or
 * hashtag is a candidate as before; an item published in the window is one too, even when its
 * feed text is only a teaser — the newest `limit` of them, the rest wait unseen for the next pass.
 * Items outside the window, without a link or pointing at the call itself are just seen.
 * Without a window (the host's own blog) only matching items count.
 */
export function selectFeedItems(
  fresh: FeedItem[],
  opts: { match: MatchContext; window: ParadeWindow | null; limit: number },
): FeedSelection {
  const candidates: SelectedItem[] = [];
  const seen: string[] = [];
  const inside: (FeedItem & { link: string })[] = [];
  for (const item of fresh) {
    const match = matchFeedItem(item, opts.match);
    if (item.link !== null && match.why !== null) {
      candidates.push({ url: item.link, key: item.key, why: match.why });
      seen.push(item.key);
    } else if (item.link !== null && opts.window !== null && inWindow(item, opts.window)) {
      if (!isCall({ ...item, link: item.link }, opts.match)) inside.push({ ...item, link: item.link });
      else seen.push(item.key);
    } else {
      seen.push(item.key);
    }
  }
  inside.sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? ''));
  const taken = inside.slice(0, Math.max(0, opts.limit));
  for (const item of taken) {
    candidates.push({ url: item.link, key: item.key, why: 'window' });
    seen.push(item.key);
  }
  return { candidates, seen, deferred: inside.length - taken.length };
}

/** The call's own item (on the host's feed) is no entry, in or out of the window. */
function isCall(item: FeedItem & { link: string }, match: MatchContext): boolean {
  const key = normalizeUrl(item.link);
  return match.callUrls.some((u) => normalizeUrl(u) === key);
}
