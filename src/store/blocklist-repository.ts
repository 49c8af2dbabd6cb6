import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** parade 0 is the global list. */
export async function blockDomain(
  db: Kysely<Database>,
  input: { paradeId: number | null; domain: string; note?: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('blocked_domains')
    .values({
      parade_id: input.paradeId ?? 0,
      domain: input.domain,
      note: input.note ?? null,
      created_at: input.now,
    })
    .onConflict((oc) => oc.columns(['parade_id', 'domain']).doNothing())
    .execute();
}

export async function unblockDomain(
  db: Kysely<Database>,
  paradeId: number | null,
  domain: string,
): Promise<void> {
  await db
    .deleteFrom('blocked_domains')
    .where('parade_id', '=', paradeId ?? 0)
    .where('domain', '=', domain)
    .execute();
}

/** Domains blocked for a parade, the global ones included. */
export async function blockedDomains(
  db: Kysely<Database>,
  paradeId: number,
): Promise<{ domain: string; global: boolean }[]> {
  const rows = await db
    .selectFrom('blocked_domains')
    .select(['domain', 'parade_id'])
    .where('parade_id', 'in', [0, paradeId])
    .orderBy('domain')
    .execute();
  return rows.map((r) => ({ domain: r.domain, global: r.parade_id === 0 }));
}
