import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { themeBarsChart } from '../publish/charts.js';
import { dictionary } from './i18n.js';
import { CACHE_CONTROL, type PageCache } from './page-cache.js';
import { html, pageCount, pageParam, paradeOr404, validUntil } from './parade-pages.js';
import { publishedParade } from './presenters.js';
import { computeThemes, paradeThemes, publishedThemes } from './theme-data.js';
import { Layout } from './views/layout.js';
import { ChartFigure, Pager, ParadeHeader, ParadeHeadLinks, ParadeNav } from './views/parade-views.js';

/** Themes per page of the lists view; the largest come first. */
export const THEMES_PER_PAGE = 30;
/** Answers shown under a theme; the rest are counted (the themes API has them all). */
export const ITEMS_PER_THEME = 12;

/** All answers by theme: as a page (paged) and as data for the API. */
export function themePages(ctx: AppContext, pages: PageCache) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  app.get('/p/:slug/lists', (c) => {
    const slug = c.req.param('slug');
    const page = pageParam(c.req.query('page'));
    return pages.respond(c, { slug }, `lists?page=${page}`, CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const now = ctx.clock.now();
      const pub = publishedParade(parade, baseUrl, now);
      const t = dictionary(parade.lang);
      const doc = await paradeThemes(ctx, pages, slug);
      const pagesTotal = pageCount(doc.themes.length, THEMES_PER_PAGE, page);
      const first = (page - 1) * THEMES_PER_PAGE;
      const shown = doc.themes.slice(first, first + THEMES_PER_PAGE);
      const pager = (where: string) => (
        <Pager
          lang={parade.lang}
          page={page}
          pages={pagesTotal}
          label={`${t.pageOf(page, pagesTotal)} (${where})`}
          newer={t.fewerThemes}
          older={t.moreThemes}
          href={(n) => `/p/${parade.slug}/lists${n === 1 ? '' : `?page=${n}`}`}
        />
      );
      return html(
        <Layout
          lang={parade.lang}
          title={`${t.byTheme} · ${parade.title}`}
          head={<ParadeHeadLinks slug={parade.slug} baseUrl={baseUrl} />}
          meta={{
            description: t.themesIntro(doc.items, doc.entries),
            canonical: `${pub.url}/lists${page === 1 ? '' : `?page=${page}`}`,
          }}
        >
          <ParadeHeader parade={pub} now={now} heading="p" />
          <ParadeNav parade={pub} current="lists" />
          <h1>{t.byTheme}</h1>
          {doc.themes.length === 0 ? (
            <p>{t.noThemes}</p>
          ) : (
            <>
              <p>{t.themesIntro(doc.items, doc.entries)}</p>
              {page === 1 ? (
                <ChartFigure
                  chart={themeBarsChart(publishedThemes(doc), { lang: parade.lang, limit: 10 })}
                  lang={parade.lang}
                />
              ) : null}
              {pager(t.top)}
              {shown.map((theme, i) => (
                <section class="theme" aria-labelledby={`theme-${first + i + 1}`}>
                  <h2 id={`theme-${first + i + 1}`}>{theme.label}</h2>
                  <p class="muted">{t.namedBy(theme.participants)}</p>
                  <ul>
                    {theme.items.slice(0, ITEMS_PER_THEME).map((item) => {
                      const who = theme.who.find((w) => w.url === item.url);
                      return (
                        <li>
                          {item.text}{' '}
                          <span class="muted">
                            — <a href={item.url}>{who?.name ?? item.url}</a>
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                  {theme.items.length > ITEMS_PER_THEME ? (
                    <p class="muted">{t.moreAnswers(theme.items.length - ITEMS_PER_THEME)}</p>
                  ) : null}
                </section>
              ))}
              {pager(t.bottom)}
            </>
          )}
        </Layout>,
        validUntil(parade, now),
      );
    });
  });

  app.get('/api/parades/:slug/themes', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'themes.json', CACHE_CONTROL.page, async () => ({
      body: JSON.stringify(await computeThemes(ctx, slug)),
      contentType: 'application/json; charset=UTF-8',
    }));
  });

  return app;
}
