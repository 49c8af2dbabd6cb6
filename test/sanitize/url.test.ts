import { describe, expect, it } from 'vitest';
import { absolutizeUrl, normalizeUrl } from '../../src/sanitize/index.js';

describe('normalizeUrl', () => {
  const KEY = 'https://blog.example/2013/04/wunschkunde';
  it.each([
    ['https://blog.example/2013/04/wunschkunde/', KEY],
    ['http://blog.example/2013/04/wunschkunde', KEY],
    ['https://www.blog.example/2013/04/wunschkunde/', KEY],
    ['HTTPS://BLOG.EXAMPLE/2013/04/wunschkunde', KEY],
    ['https://blog.example:443/2013/04/wunschkunde', KEY],
    ['http://blog.example:80/2013/04/wunschkunde', KEY],
    ['https://blog.example/2013/04/wunschkunde/#comments', KEY],
    ['https://blog.example/2013/04/wunschkunde/?utm_source=x&utm_medium=y&fbclid=1&gclid=2', KEY],
    ['https://blog.example/2013/04/wunschkunde/index.html', KEY],
    ['https://blog.example/2013/04/wunschkunde/index.php', KEY],
    ['https://blog.example.:443/2013/04/wunschkunde', KEY],
  ])('%s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it.each([
    ['percent-encoding case', 'https://blog.example/gr%c3%bc%c3%9fe', 'https://blog.example/gr%C3%BC%C3%9Fe'],
    ['raw umlauts in the path', 'https://blog.example/grüße', 'https://blog.example/gr%C3%BC%C3%9Fe'],
    ['encoded unreserved characters', 'https://blog.example/%7Eanna/a%2Db', 'https://blog.example/~anna/a-b'],
    ['IDN host to punycode', 'https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['punycode host stays', 'https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    [
      'other parameters kept and sorted',
      'https://blog.example/?p=12&a=1&utm_campaign=x',
      'https://blog.example?a=1&p=12',
    ],
    ['other ports kept', 'https://blog.example:8443/a/', 'https://blog.example:8443/a'],
    ['relative with base', '../b/', 'https://blog.example/a/b'],
  ])('%s', (_case, input, expected) => {
    expect(normalizeUrl(input, 'https://blog.example/a/c/')).toBe(expected);
  });

  it.each([
    ['mailto:anna@blog.example'],
    ['javascript:alert(1)'],
    ['ftp://blog.example/'],
    ['not a url'],
    [''],
  ])('returns null for %j', (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });
});

describe('absolutizeUrl', () => {
  it.each([
    ['/a/b', 'https://blog.example/a/b'],
    ['b', 'https://blog.example/post/b'],
    ['//cdn.example/x.jpg', 'https://cdn.example/x.jpg'],
    ['#top', 'https://blog.example/post/#top'],
    ['javascript:void(0)', null],
    ['mailto:a@b.example', null],
  ])('%s', (href, expected) => {
    expect(absolutizeUrl(href, 'https://blog.example/post/')).toBe(expected);
  });
});
