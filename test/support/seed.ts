import type { Kysely } from 'kysely';
import type { Database, ParadeRow } from '../../db/schema.js';
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
  });
}
