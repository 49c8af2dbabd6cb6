import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import {
  renderRoundupDocument,
  renderRoundupHtml,
  renderRoundupMarkdown,
  teaserOf,
  teaserSize,
} from '../../src/publish/roundup-renderer.js';
import type { PublishedEntry } from '../../src/publish/types.js';
import { anna, entry, jonas, lena, parade, themes } from './roundup-fixtures.js';

const all = [jonas, lena, anna];

describe('round-up in Markdown', () => {
  it('opens, teases each entry, names the shared themes, sets late entries apart and thanks by name', () => {
    expect(renderRoundupMarkdown(parade, all, themes)).toBe(
      [
        '# Rückblick: Mein Wunschkunde ist …',
        '',
        '3 Beiträge sind zur Blogparade „Mein Wunschkunde ist …“ von Hanna Host eingegangen, einer davon nach dem Einsendeschluss. Danke an alle, die mitgemacht haben!',
        '',
        '[Zum Aufruf](<https://host.example/aufruf/>)',
        '',
        '## Die Beiträge',
        '',
        '### [Annas Wunschkunde](<https://anna.example/wunsch/>)',
        '',
        '*von Anna Schäfer · [Annas Atelier](<https://anna.example/>) · 12. November 2026*',
        '',
        'Mein Wunschkunde ist …',
        '',
        '- **neugierig**',
        '  - auf Neues',
        '  - auf *Ideen*',
        '  - auf Wege',
        '- \\- zahlt \\<pünktlich\\>',
        '- zahlt im Voraus',
        '- empfiehlt mich weiter',
        '',
        '[… und 4 weitere Punkte im Beitrag](<https://anna.example/wunsch/>)',
        '',
        '### [Holz \\*und\\* \\[Leim\\]](<https://jonas.example/wunsch/>)',
        '',
        '*von Jonas Ebert · 23. November 2026*',
        '',
        'Sechs Dinge:',
        '',
        '1. 1\\. Er kommt',
        '',
        '## Was viele genannt haben',
        '',
        '- **Zahlt im Voraus** (3 Teilnehmende): [Anna Schäfer](<https://anna.example/>), [Jonas Ebert](<https://jonas.example/>) und [Lenas Notizen](<https://lena.example/>)',
        '- **Empfehlungen** (2 Teilnehmende): [Anna Schäfer](<https://anna.example/>) und [Lenas Notizen](<https://lena.example/>)',
        '',
        '## Nach dem Einsendeschluss eingegangen',
        '',
        '### [Spät, aber herzlich](<https://lena.example/spaet/>)',
        '',
        '*[Lenas Notizen](<https://lena.example/>) · 2. Dezember 2026*',
        '',
        '- ehrlich',
        '- geduldig',
        '',
        '## Danke',
        '',
        'Danke an [Anna Schäfer](<https://anna.example/>), [Jonas Ebert](<https://jonas.example/>) und [Lenas Notizen](<https://lena.example/>)!',
        '',
      ].join('\n'),
    );
  });

  it('indents a nested list under an ordered item by the width of its number', () => {
    const ordered = entry({
      url: 'https://o.example/',
      lists: [
        {
          ordered: true,
          intro: null,
          items: Array.from({ length: 12 }, (_x, i) => ({ text: `Punkt ${i + 1}`, html: '' })),
        },
        {
          ordered: false,
          intro: null,
          items: [{ text: 'darunter', html: '' }],
          parent: { list: 0, item: 1 },
        },
      ],
    });
    const md = renderRoundupMarkdown(parade, [ordered]);
    expect(md).toContain(['1. Punkt 1', '2. Punkt 2', '   - darunter', '3. Punkt 3'].join('\n'));
    expect(md).not.toContain('Punkt 6');
  });

  it('uses the host’s own intro, paragraph by paragraph, as plain text', () => {
    const md = renderRoundupMarkdown(
      { ...parade, roundupIntro: 'Was für ein *Monat*!\n\n# Danke\nan euch' },
      [anna],
    );
    expect(md).toContain('\n\nWas für ein \\*Monat\\*!\n\n\\# Danke\\\nan euch\n\n[Zum Aufruf]');
    expect(md).not.toContain('Beiträge sind zur Blogparade');
  });

  it('says so when nothing is verified yet', () => {
    const md = renderRoundupMarkdown(parade, []);
    expect(md).toContain('Noch sind keine Beiträge bestätigt.');
    expect(md).not.toContain('## ');
  });

  it.each([
    ['de', '## Nach dem Einsendeschluss eingegangen', 'Danke an', '(3 Teilnehmende)'],
    ['en', '## Received after the deadline', 'Thanks to', '(3 participants)'],
  ])('speaks %s', (lang, lateHeading, thanks, count) => {
    const md = renderRoundupMarkdown({ ...parade, lang }, all, themes);
    expect(md).toContain(lateHeading);
    expect(md).toContain(`${thanks} [Anna Schäfer]`);
    expect(md).toContain(count);
    if (lang === 'en') {
      expect(md).toContain(
        '3 entries answered the blog parade “Mein Wunschkunde ist …” by Hanna Host, one of them after the deadline.',
      );
      expect(md).toContain('*by Anna Schäfer · [Annas Atelier](<https://anna.example/>) · 12 November 2026*');
    }
  });

  it('thanks each participant once, by author or else by blog name, oldest entry first', () => {
    const second = entry({
      url: 'https://anna.example/zwei/',
      author: 'anna schäfer',
      published: '2026-11-28T00:00:00Z',
    });
    const md = renderRoundupMarkdown(parade, [second, ...all]);
    expect(md.split('\n').at(-2)).toBe(
      'Danke an [Anna Schäfer](<https://anna.example/>), [Jonas Ebert](<https://jonas.example/>) und [Lenas Notizen](<https://lena.example/>)!',
    );
  });

  it('renders every entry of a 2,000-entry parade', () => {
    const many: PublishedEntry[] = Array.from({ length: 2000 }, (_x, i) =>
      entry({
        id: i,
        url: `https://blog${i}.example/post/`,
        blogUrl: `https://blog${i}.example/`,
        author: `Person ${i}`,
        published: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
        lists: anna.lists,
      }),
    );
    const md = renderRoundupMarkdown(parade, many, themes);
    expect(md.match(/^### /gm)).toHaveLength(2000);
    expect(md).toContain('[Person 1999](<https://blog1999.example/>)!');
  });
});

describe('teasers', () => {
  it.each([
    [0, 0],
    [1, 1],
    [3, 3],
    [4, 3],
    [6, 3],
    [7, 4],
    [9, 5],
    [15, 5],
    [80, 5],
  ])('a list of %i items is teased with %i', (n, k) => {
    expect(teaserSize(n)).toBe(k);
  });

  it('takes items of the largest shared themes first, then the opening items, in the author’s order', () => {
    const weights = new Map([
      [`${anna.url}\nempfiehlt mich weiter`, 2],
      [`${anna.url}\nzahlt im voraus`, 3],
      [`${anna.url}\nbringt kuchen mit`, 1],
    ]);
    const t = teaserOf(anna, weights);
    expect(t.chosen).toEqual([0, 1, 6, 7]);
    expect(t.omitted).toBe(4);
    expect(t.leadIn).toBe('Mein Wunschkunde ist …');
    expect(teaserOf(anna, new Map()).chosen).toEqual([0, 1, 2, 3]);
  });

  it('teases the longest top-level list and falls back to the excerpt for its lead-in', () => {
    const two = entry({
      excerpt: 'Worum es geht.',
      lists: [
        { ordered: false, intro: null, items: [{ text: 'kurz', html: '' }] },
        { ordered: false, intro: null, items: ['a', 'b', 'c', 'd'].map((text) => ({ text, html: '' })) },
      ],
    });
    const t = teaserOf(two, new Map());
    expect(t.listIndex).toBe(1);
    expect(t.leadIn).toBe('Worum es geht.');
    expect(t.chosen).toEqual([0, 1, 2]);
  });
});

describe('round-up in HTML', () => {
  it('renders a fragment with escaped text, the sanitized item html and late entries apart', () => {
    const $ = cheerio.load(renderRoundupHtml({ ...parade, lang: 'en' }, all, themes));
    expect($('h1').text()).toBe('Round-up: Mein Wunschkunde ist …');
    expect(
      $('h2')
        .map((_i, h) => $(h).text())
        .get(),
    ).toEqual(['The entries', 'What many mentioned', 'Received after the deadline', 'Thank you']);
    expect(
      $('h3 a')
        .map((_i, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      'https://anna.example/wunsch/',
      'https://jonas.example/wunsch/',
      'https://lena.example/spaet/',
    ]);
    expect($('h3').eq(1).text()).toBe('Holz *und* [Leim]');
    expect($('ul li').first().children('strong').text()).toBe('neugierig');
    expect(
      $('ul li')
        .first()
        .find('ul li')
        .map((_i, li) => $(li).html())
        .get(),
    ).toEqual(['auf Neues', 'auf <em>Ideen</em>', 'auf Wege']);
    expect($('ul').first().children('li').eq(1).text()).toBe('- zahlt <pünktlich>');
    expect($('ol li').attr('value')).toBe('1');
    expect($('.themes li').first().text()).toBe(
      'Zahlt im Voraus (3 participants): Anna Schäfer, Jonas Ebert and Lenas Notizen',
    );
    expect($('p').last().text()).toBe('Thanks to Anna Schäfer, Jonas Ebert and Lenas Notizen!');
  });

  it('shows an image of an entry by its alt text: the page loads nothing from other sites', () => {
    const pictured = entry({
      lists: [
        {
          ordered: false,
          intro: null,
          items: [
            { text: 'malt Skizzen', html: 'malt Skizzen <img src="https://a.example/skizze.png" alt="eine Skizze">' },
            { text: 'bringt Fotos', html: '<img src="https://a.example/foto.jpg">bringt Fotos' },
          ],
        },
      ],
    });
    const $ = cheerio.load(renderRoundupHtml(parade, [pictured], []));
    expect($('img')).toHaveLength(0);
    expect(
      $('ul li')
        .map((_i, li) => $(li).text())
        .get(),
    ).toEqual(['malt Skizzen [eine Skizze]', 'bringt Fotos']);
  });

  it('escapes every text that came from outside', () => {
    const evil = entry({
      title: '<img src=x onerror=alert(1)>',
      author: '<b>Eve</b>',
      blogName: '"Blog" & <Co>',
      url: 'https://e.example/?a="b"',
    });
    const html = renderRoundupHtml(
      { ...parade, title: '<script>x</script>', hostName: '<i>Host</i>', roundupIntro: '<em>Hallo</em>' },
      [evil],
      [
        {
          label: '<u>Thema</u>',
          participants: [
            { name: '<s>A</s>', url: 'https://a/' },
            { name: 'B', url: 'https://b/' },
          ],
          items: [],
        },
      ],
    );
    const $ = cheerio.load(html);
    expect($('img, script, b, i, u, s').length).toBe(0);
    expect($('em').first().text()).toContain('<b>Eve</b>');
    expect(html).toContain('&lt;em&gt;Hallo&lt;/em&gt;');
    expect($('h3 a').attr('href')).toBe('https://e.example/?a="b"');
  });

  it('makes a page of its own: language, viewport, a stylesheet for dark mode and print', () => {
    const page = renderRoundupDocument(parade, all, themes);
    const $ = cheerio.load(page);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true);
    expect($('meta[name="viewport"]').attr('content')).toBe('width=device-width, initial-scale=1');
    expect($('meta[charset]').attr('charset')).toBe('utf-8');
    expect($('title').text()).toBe('Rückblick: Mein Wunschkunde ist …');
    const css = $('style').text();
    expect(css).toContain('@media (prefers-color-scheme:dark)');
    expect(css).toContain('@media print');
    expect($('main h3')).toHaveLength(3);
    expect($('footer a').last().attr('href')).toBe('https://korso.example/p/wunschkunde/roundup.md');
    expect(
      cheerio
        .load(renderRoundupDocument({ ...parade, lang: 'en' }, []))('html')
        .attr('lang'),
    ).toBe('en');
  });
});
