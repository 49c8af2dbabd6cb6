import type pg from 'pg';
import { hashToken, slugify } from '../../src/parades/parade-service.js';
import { normalizeUrl } from '../../src/sanitize/index.js';
import {
  CLOSINGS,
  EMPHASIS,
  FIRST_NAMES,
  HOST_STEMS,
  HOST_SUFFIXES,
  INTRO_SENTENCES,
  ITEMS,
  LAST_NAMES,
  LEAD_INS,
  PARADE_TOPICS,
  TITLE_OPENERS,
  TITLE_TOPICS,
  TLDS,
} from './german-text.js';
import type { ScalePlan } from './scale-plan.js';

export const BIG_SLUG = 'grosse-blogparade';
export const SMALL_SLUG = 'kleine-blogparade';

/** Every parade's secret admin token, so the admin page can be measured; stored hashed like korso does. */
export function benchAdminToken(slug: string): string {
  return `korso-bench-${slug}`;
}

const EPOCH = Date.UTC(2023, 0, 2);
const HOUR = 3_600_000;

interface ParadeRows {
  id: number[];
  slug: string[];
  title: string[];
  callUrl: string[];
  callNormalized: string[];
  prompt: (string | null)[];
  hashtag: (string | null)[];
  hostName: string[];
  lang: string[];
  deadline: string[];
  status: string[];
  tokenHash: string[];
  createdAt: string[];
}

/** One parade every 34 hours since 2023; the big and the small one are running now. */
function paradeRows(count: number, now: number): ParadeRows {
  const rows: ParadeRows = {
    id: [],
    slug: [],
    title: [],
    callUrl: [],
    callNormalized: [],
    prompt: [],
    hashtag: [],
    hostName: [],
    lang: [],
    deadline: [],
    status: [],
    tokenHash: [],
    createdAt: [],
  };
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const topic = PARADE_TOPICS[i % PARADE_TOPICS.length] as string;
    // The big and the small parade started two months ago and run ten more days; all entries lie in the past.
    const created = i < 2 ? now - (60 + i) * 24 * HOUR : EPOCH + i * 34 * HOUR;
    const year = new Date(created).getUTCFullYear();
    const slug = i === 0 ? BIG_SLUG : i === 1 ? SMALL_SLUG : `${slugify(topic)}-${id}`;
    const host = `${HOST_STEMS[i % HOST_STEMS.length]}${HOST_SUFFIXES[(i * 7) % HOST_SUFFIXES.length]}.de`;
    const callUrl = `https://${host}/${year}/blogparade-${slugify(topic)}-${id}/`;
    const deadline = i < 2 ? now + 10 * 24 * HOUR : created + 42 * 24 * HOUR;
    rows.id.push(id);
    rows.slug.push(slug);
    rows.title.push(`Blogparade: ${topic}`);
    rows.callUrl.push(callUrl);
    rows.callNormalized.push(normalizeUrl(callUrl) ?? callUrl);
    rows.prompt.push(i % 3 === 0 ? null : `Schreib über ${topic.replace(/ …$/, '')} und teile deine Liste`);
    rows.hashtag.push(i % 4 === 0 ? `#${slugify(topic).replace(/-/g, '')}` : null);
    rows.hostName.push(`${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 11) % LAST_NAMES.length]}`);
    rows.lang.push(i % 10 === 9 ? 'en' : 'de');
    rows.deadline.push(new Date(deadline).toISOString());
    rows.status.push(deadline < now ? 'closed' : 'open');
    rows.tokenHash.push(hashToken(benchAdminToken(slug)));
    rows.createdAt.push(new Date(created).toISOString());
  }
  return rows;
}

// `iso(ts)` in SQL: korso stores times as ISO 8601 UTC text in both dialects.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (expression: string) => `to_char((${expression}) at time zone 'UTC', ${ISO})`;
/** The column's value only for entries a crawl has fetched; pending and failing ones have none yet. */
const fetched = (expression: string) =>
  `case when e.status in ('pending', 'failing') then null else ${expression} end`;
/** The k-th pseudo-random pick from a word array for row n, without random(): the same every run. */
const word = (array: string, n: string, k: number) =>
  `w.${array}[1 + ((${n})::bigint * ${2 * k + 7919} + ${k * 104729}) % cardinality(w.${array})]`;

/**
 * Fills a freshly migrated database set-based (INSERT … SELECT over unnest and generate_series), in about
 * a minute: parades, entries with text and content, their roads, lists and items, discovery sources and runs.
 */
export async function seedScaleDatabase(
  client: pg.Client,
  plan: ScalePlan,
  progress: (step: string) => void,
): Promise<void> {
  const now = Date.now();
  const parades = paradeRows(plan.paradeSizes.length, now);
  await client.query('set synchronous_commit = off');
  await client.query('begin');

  progress('parades');
  await client.query(
    `insert into parades (id, slug, title, call_url, call_url_normalized, prompt, hashtag, host_name, lang,
       deadline, status, admin_token_hash, created_at, updated_at)
     select id, slug, title, call_url, call_norm, prompt, hashtag, host_name, lang, deadline, status, hash, created, created
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
       as t(id, slug, title, call_url, call_norm, prompt, hashtag, host_name, lang, deadline, status, hash, created)`,
    [
      parades.id,
      parades.slug,
      parades.title,
      parades.callUrl,
      parades.callNormalized,
      parades.prompt,
      parades.hashtag,
      parades.hostName,
      parades.lang,
      parades.deadline,
      parades.status,
      parades.tokenHash,
      parades.createdAt,
    ],
  );

  await client.query(
    `create temp table words on commit drop as select
       $1::text[] as first, $2::text[] as last, $3::text[] as stem, $4::text[] as suffix, $5::text[] as tld,
       $6::text[] as opener, $7::text[] as topic, $8::text[] as sentence, $9::text[] as lead_in,
       $10::text[] as item, $11::text[] as emphasis, $12::text[] as closing`,
    [
      FIRST_NAMES,
      LAST_NAMES,
      HOST_STEMS,
      HOST_SUFFIXES,
      TLDS,
      TITLE_OPENERS,
      TITLE_TOPICS,
      INTRO_SENTENCES,
      LEAD_INS,
      ITEMS,
      EMPHASIS,
      CLOSINGS,
    ],
  );
  await client.query(
    `create temp table plan_entries on commit drop as
     select n::int as n, parade_id, status, items1, items2
     from unnest($1::int[], $2::text[], $3::int[], $4::int[]) with ordinality as t(parade_id, status, items1, items2, n)`,
    [plan.entryParade, plan.entryStatus, plan.firstListItems, plan.secondListItems],
  );
  await client.query('alter table plan_entries add primary key (n)');

  progress('entries');
  // An entry is published within six weeks after its parade started; fetched ones carry what a crawl stores.
  await client.query(
    `insert into entries (id, parade_id, url, normalized_url, host, canonical_url, final_url, feed_url, title, author,
       published, excerpt, content_html, lang, status, reason, backlink, moderation, http_status, etag, last_modified,
       content_hash, attempts, next_check_at, lease_owner, lease_until, last_fetched_at, last_success_at,
       last_changed_at, last_error, created_at, updated_at)
     select e.n, e.parade_id, x.url, x.url, x.host, ${fetched('x.url')}, ${fetched('x.url')},
       ${fetched(`'https://' || x.host || '/feed/'`)}, ${fetched('x.title')}, ${fetched('x.author')},
       ${fetched(iso('x.published'))}, ${fetched('x.excerpt')},
       ${fetched(`'<p>' || x.excerpt || ' <a href="' || p.call_url || '">Zum Aufruf der Blogparade</a>.</p><p>'
         || ${word('sentence', 'e.n', 4)} || ' ' || ${word('sentence', 'e.n', 5)} || ' ' || ${word('sentence', 'e.n', 6)}
         || '</p><p>' || ${word('sentence', 'e.n', 7)} || ' ' || ${word('sentence', 'e.n', 8)} || ' ' || ${word('sentence', 'e.n', 9)}
         || '</p><p>' || ${word('sentence', 'e.n', 10)} || ' ' || ${word('sentence', 'e.n', 11)}
         || '</p><figure><img src="https://' || x.host || '/bilder/titelbild.jpg" alt=""><figcaption>'
         || x.title || '</figcaption></figure><p>' || ${word('lead_in', 'e.n', 1)} || '</p><ul>'
         || array_to_string(array(select '<li>' || ${word('item', 'e.n * 31 + g', 2)} || '</li>'
              from generate_series(1, e.items1 + e.items2) g), '')
         || '</ul><p>' || ${word('closing', 'e.n', 1)} || '</p>'`)},
       ${fetched('p.lang')},
       e.status,
       case e.status
         when 'live' then 'verified: links the call in the post'
         when 'unverified' then 'waiting for the host: links the call only in the sidebar or comments, not in the post'
         when 'pending' then 'not fetched yet: connection refused; retrying (attempt 1 of 5)'
         when 'rejected' then 'rejected by the host'
         when 'failing' then 'could not be fetched: the server answered 500'
         else 'the page is gone (404); the last good copy is kept' end,
       case e.status when 'live' then 'content' when 'unverified' then 'elsewhere' else null end,
       case e.status when 'rejected' then 'rejected' else null end,
       case e.status when 'pending' then null when 'failing' then 500 when 'gone' then 404 else 200 end,
       ${fetched(`'"' || to_hex(e.n) || '"'`)}, null, ${fetched('md5(x.url) || md5(x.title)')},
       case e.status when 'pending' then 1 when 'failing' then 5 else 0 end,
       ${iso(`x.published + interval '3 days'`)}, null, null,
       case when e.status = 'pending' then null else ${iso(`x.published + interval '2 hours'`)} end,
       ${fetched(iso(`x.published + interval '2 hours'`))}, null,
       case when e.status in ('pending', 'failing') then 'fetch: connection refused' else null end,
       ${iso(`x.published + interval '1 hour'`)}, ${iso(`x.published + interval '2 hours'`)}
     from plan_entries e
     join parades p on p.id = e.parade_id
     cross join words w
     cross join lateral (
       select ${word('stem', 'e.n', 1)} || ${word('suffix', 'e.n', 2)} || (e.n % 4999) || '.' || ${word('tld', 'e.n', 3)} as host,
         ${word('opener', 'e.n', 1)} || ': ' || ${word('topic', 'e.n', 2)} as title,
         ${word('first', 'e.n', 3)} || ' ' || ${word('last', 'e.n', 4)} as author,
         ${word('sentence', 'e.n', 1)} || ' ' || ${word('sentence', 'e.n', 2)} || ' ' || ${word('sentence', 'e.n', 3)} as excerpt,
         p.created_at::timestamptz + ((e.n::bigint * 7919) % 3628800) * interval '1 second' as published
     ) h
     cross join lateral (
       select h.host, h.title, h.author, h.excerpt, h.published,
         'https://' || h.host || '/' || to_char(h.published at time zone 'UTC', 'YYYY/MM/DD') || '/beitrag-' || e.n || '/' as url
     ) x`,
  );

  progress('roads');
  // Every entry came by one road; one in five was also found by a second.
  await client.query(
    `insert into entry_sources (entry_id, parade_id, road, detail, created_at)
     select e.n, en.parade_id, r.road, null, en.created_at
     from plan_entries e
     join entries en on en.id = e.n
     cross join lateral (
       select (array['registration', 'call-comment', 'blog-feed', 'webmention', 'call-pingback', 'pingback', 'api'])[1 + e.n % 7] as road
       union
       select 'webmention' where e.n % 5 = 0
     ) r`,
  );

  progress('lists');
  await client.query(
    `create temp table plan_lists on commit drop as
     select row_number() over (order by entry_id, position)::int as id, entry_id, position, items
     from (
       select n as entry_id, 0 as position, items1 as items from plan_entries where items1 > 0
       union all
       select n, 1, items2 from plan_entries where items2 > 0
     ) l`,
  );
  // A second list is a nested one (no lead-in of its own) in one case out of three.
  await client.query(
    `insert into entry_lists (id, entry_id, position, ordered, intro)
     select l.id, l.entry_id, l.position, case when l.id % 5 = 0 then 1 else 0 end,
       case when l.position = 1 and l.entry_id % 3 = 0 then null else ${word('lead_in', 'l.id', 3)} end
     from plan_lists l cross join words w`,
  );

  progress('list items');
  await client.query(
    `insert into list_items (list_id, position, text, html)
     select l.id, g.p,
       case when (l.id + g.p) % 9 = 0 then t.item || ', ' || t.emphasis else t.item end,
       case when (l.id + g.p) % 9 = 0 then t.item || ', <strong>' || t.emphasis || '</strong>'
            when (l.id + g.p) % 19 = 0 then '<a href="https://beispiel.de/' || l.id || '/">' || t.item || '</a>'
            else t.item end
     from plan_lists l
     cross join generate_series(0, l.items - 1) g(p)
     cross join words w
     cross join lateral (
       select ${word('item', 'l.id * 17 + g.p', 5)} as item, ${word('emphasis', 'l.id + g.p', 6)} as emphasis
     ) t`,
  );

  progress('discovery');
  // The call page of each parade, and the blog of every verified entry, as discovery adds them.
  await client.query(
    `insert into discovery_sources (parade_id, kind, url, feed_url, found_via, last_run_at, last_ok_at, last_error,
       failures, candidates, next_run_at, created_at)
     select p.id, 'call', p.call_url, p.call_url || 'feed/', 'the call', p.updated_at, p.updated_at, null, 0,
       (select count(*) from entries e where e.parade_id = p.id), p.updated_at, p.created_at
     from parades p`,
  );
  await client.query(
    `insert into discovery_sources (parade_id, kind, url, feed_url, found_via, last_run_at, last_ok_at, last_error,
       failures, candidates, next_run_at, created_at)
     select e.parade_id, 'blog', 'https://' || e.host || '/', e.feed_url, 'blog of ' || e.url, e.updated_at,
       case when e.id % 11 = 0 then null else e.updated_at end,
       case when e.id % 11 = 0 then 'fetch: the server answered 503' else null end,
       case when e.id % 11 = 0 then 2 else 0 end, e.id % 3, e.next_check_at, e.updated_at
     from entries e where e.status = 'live'
     on conflict (parade_id, kind, url) do nothing`,
  );
  await client.query(
    `insert into discovery_runs (parade_id, started_at, finished_at, sources, failed_sources, candidates, new_entries, summary)
     select p.id, ${iso(`p.created_at::timestamptz + k * interval '1 day'`)},
       ${iso(`p.created_at::timestamptz + k * interval '1 day' + interval '40 seconds'`)},
       s.sources, s.failed, k, k % 2, ''
     from parades p
     cross join generate_series(1, 3) k
     cross join lateral (
       select count(*)::int as sources, count(*) filter (where last_error is not null)::int as failed
       from discovery_sources d where d.parade_id = p.id
     ) s`,
  );

  for (const table of [
    'parades',
    'entries',
    'entry_lists',
    'list_items',
    'discovery_sources',
    'discovery_runs',
  ]) {
    await client.query(
      `select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`,
    );
  }
  await client.query('commit');
  progress('vacuum analyze');
  await client.query('vacuum analyze');
}
