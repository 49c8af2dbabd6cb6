import type { DiscoveryRun, DiscoverySource } from '../store/discovery-repository.js';
import type { Parade } from '../store/parade-repository.js';
import type { PublishedEntry, PublishedParade } from '../publish/types.js';
import { renderReason } from '../reasons/catalog.js';
import { loadReason } from '../reasons/reason.js';
import type { EntryWithLists } from '../store/entry-repository.js';
import { isListed } from '../store/parade-repository.js';
import { dictionary } from './i18n.js';
import { entryReason } from './reason-text.js';

export function publishedParade(parade: Parade): PublishedParade {
  return {
    slug: parade.slug,
    title: parade.title,
    callUrl: parade.call_url,
    prompt: parade.prompt,
    lang: parade.lang,
    deadline: parade.deadline,
    createdAt: parade.created_at,
  };
}

export function publishedEntry(entry: EntryWithLists): PublishedEntry {
  return {
    url: entry.url,
    title: entry.title,
    author: entry.author,
    published: entry.published,
    excerpt: entry.excerpt,
    lists: entry.lists,
    firstSeen: entry.created_at,
    updated: entry.last_changed_at ?? entry.last_success_at ?? entry.updated_at,
  };
}

/** The parade as the API shows it; the host (with their token) also sees how to prove the call. */
export function paradeJson(parade: Parade, baseUrl: string, forHost = false) {
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
                return { reason: renderReason(r, parade.lang), reasonCode: r.code, reasonParams: r.params ?? {} };
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

/** An entry with its reason in the parade's language, plus the code and parameters behind it. */
export function entryJson(entry: EntryWithLists, lang: string) {
  const why = entryReason(entry);
  return {
    url: entry.url,
    status: entry.status,
    reason: renderReason(why, lang),
    reasonCode: why.code,
    reasonParams: why.params ?? {},
    title: entry.title,
    author: entry.author,
    published: entry.published,
    lists: entry.lists.map((l) => ({
      ordered: l.ordered,
      intro: l.intro,
      items: l.items.map((i) => i.text),
    })),
    foundVia: entry.roads,
    canonicalUrl: entry.canonical_url,
    backlink: entry.backlink,
    lastCheckedAt: entry.last_fetched_at,
    lastChangedAt: entry.last_changed_at,
    firstSeenAt: entry.created_at,
  };
}

export function discoveryJson(overview: {
  roads: Record<string, number>;
  statuses: Record<string, number>;
  lastRun: DiscoveryRun | undefined;
  sources: DiscoverySource[];
}) {
  const run = overview.lastRun;
  return {
    roads: overview.roads,
    statuses: overview.statuses,
    lastRun: run
      ? {
          startedAt: run.started_at,
          finishedAt: run.finished_at,
          sources: run.sources,
          failedSources: run.failed_sources,
          candidates: run.candidates,
          newEntries: run.new_entries,
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
    })),
  };
}

/** host[:port] of a URL, for showing an entry without linking it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
