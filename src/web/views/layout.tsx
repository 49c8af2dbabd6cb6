import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { dictionary } from '../i18n.js';

// Colours meet WCAG AA (4.5:1 for text) in both schemes; layout never needs sideways scrolling at 320 px.
const css = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#595959;--accent:#a3380f;--line:#d6d6d6;--soft:#f4f4f4;
--ok-bg:#e3f3e3;--ok-fg:#1b5e20;--wait-bg:#fbefd5;--wait-fg:#7a4a00;--bad-bg:#fbe0e0;--bad-fg:#8e1b1b;--bar:#a3380f;--korso-chart-bar:#a3380f;--korso-chart-late:#7a4a00}
@media (prefers-color-scheme:dark){:root{--bg:#141414;--fg:#ececec;--muted:#b3b3b3;--accent:#ff9e73;--line:#3a3a3a;--soft:#1f1f1f;
--ok-bg:#1d3a1d;--ok-fg:#cfe9cf;--wait-bg:#3d2e0f;--wait-fg:#f3dca8;--bad-bg:#4a1c1c;--bad-fg:#f6c2c2;--bar:#ff9e73;--korso-chart-bar:#ff9e73;--korso-chart-late:#f3dca8}}
*{box-sizing:border-box}
body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg);max-width:48rem;margin:0 auto;padding:1rem 1rem 4rem;overflow-wrap:anywhere}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip,.visually-hidden{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.4rem}
header.site{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid var(--line);margin-bottom:1.5rem}
header.site a{text-decoration:none;font-weight:700}.muted{color:var(--muted);font-size:.92em}
h1{line-height:1.2;margin:.2rem 0 .6rem;font-size:clamp(1.5rem,5vw,2rem)}h2{margin-top:2rem}
nav.parade{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.8rem 0;padding:.5rem 0;border-block:1px solid var(--line)}
.call{background:var(--soft);padding:.8rem 1rem;border-radius:.4rem}.call p{margin:.3rem 0}
.prompt{font-size:1.05em}
.badge,.status{display:inline-block;padding:0 .45em;border-radius:.3em;font-size:.85em;background:var(--soft);color:var(--fg);border:1px solid var(--line)}
.state-open,.status-live{background:var(--ok-bg);color:var(--ok-fg)}.state-closing,.late,.status-unverified,.status-pending{background:var(--wait-bg);color:var(--wait-fg)}
.state-closed,.status-failing,.status-gone,.status-rejected{background:var(--bad-bg);color:var(--bad-fg)}
ol.summary{padding-left:2.6rem}ol.summary li{margin:.35rem 0}ol.summary .meta{display:block}
article.entry{border-top:1px solid var(--line);padding:.8rem 0;scroll-margin-top:1rem}article.entry h3,article.entry h2{margin:.2rem 0;font-size:1.17em}
.list ul,.list ol{padding-left:1.4rem}.intro{font-style:italic;margin-bottom:.2rem}
.pager{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;margin:1.5rem 0}
figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto;color:var(--fg)}figure.chart figcaption{font-size:.9em;color:var(--muted)}figure.chart details{font-size:.9em}figure.chart table{margin-top:.4rem}
.theme{border-top:1px solid var(--line);padding:.6rem 0}.theme h3{margin:.1rem 0;font-size:1.05em}
form label{display:block;margin:.6rem 0 .2rem}input[type=url],input[type=text],input[type=datetime-local],input[type=date],textarea,select{width:100%;padding:.4rem;font:inherit;background:var(--bg);color:var(--fg);border:1px solid var(--muted);border-radius:.25rem}
button{font:inherit;padding:.4rem 1rem;margin-top:.8rem;background:var(--soft);color:var(--fg);border:1px solid var(--muted);border-radius:.25rem}
code.secret{word-break:break-all}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);padding:.6rem;border-radius:.3rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:.3rem;text-align:left;vertical-align:top}
@media (max-width:40rem){table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}table.stack thead{position:absolute;left:-9999px}table.stack tr{border-bottom:1px solid var(--line);padding:.4rem 0}table.stack td{border:0;padding:.15rem 0}}
footer.site{margin-top:3rem;border-top:1px solid var(--line);padding-top:.6rem}
`;

export interface PageMeta {
  /** One or two sentences for search engines and link previews. */
  description?: string;
  /** Absolute URL of this page's canonical form. */
  canonical?: string;
  /** Absolute URL shared as og:url (defaults to canonical). */
  ogType?: 'website' | 'article';
}

/** korso's mark: served at /favicon.svg (and /favicon.ico, which browsers ask for on their own). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a3380f"/><path d="M9 7v18M9 16l11-9M12 14l9 11" stroke="#fff" stroke-width="3.5" fill="none" stroke-linecap="round"/></svg>';

export function Layout(props: {
  lang: string;
  title: string;
  children: Child;
  head?: Child;
  meta?: PageMeta;
}) {
  const t = dictionary(props.lang);
  const meta = props.meta ?? {};
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title} · korso</title>
          {meta.description ? <meta name="description" content={meta.description} /> : null}
          {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
          <meta property="og:site_name" content="korso" />
          <meta property="og:title" content={props.title} />
          <meta property="og:type" content={meta.ogType ?? 'website'} />
          {meta.canonical ? <meta property="og:url" content={meta.canonical} /> : null}
          {meta.description ? <meta property="og:description" content={meta.description} /> : null}
          <meta property="og:locale" content={props.lang === 'en' ? 'en_GB' : 'de_DE'} />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <style dangerouslySetInnerHTML={{ __html: css }} />
          {props.head}
        </head>
        <body>
          <a class="skip" href="#main">
            {t.skipToContent}
          </a>
          <header class="site">
            <a href="/">korso</a>
          </header>
          <main id="main">{props.children}</main>
        </body>
      </html>
    </>
  );
}
