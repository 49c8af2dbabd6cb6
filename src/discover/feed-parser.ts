import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { headerCharset, isValidUtf8 } from '../extract/charset.js';
import { parseDate } from '../extract/index.js';
import { escapeHtml } from '../sanitize/escape.js';
import { absolutizeUrl } from '../sanitize/index.js';

export interface FeedItem {
  /** guid (RSS), id (Atom, JSON Feed), else the link, else a hash of title and date. */
  key: string;
  link: string | null;
  title: string | null;
  /** ISO 8601. */
  published: string | null;
  author: string | null;
  /** The item's HTML as the feed carries it (content:encoded before description); not sanitized. */
  contentHtml: string;
  contentText: string;
}

export type ParsedFeed =
  | { ok: true; title: string | null; link: string | null; items: FeedItem[] }
  | { ok: false; reason: string };

export interface DecodedXml {
  text: string;
  /** The charset used, lower-case (e.g. "utf-8", "windows-1252"). */
  charset: string;
}

interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  guidRaw?: unknown;
  id?: unknown;
  isoDate?: unknown;
  pubDate?: unknown;
  date?: unknown;
  creator?: unknown;
  author?: unknown;
  content?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
  'rdf:about'?: unknown;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

// WHATWG maps these labels to windows-1252; feeds that say ISO-8859-1 routinely carry „“ and €.
const AS_WINDOWS_1252 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252']);

// guid is kept raw beside rss-parser's flattened copy so that isPermaLink stays readable.
const PARSER_OPTIONS = { customFields: { item: [['guid', 'guidRaw', { keepArray: true }]] } };

function knownCharset(label: string | undefined): string | null {
  if (label === undefined) return null;
  const lower = label.trim().toLowerCase();
  if (AS_WINDOWS_1252.has(lower)) return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

/**
 * Decodes feed bytes: BOM, then the HTTP header charset, then the XML declaration's encoding,
 * then valid UTF-8, then windows-1252. The BOM is dropped from the text.
 */
export function decodeXml(bytes: Buffer, contentType?: string | null): DecodedXml {
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: iconv.decode(bytes.subarray(bom.length), charset), charset };
    }
  }
  const header = headerCharset(contentType);
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(
    bytes.subarray(0, 512).toString('latin1'),
  )?.[1];
  let charset = knownCharset(header) ?? knownCharset(declared);
  // Without a BOM a UTF-16 label is wrong: the label itself was just read as ASCII.
  if (charset?.startsWith('utf-16') || charset?.startsWith('utf16')) charset = null;
  charset ??= isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  return { text: iconv.decode(bytes, charset).replace(/^\ufeff/, ''), charset };
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

// Block boundaries become spaces, so "#Wunschkunde</li><li>Text" does not glue into one word.
const BLOCK_TAG =
  /<(\/?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|blockquote|section|article|figure|figcaption|pre|table|dd|dt)\b)/gi;

function textOf(html: string): string {
  if (html === '') return '';
  return cheerio
    .load(html.replace(BLOCK_TAG, ' <$1'), null, false)
    .root()
    .text()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Titles may carry markup or entities (Atom `type="html"`, WordPress' double-escaped dashes). */
function titleOf(value: unknown): string | null {
  const title = str(value);
  if (title === null || !/[<&]/.test(title)) return title;
  return textOf(title) || null;
}

// xml2js drops the order of mixed content ("jetzt <em>hobeln</em>." → "jetzt .<em>hobeln</em>"), so xhtml travels as html.
function xhtmlAsHtml(xml: string): string {
  return xml.replace(
    /<(content|summary)(\s[^>]*?)type=(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1>/g,
    (_whole, tag: string, before: string, _q: string, after: string, inner: string) =>
      `<${tag}${before}type="html"${after}><![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${tag}>`,
  );
}

// rss-parser turns an Atom date it cannot read into a thrown RangeError that loses the whole feed.
function blankUnreadableAtomDates(xml: string): string {
  return xml.replace(/<(published|updated)>([^<]*)<\/\1>/g, (whole, tag: string, value: string) =>
    Number.isNaN(Date.parse(value.trim())) ? `<${tag}></${tag}>` : whole,
  );
}

function isoOf(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const text = str(c);
    if (text === null) continue;
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
    const written = parseDate(text);
    if (written !== null) return written;
  }
  return null;
}

/** RSS `<author>` is "mail@example.org (Name)"; keep the name. */
function authorName(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return named ? named[1]!.trim() : text;
}

function hashKey(title: string | null, published: string | null, content: string): string {
  const basis = title !== null || published !== null ? `${title ?? ''}\n${published ?? ''}` : content;
  return `sha1:${createHash('sha1').update(basis).digest('hex')}`;
}

/** The permalink an RSS guid stands for, when it is one (isPermaLink defaults to true). */
function permalinkGuid(raw: unknown): string | null {
  const first = Array.isArray(raw) ? (raw[0] as unknown) : undefined;
  if (typeof first === 'string') return first;
  if (first !== null && typeof first === 'object') {
    const { _: text, $: attrs } = first as { _?: unknown; $?: { isPermaLink?: string } };
    if (attrs?.isPermaLink?.toLowerCase() === 'false') return null;
    return str(text);
  }
  return null;
}

function toItem(raw: RawItem, base: string | undefined): FeedItem {
  const title = titleOf(raw.title);
  const contentHtml = str(raw['content:encoded']) ?? str(raw.content) ?? str(raw.summary) ?? '';
  const published = isoOf(raw.isoDate, raw.pubDate, raw.date);
  const href = str(raw.link) ?? str(raw['rdf:about']) ?? permalinkGuid(raw.guidRaw);
  const link = href === null ? null : absolutizeUrl(href, base);
  const guid = str(raw.guid) ?? str(raw.id);
  return {
    key: guid ?? link ?? hashKey(title, published, contentHtml),
    link,
    title,
    published,
    author: titleOf(authorName(raw.creator) ?? authorName(raw.author)),
    contentHtml,
    contentText: textOf(contentHtml),
  };
}

function xmlReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/not recognized as RSS/i.test(message)) return 'the XML is not an RSS, Atom or RDF feed';
  const [first = message, ...rest] = message.split('\n');
  const line = rest
    .find((l) => l.startsWith('Line:'))
    ?.replace('Line:', '')
    .trim();
  return `the feed is not valid XML (${first.trim().replace(/\.$/, '')}${line ? `, line ${Number(line) + 1}` : ''})`;
}

async function parseXmlFeed(text: string, feedUrl: string | undefined): Promise<ParsedFeed> {
  let parsed: Parser.Output<RawItem> & { link?: unknown; title?: unknown };
  try {
    // A parser per call: xml2js keeps its state on the instance.
    parsed = await new Parser<Record<string, unknown>, RawItem>(PARSER_OPTIONS).parseString(
      xhtmlAsHtml(blankUnreadableAtomDates(text)),
    );
  } catch (err) {
    return { ok: false, reason: xmlReason(err) };
  }
  const link = str(parsed.link) === null ? null : absolutizeUrl(str(parsed.link)!, feedUrl);
  const base = link ?? feedUrl;
  return { ok: true, title: titleOf(parsed.title), link, items: parsed.items.map((i) => toItem(i, base)) };
}

interface JsonFeedAuthor {
  name?: unknown;
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  author?: JsonFeedAuthor;
  authors?: JsonFeedAuthor[];
}

function jsonAuthor(...sources: { author?: JsonFeedAuthor; authors?: JsonFeedAuthor[] }[]): string | null {
  for (const s of sources) {
    const name = str(Array.isArray(s.authors) ? s.authors[0]?.name : undefined) ?? str(s.author?.name);
    if (name !== null) return name;
  }
  return null;
}

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1); rss-parser reads XML only. */
function parseJsonFeed(text: string, feedUrl: string | undefined): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      reason: `the feed is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  const feed = data as {
    version?: unknown;
    title?: unknown;
    home_page_url?: unknown;
    feed_url?: unknown;
    items?: unknown;
    author?: JsonFeedAuthor;
    authors?: JsonFeedAuthor[];
  } | null;
  const version = feed !== null && typeof feed === 'object' ? str(feed.version) : null;
  if (
    version === null ||
    !version.startsWith('https://jsonfeed.org/version/') ||
    !Array.isArray(feed!.items)
  ) {
    return { ok: false, reason: 'the JSON is not a JSON Feed' };
  }
  const home = str(feed!.home_page_url);
  const link = home === null ? null : absolutizeUrl(home, str(feed!.feed_url) ?? feedUrl);
  const base = link ?? str(feed!.feed_url) ?? feedUrl;
  const items = (feed!.items as unknown[])
    .filter((i): i is JsonFeedItem => i !== null && typeof i === 'object')
    .map((i): FeedItem => {
      const title = titleOf(i.title);
      const plain = str(i.content_text);
      const contentHtml =
        str(i.content_html) ??
        (plain === null ? null : `<p>${escapeHtml(plain)}</p>`) ??
        str(i.summary) ??
        '';
      const published = isoOf(i.date_published, i.date_modified);
      const href = str(i.url) ?? str(i.external_url);
      const itemLink = href === null ? null : absolutizeUrl(href, base);
      return {
        key: str(i.id) ?? itemLink ?? hashKey(title, published, contentHtml),
        link: itemLink,
        title,
        published,
        author: jsonAuthor(i, feed!),
        contentHtml,
        contentText: plain ?? textOf(contentHtml),
      };
    });
  return { ok: true, title: str(feed!.title), link, items };
}

/**
 * Parses feed bytes fetched by korso (RSS 0.9x/2.0, RDF/RSS 1.0, Atom, JSON Feed 1.x) with
 * rss-parser's parseString — never parseURL. Relative links resolve against the feed's own link,
 * else `feedUrl`. A broken feed gives `{ok: false, reason}` a host can read; it never throws.
 */
export async function parseFeed(
  bytes: Buffer,
  contentType?: string | null,
  feedUrl?: string,
): Promise<ParsedFeed> {
  const { text } = decodeXml(bytes, contentType);
  const start = text.trimStart();
  if (start === '') return { ok: false, reason: 'the feed is empty' };
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (start.startsWith('{') || start.startsWith('[') || mediaType.endsWith('json')) {
    return parseJsonFeed(start, feedUrl);
  }
  if (
    /^<!doctype\s+html|^<html[\s>]/i.test(start) ||
    (mediaType === 'text/html' && !start.startsWith('<?xml'))
  ) {
    return { ok: false, reason: 'the address serves an HTML page, not a feed' };
  }
  if (!start.startsWith('<'))
    return { ok: false, reason: 'the feed is not valid XML (it does not start with a tag)' };
  return parseXmlFeed(start, feedUrl);
}
