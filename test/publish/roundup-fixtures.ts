import type { PublishedEntry, PublishedParade, PublishedTheme } from '../../src/publish/types.js';

export const parade: PublishedParade = {
  slug: 'wunschkunde',
  title: 'Mein Wunschkunde ist …',
  callUrl: 'https://host.example/aufruf/',
  prompt: null,
  lang: 'de',
  deadline: '2026-11-30T22:59:59.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  hashtag: null,
  hostName: 'Hanna Host',
  timeZone: 'Europe/Berlin',
  state: 'closed',
  url: 'https://korso.example/p/wunschkunde',
  roundupIntro: null,
};

export const entry = (over: Partial<PublishedEntry>): PublishedEntry => ({
  id: 1,
  late: false,
  blogName: 'a.example',
  blogUrl: 'https://a.example/',
  feedUrl: null,
  url: 'https://a.example/post/',
  title: 'Titel',
  author: null,
  published: null,
  excerpt: null,
  lists: [],
  firstSeen: '2026-11-10T00:00:00.000Z',
  updated: '2026-11-10T00:00:00.000Z',
  ...over,
});

const plain = (text: string) => ({ text, html: '' });

export const anna = entry({
  id: 2,
  url: 'https://anna.example/wunsch/',
  blogName: 'Annas Atelier',
  blogUrl: 'https://anna.example/',
  title: 'Annas Wunschkunde',
  author: 'Anna Schäfer',
  published: '2026-11-12T08:00:00.000Z',
  excerpt: 'Ein Text über Kunden.',
  lists: [
    {
      ordered: false,
      intro: 'Mein Wunschkunde ist …',
      items: [
        { text: 'neugierig', html: '<strong>neugierig</strong>' },
        { text: '- zahlt <pünktlich>', html: '- zahlt &lt;pünktlich&gt;' },
        plain('hört zu'),
        plain('bringt Kuchen mit'),
        plain('kennt sein Ziel'),
        plain('lacht gern'),
        plain('zahlt im Voraus'),
        plain('empfiehlt mich weiter'),
      ],
    },
    {
      ordered: false,
      intro: null,
      items: [
        plain('auf Neues'),
        { text: 'auf *Ideen*', html: 'auf <em>Ideen</em>' },
        plain('auf Wege'),
        plain('auf mehr'),
      ],
      parent: { list: 0, item: 0 },
    },
  ],
});

export const jonas = entry({
  id: 3,
  url: 'https://jonas.example/wunsch/',
  blogName: 'Jonas Ebert',
  blogUrl: 'https://jonas.example/',
  title: 'Holz *und* [Leim]',
  author: 'Jonas Ebert',
  published: '2026-11-23T08:00:00.000Z',
  lists: [{ ordered: true, intro: 'Sechs Dinge:', items: [{ text: '1. Er kommt', html: '1. Er kommt' }] }],
});

export const lena = entry({
  id: 4,
  late: true,
  url: 'https://lena.example/spaet/',
  blogName: 'Lenas Notizen',
  blogUrl: 'https://lena.example/',
  title: 'Spät, aber herzlich',
  author: null,
  published: '2026-12-02T10:00:00.000Z',
  lists: [{ ordered: false, intro: null, items: [plain('ehrlich'), plain('geduldig')] }],
});

export const themes: PublishedTheme[] = [
  {
    label: 'Zahlt im Voraus',
    participants: [
      { name: 'Anna Schäfer', url: 'https://anna.example/' },
      { name: 'Jonas Ebert', url: 'https://jonas.example/' },
      { name: 'Lenas Notizen', url: 'https://lena.example/' },
    ],
    items: [{ text: 'Zahlt  im Voraus', url: 'https://anna.example/wunsch/' }],
  },
  {
    label: 'Empfehlungen',
    participants: [
      { name: 'Anna Schäfer', url: 'https://anna.example/' },
      { name: 'Lenas Notizen', url: 'https://lena.example/' },
    ],
    items: [{ text: 'empfiehlt mich weiter', url: 'https://anna.example/wunsch/' }],
  },
  {
    label: 'Kuchen',
    participants: [{ name: 'Anna Schäfer', url: 'https://anna.example/' }],
    items: [{ text: 'bringt Kuchen mit', url: 'https://anna.example/wunsch/' }],
  },
];
