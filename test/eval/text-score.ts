import * as cheerio from 'cheerio';

/** Visible text of an HTML fragment, blocks separated by spaces (scripts and styles dropped). */
export function htmlText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, template').remove();
  $('br, p, div, li, h1, h2, h3, h4, h5, h6, td, th, pre, blockquote, figcaption').after(' ');
  return $.root().text();
}

function tokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Token-level F1 of `ours` against `truth` as bags of words (lower-cased letters and digits), the
 * usual main-text score of extraction benchmarks. Two empty texts agree fully.
 */
export function tokenF1(truth: string, ours: string): number {
  const want = new Map<string, number>();
  for (const token of tokens(truth)) want.set(token, (want.get(token) ?? 0) + 1);
  const got = tokens(ours);
  const wantTotal = [...want.values()].reduce((sum, n) => sum + n, 0);
  if (wantTotal === 0 && got.length === 0) return 1;
  let overlap = 0;
  for (const token of got) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      want.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / wantTotal;
  return (2 * precision * recall) / (precision + recall);
}
