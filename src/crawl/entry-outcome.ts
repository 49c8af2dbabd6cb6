import crypto from 'node:crypto';
import type { BacklinkPlace, ExtractedPage } from '../extract/types.js';
import type { FetchFailure, FetchFailureReason } from '../http/types.js';
import { detailReason, reasonColumns } from '../reasons/catalog.js';
import { reason } from '../reasons/reason.js';
import type { Entry, EntryChanges, EntryStatus, StoredList } from '../store/entry-repository.js';
import { addMs, recheckDelayMs, retryDelayMs } from './schedule-policy.js';

export interface OutcomeContext {
  entry: Entry;
  deadline: string | null;
  now: Date;
  maxAttempts: number;
}

export interface Outcome {
  update: EntryChanges;
  lists?: StoredList[];
  /** What happened, for the pass summary. */
  kind: 'fetched' | 'changed' | 'unchanged' | 'failed';
  reason?: string;
}

/** Failures that repeating soon will not fix: the entry is marked at once instead of after maxAttempts. */
const PERMANENT: ReadonlySet<FetchFailureReason> = new Set([
  'invalid-url',
  'blocked-address',
  'robots',
  'too-large',
]);

export function failureOutcome(ctx: OutcomeContext, failure: FetchFailure): Outcome {
  const { entry, now } = ctx;
  const attempts = entry.attempts + 1;
  const base: EntryChanges = {
    attempts,
    http_status: failure.status ?? null,
    last_fetched_at: now.toISOString(),
    last_error: `${failure.reason}: ${failure.detail}`,
    updated_at: now.toISOString(),
  };
  const detail = detailReason(failure.detail);
  if (failure.reason === 'not-found') {
    return {
      kind: 'failed',
      reason: failure.reason,
      update: {
        ...base,
        status: 'gone',
        ...reasonColumns(reason(entry.last_success_at ? 'entry.goneKept' : 'entry.gone', { detail })),
        next_check_at: addMs(now, retryDelayMs(attempts + 4, undefined, now)),
      },
    };
  }
  const next = addMs(now, retryDelayMs(attempts, failure.retryAfter, now));
  const exhausted = PERMANENT.has(failure.reason) || attempts >= ctx.maxAttempts;
  const wasLive = entry.status === 'live';
  let status: EntryStatus = entry.status as EntryStatus;
  let why: ReturnType<typeof reason>;
  if (exhausted) {
    status = 'failing';
    why = reason('entry.failing', { detail });
  } else if (wasLive) {
    why = reason('entry.stillListed', { detail });
  } else {
    status = entry.status === 'gone' ? 'gone' : 'pending';
    why = reason('entry.retrying', { detail, attempt: attempts, of: ctx.maxAttempts });
  }
  return {
    kind: 'failed',
    reason: failure.reason,
    update: { ...base, status, ...reasonColumns(why), next_check_at: next },
  };
}

export function notModifiedOutcome(ctx: OutcomeContext): Outcome {
  const { entry, now } = ctx;
  return {
    kind: 'unchanged',
    update: {
      attempts: 0,
      http_status: 304,
      last_fetched_at: now.toISOString(),
      last_success_at: now.toISOString(),
      last_error: null,
      status: entry.status === 'failing' || entry.status === 'gone' ? 'live' : entry.status,
      next_check_at: addMs(now, recheckDelayMs(entry.created_at, ctx.deadline, now)),
      updated_at: now.toISOString(),
    },
  };
}

export function notHtmlOutcome(ctx: OutcomeContext, contentType: string | null, status: number): Outcome {
  const { now } = ctx;
  const detail = `the address does not serve a web page (${contentType ?? 'no content type'})`;
  return {
    kind: 'failed',
    reason: 'not-html',
    update: {
      attempts: ctx.entry.attempts + 1,
      http_status: status,
      status: 'failing',
      ...reasonColumns(reason('page.notHtml', { type: contentType ?? '' })),
      last_error: `not-html: ${detail}`,
      last_fetched_at: now.toISOString(),
      next_check_at: addMs(now, retryDelayMs(ctx.entry.attempts + 4, undefined, now)),
      updated_at: now.toISOString(),
    },
  };
}

export interface PageOutcomeInput {
  page: ExtractedPage;
  backlink: { place: BacklinkPlace; explanation: string };
  finalUrl: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
}

/** The blog's own feed among those the page advertises; a post's comment feed sits under the post. */
function blogFeedOf(page: ExtractedPage): string | null {
  const post = page.url.replace(/\/?$/, '/');
  return page.feeds.find((f) => !f.startsWith(post) && !/comment/i.test(f)) ?? null;
}

export function contentHash(page: ExtractedPage): string {
  const basis = JSON.stringify([page.title, page.author, page.published, page.text, page.lists]);
  return crypto.createHash('sha256').update(basis).digest('hex');
}

function statusForBacklink(entry: Entry, place: BacklinkPlace): EntryStatus {
  // The host's decision stands whatever the page says.
  if (entry.moderation === 'rejected') return 'rejected';
  if (entry.moderation === 'approved') return 'live';
  return place === 'content' ? 'live' : 'unverified';
}

export function pageOutcome(ctx: OutcomeContext, input: PageOutcomeInput): Outcome {
  const { entry, now } = ctx;
  const { page } = input;
  const hash = contentHash(page);
  const changed = entry.content_hash !== null && entry.content_hash !== hash;
  const status = statusForBacklink(entry, input.backlink.place);
  const backlink = detailReason(input.backlink.explanation);
  const why =
    entry.moderation !== null
      ? { reason: entry.reason, reason_code: entry.reason_code, reason_params: entry.reason_params }
      : reasonColumns(reason(status === 'live' ? 'entry.verified' : 'entry.waitingForHost', { detail: backlink }));
  const update: EntryChanges = {
    status,
    ...why,
    backlink: input.backlink.place,
    attempts: 0,
    http_status: input.status,
    final_url: input.finalUrl,
    canonical_url: page.canonicalUrl,
    feed_url: blogFeedOf(page),
    title: page.title,
    site_name: page.siteName,
    author: page.author,
    published: page.published,
    excerpt: page.excerpt,
    content_html: page.html,
    lang: page.lang,
    etag: input.etag,
    last_modified: input.lastModified,
    content_hash: hash,
    last_fetched_at: now.toISOString(),
    last_success_at: now.toISOString(),
    last_error: null,
    next_check_at: addMs(now, recheckDelayMs(entry.created_at, ctx.deadline, now)),
    updated_at: now.toISOString(),
  };
  if (changed) update.last_changed_at = now.toISOString();
  const sameContent = entry.content_hash === hash;
  return {
    kind: entry.content_hash === null ? 'fetched' : changed ? 'changed' : 'unchanged',
    update,
    lists: sameContent
      ? undefined
      : page.lists.map((l) => ({
          ordered: l.ordered,
          intro: l.intro,
          items: l.items.map((text, i) => ({ text, html: l.itemsHtml[i] ?? '' })),
          parent: l.parent ?? null,
        })),
  };
}
