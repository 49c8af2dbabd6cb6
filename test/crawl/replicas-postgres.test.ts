import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/database.js';
import { type BlogFarm, type FarmRequest, loopbackHosts, startBlogFarm } from '../support/blog-farm.js';
import { spawnKorso } from '../support/cli.js';
import { postgresDatabase, type TestDatabase } from '../support/databases.js';

// Two `serve --no-scheduler` replicas and three workers, real processes of the built CLI, on one
// PostgreSQL against six loopback blogs that record every request. Counts and orderings are asserted
// exactly; time only as the politeness rule defines it (end of one request to the start of the next,
// on the wall clock all processes share) and never as speed.
const HOSTS = 6;
const PER_HOST = 8;
const ENTRIES = HOSTS * PER_HOST;
const DELAY_MS = 300;
// Date.now() has millisecond steps
const CLOCK_GRANULARITY_MS = 1;
const SLOW = 120_000;

type Korso = ReturnType<typeof spawnKorso>;

/** A korso process and what it has written so far. */
interface Running {
  child: Korso;
  stdout(): string;
  stderr(): string;
}

interface LogLine {
  event: string;
  job?: string;
  tick?: string;
  owner?: string;
  why?: string;
  parade?: string;
  parades?: number;
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = SLOW,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function logLines(stderr: string): LogLine[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe.runIf(process.env.TEST_DATABASE_URL)('replicas and workers on one PostgreSQL', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let farm: BlogFarm;
  const replicas: Running[] = [];
  const workers: Running[] = [];
  const entryUrls: string[] = [];
  let slug = '';
  let deadlineSlug = '';

  const env = () => ({
    DATABASE_URL: database.url,
    KORSO_ALLOW_PRIVATE_NETWORKS: '1',
    KORSO_PER_HOST_DELAY_MS: String(DELAY_MS),
    KORSO_RATE_BURST: '1000',
    KORSO_CONCURRENCY: '4',
    KORSO_CRAWL_BATCH: '4',
    KORSO_LEASE_MS: '20000',
    KORSO_TOTAL_TIMEOUT_MS: '8000',
    KORSO_ROBOTS_TTL_MS: '600000',
    KORSO_CRAWL_CRON: '* * * * * *',
    KORSO_DISCOVER_CRON: '*/2 * * * * *',
    KORSO_DEADLINE_CRON: '* * * * * *',
    KORSO_CLEANUP_CRON: '*/3 * * * * *',
  });

  const spawn = (args: string[], extra: Record<string, string>): Running => {
    const child = spawnKorso(args, { ...env(), ...extra });
    return { child, stdout: () => child.output().stdout, stderr: () => child.output().stderr };
  };

  const startReplica = async () => {
    const replica = spawn(['serve', '--no-scheduler', '--port', '0'], {
      HOST: '127.0.0.1',
      KORSO_LOG_LEVEL: 'warn',
    });
    replicas.push(replica);
    return waitFor('a replica to listen', () => replica.stdout().match(/korso serves (\S+)/)?.[1], 60_000);
  };

  const api = async (base: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  const entries = () =>
    handle.db
      .selectFrom('entries')
      .select(['id', 'url', 'status', 'lease_owner', 'last_fetched_at'])
      .where('url', 'in', entryUrls)
      .orderBy('id')
      .execute();

  /** Makes every entry due now and waits until each has been fetched and stored since. */
  const round = async (during?: () => Promise<void> | void) => {
    const startedAt = Date.now();
    const since = new Date(startedAt).toISOString();
    await handle.db
      .updateTable('entries')
      .set({ next_check_at: since })
      .where('url', 'in', entryUrls)
      .execute();
    await during?.();
    await waitFor('every entry to be fetched and stored in the round', async () => {
      const rows = await entries();
      return (
        rows.every(
          (e) => e.last_fetched_at !== null && e.last_fetched_at >= since && e.lease_owner === null,
        ) || undefined
      );
    });
    return { startedAt, endedAt: Date.now() };
  };

  const entryFetches = (window: { startedAt: number; endedAt: number }) => {
    const counts = new Map(entryUrls.map((u) => [u, 0]));
    for (const r of farm.requests) {
      if (r.startedAt < window.startedAt || r.startedAt > window.endedAt) continue;
      const url = `http://${r.host}${r.path}`;
      if (counts.has(url)) counts.set(url, (counts.get(url) ?? 0) + 1);
    }
    return counts;
  };

  beforeAll(async () => {
    database = await postgresDatabase();
    farm = await startBlogFarm({ hosts: loopbackHosts(HOSTS), latencyMs: 30 });
    for (const host of farm.hosts)
      for (let n = 0; n < PER_HOST; n++) entryUrls.push(farm.entryUrl(host, entryUrls.length));
  }, 60_000);

  afterAll(async () => {
    for (const { child } of [...workers, ...replicas]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await child.result;
    }
    await handle?.close();
    await farm?.close();
    await database?.drop();
  });

  it('shares entries between replicas, fetches each once per round, stays polite across workers, survives a killed worker and runs each once-per-tick job once', async () => {
    // Two replicas; the first one migrates, the second finds the schema in place.
    const a = await startReplica();
    const b = await startReplica();
    handle = openDatabase(database.url);

    const created = await api(a, '/parades', { callUrl: farm.callUrl, title: 'Zwei Repliken' });
    expect(created.status).toBe(201);
    slug = (created.json.parade as { slug: string }).slug;
    const deadline = new Date(Date.now() + 3000).toISOString();
    const closing = await api(a, '/parades', { callUrl: `${farm.callUrl}frist/`, title: 'Frist', deadline });
    expect(closing.status).toBe(201);
    deadlineSlug = (closing.json.parade as { slug: string }).slug;
    for (const url of entryUrls) expect((await api(a, `/parades/${slug}/entries`, { url })).status).toBe(202);

    // Registered on A, seen on B (the host's view lists entries that are not live yet).
    const token = created.json.adminToken as string;
    await waitFor('replica B to list every entry', async () => {
      const seen = await api(b, `/parades/${slug}`, undefined, token);
      const urls = (seen.json.entries as { url: string }[]).map((e) => e.url).sort();
      return urls.length === ENTRIES && JSON.stringify(urls) === JSON.stringify([...entryUrls].sort())
        ? true
        : undefined;
    });

    const first = await round(() => {
      for (let i = 0; i < 3; i++) workers.push(spawn(['worker'], { KORSO_LOG_LEVEL: 'debug' }));
    });
    // Pages are rendered once per change and cached in each replica: B's public document, which it
    // served before the crawl, follows the workers' changes through the shared change counter.
    await waitFor('replica B to publish every entry as live', async () => {
      const seen = await api(b, `/parades/${slug}`);
      return (seen.json.entries as unknown[]).length === ENTRIES ? true : undefined;
    });
    const second = await round();

    // Third round: one worker is killed while it holds entries; the others finish them.
    const victim = (workers[0] as Running).child;
    const victimLeases = () =>
      handle.db
        .selectFrom('entries')
        .select('id')
        .where('lease_owner', 'like', `%:${victim.pid}:%`)
        .execute();
    let killedAt = 0;
    let orphaned: number[] = [];
    const third = await round(async () => {
      await waitFor('the victim to hold entries mid-round', async () =>
        (await victimLeases()).length >= 2 ? true : undefined,
      );
      victim.kill('SIGKILL');
      killedAt = Date.now();
      expect((await victim.result).signal).toBe('SIGKILL');
      orphaned = (await victimLeases()).map((e) => e.id);
    });
    expect(orphaned.length).toBeGreaterThan(0);

    // Every entry once per round; in the third, only those the victim held may have been fetched twice.
    for (const [window, name] of [
      [first, 'first'],
      [second, 'second'],
    ] as const) {
      const counts = entryFetches(window);
      expect(
        [...counts.values()].every((n) => n === 1),
        `${name} round: ${JSON.stringify([...counts])}`,
      ).toBe(true);
    }
    const rows = await entries();
    const orphanUrls = new Set(rows.filter((e) => orphaned.includes(e.id)).map((e) => e.url));
    for (const [url, n] of entryFetches(third)) {
      if (orphanUrls.has(url)) expect(n, url).toBeGreaterThanOrEqual(1);
      else expect(n, url).toBe(1);
      expect(n, url).toBeLessThanOrEqual(2);
    }
    for (const entry of rows) {
      expect(entry.status, entry.url).toBe('live');
      if (orphaned.includes(entry.id))
        expect(Date.parse(entry.last_fetched_at ?? '')).toBeGreaterThan(killedAt);
    }

    // The survivors and the replicas stop cleanly on SIGTERM.
    const running = [...workers.slice(1), ...replicas];
    for (const { child } of running) child.kill('SIGTERM');
    for (const { child, stderr } of running) {
      const exit = await child.result;
      expect(exit.code, stderr().slice(-2000)).toBe(0);
    }

    // No host ever saw two requests closer than the pause, from any process.
    const byHost = new Map<string, FarmRequest[]>();
    for (const r of farm.requests) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r]);
    expect(byHost.size).toBe(HOSTS);
    for (const [host, requests] of byHost) {
      const ordered = [...requests].sort((x, y) => x.startedAt - y.startedAt);
      for (let i = 1; i < ordered.length; i++) {
        const previous = ordered[i - 1] as FarmRequest;
        const next = ordered[i] as FarmRequest;
        const gap = next.startedAt - (previous.endedAt ?? Number.POSITIVE_INFINITY);
        expect(gap, `${host}: ${previous.path} then ${next.path}`).toBeGreaterThanOrEqual(
          DELAY_MS - CLOCK_GRANULARITY_MS,
        );
      }
    }

    // Each once-per-tick job ran once per tick, across the three workers.
    const lines = workers.flatMap((w) => logLines(w.stderr()));
    const ran = lines.filter((l) => l.event === 'job.ran');
    for (const job of ['discovery', 'deadlines', 'cleanup']) {
      const ticks = ran.filter((l) => l.job === job).map((l) => l.tick);
      expect(ticks.length, job).toBeGreaterThan(0);
      expect(new Set(ticks).size, job).toBe(ticks.length);
    }
    // Other workers fired for the same ticks and were turned away.
    expect(
      lines.some(
        (l) => l.event === 'job.skipped' && (l.why === 'already ran' || l.why === 'running elsewhere'),
      ),
    ).toBe(true);
    const recorded = await handle.db.selectFrom('job_runs').selectAll().execute();
    for (const line of ran) {
      expect(
        recorded.filter((r) => r.job === line.job && r.tick_at === line.tick).map((r) => r.owner),
      ).toEqual([line.owner]);
    }
    // One discovery run per parade and tick, not one per worker: at most one per parade for each
    // tick recorded, at least those the finished passes reported (the killed worker may have left one).
    const discoveryTicks = recorded.filter((r) => r.job === 'discovery').length;
    const parades = await handle.db.selectFrom('parades').select('id').execute();
    const runs = await handle.db.selectFrom('discovery_runs').select('id').execute();
    expect(runs.length).toBeLessThanOrEqual(parades.length * discoveryTicks);
    const reported = ran.filter((l) => l.job === 'discovery').reduce((sum, l) => sum + (l.parades ?? 0), 0);
    expect(runs.length).toBeGreaterThanOrEqual(reported);
    // The parade past its deadline was marked once (and still takes late entries).
    expect(lines.filter((l) => l.event === 'parade.deadline_passed' && l.parade === deadlineSlug)).toHaveLength(1);
    const closed = await handle.db
      .selectFrom('parades')
      .select(['deadline_passed_at', 'closed_at'])
      .where('slug', '=', deadlineSlug)
      .executeTakeFirst();
    expect(closed?.deadline_passed_at).not.toBeNull();
    expect(closed?.closed_at).toBeNull();
  }, 600_000);
});
