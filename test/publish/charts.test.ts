import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { entriesPerDayChart, themeBarsChart } from '../../src/publish/charts.js';
import type { PublishedTheme } from '../../src/publish/types.js';
import { xmlErrors } from './xml-check.js';

const parade = {
  createdAt: '2026-04-01T10:00:00.000Z',
  deadline: '2026-05-15T21:59:59.000Z',
  timeZone: 'Europe/Berlin',
  lang: 'de',
};
const at = (iso: string, late = false) => ({ published: iso, firstSeen: iso, late });

function svgOf(svg: string) {
  expect(xmlErrors(svg)).toEqual([]);
  return cheerio.load(svg, { xml: true });
}

/** Colours are currentColor or CSS variables, so the picture follows light and dark pages. */
function expectNoFixedColours(svg: string) {
  expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|hsl\(|(fill|stroke)="(?!currentColor|none)[a-z]/i);
}

describe('entries per day', () => {
  it('counts entries per calendar day of the parade’s zone and marks the deadline', () => {
    const chart = entriesPerDayChart(parade, [
      at('2026-04-02T08:00:00Z'),
      at('2026-04-02T20:00:00Z'),
      // 23:30 UTC on 14 May is 15 May in Berlin.
      at('2026-05-14T23:30:00Z'),
      at('2026-05-16T09:00:00Z', true),
    ]);
    expect(chart.bars).toHaveLength(46);
    expect(chart.bars[0]).toEqual({ date: '2026-04-01', days: 1, label: '1. April', onTime: 0, late: 0 });
    expect(chart.bars[1]).toMatchObject({ date: '2026-04-02', onTime: 2, late: 0 });
    expect(chart.bars[44]).toMatchObject({ date: '2026-05-15', onTime: 1, late: 0 });
    expect(chart.bars[45]).toMatchObject({ date: '2026-05-16', onTime: 0, late: 1 });
    const $ = svgOf(entriesPerDayChart(parade, [at('2026-05-16T09:00:00Z', true)]).svg);
    expect($('text').filter((_i, t) => $(t).text() === 'Einsendeschluss 15. Mai')).toHaveLength(1);
    expect($('line[stroke-dasharray="5 3"]')).toHaveLength(1);
  });

  it.each([
    ['one day', '2026-05-15T08:00:00Z', '2026-05-15T21:59:59Z', [], 1, 1],
    ['a month', '2026-04-16T08:00:00Z', '2026-05-15T21:59:59Z', [], 30, 1],
    ['200 days', '2025-10-28T08:00:00Z', '2026-05-15T21:59:59Z', [], 200, 1],
    ['201 days, two per bar', '2025-10-27T08:00:00Z', '2026-05-15T21:59:59Z', [], 101, 2],
    [
      'an entry before the parade',
      '2026-05-10T08:00:00Z',
      '2026-05-15T21:59:59Z',
      ['2026-05-01T08:00:00Z'],
      15,
      1,
    ],
    [
      'an entry after the deadline',
      '2026-05-10T08:00:00Z',
      '2026-05-15T21:59:59Z',
      ['2026-05-20T08:00:00Z'],
      11,
      1,
    ],
    ['no deadline', '2026-05-10T08:00:00Z', null, ['2026-05-12T08:00:00Z'], 3, 1],
  ])('spans %s', (_name, createdAt, deadline, dates, bars, days) => {
    const chart = entriesPerDayChart(
      { ...parade, createdAt, deadline },
      dates.map((d) => at(d)),
    );
    expect(chart.bars).toHaveLength(bars);
    expect(chart.bars[0]?.days).toBe(days);
    const $ = svgOf(chart.svg);
    expect($('rect[style*="korso-chart-bar"]')).toHaveLength(dates.length + 1); // bars plus the legend swatch
    expect($('line[stroke-dasharray="5 3"]')).toHaveLength(deadline ? 1 : 0);
  });

  it('hatches late entries and says in words how many there are', () => {
    const chart = entriesPerDayChart(parade, [
      at('2026-05-14T10:00:00Z'),
      at('2026-05-14T11:00:00Z'),
      at('2026-05-16T10:00:00Z', true),
      at('2026-05-17T10:00:00Z', true),
    ]);
    const $ = svgOf(chart.svg);
    expect($('rect[style*="url(#korso-entries-per-day-hatch)"]')).toHaveLength(3); // two bars and the legend
    expect($('pattern#korso-entries-per-day-hatch')).toHaveLength(1);
    expect(
      $('g > title')
        .map((_i, t) => $(t).text())
        .get(),
    ).toEqual([
      '14. Mai: 2 Beiträge',
      '16. Mai: 1 Beitrag, davon 1 verspätet',
      '17. Mai: 1 Beitrag, davon 1 verspätet',
    ]);
    expect(chart.summary).toBe(
      '4 Beiträge vom 14. Mai 2026 bis zum 17. Mai 2026; die meisten (2) am 14. Mai. 2 nach dem Einsendeschluss am 15. Mai 2026.',
    );
    const table = cheerio.load(chart.tableHtml);
    expect(table('caption').text()).toBe('Beiträge pro Tag');
    expect(
      table('tbody tr')
        .map((_i, r) => table(r).text())
        .get(),
    ).toEqual(['14. Mai20', '16. Mai11', '17. Mai11']);
  });

  it.each([
    ['de', [], 'Noch keine Beiträge. Einsendeschluss: 15. Mai 2026.'],
    ['en', [], 'No entries yet. Deadline: 15 May 2026.'],
    ['en', [at('2026-05-01T10:00:00Z')], 'One entry on 1 May 2026. Deadline: 15 May 2026.'],
    [
      'en',
      [at('2026-05-01T10:00:00Z'), at('2026-05-20T10:00:00Z', true)],
      '2 entries from 1 May 2026 to 20 May 2026; the most (1) on 1 May. One after the deadline on 15 May 2026.',
    ],
  ])('describes itself in %s: %j', (lang, entries, summary) => {
    const chart = entriesPerDayChart({ ...parade, lang }, entries);
    expect(chart.summary).toBe(summary);
    const $ = svgOf(chart.svg);
    expect($('svg').attr('role')).toBe('img');
    expect($('svg').attr('aria-labelledby')).toBe('korso-entries-per-day-title korso-entries-per-day-desc');
    expect($('svg > title#korso-entries-per-day-title').text()).toBe(
      lang === 'en' ? 'Entries per day' : 'Beiträge pro Tag',
    );
    expect($('svg > desc#korso-entries-per-day-desc').text()).toBe(chart.summary);
  });

  it('scales to the page and stays in the page’s colours', () => {
    const chart = entriesPerDayChart(parade, [at('2026-05-14T10:00:00Z'), at('2026-05-16T10:00:00Z', true)], {
      id: 'overview chart"',
    });
    const $ = svgOf(chart.svg);
    expect($('svg').attr('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect($('svg').attr('width')).toBe('100%');
    expect($('svg').attr('height')).toBeUndefined();
    expect($('pattern').attr('id')).toBe('overview-chart--hatch');
    expectNoFixedColours(chart.svg);
  });
});

const theme = (label: string, n: number): PublishedTheme => ({
  label,
  participants: Array.from({ length: n }, (_x, i) => ({ name: `P${i}`, url: `https://p${i}.example/` })),
  items: [],
});

describe('theme bars', () => {
  it('draws the largest themes first, each with label and count, escaped', () => {
    const themes = [theme('Kuchen', 2), theme('Zahlt <pünktlich> & "fair"', 9), theme('Neugier', 5)];
    const chart = themeBarsChart(themes, { lang: 'de' });
    const $ = svgOf(chart.svg);
    expect(
      $('g > g > text')
        .map((_i, t) => $(t).text())
        .get(),
    ).toEqual(['Zahlt <pünktlich> & "fair"', '9', 'Neugier', '5', 'Kuchen', '2']);
    const widths = $('g > g > rect')
      .map((_i, r) => Number($(r).attr('width')))
      .get();
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(chart.svg).not.toContain('<pünktlich>');
    expect(chart.summary).toBe(
      'Die häufigsten Themen: Zahlt <pünktlich> & "fair" (9), Neugier (5), Kuchen (2).',
    );
    expect(cheerio.load(chart.tableHtml)('tbody th').first().text()).toBe('Zahlt <pünktlich> & "fair"');
    expect($('svg').attr('role')).toBe('img');
    expect($('svg > desc').text()).toBe(chart.summary);
    expectNoFixedColours(chart.svg);
  });

  it('keeps to the limit and shortens long labels in the picture only', () => {
    const long =
      'Ein sehr langes Thema mit vielen Worten, das weit über die Breite hinaus geht und gekürzt wird';
    const themes = [
      theme(long, 20),
      ...Array.from({ length: 15 }, (_x, i) => theme(`Thema ${i}`, 10 - (i % 5))),
    ];
    const chart = themeBarsChart(themes, { lang: 'en', limit: 8 });
    const $ = svgOf(chart.svg);
    expect($('g > g')).toHaveLength(8);
    const first = $('g > g > text').first().text();
    expect(first.endsWith('…')).toBe(true);
    expect(long.startsWith(first.slice(0, -1))).toBe(true);
    expect($('g > g > title').first().text()).toBe(`${long}: 20 participants`);
    expect(cheerio.load(chart.tableHtml)('tbody tr')).toHaveLength(8);
  });

  it('says so when there are no themes', () => {
    const chart = themeBarsChart([], { lang: 'en' });
    expect(chart.summary).toBe('No shared themes yet.');
    expect(svgOf(chart.svg)('rect')).toHaveLength(0);
  });
});
