// German building blocks for benchmark data: blog parade entries as korso stores them after a crawl.
// The same arrays feed the JS generator (bench:serve) and the set-based SQL seed (bench:scale).

export const FIRST_NAMES = [
  'Anna',
  'Bernd',
  'Claudia',
  'Dirk',
  'Elke',
  'Frank',
  'Gabi',
  'Heike',
  'Ines',
  'Jörg',
  'Katrin',
  'Lars',
  'Monika',
  'Nils',
  'Olga',
  'Petra',
  'Ralf',
  'Sabine',
  'Thomas',
  'Ulrike',
  'Volker',
  'Wiebke',
  'Yvonne',
  'Jürgen',
  'Sören',
  'Maren',
  'Björn',
  'Doris',
  'Kerstin',
  'Matthias',
];

export const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
];

/** Two parts make a blog's host name: `kaffee` + `notizen` → kaffeenotizen.de */
export const HOST_STEMS = [
  'kaffee',
  'garten',
  'text',
  'buch',
  'wander',
  'foto',
  'nadel',
  'kuechen',
  'code',
  'zahlen',
  'worte',
  'stadt',
  'land',
  'see',
  'berg',
  'werk',
  'licht',
  'papier',
  'reise',
  'alltags',
];
export const HOST_SUFFIXES = [
  'notizen',
  'blog',
  'geschichten',
  'werkstatt',
  'zeit',
  'liebe',
  'gedanken',
  'welt',
  'stube',
  'tagebuch',
  'kram',
  'leben',
  'spuren',
  'momente',
  'seiten',
];
export const TLDS = ['de', 'de', 'de', 'at', 'ch', 'blog', 'net'];

export const TITLE_OPENERS = [
  'Mein Beitrag zur Blogparade',
  'Blogparade',
  'Meine Antwort',
  'Endlich dabei',
  'Mitgemacht',
  'Ehrlich gesagt',
  'Nach langem Überlegen',
  'Zum Aufruf',
  'Aus meiner Sicht',
  'Kurz und knapp',
  'Ein Rückblick',
  'Was ich gelernt habe',
  'Meine Liste',
  'Gedanken zur Blogparade',
];
export const TITLE_TOPICS = [
  'Mein Wunschkunde ist …',
  'Was mich antreibt',
  'Warum ich blogge',
  'Mein perfekter Arbeitstag',
  'Bücher, die mich geprägt haben',
  'Mein Garten im Herbst',
  'Was ich als Selbstständige gelernt habe',
  'Meine liebsten Werkzeuge',
  'Gute Vorsätze, die ich wirklich halte',
  'Dinge, die mir Freude machen',
  'Mein Weg zum eigenen Blog',
  'So organisiere ich meine Woche',
  'Reisen mit kleinem Gepäck',
  'Was ein gutes Team ausmacht',
  'Warum ich gerne Listen schreibe',
  'Meine Lieblingsorte in der Stadt',
];

export const INTRO_SENTENCES = [
  'Als ich den Aufruf zu dieser Blogparade gelesen habe, wusste ich sofort, dass ich mitmachen möchte.',
  'Das Thema beschäftigt mich schon seit einigen Jahren, und es wird Zeit, meine Gedanken aufzuschreiben.',
  'Vielen Dank für die schöne Idee und die Einladung, hier meine Sicht der Dinge zu teilen.',
  'Ich habe lange überlegt, was ich dazu schreiben soll, und am Ende ist doch eine Liste daraus geworden.',
  'Im Alltag denke ich selten bewusst darüber nach, obwohl es fast jeden Tag eine Rolle spielt.',
  'Manches davon klingt selbstverständlich, anderes habe ich erst durch schlechte Erfahrungen gelernt.',
  'Die Antworten der anderen Teilnehmerinnen und Teilnehmer habe ich mit großer Neugier gelesen.',
  'Meine Liste ist sicher nicht vollständig, aber sie zeigt ziemlich gut, worauf es mir ankommt.',
  'Vor allem in den letzten Monaten hat sich mein Blick darauf deutlich verändert.',
  'Wer mich kennt, wird bei einigen Punkten schmunzeln, weil ich sie ständig wiederhole.',
  'Ich freue mich auf eure Kommentare und bin gespannt, was ihr anders seht.',
  'Bevor es losgeht, noch ein Wort dazu, warum mir dieses Thema so am Herzen liegt.',
  'Gerade am Anfang meiner Selbstständigkeit hätte ich mir eine solche Übersicht gewünscht.',
  'Einige Punkte stammen aus Gesprächen mit Kolleginnen, denen ich dafür herzlich danke.',
  'Die Reihenfolge ist übrigens keine Rangfolge, sondern so, wie es mir eingefallen ist.',
  'Beim Schreiben habe ich gemerkt, wie viel sich seit meinem ersten Blogartikel getan hat.',
];

export const LEAD_INS = [
  'Mein Wunschkunde ist jemand, der …',
  'Was ich mir von einer guten Zusammenarbeit wünsche:',
  'Diese Dinge machen für mich den Unterschied:',
  'Darauf möchte ich nicht mehr verzichten:',
  'Woran ich merke, dass es passt:',
  'Meine wichtigsten Punkte in Kürze:',
  'Das habe ich in den letzten Jahren gelernt:',
  'So sieht ein guter Tag für mich aus:',
  'Was wir gemeinsam erreichen wollen:',
  'Hier kommt meine Liste:',
];

export const ITEMS = [
  'zahlt pünktlich und ohne Erinnerung',
  'sagt offen, was er braucht und was nicht',
  'vertraut meiner Erfahrung, auch wenn es einmal anders kommt',
  'hält sich an Absprachen und Termine',
  'gibt ehrliches Feedback, auch wenn es unbequem ist',
  'schätzt gute Arbeit und sagt das auch',
  'hat Lust auf neue Ideen und probiert gerne etwas aus',
  'antwortet innerhalb weniger Tage auf Fragen',
  'versteht, dass Qualität ihren Preis hat',
  'empfiehlt mich weiter, wenn er zufrieden ist',
  'plant genug Zeit für Abstimmungen ein',
  'bringt Humor mit, auch wenn es stressig wird',
  'kennt seine Zielgruppe und teilt dieses Wissen',
  'lässt mir Freiraum für eigene Vorschläge',
  'meldet sich, bevor aus einem kleinen Problem ein großes wird',
  'ein ruhiger Morgen mit einer Tasse Kaffee auf dem Balkon',
  'eine klare Aufgabenliste, die ich am Abend abhaken kann',
  'Zeit zum Lesen ohne schlechtes Gewissen',
  'ein Spaziergang in der Mittagspause, egal bei welchem Wetter',
  'Gespräche, in denen niemand auf die Uhr schaut',
  'Projekte, bei denen ich etwas Neues lernen kann',
  'ein aufgeräumter Schreibtisch am Freitagnachmittag',
  'Notizbücher mit festem Einband und dickem Papier',
  'regelmäßige Pausen, die ich mir wirklich gönne',
  'ein Netzwerk aus Menschen, die ähnlich denken',
  'Mut, auch einmal Nein zu sagen',
  'Geduld mit mir selbst, wenn etwas länger dauert',
  'ein fester Tag pro Woche nur für eigene Projekte',
  'frische Kräuter aus dem eigenen Beet',
  'Bücher, die ich mehr als einmal lese',
  'eine gute Playlist für konzentrierte Stunden',
  'ehrliche Rückmeldungen aus der Leserschaft',
  'Klarheit darüber, wofür ich stehe',
  'Zeit für die Familie am Wochenende',
  'ein Plan B für Tage, an denen nichts klappt',
  'kleine Rituale, die den Tag strukturieren',
  'Kolleginnen, mit denen ich mich austauschen kann',
  'das gute Gefühl, etwas zu Ende gebracht zu haben',
  'Offenheit für Kritik und den Willen, besser zu werden',
  'Respekt vor der Zeit der anderen',
];

/** A few items carry markup, as the sanitizer leaves it: emphasis and links. */
export const EMPHASIS = ['wirklich', 'immer', 'gerne', 'ehrlich', 'rechtzeitig', 'gemeinsam'];

export const PARADE_TOPICS = [
  'Mein Wunschkunde ist …',
  'Warum ich blogge',
  'Mein Arbeitsplatz',
  'Bücher meines Lebens',
  'Mein Garten, mein Glück',
  'Was ich von meinem Hund gelernt habe',
  'Meine Morgenroutine',
  'Nachhaltig im Alltag',
  'Reisen in Deutschland',
  'Mein erstes Jahr als Selbstständige',
  'Lieblingsrezepte aus Omas Küche',
  'Digitale Werkzeuge für Kreative',
  'Was Führung für mich bedeutet',
  'Mein Weg zur Achtsamkeit',
  'Fotografieren mit dem Handy',
  'Ehrenamt und warum es sich lohnt',
  'Die besten Podcasts',
  'Mein Lieblingsmuseum',
  'Schreiben als Beruf',
  'Wandern vor der Haustür',
];

export const CLOSINGS = [
  'Und wie sieht das bei euch aus? Schreibt es mir gerne in die Kommentare.',
  'Danke fürs Lesen – ich bin gespannt auf die anderen Beiträge zur Blogparade.',
  'Das Beitragsbild habe ich selbst fotografiert.',
  'Hast du Lust bekommen, selbst mitzumachen? Der Aufruf ist oben verlinkt.',
];

/** mulberry32: small, fast, deterministic, so every run seeds the same parade. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface GeneratedList {
  ordered: boolean;
  intro: string | null;
  items: { text: string; html: string }[];
}

export interface GeneratedEntry {
  url: string;
  host: string;
  title: string;
  author: string;
  published: string;
  excerpt: string;
  contentHtml: string;
  lists: GeneratedList[];
}

function makeList(rng: () => number, count: number, intro: string | null, host: string): GeneratedList {
  const items: { text: string; html: string }[] = [];
  for (let i = 0; i < count; i++) {
    const text = pick(rng, ITEMS);
    const roll = rng();
    if (roll < 0.12) {
      const word = pick(rng, EMPHASIS);
      items.push({ text: `${text}, ${word}`, html: `${escapeText(text)}, <strong>${word}</strong>` });
    } else if (roll < 0.17) {
      items.push({
        text,
        html: `<a href="https://${host}/${i + 1}/">${escapeText(text)}</a>`,
      });
    } else {
      items.push({ text, html: escapeText(text) });
    }
  }
  return { ordered: rng() < 0.2, intro, items };
}

/** One crawled entry: title, author, date, intro, one list of about fifteen items (sometimes two, or a nested one). */
export function generateEntry(
  rng: () => number,
  index: number,
  callUrl: string,
  year = 2026,
): GeneratedEntry {
  const host = `${pick(rng, HOST_STEMS)}${pick(rng, HOST_SUFFIXES)}${index}.${pick(rng, TLDS)}`;
  const title = `${pick(rng, TITLE_OPENERS)}: ${pick(rng, TITLE_TOPICS)}`;
  const author = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  const day = new Date(Date.UTC(year, 8, 1) + Math.floor(rng() * 60 * 86_400_000));
  const excerpt = [pick(rng, INTRO_SENTENCES), pick(rng, INTRO_SENTENCES), pick(rng, INTRO_SENTENCES)].join(
    ' ',
  );
  const lists = [makeList(rng, 12 + Math.floor(rng() * 7), pick(rng, LEAD_INS), host)];
  const shape = rng();
  // About one in five has a second list; one in twelve a nested list, stored after its parent.
  if (shape < 0.2) lists.push(makeList(rng, 5 + Math.floor(rng() * 6), pick(rng, LEAD_INS), host));
  else if (shape < 0.28) lists.push(makeList(rng, 3 + Math.floor(rng() * 3), null, host));
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const url = `https://${host}/${day.toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}/`;
  const listHtml = lists
    .map((l) => {
      const tag = l.ordered ? 'ol' : 'ul';
      const intro = l.intro ? `<p>${escapeText(l.intro)}</p>` : '';
      return `${intro}<${tag}>${l.items.map((i) => `<li>${i.html}</li>`).join('')}</${tag}>`;
    })
    .join('');
  const contentHtml =
    `<p>${escapeText(excerpt)} <a href="${callUrl}">Zum Aufruf der Blogparade</a>.</p>` +
    `<p>${escapeText(pick(rng, INTRO_SENTENCES))} ${escapeText(pick(rng, INTRO_SENTENCES))}</p>` +
    `<figure><img src="https://${host}/bilder/titelbild.jpg" alt=""><figcaption>${escapeText(title)}</figcaption></figure>` +
    `${listHtml}<p>${escapeText(pick(rng, CLOSINGS))}</p>`;
  return {
    url,
    host,
    title,
    author,
    published: day.toISOString(),
    excerpt,
    contentHtml,
    lists,
  };
}
