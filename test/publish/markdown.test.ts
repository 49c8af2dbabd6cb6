import { describe, expect, it } from 'vitest';
import { escapeMarkdown, htmlToMarkdown, markdownUrl } from '../../src/publish/markdown.js';

describe('Markdown', () => {
  it.each([
    ['*fett*', '\\*fett\\*'],
    ['# keine Überschrift', '\\# keine Überschrift'],
    ['3. kein Listenpunkt', '3\\. kein Listenpunkt'],
    ['a_b [c](d) <e>', 'a\\_b \\[c\\](d) \\<e\\>'],
    ['~~durch~~ und `code`', '\\~\\~durch\\~\\~ und \\`code\\`'],
    ['AT&T, aber &copy; und &#169;', 'AT&T, aber \\&copy; und \\&#169;'],
    ['+ plus', '\\+ plus'],
    ['Ende mit Punkt.', 'Ende mit Punkt.'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it.each([
    ['<strong>neugierig</strong>', '**neugierig**'],
    ['<b>fett</b> und <i>schräg</i> und <em>betont</em>', '**fett** und *schräg* und *betont*'],
    ['<strong> Rand </strong>bleibt', '**Rand** bleibt'],
    ['leer<em></em>bleibt leer', 'leerbleibt leer'],
    ['- zahlt &lt;pünktlich&gt;', '\\- zahlt \\<pünktlich\\>'],
    ['1. Er kommt', '1\\. Er kommt'],
    [
      '<a href="https://x.example/?a=1&amp;b=2" rel="nofollow">den <b>Link</b></a>!',
      '[den **Link**](<https://x.example/?a=1&b=2>)!',
    ],
    ['<a href="javascript:alert(1)">böse</a>', 'böse'],
    ['<a href="mailto:a@b.example">schreib</a>', '[schreib](<mailto:a@b.example>)'],
    ['<code>a `b` c</code>', '``a `b` c``'],
    ['<code>`x</code>', '`` `x ``'],
    ['<code>&lt;div&gt; *x*</code>', '`<div> *x*`'],
    ['Zeile<br>zwei', 'Zeile zwei'],
    ['Bild: <img src="https://i.example/a.png" alt="ein *Bild*">', 'Bild: ein \\*Bild\\*'],
    ['a < b und c > d', 'a \\< b und c \\> d'],
    ['viel   Raum\n und&nbsp;Zeilen', 'viel Raum und Zeilen'],
    ['<p>Absatz</p>', 'Absatz'],
  ])('converts item html %j', (html, md) => {
    expect(htmlToMarkdown(html)).toBe(md);
  });

  it.each([
    ['https://a.example/x?y=1', '<https://a.example/x?y=1>'],
    ['https://a.example/<x> y', '<https://a.example/%3Cx%3E%20y>'],
  ])('writes the link destination %j safely', (url, md) => {
    expect(markdownUrl(url)).toBe(md);
  });
});
