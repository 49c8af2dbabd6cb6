import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { isLeadIn } from '../../src/extract/list-extractor.js';
import { blogPage, paragraphs } from './page-builder.js';

interface ListShape {
  ordered: boolean;
  intro: string | null;
  items: string[];
}

function listsOf(content: string): ListShape[] {
  const html = blogPage({
    content: `${paragraphs()}\n${content}\n<p>Danke fürs Lesen, bis zum nächsten Mal.</p>`,
  });
  return extractPage({ html, url: 'https://blog.example/post/' }).lists.map(({ ordered, intro, items }) => ({
    ordered,
    intro,
    items,
  }));
}

const THREE = ['offen reden', 'ehrlich sein', 'pünktlich zahlen'];

describe('list shapes', () => {
  it.each([
    ['<ul>', '<ul><li>offen reden</li><li>ehrlich sein</li><li>pünktlich zahlen</li></ul>', false],
    ['<ol>', '<ol><li>offen reden</li><li>ehrlich sein</li><li>pünktlich zahlen</li></ol>', true],
    ['• lines split by <br>', '<p>• offen reden<br>• ehrlich sein<br>• pünktlich zahlen</p>', false],
    ['- lines split by <br>', '<p>- offen reden<br/>- ehrlich sein<br/>- pünktlich zahlen</p>', false],
    ['– lines split by <br>', '<p>– offen reden<br>– ehrlich sein<br>– pünktlich zahlen</p>', false],
    ['* lines split by <br>', '<p>* offen reden<br>* ehrlich sein<br>* pünktlich zahlen</p>', false],
    ['✓/✔ lines split by <br>', '<p>✓ offen reden<br>✔ ehrlich sein<br>✓ pünktlich zahlen</p>', false],
    ['→ lines split by <br>', '<p>→ offen reden<br>→ ehrlich sein<br>→ pünktlich zahlen</p>', false],
    ['emoji lines split by <br>', '<p>🚀 offen reden<br>💬 ehrlich sein<br>🤝 pünktlich zahlen</p>', false],
    ['1. lines split by <br>', '<p>1. offen reden<br>2. ehrlich sein<br>3. pünktlich zahlen</p>', true],
    ['1) lines split by <br>', '<p>1) offen reden<br>2) ehrlich sein<br>3) pünktlich zahlen</p>', true],
    ['a) lines split by <br>', '<p>a) offen reden<br>b) ehrlich sein<br>c) pünktlich zahlen</p>', true],
    ['one <p> per • line', '<p>• offen reden</p><p>• ehrlich sein</p><p>• pünktlich zahlen</p>', false],
    ['one <p> per ✔ line', '<p>✔ offen reden</p><p>✔ ehrlich sein</p><p>✔ pünktlich zahlen</p>', false],
    [
      'one <p> per numbered line',
      '<p>1. offen reden</p><p>2. ehrlich sein</p><p>3. pünktlich zahlen</p>',
      true,
    ],
    [
      'numbered headings, each with a paragraph',
      '<h2>1. offen reden</h2><p>Dazu gehört Mut.</p><h2>2. ehrlich sein</h2><p>Auch wenn es wehtut.</p><h2>3. pünktlich zahlen</h2><p>Das versteht sich.</p>',
      true,
    ],
    [
      '#1-style headings',
      '<h3>#1 offen reden</h3><p>Dazu gehört Mut.</p><h3>#2 ehrlich sein</h3><p>Auch wenn es wehtut.</p><h3>#3 pünktlich zahlen</h3><p>Das versteht sich.</p>',
      true,
    ],
  ])('%s', (_shape, content, ordered) => {
    expect(listsOf(content)).toEqual([{ ordered, intro: null, items: THREE }]);
  });

  it('reads four or more headings that open with the same word as a list after a lead-in', () => {
    const content =
      '<p>Meine vier Gründe:</p><h3>Weil offen reden hilft</h3><p>Dazu gehört Mut.</p><h3>Weil ehrlich sein zählt</h3><p>Auch wenn es wehtut.</p>' +
      '<h3>Weil pünktlich zahlen fair ist</h3><p>Das versteht sich.</p><h3>Weil es Spaß macht</h3><p>Ja.</p>';
    expect(listsOf(content)).toEqual([
      {
        ordered: false,
        intro: 'Meine vier Gründe:',
        items: [
          'Weil offen reden hilft',
          'Weil ehrlich sein zählt',
          'Weil pünktlich zahlen fair ist',
          'Weil es Spaß macht',
        ],
      },
    ]);
  });

  it.each([
    [
      'names counted by the lead-in, then a closing heading',
      '<p>Diese drei Menschen solltest du kennen:</p><h3>Lena Hofmann</h3><p>Gärtnerin.</p><h3>Yusuf Demir</h3><p>Imker.</p>' +
        '<h3>Greta Lind</h3><p>Sammlerin.</p><h3>Und du?</h3><p>Schreib mir.</p>',
      ['Lena Hofmann', 'Yusuf Demir', 'Greta Lind'],
    ],
    [
      'a count that does not match the headings',
      '<p>Meine fünf Orte:</p><h3>Der Harz</h3><p>Schön.</p><h3>Die Eifel</h3><p>Schön.</p><h3>Die Rhön</h3><p>Schön.</p>',
      null,
    ],
    [
      'a counting sentence that is no lead-in',
      '<p>Ich war an drei Orten.</p><h3>Der Harz</h3><p>Schön.</p><h3>Die Eifel</h3><p>Schön.</p><h3>Die Rhön</h3><p>Schön.</p>',
      null,
    ],
  ])('headings a lead-in counts: %s', (_case, content, items) => {
    expect(listsOf(content)[0]?.items ?? null).toEqual(items);
  });

  it('reads a same-word heading run under a heading that counts it', () => {
    const content =
      '<h2>Meine vier Gründe</h2><h3>Weil offen reden hilft</h3><p>Mut.</p><h3>Weil ehrlich sein zählt</h3><p>Ja.</p>' +
      '<h3>Weil pünktlich zahlen fair ist</h3><p>Klar.</p><h3>Weil es Spaß macht</h3><p>Ja.</p>';
    expect(listsOf(content)[0]?.items).toHaveLength(4);
  });

  it.each([
    ['two numbered headings', '<h2>1. Eins</h2><p>Text.</p><h2>2. Zwei</h2><p>Text.</p>'],
    [
      'three headings sharing a first word',
      '<h3>Mozilla VR</h3><p>Text.</p><h3>Mozilla Persona</h3><p>Text.</p><h3>Mozilla Hubs</h3><p>Text.</p>',
    ],
    ['headings without prose after them', '<h3>1. Eins</h3><h3>2. Zwei</h3><h3>3. Drei</h3><p>Text.</p>'],
    [
      'a numbered run broken by a plain heading',
      '<h2>1. Eins</h2><p>T.</p><h2>Zwischendurch</h2><p>T.</p><h2>2. Zwei</h2><p>T.</p><h2>3. Drei</h2><p>T.</p>',
    ],
    [
      'interview questions opening with the same word',
      '<p>Ich war bei Anna in der Werkstatt.</p><h3>Wie fing es an?</h3><p>Mit einem Kurs.</p><h3>Wie sieht dein Tag aus?</h3><p>Früh.</p>' +
        '<h3>Wie findest du Ideen?</h3><p>Draußen.</p><h3>Wie geht es weiter?</h3><p>Mit Kursen.</p>',
    ],
    [
      'diary days',
      '<p>Hier sind meine Notizen.</p><h2>Tag 1: Ankunft</h2><p>Sonne.</p><h2>Tag 2: Burg</h2><p>Wind.</p>' +
        '<h2>Tag 3: See</h2><p>Boot.</p><h2>Tag 4: Regen</h2><p>Museum.</p>',
    ],
    [
      'quoted tweets one by one',
      '<p>Die Tweets des Monats.</p><h3>Tweet von @lena</h3><blockquote>Eins.</blockquote><h3>Tweet von @omar</h3><blockquote>Zwei.</blockquote>' +
        '<h3>Tweet von @kai</h3><blockquote>Drei.</blockquote><h3>Tweet von @ute</h3><blockquote>Vier.</blockquote>',
    ],
  ])('does not read %s as a list', (_case, content) => {
    expect(listsOf(content)).toEqual([]);
  });

  it('continues a numbered run across wrappers and images and stops at a heading that breaks the form', () => {
    const content =
      '<p>Meine Tipps:</p><div class="block"><h2>1. Eins</h2><p>Text.</p><h2>2. Zwei</h2><p>Text.</p></div>' +
      '<figure><img src="a.jpg"></figure><div class="block"><h2>3. Drei</h2><p>Text.</p><h2>Und jetzt du</h2><p>Schreib mir.</p></div>';
    expect(listsOf(content)).toEqual([
      { ordered: true, intro: 'Meine Tipps:', items: ['Eins', 'Zwei', 'Drei'] },
    ]);
  });

  it('lists a nested list after its parent and leaves it out of the parent item', () => {
    expect(
      listsOf(
        '<ul><li>Kommunikation<ul><li>offen</li><li>ehrlich</li></ul></li><li>Zahlung<ol><li>pünktlich</li></ol></li></ul><ul><li>danach</li></ul>',
      ),
    ).toEqual([
      { ordered: false, intro: null, items: ['Kommunikation', 'Zahlung'] },
      { ordered: false, intro: 'Kommunikation', items: ['offen', 'ehrlich'] },
      { ordered: true, intro: 'Zahlung', items: ['pünktlich'] },
      { ordered: false, intro: null, items: ['danach'] },
    ]);
  });

  it.each([
    ['NBSP and zero-width space collapsed', '<ul><li>offen\u00a0\u200b reden</li></ul>', [['offen reden']]],
    ['block boundaries count as spaces', '<ul><li><p>offen</p><p>reden</p></li></ul>', [['offen reden']]],
    [
      'image-only items dropped',
      '<ul><li><img src="a.jpg" alt=""></li><li>offen reden</li></ul>',
      [['offen reden']],
    ],
    ['a list of empty items is omitted', '<ul><li> </li><li><img src="a.jpg"></li></ul>', []],
    ['<dl> is ignored', '<dl><dt>offen</dt><dd>reden</dd></dl>', []],
    ['two marker lines of different kinds are not a list', '<p>• offen reden<br>1. ehrlich sein</p>', []],
    ['a single marker line is not a list', '<p>- offen reden</p>', []],
    ['a hyphenated word is not a marker', '<p>-offen reden<br>-ehrlich sein</p>', []],
  ])('%s', (_rule, content, items) => {
    expect(listsOf(content).map((list) => list.items)).toEqual(items);
  });
});

describe('list intro', () => {
  const list = '<ul><li>offen reden</li><li>ehrlich sein</li></ul>';
  it.each([
    ['paragraph ending in a colon', `<p>Das wünsche ich mir:</p>${list}`, 'Das wünsche ich mir:'],
    ['paragraph ending in …', `<p>Mein Wunschkunde ist …</p>${list}`, 'Mein Wunschkunde ist …'],
    ['paragraph ending in ...', `<p>Mein Wunschkunde ist...</p>${list}`, 'Mein Wunschkunde ist...'],
    [
      'quoted "wir …" lead-in',
      `<p>„Wir wünschen uns Kunden, mit denen wir …“</p>${list}`,
      '„Wir wünschen uns Kunden, mit denen wir …“',
    ],
    [
      'unfinished "wir" sentence',
      `<p>Wir wünschen uns Kunden, die</p>${list}`,
      'Wir wünschen uns Kunden, die',
    ],
    ['heading directly above', `<h2>Was ich mag</h2>${list}`, 'Was ich mag'],
    [
      'image between lead-in and list',
      `<p>Das wünsche ich mir:</p><figure><img src="a.jpg"></figure>${list}`,
      'Das wünsche ich mir:',
    ],
    [
      'list wrapped in a block',
      `<p>Das wünsche ich mir:</p><div class="wp-block-group">${list}</div>`,
      'Das wünsche ich mir:',
    ],
    [
      'heading two blocks up, over a one-sentence remark',
      `<h2>Was ich mag</h2><p>Das ist ein ganzer Satz.</p>${list}`,
      'Was ich mag',
    ],
    [
      'colon paragraph two blocks up, over a remark',
      `<p>Das sind meine Punkte:</p><p>Ohne Reihenfolge.</p>${list}`,
      'Das sind meine Punkte:',
    ],
    [
      'finished sentence with nothing announcing above is prose',
      `<p>Das ist ein ganzer Satz.</p>${list}`,
      null,
    ],
    [
      'a long paragraph between heading and list is not a remark',
      `<h2>Was ich mag</h2><p>${'Das ist ein ganzer Satz, der weitergeht. '.repeat(9)}</p>${list}`,
      null,
    ],
    [
      'two finished paragraphs between colon line and list',
      `<p>Das sind meine Punkte:</p><p>Erster Satz.</p><p>Zweiter Satz.</p>${list}`,
      null,
    ],
    [
      'first line of a <br> block',
      '<p>Das wünsche ich mir:<br>• offen reden<br>• ehrlich sein</p>',
      'Das wünsche ich mir:',
    ],
  ])('%s', (_rule, content, intro) => {
    expect(listsOf(content)[0]?.intro).toBe(intro);
  });

  it.each([
    ['Das wünsche ich mir:', true],
    ['Mein Wunschkunde ist …', true],
    ['„Wir wünschen uns Kunden, mit denen wir …“', true],
    ['Wir wünschen uns Kunden, die', true],
    ['Das ist ein ganzer Satz.', false],
    ['Ist das eine Frage?', false],
    ['', false],
  ])('isLeadIn(%j) is %s', (text, expected) => {
    expect(isLeadIn(text)).toBe(expected);
  });
});

const SAME_SITE = (slug: string, text: string) => `<a href="https://blog.example/${slug}/">${text}</a>`;

describe('reading suggestions are not lists of the post', () => {
  it.each([
    [
      '"Auch interessant:" over a <ul>',
      `<p><strong>Auch interessant:</strong></p><ul><li>${SAME_SITE('a', 'Brot backen für Anfänger')}</li><li>${SAME_SITE('b', 'Wochenplan für die Familie')}</li></ul>`,
    ],
    [
      '"Lesen Sie auch die folgenden Beiträge:"',
      `<p>Lesen Sie auch die folgenden Beiträge:</p><ol><li>${SAME_SITE('a', 'Elternzeit als Papa')}</li><li>${SAME_SITE('b', 'Sonntagsplanung')}</li></ol>`,
    ],
    [
      'a "Das könnte dich auch interessieren" heading',
      `<h3>Das könnte dich auch interessieren</h3><ul><li>${SAME_SITE('a', 'Retrospektiven')}</li><li>${SAME_SITE('b', 'Remote-Onboarding')}</li></ul>`,
    ],
    [
      '"Lies auch:" lines split by <br>',
      `<p><b>Lies auch:</b><br>- ${SAME_SITE('a', 'Apfelkuchen vom Blech')}<br>- ${SAME_SITE('b', 'Rhabarber-Tarte')}</p>`,
    ],
    [
      'relative links under "Mehr zum Thema"',
      '<p>Mehr zum Thema</p><ul><li><a href="/a/">Markthalle verzögert</a></li><li><a href="/b/">Neue Händler</a></li></ul>',
    ],
    [
      'a "lesetipps" class',
      `<div class="lesetipps"><ul><li>${SAME_SITE('a', 'Erster Tipp')}</li><li>${SAME_SITE('b', 'Zweiter Tipp')}</li></ul></div>`,
    ],
  ])('%s', (_case, content) => {
    expect(
      listsOf(`<p>Das sind meine Punkte:</p><ul><li>offen reden</li><li>ehrlich sein</li></ul>${content}`),
    ).toEqual([{ ordered: false, intro: 'Das sind meine Punkte:', items: ['offen reden', 'ehrlich sein'] }]);
  });

  it.each([
    [
      'a follow list of networks',
      '<p>Folge mir auf:</p><ul><li><a href="https://instagram.example/ich">Instagram</a></li><li><a href="https://pinterest.example/ich">Pinterest</a></li><li><a href="https://facebook.example/ich">Facebook</a></li></ul>',
    ],
    [
      'a "Siehe auch" list of own posts',
      `<h3>Siehe auch</h3><ul><li>${SAME_SITE('a', 'Mein erster Beitrag')}</li><li>${SAME_SITE('b', 'Mein zweiter Beitrag')}</li></ul>`,
    ],
  ])('drops %s', (_case, content) => {
    expect(listsOf(content)).toEqual([]);
  });

  it.each([
    [
      'links to other sites',
      '<p>Auch interessant:</p><ul><li><a href="https://anderer-blog.example/a/">Ein fremder Beitrag</a></li><li><a href="https://dritter.example/b/">Noch einer</a></li></ul>',
    ],
    [
      'own posts without an announcement (a best-of post)',
      `<p>Meine liebsten Beiträge des Jahres:</p><ul><li>${SAME_SITE('a', 'Brot backen')}</li><li>${SAME_SITE('b', 'Wochenplan')}</li></ul>`,
    ],
    [
      'sentences that mention an own post in passing',
      `<p>Auch interessant:</p><ul><li>Wie der Sauerteig gelingt, steht in ${SAME_SITE('a', 'Brot')} ganz ausführlich</li><li>Jede Woche rettet uns der ${SAME_SITE('b', 'Plan')} am Kühlschrank</li></ul>`,
    ],
  ])('keeps a list of %s', (_case, content) => {
    expect(listsOf(content)).toHaveLength(1);
  });
});

describe('lists of links written into the post', () => {
  const links = [
    'https://kartenkunde.example/',
    'https://nachtzug.example/',
    'https://bruecken.example/',
    'https://baeume.example/',
  ];
  const names = ['Kleine Kartenkunde', 'Der Nachtzug-Blog', 'Brücken der Welt', 'Stadtbäume'];
  it.each([
    [
      'a <ul> of links to other sites',
      `<p>Meine Fundstücke:</p><ul>${links.map((href, i) => `<li><a href="${href}">${names[i]}</a></li>`).join('')}</ul>`,
    ],
    [
      '"» " lines of links split by <br>',
      `<p>Meine Fundstücke:<br>${links.map((href, i) => `» <a href="${href}">${names[i]}</a>`).join('<br>')}</p>`,
    ],
    [
      'show notes in a block of their own',
      `<p>Meine Fundstücke:</p><div class="sqs-block html-block"><ul>${links.map((href, i) => `<li><p><a href="${href}">${names[i]}</a></p></li>`).join('')}</ul></div>`,
    ],
  ])('keeps %s', (_case, content) => {
    expect(listsOf(content)).toEqual([{ ordered: false, intro: 'Meine Fundstücke:', items: names }]);
  });
});

describe('page-builder and table lists', () => {
  const items = ['Ich sage Nein.', 'Ich plane Pausen.', 'Ich frage nach.'];
  const svg = '<svg viewBox="0 0 10 10"><path d="M0 0h10"></path></svg>';
  it.each([
    [
      'an Elementor icon list',
      `<div class="elementor-element elementor-widget elementor-widget-icon-list"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">${items.map((t) => `<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-check"></i></span><span class="elementor-icon-list-text">${t}</span></li>`).join('')}</ul></div></div>`,
      false,
    ],
    [
      'Spectra icon-list children (divs)',
      `<div class="wp-block-uagb-icon-list"><div class="uagb-icon-list__wrap">${items.map((t, i) => `<div class="wp-block-uagb-icon-list-child uagb-block-${i}f3"><span class="uagb-icon-list__source-wrap">${svg}</span><span class="uagb-icon-list__label">${t}</span></div>`).join('')}</div></div>`,
      false,
    ],
    [
      'Divi blurbs with a font-glyph icon',
      `<div class="et_pb_column">${items.map((t, i) => `<div class="et_pb_module et_pb_blurb et_pb_blurb_${i}"><div class="et_pb_blurb_content"><div class="et_pb_main_blurb_image"><span class="et_pb_image_wrap"><span class="et-pb-icon">N</span></span></div><div class="et_pb_blurb_container"><div class="et_pb_blurb_description"><p>${t}</p></div></div></div></div>`).join('')}</div>`,
      false,
    ],
    [
      'a two-column table numbered in the first column',
      `<table><tbody>${items.map((t, i) => `<tr><td>${i + 1}.</td><td>${t}</td></tr>`).join('')}</tbody></table>`,
      true,
    ],
    [
      'a two-column table with check marks',
      `<table><tbody>${items.map((t) => `<tr><td>✔</td><td>${t}</td></tr>`).join('')}</tbody></table>`,
      false,
    ],
  ])('reads %s', (_case, content, ordered) => {
    expect(listsOf(`<p>Meine Sätze:</p>${content}`)).toEqual([{ ordered, intro: 'Meine Sätze:', items }]);
  });

  it.each([
    [
      'a key/value table',
      '<table><tbody><tr><td>Strecke</td><td>58 km</td></tr><tr><td>Dauer</td><td>5 Stunden</td></tr></tbody></table>',
    ],
    [
      'a table with a header row',
      '<table><tr><th>Nr.</th><th>Was</th></tr><tr><td>1.</td><td>Eins</td></tr><tr><td>2.</td><td>Zwei</td></tr></table>',
    ],
    [
      'three divs of one kind without icons',
      `<div class="row">${items.map((t) => `<div class="card"><p>${t}</p></div>`).join('')}</div>`,
    ],
  ])('does not read %s as a list', (_case, content) => {
    expect(listsOf(content)).toEqual([]);
  });
});

describe('nested lists point at the item they belong to', () => {
  const parentsOf = (content: string) =>
    extractPage({
      html: blogPage({ content: `${paragraphs()}\n${content}\n<p>Danke fürs Lesen, bis zum nächsten Mal.</p>` }),
      url: 'https://blog.example/post/',
    }).lists.map((l) => l.parent ?? null);

  it.each([
    [
      'a list under the first item',
      '<ul><li>zahlt pünktlich<ol><li>am selben Tag</li><li>ohne Mahnung</li></ol></li><li>weiß, was er will</li><li>hört zu</li></ul>',
      [null, { list: 0, item: 0 }],
    ],
    [
      'two levels, under the second item',
      '<ul><li>offen reden</li><li>ehrlich sein<ul><li>auch bei Kritik<ul><li>freundlich</li><li>konkret</li></ul></li><li>immer</li></ul></li><li>pünktlich zahlen</li></ul>',
      [null, { list: 0, item: 1 }, { list: 1, item: 0 }],
    ],
    [
      'two lists side by side: no parents',
      '<ul><li>offen reden</li><li>ehrlich sein</li><li>pünktlich zahlen</li></ul><p>Und außerdem:</p><ol><li>eins</li><li>zwei</li><li>drei</li></ol>',
      [null, null],
    ],
  ])('%s', (_label, content, expected) => {
    expect(parentsOf(content)).toEqual(expected);
  });
});

describe("the blog's own name", () => {
  it.each([
    ['og:site_name', '<meta property="og:site_name" content="Annas Werkstatt">', 'Annas Werkstatt'],
    [
      'the JSON-LD publisher',
      '<script type="application/ld+json">{"@type":"BlogPosting","headline":"Mein Wunschkunde","publisher":{"@type":"Organization","name":"Holz &amp; Leim"}}</script>',
      'Holz & Leim',
    ],
    ['nothing', '', null],
  ])('comes from %s', (_label, head, expected) => {
    const html = `<html><head>${head}<title>Mein Wunschkunde</title></head><body><article><h1>Mein Wunschkunde</h1>${paragraphs()}</article></body></html>`;
    expect(extractPage({ html, url: 'https://blog.example/post/' }).siteName).toBe(expected);
  });
});
