#!/usr/bin/env node
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { startScheduler } from '../jobs/scheduler.js';
import { type Config, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { runCrawlPass } from './crawl/crawl-pass.js';
import { createProgress } from './crawl/progress.js';
import { runDiscoveryPass } from './discover/discovery-pass.js';
import { extractPage } from './extract/index.js';
import type { ExtractedPage } from './extract/types.js';
import {
  type CreateParadeInput,
  createParade,
  InputError,
  registerEntry,
  requireParade,
  rotateAdminToken,
} from './parades/parade-service.js';
import { verifyCall } from './parades/call-ownership.js';
import { renderReason } from './reasons/catalog.js';
import { approveParade } from './store/parade-repository.js';
import { openRuntime } from './runtime.js';
import { blockDomain, unblockDomain } from './store/blocklist-repository.js';
import { normalizeDomain } from './web/admin-pages.js';
import { startServer } from './web/server.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number (0–65535)');
  return n;
}

async function withRuntime<T>(config: Config, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(config);
  try {
    return await work(runtime.ctx);
  } finally {
    await runtime.close();
  }
}

/** Resolves on SIGINT/SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => resolve(signal);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export async function serveCommand(config: Config, opts: { scheduler: boolean }): Promise<void> {
  const runtime = await openRuntime(config);
  const { ctx } = runtime;
  const scheduler = opts.scheduler ? startScheduler(ctx) : null;
  const server = await startServer(ctx, {
    port: config.port,
    host: config.host,
    hooks: { onEntryAdded: () => scheduler?.kick() },
  });
  ctx.log.info('server.started', {
    url: server.url,
    database: config.databaseUrl.replace(/\/\/[^@]*@/, '//…@'),
  });
  process.stdout.write(`korso serves ${server.url}\n`);
  const signal = await untilSignal();
  ctx.log.info('server.stopping', { signal });
  await server.close();
  await scheduler?.stop();
  await runtime.close();
}

async function extractCommand(inputs: string[], opts: { json?: boolean; url?: string }, config: Config) {
  const needsHttp = inputs.some((i) => /^https?:\/\//i.test(i));
  const runtime = needsHttp ? await openRuntime(config, { migrate: false, database: undefined }) : null;
  let failures = 0;
  try {
    for (const input of inputs) {
      try {
        const page = await extractOne(input, opts.url, runtime?.ctx);
        process.stdout.write(
          opts.json ? `${JSON.stringify(extractJson(input, page))}\n` : formatPage(input, page),
        );
      } catch (error) {
        failures++;
        const message = error instanceof Error ? error.message : String(error);
        if (opts.json) process.stdout.write(`${JSON.stringify({ source: input, error: message })}\n`);
        else process.stderr.write(`${input}: ${message}\n`);
      }
    }
  } finally {
    await runtime?.close();
  }
  if (failures > 0) process.exitCode = 1;
}

async function extractOne(
  input: string,
  pageUrl: string | undefined,
  ctx: AppContext | undefined,
): Promise<ExtractedPage> {
  if (/^https?:\/\//i.test(input)) {
    if (!ctx) throw new Error('no HTTP client');
    const result = await ctx.http.fetch(input);
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    return extractPage({ bytes: result.body, url: pageUrl ?? result.url, contentType: result.contentType });
  }
  const bytes = await fs.readFile(input);
  return extractPage({ bytes, url: pageUrl ?? pathToFileURL(path.resolve(input)).href });
}

export function extractJson(source: string, page: ExtractedPage) {
  return {
    source,
    url: page.url,
    title: page.title,
    author: page.author,
    published: page.published,
    lang: page.lang,
    text: page.text,
    lists: page.lists.map((l) => ({ ordered: l.ordered, intro: l.intro, items: l.items })),
    links: page.links,
  };
}

function formatPage(source: string, page: ExtractedPage): string {
  const lines = [`# ${page.title ?? '(no title)'}`, `source: ${source}`];
  if (page.author) lines.push(`author: ${page.author}`);
  if (page.published) lines.push(`published: ${page.published}`);
  if (page.lang) lines.push(`lang: ${page.lang}`);
  for (const [i, list] of page.lists.entries()) {
    lines.push(
      '',
      `## list ${i + 1}${list.ordered ? ' (ordered)' : ''}${list.intro ? `: ${list.intro}` : ''}`,
    );
    for (const [n, item] of list.items.entries())
      lines.push(list.ordered ? `${n + 1}. ${item}` : `- ${item}`);
  }
  lines.push('', `links: ${page.links.length}`, '');
  return `${lines.join('\n')}\n`;
}

export function buildProgram(env: Record<string, string | undefined> = process.env): Command {
  const program = new Command();
  const config = (overrides: Record<string, string | undefined> = {}) => loadConfig(env, overrides);
  program
    .name('korso')
    .description(
      'Follows a blog parade: finds its entries, reads their lists, publishes overview, feeds and round-up.',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('run the web server and the in-process crawl scheduler')
    .option('--port <n>', 'port to listen on (default: $PORT or 3000)', port)
    .option('--no-scheduler', 'serve only; leave crawling to `korso worker` processes')
    .action(async (opts: { port?: number; scheduler: boolean }) => {
      await serveCommand(config(opts.port !== undefined ? { PORT: String(opts.port) } : {}), opts);
    });

  program
    .command('worker')
    .description('run the crawl scheduler only (any number may share one PostgreSQL database)')
    .action(async () => {
      const runtime = await openRuntime(config());
      const scheduler = startScheduler(runtime.ctx);
      const signal = await untilSignal();
      runtime.ctx.log.info('worker.stopping', { signal });
      await scheduler.stop();
      await runtime.close();
    });

  program
    .command('migrate')
    .description('create or update the database schema')
    .action(async () => {
      await withRuntime(config(), async () => {
        process.stdout.write('database is up to date\n');
      });
    });

  const parade = program.command('parade').description('manage blog parades');
  parade
    .command('create')
    .description('register a blog parade; prints its slug and the secret admin URL')
    .requiredOption('--call-url <url>', "the URL of the host's call post")
    .option('--title <title>', 'title (default: from the call URL)')
    .option('--prompt <prompt>', 'the phrase entries answer, e.g. "Mein Wunschkunde ist"')
    .option('--hashtag <tag>', 'the parade hashtag, e.g. "#Wunschkunde"')
    .option('--deadline <iso>', 'deadline: a date (end of that day), a local date and time, or an ISO 8601 instant')
    .option('--slug <slug>', 'short name used in URLs')
    .option('--lang <lang>', 'page language: de or en (default: the call\'s, else de)')
    .option('--host-name <name>', "the host's name (default: the call's author)")
    .option('--time-zone <zone>', 'IANA time zone of the deadline', 'Europe/Berlin')
    .addHelpText('after', '\nEvery option not given is read from the call post (title, prompt, hashtag, deadline, language, host).')
    .action(async (opts: CreateParadeInput) => {
      await withRuntime(config(), async (ctx) => {
        const created = await createParade(ctx, { ...opts, prefill: true });
        process.stdout.write(`slug: ${created.parade.slug}\nadmin: ${created.adminUrl}\n`);
        const p = created.parade;
        process.stderr.write(
          `title: ${p.title}\nprompt: ${p.prompt ?? '–'}\nhashtag: ${p.hashtag ?? '–'}\ndeadline: ${p.deadline ?? '–'}\n` +
            `submit: ${ctx.config.baseUrl}/p/${p.slug}/submit\n` +
            `To prove the call is yours, link ${ctx.config.baseUrl}/p/${p.slug} from it or show the code ${p.verify_code} on it.\n`,
        );
      });
    });
  parade
    .command('rotate-token')
    .description('give the parade a new secret admin URL; the old one and every admin cookie stop working')
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      await withRuntime(config(), async (ctx) => {
        const rotated = await rotateAdminToken(ctx, await requireParade(ctx, slug));
        process.stdout.write(`admin: ${rotated.adminUrl}\n`);
      });
    });
  parade
    .command('verify')
    .description("fetch the call page now and check that it names the parade (which lists it and routes the call's mentions to it)")
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      await withRuntime(config(), async (ctx) => {
        const check = await verifyCall(ctx, await requireParade(ctx, slug));
        process.stdout.write(`${check.verified ? 'verified' : 'not verified'}: ${renderReason(check.why, 'en')}\n`);
        if (!check.verified) process.exitCode = 1;
      });
    });
  parade
    .command('approve')
    .description('let a parade into the directory (with KORSO_NEW_PARADES=review)')
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      await withRuntime(config(), async (ctx) => {
        const p = await requireParade(ctx, slug);
        await approveParade(ctx.db, p.id, ctx.clock.now().toISOString());
        process.stdout.write(`approved ${p.slug}${p.call_verified_at ? '' : ' (listed once its call page names it)'}\n`);
      });
    });

  program
    .command('entry')
    .description('manage entries')
    .command('add')
    .description("register an entry's URL with a parade")
    .argument('<slug>', 'the parade')
    .argument('<url>', "the entry's URL")
    .action(async (slug: string, url: string) => {
      await withRuntime(config(), async (ctx) => {
        const p = await requireParade(ctx, slug);
        const { entry, created } = await registerEntry(ctx, p, url, 'cli');
        process.stdout.write(`${created ? 'added' : 'known'}: ${entry.url} (${entry.status})\n`);
      });
    });

  const block = program.command('block').description('manage the domain blocklist (spam control)');
  block
    .command('add')
    .description('refuse entries, webmentions and pingbacks from a domain and its subdomains')
    .argument('<domain>', 'e.g. spam.example')
    .option('--parade <slug>', 'only for this parade (default: every parade)')
    .action(async (domain: string, opts: { parade?: string }) => {
      await withRuntime(config(), async (ctx) => {
        const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : null;
        const clean = normalizeDomain(domain);
        await blockDomain(ctx.db, { paradeId, domain: clean, now: ctx.clock.now().toISOString() });
        process.stdout.write(`blocked ${clean}${opts.parade ? ` for ${opts.parade}` : ' everywhere'}\n`);
      });
    });
  block
    .command('remove')
    .description('take a domain off the blocklist')
    .argument('<domain>')
    .option('--parade <slug>', 'the parade it was blocked for (default: the global list)')
    .action(async (domain: string, opts: { parade?: string }) => {
      await withRuntime(config(), async (ctx) => {
        const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : null;
        await unblockDomain(ctx.db, paradeId, normalizeDomain(domain));
        process.stdout.write(`unblocked ${normalizeDomain(domain)}\n`);
      });
    });

  program
    .command('crawl')
    .description(
      'run discovery (call page, comment feed, participant feeds), then fetch and re-check due entries',
    )
    .option('--parade <slug>', 'only this parade')
    .option('--once', 'run one full pass, then exit')
    .action(async (opts: { parade?: string; once?: boolean }) => {
      if (!opts.once)
        throw new InputError('only `korso crawl --once` is supported; `korso worker` crawls continuously');
      await withRuntime(config(), async (ctx) => {
        const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : undefined;
        const found = await runDiscoveryPass(ctx, { paradeId });
        process.stdout.write(
          `discovery: ${found.sources} sources (${found.failedSources} failed), ${found.candidates} candidates, ` +
            `${found.newEntries} new entries\n`,
        );
        const progress = createProgress(process.stderr);
        const abort = new AbortController();
        const stop = () => abort.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const summary = await runCrawlPass(ctx, {
          paradeId,
          signal: abort.signal,
          onClaimed: (n) => progress.grow(n),
          onEntryDone: (entry, outcome) => progress.tick(entry.url, outcome.kind, outcome.reason),
        });
        progress.stop();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        const reasons = Object.entries(summary.failedByReason)
          .map(([r, n]) => `${r} ${n}`)
          .join(', ');
        process.stdout.write(
          `crawled ${summary.claimed}: fetched ${summary.fetched}, changed ${summary.changed}, ` +
            `unchanged ${summary.unchanged}, failed ${summary.failed}${reasons ? ` (${reasons})` : ''}\n`,
        );
      });
    });

  program
    .command('extract')
    .description('run the extractor on files or URLs')
    .argument('<inputs...>', 'HTML files or http(s) URLs')
    .option('--json', 'one JSON object per input per line')
    .option('--url <pageUrl>', "the page's URL, for resolving links in files")
    .action(async (inputs: string[], opts: { json?: boolean; url?: string }) => {
      await extractCommand(inputs, opts, config());
    });

  program
    .command('demo')
    .description('start a local blog fixture site, create a demo parade, crawl it and serve it (offline)')
    .option('--port <n>', 'port to listen on (default: $PORT or 3000)', port)
    .action(async (opts: { port?: number }) => {
      const { runDemo } = await import('./demo/run-demo.js');
      await runDemo(env, opts.port, untilSignal);
    });

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`korso: ${message}\n`);
    process.exitCode = error instanceof InputError ? 2 : 1;
  }
}

const invokedDirectly =
  process.argv[1] && import.meta.url === pathToFileURL(await fs.realpath(process.argv[1])).href;
if (invokedDirectly) await main();
