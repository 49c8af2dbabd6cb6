import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { seedLiveEntries, seedParade } from '../support/seed.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots land beside the other test output, one per page, width and colour scheme. */
const SHOTS = path.resolve('test-results', 'accessibility');
const TOKEN = 'gastgeberin-token-fuer-den-browser';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

interface Finding {
  page: string;
  problems: string[];
}

describe('every main page in a real browser: no errors, no sideways scroll, no axe violation', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let korso: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await sqliteDatabase();
    runtime = await testRuntime(database);
    const parade = await seedParade(runtime.ctx.db, 'wunschkunde', '2026-11-01T08:00:00.000Z');
    await runtime.ctx.db
      .updateTable('parades')
      .set({
        admin_token_hash: hashToken(TOKEN),
        prompt: 'Beschreibe deinen Wunschkunden: Was zeichnet ihn aus, woran erkennst du ihn, und warum arbeitest du so gern mit ihm zusammen?',
        hashtag: 'wunschkunde',
        host_name: 'Barbara Beispiel',
        deadline: '2026-11-18T22:59:59.000Z',
      })
      .where('id', '=', parade.id)
      .execute();
    // 30 entries, some published after the deadline (late), each with a list and some nested lists.
    await seedLiveEntries(runtime.ctx.db, parade.id, 30, { now: '2026-11-20T10:00:00.000Z' });
    // A parade whose call nobody has proved yet: its claim page is open to every visitor.
    const squatted = await seedParade(runtime.ctx.db, 'unbestaetigt', '2026-11-01T08:00:00.000Z');
    await runtime.ctx.db
      .updateTable('parades')
      .set({ call_verified_at: null, call_key: 'https://host.example/aufruf' })
      .where('id', '=', squatted.id)
      .execute();
    korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await korso?.close();
    await runtime?.close();
    await database?.drop();
  });

  // [name, address, then]: with `then`, the browser opens the address first (the secret link sets
  // the host's cookie) and the page checked is `then`.
  const pages: [string, string, string?][] = [
    ['directory', '/'],
    ['overview', '/p/wunschkunde'],
    ['lists', '/p/wunschkunde/lists'],
    ['entries', '/p/wunschkunde/entries?page=2'],
    ['submit', '/p/wunschkunde/submit'],
    ['admin', `/p/wunschkunde/admin?token=${encodeURIComponent(TOKEN)}`],
    ['admin details', `/p/wunschkunde/admin?token=${encodeURIComponent(TOKEN)}`, '/p/wunschkunde/admin/details'],
    ['round-up', '/p/wunschkunde/roundup.html'],
    ['embed', '/p/wunschkunde/embed'],
    ['new parade', '/new'],
    ['claim', '/p/unbestaetigt/claim'],
  ];

  it.each(pages)('%s passes at 1280 and 390 px in light and dark mode', async (name, first, then) => {
    const url = then ?? first;
    const findings: Finding[] = [];
    for (const viewport of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        // bypassCSP only lets the test inject axe-core; the page itself runs under its real policy.
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: scheme,
          bypassCSP: true,
        });
        const page = await context.newPage();
        if (then) {
          expect((await page.goto(`${korso.url}${first}`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
        }
        const problems: string[] = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()}`));
        page.on('response', (res) => {
          if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
        });
        const response = await page.goto(`${korso.url}${url}`, { waitUntil: 'load' });
        expect(response?.status(), `${name} ${url}`).toBe(200);
        const overflow = await page.evaluate(() => {
          // biome-ignore lint/suspicious/noExplicitAny: runs in the browser, which tsconfig does not type
          const root = (globalThis as any).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        if (overflow > 0) problems.push(`scrolls sideways by ${overflow} px`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected into the page at run time
          const browserGlobal = globalThis as any;
          const result = await browserGlobal.axe.run(browserGlobal.document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          });
          return result.violations.map(
            (v: { id: string; help: string; nodes: { target: string[] }[] }) =>
              `${v.id}: ${v.help} (${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')})`,
          );
        });
        problems.push(...violations.map((v: string) => `axe ${v}`));
        await page.screenshot({
          path: path.join(SHOTS, `${name.replace(/\s+/g, '-')}-${viewport.width}-${scheme}.png`),
          fullPage: true,
        });
        if (problems.length) findings.push({ page: `${name} ${viewport.name} ${scheme}`, problems });
        await context.close();
      }
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
