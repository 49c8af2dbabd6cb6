import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractPage } from '../../src/extract/index.js';

const TEXT = '<p>Grüße aus Köln: Äpfel, Öl, Übermut – 5 €</p>';
const LATIN = '<p>Grüße aus Köln: Äpfel, Öl, Übermut</p>';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decodeHtml', () => {
  it.each([
    [
      'UTF-8 BOM beats a wrong header',
      Buffer.concat([BOM, Buffer.from(TEXT)]),
      'text/html; charset=iso-8859-1',
      'utf-8',
      TEXT,
    ],
    [
      'header charset',
      iconv.encode(TEXT, 'windows-1252'),
      'text/html; charset=windows-1252',
      'windows-1252',
      TEXT,
    ],
    [
      'header ISO-8859-1 means windows-1252',
      iconv.encode(TEXT, 'windows-1252'),
      'text/html; charset="ISO-8859-1"',
      'windows-1252',
      TEXT,
    ],
    [
      'header beats <meta>',
      Buffer.from(`<meta charset="windows-1252">${TEXT}`),
      'text/html; charset=utf-8',
      'utf-8',
      `<meta charset="windows-1252">${TEXT}`,
    ],
    [
      '<meta charset>',
      iconv.encode(`<meta charset="windows-1252">${TEXT}`, 'windows-1252'),
      'text/html',
      'windows-1252',
      `<meta charset="windows-1252">${TEXT}`,
    ],
    [
      '<meta http-equiv>',
      iconv.encode(
        `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">${LATIN}`,
        'latin1',
      ),
      null,
      'windows-1252',
      `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">${LATIN}`,
    ],
    [
      'XML declaration',
      iconv.encode(`<?xml version="1.0" encoding="ISO-8859-15"?>${LATIN}`, 'iso-8859-15'),
      undefined,
      'iso-8859-15',
      `<?xml version="1.0" encoding="ISO-8859-15"?>${LATIN}`,
    ],
    ['undeclared UTF-8', Buffer.from(TEXT), undefined, 'utf-8', TEXT],
    [
      'undeclared windows-1252 with umlauts',
      iconv.encode(TEXT, 'windows-1252'),
      'text/html',
      'windows-1252',
      TEXT,
    ],
    [
      'unknown header label falls back to sniffing',
      iconv.encode(TEXT, 'windows-1252'),
      'text/html; charset=bogus',
      'windows-1252',
      TEXT,
    ],
    [
      'UTF-16LE BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]),
      null,
      'utf-16le',
      TEXT,
    ],
  ])('%s', (_case, bytes, contentType, charset, html) => {
    expect(decodeHtml(bytes, contentType)).toEqual({ html, charset });
  });

  it.each([
    ['the header', iconv.encode(TEXT, 'windows-1252'), 'text/html; charset=UTF-8'],
    ['<meta charset>', iconv.encode(`<meta charset="utf-8">${TEXT}`, 'windows-1252'), 'text/html'],
    [
      '<meta http-equiv>',
      iconv.encode(
        `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">${TEXT}`,
        'windows-1252',
      ),
      null,
    ],
  ])(
    'windows-1252 bytes labelled UTF-8 by %s are read as windows-1252, and say so',
    (_case, bytes, contentType) => {
      const decoded = decodeHtml(bytes, contentType);
      expect(decoded.html).toContain(TEXT);
      expect(decoded).toMatchObject({ charset: 'windows-1252', fallbackFrom: 'utf-8' });
    },
  );

  it.each([
    ['the header', Buffer.from(TEXT), 'text/html; charset=ISO-8859-1'],
    ['<meta charset>', Buffer.from(`<meta charset="windows-1252">${TEXT}`), 'text/html'],
  ])('valid UTF-8 labelled windows-1252 by %s is read as UTF-8, and says so', (_case, bytes, contentType) => {
    const decoded = decodeHtml(bytes, contentType);
    expect(decoded.html).toContain(TEXT);
    expect(decoded).toMatchObject({ charset: 'utf-8', fallbackFrom: 'windows-1252' });
  });

  it('keeps UTF-8 when one stray byte breaks an otherwise UTF-8 page', () => {
    const bytes = Buffer.concat([Buffer.from(`${TEXT}${TEXT}`), Buffer.from([0xe4]), Buffer.from(TEXT)]);
    const decoded = decodeHtml(bytes, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.fallbackFrom).toBeUndefined();
    expect(decoded.html.startsWith(`${TEXT}${TEXT}`)).toBe(true);
  });

  it('reports the fallback on the extracted page', () => {
    const html = `<html><head><meta charset="utf-8"><title>Grüße aus Köln</title></head><body><p>${'Grüße aus Köln, schöne Straße. '.repeat(30)}</p></body></html>`;
    const page = extractPage({
      bytes: iconv.encode(html, 'windows-1252'),
      url: 'https://blog.example/',
      contentType: 'text/html; charset=UTF-8',
    });
    expect(page.title).toBe('Grüße aus Köln');
    expect(page.charsetFallback).toEqual({ declared: 'utf-8', used: 'windows-1252' });
    const clean = extractPage({
      bytes: Buffer.from(html),
      url: 'https://blog.example/',
      contentType: 'text/html; charset=UTF-8',
    });
    expect(clean.charsetFallback).toBeUndefined();
  });

  it('never produces mojibake for umlauts', () => {
    const { html } = decodeHtml(Buffer.from('<title>Blogparade: Wünsche für Kundinnen</title>'));
    expect(html).not.toMatch(/Ã|Â/);
  });
});
