import { describe, expect, it } from 'vitest';
import { checkBacklink } from '../../src/extract/index.js';
import type { ExtractedPage } from '../../src/extract/types.js';

function page(links: string[], otherLinks: string[] = []): ExtractedPage {
  return {
    url: 'https://blog.example/post/',
    canonicalUrl: null,
    title: null,
    author: null,
    published: null,
    lang: null,
    text: '',
    html: '',
    excerpt: null,
    lists: [],
    links,
    otherLinks,
    siteName: null,
    feeds: [],
  };
}

const CALL = 'https://call.example/blogparade-wunschkunde/';

describe('checkBacklink', () => {
  it.each([
    ['exact link in the post', [CALL], [], 'content', CALL],
    [
      'http and www variants',
      ['http://www.call.example/blogparade-wunschkunde'],
      [],
      'content',
      'http://www.call.example/blogparade-wunschkunde',
    ],
    [
      'tracking parameters and fragment',
      [`${CALL}?utm_source=twitter&fbclid=x#kommentare`],
      [],
      'content',
      `${CALL}?utm_source=twitter&fbclid=x#kommentare`,
    ],
    ['only in the sidebar', [], [CALL], 'elsewhere', CALL],
    ['nowhere', ['https://else.example/'], ['https://else.example/b'], 'none', null],
  ] as const)('%s', (_case, links, other, place, matched) => {
    const result = checkBacklink(page([...links], [...other]), [CALL]);
    expect(result.place).toBe(place);
    expect(result.matched).toBe(matched);
  });

  it('accepts any address of the call (redirect chain, canonical)', () => {
    const result = checkBacklink(page(['https://call.example/?p=123']), [
      CALL,
      'https://call.example/?p=123',
    ]);
    expect(result.place).toBe('content');
  });

  it('names a near miss on the call site', () => {
    const result = checkBacklink(page(['https://call.example/blogparade-wunschkunden/']), [CALL]);
    expect(result).toMatchObject({
      place: 'none',
      nearMiss: 'https://call.example/blogparade-wunschkunden/',
    });
    expect(result.explanation).toContain('not the call');
  });

  it.each([
    ['content', [CALL], [], 'links the call in the post'],
    ['elsewhere', [], [CALL], 'links the call only in the sidebar or comments, not in the post'],
    ['none', [], [], 'no link to the call'],
  ] as const)('explains %s in a sentence', (_place, links, other, explanation) => {
    expect(checkBacklink(page([...links], [...other]), [CALL]).explanation).toBe(explanation);
  });
});
