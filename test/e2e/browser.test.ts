import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

// Debian's chromium (test/support/prepare-machine.sh installs it); no browser download is possible here.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the overview and the submit form in a real browser', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  let korso: RunningServer;
  let browser: Browser;
  let added = 0;

  beforeAll(async () => {
    database = await sqliteDatabase();
    site = await startFixtureSite();
    runtime = await testRuntime(database);
    const { parade } = await createParade(runtime.ctx, {
      callUrl: site.callUrl,
      title: site.parade.title,
      prompt: site.parade.prompt,
      slug: 'wunschkunde',
    });
    const anna = site.entries.find((e) => e.layout === 'wordpress-classic' && e.linksCall === 'content');
    if (!anna) throw new Error('fixture site has no classic WordPress entry');
    await registerEntry(runtime.ctx, parade, anna.url, 'cli');
    await runCrawlPass(runtime.ctx);
    korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1', hooks: { onEntryAdded: () => added++ } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await korso?.close();
    await runtime?.close();
    await site?.close();
    await database?.drop();
  });

  it('shows the entry with its fifteen items, readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${korso.url}/p/wunschkunde`);
    expect(await page.locator('h1').innerText()).toBe(site.parade.title);
    const anna = site.entries.find((e) => e.layout === 'wordpress-classic' && e.linksCall === 'content');
    expect(await page.locator('article.entry h3 a').innerText()).toBe(anna?.title);
    expect(await page.locator('article.entry h3').innerText()).toBe(`1. ${anna?.title}`);
    const items = await page.locator('article.entry li').allInnerTexts();
    expect(items.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(anna?.lists.flatMap((l) => l.items));
    await context.close();
  });

  it('registers an entry through the form and confirms it', async () => {
    const page = await browser.newPage();
    await page.goto(`${korso.url}/p/wunschkunde`);
    await page.getByRole('link', { name: 'Beitrag einreichen' }).click();
    const spam = site.entries.find((e) => e.linksCall === 'none');
    await page.getByLabel('Adresse deines Beitrags').fill(spam?.url ?? '');
    await page.getByRole('button', { name: 'Einreichen' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Danke! Dein Beitrag ist eingetragen.');
    expect(added).toBe(1);
    await page.close();
  });
});
