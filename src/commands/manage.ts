import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import {
  changeParadeDetails,
  type CreateParadeInput,
  createParade,
  type ParadeDetailsChange,
  ParadeExists,
  registerEntry,
  requireParade,
  rotateAdminToken,
} from '../parades/parade-service.js';
import { isClaimable } from '../parades/call-claim.js';
import { verifyCall } from '../parades/call-ownership.js';
import { renderReason } from '../reasons/catalog.js';
import { openRuntime } from '../runtime.js';
import { blockDomain, unblockDomain } from '../store/blocklist-repository.js';
import { approveParade } from '../store/parade-repository.js';
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
    // Every option not given is read from the call post.
    const created = await createParade(ctx, { ...opts, prefill: true }).catch((error: unknown) => {
      if (error instanceof ParadeExists && isClaimable(error.parade))
        process.stderr.write(
          `Nobody has proved yet that this call belongs to that parade. If the call is yours, claim it: ${ctx.config.baseUrl}/p/${error.parade.slug}/claim\n`,
        );
      throw error;
    });
    process.stdout.write(`slug: ${created.parade.slug}\nadmin: ${created.adminUrl}\n`);
    const p = created.parade;
    process.stderr.write(
      `title: ${p.title}\nprompt: ${p.prompt ?? '–'}\nhashtag: ${p.hashtag ?? '–'}\ndeadline: ${p.deadline ?? '–'}\n` +
        `submit: ${ctx.config.baseUrl}/p/${p.slug}/submit\n` +
        `To prove the call is yours, link ${ctx.config.baseUrl}/p/${p.slug} from it or show the code ${p.verify_code} on it.\n`,
    );
  });
}

export async function editParadeCommand(config: Config, slug: string, change: ParadeDetailsChange): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const p = await changeParadeDetails(ctx, await requireParade(ctx, slug), change);
    process.stdout.write(
      `title: ${p.title}\nhost: ${p.host_name ?? '–'}\nprompt: ${p.prompt ?? '–'}\nhashtag: ${p.hashtag ?? '–'}\n` +
        `deadline: ${p.deadline ?? '–'} (${p.time_zone})\nlang: ${p.lang}\n`,
    );
  });
}

export async function rotateTokenCommand(config: Config, slug: string): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const rotated = await rotateAdminToken(ctx, await requireParade(ctx, slug));
    process.stdout.write(`admin: ${rotated.adminUrl}\n`);
  });
}

export async function verifyCallCommand(config: Config, slug: string): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const check = await verifyCall(ctx, await requireParade(ctx, slug));
    process.stdout.write(`${check.verified ? 'verified' : 'not verified'}: ${renderReason(check.why, 'en')}\n`);
    if (!check.verified) process.exitCode = 1;
  });
}

export async function approveParadeCommand(config: Config, slug: string): Promise<void> {
  await withRuntime(config, async (ctx) => {
    const p = await requireParade(ctx, slug);
    await approveParade(ctx.db, p.id, ctx.clock.now().toISOString());
    process.stdout.write(`approved ${p.slug}${p.call_verified_at ? '' : ' (listed once its call page names it)'}\n`);
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
