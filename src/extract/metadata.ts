import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { absolutizeUrl } from '../sanitize/url.js';
import {
  authorFromMarkup,
  authorFromZone,
  dateFromMarkup,
  dateFromZone,
  findTitleHeading,
} from './byline.js';
import { textSimilarity } from './content-root.js';
import { parseDate } from './dates.js';
import { attr, collapse, findFirst, textContent } from './dom.js';
import { chooseTitle } from './title.js';

export interface PageMetadata {
  title: string | null;
  /** Author named by JSON-LD or <meta>; the content grabber's byline node comes second. */
  metaAuthor: string | null;
  /** Author named next to the post heading ("22. April 2013 von Hildegard Sommer"). */
  zoneAuthor: string | null;
  /** Author found in the markup (h-entry, rel=author, .byline, "Geschrieben von X"), the last resort. */
  markupAuthor: string | null;
  published: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  excerpt: string | null;
  /** The site's own name (og:site_name, the JSON-LD publisher). */
  siteName: string | null;
  feeds: string[];
  /** Where relative links resolve: <base href> or the page URL. */
  baseUrl: string;
}

interface JsonLdArticle {
  title?: string;
  author?: string;
  excerpt?: string;
  published?: string;
  siteName?: string;
}

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$/;
const META_PROPERTY =
  /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/i;
const META_NAME =
  /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;
const EXTRA_DATE_META =
  /^(date|dc\.date|dc\.date\.issued|dc\.date\.created|dcterms\.created|dcterms\.issued|pubdate|publish[-_]?date|publication[-_]date|sailthru\.date|article\.published|article:published|og:published_time|datepublished|citation_publication_date)$/i;
const FEED_TYPES = /^application\/(rss|atom|feed)\+(xml|json)$|^application\/json$/i;

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function typeMatches(value: unknown): boolean {
  if (typeof value === 'string') return ARTICLE_TYPES.test(value);
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && ARTICLE_TYPES.test(item));
}

function findArticleNode(value: unknown, depth = 0): Record<string, unknown> | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const candidates = value
      .map((item) => findArticleNode(item, depth + 1))
      .filter((item) => item !== undefined);
    return candidates.find((item) => item['@type'] !== 'WebPage') ?? candidates[0];
  }
  const record = value as Record<string, unknown>;
  if (typeMatches(record['@type'])) return record;
  if (Array.isArray(record['@graph'])) return findArticleNode(record['@graph'], depth + 1);
  return undefined;
}

function authorNames(value: unknown): string | undefined {
  if (typeof value === 'string') return stringValue(value);
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((item) =>
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? (item as { name?: unknown }).name
          : undefined,
    )
    .map(stringValue)
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function readJsonLd($: CheerioAPI, documentTitle: string): JsonLdArticle {
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textContent(script).replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const node = findArticleNode(parsed);
    if (node === undefined) continue;
    const name = stringValue(node.name);
    const headline = stringValue(node.headline);
    let title = name ?? headline;
    if (name !== undefined && headline !== undefined && name !== headline) {
      const headlineMatches = textSimilarity(headline, documentTitle) > 0.75;
      const nameMatches = textSimilarity(name, documentTitle) > 0.75;
      title = headlineMatches && !nameMatches ? headline : name;
    }
    if (node['@type'] === 'WebPage' && headline === undefined) title = undefined;
    return {
      title,
      author: authorNames(node.author),
      excerpt: stringValue(node.description),
      published: stringValue(node.datePublished),
      siteName: stringValue((node.publisher as { name?: unknown } | undefined)?.name),
    };
  }
  return {};
}

function readMetaValues($: CheerioAPI): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of $('meta').toArray()) {
    const content = attr(meta, 'content')?.trim();
    if (!content) continue;
    const property = attr(meta, 'property');
    const propertyMatch = property === undefined ? null : META_PROPERTY.exec(property);
    if (propertyMatch !== null) {
      values.set(propertyMatch[0].toLowerCase().replace(/\s/g, ''), content);
      continue;
    }
    const name = attr(meta, 'name') ?? attr(meta, 'itemprop');
    if (name === undefined) continue;
    if (META_NAME.test(name)) {
      values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content);
    } else if (EXTRA_DATE_META.test(name) && !values.has('extra-date')) {
      values.set('extra-date', content);
    }
  }
  return values;
}

const ENTITY: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' };

/** Meta values are often entity-escaped twice; undo the common ones. */
function unescapeEntities(text: string): string {
  return text
    .replace(/&(quot|amp|apos|lt|gt);/g, (_m, name: string) => ENTITY[name]!)
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_m, hex: string | undefined, dec: string | undefined) => {
      const code = Number.parseInt(hex ?? dec ?? '0', hex ? 16 : 10);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(code);
    });
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/** The primary language subtag ("de" for "de-DE", "de_AT"), lower-case — what parades are keyed by. */
function normalizeLang(value: string | undefined): string | null {
  if (!value) return null;
  const lang = value
    .trim()
    .split(/[\s,;]/)[0]!
    .replace('_', '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang.split('-')[0]!.toLowerCase() : null;
}

function readLang($: CheerioAPI): string | null {
  return (
    normalizeLang($('html').attr('lang') ?? $('html').attr('xml:lang')) ??
    normalizeLang($('meta[property="og:locale"]').attr('content')) ??
    normalizeLang($('meta[http-equiv="content-language" i]').attr('content')) ??
    normalizeLang($('meta[name="language" i]').attr('content'))
  );
}

function readFeeds($: CheerioAPI, baseUrl: string): string[] {
  const feeds: string[] = [];
  for (const link of $('link[rel~="alternate"][href]').toArray()) {
    if (!FEED_TYPES.test(attr(link, 'type') ?? '')) continue;
    const url = absolutizeUrl(attr(link, 'href')!, baseUrl);
    if (url !== null && !feeds.includes(url)) feeds.push(url);
  }
  return feeds;
}

function readBaseUrl($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').attr('href');
  return (href && absolutizeUrl(href, pageUrl)) || pageUrl;
}

/** Reads title, author, date, language, canonical URL and feeds before the content is cut out. */
export function extractMetadata($: CheerioAPI, pageUrl: string): PageMetadata {
  const root = $.root()[0]! as unknown as Element;
  const baseUrl = readBaseUrl($, pageUrl);
  const documentTitle = collapse($('title').first().text());
  const jsonLd = readJsonLd($, documentTitle);
  const meta = readMetaValues($);
  const metaTitle =
    jsonLd.title ??
    meta.get('dc:title') ??
    meta.get('dcterm:title') ??
    meta.get('og:title') ??
    meta.get('weibo:article:title') ??
    meta.get('weibo:webpage:title') ??
    meta.get('title') ??
    meta.get('twitter:title') ??
    meta.get('parsely-title');
  const body = findFirst(root, (el) => el.name === 'body') ?? root;
  const siteName = meta.get('og:site_name') ?? jsonLd.siteName;
  const title = chooseTitle(body, {
    metaTitle: metaTitle === undefined ? undefined : unescapeEntities(metaTitle),
    documentTitle,
    siteName,
    pageUrl,
  });
  const titleHeading = findTitleHeading(body, title);
  const articleAuthor = meta.get('article:author');
  const metaAuthor =
    jsonLd.author ??
    meta.get('dc:creator') ??
    meta.get('dcterm:creator') ??
    meta.get('author') ??
    meta.get('parsely-author') ??
    (articleAuthor !== undefined && !isUrl(articleAuthor) ? articleAuthor : undefined);
  const excerpt =
    jsonLd.excerpt ??
    meta.get('dc:description') ??
    meta.get('dcterm:description') ??
    meta.get('og:description') ??
    meta.get('description') ??
    meta.get('twitter:description');
  const published =
    parseDate(jsonLd.published) ??
    parseDate(meta.get('article:published_time')) ??
    parseDate(meta.get('parsely-pub-date')) ??
    parseDate(meta.get('extra-date')) ??
    dateFromMarkup(body, titleHeading) ??
    dateFromZone(titleHeading);
  const canonical =
    $('link[rel~="canonical"][href]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return {
    title: title ? collapse(unescapeEntities(title)) || null : null,
    metaAuthor: metaAuthor ? collapse(unescapeEntities(metaAuthor)) || null : null,
    zoneAuthor: authorFromZone(titleHeading),
    markupAuthor: authorFromMarkup(body, titleHeading),
    published,
    lang: readLang($),
    canonicalUrl: canonical ? absolutizeUrl(canonical, baseUrl) : null,
    excerpt: excerpt ? collapse(unescapeEntities(excerpt)) || null : null,
    siteName: siteName ? collapse(unescapeEntities(siteName)).slice(0, 200) || null : null,
    feeds: readFeeds($, baseUrl),
    baseUrl,
  };
}
