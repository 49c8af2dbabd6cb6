import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { withoutImages } from '../../sanitize/images.js';
import { countdown, formatDate, formatDeadline } from '../../publish/parade-state.js';
import type { Chart } from '../../publish/charts.js';
import type { PublishedList, PublishedParade } from '../../publish/types.js';
import { dictionary } from '../i18n.js';

/** The call on top of every parade page: what it asks, who hosts it, until when, and its state. */
export function ParadeHeader(props: { parade: PublishedParade; now: Date; heading?: 'h1' | 'p' }) {
  const { parade, now } = props;
  const t = dictionary(parade.lang);
  return (
    <section class="call" aria-label={t.call}>
      {props.heading === 'p' ? (
        <p>
          <strong>
            <a href={`/p/${parade.slug}`}>{parade.title}</a>
          </strong>
        </p>
      ) : (
        <h1>{parade.title}</h1>
      )}
      <p>
        <span class={`badge state-${parade.state}`}>{t.stateNames[parade.state]}</span>
        {parade.deadline ? (
          <>
            {' '}
            {t.deadline}:{' '}
            <time datetime={parade.deadline}>
              {formatDeadline(parade.deadline, parade.lang, parade.timeZone)}
            </time>
            {' · '}
            {countdown(parade.deadline, now, parade.lang, parade.timeZone)}
          </>
        ) : null}
      </p>
      {parade.hostName ? (
        <p>
          {t.host}: {parade.hostName}
        </p>
      ) : null}
      {parade.prompt && props.heading !== 'p' ? (
        <p class="prompt">
          {t.prompt}: „{parade.prompt}“
        </p>
      ) : null}
      {parade.hashtag ? (
        <p>
          {t.hashtag}: #{parade.hashtag.replace(/^#/, '')}
        </p>
      ) : null}
      <p>
        <a href={parade.callUrl}>{t.call}</a>
      </p>
    </section>
  );
}

export type ParadeSection = 'overview' | 'lists' | 'entries' | 'submit' | 'admin';

/** Links to everything a parade publishes. */
export function ParadeNav(props: { parade: PublishedParade; current: ParadeSection }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  const base = `/p/${parade.slug}`;
  const link = (section: ParadeSection, href: string, label: string) =>
    props.current === section ? (
      <a href={href} aria-current="page">
        {label}
      </a>
    ) : (
      <a href={href}>{label}</a>
    );
  return (
    <nav class="parade" aria-label={parade.title}>
      {link('overview', base, t.overview)}
      {link('lists', `${base}/lists`, t.byTheme)}
      {link('submit', `${base}/submit`, t.submit)}
      <span>
        {t.feeds}: <a href={`${base}/feed.xml`}>RSS</a> · <a href={`${base}/atom.xml`}>Atom</a> ·{' '}
        <a href={`${base}/feed.json`}>JSON</a> · <a href={`${base}/opml.xml`}>OPML</a>
      </span>
      <span>
        {t.roundup}: <a href={`${base}/roundup.html`}>HTML</a> · <a href={`${base}/roundup.md`}>Markdown</a>
      </span>
      <a href="/calendar.ics">{t.calendar}</a>
    </nav>
  );
}

/** Webmention, Pingback and feed discovery for a parade's pages. */
export function ParadeHeadLinks(props: { slug: string; baseUrl: string }) {
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

/** What a compact row shows of an entry. */
export interface SummaryRow {
  number: number;
  /** Where the entry is shown in full (this page's anchor or another page). */
  href: string;
  title: string;
  blogName: string;
  blogHost: string;
  author: string | null;
  published: string | null;
  late: boolean;
  itemCount: number;
}

/** One line per entry, numbered in the order the entries arrived, newest on top. */
export function SummaryList(props: { rows: SummaryRow[]; lang: string; zone: string }) {
  const t = dictionary(props.lang);
  return (
    <ol class="summary">
      {props.rows.map((row) => (
        <li value={String(row.number)}>
          <a href={row.href}>{row.title}</a>
          <span class="meta muted">
            {row.blogName}
            {row.blogName !== row.blogHost ? ` (${row.blogHost})` : ''}
            {row.author ? ` · ${row.author}` : ''}
            {row.published ? ` · ${formatDate(row.published, props.lang, props.zone)}` : ''} ·{' '}
            {row.late ? <span class="badge late">{t.late}</span> : t.onTime} · {t.itemCount(row.itemCount)}
          </span>
        </li>
      ))}
    </ol>
  );
}

export interface EntryCardProps {
  /** The card's heading level: h3 under a section heading, h2 on a page of entries. */
  level?: 2 | 3;
  lang: string;
  zone: string;
  id: number;
  number?: number;
  url: string;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  late: boolean;
  blogName: string;
  blogUrl: string;
  lists: PublishedList[];
}

/** An entry in full: its title, blog, author, date, lead-in and every list, nested lists under their item. */
export function EntryCard(props: EntryCardProps) {
  const t = dictionary(props.lang);
  const heading = (
    <>
      {props.number !== undefined ? <span class="num">{props.number}. </span> : null}
      <a class="u-url p-name" href={props.url}>
        {props.title ?? props.url}
      </a>
    </>
  );
  return (
    <article class="entry h-entry" id={`e-${props.id}`}>
      {props.level === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>}
      <p class="muted">
        <a href={props.blogUrl}>{props.blogName}</a>
        {props.author ? (
          <>
            {' · '}
            {t.by} <span class="p-author">{props.author}</span>
          </>
        ) : null}
        {props.published ? (
          <>
            {' · '}
            <time class="dt-published" datetime={props.published}>
              {formatDate(props.published, props.lang, props.zone)}
            </time>
          </>
        ) : null}
        {props.late ? (
          <>
            {' '}
            <span class="badge late">{t.late}</span>
          </>
        ) : null}
      </p>
      {props.excerpt ? <p class="p-summary">{props.excerpt}</p> : null}
      <ListsView lists={props.lists} />
    </article>
  );
}

/** Top-level lists with their lead-ins; a nested list is rendered inside the item it belongs to. */
export function ListsView(props: { lists: PublishedList[] }) {
  const children = new Map<string, number[]>();
  props.lists.forEach((list, index) => {
    if (!list.parent) return;
    const key = `${list.parent.list}:${list.parent.item}`;
    const known = children.get(key);
    if (known) known.push(index);
    else children.set(key, [index]);
  });
  const isNested = (list: PublishedList) =>
    list.parent != null && list.parent.list >= 0 && list.parent.list < props.lists.length;
  const render = (index: number, depth: number): Child => {
    const list = props.lists[index];
    if (!list) return null;
    const items = list.items.map((item, i) => {
      const nested = depth < 6 ? (children.get(`${index}:${i}`) ?? []) : [];
      return (
        <li>
          {/* Item html came out of sanitize/ at ingest (images left out: no third-party loads); the rest is escaped by JSX. */}
          {item.html ? raw(withoutImages(item.html)) : item.text}
          {nested.map((n) => render(n, depth + 1))}
        </li>
      );
    });
    return (
      <>
        {list.intro && depth > 0 ? <p class="intro">{list.intro}</p> : null}
        {list.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
      </>
    );
  };
  return (
    <>
      {props.lists.map((list, index) =>
        isNested(list) ? null : (
          <div class="list">
            {list.intro ? <p class="intro">{list.intro}</p> : null}
            {render(index, 0)}
          </div>
        ),
      )}
    </>
  );
}

/** Links to the neighbouring pages of a paged list. */
export function Pager(props: {
  lang: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  newer?: string;
  older?: string;
  /** Names this pager when a page has two (above and below the list). */
  label?: string;
}) {
  const t = dictionary(props.lang);
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.label ?? t.pageOf(props.page, props.pages)}>
      {props.page > 1 ? (
        <a href={props.href(props.page - 1)} rel="prev">
          ← {props.newer ?? t.newer}
        </a>
      ) : (
        <span />
      )}
      <span class="muted">{t.pageOf(props.page, props.pages)}</span>
      {props.page < props.pages ? (
        <a href={props.href(props.page + 1)} rel="next">
          {props.older ?? t.older} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A picture drawn on the server, with its sentence and its data as a table for those who would rather read. */
export function ChartFigure(props: { chart: Chart; lang: string }) {
  const t = dictionary(props.lang);
  return (
    <figure class="chart">
      {/* SVG and table come out of publish/charts, which escapes every label. */}
      {raw(props.chart.svg)}
      <figcaption>{props.chart.summary}</figcaption>
      <details>
        <summary>{t.chartData}</summary>
        {raw(props.chart.tableHtml)}
      </details>
    </figure>
  );
}
