import { describe, expect, it } from 'vitest';
import { failureOutcome, notModifiedOutcome, pageOutcome } from '../../src/crawl/entry-outcome.js';
import { recheckDelayMs, retryDelayMs } from '../../src/crawl/schedule-policy.js';
import type { ExtractedPage } from '../../src/extract/types.js';
import type { FetchFailure, FetchFailureReason } from '../../src/http/types.js';
import type { Entry } from '../../src/store/entry-repository.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 1,
    parade_id: 1,
    url: 'https://blog.example/post/',
    normalized_url: 'http://blog.example/post',
    host: 'blog.example',
    canonical_url: null,
    final_url: null,
    site_name: null,
    item_count: 0,
    feed_url: null,
    title: null,
    author: null,
    published: null,
    excerpt: null,
    content_html: null,
    lang: null,
    status: 'pending',
    reason: '',
    reason_code: '',
    reason_params: null,
    backlink: null,
    moderation: null,
    http_status: null,
    etag: null,
    last_modified: null,
    content_hash: null,
    attempts: 0,
    next_check_at: NOW.toISOString(),
    lease_owner: 'w',
    lease_until: null,
    last_fetched_at: null,
    last_success_at: null,
    last_changed_at: null,
    last_error: null,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
    ...overrides,
  };
}

function failure(reason: FetchFailureReason, detail = 'it broke', extra: Partial<FetchFailure> = {}): FetchFailure {
  return { ok: false, reason, detail, requestedUrl: 'u', url: 'u', chain: ['u'], ms: 1, ...extra };
}

function page(items: string[]): ExtractedPage {
  return {
    url: 'https://blog.example/post/',
    canonicalUrl: null,
    title: 'Mein Wunschkunde',
    author: 'Anna',
    published: '2026-11-18T00:00:00.000Z',
    lang: 'de',
    text: 'Text',
    html: '<p>Text</p>',
    excerpt: 'Text',
    lists: [{ ordered: false, intro: 'Mein Wunschkunde ist …', items, itemsHtml: items }],
    links: [],
    otherLinks: [],
    siteName: 'Annas Blog',
    feeds: [],
  };
}

const ctx = (e: Entry) => ({ entry: e, deadline: null, now: NOW, maxAttempts: 3 });

describe('failure outcomes', () => {
  it.each([
    ['a new entry that times out waits and retries', entry(), 'timeout', 'pending', 1],
    ['a live entry that fails once stays listed', entry({ status: 'live' }), 'connect', 'live', 1],
    ['the last allowed attempt marks it failing', entry({ attempts: 2 }), 'http-status', 'failing', 3],
    ['a blocked address fails at once', entry(), 'blocked-address', 'failing', 1],
    ['a 404 marks it gone', entry({ status: 'live' }), 'not-found', 'gone', 1],
  ] as const)('%s', (_name, e, reason, status, attempts) => {
    const outcome = failureOutcome(ctx(e), failure(reason));
    expect(outcome.update.status).toBe(status);
    expect(outcome.update.attempts).toBe(attempts);
    expect(outcome.update.reason).toContain('it broke');
    expect(outcome.kind).toBe('failed');
    expect(new Date(outcome.update.next_check_at as string).getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('says the last good copy is kept when a known page disappears', () => {
    const outcome = failureOutcome(ctx(entry({ last_success_at: NOW.toISOString() })), failure('not-found', '410 Gone'));
    expect(outcome.update.reason).toBe('the page is gone (410 Gone); the last good copy is kept');
    expect(outcome.lists).toBeUndefined();
  });

  it("waits at least as long as the server's Retry-After", () => {
    const retryAfter = new Date(NOW.getTime() + 3 * HOUR);
    const outcome = failureOutcome(ctx(entry()), failure('rate-limited', 'slow down', { retryAfter }));
    expect(outcome.update.next_check_at).toBe(retryAfter.toISOString());
  });
});

describe('page outcomes', () => {
  it('a post linking the call in its content goes live with its lists', () => {
    const outcome = pageOutcome(ctx(entry()), {
      page: page(['neugierig', 'ehrlich']),
      backlink: { place: 'content', explanation: 'links the call in the post' },
      finalUrl: 'https://blog.example/post/',
      status: 200,
      etag: '"abc"',
      lastModified: null,
    });
    expect(outcome.kind).toBe('fetched');
    expect(outcome.update.status).toBe('live');
    expect(outcome.update.reason).toBe('verified: links the call in the post');
    expect(outcome.lists?.[0]?.items.map((i) => i.text)).toEqual(['neugierig', 'ehrlich']);
    expect(outcome.update.etag).toBe('"abc"');
  });

  it.each([
    ['elsewhere', 'links the call only in the sidebar or comments'],
    ['none', 'no link to the call'],
  ] as const)('a post whose link is %s waits for the host', (place, explanation) => {
    const outcome = pageOutcome(ctx(entry()), {
      page: page(['a']),
      backlink: { place, explanation },
      finalUrl: 'u',
      status: 200,
      etag: null,
      lastModified: null,
    });
    expect(outcome.update.status).toBe('unverified');
    expect(outcome.update.reason).toBe(`waiting for the host: ${explanation}`);
  });

  it('records a change, keeps unchanged lists untouched, and honours the host decision', () => {
    const input = {
      page: page(['a', 'b']),
      backlink: { place: 'none' as const, explanation: 'no link to the call' },
      finalUrl: 'u',
      status: 200,
      etag: null,
      lastModified: null,
    };
    const first = pageOutcome(ctx(entry()), input);
    const same = pageOutcome(ctx(entry({ content_hash: first.update.content_hash as string })), input);
    expect(same.kind).toBe('unchanged');
    expect(same.lists).toBeUndefined();
    const changed = pageOutcome(
      ctx(entry({ content_hash: first.update.content_hash as string, moderation: 'approved', reason: 'approved by the host' })),
      { ...input, page: page(['a', 'b', 'c']) },
    );
    expect(changed.kind).toBe('changed');
    expect(changed.update.last_changed_at).toBe(NOW.toISOString());
    expect(changed.update.status).toBe('live');
    expect(changed.update.reason).toBe('approved by the host');
  });

  it('a 304 brings a failing entry back and schedules the next check', () => {
    const outcome = notModifiedOutcome(ctx(entry({ status: 'failing', attempts: 3 })));
    expect(outcome.update.status).toBe('live');
    expect(outcome.update.attempts).toBe(0);
  });
});

describe('schedule policy', () => {
  it.each([
    ['a new post is re-checked hourly', 0, null, HOUR],
    ['a three-day-old post every six hours', 3 * 24 * HOUR, null, 6 * HOUR],
    ['a two-week-old post daily', 14 * 24 * HOUR, null, 24 * HOUR],
    ['after the deadline daily', 0, '2026-11-19T00:00:00.000Z', 24 * HOUR],
    ['a week after the deadline weekly', 0, '2026-11-01T00:00:00.000Z', 7 * 24 * HOUR],
  ])('%s', (_name, age, deadline, expected) => {
    const created = new Date(NOW.getTime() - age).toISOString();
    expect(recheckDelayMs(created, deadline, NOW)).toBe(expected);
  });

  it('backs off exponentially up to a day', () => {
    expect([1, 2, 3, 4, 20].map((n) => retryDelayMs(n, undefined, NOW) / MIN)).toEqual([5, 10, 20, 40, 1440]);
  });
});
