import type { DiscoveryRun, DiscoverySource } from '../store/discovery-repository.js';
import type { Parade } from '../store/parade-repository.js';
import { isLate, paradeState } from '../publish/parade-state.js';
import type { PublishedEntry, PublishedParade } from '../publish/types.js';
import type { StoredList } from '../store/entry-repository.js';
import type { EntrySummary } from '../store/listing-repository.js';
import { renderReason } from '../reasons/catalog.js';
import { loadReason } from '../reasons/reason.js';
import { isListed } from '../store/parade-repository.js';
import { dictionary } from './i18n.js';
import { entryReason } from './reason-text.js';

export function publishedParade(parade: Parade, baseUrl: string, now: Date): PublishedParade {
  return {
    slug: parade.slug,
    title: parade.title,
    callUrl: parade.call_url,
    prompt: parade.prompt,
    hashtag: parade.hashtag,
    hostName: parade.host_name,
    lang: parade.lang,
    deadline: parade.deadline,
    timeZone: parade.time_zone,
    state: paradeState(parade.deadline, parade.closed_at, now),
    createdAt: parade.created_at,
    changedAt: parade.changed_at ?? parade.updated_at,
    closedAt: parade.closed_at,
    url: `${baseUrl}/p/${parade.slug}`,
    roundupIntro: parade.roundup_intro,
  };
}

/** The fields an entry needs to be published; store summaries and full rows both have them. */
export type PublishableEntry = Pick<
  EntrySummary,
  | 'id'
  | 'url'
  | 'title'
  | 'author'
  | 'published'
  | 'excerpt'
  | 'created_at'
  | 'updated_at'
  | 'last_changed_at'
  | 'last_success_at'
  | 'site_name'
  | 'feed_url'
> & { lists: StoredList[] };

export function publishedEntry(entry: PublishableEntry, parade: Parade): PublishedEntry {
  const blogUrl = originOf(entry.url);
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    author: entry.author,
    published: entry.published,
    excerpt: entry.excerpt,
    lists: entry.lists,
    firstSeen: entry.created_at,
    // The post's own dates: when korso saw it change, else when it was published, never the last check.
    updated: entry.last_changed_at ?? entry.published ?? entry.created_at,
    late: isLate(parade.deadline, entry.published, entry.created_at),
    blogName: entry.site_name ?? hostOf(entry.url),
    blogUrl,
    feedUrl: entry.feed_url,
  };
}

/** The parade as the API shows it; the host (with their token) also sees how to prove the call. */
export function paradeJson(parade: Parade, baseUrl: string, now: Date, forHost = false) {
  return {
    slug: parade.slug,
    title: parade.title,
    callUrl: parade.call_url,
    host: parade.host_name,
    description: parade.description,
    prompt: parade.prompt,
    hashtag: parade.hashtag,
    lang: parade.lang,
    deadline: parade.deadline,
    timeZone: parade.time_zone,
    state: paradeState(parade.deadline, parade.closed_at, now),
    status: parade.status,
    closedAt: parade.closed_at,
    listed: isListed(parade),
    callVerified: parade.call_verified_at !== null,
    createdAt: parade.created_at,
    url: `${baseUrl}/p/${parade.slug}`,
    submitUrl: `${baseUrl}/p/${parade.slug}/submit`,
    ...(forHost
      ? {
          verifyCode: parade.verify_code,
          approved: parade.approved_at !== null,
          callCheck: parade.call_check_code
            ? (() => {
                const r = loadReason(parade.call_check_code, parade.call_check_params);
                return {
                  reason: renderReason(r, parade.lang),
                  reasonCode: r.code,
                  reasonParams: r.params ?? {},
                };
              })()
            : null,
        }
      : {}),
  };
}

/** What the host does after creating the parade, for scripts: the same as the result page. */
export function nextStepsJson(parade: Parade, baseUrl: string) {
  const url = `${baseUrl}/p/${parade.slug}`;
  return {
    submitUrl: `${url}/submit`,
    verifyCode: parade.verify_code,
    snippet: dictionary(parade.lang).snippet(url, `${url}/submit`),
    webmention: `<link rel="webmention" href="${baseUrl}/webmention">`,
    pingback: `<link rel="pingback" href="${baseUrl}/xmlrpc">`,
  };
}

/**
 * An entry in the API, its reason in the parade's language plus the code and parameters behind it:
 * public documents carry live entries; the host also sees when korso last looked.
 */
export function entryJson(
  entry: PublishableEntry &
    Pick<
      EntrySummary,
      'status' | 'reason' | 'reason_code' | 'reason_params' | 'canonical_url' | 'backlink' | 'last_fetched_at'
    >,
  parade: Parade,
  roads: string[],
  opts: { admin: boolean },
) {
  const published = publishedEntry(entry, parade);
  const why = entryReason(entry);
  return {
    url: entry.url,
    status: entry.status,
    reason: renderReason(why, parade.lang),
    reasonCode: why.code,
    reasonParams: why.params ?? {},
    title: entry.title,
    author: entry.author,
    published: entry.published,
    late: published.late,
    blog: { name: published.blogName, url: published.blogUrl },
    lists: entry.lists.map((l) => ({
      ordered: l.ordered,
      intro: l.intro,
      items: l.items.map((i) => i.text),
      ...(l.parent ? { parent: l.parent } : {}),
    })),
    foundVia: roads,
    canonicalUrl: entry.canonical_url,
    backlink: entry.backlink,
    ...(opts.admin ? { lastCheckedAt: entry.last_fetched_at } : {}),
    lastChangedAt: entry.last_changed_at,
    firstSeenAt: entry.created_at,
  };
}

export function discoveryJson(overview: {
  roads: Record<string, number>;
  statuses: Record<string, number>;
  lastRun: DiscoveryRun | undefined;
  sources: DiscoverySource[];
  sourcesTotal: number;
}) {
  const run = overview.lastRun;
  return {
    roads: overview.roads,
    sourcesTotal: overview.sourcesTotal,
    statuses: overview.statuses,
    lastRun: run
      ? {
          startedAt: run.started_at,
          finishedAt: run.finished_at,
          sources: run.sources,
          failedSources: run.failed_sources,
          candidates: run.candidates,
          newEntries: run.new_entries,
          items: run.items,
          windowCandidates: run.window_candidates,
          deferred: run.deferred,
          pages: run.pages,
          summary: run.summary,
        }
      : null,
    sources: overview.sources.map((s) => ({
      kind: s.kind,
      url: s.url,
      feedUrl: s.feed_url,
      foundVia: s.found_via,
      lastRunAt: s.last_run_at,
      lastOkAt: s.last_ok_at,
      lastError: s.last_error,
      candidates: s.candidates,
      lastRun: {
        items: s.last_items,
        candidates: s.last_candidates,
        window: s.last_window,
        deferred: s.last_deferred,
        pages: s.last_pages,
      },
    })),
  };
}

/** The home page of the blog a post belongs to. */
export function originOf(url: string): string {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return url;
  }
}

/** host[:port] of a URL, for showing an entry without linking it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
