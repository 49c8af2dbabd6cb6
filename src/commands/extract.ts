import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import { extractPage } from '../extract/index.js';
import type { ExtractedPage } from '../extract/types.js';
import type { HttpClient } from '../http/types.js';

const WEB = /^https?:\/\//i;

/** `korso extract`: files need only the extractor; the guarded client is loaded for URLs alone. */
export async function extractCommand(
  inputs: string[],
  opts: { json?: boolean; url?: string },
  config: Config,
): Promise<void> {
  let http: HttpClient | null = null;
  if (inputs.some((i) => WEB.test(i))) {
    const [{ createHttpClient }, { createLogger }] = await Promise.all([
      import('../http/client.js'),
      import('../log.js'),
    ]);
    http = createHttpClient(config.http, { log: createLogger(config.logLevel) });
  }
  let failures = 0;
  try {
    for (const input of inputs) {
      try {
        const page = await extractOne(input, opts.url, http);
        process.stdout.write(
          opts.json ? `${JSON.stringify(extractJson(input, page))}\n` : formatPage(input, page),
        );
      } catch (error) {
        failures++;
        const message = error instanceof Error ? error.message : String(error);
        if (opts.json) process.stdout.write(`${JSON.stringify({ source: input, error: message })}\n`);
        else process.stderr.write(`${input}: ${message}\n`);
      }
    }
  } finally {
    await http?.close();
  }
  if (failures > 0) process.exitCode = 1;
}

async function extractOne(
  input: string,
  pageUrl: string | undefined,
  http: HttpClient | null,
): Promise<ExtractedPage> {
  if (WEB.test(input)) {
    if (!http) throw new Error('no HTTP client');
    const result = await http.fetch(input);
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    return extractPage({ bytes: result.body, url: pageUrl ?? result.url, contentType: result.contentType });
  }
  const bytes = await fs.readFile(input);
  return extractPage({ bytes, url: pageUrl ?? pathToFileURL(path.resolve(input)).href });
}

/** The `--json` contract (DESIGN.md): one object per input, keys in this order. */
export function extractJson(source: string, page: ExtractedPage) {
  return {
    source,
    url: page.url,
    title: page.title,
    author: page.author,
    published: page.published,
    lang: page.lang,
    text: page.text,
    lists: page.lists.map((l) => ({
      ordered: l.ordered,
      intro: l.intro,
      items: l.items,
      ...(l.parent ? { parent: l.parent } : {}),
    })),
    links: page.links,
  };
}

function formatPage(source: string, page: ExtractedPage): string {
  const lines = [`# ${page.title ?? '(no title)'}`, `source: ${source}`];
  if (page.author) lines.push(`author: ${page.author}`);
  if (page.published) lines.push(`published: ${page.published}`);
  if (page.lang) lines.push(`lang: ${page.lang}`);
  for (const [i, list] of page.lists.entries()) {
    lines.push(
      '',
      `## list ${i + 1}${list.ordered ? ' (ordered)' : ''}${list.intro ? `: ${list.intro}` : ''}`,
    );
    for (const [n, item] of list.items.entries())
      lines.push(list.ordered ? `${n + 1}. ${item}` : `- ${item}`);
  }
  lines.push('', `links: ${page.links.length}`, '');
  return `${lines.join('\n')}\n`;
}
