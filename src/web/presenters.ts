import type { DiscoveryRun, DiscoverySource } from '../store/discovery-repository.js';
import type { Parade } from '../store/parade-repository.js';
import type { PublishedEntry, PublishedParade } from '../publish/types.js';
import type { EntryWithLists } from '../store/entry-repository.js';

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

export function paradeJson(parade: Parade, baseUrl: string) {
  return {
    slug: parade.slug,
    title: parade.title,
    callUrl: parade.call_url,
    prompt: parade.prompt,
    hashtag: parade.hashtag,
    lang: parade.lang,
    deadline: parade.deadline,
    status: parade.status,
    createdAt: parade.created_at,
    url: `${baseUrl}/p/${parade.slug}`,
  };
}

export function entryJson(entry: EntryWithLists) {
  return {
    url: entry.url,
    status: entry.status,
    reason: entry.reason,
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

/** host[:port] of a URL, for showing an entry without linking it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
