import fs from 'node:fs/promises';
import path from 'node:path';
import { startScheduler } from '../../jobs/scheduler.js';
import { loadConfig } from '../config.js';
import { runCrawlPass } from '../crawl/crawl-pass.js';
import { runDiscoveryPass } from '../discover/discovery-pass.js';
import { createParade, registerEntry } from '../parades/parade-service.js';
import { openRuntime } from '../runtime.js';
import { startServer } from '../web/server.js';
import { startFixtureSite } from './fixture-site.js';

/** `korso demo`: a loopback blog world, a parade over it, one crawl, then the server. */
export async function runDemo(
  env: Record<string, string | undefined>,
  port: number | undefined,
  untilSignal: () => Promise<string>,
): Promise<void> {
  const site = await startFixtureSite();
  const dbFile = path.join('data', 'demo.db');
  await fs.mkdir('data', { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(`${dbFile}${suffix}`, { force: true });
  const config = loadConfig(env, {
    DATABASE_URL: `sqlite:${dbFile}`,
    KORSO_ALLOW_PRIVATE_NETWORKS: '1',
    KORSO_PER_HOST_DELAY_MS: '50',
    KORSO_LOG_LEVEL: env.KORSO_LOG_LEVEL ?? 'warn',
    ...(port !== undefined ? { PORT: String(port) } : {}),
  });
  const runtime = await openRuntime(config);
  const { ctx } = runtime;
  const { parade, adminUrl } = await createParade(ctx, {
    callUrl: site.callUrl,
    title: site.parade.title,
    prompt: site.parade.prompt,
    hashtag: site.parade.hashtag,
    deadline: site.parade.deadline,
    lang: site.parade.lang,
    slug: 'demo',
  });
  // The demo host pastes korso's snippet into the call post; discovery then finds it and lists the parade.
  site.linkParade(`${config.baseUrl}/p/${parade.slug}`);
  // A few entries are registered by hand; discovery finds the rest through the call's comments and feeds.
  for (const entry of site.entries.slice(0, 4)) await registerEntry(ctx, parade, entry.url, 'demo');
  // A popular call: three comment pages, and an entry only its author's teaser-only feed leads to.
  const popular = await createParade(ctx, {
    callUrl: site.popular.callUrl,
    title: site.popular.parade.title,
    prompt: site.popular.parade.prompt,
    hashtag: site.popular.parade.hashtag,
    deadline: site.popular.parade.deadline,
    lang: site.popular.parade.lang,
    slug: 'demo-frueher-gewusst',
  });
  site.linkParade(`${config.baseUrl}/p/${popular.parade.slug}`, site.popular.callUrl);
  const found = await runDiscoveryPass(ctx);
  const summary = await runCrawlPass(ctx, {});
  const scheduler = startScheduler(ctx);
  const server = await startServer(ctx, {
    port: config.port,
    host: config.host,
    hooks: { onEntryAdded: scheduler.kick },
  });
  process.stdout.write(
    [
      `demo blog site:  ${site.origin}`,
      `discovery found ${found.newEntries} more entries from ${found.sources} sources`,
      `crawled ${summary.claimed} entries (${summary.fetched} fetched, ${summary.failed} failed)`,
      `overview:        ${server.url}/p/${parade.slug}`,
      `admin:           ${adminUrl.replace(config.baseUrl, server.url)}`,
      `popular call:    ${server.url}/p/${popular.parade.slug}`,
      `its admin:       ${popular.adminUrl.replace(config.baseUrl, server.url)}`,
      'press Ctrl-C to stop',
      '',
    ].join('\n'),
  );
  await untilSignal();
  await server.close();
  await scheduler.stop();
  await runtime.close();
  await site.close();
}
