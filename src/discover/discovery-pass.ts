import type { AppContext } from '../context.js';
import { decodeHtml } from '../extract/index.js';
import type { FetchResult, FetchSuccess } from '../http/types.js';
import { judgeCallPage } from '../parades/call-ownership.js';
import { InputError, registerEntry } from '../parades/parade-service.js';
import {
  addDiscoverySource,
  type DiscoverySource,
  claimDiscoverySource,
  dueDiscoverySources,
  finishDiscoveryRun,
  markItemsSeen,
  type SourceKind,
  startDiscoveryRun,
  updateDiscoverySource,
} from '../store/discovery-repository.js';
import { listEntries, type Road } from '../store/entry-repository.js';
import { listAllParades, type Parade } from '../store/parade-repository.js';
import { readCallPage } from './call-page.js';
import { advertisedFeeds, blogHomeFor, usualFeedPaths } from './feed-discovery.js';
import { matchFeedItem } from './feed-match.js';
import { type FeedItem, parseFeed } from './feed-parser.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The call's comment feed shows only the newest ten comments: look often. */
const CALL_EVERY = 10 * MINUTE;
const BLOG_EVERY = 2 * HOUR;

export interface DiscoverySummary {
  parades: number;
  sources: number;
  failedSources: number;
  candidates: number;
  newEntries: number;
}

interface Candidate {
  url: string;
  road: Road;
  detail: string;
}

interface SourceResult {
  candidates: Candidate[];
  /** Participant blogs learned from this source (commenters' websites). */
  blogs: { url: string; foundVia: string }[];
  update: Partial<DiscoverySource>;
}

class SourceFailure extends Error {}

function htmlOf(result: FetchSuccess): string {
  return decodeHtml(result.body, result.contentType).html;
}

function must(result: FetchResult, what: string): FetchSuccess {
  if (!result.ok) throw new SourceFailure(`${what}: ${result.detail}`);
  return result;
}

/** The WordPress comment feed of a post lives at <post>/feed/. */
function conventionalCommentFeed(callUrl: string): string {
  const url = new URL(callUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/?$/, '/')}feed/`;
  return url.toString();
}

function linksInItem(item: FeedItem): string[] {
  const links: string[] = [];
  for (const match of item.contentHtml.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) links.push(match[1] ?? '');
  for (const match of item.contentText.matchAll(/https?:\/\/[^\s<>"'„“”«»]+/g)) {
    links.push(match[0].replace(/[.,;:!?)\]]+$/, ''));
  }
  return links.filter((l) => /^https?:\/\//i.test(l));
}

async function readFeed(ctx: AppContext, source: DiscoverySource, feedUrl: string) {
  const result = await ctx.http.fetch(feedUrl, {
    etag: source.feed_url === feedUrl ? source.etag : null,
    lastModified: source.feed_url === feedUrl ? source.last_modified : null,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
  });
  const fetched = must(result, 'the feed could not be fetched');
  if (fetched.notModified)
    return { items: [] as FeedItem[], etag: source.etag, lastModified: source.last_modified };
  const parsed = await parseFeed(fetched.body, fetched.contentType, fetched.url);
  if (!parsed.ok) throw new SourceFailure(parsed.reason);
  return { items: parsed.items, etag: fetched.etag, lastModified: fetched.lastModified };
}

async function newItems(ctx: AppContext, source: DiscoverySource, items: FeedItem[]): Promise<FeedItem[]> {
  const fresh = await markItemsSeen(
    ctx.db,
    source.id,
    items.map((i) => i.key),
    ctx.clock.now().toISOString(),
  );
  return items.filter((i) => fresh.has(i.key));
}

/** The call post: pingbacks and links in its comments, commenters' blogs, and its comment feed. */
async function discoverFromCall(
  ctx: AppContext,
  parade: Parade,
  source: DiscoverySource,
): Promise<SourceResult> {
  const page = must(await ctx.http.fetch(parade.call_url), 'the call page could not be fetched');
  const html = htmlOf(page);
  // Every visit also checks that the call still names the parade (who owns the call's mentions).
  await judgeCallPage(ctx, parade, { ok: true, url: page.url, html });
  const findings = readCallPage(html, page.url);
  const candidates: Candidate[] = [
    ...findings.pingbacks.map((url) => ({
      url,
      road: 'call-pingback' as const,
      detail: 'pingback on the call',
    })),
    ...findings.commentLinks.map((url) => ({
      url,
      road: 'call-comment' as const,
      detail: 'linked in a comment on the call',
    })),
  ];
  const blogs = findings.commenterSites.map((url) => ({
    url,
    foundVia: 'website of a commenter on the call',
  }));
  const feedUrl = findings.commentFeedUrl ?? conventionalCommentFeed(page.url);
  const feed = await readFeed(ctx, source, feedUrl);
  for (const item of await newItems(ctx, source, feed.items)) {
    for (const url of linksInItem(item)) {
      candidates.push({ url, road: 'call-comment', detail: 'linked in the comment feed of the call' });
    }
  }
  return {
    candidates,
    blogs,
    update: { feed_url: feedUrl, etag: feed.etag, last_modified: feed.lastModified },
  };
}

/** Finds a blog's feed: advertised on its home page, else one of the usual paths. */
async function findBlogFeed(ctx: AppContext, homeUrl: string): Promise<string> {
  const home = await ctx.http.fetch(homeUrl);
  if (home.ok && !home.notModified) {
    const advertised = advertisedFeeds(htmlOf(home), home.url, { excludeComments: true });
    if (advertised[0]) return advertised[0];
  }
  for (const candidate of usualFeedPaths(home.ok ? home.url : homeUrl)) {
    const result = await ctx.http.fetch(candidate);
    if (
      result.ok &&
      !result.notModified &&
      (await parseFeed(result.body, result.contentType, result.url)).ok
    ) {
      return candidate;
    }
  }
  throw new SourceFailure('no feed found on the blog (neither advertised nor at the usual paths)');
}

/** A participant blog: new feed items that link the call or name the prompt or hashtag. */
async function discoverFromBlog(
  ctx: AppContext,
  parade: Parade,
  source: DiscoverySource,
  callUrls: string[],
): Promise<SourceResult> {
  const feedUrl =
    source.feed_url ?? source.url.match(/^feed:(.*)$/)?.[1] ?? (await findBlogFeed(ctx, source.url));
  const feed = await readFeed(ctx, source, feedUrl);
  const candidates: Candidate[] = [];
  for (const item of await newItems(ctx, source, feed.items)) {
    if (!item.link) continue;
    const match = matchFeedItem(item, { callUrls, prompt: parade.prompt, hashtag: parade.hashtag });
    if (match.matches)
      candidates.push({ url: item.link, road: 'blog-feed', detail: `feed item ${match.why}` });
  }
  return {
    candidates,
    blogs: [],
    update: { feed_url: feedUrl, etag: feed.etag, last_modified: feed.lastModified },
  };
}

/** Participant blogs of the entries already verified, so their later posts are found too. */
async function ensureSources(ctx: AppContext, parade: Parade): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await addDiscoverySource(ctx.db, {
    paradeId: parade.id,
    kind: 'call',
    url: parade.call_url,
    foundVia: 'the call',
    now,
  });
  const live = await listEntries(ctx.db, parade.id, { statuses: ['live'] });
  for (const entry of live) {
    const home = blogHomeFor(entry.final_url ?? entry.url, entry.feed_url);
    await addDiscoverySource(ctx.db, {
      paradeId: parade.id,
      kind: 'blog',
      url: home,
      foundVia: `blog of ${entry.url}`,
      now,
    });
  }
}

function isOwnUrl(ctx: AppContext, url: string): boolean {
  try {
    return new URL(url).host === new URL(ctx.config.baseUrl).host;
  } catch {
    return true;
  }
}

/** One discovery run for one parade: every due source, including blogs learned along the way. */
export async function discoverParade(ctx: AppContext, parade: Parade): Promise<DiscoverySummary> {
  const summary: DiscoverySummary = {
    parades: 1,
    sources: 0,
    failedSources: 0,
    candidates: 0,
    newEntries: 0,
  };
  const runId = await startDiscoveryRun(ctx.db, parade.id, ctx.clock.now().toISOString());
  await ensureSources(ctx, parade);
  const callUrls = [parade.call_url, `${ctx.config.baseUrl}/p/${parade.slug}`];
  const done = new Set<number>();
  const failures: string[] = [];
  for (;;) {
    const due = (await dueDiscoverySources(ctx.db, parade.id, ctx.clock.now().toISOString())).filter(
      (s) => !done.has(s.id),
    );
    if (due.length === 0) break;
    for (const source of due) {
      done.add(source.id);
      const now = ctx.clock.now();
      // Another worker has it; a crashed one's claim runs out after the lease.
      if (
        !(await claimDiscoverySource(
          ctx.db,
          source,
          new Date(now.getTime() + ctx.config.crawl.leaseMs).toISOString(),
        ))
      ) {
        continue;
      }
      summary.sources++;
      try {
        const result =
          source.kind === 'call'
            ? await discoverFromCall(ctx, parade, source)
            : await discoverFromBlog(ctx, parade, source, callUrls);
        let fresh = 0;
        for (const candidate of result.candidates) {
          if (isOwnUrl(ctx, candidate.url)) continue;
          summary.candidates++;
          try {
            const { created } = await registerEntry(
              ctx,
              parade,
              candidate.url,
              candidate.road,
              candidate.detail,
            );
            if (created) fresh++;
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
          }
        }
        summary.newEntries += fresh;
        for (const blog of result.blogs) {
          await addDiscoverySource(ctx.db, {
            paradeId: parade.id,
            kind: 'blog' satisfies SourceKind,
            url: blog.url,
            foundVia: blog.foundVia,
            now: now.toISOString(),
          });
        }
        await updateDiscoverySource(ctx.db, source.id, {
          ...result.update,
          last_run_at: now.toISOString(),
          last_ok_at: now.toISOString(),
          last_error: null,
          failures: 0,
          candidates: source.candidates + result.candidates.length,
          next_run_at: new Date(
            now.getTime() + (source.kind === 'call' ? CALL_EVERY : BLOG_EVERY),
          ).toISOString(),
        });
        ctx.log.info('discovery.source', {
          parade: parade.slug,
          url: source.url,
          kind: source.kind,
          candidates: result.candidates.length,
          new: fresh,
        });
      } catch (error) {
        const reason = error instanceof SourceFailure ? error.message : `discovery failed (${String(error)})`;
        summary.failedSources++;
        failures.push(`${source.url}: ${reason}`);
        const failuresSoFar = source.failures + 1;
        await updateDiscoverySource(ctx.db, source.id, {
          last_run_at: now.toISOString(),
          last_error: reason,
          failures: failuresSoFar,
          next_run_at: new Date(
            now.getTime() + Math.min(CALL_EVERY * 2 ** failuresSoFar, 24 * HOUR),
          ).toISOString(),
        });
        ctx.log.warn('discovery.source_failed', {
          parade: parade.slug,
          url: source.url,
          kind: source.kind,
          reason,
        });
      }
    }
  }
  const text =
    `${summary.sources} sources, ${summary.failedSources} failed, ${summary.candidates} candidates, ` +
    `${summary.newEntries} new entries${failures.length ? ` — ${failures.join('; ')}` : ''}`;
  await finishDiscoveryRun(ctx.db, runId, {
    finished_at: ctx.clock.now().toISOString(),
    sources: summary.sources,
    failed_sources: summary.failedSources,
    candidates: summary.candidates,
    new_entries: summary.newEntries,
    summary: text.slice(0, 2000),
  });
  return summary;
}

/** Discovery for every parade (or one): never stops on one parade's failure. */
export async function runDiscoveryPass(
  ctx: AppContext,
  opts: { paradeId?: number } = {},
): Promise<DiscoverySummary> {
  const total: DiscoverySummary = { parades: 0, sources: 0, failedSources: 0, candidates: 0, newEntries: 0 };
  const parades = (await listAllParades(ctx.db)).filter(
    (p) => opts.paradeId === undefined || p.id === opts.paradeId,
  );
  for (const parade of parades) {
    try {
      const s = await discoverParade(ctx, parade);
      total.parades++;
      total.sources += s.sources;
      total.failedSources += s.failedSources;
      total.candidates += s.candidates;
      total.newEntries += s.newEntries;
    } catch (error) {
      ctx.log.error('discovery.parade_failed', { parade: parade.slug, error: String(error) });
    }
  }
  return total;
}
