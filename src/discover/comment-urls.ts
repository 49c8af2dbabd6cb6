import { normalizeUrl } from '../sanitize/index.js';

// WordPress pretty permalinks; `?cpage=N` on plain ones; Blogger's classic template past 200 comments.
const PAGE_PATH = /\/comment-page-(\d+)\/?$/;
const PAGE_PARAMS = ['cpage', 'commentPage'];
// Query parameters that still mean "this post": comment pages, replies, moderation notes, Blogger's comment anchors.
const SAME_POST_PARAMS = [...PAGE_PARAMS, 'replytocom', 'unapproved', 'moderation-hash', 'showComment'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The number a comment-page URL carries: WordPress `comment-page-N/` or `?cpage=N`, Blogger `?commentPage=N`. */
export function commentPageNumber(url: string): number | null {
  const parsed = parse(url);
  if (parsed === null) return null;
  const raw =
    PAGE_PATH.exec(parsed.pathname)?.[1] ?? PAGE_PARAMS.map((p) => parsed.searchParams.get(p)).find((v) => v);
  const n = Number(raw ?? Number.NaN);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The post a comment page belongs to, as a comparison key: without comment-page part, reply parameters and fragment. */
export function commentPostKey(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null) return null;
  parsed.hash = '';
  for (const p of SAME_POST_PARAMS) parsed.searchParams.delete(p);
  parsed.pathname = parsed.pathname.replace(PAGE_PATH, '/');
  return normalizeUrl(parsed.href);
}

/** A page's address as korso stores and fetches it: absolute, without fragment. */
export function pageAddress(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
