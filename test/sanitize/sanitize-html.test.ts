import { describe, expect, it } from 'vitest';
import { sanitizeHtml, stripText } from '../../src/sanitize/index.js';

const BASE = 'https://blog.example/post/';

describe('sanitizeHtml', () => {
  it.each([
    ['script removed with its content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['style removed with its content', '<style>p{}</style><p>a</p>', '<p>a</p>'],
    [
      'on* handlers removed',
      '<p onclick="x()">a</p><img src="/i.jpg" onerror="x()">',
      '<p>a</p><img src="https://blog.example/i.jpg" />',
    ],
    ['javascript: links lose their href', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['data: images dropped', '<img src="data:image/png;base64,AAAA" alt="x">', ''],
    [
      'links absolutized with rel',
      '<a href="/b/">b</a>',
      '<a href="https://blog.example/b/" rel="nofollow noopener ugc">b</a>',
    ],
    [
      'mailto kept',
      '<a href="mailto:a@b.example">m</a>',
      '<a href="mailto:a@b.example" rel="nofollow noopener ugc">m</a>',
    ],
    ['iframes removed', '<iframe src="https://evil.example"></iframe><p>a</p>', '<p>a</p>'],
    ['divs and spans unwrapped', '<div class="x"><span style="color:red">a</span></div>', 'a'],
    [
      'allowed markup kept',
      '<ul><li><strong>a</strong> <em>b</em></li></ul><blockquote>q</blockquote>',
      '<ul><li><strong>a</strong> <em>b</em></li></ul><blockquote>q</blockquote>',
    ],
    ['h1 becomes h2, h5 becomes h4', '<h1>a</h1><h5>b</h5>', '<h2>a</h2><h4>b</h4>'],
    [
      'figure with caption',
      '<figure><img src="x.jpg" alt="A"><figcaption>c</figcaption></figure>',
      '<figure><img src="https://blog.example/post/x.jpg" alt="A" /><figcaption>c</figcaption></figure>',
    ],
    [
      'forms removed with their controls',
      '<form action="/x"><input name="q"><button>Go</button><select><option>o</option></select></form>',
      '',
    ],
  ])('%s', (_case, html, expected) => {
    expect(sanitizeHtml(html, BASE)).toBe(expected);
  });
});

describe('stripText', () => {
  it.each([
    ['<p>Grüße&nbsp;aus <b>Köln</b></p><p>Zweiter Absatz</p>', 'Grüße aus Köln Zweiter Absatz'],
    ['a<br>b<script>x()</script>', 'a b'],
    ['Tom &amp; Jerry &#8211; 1&lt;2', 'Tom & Jerry – 1<2'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(stripText(html)).toBe(text);
  });
});
