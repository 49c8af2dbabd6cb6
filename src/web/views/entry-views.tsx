import { renderReason } from '../../reasons/catalog.js';
import type { EntryWithLists } from '../../store/entry-repository.js';
import { dictionary } from '../i18n.js';
import { entryReason } from '../reason-text.js';
import { ListsView } from './parade-views.js';

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
