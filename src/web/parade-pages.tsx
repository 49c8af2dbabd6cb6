import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { InputError, registerEntry } from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { reason } from '../reasons/reason.js';
import { normalizeUrl } from '../sanitize/index.js';
import {
  type EntryWithLists,
  findEntryByUrl,
  listEntries,
  listEntriesByIds,
} from '../store/entry-repository.js';
import { findParadeBySlug, type Parade } from '../store/parade-repository.js';
import type { AppHooks } from './hooks.js';
import { dictionary, formatDate } from './i18n.js';
import { hostOf } from './presenters.js';
import { csrfToken, CSRF_FIELD } from './csrf.js';
import { setRequestLang } from './page-lang.js';
import type { RateLimits } from './rate-limit.js';
import { entryReason } from './reason-text.js';
import { hostProof } from './session.js';
import { entrySchema, formInput } from './validation.js';
import { EntryCard, EntryReport, StatusBadge } from './views/entry-views.js';
import { Layout } from './views/layout.js';

export async function paradeOr404(ctx: AppContext, slug: string): Promise<Parade> {
  const parade = await findParadeBySlug(ctx.db, slug);
  if (!parade) throw new InputError(reason('parade.unknown', { slug: slug.slice(0, 100) }), 'slug', 404);
  return parade;
}

function HeadLinks(props: { slug: string; baseUrl: string }) {
  return (
    <>
      <link rel="webmention" href={`${props.baseUrl}/webmention`} />
      <link rel="pingback" href={`${props.baseUrl}/xmlrpc`} />
      <link rel="alternate" type="application/rss+xml" href={`/p/${props.slug}/feed.xml`} />
      <link rel="alternate" type="application/atom+xml" href={`/p/${props.slug}/atom.xml`} />
      <link rel="alternate" type="application/feed+json" href={`/p/${props.slug}/feed.json`} />
    </>
  );
}

export function ParadeHeader(props: { parade: Parade }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  return (
    <>
      <h1>{parade.title}</h1>
      <p class="muted">
        <a href={parade.call_url}>{t.call}</a>
        {parade.prompt ? ` · ${t.prompt}: „${parade.prompt}“` : ''}
        {parade.deadline ? ` · ${t.deadline}: ${formatDate(parade.deadline, parade.lang)}` : ''}
      </p>
      <p>
        <a href={`/p/${parade.slug}/submit`}>{t.submit}</a> · {t.feeds}:{' '}
        <a href={`/p/${parade.slug}/feed.xml`}>RSS</a> <a href={`/p/${parade.slug}/atom.xml`}>Atom</a>{' '}
        <a href={`/p/${parade.slug}/feed.json`}>JSON</a> <a href={`/p/${parade.slug}/opml.xml`}>OPML</a> ·{' '}
        {t.roundup}: <a href={`/p/${parade.slug}/roundup.md`}>Markdown</a>{' '}
        <a href={`/p/${parade.slug}/roundup.html`}>HTML</a>
      </p>
    </>
  );
}

/** Entries that are not listed: host and reason only, no link, so spam gains nothing from the page. */
function NotListed(props: { lang: string; entries: EntryWithLists[] }) {
  const t = dictionary(props.lang);
  if (props.entries.length === 0) return null;
  return (
    <section class="not-listed">
      <h2>{t.notListed}</h2>
      <ul>
        {props.entries.map((e) => (
          <li>
            <span class="host">{hostOf(e.url)}</span> <StatusBadge lang={props.lang} status={e.status} />{' '}
            <span class="reason">{renderReason(entryReason(e), props.lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function paradePages(ctx: AppContext, limits: RateLimits, hooks: AppHooks = {}) {
  const app = new Hono();

  app.get('/:slug', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    setRequestLang(c, parade.lang);
    const t = dictionary(parade.lang);
    const entries = await listEntries(ctx.db, parade.id, {
      statuses: ['live', 'pending', 'unverified', 'failing', 'gone'],
    });
    const live = entries.filter((e) => e.status === 'live');
    const waiting = entries.filter((e) => e.status !== 'live');
    return c.html(
      <Layout
        lang={parade.lang}
        title={parade.title}
        head={<HeadLinks slug={parade.slug} baseUrl={ctx.config.baseUrl} />}
      >
        <ParadeHeader parade={parade} />
        <h2>
          {t.entries} ({live.length})
        </h2>
        {live.length === 0 ? <p>{t.noEntries}</p> : null}
        {live.map((e) => (
          <EntryCard
            lang={parade.lang}
            url={e.url}
            title={e.title}
            author={e.author}
            published={e.published}
            excerpt={e.excerpt}
            lists={e.lists}
          />
        ))}
        <NotListed lang={parade.lang} entries={waiting} />
      </Layout>,
    );
  });

  const submitPage = (
    parade: Parade,
    csrf: string,
    opts: { message?: string; error?: string; entry?: EntryWithLists; refresh?: boolean },
  ) => {
    const t = dictionary(parade.lang);
    const head = opts.refresh ? <meta http-equiv="refresh" content="2" /> : undefined;
    return (
      <Layout lang={parade.lang} title={`${t.submit} · ${parade.title}`} head={head}>
        <h1>{t.submit}</h1>
        <p>
          <a href={`/p/${parade.slug}`}>{parade.title}</a>
        </p>
        {opts.error ? <p role="alert">{opts.error}</p> : null}
        {opts.message ? <p role="status">{opts.message}</p> : null}
        {opts.entry ? <EntryReport lang={parade.lang} entry={opts.entry} /> : <p>{t.submitIntro}</p>}
        {parade.closed_at ? (
          <p>{t.closedNote}</p>
        ) : (
          <form method="post" action={`/p/${parade.slug}/submit`}>
            <input type="hidden" name={CSRF_FIELD} value={csrf} />
            <label for="url">{t.yourUrl}</label>
            <input type="url" id="url" name="url" required maxlength={2048} />
            <button type="submit">{t.submitButton}</button>
          </form>
        )}
      </Layout>
    );
  };

  /** With ?url=…, what korso made of that entry: status, why, and the lists it read. */
  // The form carries a per-visitor token: never stored by a shared cache.
  app.use('/:slug/submit', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/:slug/submit', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    setRequestLang(c, parade.lang);
    const t = dictionary(parade.lang);
    const csrf = csrfToken(c, ctx);
    const url = c.req.query('url');
    if (!url) return c.html(submitPage(parade, csrf, {}));
    const normalized = url.length <= 2048 ? normalizeUrl(url) : null;
    const found = normalized ? await findEntryByUrl(ctx.db, parade.id, normalized) : undefined;
    if (!found || found.status === 'rejected')
      return c.html(submitPage(parade, csrf, { error: t.unknownEntry }), 404);
    const [entry] = await listEntriesByIds(ctx.db, [found.id]);
    const fresh = Date.now() - new Date(found.created_at).getTime() < 2 * 60_000;
    const message =
      c.req.query('new') === '1' ? t.received : c.req.query('new') === '0' ? t.known : undefined;
    return c.html(submitPage(parade, csrf, { entry, message, refresh: found.status === 'pending' && fresh }));
  });

  app.post('/:slug/submit', formInput(entrySchema), async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    setRequestLang(c, parade.lang);
    const input = c.req.valid('form');
    const refuse = (error: InputError) =>
      c.html(submitPage(parade, csrfToken(c, ctx), { error: renderReason(error.reason, parade.lang) }), error.status);
    if (!input.ok) return refuse(input.error);
    // The host, signed in on this parade, registers entries without limits.
    if ((await hostProof(c, ctx, parade)) === null) await limits.submission(c, 'entry', parade.id, input.data.url);
    try {
      const { entry, created } = await registerEntry(ctx, parade, input.data.url, 'registration');
      if (created) hooks.onEntryAdded?.();
      const query = new URLSearchParams({ url: entry.url, new: created ? '1' : '0' });
      return c.redirect(`/p/${parade.slug}/submit?${query}`, 303);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return refuse(error);
    }
  });

  return app;
}
