import type { DiscoveryRun, DiscoverySource } from '../../store/discovery-repository.js';
import { dictionary, formatDate } from '../i18n.js';
import { localizeReason } from '../reason-text.js';

export interface DiscoveryOverview {
  roads: Record<string, number>;
  statuses: Record<string, number>;
  lastRun: DiscoveryRun | undefined;
  sources: DiscoverySource[];
  /** All sources of the parade; `sources` holds the first of them. */
  sourcesTotal: number;
}

interface PassCounts {
  items: number;
  candidates: number;
  window: number;
  deferred: number;
  pages: number;
}

const words = {
  de: {
    lastPass: (c: PassCounts) =>
      [
        `Gelesen: ${c.items} · vorgeschlagen: ${c.candidates} · davon nur wegen des Zeitraums: ${c.window}`,
        c.pages > 0 ? ` · weitere Seiten: ${c.pages}` : '',
        c.deferred > 0 ? ` · Obergrenze erreicht, ${c.deferred} für den nächsten Lauf` : '',
      ].join(''),
    runTotals: (c: Omit<PassCounts, 'candidates'>) =>
      `${c.items} gelesen, ${c.window} nur wegen des Zeitraums vorgeschlagen, ${c.pages} Seiten über die Aufrufseite hinaus, ${c.deferred} wegen einer Obergrenze verschoben`,
    moreSources: (shown: number, total: number) =>
      `Gezeigt: ${shown} von ${total} Quellen (zuerst der Aufruf, dann die mit Fehler, dann die zuletzt gelesenen).`,
    windowNote: (graceDays: number) =>
      `„Nur wegen des Zeitraums“: neue Beiträge von Teilnehmer-Blogs, erschienen zwischen Aufruf und Einsendeschluss plus ${graceDays} Tage, auch wenn ihr Feed nur einen Anriss zeigt. Ob sie den Aufruf verlinken, prüft korso auf der Seite selbst; was ihn nicht verlinkt, wartet hier auf deine Entscheidung.`,
  },
  en: {
    lastPass: (c: PassCounts) =>
      [
        `Read: ${c.items} · proposed: ${c.candidates} · of these only for the window: ${c.window}`,
        c.pages > 0 ? ` · further pages: ${c.pages}` : '',
        c.deferred > 0 ? ` · cap reached, ${c.deferred} left for the next run` : '',
      ].join(''),
    runTotals: (c: Omit<PassCounts, 'candidates'>) =>
      `${c.items} read, ${c.window} proposed only for the window, ${c.pages} pages beyond the call page, ${c.deferred} put off by a cap`,
    moreSources: (shown: number, total: number) =>
      `Showing ${shown} of ${total} sources (the call first, then those that failed, then the most recently read).`,
    windowNote: (graceDays: number) =>
      `"Only for the window": new posts of participant blogs published between the call and the deadline plus ${graceDays} days, even when their feed shows only a teaser. korso checks on the page itself whether they link the call; those that do not wait here for your decision.`,
  },
};

/** The host's view of discovery: roads, the last run with its totals, and every source with what its last pass did. */
export function DiscoverySection(props: { lang: string; overview: DiscoveryOverview; graceDays: number }) {
  const t = dictionary(props.lang);
  const w = props.lang === 'en' ? words.en : words.de;
  const { roads, lastRun, sources } = props.overview;
  return (
    <section class="discovery">
      <h2>{t.discovery}</h2>
      <p class="roads">
        {t.roads}:{' '}
        {Object.entries(roads)
          .map(([road, n]) => `${road} ${n}`)
          .join(' · ') || '–'}
      </p>
      <p class="last-run">
        {t.lastRun}:{' '}
        {lastRun
          ? `${formatDate(lastRun.started_at, props.lang)} ${lastRun.started_at.slice(11, 16)} UTC — ${t.runSummary(lastRun)}`
          : t.neverRun}
        {lastRun ? (
          <span class="run-totals">
            {' '}
            (
            {w.runTotals({
              items: lastRun.items,
              window: lastRun.window_candidates,
              pages: lastRun.pages,
              deferred: lastRun.deferred,
            })}
            )
          </span>
        ) : null}
      </p>
      {sources.length > 0 ? (
        <>
          <table class="sources stack">
            <thead>
              <tr>
                <th>{t.sources}</th>
                <th>{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <td>
                    {s.kind}: {s.feed_url ?? s.url}
                    <div class="muted">
                      {t.foundVia}: {t.sourceOrigin(s.found_via ?? '')}
                    </div>
                  </td>
                  <td>
                    {s.last_error
                      ? localizeReason(s.last_error, props.lang)
                      : s.last_ok_at
                        ? `${t.ok} · ${s.candidates}`
                        : '–'}
                    {s.last_ok_at ? (
                      <div class={s.last_deferred > 0 ? 'pass capped' : 'pass'}>
                        {w.lastPass({
                          items: s.last_items,
                          candidates: s.last_candidates,
                          window: s.last_window,
                          deferred: s.last_deferred,
                          pages: s.last_pages,
                        })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {props.overview.sourcesTotal > sources.length ? (
            <p class="muted">{w.moreSources(sources.length, props.overview.sourcesTotal)}</p>
          ) : null}
          <p class="muted window-note">{w.windowNote(props.graceDays)}</p>
        </>
      ) : null}
    </section>
  );
}
