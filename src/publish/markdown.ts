/** Escapes inline Markdown markup; `&` only where it would start an entity reference. */
export function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes what would make a line start a list item, a heading or a quote. */
export function escapeLineStart(line: string): string {
  return (
    line
      .replace(/^(\s*)([#+-])(\s|$)/, '$1\\$2$3')
      // A digit cannot be escaped in CommonMark; the period or parenthesis after it can.
      .replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3')
  );
}

/** Escapes what Markdown would read as markup; a line start that looks like a list or heading too. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A Markdown link destination in angle brackets, which allow anything but <, > and line breaks. */
export function markdownUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

const EMPHASIS: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*' };
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

interface Open {
  tag: string;
  start: number;
  href: string | null;
}

/**
 * Inline HTML (as sanitize/ leaves it) as one line of Markdown: strong/b, em/i, a and code keep
 * their meaning, every other tag gives way to its text, and all text is escaped.
 */
export function htmlToMarkdown(html: string): string {
  let out = '';
  const open: Open[] = [];
  let code: string | null = null;
  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, rawTag, attrs = '', text] = m;
    const tag = rawTag?.toLowerCase();
    if (code !== null) {
      if (tag === 'code' && closing) {
        out += codeSpan(decodeEntities(code).replace(/\s+/g, ' '));
        code = null;
      } else code += tag ? '' : whole;
      continue;
    }
    if (!tag) {
      out += escapeInline(decodeEntities(text ?? whole).replace(/\s+/g, ' '));
    } else if (tag === 'code' && !closing) {
      code = '';
    } else if (tag === 'br') {
      out += ' ';
    } else if (tag === 'img' && !closing) {
      const alt = attribute(attrs, 'alt');
      if (alt) out += escapeInline(alt);
    } else if (!closing && (EMPHASIS[tag] || tag === 'a')) {
      const href = tag === 'a' ? attribute(attrs, 'href') : null;
      open.push({ tag, start: out.length, href: href && /^(https?|mailto):/i.test(href) ? href : null });
    } else if (closing && (EMPHASIS[tag] || tag === 'a')) {
      const at = open.findLastIndex((o) => o.tag === tag);
      if (at < 0) continue;
      const [o] = open.splice(at, 1) as [Open];
      const inner = out.slice(o.start);
      const body = inner.trim();
      const lead = inner.slice(0, inner.length - inner.trimStart().length);
      const trail = inner.slice(inner.trimEnd().length);
      let wrapped = body;
      if (body && tag === 'a' && o.href) wrapped = `[${body}](${markdownUrl(o.href)})`;
      else if (body && EMPHASIS[tag]) wrapped = `${EMPHASIS[tag]}${body}${EMPHASIS[tag]}`;
      out = `${out.slice(0, o.start)}${lead}${wrapped}${trail}`;
    }
  }
  if (code !== null) out += codeSpan(decodeEntities(code).replace(/\s+/g, ' '));
  return escapeLineStart(out.replace(/ {2,}/g, ' ').trim());
}
