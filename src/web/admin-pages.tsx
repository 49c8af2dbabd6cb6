import { type Context, Hono } from 'hono';
import type { AppContext } from '../context.js';
import { verifyCall } from '../parades/call-ownership.js';
import { changeParadeDetails, InputError, rotateAdminToken } from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { loadReason, reason } from '../reasons/reason.js';
import { blockDomain, blockedDomains, unblockDomain } from '../store/blocklist-repository.js';
import { dashboardSources, lastDiscoveryRun } from '../store/discovery-repository.js';
import {
  findParadeBySlug,
  type Parade,
  setParadeClosed,
  updateRoundupIntro,
} from '../store/parade-repository.js';
import {
  countEntriesByRoad,
  countEntriesByStatus,
  findEntry,
  moderateEntry,
} from '../store/entry-repository.js';
import { entryPageAfter, roadsOfEntries } from '../store/listing-repository.js';
import { decodeCursor, encodeCursor } from './api-routes.js';
import { CSRF_FIELD, csrfToken } from './csrf.js';
import { dictionary, formatDate } from './i18n.js';
import type { PageCache } from './page-cache.js';
import { requestParade } from './parade-pages.js';
import { publishedParade } from './presenters.js';
import type { RateLimits } from './rate-limit.js';
import { entryReason } from './reason-text.js';
import { checkLinkToken, openSession, requireHost } from './session.js';
import {
  blocklistSchema,
  buttonSchema,
  closeSchema,
  formInput,
  moderationSchema,
  type Parsed,
  paradeDetailsFormSchema,
  roundupSchema,
} from './validation.js';
import { DiscoverySection } from './views/discovery-views.js';
import { StatusBadge } from './views/entry-views.js';
import { Layout } from './views/layout.js';
import { NewAdminLinkPage } from './views/secret-views.js';
import {
  deadlineFields,
  formValues,
  joinDeadline,
  LangSelect,
  ParadeDetailFields,
  type Values,
} from './views/parade-form.js';
import { ParadeHeader, ParadeNav } from './views/parade-views.js';

/** The round-up intro's limit: a few paragraphs. */
export const MAX_INTRO = 4000;

/** The iframe a host pastes under the call post; it shows the current participant list. */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${src}" title="${title}" loading="lazy" style="width:100%;min-height:24rem;border:0"></iframe>`;
}

/** Discovery sources on the dashboard and in the host API: the call, failures, the most recent. */
const DASHBOARD_SOURCES = 100;

/** Entries per page of the host's dashboard. */
const ADMIN_PAGE = 50;

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

/** The host corrects what the parade says about itself: the form, filled with the parade as it stands. */
function DetailsPage(props: { parade: Parade; csrf: string; values: Values; error?: string }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  return (
    <Layout lang={parade.lang} title={`${t.detailsHeading} · ${parade.title}`}>
      <h1>{t.detailsHeading}</h1>
      <p>
        <a href={`/p/${parade.slug}/admin`}>{t.toAdmin}</a>
      </p>
      <p>{t.detailsIntro}</p>
      <form method="post" action={`/p/${parade.slug}/admin/details`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        {props.error ? <p role="alert">{props.error}</p> : null}
        <ParadeDetailFields lang={parade.lang} values={props.values} />
        <label for="lang">{t.language}</label>
        <LangSelect value={props.values.lang} />
        <button type="submit">{t.save}</button>
      </form>
    </Layout>
  );
}

function detailsOf(parade: Parade): Values {
  return {
    title: parade.title,
    hostName: parade.host_name ?? '',
    description: parade.description ?? '',
    prompt: parade.prompt ?? '',
    hashtag: parade.hashtag ?? '',
    ...deadlineFields(parade.deadline, parade.time_zone),
    timeZone: parade.time_zone,
    lang: parade.lang,
  };
}

/** Everything the host sees of a parade's discovery: roads, last run, sources. */
export async function discoveryOverview(ctx: AppContext, paradeId: number) {
  const [roads, statuses, lastRun, shown] = await Promise.all([
    countEntriesByRoad(ctx.db, paradeId),
    countEntriesByStatus(ctx.db, paradeId),
    lastDiscoveryRun(ctx.db, paradeId),
    dashboardSources(ctx.db, paradeId, DASHBOARD_SOURCES),
  ]);
  return { roads, statuses, lastRun, sources: shown.sources, sourcesTotal: shown.total };
}

/** The host's pages and actions carry a secret or a session: never kept by any cache. */
const noStore = async (c: { header: (k: string, v: string) => void }, next: () => Promise<void>) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

export function adminPages(ctx: AppContext, pages: PageCache, limits: RateLimits) {
  const app = new Hono();
  app.use('/:slug/admin', noStore);
  app.use('/:slug/admin/*', noStore);

  const hostParade = async (c: Context) => {
    const parade = await requestParade(ctx, c);
    await requireHost(c, ctx, limits, parade);
    return parade;
  };
  // Every host action may change what readers see: this process renders anew at once.
  const back = (c: Context, parade: Parade) => {
    pages.forget(parade.slug);
    return c.redirect(`/p/${parade.slug}/admin`, 303);
  };

  app.get('/:slug/admin', async (c) => {
    const parade = await requestParade(ctx, c);
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
          <Layout
            lang={parade.lang}
            title={`${t.admin} · ${parade.title}`}
            head={<meta http-equiv="refresh" content={`0;url=${clean}`} />}
          >
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
        ? `/p/${parade.slug}/admin?${new URLSearchParams({ after: encodeCursor({ sortAt: last.sort_at, id: last.id }) })}`
        : null;
    const total = Object.values(overview.statuses).reduce((n, v) => n + v, 0);
    const { statuses } = overview;
    const pub = publishedParade(parade, ctx.config.baseUrl, ctx.clock.now());
    return c.html(
      <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`}>
        <ParadeHeader parade={pub} now={ctx.clock.now()} />
        <ParadeNav parade={pub} current="admin" />
        <CallState ctx={ctx} parade={parade} csrf={csrf} />
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
                      ? ` · ${t.lastChecked} ${formatDate(e.last_fetched_at, parade.lang, parade.time_zone)}`
                      : ''}{' '}
                    · {t.itemCount(e.item_count)}
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
        {nextPage ? (
          <p class="pager">
            <a href={nextPage} rel="next">
              {t.older} →
            </a>
          </p>
        ) : null}
        <p>
          <a href={`/p/${parade.slug}/admin/details`}>{t.editDetails}</a>
        </p>
        <h2>{t.roundup}</h2>
        <form method="post" action={`/p/${parade.slug}/admin/roundup`}>
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <label for="roundup-intro">{t.roundupIntroLabel}</label>
          <textarea id="roundup-intro" name="intro" rows={4} maxlength={MAX_INTRO}>
            {parade.roundup_intro ?? ''}
          </textarea>
          <button type="submit">{t.save}</button>
        </form>
        <p>
          <a href={`/p/${parade.slug}/roundup.html`}>HTML</a> ·{' '}
          <a href={`/p/${parade.slug}/roundup.md`}>Markdown</a>
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
        <h2>{t.hostActions}</h2>
        <form method="post" action={`/p/${parade.slug}/admin/close`}>
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          {parade.closed_at ? (
            <p>
              {t.closedSince} {formatDate(parade.closed_at, parade.lang, parade.time_zone)}{' '}
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

  app.get('/:slug/admin/details', async (c) => {
    const parade = await hostParade(c);
    return c.html(<DetailsPage parade={parade} csrf={csrfToken(c, ctx)} values={detailsOf(parade)} />);
  });

  // The form sends every field: an empty one clears it (the title cannot be cleared).
  app.post('/:slug/admin/details', formInput(paradeDetailsFormSchema), async (c) => {
    const parade = await hostParade(c);
    const input = c.req.valid('form');
    const again = (error: InputError, values: Values) =>
      c.html(
        <DetailsPage
          parade={parade}
          csrf={csrfToken(c, ctx)}
          values={values}
          error={renderReason(error.reason, parade.lang)}
        />,
        400,
      );
    if (!input.ok) return again(input.error, input.values);
    const { deadlineTime, ...fields } = input.data;
    try {
      await changeParadeDetails(ctx, parade, {
        title: fields.title ?? null,
        prompt: fields.prompt ?? null,
        hashtag: fields.hashtag ?? null,
        hostName: fields.hostName ?? null,
        description: fields.description ?? null,
        deadline: joinDeadline(fields.deadline, deadlineTime) ?? null,
        lang: fields.lang,
        timeZone: fields.timeZone ?? null,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return again(error, formValues(input.data));
    }
    return back(c, parade);
  });

  app.post('/:slug/admin/roundup', formInput(roundupSchema), async (c) => {
    const parade = await hostParade(c);
    const { intro } = valid(c.req.valid('form'));
    await updateRoundupIntro(
      ctx.db,
      parade.id,
      intro?.replace(/\r\n/g, '\n') ?? null,
      ctx.clock.now().toISOString(),
    );
    return back(c, parade);
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
      <NewAdminLinkPage
        lang={parade.lang}
        slug={parade.slug}
        title={parade.title}
        adminUrl={adminUrl}
        status={t.rotated}
      />,
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
  if (!DOMAIN.test(domain))
    throw new InputError(reason('input.domain', { raw: raw.slice(0, 253) }), 'domain');
  return domain;
}
