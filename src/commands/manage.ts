import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import {
  type CreateParadeInput,
  createParade,
  registerEntry,
  requireParade,
} from '../parades/parade-service.js';
import { openRuntime } from '../runtime.js';
import { blockDomain, unblockDomain } from '../store/blocklist-repository.js';
import { normalizeDomain } from '../web/admin-pages.js';

export async function withRuntime<T>(config: Config, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config);
  try {
    return await work(runtime.ctx);
  } finally {
    await runtime.close();
  }
}

export async function migrateCommand(config: Config): Promise<void> {
  await withRuntime(config, async () => {
    process.stdout.write('database is up to date\n');
  });
}

export async function createParadeCommand(config: Config, opts: CreateParadeInput): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const created = await createParade(ctx, opts);
    process.stdout.write(`slug: ${created.parade.slug}\nadmin: ${created.adminUrl}\n`);
  });
}

export async function addEntryCommand(config: Config, slug: string, url: string): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const parade = await requireParade(ctx, slug);
    const { entry, created } = await registerEntry(ctx, parade, url, 'cli');
    process.stdout.write(`${created ? 'added' : 'known'}: ${entry.url} (${entry.status})\n`);
  });
}

export async function blockCommand(config: Config, domain: string, opts: { parade?: string }): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : null;
    const clean = normalizeDomain(domain);
    await blockDomain(ctx.db, { paradeId, domain: clean, now: ctx.clock.now().toISOString() });
    process.stdout.write(`blocked ${clean}${opts.parade ? ` for ${opts.parade}` : ' everywhere'}\n`);
  });
}

export async function unblockCommand(
  config: Config,
  domain: string,
  opts: { parade?: string },
): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : null;
    await unblockDomain(ctx.db, paradeId, normalizeDomain(domain));
    process.stdout.write(`unblocked ${normalizeDomain(domain)}\n`);
  });
}
