import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import {
  completeCallClaim,
  findCallClaim,
  insertCallClaim,
  pruneLapsedClaims,
} from '../../src/store/call-claim-repository.js';
import { blockDomain } from '../../src/store/blocklist-repository.js';
import { findParadeById } from '../../src/store/parade-repository.js';
import { insertSession } from '../../src/store/session-repository.js';
import { databaseFactories, migratedConnections, type TestDatabase } from '../support/databases.js';
import { seedParade } from '../support/seed.js';

const NOW = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-27T10:00:00.000Z';
const CHECK = { code: 'call.claimed', params: null };

describe.each(databaseFactories())('claims on %s', (name, factory) => {
  let database: TestDatabase;
  let one: DatabaseHandle;
  let two: DatabaseHandle;

  beforeAll(async () => {
    database = await factory();
    // Two replicas on PostgreSQL; SQLite is one process with one connection (its writes are serial).
    const handles = await migratedConnections(database, name === 'postgres' ? 2 : 1);
    one = handles[0] as DatabaseHandle;
    two = (handles[1] ?? one) as DatabaseHandle;
  });

  afterAll(async () => {
    await one?.close();
    if (two !== one) await two?.close();
    await database?.drop();
  });

  /** A parade whose call nobody has proved, with a signed-in holder. */
  const squatted = async (slug: string) => {
    const parade = await seedParade(one.db, slug, NOW);
    await one.db.updateTable('parades').set({ call_verified_at: null }).where('id', '=', parade.id).execute();
    await insertSession(one.db, { keyHash: `s-${slug}`, paradeId: parade.id, now: NOW, expiresAt: LATER });
    return parade.id;
  };
  const claim = (paradeId: number, hash: string, expiresAt = LATER) =>
    insertCallClaim(one.db, { paradeId, codeHash: hash, now: NOW, expiresAt });
  const complete = (
    handle: DatabaseHandle,
    claimId: number,
    paradeId: number,
    token: string,
    unblock: string[] = [],
  ) =>
    completeCallClaim(handle.db, {
      claimId,
      paradeId,
      tokenHash: token,
      verifyCode: `code-${token}`,
      now: NOW,
      check: CHECK,
      unblockDomains: unblock,
    });
  const sessions = async (paradeId: number) =>
    (await one.db.selectFrom('admin_sessions').select('key_hash').where('parade_id', '=', paradeId).execute())
      .length;

  it('hands the parade over in one step: token, proof, sessions, own blocks of the call, change counter', async () => {
    const paradeId = await squatted('uebergabe');
    await blockDomain(one.db, { paradeId, domain: 'host.example', now: NOW });
    await blockDomain(one.db, { paradeId, domain: 'spam.example', now: NOW });
    const c = await claim(paradeId, 'h-uebergabe');
    expect(await complete(one, c.id, paradeId, 'neu', ['host.example'])).toBe('claimed');
    expect(await findParadeById(one.db, paradeId)).toMatchObject({
      admin_token_hash: 'neu',
      verify_code: 'code-neu',
      call_verified_at: NOW,
      call_check_code: 'call.claimed',
      change_seq: 1,
    });
    expect(await sessions(paradeId)).toBe(0);
    const blocked = await one.db
      .selectFrom('blocked_domains')
      .select('domain')
      .where('parade_id', '=', paradeId)
      .execute();
    expect(blocked.map((b) => b.domain)).toEqual(['spam.example']);
    expect((await findCallClaim(one.db, paradeId, 'h-uebergabe'))?.used_at).toBe(NOW);
  });

  it('of two rival claims sent at once, one wins; the other changes nothing', async () => {
    const paradeId = await squatted('rivalen');
    const a = await claim(paradeId, 'h-rivale-a');
    const b = await claim(paradeId, 'h-rivale-b');
    const outcomes = await Promise.all([
      complete(one, a.id, paradeId, 'token-a'),
      complete(two, b.id, paradeId, 'token-b'),
    ]);
    expect([...outcomes].sort()).toEqual(['claimed', 'proved']);
    const winner = outcomes[0] === 'claimed' ? 'a' : 'b';
    const parade = await findParadeById(one.db, paradeId);
    expect(parade).toMatchObject({ admin_token_hash: `token-${winner}`, change_seq: 1 });
    const used = await one.db
      .selectFrom('call_claims')
      .select('code_hash')
      .where('parade_id', '=', paradeId)
      .where('used_at', 'is not', null)
      .execute();
    expect(used.map((r) => r.code_hash)).toEqual([`h-rivale-${winner}`]);
  });

  it('one code sent twice at once is used once', async () => {
    const paradeId = await squatted('doppelt');
    const c = await claim(paradeId, 'h-doppelt');
    const outcomes = await Promise.all([
      complete(one, c.id, paradeId, 'erst'),
      complete(two, c.id, paradeId, 'zweit'),
    ]);
    expect([...outcomes].sort()).toEqual(['claimed', 'used']);
    expect((await findParadeById(one.db, paradeId))?.change_seq).toBe(1);
  });

  it('a lapsed claim changes nothing, and the holder stays signed in', async () => {
    const paradeId = await squatted('abgelaufen');
    const c = await claim(paradeId, 'h-abgelaufen', NOW);
    expect(await complete(one, c.id, paradeId, 'spaet')).toBe('expired');
    expect(await findParadeById(one.db, paradeId)).toMatchObject({
      admin_token_hash: 'x',
      call_verified_at: null,
      change_seq: 0,
    });
    expect(await sessions(paradeId)).toBe(1);
  });

  it('drops unused claims that lapsed before the cut-off and keeps used ones as the record', async () => {
    await one.db.deleteFrom('call_claims').execute();
    const paradeId = await squatted('aufraeumen');
    const old = await claim(paradeId, 'h-alt', '2026-10-01T00:00:00.000Z');
    await claim(paradeId, 'h-frisch', LATER);
    const used = await claim(paradeId, 'h-benutzt', '2026-10-01T00:00:00.000Z');
    await one.db
      .updateTable('call_claims')
      .set({ used_at: '2026-09-30T00:00:00.000Z' })
      .where('id', '=', used.id)
      .execute();
    expect(await pruneLapsedClaims(one.db, '2026-10-20T00:00:00.000Z')).toBe(1);
    const left = await one.db.selectFrom('call_claims').select(['id', 'code_hash']).orderBy('id').execute();
    expect(left.map((r) => r.code_hash)).toEqual(['h-frisch', 'h-benutzt']);
    expect(left.some((r) => r.id === old.id)).toBe(false);
  });
});
