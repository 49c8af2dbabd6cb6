import { type Context, Hono } from 'hono';
import type { AppContext } from '../context.js';
import { verifyCall } from '../parades/call-ownership.js';
import { InputError, rotateAdminToken } from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { loadReason, reason } from '../reasons/reason.js';
import { blockDomain, blockedDomains, unblockDomain } from '../store/blocklist-repository.js';
import { lastDiscoveryRun, listDiscoverySources } from '../store/discovery-repository.js';
import { findParadeBySlug, type Parade, setParadeClosed } from '../store/parade-repository.js';
import {
  countEntriesByRoad,
  countEntriesByStatus,
  findEntry,
  listEntries,
  moderateEntry,
} from '../store/entry-repository.js';
import { csrfToken, CSRF_FIELD } from './csrf.js';
import { dictionary, formatDate } from './i18n.js';
import { setRequestLang } from './page-lang.js';
import { ParadeHeader, paradeOr404 } from './parade-pages.js';
import type { RateLimits } from './rate-limit.js';
import { entryReason, localizeReason } from './reason-text.js';
import { checkLinkToken, openSession, requireHost } from './session.js';
import { blocklistSchema, buttonSchema, closeSchema, formInput, moderationSchema, type Parsed } from './validation.js';
import { StatusBadge } from './views/entry-views.js';
import { Layout } from './views/layout.js';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw parsed.error;
  return parsed.data;
}

/** Whether the call page proved the parade, what korso saw there last, and how to prove it. */
function CallState(props: { ctx: AppContext; parade: Parade; csrf: string }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  const base = props.ctx.config.baseUrl;
  const paradeUrl = `${base}/p/${parade.slug}`;
  const last = parade.call_check_code
    ? renderReason(loadReason(parade.call_check_code, parade.call_check_params), parade.lang)
    : renderReason(reason('call.unchecked'), parade.lang);
  return (
    <section class="call-state">
      <p>
        {t.callCheck}: <strong>{parade.call_verified_at ? t.verified : t.notVerified}</strong>
        {parade.approved_at === null ? ` · ${t.awaitingApproval}` : ''}
      </p>
      <p class="muted">{last}</p>
      {parade.call_verified_at ? null : (
        <>
          <p>{t.snippetIntro}</p>
          <pre>
            <code>{t.snippet(paradeUrl, `${paradeUrl}/submit`)}</code>
          </pre>
          <p>
            {t.verifyCodeIntro} <code>{parade.verify_code ?? ''}</code>
          </p>
        </>
      )}
      <form method="post" action={`/p/${parade.slug}/admin/verify`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <button type="submit">{t.verifyNow}</button>
      </form>
    </section>
  );
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

/** The host's pages and actions carry a secret or a session: never kept by any cache. */
const noStore = async (c: { header: (k: string, v: string) => void }, next: () => Promise<void>) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

export function adminPages(ctx: AppContext, limits: RateLimits) {
  const app = new Hono();
  app.use('/:slug/admin', noStore);
  app.use('/:slug/admin/*', noStore);

  const hostParade = async (c: Context) => {
    const parade = await paradeOr404(ctx, c.req.param('slug') ?? '');
    setRequestLang(c, parade.lang);
    await requireHost(c, ctx, limits, parade);
    return parade;
  };
  const back = (c: Context, parade: Parade) => c.redirect(`/p/${parade.slug}/admin`, 303);

  app.get('/:slug/admin', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    setRequestLang(c, parade.lang);
    const t = dictionary(parade.lang);
    const token = c.req.query('token');
    if (token !== undefined) {
      // The secret link: trade the token for a cookie, then leave the token out of the address.
      await checkLinkToken(c, limits, parade, token);
      await openSession(c, ctx, parade);
      const clean = `/p/${parade.slug}/admin`;
      // After a cross-site navigation (the link in a mail) a SameSite=Strict cookie is not sent on
      // a redirect, so the page moves on by itself from korso's own origin.
      if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
        return c.html(
          <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`} head={<meta http-equiv="refresh" content={`0;url=${clean}`} />}>
            <p>
              <a href={clean}>{t.toAdmin}</a>
            </p>
          </Layout>,
        );
      }
      return c.redirect(clean, 303);
    }
    try {
      await requireHost(c, ctx, limits, parade);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return c.html(
        <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`}>
          <h1>{t.admin}</h1>
          <p role="alert">{renderReason(error.reason, parade.lang)}</p>
          <p>{t.openAdminLink}</p>
        </Layout>,
        403,
      );
    }
    const csrf = csrfToken(c, ctx);
    const [entries, overview, blocked] = await Promise.all([
      listEntries(ctx.db, parade.id),
      discoveryOverview(ctx, parade.id),
      blockedDomains(ctx.db, parade.id),
    ]);
    const { roads, statuses, lastRun, sources } = overview;
    return c.html(
      <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`}>
        <ParadeHeader parade={parade} />
        <CallState ctx={ctx} parade={parade} csrf={csrf} />
        <p class="counts">
          {Object.entries(statuses).map(([status, n]) => (
            <>
              <StatusBadge lang={parade.lang} status={status} /> {n}{' '}
            </>
          ))}
        </p>
        <h2>{t.discovery}</h2>
        <p class="roads">
          {t.roads}:{' '}
          {Object.entries(roads)
            .map(([road, n]) => `${road} ${n}`)
            .join(' · ') || '–'}
        </p>
        <p class="last-run">
          {t.lastRun}:{' '}
          {lastRun
            ? `${formatDate(lastRun.started_at, parade.lang)} ${lastRun.started_at.slice(11, 16)} UTC — ${t.runSummary(lastRun)}`
            : t.neverRun}
        </p>
        {sources.length > 0 ? (
          <table class="sources">
            <thead>
              <tr>
                <th>{t.sources}</th>
                <th>{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <td>
                    {s.kind}: {s.feed_url ?? s.url}
                    <div class="muted">
                      {t.foundVia}: {t.sourceOrigin(s.found_via ?? '')}
                    </div>
                  </td>
                  <td>
                    {s.last_error
                      ? localizeReason(s.last_error, parade.lang)
                      : s.last_ok_at
                        ? `${t.ok} · ${s.candidates}`
                        : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <h2>
          {t.allEntries} ({entries.length})
        </h2>
        <table class="entries">
          <thead>
            <tr>
              <th>{t.title}</th>
              <th>{t.status}</th>
              <th>{t.reason}</th>
              <th />
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
                    {t.foundVia}: {e.roads.join(', ')}
                    {e.last_fetched_at
                      ? ` · ${t.lastChecked} ${formatDate(e.last_fetched_at, parade.lang)}`
                      : ''}{' '}
                    · {t.itemCount(e.lists.reduce((n, l) => n + l.items.length, 0))}
                  </div>
                </td>
                <td>
                  <StatusBadge lang={parade.lang} status={e.status} />
                </td>
                <td>{renderReason(entryReason(e), parade.lang)}</td>
                <td>
                  <form method="post" action={`/p/${parade.slug}/admin/entries/${e.id}`}>
                    <input type="hidden" name={CSRF_FIELD} value={csrf} />
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
        <h2>{t.blocklist}</h2>
        <ul class="blocked">
          {blocked.map((b) => (
            <li>
              {b.domain} {b.global ? `(${t.global})` : ''}
              {b.global ? null : (
                <form method="post" action={`/p/${parade.slug}/admin/blocklist`} style="display:inline">
                  <input type="hidden" name={CSRF_FIELD} value={csrf} />
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
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <label for="domain">{t.domain}</label>
          <input type="text" id="domain" name="domain" required maxlength={253} />
          <button type="submit" name="action" value="block">
            {t.block}
          </button>
        </form>
        <h2>{t.admin}</h2>
        <form method="post" action={`/p/${parade.slug}/admin/close`}>
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          {parade.closed_at ? (
            <p>
              {t.closedSince} {formatDate(parade.closed_at, parade.lang)}{' '}
              <button type="submit" name="action" value="reopen">
                {t.reopenParade}
              </button>
            </p>
          ) : (
            <button type="submit" name="action" value="close">
              {t.closeParade}
            </button>
          )}
        </form>
        <form method="post" action={`/p/${parade.slug}/admin/rotate`}>
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <p class="muted">{t.rotateNote}</p>
          <button type="submit">{t.rotate}</button>
        </form>
      </Layout>,
    );
  });

  app.post('/:slug/admin/verify', formInput(buttonSchema), async (c) => {
    const parade = await hostParade(c);
    await verifyCall(ctx, parade);
    return back(c, parade);
  });

  app.post('/:slug/admin/close', formInput(closeSchema), async (c) => {
    const parade = await hostParade(c);
    const { action } = valid(c.req.valid('form'));
    await setParadeClosed(ctx.db, parade.id, action === 'close', ctx.clock.now().toISOString());
    ctx.log.info('parade.closed', { parade: parade.slug, status: action });
    return back(c, parade);
  });

  app.post('/:slug/admin/rotate', formInput(buttonSchema), async (c) => {
    const parade = await hostParade(c);
    const t = dictionary(parade.lang);
    const { adminUrl } = await rotateAdminToken(ctx, parade);
    // This browser stays signed in with a fresh session; every other one is out.
    const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
    await openSession(c, ctx, fresh);
    return c.html(
      <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`} head={<script src="/assets/copy.js" defer />}>
        <h1>{parade.title}</h1>
        <p role="status">{t.rotated}</p>
        <p>
          <a id="admin-url" class="secret" href={adminUrl}>
            {adminUrl}
          </a>{' '}
          <button type="button" data-copy="admin-url">
            {t.copy}
          </button>
        </p>
        <p>
          <a href={`/p/${parade.slug}/admin`}>{t.toAdmin}</a>
        </p>
      </Layout>,
    );
  });

  app.post('/:slug/admin/entries/:id', formInput(moderationSchema), async (c) => {
    const parade = await hostParade(c);
    const { action } = valid(c.req.valid('form'));
    const id = Number(c.req.param('id'));
    const entry = Number.isSafeInteger(id) ? await findEntry(ctx.db, id) : undefined;
    if (!entry || entry.parade_id !== parade.id) throw new InputError(reason('entry.unknown'), 'id', 404);
    const now = ctx.clock.now().toISOString();
    await moderateEntry(ctx.db, entry.id, action === 'approve' ? 'approved' : 'rejected', now);
    ctx.log.info('entry.moderated', { parade: parade.slug, url: entry.url, status: action });
    return back(c, parade);
  });

  app.post('/:slug/admin/blocklist', formInput(blocklistSchema), async (c) => {
    const parade = await hostParade(c);
    const { domain: raw, action } = valid(c.req.valid('form'));
    const domain = normalizeDomain(raw);
    const now = ctx.clock.now().toISOString();
    if (action === 'unblock') await unblockDomain(ctx.db, parade.id, domain);
    else await blockDomain(ctx.db, { paradeId: parade.id, domain, now });
    ctx.log.info('domain.blocked', { parade: parade.slug, domain, action });
    return back(c, parade);
  });

  return app;
}

/** Accepts "example.com", "www.example.com" or a URL; stores the bare lower-case domain. */
export function normalizeDomain(raw: string): string {
  let domain = raw.trim().toLowerCase();
  try {
    if (/^https?:\/\//.test(domain)) domain = new URL(domain).hostname;
  } catch {
    throw new InputError(reason('input.domain', { raw: raw.slice(0, 253) }), 'domain');
  }
  domain = domain.replace(/^www\./, '').replace(/\.$/, '');
  if (!DOMAIN.test(domain)) throw new InputError(reason('input.domain', { raw: raw.slice(0, 253) }), 'domain');
  return domain;
}
