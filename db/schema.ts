import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Times are ISO 8601 UTC strings in both dialects, so they compare as text; flags are 0/1 integers. */
export interface ParadeTable {
  id: Generated<number>;
  slug: string;
  title: string;
  call_url: string;
  call_url_normalized: string;
  prompt: string | null;
  hashtag: string | null;
  host_name: string | null;
  lang: string;
  deadline: string | null;
  status: string;
  admin_token_hash: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every change a reader can see; rendered pages are valid for one value. */
  change_seq: Generated<number>;
  changed_at: string | null;
  /** IANA zone the deadline is shown and read in. */
  time_zone: Generated<string>;
  /** The host closed the parade: no more entries. */
  closed_at: string | null;
  /** When the deadline job saw the deadline pass (late entries are still taken). */
  deadline_passed_at: string | null;
  roundup_intro: string | null;
  /** The normalized call URL while this parade holds the call (unique); null for a duplicate from before 0005. */
  call_key: string | null;
  description: string | null;
  /** Shown to the host; the call page carrying it (or linking the parade) proves the call is theirs. */
  verify_code: string | null;
  call_verified_at: string | null;
  call_checked_at: string | null;
  call_check_code: string | null;
  call_check_params: string | null;
  /** Set at creation under KORSO_NEW_PARADES=open, by the operator under =review. */
  approved_at: string | null;
}

export interface EntryTable {
  id: Generated<number>;
  parade_id: number;
  url: string;
  normalized_url: string;
  /** host[:port] of url, for fair claiming across blogs. */
  host: string;
  canonical_url: string | null;
  final_url: string | null;
  site_name: string | null;
  /** Items in all of the entry's lists. */
  item_count: Generated<number>;
  feed_url: string | null;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  content_html: string | null;
  lang: string | null;
  status: string;
  /** English words of the reason, kept for older readers; pages and the API render reason_code. */
  reason: string;
  reason_code: Generated<string>;
  /** JSON object of the code's parameters, or null. */
  reason_params: string | null;
  backlink: string | null;
  /** The host's decision, which outranks verification: 'approved' | 'rejected' | null. */
  moderation: string | null;
  http_status: number | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  attempts: number;
  next_check_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_fetched_at: string | null;
  last_success_at: string | null;
  last_changed_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface EntrySourceTable {
  entry_id: number;
  /** The entry's parade (set on every row since migration 0008), for counts per parade. */
  parade_id: number | null;
  road: string;
  detail: string | null;
  created_at: string;
}

export interface EntryListTable {
  id: Generated<number>;
  entry_id: number;
  position: number;
  ordered: number;
  intro: string | null;
  /** For a nested list: position of the list and index of the item it sits under. */
  parent_position: number | null;
  parent_item: number | null;
}

export interface ListItemTable {
  id: Generated<number>;
  list_id: number;
  position: number;
  text: string;
  html: string;
}

export interface DiscoverySourceTable {
  id: Generated<number>;
  parade_id: number;
  /** 'call' (the call page and its comment feed) | 'blog' (a participant blog's feed). */
  kind: string;
  url: string;
  feed_url: string | null;
  found_via: string | null;
  etag: string | null;
  last_modified: string | null;
  last_run_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
  failures: number;
  candidates: number;
  next_run_at: string;
  created_at: string;
  /** For the call: its publication date, which opens the window for participants' new posts. */
  published: string | null;
  /** For the call: the older comment-feed page to go on with, after a pass stopped at its cap. */
  resume_url: string | null;
  /** What the last pass did: items read, candidates proposed, of those taken only for the window, left for the next pass because of a cap, extra pages read. */
  last_items: Generated<number>;
  last_candidates: Generated<number>;
  last_window: Generated<number>;
  last_deferred: Generated<number>;
  last_pages: Generated<number>;
}

export interface DiscoveryPageTable {
  source_id: number;
  /** Without fragment. */
  url: string;
  /** The comment page's number, when the URL or the page's navigation tells it. */
  position: number | null;
  etag: string | null;
  last_modified: string | null;
  /** 1 once a newer page follows it: its comments no longer change and it is not read again. */
  complete: number;
  /** Comments shown on the page when last read. */
  items: number;
  /** null while the page is known from a link but not read yet. */
  fetched_at: string | null;
  created_at: string;
}

export interface SeenItemTable {
  source_id: number;
  item_key: string;
  first_seen_at: string;
}

export interface DiscoveryRunTable {
  id: Generated<number>;
  parade_id: number;
  started_at: string;
  finished_at: string | null;
  sources: number;
  failed_sources: number;
  candidates: number;
  new_entries: number;
  summary: string;
  items: Generated<number>;
  window_candidates: Generated<number>;
  deferred: Generated<number>;
  pages: Generated<number>;
}

export interface MentionTable {
  id: Generated<number>;
  token: string;
  parade_id: number;
  /** 'webmention' | 'pingback' */
  kind: string;
  source: string;
  target: string;
  entry_id: number | null;
  client: string | null;
  received_count: number;
  created_at: string;
  updated_at: string;
}

export interface BlockedDomainTable {
  /** 0 for the global list. */
  parade_id: number;
  domain: string;
  note: string | null;
  created_at: string;
}

/** A page, feed or API document rendered once per change of its scope (a parade, or 0 for site-wide pages). */
export interface RenderedPageTable {
  scope_id: number;
  key: string;
  seq: number;
  /** When the text goes stale by time alone (a countdown, the deadline passing), or null. */
  valid_until: string | null;
  etag: string;
  content_type: string;
  last_modified: string;
  body: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
  created_at: string;
}

/** One blog host as every worker sees it: its turn (lease), its pause, its Retry-After and robots.txt. */
export interface HostTable {
  /** host[:port], as in entries.host. */
  host: string;
  /** Earliest start of the next request to this host. */
  next_allowed_at: string;
  /** Who may send a request now (one token per turn), until lease_until. */
  holder: string | null;
  lease_until: string | null;
  /** The host asked korso to stay away until then (Retry-After on 429/503). */
  retry_after: string | null;
  robots_origin: string | null;
  /** null with robots_expires_at set: no usable robots.txt, everything allowed. */
  robots_txt: string | null;
  robots_expires_at: string | null;
  updated_at: string;
}

/** A once-per-tick job as run by one process; (job, tick_at) is unique. */
export interface JobRunTable {
  job: string;
  tick_at: string;
  owner: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
}

export interface AdminSessionTable {
  /** sha256 of the cookie value; the value itself is only in the host's browser. */
  key_hash: string;
  parade_id: number;
  created_at: string;
  expires_at: string;
}

/** GCRA state of one rate-limit bucket: the theoretical arrival time in epoch ms. */
export interface RateLimitTable {
  bucket: string;
  tat_ms: number | string;
}

/** A claim on a parade whose call is not proved: the claimer shows the code on the call page. */
export interface CallClaimTable {
  id: Generated<number>;
  parade_id: number;
  /** sha256 of the code; the code itself is only with the claimer (and then on the call page). */
  code_hash: string;
  created_at: string;
  expires_at: string;
  /** Set once the call page showed the code and the parade changed hands. */
  used_at: string | null;
  checked_at: string | null;
  check_code: string | null;
  check_params: string | null;
}

export interface Database {
  parades: ParadeTable;
  entries: EntryTable;
  entry_sources: EntrySourceTable;
  entry_lists: EntryListTable;
  list_items: ListItemTable;
  discovery_sources: DiscoverySourceTable;
  seen_items: SeenItemTable;
  discovery_pages: DiscoveryPageTable;
  discovery_runs: DiscoveryRunTable;
  mentions: MentionTable;
  blocked_domains: BlockedDomainTable;
  rendered_pages: RenderedPageTable;
  hosts: HostTable;
  job_runs: JobRunTable;
  admin_sessions: AdminSessionTable;
  rate_limits: RateLimitTable;
  call_claims: CallClaimTable;
}

export type ParadeRow = Selectable<ParadeTable>;
export type NewParadeRow = Insertable<ParadeTable>;
export type EntryRow = Selectable<EntryTable>;
export type NewEntryRow = Insertable<EntryTable>;
export type EntryUpdate = Updateable<EntryTable>;
export type EntryListRow = Selectable<EntryListTable>;
export type ListItemRow = Selectable<ListItemTable>;
export type DiscoverySourceRow = Selectable<DiscoverySourceTable>;
export type DiscoveryRunRow = Selectable<DiscoveryRunTable>;
export type DiscoveryPageRow = Selectable<DiscoveryPageTable>;
export type MentionRow = Selectable<MentionTable>;
export type HostRow = Selectable<HostTable>;
export type JobRunRow = Selectable<JobRunTable>;
export type CallClaimRow = Selectable<CallClaimTable>;
