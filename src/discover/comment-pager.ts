import type { AppContext } from '../context.js';
import { decodeHtml, extractPage } from '../extract/index.js';
import type { FetchSuccess } from '../http/types.js';
import { normalizeUrl } from '../sanitize/index.js';
import {
  addDiscoveryPage,
  type DiscoveryPage,
  type DiscoverySource,
  listDiscoveryPages,
  markItemsSeen,
  removeDiscoveryPage,
  saveDiscoveryPage,
} from '../store/discovery-repository.js';
import { type CallPageFindings, readCallPage } from './call-page.js';
import { feedPagingOf, readCommentPager, wordpressFeedPage } from './comment-pages.js';
import { commentPageNumber, pageAddress } from './comment-urls.js';
import { decodeXml, type FeedItem, parseFeed } from './feed-parser.js';

export class SourceFailure extends Error {}

/** Pages beyond the call page itself that one source may still read in this pass. */
export class PageBudget {
  used = 0;
  constructor(private readonly limit: number) {}
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }
}

export interface CommentArea {
  /** Everything the comment pages read in this pass show, each URL once. */
  findings: Omit<CallPageFindings, 'commentFeedUrl'>;
  /** The comment feed the call page advertises; null when the page was not read (unchanged) or names none. */
  commentFeedUrl: string | null;
  /** The call's address after redirects. */
  callUrl: string;
  /** The call's publication date, when the call page was read and tells it. */
  published: string | null;
  /** Comments on the pages read in this pass. */
  comments: number;
  /** Comments the comment pages have shown at all, over every pass: 0 means the page shows none (a script loads them). */
  commentsEverShown: number;
  /** Known pages left unread because the page cap was reached. */
  deferred: number;
  /** Pages that failed; the pass goes on without them and retries them next time. */
  problems: string[];
  /** The call page's HTML when it was fetched anew in this pass (null when it answered 304). */
  callHtml: string | null;
}

function merge(into: Omit<CallPageFindings, 'commentFeedUrl'>, more: CallPageFindings): void {
  for (const key of ['pingbacks', 'commenterSites', 'commentLinks'] as const) {
    const known = new Set(into[key].map((u) => normalizeUrl(u) ?? u));
    for (const url of more[key]) {
      const k = normalizeUrl(url) ?? url;
      if (!known.has(k)) {
        known.add(k);
        into[key].push(url);
      }
    }
  }
}

/** A fetched page's HTML, decoded by its charset. */
export function htmlOf(result: FetchSuccess): string {
  return decodeHtml(result.body, result.contentType).html;
}

/**
 * Reads the call's comment area: the call page (conditional GET), then every comment page it or its
 * neighbours link that is not complete yet — a page with a newer page after it is complete and is
 * not read again; the newest is re-read with conditional GET. Pages are visited once per pass
 * (a pager that links back cannot loop) and at most `budget` of them besides the call page.
 */
export async function readCommentArea(
  ctx: AppContext,
  source: DiscoverySource,
  callUrl: string,
  budget: PageBudget,
): Promise<CommentArea> {
  const now = () => ctx.clock.now().toISOString();
  const stored = new Map((await listDiscoveryPages(ctx.db, source.id)).map((p) => [p.url, p]));
  const area: CommentArea = {
    findings: { pingbacks: [], commenterSites: [], commentLinks: [] },
    commentFeedUrl: null,
    callUrl,
    published: null,
    comments: 0,
    commentsEverShown: 0,
    deferred: 0,
    problems: [],
    callHtml: null,
  };
  const start = pageAddress(callUrl);
  const queue = [
    start,
    ...[...stored.values()].filter((p) => p.complete === 0 && p.url !== start).map((p) => p.url),
  ];
  const visited = new Set<string>();
  const keyOf = (url: string) => normalizeUrl(url) ?? url;
  // One page under two addresses (the call itself and `?cpage=1`, or `comment-page-3/`) is read once.
  const positions = new Map<number, string>();
  for (const p of stored.values()) if (p.position !== null) positions.set(p.position, p.url);
  const place = (url: string, position: number | null) => {
    for (const [n, at] of positions) if (at === url) positions.delete(n);
    if (position !== null) positions.set(position, url);
  };

  while (queue.length > 0) {
    const url = queue.shift()!;
    if (visited.has(keyOf(url))) continue;
    const isCall = url === start;
    if (!isCall && !budget.take()) {
      area.deferred = new Set([url, ...queue].map(keyOf).filter((k) => !visited.has(k))).size;
      break;
    }
    visited.add(keyOf(url));
    const known = stored.get(url);
    const result = await ctx.http.fetch(url, {
      etag: known?.etag ?? null,
      lastModified: known?.last_modified ?? null,
    });
    if (!result.ok) {
      if (isCall) throw new SourceFailure(`the call page could not be fetched: ${result.detail}`);
      area.problems.push(`comment page ${url} could not be fetched: ${result.detail}`);
      // A page that is gone (comments deleted, pagination changed) is forgotten; others are retried.
      if (result.reason === 'not-found') await removeDiscoveryPage(ctx.db, source.id, url);
      continue;
    }
    if (isCall) area.callUrl = result.url;
    visited.add(keyOf(pageAddress(result.url)));
    if (result.notModified) continue;
    const html = htmlOf(result);
    const findings = readCallPage(html, result.url);
    merge(area.findings, findings);
    const pager = readCommentPager(html, result.url);
    area.comments += pager.comments;
    if (isCall) {
      area.callHtml = html;
      area.commentFeedUrl = findings.commentFeedUrl;
      if (source.published === null) area.published = extractPage({ html, url: result.url }).published;
    }
    place(url, pager.current ?? commentPageNumber(url));
    for (const link of pager.links) {
      const twin = link.number === null ? undefined : positions.get(link.number);
      if (twin !== undefined && twin !== link.url) continue;
      if (!stored.has(link.url)) {
        place(link.url, link.number);
        const pending: DiscoveryPage = {
          source_id: source.id,
          url: link.url,
          position: link.number,
          etag: null,
          last_modified: null,
          complete: 0,
          items: 0,
          fetched_at: null,
          created_at: now(),
        };
        await addDiscoveryPage(ctx.db, pending);
        stored.set(link.url, pending);
        queue.push(link.url);
      } else if (stored.get(link.url)!.complete === 0) {
        queue.push(link.url);
      }
    }
    const read: DiscoveryPage = {
      source_id: source.id,
      url,
      position: pager.current ?? commentPageNumber(url),
      etag: result.etag,
      last_modified: result.lastModified,
      // The call's own address shows whichever page the blog shows by default: always looked at again.
      complete: pager.hasNewer && !isCall ? 1 : 0,
      items: pager.comments,
      fetched_at: now(),
      created_at: known?.created_at ?? now(),
    };
    await saveDiscoveryPage(ctx.db, read);
    stored.set(url, read);
  }
  area.commentsEverShown = [...stored.values()].reduce((sum, p) => sum + p.items, 0);
  return area;
}

export interface CommentFeedRead {
  /** Items not seen before, from every page read (they are now marked seen). */
  items: FeedItem[];
  /** Items on the pages read. */
  read: number;
  /** Validators of the feed's first page. */
  etag: string | null;
  lastModified: string | null;
  /** Where to go on next pass when the cap stopped the walk into older pages; null when done. */
  resumeUrl: string | null;
  problems: string[];
}

async function fetchFeedPage(
  ctx: AppContext,
  url: string,
  validators: { etag: string | null; lastModified: string | null },
) {
  const result = await ctx.http.fetch(url, {
    ...validators,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
  });
  if (!result.ok) return { ok: false as const, detail: result.detail };
  if (result.notModified)
    return {
      ok: true as const,
      notModified: true as const,
      etag: result.etag,
      lastModified: result.lastModified,
    };
  const parsed = await parseFeed(result.body, result.contentType, result.url);
  if (!parsed.ok) return { ok: false as const, detail: parsed.reason };
  const paging = feedPagingOf(decodeXml(result.body, result.contentType).text, result.url);
  return {
    ok: true as const,
    notModified: false as const,
    items: parsed.items,
    paging,
    url: result.url,
    etag: result.etag,
    lastModified: result.lastModified,
  };
}

/**
 * Reads the call's comment feed, newest first as WordPress and Blogger write it: the first page
 * (conditional GET), then older pages — Blogger's `start-index` pages, Atom `rel="next"`, or, when
 * the call page shows no comments at all, WordPress' `?paged=N` — only while every item on a page
 * is new, so a later pass stops at the first comment it knows. When the cap stops the walk, the
 * next pass goes on from where it stopped.
 */
export async function readCommentFeed(
  ctx: AppContext,
  source: DiscoverySource,
  feedUrl: string,
  budget: PageBudget,
  opts: { guessWordpressPages: boolean },
): Promise<CommentFeedRead> {
  const out: CommentFeedRead = {
    items: [],
    read: 0,
    etag: null,
    lastModified: null,
    resumeUrl: source.resume_url,
    problems: [],
  };
  const same = source.feed_url === feedUrl;
  const first = await fetchFeedPage(ctx, feedUrl, {
    etag: same ? source.etag : null,
    lastModified: same ? source.last_modified : null,
  });
  if (!first.ok) {
    // The comment pages may have said it all; the feed is tried again next pass.
    out.problems.push(`the feed could not be fetched: ${first.detail}`);
    return out;
  }
  out.etag = first.etag;
  out.lastModified = first.lastModified;

  const walk = async (
    page: NonNullable<Awaited<ReturnType<typeof fetchFeedPage>>> & { ok: true; notModified: false },
    n: number,
    resuming: boolean,
  ) => {
    const visited = new Set<string>([normalizeUrl(page.url) ?? page.url]);
    const fullPage = Math.max(1, page.items.length);
    let current = page;
    let number = n;
    for (;;) {
      const fresh = await markItemsSeen(
        ctx.db,
        source.id,
        current.items.map((i) => i.key),
        ctx.clock.now().toISOString(),
      );
      out.read += current.items.length;
      out.items.push(...current.items.filter((i) => fresh.has(i.key)));
      const allNew = current.items.length > 0 && fresh.size === current.items.length;
      // A guessed page follows only a full one: a shorter page is the last.
      const next =
        current.paging.next ??
        (opts.guessWordpressPages && current.paging.wordpress && current.items.length >= fullPage
          ? wordpressFeedPage(feedUrl, number + 1)
          : null);
      // Newest first: a page with a known comment means the rest was read before (unless catching up).
      if (next === null || (!allNew && !resuming) || visited.has(normalizeUrl(next) ?? next)) return null;
      if (!budget.take()) return next;
      visited.add(normalizeUrl(next) ?? next);
      const fetched = await fetchFeedPage(ctx, next, { etag: null, lastModified: null });
      if (!fetched.ok) {
        // A guessed WordPress page past the end answers 404: that is the end, not a problem.
        if (current.paging.next !== null)
          out.problems.push(`comment feed page ${next} could not be read: ${fetched.detail}`);
        return current.paging.next !== null ? next : null;
      }
      if (fetched.notModified) return null;
      current = fetched;
      number++;
    }
  };

  let resume: string | null = null;
  if (!first.notModified) resume = await walk(first, 1, false);
  if (resume === null && source.resume_url !== null) {
    if (budget.take()) {
      const page = await fetchFeedPage(ctx, source.resume_url, { etag: null, lastModified: null });
      if (page.ok && !page.notModified) {
        const paged = Number(new URL(page.url).searchParams.get('paged') ?? 1);
        resume = await walk(page, paged, true);
      } else if (!page.ok) {
        out.problems.push(`comment feed page ${source.resume_url} could not be read: ${page.detail}`);
        resume = source.resume_url;
      }
    } else {
      resume = source.resume_url;
    }
  }
  out.resumeUrl = resume;
  return out;
}
