import type { CheerioAPI } from 'cheerio/slim';
import * as cheerio from 'cheerio/slim';
import type { Element } from 'domhandler';
import { sanitizeHtml } from '../sanitize/sanitize-html.js';
import { absolutizeUrl } from '../sanitize/url.js';
import { cleanByline } from './byline.js';
import { decodeHtml } from './charset.js';
import { removeChrome } from './chrome.js';
import {
  CHAR_THRESHOLD,
  type GrabFlags,
  type GrabResult,
  grabArticle,
  prepareDocument,
} from './content-root.js';
import { appendChild, BLOCK_TAGS, findAll, isElement, isInside, limitDepth, moveNodes } from './dom.js';
import { extractLists } from './list-extractor.js';
import { extractMetadata } from './metadata.js';
import { serializeNodes } from './serialize.js';
import { blockText } from './text-blocks.js';
import type { ExtractedPage, ExtractInput } from './types.js';

/** Readability's sieve: strict first, then keep unlikely-looking blocks, then ignore class names, then keep all. */
const PASSES: GrabFlags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

// htmlparser2 builds the tree about six times faster than parse5 (cheerio's default).
const PARSE_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

// Real pages nest a few dozen levels; anything deeper is flattened (see limitDepth).
const MAX_DEPTH = 200;

function parse(html: string): CheerioAPI {
  const $ = cheerio.load(html, PARSE_OPTIONS);
  limitDepth(rootElement($), MAX_DEPTH);
  return $;
}

interface Attempt {
  grab: GrabResult;
  anchors: Element[];
}

function rootElement($: CheerioAPI): Element {
  return $.root()[0] as unknown as Element;
}

/** htmlparser2 leaves a document without <body> as it is; give it one, as a browser would. */
function bodyOf($: CheerioAPI): Element {
  const root = rootElement($);
  const existing = findAll(root, (el) => el.name === 'body')[0];
  if (existing !== undefined) return existing;
  const body = $('<body></body>')[0] as unknown as Element;
  const parent = findAll(root, (el) => el.name === 'html')[0] ?? root;
  moveNodes(
    parent.children.filter((child) => !(isElement(child) && child.name === 'head')),
    body,
  );
  appendChild(parent, body);
  return body;
}

function runPasses(
  html: string,
  first: CheerioAPI,
  title: string | null,
  findByline: boolean,
  baseUrl: string,
): Attempt {
  const attempts: Attempt[] = [];
  for (const [index, flags] of PASSES.entries()) {
    const $pass = index === 0 ? first : parse(html);
    const root = rootElement($pass);
    const anchors = findAll(root, (el) => el.name === 'a' && el.attribs.href !== undefined);
    const body = bodyOf($pass);
    prepareDocument(root);
    const grab = grabArticle(body, { flags, title, findByline, baseUrl });
    const attempt = { grab, anchors };
    if (grab.textLength >= CHAR_THRESHOLD) return attempt;
    attempts.push(attempt);
  }
  return attempts.sort((a, b) => b.grab.textLength - a.grab.textLength)[0]!;
}

function collectLinks(anchors: Element[], baseUrl: string, pageUrl: string): string[] {
  const page = pageUrl.replace(/#.*$/, '');
  const links: string[] = [];
  const seen = new Set<string>();
  for (const anchor of anchors) {
    const href = anchor.attribs.href!;
    if (href.trim().startsWith('#')) continue;
    const url = absolutizeUrl(href, baseUrl);
    if (url === null || url.replace(/#.*$/, '') === page || seen.has(url)) continue;
    seen.add(url);
    links.push(url);
  }
  return links;
}

function firstParagraph(container: Element): string | null {
  const p = findAll(container, (el) => el.name === 'p')[0];
  const text = p === undefined ? '' : blockText(p);
  return text === '' ? null : text;
}

/** Extracts one page: metadata, main content (text, sanitized HTML, lists, links) and the rest. Pure. */
export function extractPage(input: ExtractInput): ExtractedPage {
  const decoded =
    input.html === undefined && input.bytes !== undefined ? decodeHtml(input.bytes, input.contentType) : null;
  const html = input.html ?? decoded?.html ?? '';
  const $ = parse(html);
  const meta = extractMetadata($, input.url);
  const { grab, anchors } = runPasses(html, $, meta.title, meta.metaAuthor === null, meta.baseUrl);
  const container = grab.container;
  removeChrome(container, meta.baseUrl);
  const contentAnchors = anchors.filter((anchor) => isInside(anchor, container));
  const contentSet = new Set(contentAnchors);
  const links = collectLinks(contentAnchors, meta.baseUrl, input.url);
  const linkSet = new Set(links);
  const otherLinks = collectLinks(
    anchors.filter((anchor) => !contentSet.has(anchor)),
    meta.baseUrl,
    input.url,
  ).filter((url) => !linkSet.has(url));
  const lists = extractLists(container, meta.baseUrl);
  const text = blockText(container);
  const excerpt = meta.excerpt ?? firstParagraph(container);
  unnestParagraphs(container);
  return {
    url: input.url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    author: meta.metaAuthor ?? meta.zoneAuthor ?? cleanByline(grab.byline) ?? meta.markupAuthor,
    published: meta.published,
    lang: meta.lang,
    text,
    html: sanitizeHtml(serializeNodes(container.children), meta.baseUrl).trim(),
    excerpt,
    lists,
    siteName: meta.siteName,
    links,
    otherLinks,
    feeds: meta.feeds,
    ...(decoded?.fallbackFrom === undefined
      ? {}
      : { charsetFallback: { declared: decoded.fallbackFrom, used: decoded.charset } }),
  };
}

/** Paragraphs made from text-only divs may hold blocks; as <div>s the sanitizer unwraps them. */
function unnestParagraphs(container: Element): void {
  const isBlock = (el: Element) => BLOCK_TAGS.has(el.name) && el.name !== 'br' && el.name !== 'img';
  for (const p of findAll(container, (el) => el.name === 'p')) {
    if (findAll(p, isBlock).length > 0) p.name = 'div';
  }
}
