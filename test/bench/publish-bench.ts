/**
 * korso's publishing renderers against peers measured in the same run, one command:
 *   npm run bench:publish [-- --rounds N]
 * - dates: formatDate with cached Intl formatters vs toLocaleDateString per call, 5,000 dates;
 * - round-up: 2,000 entries vs 200 (a ratio near 10 means the work grows linearly);
 * - feeds: Atom of 200 entries vs 2,000 (the same check for the feed renderer).
 */
import { performance } from 'node:perf_hooks';
import { renderAtom } from '../../src/publish/feed-renderer.js';
import { formatDate } from '../../src/publish/parade-state.js';
import { renderRoundupHtml, renderRoundupMarkdown } from '../../src/publish/roundup-renderer.js';
import type { PublishedEntry, PublishedParade, PublishedTheme } from '../../src/publish/types.js';

const rounds = (() => {
  const i = process.argv.indexOf('--rounds');
  return i >= 0 ? Number(process.argv[i + 1]) : 5;
})();

/** The best of `rounds` runs, in milliseconds: the least disturbed by other work on the machine. */
function best(run: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    run();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const parade: PublishedParade = {
  slug: 'bench',
  title: 'Mein Wunschkunde ist …',
  callUrl: 'https://host.example/aufruf/',
  prompt: 'Mein Wunschkunde ist …',
  hashtag: null,
  hostName: 'Hanna Host',
  lang: 'de',
  deadline: '2026-05-15T21:59:59.000Z',
  timeZone: 'Europe/Berlin',
  state: 'closed',
  createdAt: '2026-04-01T00:00:00.000Z',
  url: 'https://korso.example/p/bench',
  roundupIntro: null,
};

function entries(count: number): PublishedEntry[] {
  return Array.from({ length: count }, (_x, i) => {
    const published = new Date(Date.parse('2026-04-02T00:00:00Z') + i * 1_800_000).toISOString();
    return {
      id: i,
      url: `https://blog${i}.example/wunschkunde/`,
      title: `Mein Wunschkunde, Teil ${i}`,
      author: `Person ${i}`,
      published,
      excerpt: 'Ein paar Gedanken.',
      lists: [
        {
          ordered: false,
          intro: 'Mein Wunschkunde ist …',
          items: Array.from({ length: 15 }, (_y, j) => ({
            text: `Punkt ${j} mit etwas Text`,
            html: `<strong>Punkt ${j}</strong> mit <em>etwas</em> Text`,
          })),
        },
        {
          ordered: false,
          intro: null,
          items: [{ text: 'darunter', html: 'darunter' }],
          parent: { list: 0, item: 0 },
        },
      ],
      firstSeen: published,
      updated: published,
      late: Date.parse(published) > Date.parse(parade.deadline as string),
      blogName: `Blog ${i}`,
      blogUrl: `https://blog${i}.example/`,
      feedUrl: null,
    };
  });
}

function themes(list: PublishedEntry[]): PublishedTheme[] {
  return Array.from({ length: 30 }, (_x, t) => ({
    label: `Thema ${t}`,
    participants: list
      .filter((_e, i) => i % (t + 2) === 0)
      .map((e) => ({ name: e.author ?? '', url: e.blogUrl })),
    items: list
      .filter((_e, i) => i % (t + 2) === 0)
      .map((e) => ({ text: `Punkt ${t % 15} mit etwas Text`, url: e.url })),
  }));
}

const dates = Array.from({ length: 5000 }, (_x, i) =>
  new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
);
const cached = best(() => dates.map((d) => formatDate(d, 'de', 'Europe/Berlin')));
const perCall = best(() =>
  dates.map((d) =>
    new Date(d).toLocaleDateString('de-DE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Berlin',
    }),
  ),
);

const small = entries(200);
const large = entries(2000);
const smallThemes = themes(small);
const largeThemes = themes(large);
const md200 = best(() => renderRoundupMarkdown(parade, small, smallThemes));
const md2000 = best(() => renderRoundupMarkdown(parade, large, largeThemes));
const html2000 = best(() => renderRoundupHtml(parade, large, largeThemes));
const links = {
  page: parade.url,
  rss: `${parade.url}/feed.xml`,
  atom: `${parade.url}/atom.xml`,
  json: `${parade.url}/feed.json`,
};
const atom200 = best(() => renderAtom(parade, small, links));
const atom2000 = best(() => renderAtom(parade, large, links));

const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(`best of ${rounds} rounds`);
console.log(
  `dates      5,000 formatDate ${ms(cached)} vs toLocaleDateString per call ${ms(perCall)}: ${(perCall / cached).toFixed(1)}× faster`,
);
console.log(
  `round-up   Markdown 200 entries ${ms(md200)}, 2,000 entries ${ms(md2000)} (HTML ${ms(html2000)}): ratio ${(md2000 / md200).toFixed(1)} for 10× the entries`,
);
console.log(
  `feeds      Atom 200 entries ${ms(atom200)}, 2,000 entries ${ms(atom2000)}: ratio ${(atom2000 / atom200).toFixed(1)} for 10× the entries`,
);
