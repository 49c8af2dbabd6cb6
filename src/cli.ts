#!/usr/bin/env node
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from './config.js';
import type { CreateParadeInput, ParadeDetailsChange } from './parades/parade-service.js';
import { InputError } from './parades/input-error.js';

// Each command imports its module when it runs, so `korso --help` and `korso extract` never load the
// server, the scheduler or the database drivers.

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number (0–65535)');
  return n;
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
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(config(opts.port !== undefined ? { PORT: String(opts.port) } : {}), opts);
    });

  program
    .command('worker')
    .description('run the crawl scheduler only (any number may share one PostgreSQL database)')
    .option('--metrics-port <n>', "serve this worker's Prometheus metrics on GET /metrics at this port", port)
    .action(async (opts: { metricsPort?: number }) => {
      const { workerCommand } = await import('./commands/serve.js');
      await workerCommand(config(), opts);
    });

  program
    .command('migrate')
    .description('create or update the database schema')
    .action(async () => {
      const { migrateCommand } = await import('./commands/manage.js');
      await migrateCommand(config());
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
      const { createParadeCommand } = await import('./commands/manage.js');
      await createParadeCommand(config(), opts);
    });
  parade
    .command('edit')
    .description("change a parade's details; an empty value clears a field (the title cannot be cleared)")
    .argument('<slug>', 'the parade')
    .option('--title <title>', 'title')
    .option('--prompt <prompt>', 'the phrase entries answer')
    .option('--hashtag <tag>', 'the parade hashtag')
    .option('--deadline <iso>', 'deadline: a date (end of that day), a local date and time, or an ISO 8601 instant')
    .option('--lang <lang>', 'page language: de or en')
    .option('--host-name <name>', "the host's name")
    .option('--description <text>', 'a short description')
    .option('--time-zone <zone>', 'IANA time zone of the deadline')
    .action(async (slug: string, opts: ParadeDetailsChange) => {
      const { editParadeCommand } = await import('./commands/manage.js');
      await editParadeCommand(config(), slug, opts);
    });
  parade
    .command('rotate-token')
    .description('give the parade a new secret admin URL; the old one and every admin cookie stop working')
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      const { rotateTokenCommand } = await import('./commands/manage.js');
      await rotateTokenCommand(config(), slug);
    });
  parade
    .command('transfer')
    .description(
      'hand the parade to someone else (a support case): prints a new secret admin URL; the old one and every admin cookie stop working',
    )
    .argument('<slug>', 'the parade')
    .option(
      '--verified',
      "also count the call as proved (you made sure by other means that it is the new host's): lists the parade and routes the call's mentions to it",
    )
    .action(async (slug: string, opts: { verified?: boolean }) => {
      const { transferCommand } = await import('./commands/transfer.js');
      await transferCommand(config(), slug, opts);
    });
  parade
    .command('verify')
    .description(
      "fetch the call page now and check that it names the parade (which lists it and routes the call's mentions to it)",
    )
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      const { verifyCallCommand } = await import('./commands/manage.js');
      await verifyCallCommand(config(), slug);
    });
  parade
    .command('approve')
    .description('let a parade into the directory (with KORSO_NEW_PARADES=review)')
    .argument('<slug>', 'the parade')
    .action(async (slug: string) => {
      const { approveParadeCommand } = await import('./commands/manage.js');
      await approveParadeCommand(config(), slug);
    });

  program
    .command('entry')
    .description('manage entries')
    .command('add')
    .description("register an entry's URL with a parade")
    .argument('<slug>', 'the parade')
    .argument('<url>', "the entry's URL")
    .action(async (slug: string, url: string) => {
      const { addEntryCommand } = await import('./commands/manage.js');
      await addEntryCommand(config(), slug, url);
    });

  const block = program.command('block').description('manage the domain blocklist (spam control)');
  block
    .command('add')
    .description('refuse entries, webmentions and pingbacks from a domain and its subdomains')
    .argument('<domain>', 'e.g. spam.example')
    .option('--parade <slug>', 'only for this parade (default: every parade)')
    .action(async (domain: string, opts: { parade?: string }) => {
      const { blockCommand } = await import('./commands/manage.js');
      await blockCommand(config(), domain, opts);
    });
  block
    .command('remove')
    .description('take a domain off the blocklist')
    .argument('<domain>')
    .option('--parade <slug>', 'the parade it was blocked for (default: the global list)')
    .action(async (domain: string, opts: { parade?: string }) => {
      const { unblockCommand } = await import('./commands/manage.js');
      await unblockCommand(config(), domain, opts);
    });

  program
    .command('crawl')
    .description(
      'run discovery (call page, comment feed, participant feeds), then fetch and re-check due entries',
    )
    .option('--parade <slug>', 'only this parade')
    .option('--once', 'run one full pass, then exit')
    .action(async (opts: { parade?: string; once?: boolean }) => {
      const { crawlCommand } = await import('./commands/crawl.js');
      await crawlCommand(config(), opts);
    });

  program
    .command('extract')
    .description('run the extractor on files or URLs')
    .argument('<inputs...>', 'HTML files or http(s) URLs')
    .option('--json', 'one JSON object per input per line')
    .option('--url <pageUrl>', "the page's URL, for resolving links in files")
    .action(async (inputs: string[], opts: { json?: boolean; url?: string }) => {
      const { extractCommand } = await import('./commands/extract.js');
      await extractCommand(inputs, opts, config());
    });

  program
    .command('backup')
    .description('copy the SQLite database to FILE, consistently, while korso serves and crawls')
    .argument('<file>', 'where the copy goes')
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { backupCommand } = await import('./commands/backup.js');
      await backupCommand(config(), file, opts);
    });

  program
    .command('migrate-data')
    .description(
      'move this SQLite installation ($DATABASE_URL) to an empty PostgreSQL database, keeping everything',
    )
    .requiredOption('--to <postgres-url>', 'the target, e.g. postgres://korso@db.example:5432/korso')
    .action(async (opts: { to: string }) => {
      const { migrateDataCommand } = await import('./commands/migrate-data.js');
      await migrateDataCommand(config(), opts);
    });

  program
    .command('demo')
    .description('start a local blog fixture site, create a demo parade, crawl it and serve it (offline)')
    .option('--port <n>', 'port to listen on (default: $PORT or 3000)', port)
    .action(async (opts: { port?: number }) => {
      const [{ runDemo }, { untilSignal }] = await Promise.all([
        import('./demo/run-demo.js'),
        import('./commands/signals.js'),
      ]);
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
