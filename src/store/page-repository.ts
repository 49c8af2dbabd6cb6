import { type Kysely, sql } from 'kysely';
import type { Database, RenderedPageTable } from '../../db/schema.js';

/** A rendered page as stored: the body and its compressed forms, valid for one change counter value. */
export interface StoredPage {
  scopeId: number;
  key: string;
  seq: number;
  validUntil: string | null;
  etag: string;
  contentType: string;
  lastModified: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  createdAt: string;
}

/** The site-wide scope (directory, global feeds, calendar); parades use their own id. */
export const SITE_SCOPE = 0;

/** A parade's id and change counter, by slug: the one query a cached page costs. */
export async function paradeVersion(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: number; seq: number } | undefined> {
  const row = await db
    .selectFrom('parades')
    .select(['id', 'change_seq'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { id: row.id, seq: row.change_seq } : undefined;
}

/**
 * The site's counter: every parade's counter summed, plus the number of parades, so a new parade or
 * any visible change anywhere moves it (counters only grow).
 */
export async function siteVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('parades')
    .select([
      sql<string | number>`coalesce(sum(change_seq), 0)`.as('seq'),
      (eb) => eb.fn.countAll<string | number>().as('n'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.seq) + Number(row.n);
}

function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function fromRow(row: RenderedPageTable): StoredPage {
  return {
    scopeId: row.scope_id,
    key: row.key,
    seq: row.seq,
    validUntil: row.valid_until,
    etag: row.etag,
    contentType: row.content_type,
    lastModified: row.last_modified,
    body: toBuffer(row.body),
    gzip: toBuffer(row.gzip),
    br: toBuffer(row.br),
    createdAt: row.created_at,
  };
}

/** The stored rendering of a page if it was made for this counter value. */
export async function findRenderedPage(
  db: Kysely<Database>,
  scopeId: number,
  key: string,
  seq: number,
): Promise<StoredPage | undefined> {
  const row = await db
    .selectFrom('rendered_pages')
    .selectAll()
    .where('scope_id', '=', scopeId)
    .where('key', '=', key)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Keeps the newest rendering only: a slower replica never overwrites a page made for a later counter. */
export async function saveRenderedPage(db: Kysely<Database>, page: StoredPage): Promise<void> {
  const row = {
    scope_id: page.scopeId,
    key: page.key,
    seq: page.seq,
    valid_until: page.validUntil,
    etag: page.etag,
    content_type: page.contentType,
    last_modified: page.lastModified,
    body: page.body,
    gzip: page.gzip,
    br: page.br,
    created_at: page.createdAt,
  };
  await db
    .insertInto('rendered_pages')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['scope_id', 'key'])
        .doUpdateSet({
          seq: (eb) => eb.ref('excluded.seq'),
          valid_until: (eb) => eb.ref('excluded.valid_until'),
          etag: (eb) => eb.ref('excluded.etag'),
          content_type: (eb) => eb.ref('excluded.content_type'),
          last_modified: (eb) => eb.ref('excluded.last_modified'),
          body: (eb) => eb.ref('excluded.body'),
          gzip: (eb) => eb.ref('excluded.gzip'),
          br: (eb) => eb.ref('excluded.br'),
          created_at: (eb) => eb.ref('excluded.created_at'),
        })
        .where('rendered_pages.seq', '<=', page.seq),
    )
    .execute();
}
