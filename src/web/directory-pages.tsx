import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { createParade, InputError } from '../parades/parade-service.js';
import { listParades } from '../store/parade-repository.js';
import { dictionary, formatDate } from './i18n.js';
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

export function directoryPages(ctx: AppContext) {
  const app = new Hono();

  app.get('/', async (c) => {
    const t = dictionary('de');
    const parades = await listParades(ctx.db);
    return c.html(
      <Layout lang="de" title={t.directory}>
        <h1>{t.directory}</h1>
        <p>{t.directoryIntro}</p>
        {parades.length === 0 ? <p>{t.noParades}</p> : null}
        <ul class="parades">
          {parades.map((p) => (
            <li>
              <a href={`/p/${p.slug}`}>{p.title}</a>{' '}
              <span class="muted">
                · {p.liveCount} {dictionary(p.lang).entries}
                {p.deadline ? ` · ${dictionary(p.lang).deadline} ${formatDate(p.deadline, p.lang)}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <a href="/new">{t.newParade}</a>
        </p>
      </Layout>,
    );
  });

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
      const lang = created.parade.lang;
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
