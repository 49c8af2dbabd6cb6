import type { Kysely } from 'kysely';
import type { Database, ParadeRow } from '../../db/schema.js';
import { addEntry, type StoredList, saveEntryOutcome } from '../../src/store/entry-repository.js';
import { insertParade } from '../../src/store/parade-repository.js';

/** A parade row straight into the store, for repository tests that bypass the use cases. */
export function seedParade(db: Kysely<Database>, slug: string, now: string): Promise<ParadeRow> {
  return insertParade(db, {
    slug,
    title: 'Mein Wunschkunde ist …',
    call_url: 'https://host.example/aufruf/',
    call_url_normalized: 'https://host.example/aufruf',
    prompt: null,
    hashtag: null,
    host_name: null,
    lang: 'de',
    deadline: null,
    status: 'open',
    admin_token_hash: 'x',
    created_at: now,
    updated_at: now,
    // Listed, as a parade whose host proved the call and that the operator let in.
    call_verified_at: now,
    approved_at: now,
  });
}

/** `count` live entries with one list each (a nested list on every third), stored as a crawl would. */
export async function seedLiveEntries(
  db: Kysely<Database>,
  paradeId: number,
  count: number,
  opts: { now: string; host?: string; from?: number } = { now: '2026-11-20T10:00:00.000Z' },
): Promise<number[]> {
  const ids: number[] = [];
  const from = opts.from ?? 0;
  for (let n = from; n < from + count; n++) {
    const url = `https://${opts.host ?? `blog${n % 7}.example`}/beitrag-${n}/`;
    const { entry } = await addEntry(db, { paradeId, url, normalizedUrl: url, road: 'cli', now: opts.now });
    const day = String(1 + (n % 28)).padStart(2, '0');
    const lists: StoredList[] = [
      {
        ordered: false,
        intro: 'Mein Wunschkunde …',
        items: [
          { text: `zahlt pünktlich ${n}`, html: `zahlt <em>pünktlich</em> ${n}` },
          { text: 'weiß, was er will', html: 'weiß, was er will' },
          { text: 'empfiehlt mich weiter', html: 'empfiehlt mich weiter' },
        ],
        parent: null,
      },
    ];
    if (n % 3 === 0) lists.push({ ordered: true, intro: null, items: [{ text: 'sofort', html: 'sofort' }], parent: { list: 0, item: 0 } });
    await saveEntryOutcome(
      db,
      entry.id,
      'seed',
      {
        status: 'live',
        reason: 'verified: links the call in the post',
        title: `Beitrag Nummer ${n}`,
        author: `Autorin ${n}`,
        published: `2026-11-${day}T08:00:00.000Z`,
        site_name: `Blog ${n % 7}`,
        content_hash: `hash-${n}`,
        last_success_at: opts.now,
        next_check_at: '2027-01-01T00:00:00.000Z',
        updated_at: opts.now,
      },
      lists,
    );
    ids.push(entry.id);
  }
  return ids;
}

/** One live entry with the given list items (for tests of what the answers say together). */
export async function seedEntryWithItems(
  db: Kysely<Database>,
  paradeId: number,
  url: string,
  items: string[],
  opts: { now: string; author: string; published?: string },
): Promise<number> {
  const { entry } = await addEntry(db, { paradeId, url, normalizedUrl: url, road: 'cli', now: opts.now });
  await saveEntryOutcome(
    db,
    entry.id,
    'seed',
    {
      status: 'live',
      reason: 'verified: links the call in the post',
      title: `Mein Wunschkunde, von ${opts.author}`,
      author: opts.author,
      published: opts.published ?? opts.now,
      content_hash: `hash-${url}`,
      next_check_at: '2027-01-01T00:00:00.000Z',
      updated_at: opts.now,
    },
    [{ ordered: false, intro: 'Mein Wunschkunde …', items: items.map((text) => ({ text, html: text })), parent: null }],
  );
  return entry.id;
}
