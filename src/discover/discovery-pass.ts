import type { AppContext } from '../context.js';
import type { FetchResult, FetchSuccess } from '../http/types.js';
import { judgeCallPage } from '../parades/call-ownership.js';
import { InputError, registerEntry } from '../parades/parade-service.js';
import {
  addDiscoverySource,
  type DiscoverySource,
  claimDiscoverySource,
  dueDiscoverySources,
  findCallSource,
  finishDiscoveryRun,
  markItemsSeen,
  type SourceKind,
  startDiscoveryRun,
  unseenItemKeys,
  updateDiscoverySource,
} from '../store/discovery-repository.js';
import { listEntries, type Road } from '../store/entry-repository.js';
import { listAllParades, type Parade } from '../store/parade-repository.js';
import { htmlOf, PageBudget, readCommentArea, readCommentFeed, SourceFailure } from './comment-pager.js';
import { advertisedFeeds, blogHomeFor, usualFeedPaths } from './feed-discovery.js';
import { type FeedItem, parseFeed } from './feed-parser.js';
import { paradeWindow, selectFeedItems } from './participant-window.js';

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
  /** Comments and feed items read. */
  items: number;
  /** Candidates proposed only because a participant published them while the parade ran. */
  windowCandidates: number;
  /** Pages and feed items left for the next pass because a per-pass cap was reached. */
  deferred: number;
  /** Comment pages and comment-feed pages read beyond each call page. */
  pages: number;
}

const emptySummary = (): DiscoverySummary => ({
  parades: 0,
  sources: 0,
  failedSources: 0,
  candidates: 0,
  newEntries: 0,
  items: 0,
  windowCandidates: 0,
  deferred: 0,
  pages: 0,
});

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
  items: number;
  /** Candidates taken only because of the parade's window. */
  window: number;
  deferred: number;
  pages: number;
  /** Parts that failed while the rest worked (a comment page, the comment feed). */
  problems: string[];
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

/**
 * The call post: pingbacks and links in its comments, commenters' blogs, and its comment feed —
 * every comment page once, then only the newest page and new ones.
 */
async function discoverFromCall(
  ctx: AppContext,
  parade: Parade,
  source: DiscoverySource,
): Promise<SourceResult> {
  const budget = new PageBudget(ctx.config.discovery.pagesPerPass);
  const area = await readCommentArea(ctx, source, parade.call_url, budget);
  const { findings } = area;
  // Every fresh visit also checks that the call still names the parade (who owns the call's mentions).
  if (area.callHtml !== null)
    await judgeCallPage(ctx, parade, { ok: true, url: area.callUrl, html: area.callHtml });
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
  const feedUrl = area.commentFeedUrl ?? source.feed_url ?? conventionalCommentFeed(area.callUrl);
  const feed = await readCommentFeed(ctx, source, feedUrl, budget, {
    guessWordpressPages: area.commentsEverShown === 0,
  });
  for (const item of feed.items) {
    for (const url of linksInItem(item)) {
      candidates.push({ url, road: 'call-comment', detail: 'linked in the comment feed of the call' });
    }
  }
  return {
    candidates,
    blogs,
    update: {
      feed_url: feedUrl,
      etag: feed.etag,
      last_modified: feed.lastModified,
      resume_url: feed.resumeUrl,
      ...(area.published !== null ? { published: area.published } : {}),
    },
    items: area.comments + feed.read,
    window: 0,
    deferred: area.deferred + (feed.resumeUrl !== null ? 1 : 0),
    pages: budget.used,
    problems: [...area.problems, ...feed.problems],
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

/** Window candidates still allowed in this run of one parade. */
interface WindowAllowance {
  left: number;
}

/** The host's own blog: their other posts in the window are no entries unless they link the call. */
function isHostBlog(parade: Parade, blogUrl: string): boolean {
  try {
    const call = new URL(parade.call_url);
    const blog = new URL(blogUrl.replace(/^feed:/, ''));
    return blog.origin === call.origin && call.pathname.startsWith(blog.pathname);
  } catch {
    return false;
  }
}

/**
 * A participant blog: new feed items that link the call or name the prompt or hashtag, and — even
 * when the feed carries only a teaser — new posts published while the parade runs, a few per blog
 * and pass; the crawler's backlink check decides about every one of them.
 */
async function discoverFromBlog(
  ctx: AppContext,
  parade: Parade,
  source: DiscoverySource,
  callUrls: string[],
  allowance: WindowAllowance,
): Promise<SourceResult> {
  const feedUrl =
    source.feed_url ?? source.url.match(/^feed:(.*)$/)?.[1] ?? (await findBlogFeed(ctx, source.url));
  const feed = await readFeed(ctx, source, feedUrl);
  const unseen = await unseenItemKeys(
    ctx.db,
    source.id,
    feed.items.map((i) => i.key),
  );
  const fresh = feed.items.filter((i) => unseen.has(i.key));
  const { discovery } = ctx.config;
  const window = isHostBlog(parade, source.url)
    ? null
    : paradeWindow({
        callPublished: (await findCallSource(ctx.db, parade.id))?.published ?? null,
        createdAt: parade.created_at,
        deadline: parade.deadline,
        closedAt: parade.closed_at,
        graceDays: discovery.graceDays,
      });
  const selection = selectFeedItems(fresh, {
    match: { callUrls, prompt: parade.prompt, hashtag: parade.hashtag },
    window,
    limit: Math.min(discovery.windowPerBlog, allowance.left),
  });
  await markItemsSeen(ctx.db, source.id, selection.seen, ctx.clock.now().toISOString());
  const taken = selection.candidates.filter((c) => c.why === 'window').length;
  allowance.left -= taken;
  const candidates: Candidate[] = selection.candidates.map((c) => ({
    url: c.url,
    road: 'blog-feed',
    detail:
      c.why === 'window'
        ? 'feed item published on a participant blog while the parade runs'
        : `feed item ${c.why}`,
  }));
  // Items left for the next pass are only in the feed if it is read in full again: no validators.
  const validators =
    selection.deferred > 0
      ? { etag: null, last_modified: null }
      : { etag: feed.etag, last_modified: feed.lastModified };
  return {
    candidates,
    blogs: [],
    update: { feed_url: feedUrl, ...validators },
    items: feed.items.length,
    window: taken,
    deferred: selection.deferred,
    pages: 0,
    problems: [],
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
export async function discoverParade(
  ctx: AppContext,
  parade: Parade,
  signal?: AbortSignal,
): Promise<DiscoverySummary> {
  const summary: DiscoverySummary = { ...emptySummary(), parades: 1 };
  const runId = await startDiscoveryRun(ctx.db, parade.id, ctx.clock.now().toISOString());
  await ensureSources(ctx, parade);
  const callUrls = [parade.call_url, `${ctx.config.baseUrl}/p/${parade.slug}`];
  const allowance: WindowAllowance = { left: ctx.config.discovery.windowPerParade };
  const done = new Set<number>();
  const failures: string[] = [];
  for (;;) {
    // The call first: it learns the commenters' blogs and the date that opens the parade's window.
    const due = (await dueDiscoverySources(ctx.db, parade.id, ctx.clock.now().toISOString()))
      .filter((s) => !done.has(s.id))
      .sort((a, b) => Number(b.kind === 'call') - Number(a.kind === 'call'));
    if (due.length === 0 || signal?.aborted) break;
    for (const source of due) {
      // Stopping: the source in hand is finished, the rest wait for the next run.
      if (signal?.aborted) break;
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
            : await discoverFromBlog(ctx, parade, source, callUrls, allowance);
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
        summary.items += result.items;
        summary.windowCandidates += result.window;
        summary.deferred += result.deferred;
        summary.pages += result.pages;
        for (const blog of result.blogs) {
          await addDiscoverySource(ctx.db, {
            paradeId: parade.id,
            kind: 'blog' satisfies SourceKind,
            url: blog.url,
            foundVia: blog.foundVia,
            now: now.toISOString(),
          });
        }
        const problem = result.problems.join('; ').slice(0, 1000) || null;
        if (problem) failures.push(`${source.url}: ${problem}`);
        await updateDiscoverySource(ctx.db, source.id, {
          ...result.update,
          last_run_at: now.toISOString(),
          last_ok_at: now.toISOString(),
          last_error: problem,
          failures: 0,
          candidates: source.candidates + result.candidates.length,
          last_items: result.items,
          last_candidates: result.candidates.length,
          last_window: result.window,
          last_deferred: result.deferred,
          last_pages: result.pages,
          // Work left by a cap is taken up at the next pass, not hours later.
          next_run_at: new Date(
            now.getTime() + (source.kind === 'call' || result.deferred > 0 ? CALL_EVERY : BLOG_EVERY),
          ).toISOString(),
        });
        ctx.log.info('discovery.source', {
          parade: parade.slug,
          url: source.url,
          kind: source.kind,
          items: result.items,
          candidates: result.candidates.length,
          window: result.window,
          deferred: result.deferred,
          pages: result.pages,
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
          last_items: 0,
          last_candidates: 0,
          last_window: 0,
          last_deferred: 0,
          last_pages: 0,
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
    items: summary.items,
    window_candidates: summary.windowCandidates,
    deferred: summary.deferred,
    pages: summary.pages,
    summary: text.slice(0, 2000),
  });
  return summary;
}

/** Discovery for every parade (or one): never stops on one parade's failure. */
export async function runDiscoveryPass(
  ctx: AppContext,
  opts: { paradeId?: number; signal?: AbortSignal } = {},
): Promise<DiscoverySummary> {
  const total = emptySummary();
  const parades = (await listAllParades(ctx.db)).filter(
    (p) => opts.paradeId === undefined || p.id === opts.paradeId,
  );
  for (const parade of parades) {
    if (opts.signal?.aborted) break;
    try {
      const s = await discoverParade(ctx, parade, opts.signal);
      for (const key of Object.keys(total) as (keyof DiscoverySummary)[]) total[key] += s[key];
    } catch (error) {
      ctx.log.error('discovery.parade_failed', { parade: parade.slug, error: String(error) });
    }
  }
  return total;
}
