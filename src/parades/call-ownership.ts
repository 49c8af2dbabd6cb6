import * as cheerio from 'cheerio';
import type { AppContext } from '../context.js';
import { type Reason, reason, storedReason } from '../reasons/reason.js';
import { normalizeUrl } from '../sanitize/index.js';
import { type Parade, recordCallCheck } from '../store/parade-repository.js';
import { readCallPage } from './call-details.js';
import { isBlocked } from './blocklist.js';

export function paradeUrl(ctx: AppContext, parade: Pick<Parade, 'slug'>): string {
  return `${ctx.config.baseUrl}/p/${parade.slug}`;
}

// The comment area of a call post, where anyone may write (comments, pingback and trackback
// excerpts, Webmentions): WordPress classic and block themes, Blogger, Disqus, microformats.
const COMMENT_AREA = [
  '#comments',
  '.comments',
  '.comments-area',
  '.comment-list',
  '.commentlist',
  '.comment-respond',
  '#respond',
  '.wp-block-comments',
  '.wp-block-comment-template',
  '#comments-block',
  '.comment-thread',
  '#disqus_thread',
  '.comment',
  '.pingback',
  '.trackback',
  '.webmentions',
  '.p-comment',
  '.u-comment',
  '.h-cite',
].join(', ');

/** The call page as its author wrote it: the comment area is left out, since strangers write there. */
function ownPart(html: string): cheerio.CheerioAPI {
  const $ = cheerio.load(html);
  $(COMMENT_AREA).remove();
  return $;
}

/** The call page shows `code` outside its comment area. */
export function callShowsCode(html: string, code: string): boolean {
  return code !== '' && html.includes(code) && ownPart(html).html().includes(code);
}

/**
 * The call page names the parade: it links one of its korso pages, or shows the code korso gave the
 * host — outside the comment area, so a comment or a pingback excerpt proves nothing.
 */
export function callNamesParade(
  html: string,
  pageUrl: string,
  paradeLink: string,
  code: string | null,
): boolean {
  const $ = ownPart(html);
  if (code && $.html().includes(code)) return true;
  const wanted = normalizeUrl(paradeLink);
  if (!wanted) return false;
  return $('a[href], link[href]')
    .toArray()
    .some((el) => {
      const key = normalizeUrl($(el).attr('href') ?? '', pageUrl);
      return key !== null && (key === wanted || key.startsWith(`${wanted}/`));
    });
}

export interface CallCheck {
  verified: boolean;
  why: Reason;
}

/** Judges a fetched call page (or the reason it could not be fetched) and stores the outcome. */
export async function judgeCallPage(
  ctx: AppContext,
  parade: Parade,
  page: { ok: true; url: string; html: string } | { ok: false; why: Reason },
): Promise<CallCheck> {
  let check: CallCheck;
  if (await isBlocked(ctx, parade.id, parade.call_url))
    check = { verified: false, why: reason('call.blocked') };
  else if (!page.ok) check = { verified: false, why: page.why };
  else if (callNamesParade(page.html, page.url, paradeUrl(ctx, parade), parade.verify_code))
    check = { verified: true, why: reason('call.verified') };
  else
    check = {
      verified: false,
      why: reason('call.notNamed', { url: paradeUrl(ctx, parade), code: parade.verify_code ?? '' }),
    };
  const stored = storedReason(check.why);
  // A proof once made stands while the call page is briefly down; a blocked domain ends it.
  const verifiedAt = check.verified
    ? (parade.call_verified_at ?? ctx.clock.now().toISOString())
    : check.why.code === 'call.blocked'
      ? null
      : parade.call_verified_at;
  await recordCallCheck(ctx.db, parade.id, {
    verifiedAt,
    checkedAt: ctx.clock.now().toISOString(),
    code: stored.code,
    params: stored.params,
  });
  ctx.log.info('call.checked', { parade: parade.slug, url: parade.call_url, status: check.why.code });
  return check;
}

/** Fetches the call page now and checks that it names the parade. */
export async function verifyCall(ctx: AppContext, parade: Parade): Promise<CallCheck> {
  return judgeCallPage(ctx, parade, await readCallPage(ctx, parade.call_url));
}
