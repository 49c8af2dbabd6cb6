export type Lang = 'de' | 'en';

interface RunCounts {
  sources: number;
  failed_sources: number;
  candidates: number;
  new_entries: number;
}

const de = {
  directory: 'Blogparaden',
  directoryIntro:
    'korso sammelt die Beiträge einer Blogparade, liest ihre Listen und veröffentlicht Übersicht, Feeds und Zusammenfassung.',
  noParades: 'Noch keine Blogparade angelegt.',
  newParade: 'Neue Blogparade anlegen',
  entries: 'Beiträge',
  call: 'Aufruf',
  deadline: 'Einsendeschluss',
  prompt: 'Thema',
  submit: 'Beitrag einreichen',
  submitIntro:
    'Trag die Adresse deines Beitrags ein. korso ruft ihn ab, prüft, ob er auf den Aufruf verlinkt, und liest seine Listen.',
  submitButton: 'Einreichen',
  yourUrl: 'Adresse deines Beitrags',
  received: 'Danke! Dein Beitrag ist eingetragen.',
  known: 'Diesen Beitrag kennt korso schon.',
  feeds: 'Feeds',
  roundup: 'Zusammenfassung',
  noEntries: 'Noch keine bestätigten Beiträge.',
  notListed: 'Noch nicht gelistet',
  by: 'von',
  status: 'Status',
  reason: 'Grund',
  foundVia: 'gefunden über',
  title: 'Titel',
  callUrl: 'Adresse des Aufrufs',
  slug: 'Kurzname (optional)',
  language: 'Sprache',
  create: 'Anlegen',
  created:
    'Die Blogparade ist angelegt. Bewahre die geheime Verwaltungsadresse gut auf – sie wird nur jetzt angezeigt:',
  admin: 'Verwaltung',
  approve: 'Freigeben',
  reject: 'Ablehnen',
  back: 'Zurück zur Übersicht',
  allEntries: 'Alle Beiträge',
  lastChecked: 'zuletzt geprüft',
  error: 'Fehler',
  roads: 'Wege',
  discovery: 'Suche',
  lastRun: 'Letzter Suchlauf',
  neverRun: 'noch kein Suchlauf',
  sources: 'Quellen',
  blocklist: 'Gesperrte Domains',
  block: 'Sperren',
  unblock: 'Entsperren',
  domain: 'Domain',
  global: 'global',
  ok: 'in Ordnung',
  unknownEntry: 'Diesen Beitrag kennt korso nicht.',
  itemCount: (n: number) => `${n} ${n === 1 ? 'Punkt' : 'Punkte'}`,
  runSummary: (r: RunCounts) =>
    `${r.sources} Quellen, ${r.failed_sources} mit Fehler, ${r.candidates} Kandidaten, ${r.new_entries} neue Beiträge`,
  sourceOrigin: (via: string) =>
    via === 'the call'
      ? 'der Aufruf'
      : via === 'website of a commenter on the call'
        ? 'Website aus einem Kommentar zum Aufruf'
        : via.replace(/^blog of /, 'Blog von '),
  redirectedTo: 'weitergeleitet nach',
  listsFound: (lists: number, items: number) =>
    `${lists} ${lists === 1 ? 'Liste' : 'Listen'} mit ${items} ${items === 1 ? 'Punkt' : 'Punkten'} gefunden`,
  notFound: 'Nicht gefunden',
  stateNames: { open: 'offen', closing: 'endet bald', closed: 'beendet' } as Record<string, string>,
  late: 'verspätet',
  onTime: 'pünktlich',
  host: 'Gastgeber:in',
  hashtag: 'Hashtag',
  overview: 'Übersicht',
  byTheme: 'Alle Antworten nach Thema',
  entriesInDetail: 'Die Beiträge im Einzelnen',
  entryNumber: (n: number) => `Beitrag ${n}`,
  waiting: (n: number) =>
    n === 1
      ? 'Ein weiterer Beitrag wartet noch auf die Prüfung.'
      : `${n} weitere Beiträge warten noch auf die Prüfung.`,
  newer: 'Neuere Beiträge',
  older: 'Ältere Beiträge',
  pageOf: (page: number, pages: number) => `Seite ${page} von ${pages}`,
  moreInDetail: (n: number) => `… und ${n} ältere Beiträge im Einzelnen`,
  calendar: 'Kalender',
  embed: 'Zum Einbinden',
  submitClosed:
    'Der Einsendeschluss ist vorbei. korso nimmt Beiträge noch an, markiert sie aber als verspätet.',
  participants: 'Teilnehmende',
  themesIntro: (items: number, entries: number) =>
    `${items} Antworten aus ${entries} Beiträgen, nach Thema geordnet: was viele sagen, steht oben.`,
  namedBy: (n: number) => (n === 1 ? 'von 1 Beitrag genannt' : `von ${n} Beiträgen genannt`),
  fewerThemes: 'Vorige Themen',
  moreThemes: 'Weitere Themen',
  noThemes: 'Noch keine Antworten, die sich ordnen ließen.',
  entriesPerDay: 'Beiträge pro Tag',
  skipToContent: 'Zum Inhalt springen',
  top: 'oben',
  chartData: 'Die Zahlen als Tabelle',
  newParades: 'Neue Blogparaden als Feed',
  bottom: 'unten',
  actions: 'Aktionen',
  roundupIntroLabel: 'Deine Einleitung für die Zusammenfassung (leer: korso schreibt eine)',
  save: 'Speichern',
  embedIntro:
    'Diese Zeile unter den Aufruf gesetzt zeigt die Liste der Teilnehmenden, immer auf dem neuesten Stand:',
  embedCopy: 'Die Liste als HTML zum Einfügen (eine Kopie von jetzt)',
  statusNames: {
    pending: 'wartet',
    live: 'gelistet',
    unverified: 'nicht bestätigt',
    failing: 'nicht erreichbar',
    gone: 'entfernt',
    rejected: 'abgelehnt',
  } as Record<string, string>,
};

type Dictionary = typeof de;

const en: Dictionary = {
  directory: 'Blog parades',
  directoryIntro:
    "korso collects a blog parade's entries, reads their lists and publishes an overview, feeds and a round-up.",
  noParades: 'No blog parade yet.',
  newParade: 'Create a blog parade',
  entries: 'Entries',
  call: 'Call',
  deadline: 'Deadline',
  prompt: 'Prompt',
  submit: 'Submit your entry',
  submitIntro:
    'Enter the address of your post. korso fetches it, checks that it links to the call and reads its lists.',
  submitButton: 'Submit',
  yourUrl: 'Address of your post',
  received: 'Thank you! Your entry is registered.',
  known: 'korso knows this entry already.',
  feeds: 'Feeds',
  roundup: 'Round-up',
  noEntries: 'No verified entries yet.',
  notListed: 'Not listed yet',
  by: 'by',
  status: 'Status',
  reason: 'Reason',
  foundVia: 'found via',
  title: 'Title',
  callUrl: 'Address of the call',
  slug: 'Short name (optional)',
  language: 'Language',
  create: 'Create',
  created: 'The blog parade is ready. Keep the secret admin address safe – it is shown only now:',
  admin: 'Admin',
  approve: 'Approve',
  reject: 'Reject',
  back: 'Back to the overview',
  allEntries: 'All entries',
  lastChecked: 'last checked',
  error: 'Error',
  roads: 'Roads',
  discovery: 'Discovery',
  lastRun: 'Last discovery run',
  neverRun: 'no discovery run yet',
  sources: 'Sources',
  blocklist: 'Blocked domains',
  block: 'Block',
  unblock: 'Unblock',
  domain: 'Domain',
  global: 'global',
  ok: 'ok',
  unknownEntry: 'korso does not know this entry.',
  itemCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
  runSummary: (r: RunCounts) =>
    `${r.sources} sources, ${r.failed_sources} failed, ${r.candidates} candidates, ${r.new_entries} new entries`,
  sourceOrigin: (via: string) => via,
  redirectedTo: 'redirected to',
  listsFound: (lists: number, items: number) =>
    `found ${lists} ${lists === 1 ? 'list' : 'lists'} with ${items} ${items === 1 ? 'item' : 'items'}`,
  notFound: 'Not found',
  stateNames: { open: 'open', closing: 'closing soon', closed: 'closed' } as Record<string, string>,
  late: 'late',
  onTime: 'on time',
  host: 'Host',
  hashtag: 'Hashtag',
  overview: 'Overview',
  byTheme: 'All answers by theme',
  entriesInDetail: 'The entries in full',
  entryNumber: (n: number) => `Entry ${n}`,
  waiting: (n: number) =>
    n === 1 ? 'One more entry is waiting to be checked.' : `${n} more entries are waiting to be checked.`,
  newer: 'Newer entries',
  older: 'Older entries',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  moreInDetail: (n: number) => `… and ${n} older entries in full`,
  calendar: 'Calendar',
  embed: 'Embed',
  submitClosed: 'The deadline has passed. korso still takes entries but marks them as late.',
  participants: 'Participants',
  themesIntro: (items: number, entries: number) =>
    `${items} answers from ${entries} entries, ordered by theme: what many say comes first.`,
  namedBy: (n: number) => (n === 1 ? 'named by 1 entry' : `named by ${n} entries`),
  fewerThemes: 'Previous themes',
  moreThemes: 'More themes',
  noThemes: 'No answers to order yet.',
  entriesPerDay: 'Entries per day',
  skipToContent: 'Skip to content',
  top: 'top',
  chartData: 'The figures as a table',
  newParades: 'New blog parades as a feed',
  bottom: 'bottom',
  actions: 'Actions',
  roundupIntroLabel: 'Your opening words for the round-up (empty: korso writes them)',
  save: 'Save',
  embedIntro: 'Put this line under your call to show the list of participants, always up to date:',
  embedCopy: 'The list as HTML to paste (a copy of today)',
  statusNames: {
    pending: 'pending',
    live: 'listed',
    unverified: 'unverified',
    failing: 'failing',
    gone: 'gone',
    rejected: 'rejected',
  },
};

export function dictionary(lang: string | null | undefined): Dictionary {
  return lang === 'en' ? en : de;
}

export { formatDate } from '../publish/format-date.js';
