// The German texts of the fixture blog world, as data. People and blogs are invented.
// Text fields use a tiny markup: **bold**, [text](/path-or-url), {deadline}.

export type LayoutName =
  | 'wordpress-classic'
  | 'wordpress-block'
  | 'blogger'
  | 'ghost'
  | 'hugo'
  | 'jimdo'
  | 'legacy-html';

/** How a list is written on the page; `ul`/`ol` are real lists, the others are look-alikes. */
export type ListStyle =
  | 'ul'
  | 'ol'
  | 'bullet-lines'
  | 'dash-lines'
  | 'check-paragraphs'
  | 'numbered-headings';

export interface ListItemContent {
  text: string;
  /** The paragraph under a numbered heading. */
  body?: string;
  children?: ListContent;
}

export interface ListContent {
  style: ListStyle;
  /** The lead-in, rendered right before the list. */
  intro: string | null;
  items: ListItemContent[];
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'figure'; src: string; alt: string; caption: string }
  | { kind: 'list'; list: ListContent }
  | { kind: 'credit'; text: string };

/** A link in the chrome; without href it points at `<blog base><slug of text>/`. */
export interface LinkContent {
  text: string;
  href?: string;
}

export interface BlogContent {
  id: string;
  /** Path prefix, with slashes: `/anna/`. */
  base: string;
  name: string;
  tagline: string;
  owner: string | null;
  /** A line about the owner, for profile widgets. */
  about?: string;
  menu: LinkContent[];
  widgets: { title: string; links: LinkContent[] }[];
  categories: string[];
  /** Older posts shown in "recent posts" blocks (they are not served). */
  recent: LinkContent[];
  footer: LinkContent[];
  /** WordPress "Für jeden Beitrag im Feed anzeigen: Textauszug": items carry a teaser, no content. */
  feedExcerptOnly?: boolean;
}

/** Days before the fixture's "now", at a UTC time of day. */
export interface PostTime {
  daysAgo: number;
  at: string;
}

export type CommentContent =
  | { kind: 'comment'; author: string; authorUrl?: string; time: PostTime; text: string }
  | { kind: 'pingback'; from: string; time: PostTime; text: string };

export interface PostContent {
  key: string;
  postId: number;
  blog: BlogContent;
  layout: LayoutName;
  /** Below the blog's base; `{yyyy}`/`{mm}` come from the publication date. */
  path: string;
  title: string;
  excerpt: string;
  author: string | null;
  time: PostTime | null;
  image: string;
  imageAlt: string;
  categories: string[];
  tags: string[];
  blocks: Block[];
  related?: string[];
  comments?: CommentContent[];
  /** WordPress "Kommentare in Seiten aufteilen": top-level comments per page, and which page the post shows. */
  commentPages?: { perPage: number; shown: 'newest' | 'oldest' };
}

export interface EntryContent extends PostContent {
  linksCall: 'content' | 'elsewhere' | 'none';
  charset?: 'windows-1252';
}

const legal: LinkContent[] = [{ text: 'Impressum' }, { text: 'Datenschutz' }];

const callPath = '/blog/blogparade-mein-wunschkunde/';

export const parade = {
  title: 'Blogparade: Mein Wunschkunde ist …',
  prompt: 'Mein Wunschkunde ist',
  hashtag: '#Wunschkunde',
  lang: 'de' as const,
  callPath,
  /** Deadline: this many days after "now", end of the day in Berlin. */
  deadlineDays: 28,
};

export const hostBlog: BlogContent = {
  id: 'sichtbar',
  base: '/',
  name: 'Sichtbar selbstständig',
  tagline: 'Marketing mit Herz und Verstand für Solo-Selbstständige',
  owner: 'Sabine Albrecht',
  menu: [
    { text: 'Über mich' },
    { text: 'Angebote' },
    { text: 'Blog', href: '/' },
    { text: 'Blogparaden', href: '/category/blogparaden/' },
    { text: 'Kontakt' },
  ],
  widgets: [
    {
      title: 'Newsletter',
      links: [{ text: 'Jeden Monat ein Sichtbarkeits-Impuls – jetzt eintragen', href: '/newsletter/' }],
    },
  ],
  categories: ['Blogparaden', 'Marketing', 'Sichtbarkeit', 'Selbstständigkeit'],
  recent: [
    { text: 'Warum ich Blogparaden liebe', href: '/blog/warum-ich-blogparaden-liebe/' },
    { text: 'Sichtbar werden ohne Tanzvideos' },
    { text: 'Mein Marketing-Jahresplan auf einer Seite' },
  ],
  footer: [...legal, { text: 'Kontakt' }, { text: 'Barrierefreiheit' }],
};

export const callPost: PostContent = {
  key: 'call',
  postId: 412,
  blog: hostBlog,
  layout: 'wordpress-classic',
  path: 'blog/blogparade-mein-wunschkunde/',
  title: parade.title,
  excerpt:
    'Für wen arbeitest du am liebsten – und warum? Ich lade dich zu meiner Blogparade „Mein Wunschkunde ist …“ ein. Mitmachen kannst du bis zum {deadline}.',
  author: 'Sabine Albrecht',
  time: { daysAgo: 14, at: '06:30' },
  image: '/wp-content/uploads/blogparade-wunschkunde.png',
  imageAlt: 'Eine Tafel mit der Aufschrift „Mein Wunschkunde ist …“',
  categories: ['Blogparaden', 'Marketing'],
  tags: ['Blogparade', 'Wunschkunde', 'Zielgruppe'],
  blocks: [
    {
      kind: 'p',
      text: 'Kennst du das? Eine Anfrage kommt herein, und schon beim ersten Satz geht dir das Herz auf. Da schreibt jemand, der genau versteht, was du tust – und der genau das braucht. Und dann gibt es die anderen Anfragen. Die, bei denen du schon beim Lesen müde wirst.',
    },
    {
      kind: 'p',
      text: 'Deshalb lade ich dich zu meiner Blogparade ein: **„Mein Wunschkunde ist …“**. Ich möchte wissen, für wen du am liebsten arbeitest – und woran du diesen Menschen erkennst.',
    },
    {
      kind: 'figure',
      src: '/wp-content/uploads/blogparade-wunschkunde.png',
      alt: 'Eine Tafel mit der Aufschrift „Mein Wunschkunde ist …“',
      caption: 'Wer ist dein Wunschkunde? Erzähl es uns bis zum {deadline}.',
    },
    { kind: 'h2', text: 'Worum geht es?' },
    {
      kind: 'p',
      text: 'Beschreibe in einem Beitrag auf deinem Blog deine Wunschkundin oder deinen Wunschkunden. Gerne als Liste, gerne als Geschichte, gerne mit Beispielen aus deinem Alltag. Den Satz „Mein Wunschkunde ist …“ darfst du so oft vervollständigen, wie du magst.',
    },
    {
      kind: 'p',
      text: 'Du musst dafür nicht selbstständig sein. Auch wer angestellt ist, hat „Kundinnen“ und „Kunden“ – in der Fachabteilung, im Verein, im Ehrenamt.',
    },
    { kind: 'h2', text: 'So machst du mit' },
    {
      kind: 'list',
      list: {
        style: 'ol',
        intro: null,
        items: [
          { text: 'Schreib bis zum {deadline} einen Beitrag auf deinem Blog.' },
          {
            text: 'Verlinke darin diesen Aufruf, damit deine Leserinnen und Leser die anderen Beiträge finden.',
          },
          {
            text: 'Hinterlass hier einen Kommentar mit dem Link zu deinem Beitrag – ein Pingback geht auch.',
          },
          { text: 'Teile deinen Beitrag mit dem Hashtag **#Wunschkunde**.' },
        ],
      },
    },
    {
      kind: 'p',
      text: 'Nach dem Ende der Blogparade fasse ich alle Beiträge in einer Zusammenfassung zusammen und stelle jede Teilnehmerin und jeden Teilnehmer kurz vor.',
    },
    { kind: 'h2', text: 'Mein Wunschkunde ist …' },
    {
      kind: 'p',
      text: 'Natürlich mache ich selbst mit: Mein Wunschkunde ist jemand, der sein Handwerk liebt und sich für Marketing ein bisschen schämt. Mit solchen Menschen herauszufinden, wie sie sichtbar werden, ohne sich zu verbiegen – das ist für mich der schönste Teil meiner Arbeit.',
    },
    { kind: 'p', text: 'Ich freue mich auf deine Antwort! Fragen gerne in die Kommentare.' },
    { kind: 'credit', text: 'Bild: Sabine Albrecht' },
  ],
  comments: [
    {
      kind: 'pingback',
      from: 'anna',
      time: { daysAgo: 12, at: '07:16' },
      text: '[…] Sabine Albrecht hat auf ihrem Blog zur Blogparade „Mein Wunschkunde ist …“ aufgerufen, und ich musste nicht lange überlegen. […]',
    },
    {
      kind: 'comment',
      author: 'Miriam Kessler',
      time: { daysAgo: 11, at: '19:42' },
      text: 'Hallo Sabine, darf ich auch mitmachen, wenn ich angestellt bin? Meine „Kunden“ sind eher die Kolleginnen aus den Fachabteilungen.\n\nLiebe Grüße, Miriam',
    },
    {
      kind: 'comment',
      author: 'Clara Winter',
      authorUrl: '/zeilenreich/',
      time: { daysAgo: 9, at: '08:05' },
      text: 'Liebe Sabine, da bin ich dabei! Als Lektorin habe ich eine ziemlich genaue Vorstellung davon, für wen ich am liebsten arbeite. Ich schreibe es mir in den nächsten Tagen von der Seele.\n\nViele Grüße, Clara',
    },
    {
      kind: 'comment',
      author: 'Jonas Ebert',
      authorUrl: '/handwerk-jonas/',
      time: { daysAgo: 6, at: '21:12' },
      text: 'Liebe Sabine, was für eine schöne Idee! Beim Schreiben habe ich gemerkt, wie gut es tut, sich das einmal bewusst zu machen. Hier ist mein Beitrag aus der Werkstatt: [Mein Wunschkunde ist … einer, der Holz noch riecht](/handwerk-jonas/posts/mein-wunschkunde/)\n\nHerzliche Grüße aus dem Allgäu, Jonas',
    },
    {
      kind: 'pingback',
      from: 'backlink-turbo',
      time: { daysAgo: 1, at: '03:12' },
      text: '[…] Die besten Marketing-Blogs für Selbstständige: Sichtbar selbstständig, Texte mit Herz und viele mehr. Jetzt Backlinks sichern und sofort besser ranken! […]',
    },
  ],
};

export const olderHostPost: PostContent = {
  key: 'host-older',
  postId: 377,
  blog: hostBlog,
  layout: 'wordpress-classic',
  path: 'blog/warum-ich-blogparaden-liebe/',
  title: 'Warum ich Blogparaden liebe',
  excerpt:
    'Blogparaden verbinden Menschen, die sonst nie voneinander gelesen hätten. Drei Gründe, warum ich immer wieder mitmache.',
  author: 'Sabine Albrecht',
  time: { daysAgo: 41, at: '07:05' },
  image: '/wp-content/uploads/blogparaden-liebe.png',
  imageAlt: 'Viele bunte Notizzettel an einer Pinnwand',
  categories: ['Blogparaden'],
  tags: ['Blogparade', 'Netzwerk'],
  blocks: [
    {
      kind: 'p',
      text: 'Meine erste Blogparade habe ich fast verpasst. Ein Kommentar unter einem fremden Artikel hat mich neugierig gemacht, und zwei Tage vor dem Ende habe ich meinen Beitrag veröffentlicht. Seitdem bin ich Fan.',
    },
    {
      kind: 'p',
      text: 'Blogparaden verbinden Menschen, die sonst nie voneinander gelesen hätten. Sie geben ein Thema vor, wenn einem selbst keins einfällt. Und sie zeigen, wie unterschiedlich man auf eine einzige Frage antworten kann.',
    },
    { kind: 'p', text: 'Bald rufe ich selbst zu einer auf. Ihr dürft gespannt sein!' },
  ],
};

const anna: BlogContent = {
  id: 'anna',
  base: '/anna/',
  name: 'Texte mit Herz',
  tagline: 'Anna Berger – Texterin für Selbstständige mit Haltung',
  owner: 'Anna Berger',
  menu: [
    { text: 'Start', href: '/anna/' },
    { text: 'Über mich' },
    { text: 'Leistungen' },
    { text: 'Referenzen' },
    { text: 'Kontakt' },
  ],
  widgets: [
    {
      title: 'Schreibtipps per Mail',
      links: [{ text: 'Einmal im Monat, kostenlos – hier anmelden', href: '/anna/newsletter/' }],
    },
  ],
  categories: ['Blogparaden', 'Selbstständigkeit', 'Texten', 'Werkstattberichte'],
  recent: [
    { text: 'Warum ich keine Texte über Nacht schreibe' },
    { text: 'Fünf Fragen, die ich jedem neuen Kunden stelle' },
    { text: 'Sieben Jahre selbstständig: ein Rückblick' },
  ],
  footer: [...legal, { text: 'AGB' }],
};

const lena: BlogContent = {
  id: 'lena-schreibt',
  base: '/lena-schreibt/',
  name: 'Lena schreibt',
  tagline: 'Über Gestaltung, Kaffee und die Kunst, Nein zu sagen',
  owner: 'Lena Hoffmann',
  menu: [{ text: 'Blog', href: '/lena-schreibt/' }, { text: 'Portfolio' }, { text: 'Über mich' }],
  widgets: [],
  categories: ['Design', 'Selbstständigkeit'],
  recent: [
    { text: 'Drei Logos, die ich heute anders machen würde' },
    { text: 'Warum ich keine Pitches mehr mache' },
  ],
  footer: [...legal, { text: 'Instagram', href: 'https://www.instagram.com/' }],
};

const petra: BlogContent = {
  id: 'fotografie-mit-herz',
  base: '/fotografie-mit-herz/',
  name: 'Fotografie mit Herz',
  tagline: 'Hochzeiten, Familien und kleine Momente aus Nordhessen',
  owner: 'Petra Lorenz',
  about: 'Ich fotografiere Hochzeiten und Familien – am liebsten draußen und ohne steife Posen.',
  menu: [{ text: 'Startseite', href: '/fotografie-mit-herz/' }, { text: 'Preise' }, { text: 'Über mich' }],
  widgets: [
    {
      title: 'Beliebte Posts',
      links: [
        { text: 'Hochzeit im Regen – und warum das die schönsten Bilder gibt' },
        { text: 'Was ziehen wir zum Familienshooting an?' },
        { text: 'Mein Fotorucksack für eine Hochzeit' },
      ],
    },
  ],
  categories: ['Blogparade', 'Familie', 'Hochzeit', 'Persönliches'],
  recent: [{ text: 'Was ziehen wir zum Familienshooting an?' }, { text: 'Herbstminis im Bergpark' }],
  footer: [...legal],
};

const kathrin: BlogContent = {
  id: 'kathrin',
  base: '/kathrin/',
  name: 'Kathrin Vogel',
  tagline: 'Coaching für Gründerinnen, die es ernst meinen',
  owner: 'Kathrin Vogel',
  menu: [
    { text: 'Start', href: '/kathrin/' },
    { text: 'Coaching' },
    { text: 'Podcast' },
    { text: 'Über mich' },
  ],
  widgets: [],
  categories: ['Gründen', 'Coaching'],
  recent: [
    { text: 'Die erste Rechnung schreiben – ohne Bauchweh' },
    { text: 'Warum ich nicht mehr jeden Auftrag annehme' },
    { text: 'Gründen mit Kind: was wirklich hilft' },
  ],
  footer: [...legal, { text: 'Kontakt' }],
};

const jonas: BlogContent = {
  id: 'handwerk-jonas',
  base: '/handwerk-jonas/',
  name: 'Aus der Werkstatt',
  tagline: 'Jonas Ebert, Tischlermeister im Allgäu',
  owner: 'Jonas Ebert',
  menu: [
    { text: 'Beiträge', href: '/handwerk-jonas/posts/' },
    { text: 'Möbel', href: '/handwerk-jonas/moebel/' },
    { text: 'Werkstatt', href: '/handwerk-jonas/werkstatt/' },
    { text: 'Kontakt', href: '/handwerk-jonas/kontakt/' },
  ],
  widgets: [],
  categories: ['Blogparade', 'Kundschaft', 'Werkstatt'],
  recent: [
    { text: 'Eiche, Esche, Nussbaum: welches Holz für den Esstisch?' },
    { text: 'Ein Jahr mit dem neuen Lehrling' },
  ],
  footer: [...legal],
};

const brunnhuber: BlogContent = {
  id: 'hofladen-brunnhuber',
  base: '/hofladen-brunnhuber/',
  name: 'Hofladen Brunnhuber',
  tagline: 'Bio-Gemüse, Eier und Brot vom Hof bei Rosenheim',
  owner: 'Marlene Brunnhuber',
  menu: [
    { text: 'Home', href: '/hofladen-brunnhuber/' },
    { text: 'Unser Hof' },
    { text: 'Gemüsekiste' },
    { text: 'Blog', href: '/hofladen-brunnhuber/blog/' },
    { text: 'Kontakt' },
  ],
  widgets: [
    {
      title: 'Öffnungszeiten',
      links: [
        { text: 'Dienstag und Freitag 9–18 Uhr' },
        { text: 'Samstag 8–13 Uhr' },
        { text: 'Eier aus dem Automaten: rund um die Uhr' },
      ],
    },
  ],
  categories: ['Hofleben'],
  recent: [{ text: 'Die ersten Radieschen sind da' }, { text: 'Hoffest im September' }],
  footer: [...legal, { text: 'Cookie-Richtlinie' }, { text: 'Sitemap' }],
};

const sommer: BlogContent = {
  id: 'praxis-sommer',
  base: '/praxis-sommer/',
  name: 'Physiotherapie Sommer',
  tagline: 'Praxis für Physiotherapie und Manuelle Therapie in Kassel',
  owner: 'Ulrike Sommer',
  menu: [
    { text: 'Startseite', href: '/praxis-sommer/' },
    { text: 'Praxis', href: '/praxis-sommer/praxis.htm' },
    { text: 'Team', href: '/praxis-sommer/team.htm' },
    { text: 'Leistungen', href: '/praxis-sommer/leistungen.htm' },
    { text: 'Anfahrt', href: '/praxis-sommer/anfahrt.htm' },
    { text: 'Aktuelles', href: '/praxis-sommer/aktuelles.htm' },
  ],
  widgets: [],
  categories: ['Aktuelles'],
  recent: [{ text: 'Neue Rückenschulkurse ab Herbst', href: '/praxis-sommer/rueckenschule.htm' }],
  footer: [{ text: 'Impressum', href: '/praxis-sommer/impressum.htm' }],
};

const tobias: BlogContent = {
  id: 'tobias-coacht',
  base: '/tobias-coacht/',
  name: 'Tobias coacht',
  tagline: 'Business-Coaching für Selbstständige im Handwerk und Dienstleistung',
  owner: 'Tobias Reinhardt',
  menu: [
    { text: 'Start', href: '/tobias-coacht/' },
    { text: 'Coaching' },
    { text: 'Workshops' },
    { text: 'Kontakt' },
  ],
  widgets: [
    {
      title: 'Ich mache mit bei',
      links: [{ text: 'Blogparade: Mein Wunschkunde ist … (Sichtbar selbstständig)', href: callPath }],
    },
  ],
  categories: ['Kundengewinnung', 'Werkzeuge'],
  recent: [{ text: 'Preise erhöhen ohne schlechtes Gewissen' }, { text: 'Mein Wochenplan als Coach' }],
  footer: [...legal],
};

const magnet: BlogContent = {
  id: 'kunden-magnet',
  base: '/kunden-magnet/',
  name: 'KundenMagnet Pro',
  tagline: 'Mehr Kunden. Mehr Umsatz. Sofort.',
  owner: null,
  menu: [
    { text: 'Startseite', href: '/kunden-magnet/' },
    { text: 'Online-Kurs' },
    { text: 'Erfolgsgeschichten' },
  ],
  widgets: [],
  categories: ['Marketing-Tipps'],
  recent: [{ text: '10 Wege zu mehr Umsatz mit Instagram' }, { text: 'Verkaufen wie ein Profi' }],
  footer: [...legal, { text: 'Partnerprogramm' }],
};

export const blogs: BlogContent[] = [anna, lena, petra, kathrin, jonas, brunnhuber, sommer, tobias, magnet];

export const entries: EntryContent[] = [
  {
    key: 'anna',
    postId: 1187,
    blog: anna,
    layout: 'wordpress-classic',
    linksCall: 'content',
    path: 'mein-wunschkunde-ist/',
    title: 'Mein Wunschkunde ist … ehrlich, neugierig und ein bisschen mutig',
    excerpt:
      'Meine Antwort auf die Blogparade „Mein Wunschkunde ist …“: fünfzehn Dinge, die meine liebsten Kundinnen und Kunden gemeinsam haben.',
    author: 'Anna Berger',
    time: { daysAgo: 12, at: '07:15' },
    image: '/anna/wp-content/uploads/schreibtisch-mit-kaffee.png',
    imageAlt: 'Schreibtisch mit Notizbuch, Laptop und einer Tasse Kaffee',
    categories: ['Blogparaden', 'Selbstständigkeit'],
    tags: ['Blogparade', 'Wunschkunde', 'Zusammenarbeit'],
    blocks: [
      {
        kind: 'p',
        text: 'Als ich den Aufruf zur [Blogparade „Mein Wunschkunde ist …“](/blog/blogparade-mein-wunschkunde/) von Sabine Albrecht gelesen habe, musste ich lächeln. Denn über genau diese Frage denke ich seit Monaten nach – meistens abends, wenn ich eigentlich schon Feierabend habe.',
      },
      {
        kind: 'p',
        text: 'Seit sieben Jahren schreibe ich Texte für Websites, Newsletter und Broschüren. Ich habe für Zahnarztpraxen gearbeitet, für eine kleine Brauerei, für Coaches und für einen Hersteller von Gartenzwergen (ja, wirklich). Irgendwann habe ich gemerkt: Ob ein Projekt gut wird, hängt weniger vom Thema ab als von dem Menschen, mit dem ich es mache.',
      },
      {
        kind: 'figure',
        src: '/anna/wp-content/uploads/schreibtisch-mit-kaffee.png',
        alt: 'Schreibtisch mit Notizbuch, Laptop und einer Tasse Kaffee',
        caption: 'Hier entstehen meine Texte – am liebsten für Menschen, die wissen, was sie wollen.',
      },
      {
        kind: 'p',
        text: 'Also habe ich mich hingesetzt und aufgeschrieben, was meine liebsten Kundinnen und Kunden gemeinsam haben. Herausgekommen ist eine ziemlich lange Liste. Sie beginnt immer mit demselben Satz.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: '„Mein Wunschkunde ist …“ – und zwar jemand, der:',
          items: [
            { text: 'seine Zielgruppe kennt oder sie wirklich kennenlernen möchte.' },
            { text: 'mir ehrlich sagt, wenn ihm ein Text nicht gefällt.' },
            { text: 'Fragen beantwortet, bevor ich sie dreimal stellen muss.' },
            { text: 'weiß, dass gute Texte Zeit brauchen.' },
            { text: 'Korrekturen gesammelt schickt und nicht in zwölf einzelnen Mails.' },
            { text: '**neugierig** auf neue Ideen ist, auch wenn sie ungewohnt klingen.' },
            { text: 'seine Geschichte erzählt – auch die Umwege.' },
            { text: 'Humor hat und über einen Tippfehler lachen kann.' },
            { text: 'Termine einhält oder rechtzeitig Bescheid gibt.' },
            { text: 'meine Rechnungen pünktlich bezahlt.' },
            { text: 'mir vertraut, wenn ich einen Satz streiche.' },
            { text: 'seine eigenen Kundinnen und Kunden respektiert.' },
            { text: 'lieber ein klares Nein hört als ein halbherziges Ja.' },
            { text: 'mutig genug ist, mit seiner Haltung sichtbar zu werden.' },
            { text: 'sich nach dem Projekt meldet und erzählt, was die Texte bewirkt haben.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Beim Aufschreiben ist mir aufgefallen, dass kein einziger Punkt etwas mit Budget oder Branche zu tun hat. Es geht fast immer um Vertrauen – und um ein bisschen Mut.',
      },
      {
        kind: 'p',
        text: '**Und du? Wie sieht dein Wunschkunde aus – und hast du ihn schon gefunden?** Erzähl es mir in den Kommentaren!',
      },
      { kind: 'credit', text: 'Bildnachweis: Anna Berger (privat)' },
    ],
    related: [
      'Fünf Fragen, die ich jedem neuen Kunden stelle',
      'Warum ich keine Texte über Nacht schreibe',
      'Über Geld reden: mein Weg zu fairen Preisen',
    ],
    comments: [
      {
        kind: 'comment',
        author: 'Jana Weiß',
        authorUrl: 'https://jana-weiss.example/',
        time: { daysAgo: 12, at: '10:03' },
        text: 'Der Punkt mit den zwölf einzelnen Mails – ich fühle mich ertappt. 😅 Schöner Beitrag, Anna!',
      },
      {
        kind: 'comment',
        author: 'Sabine Albrecht',
        authorUrl: '/',
        time: { daysAgo: 11, at: '08:20' },
        text: 'Liebe Anna, das klare Nein statt des halbherzigen Ja unterschreibe ich sofort. Danke fürs Mitmachen!',
      },
    ],
  },
  {
    key: 'lena',
    postId: 88,
    blog: lena,
    layout: 'wordpress-block',
    linksCall: 'content',
    path: 'blogparade-wunschkunde/',
    title: 'Blogparade: So sieht meine Wunschkundin aus',
    excerpt: 'Logos, Verpackungen und Menschen, die zuhören: Meine Wunschkundin für Sabines Blogparade.',
    author: 'Lena Hoffmann',
    time: { daysAgo: 10, at: '18:40' },
    image: '/lena-schreibt/wp-content/uploads/moodboard.png',
    imageAlt: 'Ein Moodboard mit Farbmustern und Fotos auf einem Holztisch',
    categories: ['Design', 'Selbstständigkeit'],
    tags: ['Blogparade'],
    blocks: [
      {
        kind: 'p',
        text: 'Sabine hat [zur Blogparade „Mein Wunschkunde ist …“ aufgerufen](/blog/blogparade-mein-wunschkunde), und weil ich seit Wochen nichts mehr gebloggt habe, nehme ich das als Anlass. Ich bin Grafikdesignerin und gestalte vor allem Logos und Verpackungen für kleine Manufakturen.',
      },
      {
        kind: 'p',
        text: 'Meine schönsten Projekte hatten eines gemeinsam: Wir haben einander zugehört. Wenn das klappt, wird fast alles gut. Meine Wunschkundin ist deshalb weniger eine Branche als eine Haltung.',
      },
      {
        kind: 'list',
        list: {
          style: 'ol',
          intro: 'Mit meiner Wunschkundin können wir …',
          items: [
            { text: 'in der ersten Besprechung schon gemeinsam lachen.' },
            { text: 'über Farben streiten und trotzdem Freundinnen bleiben.' },
            { text: 'Entwürfe ausdrucken und auf den Küchentisch legen.' },
            {
              text: 'ein Moodboard bauen, das mehr sagt als jedes Briefing:',
              children: {
                style: 'ul',
                intro: null,
                items: [
                  { text: 'Fotos aus dem eigenen Laden' },
                  { text: 'Lieblingsverpackungen aus dem Supermarkt' },
                  { text: 'eine Schrift, die nach Omas Rezeptheft aussieht' },
                ],
              },
            },
            { text: 'den Zeitplan einhalten, weil beide Seiten ihn ernst nehmen.' },
            { text: 'am Ende auf etwas anstoßen, das es vorher nicht gab.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Klingt romantisch? Vielleicht. Aber ich habe gelernt, dass ich nur für Menschen gute Arbeit mache, die ich mag.',
      },
      { kind: 'p', text: 'Wie ist das bei euch: Merkt ihr schon beim ersten Gespräch, ob es passt?' },
    ],
    comments: [
      {
        kind: 'comment',
        author: 'Tom',
        time: { daysAgo: 9, at: '07:55' },
        text: 'Das mit dem Küchentisch mache ich auch immer. Am Bildschirm sieht alles gut aus!',
      },
    ],
  },
  {
    key: 'petra',
    postId: 7302,
    blog: petra,
    layout: 'blogger',
    linksCall: 'content',
    path: '{yyyy}/{mm}/mein-wunschkunde.html',
    title: 'Mein Wunschkunde ist … ein Paar, das lieber lacht als posiert',
    excerpt: 'Für Sabines Blogparade verrate ich euch, für wen ich am allerliebsten auf den Auslöser drücke.',
    author: 'Petra Lorenz',
    time: { daysAgo: 9, at: '20:05' },
    image: '/fotografie-mit-herz/img/paar-im-regen.png',
    imageAlt: 'Ein Brautpaar unter einem durchsichtigen Regenschirm',
    categories: ['Blogparade', 'Hochzeit', 'Persönliches'],
    tags: [],
    blocks: [
      { kind: 'p', text: 'Hallo ihr Lieben!' },
      {
        kind: 'p',
        text: 'Heute gibt es mal einen etwas anderen Post. Sabine vom Blog „Sichtbar selbstständig“ hat eine [Blogparade](/blog/blogparade-mein-wunschkunde/?utm_source=blogger&utm_medium=referral&utm_campaign=wunschkunde) gestartet, und die Frage hat mich sofort gepackt: Für wen fotografiere ich eigentlich am liebsten?',
      },
      {
        kind: 'figure',
        src: '/fotografie-mit-herz/img/paar-im-regen.png',
        alt: 'Ein Brautpaar unter einem durchsichtigen Regenschirm',
        caption: 'Lena und Markus im Bergpark – es hat den ganzen Tag geregnet.',
      },
      {
        kind: 'list',
        list: {
          style: 'bullet-lines',
          intro: '„Mein Wunschkunde ist …“ – bei mir ist das meistens ein Paar, das:',
          items: [
            { text: 'sich mehr auf den Tag freut als auf die perfekten Bilder.' },
            { text: 'mir beim Vorgespräch von der Oma erzählt, die unbedingt mit aufs Foto muss.' },
            { text: 'auch bei Nieselregen rausgeht.' },
            { text: 'mir vertraut, wenn ich sage: Jetzt bitte nicht in die Kamera schauen.' },
            { text: 'die Kinder einfach Kinder sein lässt.' },
            { text: 'die Bilder nicht nur auf dem Handy anschaut, sondern ein Album drucken lässt.' },
            { text: 'Bescheid sagt, wenn ihm etwas unangenehm ist.' },
            { text: 'mir nach Jahren noch eine Karte schreibt.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Wenn ihr euch da wiederfindet: Ich habe für den Herbst noch zwei Termine frei. Und wenn nicht, erzählt mir doch, was euch bei euren Fotos wichtig ist!',
      },
      { kind: 'p', text: 'Alles Liebe, eure Petra' },
    ],
    comments: [
      {
        kind: 'comment',
        author: 'Steffi K.',
        time: { daysAgo: 8, at: '12:31' },
        text: 'Wir waren so ein Paar mit Regen – und die Bilder sind bis heute unsere liebsten! ❤',
      },
    ],
  },
  {
    key: 'kathrin',
    postId: 66,
    blog: kathrin,
    layout: 'ghost',
    linksCall: 'content',
    path: 'wunschkunde-blogparade/',
    title: 'Meine Wunschkundin: sieben Zeichen, dass wir zusammenpassen',
    excerpt:
      'Woran ich schon im Erstgespräch merke, dass eine Gründerin und ich gut zusammenarbeiten werden.',
    author: 'Kathrin Vogel',
    time: { daysAgo: 7, at: '05:50' },
    image: '/kathrin/content/images/2024/erstgespraech.png',
    imageAlt: 'Zwei Kaffeetassen auf einem Tisch am Fenster',
    categories: ['Gründen'],
    tags: ['Gründen', 'Coaching', 'Blogparade'],
    blocks: [
      {
        kind: 'p',
        text: 'Sabine Albrecht fragt in ihrer [Blogparade](/blog/blogparade-mein-wunschkunde/#comments), wer unser Wunschkunde ist. Ich coache seit fünf Jahren Gründerinnen, und bei mir ist die Antwort eindeutig weiblich.',
      },
      {
        kind: 'p',
        text: 'Im Erstgespräch höre ich meistens schon nach zehn Minuten, ob wir zusammenpassen. Nicht, weil ich streng auswähle, sondern weil sich bestimmte Dinge immer wieder zeigen.',
      },
      {
        kind: 'list',
        list: {
          style: 'check-paragraphs',
          intro:
            '„Mein Wunschkunde ist …“ – bei mir eine Wunschkundin, und ich erkenne sie an diesen Zeichen:',
          items: [
            { text: 'Sie hat eine Idee, die sie nachts nicht schlafen lässt.' },
            { text: 'Sie stellt Fragen, statt auf fertige Antworten zu warten.' },
            { text: 'Sie macht ihre Hausaufgaben zwischen den Sitzungen.' },
            { text: 'Sie darf zweifeln – und tut es laut.' },
            { text: 'Sie feiert kleine Erfolge mit mir.' },
            { text: 'Sie weiß, dass Coaching keine Abkürzung ist.' },
            { text: 'Sie empfiehlt mich weiter, weil sie es wirklich so meint.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Erkennst du dich wieder? Dann lass uns reden – das erste Gespräch ist kostenlos.',
      },
    ],
  },
  {
    key: 'jonas',
    postId: 12,
    blog: jonas,
    layout: 'hugo',
    linksCall: 'content',
    path: 'posts/mein-wunschkunde/',
    title: 'Mein Wunschkunde ist … einer, der Holz noch riecht',
    excerpt:
      'Sechs Dinge, an denen ich in der Werkstatt meinen Wunschkunden erkenne. Ein Beitrag zur Blogparade #Wunschkunde.',
    author: 'Jonas Ebert',
    time: { daysAgo: 6, at: '19:00' },
    image: '/handwerk-jonas/images/werkbank.png',
    imageAlt: 'Eine Hobelbank mit Spänen und einem Eichenbrett',
    categories: ['Blogparade'],
    tags: ['Blogparade', 'Kundschaft', 'Wunschkunde'],
    blocks: [
      {
        kind: 'p',
        text: 'Eigentlich schreibe ich hier über Holzverbindungen und Oberflächen. Aber als ich bei Sabine den [Aufruf „Mein Wunschkunde ist …“](/blog/blogparade-mein-wunschkunde/?ref=handwerk-jonas) gelesen habe, dachte ich: Darüber rede ich mit meinen Gesellen ständig, nur aufgeschrieben habe ich es nie.',
      },
      {
        kind: 'list',
        list: {
          style: 'numbered-headings',
          intro: 'Sechs Dinge zeichnen meinen Wunschkunden aus:',
          items: [
            {
              text: 'Er kommt in die Werkstatt',
              body: 'Bevor wir über Maße reden, steht er einmal zwischen den Hobelbänken. Dann versteht er, warum ein Tisch aus Eiche nicht in zwei Wochen fertig ist.',
            },
            {
              text: 'Er fragt nach dem Holz, nicht nur nach dem Preis',
              body: 'Woher kommt der Baum? Wie lange ist das Brett getrocknet? Wer so fragt, pflegt sein Möbel später auch.',
            },
            {
              text: 'Er hat einen Ort für das Möbel im Kopf',
              body: 'Die schönsten Stücke entstehen, wenn ich weiß, wo sie stehen werden: unter der Dachschräge, neben dem Kachelofen, im Flur der Großeltern.',
            },
            {
              text: 'Er verträgt Astlöcher',
              body: 'Holz ist gewachsen. Wer jedes Astloch reklamiert, wird mit Massivholz nicht glücklich.',
            },
            {
              text: 'Er gibt dem Stück Zeit',
              body: 'Gute Arbeit braucht Trocknung, Ruhe und manchmal einen zweiten Anlauf. Mein Wunschkunde drängelt nicht.',
            },
            {
              text: 'Er kommt nach zehn Jahren wieder',
              body: 'Zum Nachölen, für einen zweiten Stuhl oder einfach auf einen Kaffee. Das ist das schönste Lob.',
            },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Und wer ist euer Wunschkunde? Schreibt es mir – oder noch besser: [bei Sabine in die Kommentare](/blog/blogparade-mein-wunschkunde/#respond).',
      },
    ],
  },
  {
    key: 'marlene',
    postId: 4711,
    blog: brunnhuber,
    layout: 'jimdo',
    linksCall: 'content',
    path: 'blog/wunschkunde/',
    title: 'Unsere Wunschkunden – eine Blogparade',
    excerpt:
      'Wer bei uns im Hofladen einkauft und wer unsere Gemüsekiste bekommt: unsere Antwort auf die Blogparade „Mein Wunschkunde ist …“.',
    author: 'Marlene Brunnhuber',
    time: { daysAgo: 4, at: '16:20' },
    image: '/hofladen-brunnhuber/image/gemuesekiste.png',
    imageAlt: 'Eine Holzkiste mit Karotten, Mangold und Radieschen',
    categories: ['Hofleben'],
    tags: [],
    blocks: [
      {
        kind: 'p',
        text: 'Griaß eich! Eine Kundin hat uns auf die [Blogparade „Mein Wunschkunde ist …“](/blog/blogparade-mein-wunschkunde/?fbclid=IwAR2xKq9mWunschkunde) von Sabine Albrecht aufmerksam gemacht. Wir sind zwar kein Blog im eigentlichen Sinn, aber wir haben am Küchentisch trotzdem lange darüber geredet.',
      },
      {
        kind: 'p',
        text: 'Weil wir zwei ganz verschiedene Kundschaften haben, gibt es bei uns auch zwei Antworten.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: '**Im Hofladen ist unser Wunschkunde jemand, der …**',
          items: [
            { text: 'einen Korb mitbringt und keine Plastiktüte braucht.' },
            { text: 'fragt, was gerade Saison hat.' },
            { text: 'auch mal krumme Karotten nimmt.' },
            { text: 'sich Zeit für einen Ratsch an der Theke nimmt.' },
            { text: 'im Winter genauso kommt wie im Sommer.' },
          ],
        },
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: '**Bei der Gemüsekiste wünschen wir uns Abonnenten, die …**',
          items: [
            { text: 'sich über Überraschungen in der Kiste freuen.' },
            { text: 'uns ihre Rezepte zurückschicken.' },
            { text: 'Bescheid geben, wenn sie in den Urlaub fahren.' },
            { text: 'die Kiste am Abholtag pünktlich holen.' },
          ],
        },
      },
      { kind: 'p', text: 'Schaut gern vorbei – die ersten Radieschen sind schon da!' },
      { kind: 'p', text: 'Eure Marlene und das ganze Hof-Team' },
    ],
    comments: [
      {
        kind: 'comment',
        author: 'Renate',
        time: { daysAgo: 3, at: '09:14' },
        text: 'Krumme Karotten schmecken sowieso besser. Bis Samstag!',
      },
    ],
  },
  {
    key: 'ulrike',
    postId: 3,
    blog: sommer,
    layout: 'legacy-html',
    linksCall: 'content',
    charset: 'windows-1252',
    path: 'wunschkunde.htm',
    title: 'Mein Wunschpatient – unser Beitrag zur Blogparade',
    excerpt:
      'Wer in unsere Praxis kommt und wem wir besonders gern helfen: unser Beitrag zur Blogparade „Mein Wunschkunde ist …“.',
    author: 'Ulrike Sommer',
    time: { daysAgo: 3, at: '11:30' },
    image: '/praxis-sommer/bilder/praxis-aussen.png',
    imageAlt: 'Die Praxis Sommer von außen',
    categories: ['Aktuelles'],
    tags: [],
    blocks: [
      {
        kind: 'p',
        text: 'Liebe Patientinnen und Patienten, liebe Besucher unserer Seite,',
      },
      {
        kind: 'p',
        text: 'eigentlich schreiben wir hier nur über neue Kurse und geänderte Öffnungszeiten. Über eine Patientin sind wir aber auf die [Blogparade „Mein Wunschkunde ist …“](/blog/blogparade-mein-wunschkunde/) gestoßen und möchten gerne mitmachen. Bei uns heißt es natürlich: Wunschpatient.',
      },
      {
        kind: 'list',
        list: {
          style: 'dash-lines',
          intro: 'Unser Wunschpatient ist jemand, der …',
          items: [
            { text: 'die Übungen auch zu Hause macht – wenigstens ein bisschen.' },
            { text: 'pünktlich kommt oder rechtzeitig absagt.' },
            { text: 'uns sagt, wo es wehtut, und nicht nur „überall“.' },
            { text: 'Geduld mit dem eigenen Körper hat.' },
            {
              text: 'über sich selbst lachen kann, wenn das Gleichgewicht auf dem Wackelbrett nicht klappt.',
            },
            { text: 'nach der Behandlung Fragen stellt.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Natürlich behandeln wir alle gleich gern. Aber über solche Patienten freut sich das ganze Team ganz besonders.',
      },
      { kind: 'p', text: 'Ihre Ulrike Sommer und das Praxisteam' },
    ],
  },
  {
    key: 'tobias',
    postId: 264,
    blog: tobias,
    layout: 'wordpress-classic',
    linksCall: 'elsewhere',
    path: 'kundenavatar-erstellen/',
    title: 'Kundenavatar erstellen: fünf Fragen, die wirklich helfen',
    excerpt: 'Vergiss Alter und Wohnort. Diese fünf Fragen zeigen dir, wer dein Wunschkunde wirklich ist.',
    author: 'Tobias Reinhardt',
    time: { daysAgo: 5, at: '08:00' },
    image: '/tobias-coacht/wp-content/uploads/kundenavatar.png',
    imageAlt: 'Ein Flipchart mit einer gezeichneten Person',
    categories: ['Kundengewinnung', 'Werkzeuge'],
    tags: ['Kundenavatar', 'Zielgruppe'],
    blocks: [
      {
        kind: 'p',
        text: 'Gerade läuft bei Sabine Albrecht die Blogparade „Mein Wunschkunde ist …“ – ein guter Anlass, das Werkzeug vorzustellen, mit dem ich in meinen Coachings den Wunschkunden greifbar mache: den Kundenavatar.',
      },
      {
        kind: 'p',
        text: 'Die meisten Vorlagen fragen nach Alter, Wohnort und Einkommen. Das ist nicht falsch, hilft aber selten weiter. Viel ergiebiger sind Fragen nach dem Alltag deines Kunden.',
      },
      {
        kind: 'list',
        list: {
          style: 'ol',
          intro: 'Diese fünf Fragen stelle ich mir und meinen Klienten:',
          items: [
            { text: 'Welches Problem hält deinen Kunden nachts wach?' },
            { text: 'Wo sucht er nach einer Lösung?' },
            { text: 'Was hat er schon ausprobiert?' },
            { text: 'Woran merkt er, dass es ihm besser geht?' },
            { text: 'Wem erzählt er davon?' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Nimm dir für jede Frage zehn Minuten und schreib die Antworten in ganzen Sätzen auf. Am Ende hast du keine Statistik, sondern einen Menschen vor dir.',
      },
    ],
    related: ['Preise erhöhen ohne schlechtes Gewissen', 'Positionierung in drei Sätzen'],
  },
  {
    key: 'spam',
    postId: 5021,
    blog: magnet,
    layout: 'wordpress-block',
    linksCall: 'none',
    path: 'wunschkunde-finden-tipps/',
    title: 'Wunschkunden finden: 7 geniale Tipps für sofort mehr Umsatz',
    excerpt:
      'Wunschkunde finden leicht gemacht! Mit diesen 7 Tipps gewinnen Sie Ihren Wunschkunden – garantiert.',
    author: null,
    time: null,
    image: '/kunden-magnet/wp-content/uploads/magnet.png',
    imageAlt: 'Ein Hufeisenmagnet zieht Münzen an',
    categories: ['Marketing-Tipps'],
    tags: ['Wunschkunde', 'Umsatz', 'Kundengewinnung'],
    blocks: [
      {
        kind: 'p',
        text: 'Sie möchten Ihren Wunschkunden finden? Jeder spricht gerade über den Wunschkunden, sogar in einer Blogparade unter #Wunschkunde. Doch wie finden Sie Ihren Wunschkunden wirklich? Ein Wunschkunde ist der Kunde, den Sie sich wünschen. Hier sind die besten Tipps zum Thema Wunschkunde finden.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: 'Mit diesen Tipps finden Sie Ihren Wunschkunden:',
          items: [
            { text: 'Definieren Sie Ihre Zielgruppe ganz genau.' },
            { text: 'Nutzen Sie Social Media jeden Tag.' },
            { text: 'Erstellen Sie einen Lead-Magneten.' },
            { text: 'Investieren Sie in bezahlte Werbung.' },
            {
              text: 'Buchen Sie unseren [Online-Kurs mit 50 % Rabatt](https://kundenmagnet-akademie.example/kurs?aff=wk2024).',
            },
            { text: 'Bleiben Sie dran!' },
            { text: 'Messen Sie alles.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Jetzt Wunschkunden finden und sofort mehr Umsatz machen! **Nur heute:** Der komplette Kurs zum Sonderpreis.',
      },
    ],
  },
];

/** What a post of the discovery world is for; see `startFixtureSite`'s discovery roads. */
export type DiscoveryRole = 'feed-entry' | 'hashtag-only' | 'unrelated' | 'spam-pingback';

export interface DiscoveryPostContent extends EntryContent {
  role: DiscoveryRole;
}

// Clara comments on the call with her website; her entry is only in her blog's feed.
const zeilenreich: BlogContent = {
  id: 'zeilenreich',
  base: '/zeilenreich/',
  name: 'Zeilenreich',
  tagline: 'Clara Winter – Lektorat und Schreibbegleitung für Sachbuch-Autorinnen',
  owner: 'Clara Winter',
  menu: [
    { text: 'Blog', href: '/zeilenreich/' },
    { text: 'Lektorat' },
    { text: 'Schreibgruppe' },
    { text: 'Über mich' },
  ],
  widgets: [
    {
      title: 'Schreibimpulse',
      links: [{ text: 'Jeden Sonntag ein Satzanfang – kostenlos abonnieren', href: '/zeilenreich/impulse/' }],
    },
  ],
  categories: ['Lektorat', 'Schreiben', 'Blogparaden'],
  recent: [{ text: 'Warum ich Adverbien nicht hasse' }, { text: 'Mein Schreibtisch im Winter' }],
  footer: [...legal],
};

const backlinkTurbo: BlogContent = {
  id: 'backlink-turbo',
  base: '/backlink-turbo/',
  name: 'Backlink Turbo 24',
  tagline: 'SEO-Power für Ihre Website – Top-Rankings in 30 Tagen',
  owner: null,
  menu: [
    { text: 'Startseite', href: '/backlink-turbo/' },
    { text: 'Pakete & Preise' },
    { text: 'Referenzen' },
  ],
  widgets: [{ title: 'Jetzt bestellen', links: [{ text: '1000 Backlinks für 49 €' }] }],
  categories: ['SEO'],
  recent: [
    { text: 'Linkaufbau 2025: So geht es wirklich' },
    { text: 'Domain-Autorität über Nacht verdoppeln' },
  ],
  footer: [...legal, { text: 'Partner werden' }],
};

export const discoveryBlogs: BlogContent[] = [zeilenreich, backlinkTurbo];

export const discoveryPosts: DiscoveryPostContent[] = [
  {
    key: 'clara',
    role: 'feed-entry',
    postId: 214,
    blog: zeilenreich,
    layout: 'wordpress-block',
    linksCall: 'content',
    path: 'wunschkundin-schreibt/',
    title: 'Meine Wunschkundin schreibt – und zweifelt dabei',
    excerpt:
      'Für Sabines Blogparade beschreibe ich die Autorin, mit der ich am liebsten an einem Manuskript sitze.',
    author: 'Clara Winter',
    time: { daysAgo: 5, at: '06:45' },
    image: '/zeilenreich/wp-content/uploads/manuskript.png',
    imageAlt: 'Ein ausgedrucktes Manuskript mit grünen Randnotizen',
    categories: ['Blogparaden', 'Lektorat'],
    tags: ['Blogparade', 'Wunschkunde'],
    blocks: [
      {
        kind: 'p',
        text: 'Vor ein paar Tagen habe ich bei Sabine versprochen, dass ich mitmache. Hier ist er also, mein Beitrag zur [Blogparade „Mein Wunschkunde ist …“](/blog/blogparade-mein-wunschkunde/?utm_source=zeilenreich&utm_medium=blog). Bei mir ist es meistens eine Wunschkundin, und sie schreibt ein Sachbuch.',
      },
      {
        kind: 'p',
        text: 'Seit neun Jahren lektoriere ich Ratgeber, Fachbücher und Biografien. Die Themen wechseln, aber die Menschen, mit denen die Arbeit leicht wird, haben erstaunlich viel gemeinsam.',
      },
      {
        kind: 'figure',
        src: '/zeilenreich/wp-content/uploads/manuskript.png',
        alt: 'Ein ausgedrucktes Manuskript mit grünen Randnotizen',
        caption: 'Grün statt Rot: Randnotizen sollen ermutigen, nicht erschrecken.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: 'Meine Wunschkundin ist eine Autorin, die:',
          items: [
            { text: 'ihr Manuskript lieber zu früh als zu spät aus der Hand gibt.' },
            { text: 'Randnotizen als Gesprächsangebot liest und nicht als Urteil.' },
            { text: 'mir sagt, für wen sie eigentlich schreibt.' },
            { text: 'ein gestrichenes Kapitel betrauern darf – und es dann loslässt.' },
            { text: 'Fachbegriffe erklärt, auch wenn sie ihr selbstverständlich vorkommen.' },
            { text: 'ihren eigenen Ton behalten möchte.' },
            { text: 'zweifelt, aber trotzdem weiterschreibt.' },
            { text: 'nach dem Erscheinen ein Foto vom Buch im Laden schickt.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'Wer sich hier wiederfindet: Im Herbst habe ich wieder Zeit für zwei Manuskripte. Und wie sieht eure Wunschkundschaft aus?',
      },
    ],
  },
  {
    key: 'clara-notizen',
    role: 'hashtag-only',
    postId: 221,
    blog: zeilenreich,
    layout: 'wordpress-block',
    linksCall: 'none',
    path: 'notizen-aus-dem-mai/',
    title: 'Notizen aus dem Mai: Lesestapel, Schreibgruppe, Blogparaden',
    excerpt: 'Was ich im Mai gelesen, gelernt und gelektort habe – ein kurzer Monatsrückblick.',
    author: 'Clara Winter',
    time: { daysAgo: 2, at: '17:30' },
    image: '/zeilenreich/wp-content/uploads/lesestapel.png',
    imageAlt: 'Ein Stapel Bücher neben einer Teekanne',
    categories: ['Schreiben'],
    tags: ['Monatsrückblick'],
    blocks: [
      {
        kind: 'p',
        text: 'Der Mai war voll, aber auf die gute Art. Zeit für ein paar Notizen, bevor der Juni alles überholt.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: 'Auf meinem Lesestapel lagen:',
          items: [
            { text: 'ein Kochbuch, das sich wie ein Roman liest.' },
            { text: 'zwei Manuskripte über Achtsamkeit im Büro.' },
            { text: 'ein alter Duden von 1961, vom Flohmarkt.' },
          ],
        },
      },
      {
        kind: 'p',
        text: 'In der Schreibgruppe haben wir diesmal nur über Überschriften gesprochen. Zwei Stunden lang. Es war großartig.',
      },
      {
        kind: 'p',
        text: 'Und unter dem Hashtag #Wunschkunde lese ich gerade quer durch viele Branchen: eine Tischlerei, eine Fotografin, ein Hofladen. Es ist erstaunlich, wie ähnlich sich die Antworten sind.',
      },
    ],
  },
  {
    key: 'clara-kommas',
    role: 'unrelated',
    postId: 187,
    blog: zeilenreich,
    layout: 'wordpress-block',
    linksCall: 'none',
    path: 'kommas-retten-leben/',
    title: 'Kommas retten Leben – und manchmal Freundschaften',
    excerpt: 'Warum ich das Komma liebe und welche drei Regeln wirklich jeder kennen sollte.',
    author: 'Clara Winter',
    time: { daysAgo: 33, at: '07:00' },
    image: '/zeilenreich/wp-content/uploads/komma.png',
    imageAlt: 'Ein großes handgeschriebenes Komma auf einem Notizzettel',
    categories: ['Schreiben'],
    tags: ['Rechtschreibung'],
    blocks: [
      {
        kind: 'p',
        text: '„Wir essen jetzt, Opa.“ Der Klassiker. Aber im Lektorat begegnen mir jede Woche Sätze, in denen ein fehlendes Komma den Sinn verdreht.',
      },
      {
        kind: 'list',
        list: {
          style: 'ol',
          intro: 'Drei Regeln, die fast immer reichen:',
          items: [
            { text: 'Vor „aber“, „sondern“ und „doch“ steht ein Komma.' },
            { text: 'Nebensätze werden abgetrennt, vorne wie hinten.' },
            { text: 'Eingeschobene Erklärungen bekommen zwei Kommas, nicht eins.' },
          ],
        },
      },
      { kind: 'p', text: 'Alles andere darf man nachschlagen. Dafür gibt es ja uns.' },
    ],
  },
  {
    key: 'backlink-turbo',
    role: 'spam-pingback',
    postId: 9114,
    blog: backlinkTurbo,
    layout: 'wordpress-classic',
    linksCall: 'none',
    path: 'beste-marketing-blogs-2025/',
    title: 'Die 50 besten Marketing-Blogs 2025 – jetzt Backlinks sichern',
    excerpt:
      'Unsere Experten haben die besten Marketing-Blogs 2025 ausgewählt. Sichern Sie sich jetzt starke Backlinks!',
    author: null,
    time: { daysAgo: 1, at: '03:10' },
    image: '/backlink-turbo/wp-content/uploads/ranking.png',
    imageAlt: 'Ein Pfeil, der steil nach oben zeigt',
    categories: ['SEO'],
    tags: ['Backlinks', 'Marketing', 'Ranking'],
    blocks: [
      {
        kind: 'p',
        text: 'Sie suchen die besten Marketing-Blogs 2025? Unsere Experten haben das Internet durchsucht und die besten Marketing-Blogs für Selbstständige gefunden. Marketing-Blogs sind wichtig für Ihr Marketing.',
      },
      {
        kind: 'list',
        list: {
          style: 'ul',
          intro: 'Die besten Marketing-Blogs 2025:',
          items: [
            { text: '[Sichtbar selbstständig](/) – Marketing mit Herz' },
            { text: '[Texte mit Herz](/anna/) – Texte für Selbstständige' },
            { text: 'KundenMagnet Pro – mehr Umsatz sofort' },
            { text: 'und 47 weitere Top-Blogs in unserem Premium-Verzeichnis' },
          ],
        },
      },
      {
        kind: 'p',
        text: '**Jetzt zugreifen:** [1000 Backlinks für nur 49 €](https://backlink-turbo.example/bestellen?aff=blogparade) – Top-Rankings garantiert!',
      },
    ],
  },
];

// A popular call: its comments span three WordPress comment pages (six per page, the post shows
// the newest), linking entries from every page; Greta says "Ich bin dabei" there and later
// publishes her entry, whose feed item is only a teaser.
const popularCallPath = '/kompass/blogparade-frueher-gewusst/';

export const popularParade = {
  title: 'Blogparade: Was ich gerne früher gewusst hätte',
  prompt: 'Was ich gerne früher gewusst hätte',
  hashtag: '#FrüherGewusst',
  lang: 'de' as const,
  callPath: popularCallPath,
  /** Deadline: this many days after "now", end of the day in Berlin. */
  deadlineDays: 10,
};

export const popularHostBlog: BlogContent = {
  id: 'kompass',
  base: '/kompass/',
  name: 'Gründerinnen-Kompass',
  tagline: 'Nina Hartmann – Orientierung für die ersten Jahre in der Selbstständigkeit',
  owner: 'Nina Hartmann',
  menu: [
    { text: 'Blog', href: '/kompass/' },
    { text: 'Über mich' },
    { text: 'Mentoring' },
    { text: 'Blogparaden', href: '/kompass/category/blogparaden/' },
  ],
  widgets: [
    { title: 'Kompass-Post', links: [{ text: 'Jeden ersten Montag im Monat', href: '/kompass/post/' }] },
  ],
  categories: ['Blogparaden', 'Gründen', 'Mentoring'],
  recent: [{ text: 'Mein erstes Jahr mit Steuerberaterin' }, { text: 'Netzwerken ohne Visitenkarten' }],
  footer: [...legal],
};

export const popularCall: PostContent = {
  key: 'popular-call',
  postId: 1520,
  blog: popularHostBlog,
  layout: 'wordpress-classic',
  path: 'blogparade-frueher-gewusst/',
  title: popularParade.title,
  excerpt: 'Welche Erkenntnis hätte dir den Start erleichtert? Schreib darüber in meiner Blogparade.',
  author: 'Nina Hartmann',
  time: { daysAgo: 20, at: '07:00' },
  image: '/kompass/wp-content/uploads/kompass.png',
  imageAlt: 'Ein Kompass auf einer aufgeschlagenen Landkarte',
  categories: ['Blogparaden', 'Gründen'],
  tags: ['Blogparade', 'FrüherGewusst'],
  commentPages: { perPage: 6, shown: 'newest' },
  blocks: [
    {
      kind: 'p',
      text: 'Jede von uns hat beim Gründen Lehrgeld gezahlt. Manches davon hätte ein einziger Satz zur richtigen Zeit erspart. Genau diese Sätze möchte ich sammeln.',
    },
    {
      kind: 'p',
      text: 'Deshalb rufe ich zur Blogparade **„Was ich gerne früher gewusst hätte“** auf. Schreib auf deinem Blog, welche Erkenntnis dir den Anfang leichter gemacht hätte – egal, ob du seit einem oder seit zwanzig Jahren selbstständig bist.',
    },
    { kind: 'h2', text: 'So machst du mit' },
    {
      kind: 'list',
      list: {
        style: 'ol',
        intro: null,
        items: [
          { text: 'Schreib bis zum Ende des Monats einen Beitrag auf deinem Blog.' },
          { text: 'Verlinke darin diesen Aufruf.' },
          { text: 'Hinterlass hier einen Kommentar mit dem Link zu deinem Beitrag.' },
          { text: 'Teile ihn mit dem Hashtag **#FrüherGewusst**.' },
        ],
      },
    },
    { kind: 'p', text: 'Ich bin gespannt auf eure Geschichten!' },
  ],
  comments: [
    {
      kind: 'pingback',
      from: 'maren',
      time: { daysAgo: 18, at: '09:12' },
      text: '[…] Nina fragt in ihrer Blogparade, was wir gerne früher gewusst hätten. Bei mir geht es ums Geld. […]',
    },
    {
      kind: 'comment',
      author: 'Ralf Köhler',
      time: { daysAgo: 18, at: '12:40' },
      text: 'Was für ein schönes Thema! Ich überlege noch, ob ich mitschreibe.',
    },
    {
      kind: 'comment',
      author: 'Stefan Wolff',
      authorUrl: '/werkbank-stefan/',
      time: { daysAgo: 16, at: '20:03' },
      text: 'Liebe Nina, hier ist meiner: [Lehrjahre in der eigenen Werkstatt](/werkbank-stefan/lehrjahre-in-der-eigenen-werkstatt/)\n\nGruß aus Bremen, Stefan',
    },
    {
      kind: 'comment',
      author: 'Nina Hartmann',
      authorUrl: '/kompass/',
      time: { daysAgo: 16, at: '21:15' },
      text: 'Danke, Stefan! Der Satz mit dem Werkzeug, das man erst kauft, wenn man es dreimal geliehen hat, bleibt hängen.',
    },
    {
      kind: 'comment',
      author: 'Bea Krüger',
      time: { daysAgo: 15, at: '08:30' },
      text: 'Gilt auch ein Beitrag, den ich schon letztes Jahr geschrieben habe?',
    },
    {
      kind: 'comment',
      author: 'Nina Hartmann',
      authorUrl: '/kompass/',
      time: { daysAgo: 15, at: '10:02' },
      text: 'Liebe Bea, gern – wenn du ihn ergänzt und auf diesen Aufruf verlinkst.',
    },
    {
      kind: 'comment',
      author: 'Greta Sander',
      authorUrl: '/greta-fotografiert/',
      time: { daysAgo: 13, at: '19:47' },
      text: 'Ich bin dabei! Das Thema schwirrt mir schon lange im Kopf herum.',
    },
    {
      kind: 'comment',
      author: 'Paul Neumann',
      authorUrl: '/paul-pixelt/',
      time: { daysAgo: 9, at: '22:10' },
      text: 'Mein Beitrag ist online: [Fünf Dinge, die mir als Webdesigner niemand gesagt hat](/paul-pixelt/posts/fuenf-dinge/) – danke für den Anstoß!',
    },
    {
      kind: 'comment',
      author: 'Ute Jansen',
      time: { daysAgo: 8, at: '06:55' },
      text: 'Ich lese mich gerade durch alle Beiträge – großartig!',
    },
    {
      kind: 'comment',
      author: 'Hannes Brück',
      time: { daysAgo: 7, at: '17:20' },
      text: 'Gibt es schon eine Übersicht aller Beiträge?',
    },
    {
      kind: 'comment',
      author: 'Nina Hartmann',
      authorUrl: '/kompass/',
      time: { daysAgo: 7, at: '18:05' },
      text: 'Lieber Hannes, die Zusammenfassung kommt nach dem Ende der Blogparade.',
    },
    {
      kind: 'comment',
      author: 'Kerstin Abel',
      time: { daysAgo: 5, at: '12:00' },
      text: 'Mein Beitrag kommt am Wochenende.',
    },
    {
      kind: 'comment',
      author: 'Lisa Brandt',
      authorUrl: '/lisa-lernt/',
      time: { daysAgo: 2, at: '10:30' },
      text: 'Hallo Nina, auch ich habe mitgeschrieben: [Was mir das erste Jahr als Lerntherapeutin beigebracht hat](/lisa-lernt/erstes-jahr/)',
    },
    {
      kind: 'comment',
      author: 'Ralf Köhler',
      time: { daysAgo: 1, at: '09:45' },
      text: 'So viele tolle Beiträge! Danke fürs Sammeln.',
    },
    {
      kind: 'comment',
      author: 'Kerstin Abel',
      time: { daysAgo: 1, at: '21:30' },
      text: 'Leider schaffe ich es doch nicht bis zum Ende. Nächstes Mal!',
    },
  ],
};

/** What a post around the popular call is for. */
export type PopularRole =
  | 'pingback-entry'
  | 'comment-entry'
  | 'teaser-entry'
  | 'window-unrelated'
  | 'outside-window';

export interface PopularPostContent extends EntryContent {
  role: PopularRole;
}

const participantChrome = (
  id: string,
  base: string,
  name: string,
  tagline: string,
  owner: string,
): BlogContent => ({
  id,
  base,
  name,
  tagline,
  owner,
  menu: [{ text: 'Blog', href: base }, { text: 'Über mich' }, { text: 'Kontakt' }],
  widgets: [],
  categories: ['Blogparaden', 'Selbstständigkeit'],
  recent: [{ text: 'Ein Jahr im Rückblick' }],
  footer: [...legal],
});

const maren = participantChrome(
  'maren-texte',
  '/maren-texte/',
  'Maren textet',
  'Werbetexte aus Kiel',
  'Maren Petersen',
);
const stefan = participantChrome(
  'werkbank-stefan',
  '/werkbank-stefan/',
  'Werkbank Stefan',
  'Möbelbau und Reparatur in Bremen',
  'Stefan Wolff',
);
const paul = participantChrome(
  'paul-pixelt',
  '/paul-pixelt/',
  'Paul pixelt',
  'Webdesign für kleine Läden',
  'Paul Neumann',
);
const lisa = participantChrome(
  'lisa-lernt',
  '/lisa-lernt/',
  'Lisa lernt',
  'Lerntherapie und Legasthenie-Training in Leipzig',
  'Lisa Brandt',
);
const greta: BlogContent = {
  ...participantChrome(
    'greta-fotografiert',
    '/greta-fotografiert/',
    'Greta fotografiert',
    'Porträts und Reportagen aus Münster',
    'Greta Sander',
  ),
  feedExcerptOnly: true,
};

export const popularBlogs: BlogContent[] = [maren, stefan, paul, lisa, greta];

const lessons = (intro: string, items: string[]): Block => ({
  kind: 'list',
  list: { style: 'ul', intro, items: items.map((text) => ({ text })) },
});

const answersCall = (text: string): Block => ({ kind: 'p', text: text.replace('{call}', popularCallPath) });

export const popularPosts: PopularPostContent[] = [
  {
    key: 'maren',
    role: 'pingback-entry',
    postId: 311,
    blog: maren,
    layout: 'wordpress-classic',
    linksCall: 'content',
    path: 'frueher-gewusst-geld/',
    title: 'Über Geld reden, bevor es fehlt',
    excerpt: 'Mein Beitrag zu Ninas Blogparade: drei Sätze über Geld, die ich gern früher gehört hätte.',
    author: 'Maren Petersen',
    time: { daysAgo: 18, at: '09:10' },
    image: '/maren-texte/wp-content/uploads/sparschwein.png',
    imageAlt: 'Ein Sparschwein auf einem Schreibtisch',
    categories: ['Blogparaden'],
    tags: ['Geld'],
    blocks: [
      answersCall(
        'Nina fragt in ihrer [Blogparade „Was ich gerne früher gewusst hätte“]({call}), und bei mir geht es ums Geld.',
      ),
      lessons('Drei Sätze, die ich mir heute selbst sagen würde:', [
        'Ein Angebot ohne Preis ist kein Angebot.',
        'Rücklagen sind keine Kür, sondern Pflicht.',
        'Wer Rabatte gibt, muss wissen, wofür.',
      ]),
      { kind: 'p', text: 'Und was hättet ihr gern früher gewusst?' },
    ],
  },
  {
    key: 'stefan',
    role: 'comment-entry',
    postId: 57,
    blog: stefan,
    layout: 'ghost',
    linksCall: 'content',
    path: 'lehrjahre-in-der-eigenen-werkstatt/',
    title: 'Lehrjahre in der eigenen Werkstatt',
    excerpt: 'Was ich in fünf Jahren Selbstständigkeit als Schreiner gelernt habe – für Ninas Blogparade.',
    author: 'Stefan Wolff',
    time: { daysAgo: 16, at: '19:30' },
    image: '/werkbank-stefan/content/images/hobelbank.png',
    imageAlt: 'Eine alte Hobelbank mit Werkzeug',
    categories: ['Blogparaden'],
    tags: ['Werkstatt'],
    blocks: [
      answersCall(
        'Für die [Blogparade von Nina Hartmann]({call}) habe ich aufgeschrieben, was ich als junger Schreiner gern früher gewusst hätte.',
      ),
      lessons('Das hätte mir geholfen:', [
        'Werkzeug kauft man erst, wenn man es dreimal geliehen hat.',
        'Jeder Kostenvoranschlag braucht einen Puffer für Überraschungen.',
        'Stammkundschaft entsteht durch Reparaturen, nicht durch Neubauten.',
        'Feierabend ist auch in der eigenen Werkstatt erlaubt.',
      ]),
    ],
  },
  {
    key: 'paul',
    role: 'comment-entry',
    postId: 12,
    blog: paul,
    layout: 'hugo',
    linksCall: 'content',
    path: 'posts/fuenf-dinge/',
    title: 'Fünf Dinge, die mir als Webdesigner niemand gesagt hat',
    excerpt: 'Verträge, Korrekturschleifen und warum ich heute anders anfangen würde.',
    author: 'Paul Neumann',
    time: { daysAgo: 9, at: '21:40' },
    image: '/paul-pixelt/images/skizzen.png',
    imageAlt: 'Skizzen von Webseiten auf Papier',
    categories: ['Blogparaden'],
    tags: ['Webdesign'],
    blocks: [
      answersCall(
        'Nina sammelt in ihrer [Blogparade]({call}), was wir gerne früher gewusst hätten. Hier sind meine fünf Punkte.',
      ),
      lessons('Niemand hat mir gesagt, dass …', [
        'zwei Korrekturschleifen in den Vertrag gehören.',
        'Kundinnen Texte später liefern, als sie versprechen.',
        'ein Wartungsvertrag mehr wert ist als ein Relaunch.',
        'ich Nein sagen darf, wenn das Projekt nicht passt.',
        'Fotos über eine Website mehr entscheiden als Farben.',
      ]),
    ],
  },
  {
    key: 'lisa',
    role: 'comment-entry',
    postId: 204,
    blog: lisa,
    layout: 'wordpress-block',
    linksCall: 'content',
    path: 'erstes-jahr/',
    title: 'Was mir das erste Jahr als Lerntherapeutin beigebracht hat',
    excerpt: 'Ein Jahr eigene Praxis: was ich über Eltern, Kinder und mich selbst gelernt habe.',
    author: 'Lisa Brandt',
    time: { daysAgo: 2, at: '08:15' },
    image: '/lisa-lernt/wp-content/uploads/buchstaben.png',
    imageAlt: 'Holzbuchstaben auf einem Kindertisch',
    categories: ['Blogparaden'],
    tags: ['Praxis'],
    blocks: [
      answersCall('Mein Beitrag zur [Blogparade „Was ich gerne früher gewusst hätte“]({call}) von Nina.'),
      lessons('Im ersten Jahr habe ich gelernt:', [
        'Eltern brauchen oft mehr Zeit als die Kinder.',
        'Ein fester Wochentag für Verwaltung rettet die Woche.',
        'Kleine Fortschritte gehören gefeiert.',
      ]),
    ],
  },
  {
    key: 'greta',
    role: 'teaser-entry',
    postId: 640,
    blog: greta,
    layout: 'wordpress-block',
    linksCall: 'content',
    path: 'zehn-jahre-kamera/',
    title: 'Zehn Jahre mit der Kamera – ein Rückblick mit Lehrgeld',
    excerpt:
      'Endlich ist er fertig: mein Beitrag zur Blogparade. Über Umwege, Lehrgeld und eine Kamera, die ich zu früh gekauft habe.',
    author: 'Greta Sander',
    time: { daysAgo: 4, at: '07:20' },
    image: '/greta-fotografiert/wp-content/uploads/kamera.png',
    imageAlt: 'Eine alte Spiegelreflexkamera auf einem Fensterbrett',
    categories: ['Blogparaden'],
    tags: ['Rückblick'],
    blocks: [
      answersCall(
        'Vor ein paar Tagen habe ich bei Nina versprochen mitzumachen – hier ist er, mein Beitrag zu ihrer [Blogparade „Was ich gerne früher gewusst hätte“]({call}).',
      ),
      lessons('Was ich mir vor zehn Jahren gern gesagt hätte:', [
        'Die teuerste Kamera macht nicht die besten Bilder.',
        'Ein Vertrag schützt auch bei Freunden.',
        'Bildrechte klärt man vor dem Shooting, nicht danach.',
        'Eine Warteliste ist besser als ein voller Kalender.',
      ]),
      { kind: 'p', text: 'Danke, Nina, für den Anstoß zum Zurückschauen!' },
    ],
  },
  {
    key: 'greta-hochzeit',
    role: 'window-unrelated',
    postId: 633,
    blog: greta,
    layout: 'wordpress-block',
    linksCall: 'none',
    path: 'hochzeit-am-aasee/',
    title: 'Eine Hochzeit am Aasee',
    excerpt: 'Regen am Morgen, Sonne am Nachmittag: eine kleine Hochzeitsreportage.',
    author: 'Greta Sander',
    time: { daysAgo: 12, at: '16:00' },
    image: '/greta-fotografiert/wp-content/uploads/aasee.png',
    imageAlt: 'Ein Brautpaar unter einem Regenschirm am See',
    categories: ['Reportagen'],
    tags: ['Hochzeit'],
    blocks: [
      {
        kind: 'p',
        text: 'Am Morgen hat es geregnet, am Nachmittag kam die Sonne. Die schönsten Bilder entstanden dazwischen.',
      },
      lessons('Was auf keiner Hochzeit fehlen darf:', [
        'ein großer Schirm',
        'Ersatzakkus',
        'ein Müsliriegel für die Fotografin',
      ]),
    ],
  },
  {
    key: 'greta-winter',
    role: 'outside-window',
    postId: 598,
    blog: greta,
    layout: 'wordpress-block',
    linksCall: 'none',
    path: 'winterlicht/',
    title: 'Winterlicht im Studio',
    excerpt: 'Wie ich mit einem einzigen Fenster und einem Reflektor Porträts beleuchte.',
    author: 'Greta Sander',
    time: { daysAgo: 45, at: '10:00' },
    image: '/greta-fotografiert/wp-content/uploads/fenster.png',
    imageAlt: 'Ein Porträt im seitlichen Fensterlicht',
    categories: ['Technik'],
    tags: ['Licht'],
    blocks: [
      {
        kind: 'p',
        text: 'Im Winter ist das Licht weich und tief. Ein Fenster und ein weißer Reflektor reichen für ein schönes Porträt.',
      },
    ],
  },
];
