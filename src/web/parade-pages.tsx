import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ParadeRow } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import type { AppHooks } from './app.js';
import { InputError, registerEntry, tokenMatches } from '../parades/parade-service.js';
import { type EntryWithLists, findEntry, listEntries, moderateEntry } from '../store/entry-repository.js';
import { findParadeBySlug } from '../store/parade-repository.js';
import { dictionary, formatDate } from './i18n.js';
import { EntryCard, StatusBadge } from './views/entry-views.js';
import { Layout } from './views/layout.js';

async function paradeOr404(ctx: AppContext, slug: string): Promise<ParadeRow> {
  const parade = await findParadeBySlug(ctx.db, slug);
  if (!parade) throw new HTTPException(404, { message: `no parade "${slug}"` });
  return parade;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function FeedLinks(props: { slug: string }) {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" href={`/p/${props.slug}/feed.xml`} />
      <link rel="alternate" type="application/atom+xml" href={`/p/${props.slug}/atom.xml`} />
      <link rel="alternate" type="application/feed+json" href={`/p/${props.slug}/feed.json`} />
    </>
  );
}

function ParadeHeader(props: { parade: ParadeRow }) {
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
        <a href={`/p/${parade.slug}/submit`}>{t.submit}</a> · {t.feeds}: <a href={`/p/${parade.slug}/feed.xml`}>RSS</a>{' '}
        <a href={`/p/${parade.slug}/atom.xml`}>Atom</a> <a href={`/p/${parade.slug}/feed.json`}>JSON</a>
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
            <span class="reason">{e.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function paradePages(ctx: AppContext, hooks: AppHooks = {}) {
  const app = new Hono();

  app.get('/:slug', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const t = dictionary(parade.lang);
    const entries = await listEntries(ctx.db, parade.id, {
      statuses: ['live', 'pending', 'unverified', 'failing', 'gone'],
    });
    const live = entries.filter((e) => e.status === 'live');
    const waiting = entries.filter((e) => e.status !== 'live');
    return c.html(
      <Layout lang={parade.lang} title={parade.title} head={<FeedLinks slug={parade.slug} />}>
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

  const submitPage = (parade: ParadeRow, opts: { message?: string; error?: string; entry?: EntryWithLists }) => {
    const t = dictionary(parade.lang);
    return (
      <Layout lang={parade.lang} title={`${t.submit} · ${parade.title}`}>
        <h1>{t.submit}</h1>
        <p>
          <a href={`/p/${parade.slug}`}>{parade.title}</a>
        </p>
        <p>{t.submitIntro}</p>
        {opts.error ? <p role="alert">{opts.error}</p> : null}
        {opts.message ? <p role="status">{opts.message}</p> : null}
        {opts.entry ? (
          <p>
            {t.status}: <StatusBadge lang={parade.lang} status={opts.entry.status} /> {opts.entry.reason}
          </p>
        ) : null}
        <form method="post" action={`/p/${parade.slug}/submit`}>
          <label for="url">{t.yourUrl}</label>
          <input type="url" id="url" name="url" required />
          <button type="submit">{t.submitButton}</button>
        </form>
      </Layout>
    );
  };

  app.get('/:slug/submit', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    return c.html(submitPage(parade, {}));
  });

  app.post('/:slug/submit', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const t = dictionary(parade.lang);
    const body = await c.req.parseBody();
    const url = typeof body.url === 'string' ? body.url : '';
    try {
      const { entry, created } = await registerEntry(ctx, parade, url, 'registration');
      if (created) hooks.onEntryAdded?.();
      const [withLists] = await listEntries(ctx.db, parade.id, {}).then((all) => all.filter((e) => e.id === entry.id));
      return c.html(submitPage(parade, { message: created ? t.received : t.known, entry: withLists }), created ? 201 : 200);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return c.html(submitPage(parade, { error: error.message }), 400);
    }
  });

  const requireAdmin = (parade: ParadeRow, token: string | undefined) => {
    if (!token || !tokenMatches(token, parade.admin_token_hash)) {
      throw new HTTPException(403, { message: 'this admin address is not valid' });
    }
  };

  app.get('/:slug/admin', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const token = c.req.query('token');
    requireAdmin(parade, token);
    const t = dictionary(parade.lang);
    const entries = await listEntries(ctx.db, parade.id);
    return c.html(
      <Layout lang={parade.lang} title={`${t.admin} · ${parade.title}`}>
        <ParadeHeader parade={parade} />
        <h2>
          {t.allEntries} ({entries.length})
        </h2>
        <table>
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
                    {e.last_fetched_at ? ` · ${t.lastChecked} ${formatDate(e.last_fetched_at, parade.lang)}` : ''} ·{' '}
                    {e.lists.reduce((n, l) => n + l.items.length, 0)} items
                  </div>
                </td>
                <td>
                  <StatusBadge lang={parade.lang} status={e.status} />
                </td>
                <td>{e.reason}</td>
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
      </Layout>,
    );
  });

  app.post('/:slug/admin/entries/:id', async (c) => {
    const parade = await paradeOr404(ctx, c.req.param('slug'));
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token : undefined;
    requireAdmin(parade, token);
    const entry = await findEntry(ctx.db, Number(c.req.param('id')));
    if (!entry || entry.parade_id !== parade.id) throw new HTTPException(404, { message: 'no such entry' });
    const now = ctx.clock.now().toISOString();
    if (body.action === 'approve') await moderateEntry(ctx.db, entry.id, 'approved', now);
    else if (body.action === 'reject') await moderateEntry(ctx.db, entry.id, 'rejected', now);
    else throw new HTTPException(400, { message: 'action must be approve or reject' });
    ctx.log.info('entry.moderated', { parade: parade.slug, url: entry.url, status: body.action });
    return c.redirect(`/p/${parade.slug}/admin?token=${encodeURIComponent(token ?? '')}`, 303);
  });

  return app;
}
