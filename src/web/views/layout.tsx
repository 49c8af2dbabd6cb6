import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

const css = `
:root{color-scheme:light dark;--accent:#b4441c;--muted:#666}
body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:0 auto;padding:1rem 1.2rem 4rem}
a{color:var(--accent)}header.site{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid #ccc;margin-bottom:1.5rem}
header.site a{text-decoration:none;font-weight:700}.muted{color:var(--muted);font-size:.9em}
article.entry{border-top:1px solid #ddd;padding:.8rem 0}article.entry h3{margin:.2rem 0}
.status{display:inline-block;padding:0 .4em;border-radius:.3em;background:#eee;color:#333;font-size:.85em}
.status-live{background:#d9f2d9}.status-failing,.status-gone{background:#f7d6d6}.status-unverified,.status-pending{background:#f7ecd0}
form label{display:block;margin:.6rem 0 .2rem}input[type=url],input[type=text],input[type=datetime-local],textarea,select{width:100%;padding:.4rem;font:inherit;box-sizing:border-box}
button{font:inherit;padding:.4rem 1rem;margin-top:.8rem}code.secret{word-break:break-all}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
`;

export function Layout(props: { lang: string; title: string; children: Child; head?: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title} · korso</title>
          <style dangerouslySetInnerHTML={{ __html: css }} />
          {props.head}
        </head>
        <body>
          <header class="site">
            <a href="/">korso</a>
          </header>
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}
