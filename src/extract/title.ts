import type { Element } from 'domhandler';
import { attr, closest, collapse, findAll, findFirst, textContent } from './dom.js';

/**
 * The post title. Metadata titles (JSON-LD, og:title, <title>) often carry the site name
 * ("Post | Blog", "Blog » Blog Archive » Post"); the post's own heading settles which part is the
 * title. Rules, first match wins:
 * 1. a heading of the page equals the candidate, or equals a run of its separator-split segments
 *    (then of its segments split at ": " too, for Blogger's "Blog name: Post title");
 * 2. the main heading contains a short candidate ("Morgenroutine" in "Meine Morgenroutine – …");
 * 3. a segment equal to the site name (og:site_name, the branding heading) is cut off;
 * 4. a <title> goes through Readability's separator heuristic, any other candidate stays as is.
 */

const SEPARATOR = / (?:[|\-–—·»/:]|::) /;
const SEPARATOR_ALL = / (?:[|\-–—·»/:]|::) /g;
const COLON_SEPARATOR = / (?:[|\-–—·»/:]|::) |: /;
const COLON_SEPARATOR_ALL = / (?:[|\-–—·»/:]|::) |: /g;
const BRANDING =
  /(^|[\s_-])(site-title|site-name|site-branding|blog-title|blog-name|logo|brand|masthead|navbar-title-link)([\s_-]|$)/i;

export interface TitleSources {
  /** The best metadata title (JSON-LD, og:title, …), or undefined. */
  metaTitle: string | undefined;
  /** The raw <title>. */
  documentTitle: string;
  siteName: string | undefined;
  pageUrl: string;
}

const norm = (text: string): string => collapse(text).toLowerCase();
const wordCount = (text: string): number => text.split(/\s+/).length;

/** Headings that name the site, not the post: a link home or a branding class. */
function isBranding(heading: Element, origin: string | null): boolean {
  if (closest(heading, (el) => BRANDING.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`)) !== null)
    return true;
  const link = findFirst(heading, (el) => el.name === 'a');
  const href = link === null ? undefined : attr(link, 'href');
  if (href === undefined) return false;
  if (href === '/' || href === './') return true;
  try {
    const url = new URL(href, origin ?? undefined);
    return url.origin === origin && (url.pathname === '/' || url.pathname === '');
  } catch {
    return false;
  }
}

function pageHeadings(root: Element, pageUrl: string): { post: string[]; branding: string[] } {
  let origin: string | null = null;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    origin = null;
  }
  const post: string[] = [];
  const branding: string[] = [];
  for (const heading of findAll(root, (el) => el.name === 'h1' || el.name === 'h2' || el.name === 'h3')) {
    const text = collapse(textContent(heading));
    if (text === '') continue;
    (isBranding(heading, origin) ? branding : post).push(text);
  }
  return { post, branding };
}

/**
 * The run of consecutive segments of `title` that equals one of `texts`, longest first. Segments
 * split at the separators, or with `colon` at ": " too ("Blog name: Post title", Blogger's <title>).
 */
function matchingSegments(title: string, texts: Set<string>, colon = false): string | null {
  const separator = colon ? COLON_SEPARATOR : SEPARATOR;
  const segments = title.split(separator);
  for (let length = segments.length; length >= 1; length--) {
    for (let start = 0; start + length <= segments.length; start++) {
      const slice = segments.slice(start, start + length).join(' ');
      const original = findOriginalSlice(title, segments, start, length, colon);
      if (texts.has(norm(slice)) || texts.has(norm(original))) return original;
    }
  }
  return null;
}

/** Segments joined with the separators they had in the title. */
function findOriginalSlice(
  title: string,
  segments: string[],
  start: number,
  length: number,
  colon = false,
): string {
  const separators = [...title.matchAll(colon ? COLON_SEPARATOR_ALL : SEPARATOR_ALL)].map(
    (match) => match[0],
  );
  let out = segments[start]!;
  for (let i = start + 1; i < start + length; i++) out += separators[i - 1]! + segments[i]!;
  return out;
}

function withoutSiteName(title: string, siteNames: string[]): string | null {
  const segments = title.split(SEPARATOR);
  if (segments.length < 2) return null;
  const names = new Set(siteNames.map(norm));
  const first = norm(segments[0]!);
  const last = norm(segments[segments.length - 1]!);
  if (names.has(last)) return findOriginalSlice(title, segments, 0, segments.length - 1);
  if (names.has(first)) return findOriginalSlice(title, segments, 1, segments.length - 1);
  return null;
}

/** Readability's <title> heuristic: drop the last separator part unless too little remains. */
function readabilityTitle(original: string, headings: string[]): string {
  let title = original;
  let hierarchical = false;
  if (/ [|\-\\/>»–—] /.test(title)) {
    hierarchical = / [\\/>»] /.test(title);
    const separators = [...original.matchAll(/ [|\-\\/>»–—] /g)];
    title = original.slice(0, separators[separators.length - 1]!.index);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»–—]*[|\-\\/>»–—]/, '');
  } else if (title.includes(': ')) {
    if (!headings.some((heading) => heading === title)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  }
  title = collapse(title);
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-\\/>»–—]+/g, '')) - 1)) {
    title = original;
  }
  return title;
}

export function chooseTitle(root: Element, sources: TitleSources): string | null {
  const { post, branding } = pageHeadings(root, sources.pageUrl);
  const candidate = collapse(sources.metaTitle ?? sources.documentTitle);
  if (candidate === '') return post.length === 1 ? post[0]! : null;
  const headingSet = new Set(post.map(norm));
  if (headingSet.has(norm(candidate))) return candidate;
  const segment = matchingSegments(candidate, headingSet) ?? matchingSegments(candidate, headingSet, true);
  if (segment !== null) return segment;
  const main = post.find((heading) => norm(heading).includes(norm(candidate)));
  if (main !== undefined && wordCount(candidate) <= 3) return main;
  const siteNames = [...branding, ...(sources.siteName ? [sources.siteName] : [])];
  const trimmed = withoutSiteName(candidate, siteNames);
  if (trimmed !== null) return trimmed;
  if (sources.metaTitle === undefined) return readabilityTitle(candidate, post);
  return candidate;
}
