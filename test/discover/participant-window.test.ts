import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/discover/feed-parser.js';
import { paradeWindow, selectFeedItems } from '../../src/discover/participant-window.js';

const call = 'https://kompass.example/blogparade-frueher-gewusst/';
const match = { callUrls: [call], prompt: 'Was ich gerne früher gewusst hätte', hashtag: '#FrüherGewusst' };
const window = { from: '2026-02-18T07:00:00.000Z', until: '2026-03-27T21:59:59.000Z' };

function item(
  slug: string,
  published: string | null,
  text = 'Ein neuer Beitrag.',
  link: string | null = null,
): FeedItem {
  const url = link ?? `https://greta.example/${slug}/`;
  return {
    key: `https://greta.example/?p=${slug}`,
    link: url,
    title: slug,
    published,
    author: 'Greta',
    contentHtml: `<p>${text}</p>`,
    contentText: text,
  };
}

describe('paradeWindow', () => {
  it.each([
    [
      'from the call to the deadline plus grace',
      { callPublished: '2026-02-18T07:00:00.000Z', deadline: '2026-03-20T21:59:59.000Z', closedAt: null },
      { from: '2026-02-18T07:00:00.000Z', until: '2026-03-27T21:59:59.000Z' },
    ],
    [
      "from the parade's creation when the call's date is unknown",
      { callPublished: null, deadline: '2026-03-20T21:59:59.000Z', closedAt: null },
      { from: '2026-02-20T10:00:00.000Z', until: '2026-03-27T21:59:59.000Z' },
    ],
    [
      'until the parade was closed plus grace when it has no deadline',
      { callPublished: null, deadline: null, closedAt: '2026-03-01T12:00:00.000Z' },
      { from: '2026-02-20T10:00:00.000Z', until: '2026-03-08T12:00:00.000Z' },
    ],
    [
      'open-ended while a parade without deadline runs',
      { callPublished: null, deadline: null, closedAt: null },
      { from: '2026-02-20T10:00:00.000Z', until: null },
    ],
  ])('runs %s', (_what, input, expected) => {
    expect(paradeWindow({ ...input, createdAt: '2026-02-20T10:00:00.000Z', graceDays: 7 })).toEqual(expected);
  });
});

describe('selectFeedItems', () => {
  it('takes a teaser-only post from the window, remembers posts outside it as seen', () => {
    const teaser = item(
      'zehn-jahre-kamera',
      '2026-03-06T07:20:00.000Z',
      'Endlich fertig: mein Beitrag zur Blogparade.',
    );
    const old = item('winterlicht', '2026-01-24T10:00:00.000Z');
    const late = item('sommerfest', '2026-04-02T10:00:00.000Z');
    const undated = item('ohne-datum', null);
    const selection = selectFeedItems([teaser, old, late, undated], { match, window, limit: 5 });
    expect(selection.candidates).toEqual([{ url: teaser.link, key: teaser.key, why: 'window' }]);
    expect(selection.seen.sort()).toEqual([teaser.key, old.key, late.key, undated.key].sort());
    expect(selection.deferred).toBe(0);
  });

  it('still proposes matching items as before, outside the window too and without counting them against the cap', () => {
    const linking = item('frueher', '2026-01-02T10:00:00.000Z', `Zur <a href="${call}">Blogparade</a>.`);
    linking.contentHtml = `<p>Zur <a href="${call}">Blogparade</a>.</p>`;
    const hashtag = item('notizen', '2026-03-01T10:00:00.000Z', 'Ich lese gerade #FrüherGewusst.');
    const plain = item('hochzeit', '2026-03-02T10:00:00.000Z');
    const selection = selectFeedItems([linking, hashtag, plain], { match, window, limit: 1 });
    expect(selection.candidates.map((c) => [c.url, c.why])).toEqual([
      [linking.link, 'links-call'],
      [hashtag.link, 'names-hashtag'],
      [plain.link, 'window'],
    ]);
  });

  it('takes the newest posts first and leaves the rest unseen for the next pass', () => {
    const posts = ['2026-02-20', '2026-03-05', '2026-02-25', '2026-03-01'].map((day, i) =>
      item(`post-${i}`, `${day}T08:00:00.000Z`),
    );
    const selection = selectFeedItems(posts, { match, window, limit: 2 });
    expect(selection.candidates.map((c) => c.url)).toEqual([posts[1]!.link, posts[3]!.link]);
    expect(selection.seen.sort()).toEqual([posts[1]!.key, posts[3]!.key].sort());
    expect(selection.deferred).toBe(2);
  });

  it('takes nothing for the window on the host blog, and never the call itself', () => {
    const post = item('zwischenstand', '2026-03-01T10:00:00.000Z');
    expect(selectFeedItems([post], { match, window: null, limit: 5 })).toEqual({
      candidates: [],
      seen: [post.key],
      deferred: 0,
    });
    const itself = item('aufruf', '2026-02-18T07:00:00.000Z', 'Macht mit!', call);
    expect(selectFeedItems([itself], { match, window, limit: 5 }).candidates).toEqual([]);
  });
});
