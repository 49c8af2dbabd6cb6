import sanitize from 'sanitize-html';
import { absolutizeUrl } from './url.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'figure',
  'figcaption',
  'img',
  'code',
  'pre',
];
const LINK_REL = 'nofollow noopener ugc';

function hrefTarget(href: string | undefined, baseUrl: string): string | null {
  if (href === undefined) return null;
  const trimmed = href.trim();
  if (/^mailto:/i.test(trimmed)) return trimmed;
  return absolutizeUrl(trimmed, baseUrl);
}

/**
 * Allowlist sanitizing of third-party HTML before it is stored: only simple text markup survives,
 * links and images are absolutized against `baseUrl` and limited to http(s) (links also mailto),
 * every link gets rel="nofollow noopener ugc".
 */
export function sanitizeHtml(html: string, baseUrl: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'button',
      'select',
      'template',
      'svg',
      'math',
    ],
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      a: (_tagName, attribs) => {
        const href = hrefTarget(attribs.href, baseUrl);
        const out: Record<string, string> = href === null ? {} : { href, rel: LINK_REL };
        return { tagName: 'a', attribs: out };
      },
      img: (_tagName, attribs) => {
        const src = attribs.src === undefined ? null : absolutizeUrl(attribs.src, baseUrl);
        const out: Record<string, string> = {};
        if (src !== null) out.src = src;
        if (attribs.alt !== undefined) out.alt = attribs.alt;
        return { tagName: 'img', attribs: out };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && frame.attribs.src === undefined,
  });
}
