import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderCalendar } from '../../src/publish/calendar-renderer.js';
import { renderOpml } from '../../src/publish/opml-renderer.js';
import { escapeMarkdown, renderRoundupHtml, renderRoundupMarkdown } from '../../src/publish/roundup-renderer.js';
import type { PublishedEntry, PublishedParade } from '../../src/publish/types.js';

const parade: PublishedParade = {
  slug: 'wunschkunde',
  title: 'Mein Wunschkunde ist …',
  callUrl: 'https://host.example/aufruf/',
  prompt: null,
  lang: 'de',
  deadline: '2026-12-27T21:59:59.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  hashtag: null,
  hostName: null,
  timeZone: 'Europe/Berlin',
  state: 'open',
  url: 'https://korso.example/p/wunschkunde',
  roundupIntro: null,
};

const entry = (over: Partial<PublishedEntry>): PublishedEntry => ({
  id: 1,
  late: false,
  blogName: 'a.example',
  blogUrl: 'https://a.example/',
  feedUrl: null,
  url: 'https://a.example/post/',
  title: 'Titel',
  author: null,
  published: null,
  excerpt: null,
  lists: [],
  firstSeen: '2026-11-10T00:00:00.000Z',
  updated: '2026-11-10T00:00:00.000Z',
  ...over,
});

const entries = [
  entry({
    url: 'https://jonas.example/wunsch/',
    title: 'Holz *und* [Leim]',
    author: 'Jonas Ebert',
    published: '2026-11-23T08:00:00.000Z',
    lists: [{ ordered: true, intro: 'Sechs Dinge:', items: [{ text: '1. Er kommt', html: '1. Er kommt' }] }],
  }),
  entry({
    url: 'https://anna.example/wunsch/',
    title: 'Annas Wunschkunde',
    author: 'Anna Schäfer',
    published: '2026-11-12T08:00:00.000Z',
    lists: [
      {
        ordered: false,
        intro: 'Mein Wunschkunde ist …',
        items: [
          { text: 'neugierig', html: '<strong>neugierig</strong>' },
          { text: '- zahlt <pünktlich>', html: '- zahlt &lt;pünktlich&gt;' },
        ],
      },
    ],
  }),
];

describe('round-up', () => {
  it('lists every entry oldest first with its lists, in Markdown that stays plain text', () => {
    const md = renderRoundupMarkdown(parade, entries);
    expect(md).toBe(
      [
        '# Rückblick: Mein Wunschkunde ist …',
        '',
        '2 Beiträge sind zur Blogparade „Mein Wunschkunde ist …“ eingegangen. Danke an alle, die mitgemacht haben!',
        '',
        '[Zum Aufruf](<https://host.example/aufruf/>)',
        '',
        '## [Annas Wunschkunde](<https://anna.example/wunsch/>)',
        '',
        '*von Anna Schäfer · 12. November 2026*',
        '',
        'Mein Wunschkunde ist …',
        '',
        '- neugierig',
        '- \\- zahlt \\<pünktlich\\>',
        '',
        '## [Holz \\*und\\* \\[Leim\\]](<https://jonas.example/wunsch/>)',
        '',
        '*von Jonas Ebert · 23. November 2026*',
        '',
        'Sechs Dinge:',
        '',
        '1. 1\\. Er kommt',
        '',
      ].join('\n'),
    );
  });

  it('renders an HTML fragment with escaped text and the sanitized item html', () => {
    const html = renderRoundupHtml({ ...parade, lang: 'en' }, entries);
    const $ = cheerio.load(html);
    expect($('h1').text()).toBe('Round-up: Mein Wunschkunde ist …');
    expect($('h2 a').map((_i, a) => $(a).attr('href')).get()).toEqual(['https://anna.example/wunsch/', 'https://jonas.example/wunsch/']);
    expect($('h2').eq(1).text()).toBe('Holz *und* [Leim]');
    expect($('ul li').first().html()).toBe('<strong>neugierig</strong>');
    expect($('ul li').eq(1).text()).toBe('- zahlt <pünktlich>');
  });

  it('says so when nothing is verified yet', () => {
    expect(renderRoundupMarkdown(parade, [])).toContain('Noch sind keine Beiträge bestätigt.');
  });

  it.each([
    ['*fett*', '\\*fett\\*'],
    ['# keine Überschrift', '\\# keine Überschrift'],
    ['3. kein Listenpunkt', '3\\. kein Listenpunkt'],
    ['a_b [c](d) <e>', 'a\\_b \\[c\\](d) \\<e\\>'],
    ['Ende mit Punkt.', 'Ende mit Punkt.'],
  ])('escapes %j for Markdown', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('OPML', () => {
  it('lists the combined feed, then each blog, with attributes escaped', () => {
    const xml = renderOpml(
      'Blogparade & Co',
      { title: 'Blogparade & Co', feedUrl: 'https://k.example/p/x/feed.xml', siteUrl: 'https://k.example/p/x' },
      [{ title: 'Anna "Blog"', feedUrl: 'https://anna.example/feed/?a=1&b=2', siteUrl: null }],
      new Date('2026-11-20T00:00:00Z'),
    );
    const $ = cheerio.load(xml, { xml: true });
    expect($('opml').attr('version')).toBe('2.0');
    expect($('head title').text()).toBe('Blogparade & Co');
    const outlines = $('outline').map((_i, o) => ({ text: $(o).attr('text'), xmlUrl: $(o).attr('xmlUrl') })).get();
    expect(outlines).toEqual([
      { text: 'Blogparade & Co', xmlUrl: 'https://k.example/p/x/feed.xml' },
      { text: 'Anna "Blog"', xmlUrl: 'https://anna.example/feed/?a=1&b=2' },
    ]);
  });
});

describe('calendar', () => {
  it('writes one event per deadline with RFC 5545 escaping, CRLF and folding', () => {
    const ics = renderCalendar(
      'korso.example',
      [
        {
          slug: 'wunschkunde',
          title: 'Mein Wunschkunde, ganz; ehrlich – eine sehr lange Blogparade mit Umlauten: äöüß äöüß äöüß',
          deadline: '2026-12-27T21:59:59.000Z',
          url: 'https://korso.example/p/wunschkunde',
          callUrl: 'https://host.example/aufruf/',
          lang: 'de',
        },
      ],
      new Date('2026-11-29T10:00:00.000Z'),
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('UID:wunschkunde-deadline@korso.example');
    expect(lines).toContain('DTSTART:20261227T215959Z');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Einsendeschluss: Mein Wunschkunde\\, ganz\\; ehrlich – eine sehr lange Blogparade mit Umlauten: äöüß äöüß äöüß',
    );
    expect(unfolded).toContain('DESCRIPTION:https://host.example/aufruf/\\nhttps://korso.example/p/wunschkunde');
  });
});
