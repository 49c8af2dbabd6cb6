const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|pk_campaign|pk_kwd|pk_source|pk_medium|wt_mc|wt\.mc_id|ref_src|oly_enc_id|oly_anon_id|vero_id|s_cid)$/i;
const INDEX_FILE = /\/(index|default)\.(html?|php|aspx?|jsp)$/i;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Resolves `href` against `base`; only http(s) URLs survive, the fragment is kept. */
export function absolutizeUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

/**
 * A comparison key for backlink checks and de-duplication, not an address to fetch: the scheme is
 * folded to https and `www.`, default port, fragment, trailing slash, index files and tracking
 * parameters are dropped; hosts become punycode; percent-escapes are upper-cased and unreserved
 * characters decoded. Returns null for anything but http(s).
 */
export function normalizeUrl(url: string, base?: string): string | null {
  const absolute = absolutizeUrl(url, base);
  if (absolute === null) return null;
  const parsed = new URL(absolute);
  const host = parsed.hostname.replace(/\.$/, '').replace(/^www\./, '');
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;
  let path = normalizePercentEncoding(parsed.pathname).replace(INDEX_FILE, '/');
  path = path.replace(/\/+$/, '');
  const params = [...parsed.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAM.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  return `https://${host}${port}${path}${query}`;
}

function normalizePercentEncoding(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
