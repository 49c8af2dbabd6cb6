import { describe, expect, it } from 'vitest';
import { callDetails, findDeadline, findHashtag, findPrompt } from '../../src/extract/call-page-details.js';
import { extractPage } from '../../src/extract/index.js';

const POSTED = new Date('2013-04-20T08:00:00Z');

describe('the deadline a call states', () => {
  it.each([
    ['Mitmachen kannst du bis zum 15. Mai 2013.', '2013-05-15', null],
    ['Teilnahmeschluss: 15.05.2013', '2013-05-15', null],
    ['Die Blogparade läuft bis Ende Mai.', '2013-05-31', null],
    ['Deadline: May 15', '2013-05-15', null],
    ['Deadline: May 15th, 2014 at 6 pm', '2014-05-15', '18:00'],
    ['Einsendeschluss ist der 1.6.13', '2013-06-01', null],
    ['Einsendeschluss: 01.06.13, 23:59 Uhr', '2013-06-01', '23:59'],
    ['Schreib bis 15. Mai um 18 Uhr deinen Beitrag.', '2013-05-15', '18:00'],
    ['The parade runs until the end of June 2013.', null, null],
    ['The parade runs until end of June 2013.', '2013-06-30', null],
    ['bis zum 15. Januar', '2014-01-15', null],
    ['Ich habe am 3. März 2013 angefangen zu bloggen.', null, null],
    ['Teilnahmeschluss: 31.02.2013', null, null],
  ])('%s', (text, date, time) => {
    const reference = text === 'bis zum 15. Januar' ? new Date('2013-12-01T00:00:00Z') : POSTED;
    const found = findDeadline(text, reference);
    expect(found).toEqual(date === null ? null : { date, time });
  });
});

describe('prompt and hashtag', () => {
  it('takes the quoted phrase that ends open, without its ellipsis', () => {
    expect(findPrompt('Blogparade: „Mein Wunschkunde ist …“', '')).toBe('Mein Wunschkunde ist');
    expect(findPrompt(null, 'Join my carnival "Three tools I love..." today')).toBe('Three tools I love');
    expect(findPrompt('Meine Blogparade', 'Ohne Zitat.')).toBeNull();
  });

  it('finds the first hashtag, not a URL fragment', () => {
    expect(findHashtag('siehe https://a.example/#kommentare und teile mit #Wunschkunde!')).toBe(
      '#Wunschkunde',
    );
    expect(findHashtag('kein Hashtag hier')).toBeNull();
  });
});

describe('details of a whole call page', () => {
  it('reads title, host, language, prompt, hashtag and deadline', () => {
    const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Blogparade: „Mein Wunschkunde ist …“</title>
<meta name="author" content="Sabine Albrecht"><meta property="article:published_time" content="2013-04-20T08:00:00+02:00">
<meta name="description" content="Ich lade dich zu meiner Blogparade ein."></head><body><article><h1>Blogparade: „Mein Wunschkunde ist …“</h1>
<p>Ich lade dich zu meiner Blogparade „Mein Wunschkunde ist …“ ein. Beschreibe in einem Beitrag deine Wunschkundin oder deinen Wunschkunden, gerne als Liste.</p>
<p>Teilnahmeschluss: 15.05.2013. Teile deinen Beitrag mit dem Hashtag #Wunschkunde.</p></article></body></html>`;
    const page = extractPage({ html, url: 'https://sabine.example/blogparade/' });
    expect(callDetails(page, new Date('2026-01-01T00:00:00Z'))).toMatchObject({
      title: 'Blogparade: „Mein Wunschkunde ist …“',
      hostName: 'Sabine Albrecht',
      lang: 'de',
      prompt: 'Mein Wunschkunde ist',
      hashtag: '#Wunschkunde',
      deadline: { date: '2013-05-15', time: null },
    });
  });
});
