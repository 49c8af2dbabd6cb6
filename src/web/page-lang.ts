import type { Context } from 'hono';

const langs = new WeakMap<Request, string>();

/** The language errors of this request are told in: the parade's, once a route knows it. */
export function setRequestLang(c: Context, lang: string | null | undefined): void {
  if (lang === 'de' || lang === 'en') langs.set(c.req.raw, lang);
}

/** Pages speak German unless told otherwise; the API and Webmention follow Accept-Language, English by default. */
export function requestLang(c: Context): 'de' | 'en' {
  const set = langs.get(c.req.raw);
  if (set === 'de' || set === 'en') return set;
  const accepted = (c.req.header('Accept-Language') ?? '').trim().toLowerCase();
  if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/webmention'))
    return accepted.startsWith('de') ? 'de' : 'en';
  return accepted.startsWith('en') ? 'en' : 'de';
}
