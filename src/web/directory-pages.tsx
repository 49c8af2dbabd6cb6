import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { CallDetails } from '../extract/call-page-details.js';
import { isClaimable } from '../parades/call-claim.js';
import { DEFAULT_TIME_ZONE, readCallPage } from '../parades/call-details.js';
import {
  createParade,
  type CreatedParade,
  InputError,
  ParadeExists,
  paradeForCall,
} from '../parades/parade-service.js';
import { renderParadesAtom, renderParadesJsonFeed, renderParadesRss } from '../publish/feed-renderer.js';
import { countdown, formatDeadline, paradeState } from '../publish/parade-state.js';
import { renderReason } from '../reasons/catalog.js';
import { directoryPage, newestParades } from '../store/listing-repository.js';
import type { Parade } from '../store/parade-repository.js';
import { csrfToken, CSRF_FIELD } from './csrf.js';
import { dictionary } from './i18n.js';
import { CACHE_CONTROL, type PageCache } from './page-cache.js';
import { setRequestLang } from './page-lang.js';
import { html, pageCount, pageParam, validUntil } from './parade-pages.js';
import { publishedParade } from './presenters.js';
import type { RateLimits } from './rate-limit.js';
import { createParadeSchema, formInput, prefillSchema } from './validation.js';
import { Layout } from './views/layout.js';
import { Pager } from './views/parade-views.js';
import {
  formValues,
  joinDeadline,
  LangSelect,
  ParadeDetailFields,
  type Values,
} from './views/parade-form.js';
import { CopyField } from './views/secret-views.js';

function CallUrlForm(props: { lang: string; csrf: string; error?: string; values?: Values }) {
  const t = dictionary(props.lang);
  const v = props.values ?? {};
  return (
    <form method="post" action="/new/prefill">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.error ? <p role="alert">{props.error}</p> : null}
      <p>{t.prefillIntro}</p>
      <label for="callUrl">{t.callUrl}</label>
      <input type="url" id="callUrl" name="callUrl" required maxlength={2048} value={v.callUrl ?? ''} />
      <label for="lang">{t.language}</label>
      <LangSelect value={v.lang} />
      <button type="submit">{t.next}</button>
    </form>
  );
}

/** The whole parade, prefilled from the call post; the host confirms or corrects each field. */
function ParadeForm(props: { lang: string; csrf: string; intro?: string; error?: string; values: Values }) {
  const t = dictionary(props.lang);
  const v = props.values;
  return (
    <form method="post" action="/new">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.error ? <p role="alert">{props.error}</p> : null}
      {props.intro ? <p>{props.intro}</p> : null}
      <label for="callUrl">{t.callUrl}</label>
      <input type="url" id="callUrl" name="callUrl" required maxlength={2048} value={v.callUrl ?? ''} />
      <ParadeDetailFields lang={props.lang} values={v} />
      <label for="slug">{t.slug}</label>
      <input type="text" id="slug" name="slug" pattern="[a-z0-9-]+" maxlength={64} value={v.slug ?? ''} />
      <label for="lang">{t.language}</label>
      <LangSelect value={v.lang} />
      <button type="submit">{t.create}</button>
    </form>
  );
}

function detailValues(callUrl: string, found: CallDetails | null, lang: string | undefined): Values {
  const deadline = found?.deadline ?? null;
  return {
    callUrl,
    title: found?.title ?? '',
    hostName: found?.hostName ?? '',
    description: found?.description ?? '',
    prompt: found?.prompt ?? '',
    hashtag: found?.hashtag ?? '',
    deadline: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? '',
    timeZone: DEFAULT_TIME_ZONE,
    lang: lang ?? found?.lang ?? 'de',
  };
}

/**
 * One parade per call: the visitor is shown the parade that holds it. While nobody has proved the
 * call, the visitor may claim it (a squatter who registered someone else's call cannot keep it).
 */
function ExistsPage(props: { lang: string; baseUrl: string; parade: Parade; csrf: string }) {
  const t = dictionary(props.lang);
  const { parade } = props;
  const url = `${props.baseUrl}/p/${parade.slug}`;
  return (
    <Layout lang={props.lang} title={t.newParade}>
      <h1>{t.newParade}</h1>
      <p role="alert">
        {t.exists} <a href={`/p/${parade.slug}`}>{parade.title}</a>
      </p>
      <p class="muted">{url}</p>
      {isClaimable(parade) ? (
        <section class="claim">
          <h2>{t.claimHeading}</h2>
          <p>{t.claimOffer}</p>
          <form method="post" action={`/p/${parade.slug}/claim`}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <button type="submit">{t.claimStart}</button>
          </form>
          <p>
            <a href={`/p/${parade.slug}/claim`}>{t.claimEnterCode}</a>
          </p>
        </section>
      ) : (
        <p>{t.claimProved}</p>
      )}
    </Layout>
  );
}

/** What the host does next: keep the link, share the submit address, prove the call, delegate mentions. */
export function CreatedPage(props: { ctx: AppContext; created: CreatedParade }) {
  const { parade, adminUrl } = props.created;
  const t = dictionary(parade.lang);
  const base = props.ctx.config.baseUrl;
  const paradeUrl = `${base}/p/${parade.slug}`;
  const submitUrl = `${paradeUrl}/submit`;
  const endpoints = `<link rel="webmention" href="${base}/webmention">\n<link rel="pingback" href="${base}/xmlrpc">`;
  return (
    <Layout lang={parade.lang} title={parade.title} head={<script src="/assets/copy.js" defer />}>
      <h1>{parade.title}</h1>
      <p>{t.created}</p>
      <h2>{t.nextSteps}</h2>
      <p>{t.keepLink}</p>
      <CopyField id="admin-url" value={adminUrl} label={t.copy} link />
      <p>{t.shareSubmit}</p>
      <CopyField id="submit-url" value={submitUrl} label={t.copy} />
      <h2>{t.snippetHeading}</h2>
      <p>{t.snippetIntro}</p>
      <pre>
        <code id="snippet">{t.snippet(paradeUrl, submitUrl)}</code>
      </pre>
      <button type="button" data-copy="snippet">
        {t.copy}
      </button>
      <p>{t.verifyCodeIntro}</p>
      <CopyField id="verify-code" value={parade.verify_code ?? ''} label={t.copy} />
      <p>{t.endpointsIntro}</p>
      <pre>
        <code id="endpoints">{endpoints}</code>
      </pre>
      <button type="button" data-copy="endpoints">
        {t.copy}
      </button>
      <p class="muted">
        {t.listedAfter}
        {parade.approved_at === null ? ` ${t.reviewNote}` : ''}
      </p>
      <p>
        <a href={`/p/${parade.slug}`}>{parade.title}</a>
      </p>
    </Layout>
  );
}

/** Parades in the feed of new parades. */
const PARADES_FEED_SIZE = 50;

/** Parades per directory page. */
const DIRECTORY_PAGE = 50;

export function directoryPages(ctx: AppContext, pages: PageCache, limits: RateLimits) {
  const app = new Hono();

  // Pages with a form token or a secret are per visitor: never stored by a cache.
  app.use('/new/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/new', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/', (c) => {
    const page = pageParam(c.req.query('page'));
    return pages.respond(c, 'site', `directory?page=${page}`, CACHE_CONTROL.page, async () => {
      const t = dictionary('de');
      const now = ctx.clock.now();
      const { parades, total } = await directoryPage(ctx.db, {
        limit: DIRECTORY_PAGE,
        offset: (page - 1) * DIRECTORY_PAGE,
        now: now.toISOString(),
      });
      const pagesTotal = pageCount(total, DIRECTORY_PAGE, page);
      const soonest = parades
        .map((p) => validUntil(p, now))
        .filter((v): v is string => v !== null)
        .sort()[0];
      return html(
        <Layout
          lang="de"
          title={t.directory}
          meta={{ description: t.directoryIntro, canonical: `${ctx.config.baseUrl}/` }}
          head={
            <>
              <link rel="alternate" type="text/calendar" href="/calendar.ics" />
              <link rel="alternate" type="application/atom+xml" href="/atom.xml" title={t.newParades} />
              <link rel="alternate" type="application/rss+xml" href="/feed.xml" title={t.newParades} />
            </>
          }
        >
          <h1>{t.directory}</h1>
          <p>{t.directoryIntro}</p>
          {parades.length === 0 ? <p>{t.noParades}</p> : null}
          <ul class="parades">
            {parades.map((p) => {
              const pt = dictionary(p.lang);
              const state = paradeState(p.deadline, p.closed_at, now);
              return (
                <li lang={p.lang}>
                  <a href={`/p/${p.slug}`}>{p.title}</a>{' '}
                  <span class={`badge state-${state}`}>{pt.stateNames[state]}</span>{' '}
                  <span class="muted">
                    · {p.liveCount} {pt.entries}
                    {p.deadline
                      ? ` · ${pt.deadline} ${formatDeadline(p.deadline, p.lang, p.time_zone)} · ${countdown(p.deadline, now, p.lang, p.time_zone)}`
                      : ''}
                  </span>
                </li>
              );
            })}
          </ul>
          <Pager
            lang="de"
            page={page}
            pages={pagesTotal}
            href={(n) => `/?page=${n}`}
            newer="Neuere"
            older="Ältere"
          />
          <p>
            <a href="/new">{t.newParade}</a> · <a href="/calendar.ics">{t.calendar}</a> ·{' '}
            <a href="/atom.xml">{t.newParades}</a>
          </p>
        </Layout>,
        soonest ?? null,
      );
    });
  });

  const paradesFeed = (format: 'rss' | 'atom' | 'json', path: string, contentType: string) =>
    app.get(`/${path}`, (c) =>
      pages.respond(c, 'site', path, CACHE_CONTROL.feed, async () => {
        const now = ctx.clock.now();
        const parades = (await newestParades(ctx.db, PARADES_FEED_SIZE)).map((p) =>
          publishedParade(p, ctx.config.baseUrl, now),
        );
        const base = ctx.config.baseUrl;
        const links = {
          page: `${base}/`,
          rss: `${base}/feed.xml`,
          atom: `${base}/atom.xml`,
          json: `${base}/feed.json`,
        };
        const t = dictionary('de');
        const site = { title: `korso · ${t.directory}`, description: t.directoryIntro, lang: 'de' };
        const render = { rss: renderParadesRss, atom: renderParadesAtom, json: renderParadesJsonFeed }[
          format
        ];
        return { body: render(site, parades, links), contentType };
      }),
    );
  paradesFeed('rss', 'feed.xml', 'application/rss+xml; charset=utf-8');
  paradesFeed('atom', 'atom.xml', 'application/atom+xml; charset=utf-8');
  paradesFeed('json', 'feed.json', 'application/feed+json; charset=utf-8');

  app.get('/new', (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'de';
    const t = dictionary(lang);
    return c.html(
      <Layout lang={lang} title={t.newParade}>
        <h1>{t.newParade}</h1>
        <CallUrlForm lang={lang} csrf={csrfToken(c, ctx)} />
      </Layout>,
    );
  });

  // Step one: korso reads the call post and prefills the form.
  app.post('/new/prefill', formInput(prefillSchema), async (c) => {
    const input = c.req.valid('form');
    const lang = (input.ok ? input.data.lang : input.values.lang) === 'en' ? 'en' : 'de';
    setRequestLang(c, lang);
    const t = dictionary(lang);
    const csrf = csrfToken(c, ctx);
    if (!input.ok) {
      return c.html(
        <Layout lang={lang} title={t.newParade}>
          <h1>{t.newParade}</h1>
          <CallUrlForm
            lang={lang}
            csrf={csrf}
            error={renderReason(input.error.reason, lang)}
            values={input.values}
          />
        </Layout>,
        400,
      );
    }
    await limits.create(c);
    const held = await paradeForCall(ctx, input.data.callUrl);
    if (held)
      return c.html(<ExistsPage lang={lang} baseUrl={ctx.config.baseUrl} parade={held} csrf={csrf} />, 409);
    const page = await readCallPage(ctx, input.data.callUrl.trim());
    const found = page.ok ? page.details : null;
    const formLang = input.data.lang ?? found?.lang ?? lang;
    const intro = page.ok ? t.prefillFound : `${t.prefillFailed} ${renderReason(page.why, lang)}`;
    return c.html(
      <Layout lang={formLang} title={t.newParade}>
        <h1>{t.newParade}</h1>
        <ParadeForm
          lang={formLang}
          csrf={csrf}
          intro={intro}
          values={detailValues(input.data.callUrl.trim(), found, input.data.lang)}
        />
      </Layout>,
    );
  });

  // Step two: the host confirmed the fields; korso creates the parade as the form says.
  app.post(
    '/new',
    formInput(createParadeSchema.extend({ deadlineTime: createParadeSchema.shape.deadline })),
    async (c) => {
      const input = c.req.valid('form');
      const lang = (input.ok ? input.data.lang : input.values.lang) === 'en' ? 'en' : 'de';
      setRequestLang(c, lang);
      const t = dictionary(lang);
      const again = (error: InputError, values: Values, status: 400 | 409 | 404 | 403 | 413 | 415) =>
        c.html(
          <Layout lang={lang} title={t.newParade}>
            <h1>{t.newParade}</h1>
            <ParadeForm
              lang={lang}
              csrf={csrfToken(c, ctx)}
              error={renderReason(error.reason, lang)}
              values={values}
            />
          </Layout>,
          status,
        );
      if (!input.ok) return again(input.error, input.values, 400);
      await limits.create(c);
      const { deadlineTime, ...fields } = input.data;
      const deadline = joinDeadline(fields.deadline, deadlineTime);
      try {
        const created = await createParade(ctx, { ...fields, deadline: deadline ?? null, prefill: false });
        return c.html(<CreatedPage ctx={ctx} created={created} />, 201);
      } catch (error) {
        if (error instanceof ParadeExists)
          return c.html(
            <ExistsPage
              lang={lang}
              baseUrl={ctx.config.baseUrl}
              parade={error.parade}
              csrf={csrfToken(c, ctx)}
            />,
            409,
          );
        if (!(error instanceof InputError)) throw error;
        return again(error, formValues(input.data), error.status);
      }
    },
  );

  return app;
}
