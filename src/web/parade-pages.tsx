import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { InputError, registerEntry } from '../parades/parade-service.js';
import { entriesPerDayChart } from '../publish/charts.js';
import { displayValidUntil, isLate } from '../publish/parade-state.js';
import type { PublishedParade } from '../publish/types.js';
import { renderReason } from '../reasons/catalog.js';
import { reason } from '../reasons/reason.js';
import { normalizeUrl } from '../sanitize/index.js';
import {
  countEntriesByStatus,
  type EntryWithLists,
  findEntryByUrl,
  listEntriesByIds,
} from '../store/entry-repository.js';
import {
  allLiveEntries,
  type EntrySummary,
  entryPage,
  listsOfEntries,
  liveEntryDates,
} from '../store/listing-repository.js';
import { findParadeBySlug, type Parade } from '../store/parade-repository.js';
import type { AppHooks } from './hooks.js';
import { dictionary } from './i18n.js';
import { CACHE_CONTROL, type PageCache, type Rendered } from './page-cache.js';
import { hostOf, publishedEntry, publishedParade } from './presenters.js';
import { EntryReport } from './views/entry-views.js';
import { CSRF_FIELD, csrfToken } from './csrf.js';
import { setRequestLang } from './page-lang.js';
import type { RateLimits } from './rate-limit.js';
import { hostProof } from './session.js';
import { entrySchema, formInput } from './validation.js';
import { Layout } from './views/layout.js';
import {
  ChartFigure,
  EntryCard,
  Pager,
  ParadeHeader,
  ParadeHeadLinks,
  ParadeNav,
  type SummaryRow,
  SummaryList,
} from './views/parade-views.js';

/** Entries shown in full per page. */
export const ENTRIES_PER_PAGE = 20;
/** Compact rows on the overview; older entries are reached page by page. */
export const SUMMARY_ROWS = 500;

export async function paradeOr404(ctx: AppContext, slug: string): Promise<Parade> {
  const parade = await findParadeBySlug(ctx.db, slug);
  if (!parade) throw new InputError(reason('parade.unknown', { slug: slug.slice(0, 100) }), 'slug', 404);
  return parade;
}

/** The parade the route's :slug names, its language set for the request (pages and errors alike). */
export async function requestParade(ctx: AppContext, c: Context): Promise<Parade> {
  const parade = await paradeOr404(ctx, c.req.param('slug') ?? '');
  setRequestLang(c, parade.lang);
  return parade;
}

/** How many pages `total` things fill, `perPage` to a page; a page beyond them is not found. */
export function pageCount(total: number, perPage: number, page: number): number {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (page > pages) throw new HTTPException(404, { message: 'no such page' });
  return pages;
}

/** ?page=N as a positive integer; anything else is not a page of this list. */
export function pageParam(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000)
    throw new HTTPException(404, { message: 'no such page' });
  return page;
}

/** Until when a parade's rendered page is right by time alone (its countdown and state). */
export function validUntil(parade: Parade, now: Date): string | null {
  const at = displayValidUntil(
    { deadline: parade.deadline, timeZone: parade.time_zone, closedAt: parade.closed_at },
    now,
  );
  return at ? at.toISOString() : null;
}

export async function html(node: unknown, validUntil: string | null = null): Promise<Rendered> {
  return { body: await String(node), contentType: 'text/html; charset=UTF-8', validUntil };
}

function pageDescription(parade: PublishedParade, live: number): string {
  const t = dictionary(parade.lang);
  const prompt = parade.prompt ? ` ${t.prompt}: „${parade.prompt}“.` : '';
  return `${parade.title}: ${live} ${t.entries}.${prompt}`.slice(0, 300);
}

/** Where an entry is shown in full: on this page's first part, or on the page of entries holding it. */
function entryHref(slug: string, index: number, id: number): string {
  const page = Math.floor(index / ENTRIES_PER_PAGE) + 1;
  return page === 1 ? `#e-${id}` : `/p/${slug}/entries?page=${page}#e-${id}`;
}

function summaryRow(parade: Parade, entry: EntrySummary, number: number, href: string): SummaryRow {
  const published = publishedEntry({ ...entry, lists: [] }, parade);
  return {
    number,
    href,
    title: entry.title ?? entry.url,
    blogName: published.blogName,
    blogHost: hostOf(entry.url),
    author: entry.author,
    published: entry.published,
    late: published.late,
    itemCount: entry.item_count,
  };
}

export function paradePages(ctx: AppContext, pages: PageCache, limits: RateLimits, hooks: AppHooks = {}) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  /** A page of entries in full, numbered in the order they arrived (newest has the highest number). */
  const entryCards = async (parade: Parade, rows: EntrySummary[], firstNumber: number, level: 2 | 3) => {
    const lists = await listsOfEntries(
      ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((row, i) => {
      const entry = publishedEntry({ ...row, lists: lists.get(row.id) ?? [] }, parade);
      return (
        <EntryCard
          level={level}
          lang={parade.lang}
          zone={parade.time_zone}
          id={entry.id}
          number={firstNumber - i}
          url={entry.url}
          title={entry.title}
          author={entry.author}
          published={entry.published}
          excerpt={entry.excerpt}
          late={entry.late}
          blogName={entry.blogName}
          blogUrl={entry.blogUrl}
          lists={entry.lists}
        />
      );
    });
  };

  app.get('/:slug', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'overview', CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const now = ctx.clock.now();
      const pub = publishedParade(parade, baseUrl, now);
      const t = dictionary(parade.lang);
      const [counts, rows, dates] = await Promise.all([
        countEntriesByStatus(ctx.db, parade.id),
        entryPage(ctx.db, parade.id, ['live'], { limit: SUMMARY_ROWS, offset: 0 }),
        liveEntryDates(ctx.db, parade.id),
      ]);
      const chart = entriesPerDayChart(
        pub,
        dates.map((at) => ({ published: at, firstSeen: at, late: isLate(parade.deadline, at, at) })),
      );
      const live = counts.live ?? 0;
      const waiting = (counts.pending ?? 0) + (counts.unverified ?? 0);
      const cards = await entryCards(parade, rows.slice(0, ENTRIES_PER_PAGE), live, 3);
      const pagesTotal = Math.max(1, Math.ceil(live / ENTRIES_PER_PAGE));
      return html(
        <Layout
          lang={parade.lang}
          title={parade.title}
          head={<ParadeHeadLinks slug={parade.slug} baseUrl={baseUrl} />}
          meta={{ description: pageDescription(pub, live), canonical: pub.url }}
        >
          <ParadeHeader parade={pub} now={now} />
          <ParadeNav parade={pub} current="overview" />
          {live > 0 ? <ChartFigure chart={chart} lang={parade.lang} /> : null}
          <section aria-labelledby="summary">
            <h2 id="summary">
              {t.entries} ({live})
            </h2>
            {live === 0 ? <p>{t.noEntries}</p> : null}
            <SummaryList
              lang={parade.lang}
              zone={parade.time_zone}
              rows={rows.map((row, i) =>
                summaryRow(parade, row, live - i, entryHref(parade.slug, i, row.id)),
              )}
            />
            {live > rows.length ? (
              <p>
                <a href={`/p/${parade.slug}/entries?page=${Math.floor(rows.length / ENTRIES_PER_PAGE) + 1}`}>
                  {t.moreInDetail(live - rows.length)}
                </a>
              </p>
            ) : null}
            {waiting > 0 ? <p class="muted">{t.waiting(waiting)}</p> : null}
          </section>
          {live > 0 ? (
            <section aria-labelledby="in-detail">
              <h2 id="in-detail">{t.entriesInDetail}</h2>
              {cards}
              <Pager
                lang={parade.lang}
                page={1}
                pages={pagesTotal}
                href={(n) => `/p/${parade.slug}/entries?page=${n}`}
              />
            </section>
          ) : null}
        </Layout>,
        validUntil(parade, now),
      );
    });
  });

  app.get('/:slug/entries', (c) => {
    const slug = c.req.param('slug');
    const page = pageParam(c.req.query('page'));
    return pages.respond(c, { slug }, `entries?page=${page}`, CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const now = ctx.clock.now();
      const pub = publishedParade(parade, baseUrl, now);
      const t = dictionary(parade.lang);
      const counts = await countEntriesByStatus(ctx.db, parade.id);
      const live = counts.live ?? 0;
      const pagesTotal = pageCount(live, ENTRIES_PER_PAGE, page);
      const offset = (page - 1) * ENTRIES_PER_PAGE;
      const rows = await entryPage(ctx.db, parade.id, ['live'], { limit: ENTRIES_PER_PAGE, offset });
      const cards = await entryCards(parade, rows, live - offset, 2);
      const pager = (where: string) => (
        <Pager
          lang={parade.lang}
          page={page}
          pages={pagesTotal}
          label={`${t.pageOf(page, pagesTotal)} (${where})`}
          href={(n) => `/p/${parade.slug}/entries?page=${n}`}
        />
      );
      return html(
        <Layout
          lang={parade.lang}
          title={`${t.entriesInDetail} · ${t.pageOf(page, pagesTotal)} · ${parade.title}`}
          head={<ParadeHeadLinks slug={parade.slug} baseUrl={baseUrl} />}
          meta={{
            description: pageDescription(pub, live),
            canonical: `${pub.url}/entries?page=${page}`,
          }}
        >
          <ParadeHeader parade={pub} now={now} heading="p" />
          <ParadeNav parade={pub} current="entries" />
          <h1>
            {t.entriesInDetail} ({t.pageOf(page, pagesTotal)})
          </h1>
          {pager(t.top)}
          {cards}
          {pager(t.bottom)}
        </Layout>,
        validUntil(parade, now),
      );
    });
  });

  /** The participant list for the call post: an iframe page that stays current, oldest entry first. */
  app.get('/:slug/embed', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(
      c,
      { slug },
      'embed',
      CACHE_CONTROL.page,
      async () => {
        const parade = await paradeOr404(ctx, slug);
        const t = dictionary(parade.lang);
        const entries = (await allLiveEntries(ctx.db, parade.id)).reverse();
        return html(
          <>
            {raw('<!DOCTYPE html>')}
            <html lang={parade.lang}>
              <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>
                  {t.participants} · {parade.title}
                </title>
                <base target="_top" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
              </head>
              <body>
                <main>
                  <EmbedList parade={parade} entries={entries} baseUrl={baseUrl} heading />
                </main>
              </body>
            </html>
          </>,
        );
      },
      // The one page meant to be framed by other sites (the host's call post).
      {
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors *; base-uri 'self'",
      },
    );
  });
  /** The same list as an HTML fragment to paste into the call post (a copy: it does not update itself). */
  app.get('/:slug/embed.html', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'embed-snippet', CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const entries = (await allLiveEntries(ctx.db, parade.id)).reverse();
      return {
        body: `${await String(<EmbedList parade={parade} entries={entries} baseUrl={baseUrl} />)}\n`,
        contentType: 'text/html; charset=UTF-8',
      };
    });
  });

  const submitPage = (
    parade: Parade,
    csrf: string,
    opts: { message?: string; error?: string; entry?: EntryWithLists; refresh?: boolean },
  ) => {
    const t = dictionary(parade.lang);
    const now = ctx.clock.now();
    const pub = publishedParade(parade, baseUrl, now);
    const head = opts.refresh ? <meta http-equiv="refresh" content="2" /> : undefined;
    return (
      <Layout
        lang={parade.lang}
        title={`${t.submit} · ${parade.title}`}
        head={head}
        meta={{ canonical: `${pub.url}/submit` }}
      >
        <ParadeHeader parade={pub} now={now} heading="p" />
        <ParadeNav parade={pub} current="submit" />
        <h1>{t.submit}</h1>
        {opts.error ? <p role="alert">{opts.error}</p> : null}
        {opts.message ? <p role="status">{opts.message}</p> : null}
        {opts.entry ? <EntryReport lang={parade.lang} entry={opts.entry} /> : <p>{t.submitIntro}</p>}
        {parade.closed_at ? (
          <p role="note">{t.closedNote}</p>
        ) : (
          <>
            {pub.state === 'closed' ? <p role="note">{t.submitClosed}</p> : null}
            <form method="post" action={`/p/${parade.slug}/submit`}>
              <input type="hidden" name={CSRF_FIELD} value={csrf} />
              <label for="url">{t.yourUrl}</label>
              <input type="url" id="url" name="url" required maxlength={2048} />
              <button type="submit">{t.submitButton}</button>
            </form>
          </>
        )}
      </Layout>
    );
  };

  // The form carries a per-visitor token: never stored by a shared cache.
  app.use('/:slug/submit', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  /** With ?url=…, what korso made of that entry: status, why, and the lists it read. */
  app.get('/:slug/submit', async (c) => {
    const parade = await requestParade(ctx, c);
    const t = dictionary(parade.lang);
    const csrf = csrfToken(c, ctx);
    const url = c.req.query('url');
    if (!url) return c.html(submitPage(parade, csrf, {}));
    const normalized = url.length <= 2048 ? normalizeUrl(url) : null;
    const found = normalized ? await findEntryByUrl(ctx.db, parade.id, normalized) : undefined;
    if (!found || found.status === 'rejected')
      return c.html(submitPage(parade, csrf, { error: t.unknownEntry }), 404);
    const [entry] = await listEntriesByIds(ctx.db, [found.id]);
    const fresh = ctx.clock.now().getTime() - new Date(found.created_at).getTime() < 2 * 60_000;
    const message =
      c.req.query('new') === '1' ? t.received : c.req.query('new') === '0' ? t.known : undefined;
    return c.html(submitPage(parade, csrf, { entry, message, refresh: found.status === 'pending' && fresh }));
  });

  app.post('/:slug/submit', formInput(entrySchema), async (c) => {
    const parade = await requestParade(ctx, c);
    const input = c.req.valid('form');
    const refuse = (error: InputError) =>
      c.html(
        submitPage(parade, csrfToken(c, ctx), { error: renderReason(error.reason, parade.lang) }),
        error.status,
      );
    if (!input.ok) return refuse(input.error);
    // The host, signed in on this parade, registers entries without limits.
    if ((await hostProof(c, ctx, parade)) === null)
      await limits.submission(c, 'entry', parade.id, input.data.url);
    try {
      const { entry, created } = await registerEntry(ctx, parade, input.data.url, 'registration');
      if (created) {
        pages.forget(parade.slug);
        hooks.onEntryAdded?.();
      }
      const query = new URLSearchParams({ url: entry.url, new: created ? '1' : '0' });
      return c.redirect(`/p/${parade.slug}/submit?${query}`, 303);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return refuse(error);
    }
  });

  return app;
}

const EMBED_CSS = `
:root{color-scheme:light dark}body{font:15px/1.5 system-ui,sans-serif;margin:0;padding:.5rem}
a{color:#a3380f}@media (prefers-color-scheme:dark){body{background:#141414;color:#ececec}a{color:#ff9e73}}
h1{font-size:1em;margin:.2rem 0}ol{padding-left:1.8rem;margin:.3rem 0}.muted{opacity:.85;font-size:.9em}
`;

function EmbedList(props: { parade: Parade; entries: EntrySummary[]; baseUrl: string; heading?: boolean }) {
  const { parade, entries } = props;
  const t = dictionary(parade.lang);
  const title = `${t.participants} (${entries.length})`;
  return (
    <div class="korso-participants">
      {props.heading ? (
        <h1>{title}</h1>
      ) : (
        <p>
          <strong>{title}</strong>
        </p>
      )}
      <ol>
        {entries.map((entry) => {
          const pub = publishedEntry({ ...entry, lists: [] }, parade);
          return (
            <li>
              <a href={entry.url}>{entry.title ?? entry.url}</a>{' '}
              <span class="muted">
                {entry.author ? `${entry.author} · ` : ''}
                {pub.blogName}
                {pub.late ? ` · ${t.late}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="muted">
        <a href={`${props.baseUrl}/p/${parade.slug}`}>{parade.title}</a> · korso
      </p>
    </div>
  );
}
