import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { type CallServer, startCallServer } from '../support/call-server.js';
import { testRuntime } from '../support/runtime.js';

describe('the overview and the submit form in a real browser', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  let korso: RunningServer;
  let browser: Browser;
  let added = 0;
  let adminUrl = '';
  let calls: CallServer;

  beforeAll(async () => {
    database = await sqliteDatabase();
    site = await startFixtureSite();
    runtime = await testRuntime(database);
    calls = await startCallServer();
    const { parade, adminUrl: link } = await createParade(runtime.ctx, {
      callUrl: site.callUrl,
      title: site.parade.title,
      prompt: site.parade.prompt,
      slug: 'wunschkunde',
    });
    const anna = site.entries.find((e) => e.layout === 'wordpress-classic' && e.linksCall === 'content');
    if (!anna) throw new Error('fixture site has no classic WordPress entry');
    await registerEntry(runtime.ctx, parade, anna.url, 'cli');
    const unverified = site.entries.find((e) => e.linksCall === 'elsewhere');
    if (unverified) await registerEntry(runtime.ctx, parade, unverified.url, 'cli');
    await runCrawlPass(runtime.ctx);
    korso = await startServer(runtime.ctx, {
      port: 0,
      host: '127.0.0.1',
      hooks: { onEntryAdded: () => added++ },
    });
    adminUrl = link.replace('http://korso.test', korso.url);
    // A mail the host received, on another site ("localhost" is another site than 127.0.0.1).
    calls.set(
      '/mail/',
      `<!doctype html><html><body><a id="link" href="${adminUrl}">Verwaltung</a></body></html>`,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await korso?.close();
    await runtime?.close();
    await site?.close();
    await calls?.close();
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
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe('Danke! Dein Beitrag ist eingetragen.');
    expect(added).toBe(1);
    await page.close();
  });

  it('the host opens the secret link, lands on the clean dashboard with a cookie, and approves an entry', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(adminUrl);
    expect(page.url()).toBe(`${korso.url}/p/wunschkunde/admin`);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'korso_admin')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/p/wunschkunde',
    });
    await page.getByRole('button', { name: 'Freigeben' }).last().click();
    await page.waitForURL(`${korso.url}/p/wunschkunde/admin`);
    expect(await page.locator('table.entries').innerText()).toContain(
      'von der Gastgeberin oder dem Gastgeber freigegeben',
    );
    await context.close();
  });

  it('the secret link followed from another site (a mail) still ends signed in on the clean address', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const linkStatuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('token=')) linkStatuses.push(r.status());
    });
    await page.goto(calls.url('/mail/').replace('127.0.0.1', 'localhost'));
    await page.locator('#link').click();
    await page.waitForURL(`${korso.url}/p/wunschkunde/admin`);
    await expect
      .poll(async () => (await page.locator('h2').allInnerTexts()).some((t) => t.startsWith('Alle Beiträge')))
      .toBe(true);
    // A SameSite=Strict cookie would not ride a cross-site redirect: korso's own page moved on instead.
    expect(linkStatuses).toEqual([200]);
    await context.close();
  });
});
