import { describe, expect, it } from 'vitest';
import { type FeedItemMatch, type MatchContext, matchFeedItem } from '../../src/discover/feed-match.js';
import type { FeedItem } from '../../src/discover/feed-parser.js';

const callUrl = 'https://sichtbar.example/blog/blogparade-mein-wunschkunde/';
const ctx: MatchContext = { callUrls: [callUrl], prompt: 'Mein Wunschkunde ist …', hashtag: '#Wunschkunde' };

function item(contentHtml: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    key: 'k',
    link: 'https://zeilen.example/2025/05/beitrag/',
    title: 'Ein Beitrag',
    published: '2025-05-15T06:45:00.000Z',
    author: 'Clara Winter',
    contentHtml,
    contentText: contentHtml
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    ...extra,
  };
}

const links = (href: string) => `<p>Zur <a href="${href}">Blogparade</a> von Sabine.</p>`;

describe('matchFeedItem', () => {
  it.each<[string, FeedItem, FeedItemMatch['why']]>([
    ['a link to the call', item(links(callUrl)), 'links-call'],
    [
      'a link with utm parameters',
      item(links(`${callUrl}?utm_source=newsletter&utm_medium=email`)),
      'links-call',
    ],
    ['a link over http', item(links(callUrl.replace('https:', 'http:'))), 'links-call'],
    ['a link without the trailing slash', item(links(callUrl.slice(0, -1))), 'links-call'],
    [
      'a link with www. and a fragment',
      item(links('https://www.sichtbar.example/blog/blogparade-mein-wunschkunde/#comments')),
      'links-call',
    ],
    [
      'a relative link, resolved against the item',
      item(links('/blog/blogparade-mein-wunschkunde/'), {
        link: 'https://sichtbar.example/2025/05/mein-beitrag/',
      }),
      'links-call',
    ],
    [
      'a bare URL in plain text (JSON Feed content_text)',
      item('', { contentText: `Mein Aufruf-Tipp: ${callUrl}?utm_source=feed.` }),
      'links-call',
    ],
    [
      'the prompt with „…“ quotes',
      item('<p>Meine Antwort auf „Mein Wunschkunde ist …“: Menschen, die zuhören.</p>'),
      'names-prompt',
    ],
    [
      'the prompt with straight quotes and three dots',
      item('<p>"Mein Wunschkunde ist..." – so fängt es an.</p>'),
      'names-prompt',
    ],
    [
      'the prompt in the title only',
      item('<p>Heute etwas Persönliches.</p>', { title: 'Mein Wunschkunde ist … mutig' }),
      'names-prompt',
    ],
    [
      'the hashtag',
      item('<p>Ich lese gerade viele Beiträge unter #Wunschkunde und bin begeistert.</p>'),
      'names-hashtag',
    ],
    ['the hashtag in another case', item('<p>Alles unter #wunschkunde.</p>'), 'names-hashtag'],
    [
      'a link to the call before the prompt (the link wins)',
      item(`<p>„Mein Wunschkunde ist …“ – <a href="${callUrl}">hier</a> geht es zum Aufruf.</p>`),
      'links-call',
    ],
  ])('matches %s', (_name, feedItem, why) => {
    expect(matchFeedItem(feedItem, ctx)).toEqual({ matches: true, why });
  });

  it.each<[string, FeedItem, MatchContext]>([
    ['an unrelated post', item('<p>Kommas retten Leben. Zumindest manchmal.</p>'), ctx],
    [
      'a link to another post on the host blog',
      item(links('https://sichtbar.example/blog/warum-ich-blogparaden-liebe/')),
      ctx,
    ],
    ['a link to a page below the call', item(links(`${callUrl}feed/`)), ctx],
    [
      'a link that only shares a prefix',
      item(links('https://sichtbar.example/blog/blogparade-mein-wunschkunde-2024/')),
      ctx,
    ],
    [
      'the same path on another host',
      item(links('https://sichtbar.example.org/blog/blogparade-mein-wunschkunde/')),
      ctx,
    ],
    ['a longer hashtag', item('<p>Alles unter #Wunschkundenservice.</p>'), ctx],
    ['the word without the hash', item('<p>Mein liebster Wunschkunde heißt Herbert.</p>'), ctx],
    [
      'a prompt that is not set',
      item('<p>„Mein Wunschkunde ist …“</p>'),
      { ...ctx, prompt: null, hashtag: null },
    ],
    [
      'the call itself, as the host feed lists it',
      item(links(callUrl), { link: `${callUrl}?utm_source=rss` }),
      ctx,
    ],
  ])('does not match %s', (_name, feedItem, context) => {
    expect(matchFeedItem(feedItem, context)).toEqual({ matches: false, why: null });
  });

  it('matches any of several call URLs (an old address, a short link)', () => {
    const two = { ...ctx, callUrls: ['https://alt.example/aufruf', callUrl] };
    expect(matchFeedItem(item(links('http://alt.example/aufruf/')), two).why).toBe('links-call');
  });
});
