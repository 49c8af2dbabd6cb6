import type { Element } from 'domhandler';
import { isForeignChrome } from './chrome.js';
import { parseDate } from './dates.js';
import {
  attr,
  boundedText,
  closest,
  collapse,
  elementChildren,
  findAll,
  findFirst,
  isInside,
  nextElementSibling,
  parentElement,
  previousElementSibling,
  textContent,
  textOf,
} from './dom.js';

/**
 * Author and date from the visible page when metadata is silent: microformats and schema.org
 * markup, byline classes, and the "byline zone" — the short lines around the post heading
 * ("22. April 2013 von Hildegard Sommer", "Geschrieben am 05.08.2010 von Jens Pohl").
 */

const DATE_HINT =
  /(^|[\s_-])(date|datum|published|pubdate|post-date|entry-date|posted-on|dt-published|time|meta-date)([\s_-]|$)/i;
const AUTHOR_HINT = /(^|[\s_-])(byline|author|autor|p-author|entry-author|post-author|vcard)([\s_-]|$)/i;
const BYLINE_PREFIX =
  /^(?:(?:posted|written|published|geschrieben|gepostet|verfasst|veröffentlicht|erstellt)\s+(?:by|von)|by|von|par|por|door|autor(?:in)?:?|author:?|written by:?)\s+/i;
/** "von Anna Sonne", "by merle-schreibt": a name of up to four words after von/by. */
const BY_NAME =
  /(?:^|[\s·|,(])(?:[Vv]on|[Bb]y|VON|BY)\s+([\p{L}][\p{L}\p{N}'’._-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|von|van|de|der|den|zu|di|da|le)){0,3})/u;
const EXPLICIT_BYLINE =
  /^(?:geschrieben|gepostet|veröffentlicht|verfasst|erstellt|posted|written|published|ein beitrag)\b|^(?:von|by)\s/iu;
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'zu', 'di', 'da', 'le']);
const ZONE_TEXT_LIMIT = 200;

/** Capitalized words that end a name in a byline: dates, times and update notes follow names. */
const NOT_NAME_WORDS =
  /^(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|januar|january|februar|february|märz|march|april|juni|june|juli|july|august|september|oktober|october|november|dezember|december|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|updated|aktualisiert|published|veröffentlicht|am|um|on|at|in|im|and|und)\.?$/i;

function trimParticles(name: string): string {
  const words = name.split(/\s+/);
  const cut = words.findIndex((word, index) => index > 0 && NOT_NAME_WORDS.test(word));
  if (cut > 0) words.length = cut;
  while (words.length > 1 && NAME_PARTICLES.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.join(' ');
}

/** The name in a "… von X …" / "by X" line, or null. */
export function nameAfterBy(text: string): string | null {
  const match = BY_NAME.exec(text);
  if (match === null) return null;
  const name = trimParticles(match[1]!.replace(/[.,;:]+$/, ''));
  // A lower-case word is prose ("von hier"), unless it is a handle like "merle-schreibt".
  return /^\p{Ll}[\p{Ll}\p{N}]*$/u.test(name) ? null : name;
}

/** Strips "By"/"von"/"Posted by" and whatever follows the name from a byline; null when empty. */
export function cleanByline(byline: string | null | undefined): string | null {
  if (!byline) return null;
  const text = collapse(byline);
  const byName = nameAfterBy(` ${text}`);
  if (byName !== null) return byName;
  const stripped = text
    .replace(BYLINE_PREFIX, '')
    .replace(/\s*[|,•·–-]?\s*(am|on|le|el)?\s*\d{1,2}\.\s*\S+\s+\d{4}.*$/i, '')
    .trim();
  if (stripped === '' || stripped.length > 100 || /^https?:\/\//i.test(stripped)) return null;
  return stripped;
}

/**
 * Inside comments, sidebars, related posts… — unless that block also holds the post heading
 * (Blogger wraps the post itself in "widget Blog").
 */
function insideChrome(el: Element, titleHeading: Element | null = null): boolean {
  const chrome = closest(
    el,
    (candidate) =>
      isForeignChrome(candidate) && (titleHeading === null || !isInside(titleHeading, candidate)),
  );
  return chrome !== null;
}

/** The heading that carries the post title (one outside comments and sidebars if there are several). */
export function findTitleHeading(root: Element, title: string | null): Element | null {
  if (title === null) return null;
  const wanted = collapse(title).toLowerCase();
  const matches = findAll(
    root,
    (el) => /^h[1-6]$/.test(el.name) && collapse(textContent(el)).toLowerCase() === wanted,
  );
  return matches.find((el) => !insideChrome(el)) ?? matches[0] ?? null;
}

/** Short blocks next to the title heading (and next to its wrapper, e.g. <header class="entry-header">). */
function bylineZone(heading: Element): Element[] {
  const zone: Element[] = [];
  const around = (el: Element): void => {
    let next = nextElementSibling(el);
    for (let i = 0; i < 3 && next !== null; i++, next = nextElementSibling(next)) zone.push(next);
    let previous = previousElementSibling(el);
    for (let i = 0; i < 2 && previous !== null; i++, previous = previousElementSibling(previous))
      zone.push(previous);
  };
  around(heading);
  const parent = parentElement(heading);
  if (parent !== null && elementChildren(parent).length <= 4 && parent.name !== 'body') around(parent);
  return zone;
}

function zoneTexts(heading: Element | null): string[] {
  if (heading === null) return [];
  const texts: string[] = [];
  for (const el of bylineZone(heading)) {
    const text = boundedText(el, ZONE_TEXT_LIMIT);
    if (text !== null && text !== '') texts.push(text);
    else
      for (const child of findAll(
        el,
        (node) => node.name === 'p' || node.name === 'small' || node.name === 'span',
      )) {
        const inner = boundedText(child, ZONE_TEXT_LIMIT);
        if (inner !== null && inner !== '') texts.push(inner);
        if (texts.length > 12) break;
      }
  }
  return texts;
}

/** A "von/by NAME" in a zone line that is a byline: it opens with one, or it carries the date. */
export function authorFromZone(heading: Element | null): string | null {
  for (const text of zoneTexts(heading)) {
    if (!EXPLICIT_BYLINE.test(text) && parseDate(text) === null) continue;
    const name = nameAfterBy(` ${text}`);
    if (name !== null) return name;
  }
  return null;
}

export function dateFromZone(heading: Element | null): string | null {
  for (const text of zoneTexts(heading)) {
    const date = parseDate(text);
    if (date !== null) return date;
  }
  return null;
}

/** Authors named in h-entry, rel=author, itemprop or byline-like markup, or a "von X" line. */
export function authorFromMarkup(root: Element, titleHeading: Element | null): string | null {
  const hinted = findAll(root, (el) => {
    if (attr(el, 'rel')?.split(/\s+/).includes('author')) return true;
    if (attr(el, 'itemprop') === 'author') return true;
    return AUTHOR_HINT.test(attr(el, 'class') ?? '');
  }).filter((el) => !insideChrome(el, titleHeading));
  for (const el of hinted.slice(0, 5)) {
    const name = findFirst(
      el,
      (node) => attr(node, 'itemprop') === 'name' || /\b(fn|p-name)\b/.test(attr(node, 'class') ?? ''),
    );
    const text = cleanByline(textOf(name ?? el));
    if (text !== null && text.length <= 60) return text;
  }
  const line = findFirst(root, (el) => {
    if (el.name !== 'p' && el.name !== 'span' && el.name !== 'div' && el.name !== 'small') return false;
    const text = boundedText(el, 120);
    return (
      text !== null &&
      EXPLICIT_BYLINE.test(text) &&
      nameAfterBy(` ${text}`) !== null &&
      !insideChrome(el, titleHeading)
    );
  });
  return line === null ? null : nameAfterBy(` ${boundedText(line, 120)}`);
}

export function dateFromMarkup(root: Element, titleHeading: Element | null): string | null {
  const published = findFirst(root, (el) => {
    const itemprop = attr(el, 'itemprop');
    return itemprop === 'datePublished' || /\bdt-published\b/.test(attr(el, 'class') ?? '');
  });
  if (published !== null) {
    const value = parseDate(
      attr(published, 'datetime') ??
        attr(published, 'content') ??
        attr(published, 'title') ??
        textContent(published),
    );
    if (value !== null) return value;
  }
  const times = findAll(root, (el) => el.name === 'time' && !insideChrome(el, titleHeading));
  const preferred = times.find(
    (el) => attr(el, 'pubdate') !== undefined || DATE_HINT.test(attr(el, 'class') ?? ''),
  );
  for (const time of preferred === undefined ? times : [preferred, ...times]) {
    const value = parseDate(attr(time, 'datetime') ?? textContent(time));
    if (value !== null) return value;
  }
  const hinted = findAll(root, (el) => DATE_HINT.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`));
  for (const el of hinted.filter((candidate) => !insideChrome(candidate, titleHeading)).slice(0, 10)) {
    const text = boundedText(el, 120);
    if (text === null) continue;
    const value = parseDate(text);
    if (value !== null) return value;
  }
  return null;
}
