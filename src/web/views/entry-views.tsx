import { raw } from 'hono/html';
import type { EntryWithLists, StoredList } from '../../store/entry-repository.js';
import { dictionary, formatDate } from '../i18n.js';
import { renderReason } from '../../reasons/catalog.js';
import { withoutImages } from '../../sanitize/images.js';
import { entryReason } from '../reason-text.js';

export function ListsView(props: { lists: StoredList[] }) {
  return (
    <>
      {props.lists.map((list) => {
        // Item html came out of sanitize/ at ingest; everything else is escaped by JSX.
        const items = list.items.map((item) => <li>{item.html ? raw(withoutImages(item.html)) : item.text}</li>);
        return (
          <div class="list">
            {list.intro ? <p class="intro">{list.intro}</p> : null}
            {list.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
          </div>
        );
      })}
    </>
  );
}

export interface EntryCardProps {
  lang: string;
  url: string;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  lists: StoredList[];
}

export function EntryCard(props: EntryCardProps) {
  const t = dictionary(props.lang);
  return (
    <article class="entry h-entry">
      <h3>
        <a class="u-url p-name" href={props.url}>
          {props.title ?? props.url}
        </a>
      </h3>
      <p class="muted">
        {props.author ? (
          <>
            {t.by} <span class="p-author">{props.author}</span>
          </>
        ) : null}
        {props.published ? (
          <>
            {props.author ? ' · ' : ''}
            <time class="dt-published" datetime={props.published}>
              {formatDate(props.published, props.lang)}
            </time>
          </>
        ) : null}
      </p>
      {props.excerpt ? <p>{props.excerpt}</p> : null}
      <ListsView lists={props.lists} />
    </article>
  );
}

export function StatusBadge(props: { lang: string; status: string }) {
  const t = dictionary(props.lang);
  return <span class={`status status-${props.status}`}>{t.statusNames[props.status] ?? props.status}</span>;
}

/** What korso found for one entry, for the blogger who registered it. */
export function EntryReport(props: { lang: string; entry: EntryWithLists }) {
  const t = dictionary(props.lang);
  const { entry } = props;
  const items = entry.lists.reduce((n, l) => n + l.items.length, 0);
  return (
    <section class="entry-report">
      <p>
        <a href={entry.url} rel="nofollow noopener">
          {entry.title ?? entry.url}
        </a>
      </p>
      <p>
        {t.status}: <StatusBadge lang={props.lang} status={entry.status} />{' '}
        <span class="reason">{renderReason(entryReason(entry), props.lang)}</span>
      </p>
      {entry.last_fetched_at ? (
        <p class="muted">
          {t.listsFound(entry.lists.length, items)}
          {entry.http_status ? ` · HTTP ${entry.http_status}` : ''}
          {entry.final_url && entry.final_url !== entry.url ? ` · ${t.redirectedTo} ${entry.final_url}` : ''}
        </p>
      ) : null}
      <ListsView lists={entry.lists} />
    </section>
  );
}
