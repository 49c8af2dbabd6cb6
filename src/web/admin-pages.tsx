import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { InputError, tokenMatches } from '../parades/parade-service.js';
import { blockDomain, blockedDomains, unblockDomain } from '../store/blocklist-repository.js';
import { lastDiscoveryRun, listDiscoverySources } from '../store/discovery-repository.js';
import { type Parade, updateRoundupIntro } from '../store/parade-repository.js';
import { countEntriesByRoad, countEntriesByStatus, findEntry, moderateEntry } from '../store/entry-repository.js';
import { entryPageAfter, roadsOfEntries } from '../store/listing-repository.js';
import { dictionary, formatDate } from './i18n.js';
import { decodeCursor, encodeCursor } from './api-routes.js';
import { paradeOr404 } from './parade-pages.js';
import { publishedParade } from './presenters.js';
import { localizeReason } from './reason-text.js';
import { DiscoverySection } from './views/discovery-views.js';
import { StatusBadge } from './views/entry-views.js';
import type { PageCache } from './page-cache.js';
import { Layout } from './views/layout.js';
import { ParadeHeader, ParadeNav } from './views/parade-views.js';

/** The round-up intro's limit: a few paragraphs. */
const MAX_INTRO = 4000;

/** The iframe a host pastes under the call post; it shows the current participant list. */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${src}" title="${title}" loading="lazy" style="width:100%;min-height:24rem;border:0"></iframe>`;
}

/** Entries per page of the host's dashboard. */
const ADMIN_PAGE = 50;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function requireAdmin(parade: Parade, token: string | undefined): string {
  if (!token || !tokenMatches(token, parade.admin_token_hash)) {
    throw new HTTPException(403, { message: 'this admin address is not valid' });
  }
  return token;
}

function formToken(body: Record<string, unknown>): string | undefined {
  return typeof body.token === 'string' ? body.token : undefined;
}

/** Everything the host sees of a parade's discovery: roads, last run, sources. */
export async function discoveryOverview(ctx: AppContext, paradeId: number) {
  const [roads, statuses, lastRun, sources] = await Promise.all([
    countEntriesByRoad(ctx.db, paradeId),
    countEntriesByStatus(ctx.db, paradeId),
    lastDiscoveryRun(ctx.db, paradeId),
    listDiscoverySources(ctx.db, paradeId),
  ]);
  return { roads, statuses, lastRun, sources };
}

export function adminPages(ctx: AppContext, pages: PageCache) {
  const app = new Hono();

  app.get('/:slug/admin', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const token = requireAdmin(parade, c.req.query('token'));
    const t = dictionary(parade.lang);
    const after = decodeCursor(c.req.query('after'));
    const [rows, overview, blocked] = await Promise.all([
      entryPageAfter(ctx.db, parade.id, null, after, ADMIN_PAGE + 1),
      discoveryOverview(ctx, parade.id),
      blockedDomains(ctx.db, parade.id),
    ]);
    const entries = rows.slice(0, ADMIN_PAGE);
    const entryRoads = await roadsOfEntries(
      ctx.db,
      entries.map((e) => e.id),
    );
    const last = entries[entries.length - 1];
    const nextPage =
      rows.length > ADMIN_PAGE && last
        ? `/p/${parade.slug}/admin?${new URLSearchParams({ token, after: encodeCursor({ sortAt: last.sort_at, id: last.id }) })}`
        : null;
    const total = Object.values(overview.statuses).reduce((n, v) => n + v, 0);
    const { statuses } = overview;
    const pub = publishedParade(parade, ctx.config.baseUrl, ctx.clock.now());
    c.header('Cache-Control', 'no-store');
    return c.html(
      <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`}>
        <ParadeHeader parade={pub} now={ctx.clock.now()} />
        <ParadeNav parade={pub} current="admin" />
        <p class="counts">
          {Object.entries(statuses).map(([status, n]) => (
            <>
              <StatusBadge lang={parade.lang} status={status} /> {n}{' '}
            </>
          ))}
        </p>
        <DiscoverySection lang={parade.lang} overview={overview} graceDays={ctx.config.discovery.graceDays} />
        <h2>
          {t.allEntries} ({total})
        </h2>
        <table class="entries stack">
          <thead>
            <tr>
              <th>{t.title}</th>
              <th>{t.status}</th>
              <th>{t.reason}</th>
              <th>
                <span class="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>
                  <a href={e.url} rel="nofollow noopener">
                    {e.title ?? e.url}
                  </a>
                  <div class="muted">
                    {t.foundVia}: {(entryRoads.get(e.id) ?? []).join(', ')}
                    {e.last_fetched_at
                      ? ` · ${t.lastChecked} ${formatDate(e.last_fetched_at, parade.lang)}`
                      : ''}{' '}
                    · {t.itemCount(e.item_count)}
                  </div>
                </td>
                <td>
                  <StatusBadge lang={parade.lang} status={e.status} />
                </td>
                <td>{localizeReason(e.reason, parade.lang)}</td>
                <td>
                  <form method="post" action={`/p/${parade.slug}/admin/entries/${e.id}`}>
                    <input type="hidden" name="token" value={token} />
                    <button type="submit" name="action" value="approve">
                      {t.approve}
                    </button>
                    <button type="submit" name="action" value="reject">
                      {t.reject}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {nextPage ? (
          <p class="pager">
            <a href={nextPage} rel="next">
              {t.older} →
            </a>
          </p>
        ) : null}
        <h2>{t.roundup}</h2>
        <form method="post" action={`/p/${parade.slug}/admin/roundup`}>
          <input type="hidden" name="token" value={token} />
          <label for="roundup-intro">{t.roundupIntroLabel}</label>
          <textarea id="roundup-intro" name="intro" rows={4} maxlength={MAX_INTRO}>
            {parade.roundup_intro ?? ''}
          </textarea>
          <button type="submit">{t.save}</button>
        </form>
        <p>
          <a href={`/p/${parade.slug}/roundup.html`}>HTML</a> · <a href={`/p/${parade.slug}/roundup.md`}>Markdown</a>
        </p>
        <h2>{t.embed}</h2>
        <p>{t.embedIntro}</p>
        <pre>
          <code>{embedSnippet(`${ctx.config.baseUrl}/p/${parade.slug}/embed`, t.participants)}</code>
        </pre>
        <p>
          <a href={`/p/${parade.slug}/embed.html`}>{t.embedCopy}</a>
        </p>
        <h2>{t.blocklist}</h2>
        <ul class="blocked">
          {blocked.map((b) => (
            <li>
              {b.domain} {b.global ? `(${t.global})` : ''}
              {b.global ? null : (
                <form method="post" action={`/p/${parade.slug}/admin/blocklist`} style="display:inline">
                  <input type="hidden" name="token" value={token} />
                  <input type="hidden" name="domain" value={b.domain} />
                  <button type="submit" name="action" value="unblock">
                    {t.unblock}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action={`/p/${parade.slug}/admin/blocklist`}>
          <input type="hidden" name="token" value={token} />
          <label for="domain">{t.domain}</label>
          <input type="text" id="domain" name="domain" required />
          <button type="submit" name="action" value="block">
            {t.block}
          </button>
        </form>
      </Layout>,
    );
  });

  app.post('/:slug/admin/entries/:id', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const body = await c.req.parseBody();
    const token = requireAdmin(parade, formToken(body));
    const entry = await findEntry(ctx.db, Number(c.req.param('id')));
    if (!entry || entry.parade_id !== parade.id) throw new HTTPException(404, { message: 'no such entry' });
    const now = ctx.clock.now().toISOString();
    if (body.action === 'approve') await moderateEntry(ctx.db, entry.id, 'approved', now);
    else if (body.action === 'reject') await moderateEntry(ctx.db, entry.id, 'rejected', now);
    else throw new HTTPException(400, { message: 'action must be approve or reject' });
    pages.forget(parade.slug);
    ctx.log.info('entry.moderated', { parade: parade.slug, url: entry.url, status: body.action });
    return c.redirect(`/p/${parade.slug}/admin?token=${encodeURIComponent(token)}`, 303);
  });

  app.post('/:slug/admin/roundup', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const body = await c.req.parseBody();
    const token = requireAdmin(parade, formToken(body));
    const raw = typeof body.intro === 'string' ? body.intro.replace(/\r\n/g, '\n').trim() : '';
    if (raw.length > MAX_INTRO) throw new InputError(`the intro may hold ${MAX_INTRO} characters at most`, 'intro');
    await updateRoundupIntro(ctx.db, parade.id, raw || null, ctx.clock.now().toISOString());
    pages.forget(parade.slug);
    return c.redirect(`/p/${parade.slug}/admin?token=${encodeURIComponent(token)}`, 303);
  });

  app.post('/:slug/admin/blocklist', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const body = await c.req.parseBody();
    const token = requireAdmin(parade, formToken(body));
    const domain = normalizeDomain(typeof body.domain === 'string' ? body.domain : '');
    const now = ctx.clock.now().toISOString();
    if (body.action === 'unblock') await unblockDomain(ctx.db, parade.id, domain);
    else await blockDomain(ctx.db, { paradeId: parade.id, domain, now });
    ctx.log.info('domain.blocked', { parade: parade.slug, domain, action: body.action });
    return c.redirect(`/p/${parade.slug}/admin?token=${encodeURIComponent(token)}`, 303);
  });

  return app;
}

/** Accepts "example.com", "www.example.com" or a URL; stores the bare lower-case domain. */
export function normalizeDomain(raw: string): string {
  let domain = raw.trim().toLowerCase();
  if (/^https?:\/\//.test(domain)) domain = new URL(domain).hostname;
  domain = domain.replace(/^www\./, '').replace(/\.$/, '');
  if (!DOMAIN.test(domain)) throw new InputError(`"${raw}" is not a domain name`, 'domain');
  return domain;
}
