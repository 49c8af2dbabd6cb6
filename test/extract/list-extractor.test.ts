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

  it('reads four or more headings that open with the same word as a list', () => {
    const content =
      '<h3>Weil offen reden hilft</h3><p>Dazu gehört Mut.</p><h3>Weil ehrlich sein zählt</h3><p>Auch wenn es wehtut.</p>' +
      '<h3>Weil pünktlich zahlen fair ist</h3><p>Das versteht sich.</p><h3>Weil es Spaß macht</h3><p>Ja.</p>';
    expect(listsOf(content)).toEqual([
      {
        ordered: false,
        intro: null,
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
      'finished sentence is prose, not a lead-in',
      `<h2>Was ich mag</h2><p>Das ist ein ganzer Satz.</p>${list}`,
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
