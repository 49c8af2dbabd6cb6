import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { createParade, InputError } from '../parades/parade-service.js';
import { HTTPException } from 'hono/http-exception';
import { countdown, formatDeadline, paradeState } from '../publish/parade-state.js';
import { renderParadesAtom, renderParadesJsonFeed, renderParadesRss } from '../publish/feed-renderer.js';
import { directoryPage, newestParades } from '../store/listing-repository.js';
import { dictionary } from './i18n.js';
import { CACHE_CONTROL, type PageCache } from './page-cache.js';
import { html, pageParam, validUntil } from './parade-pages.js';
import { publishedParade } from './presenters.js';
import { Pager } from './views/parade-views.js';
import { Layout } from './views/layout.js';

function NewParadeForm(props: { lang: string; error?: string; values?: Record<string, string> }) {
  const t = dictionary(props.lang);
  const v = props.values ?? {};
  return (
    <form method="post" action="/new">
      {props.error ? <p role="alert">{props.error}</p> : null}
      <label for="callUrl">{t.callUrl}</label>
      <input type="url" id="callUrl" name="callUrl" required value={v.callUrl ?? ''} />
      <label for="title">{t.title}</label>
      <input type="text" id="title" name="title" value={v.title ?? ''} />
      <label for="prompt">{t.prompt}</label>
      <input type="text" id="prompt" name="prompt" value={v.prompt ?? ''} />
      <label for="deadline">{t.deadline}</label>
      <input type="datetime-local" id="deadline" name="deadline" value={v.deadline ?? ''} />
      <label for="slug">{t.slug}</label>
      <input type="text" id="slug" name="slug" pattern="[a-z0-9-]+" value={v.slug ?? ''} />
      <label for="lang">{t.language}</label>
      <select id="lang" name="lang">
        <option value="de" selected={v.lang !== 'en'}>
          Deutsch
        </option>
        <option value="en" selected={v.lang === 'en'}>
          English
        </option>
      </select>
      <button type="submit">{t.create}</button>
    </form>
  );
}

/** Parades in the feed of new parades. */
const PARADES_FEED_SIZE = 50;

/** Parades per directory page. */
const DIRECTORY_PAGE = 50;

export function directoryPages(ctx: AppContext, pages: PageCache) {
  const app = new Hono();

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
      const pagesTotal = Math.max(1, Math.ceil(total / DIRECTORY_PAGE));
      if (page > pagesTotal) throw new HTTPException(404, { message: 'no such page' });
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
          <Pager lang="de" page={page} pages={pagesTotal} href={(n) => `/?page=${n}`} newer="Neuere" older="Ältere" />
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
        const links = { page: `${base}/`, rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
        const t = dictionary('de');
        const site = { title: `korso · ${t.directory}`, description: t.directoryIntro, lang: 'de' };
        const render = { rss: renderParadesRss, atom: renderParadesAtom, json: renderParadesJsonFeed }[format];
        return { body: render(site, parades, links), contentType };
      }),
    );
  paradesFeed('rss', 'feed.xml', 'application/rss+xml; charset=utf-8');
  paradesFeed('atom', 'atom.xml', 'application/atom+xml; charset=utf-8');
  paradesFeed('json', 'feed.json', 'application/feed+json; charset=utf-8');

  app.get('/new', (c) => {
    const t = dictionary('de');
    return c.html(
      <Layout lang="de" title={t.newParade}>
        <h1>{t.newParade}</h1>
        <NewParadeForm lang="de" />
      </Layout>,
    );
  });

  app.post('/new', async (c) => {
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const t = dictionary(values.lang);
    try {
      const created = await createParade(ctx, {
        callUrl: values.callUrl ?? '',
        title: values.title,
        prompt: values.prompt,
        deadline: values.deadline,
        slug: values.slug,
        lang: values.lang,
      });
      pages.forget(created.parade.slug);
      const lang = created.parade.lang;
      c.header('Cache-Control', 'no-store');
      return c.html(
        <Layout lang={lang} title={created.parade.title}>
          <h1>{created.parade.title}</h1>
          <p>{dictionary(lang).created}</p>
          <p>
            <code class="secret">{created.adminUrl}</code>
          </p>
          <p>
            <a href={`/p/${created.parade.slug}`}>{created.parade.title}</a>
          </p>
        </Layout>,
        201,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return c.html(
        <Layout lang={values.lang ?? 'de'} title={t.newParade}>
          <h1>{t.newParade}</h1>
          <NewParadeForm lang={values.lang ?? 'de'} error={error.message} values={values} />
        </Layout>,
        400,
      );
    }
  });

  return app;
}
