// Every reason korso composes: its English words (which also parse older rows and the HTTP client's
// sentences back into codes) and its German words. Anything else is kept as `text` with its words.
import { isReason, type Reason, type ReasonParam, type ReasonParams, reason } from './reason.js';

export type Lang = 'de' | 'en';
type Words = (p: Params) => string;

interface Rule {
  code: string;
  /** Anchored pattern of the English words; its groups fill `names` in order. */
  pattern: RegExp;
  names?: string[];
  /** Parameters that are themselves reasons (parsed from their words). */
  nested?: string[];
  en: Words;
  de: Words;
}

/** Parameter access for the words: nested reasons come rendered in the same language. */
interface Params {
  s(name: string): string;
}

const ADDRESS_RANGES: Record<string, string> = {
  'is the unspecified address': 'ist die unspezifizierte Adresse',
  'is the broadcast address': 'ist die Broadcast-Adresse',
  'is a multicast address': 'ist eine Multicast-Adresse',
  'is a link-local address': 'ist eine link-lokale Adresse',
  'is a loopback address (the machine itself)': 'ist eine Loopback-Adresse (der Rechner selbst)',
  'is in a carrier-grade NAT network': 'liegt in einem Carrier-Grade-NAT-Netz',
  'is in a private network': 'liegt in einem privaten Netz',
  'is in a private network (IPv6 unique local)': 'liegt in einem privaten Netz (IPv6 unique local)',
  'is in a private network (IPv6 site local)': 'liegt in einem privaten Netz (IPv6 site local)',
  'is a NAT64 address that leads into an IPv4 network': 'ist eine NAT64-Adresse in ein IPv4-Netz',
  'is an IPv4-translated IPv6 address': 'ist eine aus IPv4 übersetzte IPv6-Adresse',
  'is a 6to4 tunnel address': 'ist eine 6to4-Tunneladresse',
  'is a Teredo tunnel address': 'ist eine Teredo-Tunneladresse',
  'is an IPv4 address written as IPv6': 'ist eine als IPv6 geschriebene IPv4-Adresse',
};

const CERTIFICATES: Record<string, string> = {
  "the server's certificate has expired": 'das Zertifikat des Servers ist abgelaufen',
  "the server's certificate is not valid yet": 'das Zertifikat des Servers gilt noch nicht',
  "the server's certificate belongs to another name":
    'das Zertifikat des Servers gehört zu einem anderen Namen',
  "the server's certificate is self-signed": 'das Zertifikat des Servers ist selbst signiert',
  "the server's certificate is signed by an unknown authority":
    'das Zertifikat des Servers ist von einer unbekannten Stelle signiert',
};

const rule = (
  code: string,
  pattern: RegExp,
  en: Words,
  de: Words,
  names: string[] = [],
  nested: string[] = [],
): Rule => ({ code, pattern, en, de, names, nested });

const fixed = (code: string, en: string, de: string): Rule =>
  rule(
    code,
    new RegExp(`^${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    () => en,
    () => de,
  );

/** Entry statuses and discovery sources: frames around a detail. */
const FRAMES: Rule[] = [
  fixed('entry.waiting', 'waiting for the first fetch', 'wartet auf den ersten Abruf'),
  rule(
    'entry.verified',
    /^verified: (.+)$/,
    (p) => `verified: ${p.s('detail')}`,
    (p) => `bestätigt: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'entry.waitingForHost',
    /^waiting for the host: (.+)$/,
    (p) => `waiting for the host: ${p.s('detail')}`,
    (p) => `wartet auf Freigabe: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'entry.retrying',
    /^not fetched yet: (.+); retrying \(attempt (\d+) of (\d+)\)$/,
    (p) => `not fetched yet: ${p.s('detail')}; retrying (attempt ${p.s('attempt')} of ${p.s('of')})`,
    (p) =>
      `noch nicht abgerufen: ${p.s('detail')}; neuer Versuch folgt (Versuch ${p.s('attempt')} von ${p.s('of')})`,
    ['detail', 'attempt', 'of'],
    ['detail'],
  ),
  rule(
    'entry.failing',
    /^could not be fetched: (.+)$/,
    (p) => `could not be fetched: ${p.s('detail')}`,
    (p) => `konnte nicht abgerufen werden: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'entry.stillListed',
    /^still listed; the last check failed \((.+)\), retrying$/,
    (p) => `still listed; the last check failed (${p.s('detail')}), retrying`,
    (p) => `weiter gelistet; die letzte Prüfung schlug fehl (${p.s('detail')}), neuer Versuch folgt`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'entry.goneKept',
    /^the page is gone \((.+)\); the last good copy is kept$/,
    (p) => `the page is gone (${p.s('detail')}); the last good copy is kept`,
    (p) => `die Seite ist nicht mehr da (${p.s('detail')}); die letzte gute Fassung bleibt erhalten`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'entry.gone',
    /^the page is gone \((.+)\)$/,
    (p) => `the page is gone (${p.s('detail')})`,
    (p) => `die Seite ist nicht mehr da (${p.s('detail')})`,
    ['detail'],
    ['detail'],
  ),
  fixed('entry.approved', 'approved by the host', 'von der Gastgeberin oder dem Gastgeber freigegeben'),
  fixed('entry.rejected', 'rejected by the host', 'von der Gastgeberin oder dem Gastgeber abgelehnt'),
  rule(
    'source.callFailed',
    /^the call page could not be fetched: (.+)$/,
    (p) => `the call page could not be fetched: ${p.s('detail')}`,
    (p) => `die Seite des Aufrufs ließ sich nicht abrufen: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'source.feedFailed',
    /^the feed could not be fetched: (.+)$/,
    (p) => `the feed could not be fetched: ${p.s('detail')}`,
    (p) => `der Feed ließ sich nicht abrufen: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'source.commentPageFailed',
    /^comment page (\S+) could not be fetched: (.+)$/,
    (p) => `comment page ${p.s('url')} could not be fetched: ${p.s('detail')}`,
    (p) => `die Kommentarseite ${p.s('url')} ließ sich nicht abrufen: ${p.s('detail')}`,
    ['url', 'detail'],
    ['detail'],
  ),
  rule(
    'source.commentFeedFailed',
    /^comment feed page (\S+) could not be read: (.+)$/,
    (p) => `comment feed page ${p.s('url')} could not be read: ${p.s('detail')}`,
    (p) => `die Seite ${p.s('url')} des Kommentar-Feeds ließ sich nicht lesen: ${p.s('detail')}`,
    ['url', 'detail'],
    ['detail'],
  ),
  fixed(
    'source.noFeed',
    'no feed found on the blog (neither advertised nor at the usual paths)',
    'kein Feed gefunden (weder auf der Startseite angekündigt noch an den üblichen Stellen)',
  ),
];

/** The parts inside a frame: backlink explanations and the HTTP client's failure sentences. */
const DETAILS: Rule[] = [
  fixed('backlink.content', 'links the call in the post', 'verlinkt den Aufruf im Beitrag'),
  fixed(
    'backlink.elsewhere',
    'links the call only in the sidebar or comments, not in the post',
    'verlinkt den Aufruf nur in der Seitenleiste oder in Kommentaren, nicht im Beitrag',
  ),
  fixed('backlink.none', 'no link to the call', 'kein Link auf den Aufruf'),
  rule(
    'backlink.closest',
    /^no link to the call; the closest is (\S+), which is not the call's address$/,
    (p) => `no link to the call; the closest is ${p.s('url')}, which is not the call's address`,
    (p) =>
      `kein Link auf den Aufruf; am nächsten kommt ${p.s('url')}, doch das ist nicht die Adresse des Aufrufs`,
    ['url'],
  ),
  rule(
    'page.notHtml',
    /^the address does not serve a web page \((.+)\)$/,
    (p) => `the address does not serve a web page (${p.s('type') || 'no content type'})`,
    (p) => `unter der Adresse liegt keine Webseite (${p.s('type') || 'kein Inhaltstyp'})`,
    ['type'],
  ),
  rule(
    'page.unprocessable',
    /^the page could not be processed \((.+)\)$/,
    (p) => `the page could not be processed (${p.s('message')})`,
    (p) => `die Seite konnte nicht verarbeitet werden (${p.s('message')})`,
    ['message'],
  ),
  rule(
    'http.retryAfter',
    /^the server answered (\d{3}) ?(.*?) and asked us to come back after (\S+)$/,
    (p) =>
      `the server answered ${p.s('status')}${p.s('text') ? ` ${p.s('text')}` : ''} and asked us to come back after ${p.s('at')}`,
    (p) =>
      `der Server antwortete ${p.s('status')}${p.s('text') ? ` ${p.s('text')}` : ''} und bat, es nach ${p.s('at')} erneut zu versuchen`,
    ['status', 'text', 'at'],
  ),
  rule(
    'http.hostRetryAfter',
    /^(\S+) asked us to come back after (\S+)$/,
    (p) => `${p.s('host')} asked us to come back after ${p.s('at')}`,
    (p) => `${p.s('host')} bat, es nach ${p.s('at')} erneut zu versuchen`,
    ['host', 'at'],
  ),
  rule(
    'http.status',
    /^the server answered (\d{3}) ?(.*)$/,
    (p) => `the server answered ${p.s('status')}${p.s('text') ? ` ${p.s('text')}` : ''}`,
    (p) => `der Server antwortete ${p.s('status')}${p.s('text') ? ` ${p.s('text')}` : ''}`,
    ['status', 'text'],
  ),
  rule(
    'http.tooLarge',
    /^the page is larger than (.+)$/,
    (p) => `the page is larger than ${p.s('size')}`,
    (p) => `die Seite ist größer als ${p.s('size')}`,
    ['size'],
  ),
  rule(
    'http.slow',
    /^the server took longer than (\d+) ms to send the page$/,
    (p) => `the server took longer than ${p.s('ms')} ms to send the page`,
    (p) => `der Server brauchte länger als ${p.s('ms')} ms für die Seite`,
    ['ms'],
  ),
  rule(
    'http.redirects',
    /^the page redirected more than (\d+) times$/,
    (p) => `the page redirected more than ${p.s('max')} times`,
    (p) => `die Seite leitete mehr als ${p.s('max')}-mal weiter`,
    ['max'],
  ),
  fixed('http.redirectLoop', 'the page redirects in a loop', 'die Seite leitet im Kreis weiter'),
  rule(
    'http.robots',
    /^robots\.txt of (\S+) asks crawlers not to fetch this page$/,
    (p) => `robots.txt of ${p.s('host')} asks crawlers not to fetch this page`,
    (p) => `robots.txt von ${p.s('host')} bittet Crawler, diese Seite nicht abzurufen`,
    ['host'],
  ),
  rule(
    'dns.unknown',
    /^the name (\S+) does not resolve to an address$/,
    (p) => `the name ${p.s('host')} does not resolve to an address`,
    (p) => `der Name ${p.s('host')} führt zu keiner Adresse`,
    ['host'],
  ),
  rule(
    'dns.noAddress',
    /^the name (\S+) has no address$/,
    (p) => `the name ${p.s('host')} has no address`,
    (p) => `der Name ${p.s('host')} hat keine Adresse`,
    ['host'],
  ),
  rule(
    'dns.timeout',
    /^the name server did not answer for (\S+)$/,
    (p) => `the name server did not answer for ${p.s('host')}`,
    (p) => `der Nameserver antwortete nicht für ${p.s('host')}`,
    ['host'],
  ),
  fixed('connect.refused', 'the server refused the connection', 'der Server lehnte die Verbindung ab'),
  fixed(
    'connect.closed',
    'the server closed the connection unexpectedly',
    'der Server schloss die Verbindung unerwartet',
  ),
  fixed('connect.unreachable', 'the server cannot be reached', 'der Server ist nicht erreichbar'),
  rule(
    'connect.timeout',
    /^the server did not accept a connection within (\d+) ms$/,
    (p) => `the server did not accept a connection within ${p.s('ms')} ms`,
    (p) => `der Server nahm innerhalb von ${p.s('ms')} ms keine Verbindung an`,
    ['ms'],
  ),
  rule(
    'http.headersTimeout',
    /^the server did not answer within (\d+) ms$/,
    (p) => `the server did not answer within ${p.s('ms')} ms`,
    (p) => `der Server antwortete nicht innerhalb von ${p.s('ms')} ms`,
    ['ms'],
  ),
  rule(
    'http.bodyTimeout',
    /^the server stopped sending the page for (\d+) ms$/,
    (p) => `the server stopped sending the page for ${p.s('ms')} ms`,
    (p) => `der Server sandte ${p.s('ms')} ms lang nichts mehr`,
    ['ms'],
  ),
  fixed(
    'http.lengthMismatch',
    'the page did not match the length the server announced',
    'die Seite war nicht so lang, wie der Server angekündigt hatte',
  ),
  rule(
    'tls.certificate',
    /^(the server's certificate .+)$/,
    (p) => p.s('text'),
    (p) => CERTIFICATES[p.s('text')] ?? p.s('text'),
    ['text'],
  ),
  rule(
    'tls.failed',
    /^the secure connection failed \((.+)\)$/,
    (p) => `the secure connection failed (${p.s('code')})`,
    (p) => `die sichere Verbindung schlug fehl (${p.s('code')})`,
    ['code'],
  ),
  fixed('http.decompress', 'the page could not be decompressed', 'die Seite ließ sich nicht entpacken'),
  fixed(
    'http.malformed',
    'the server sent a malformed HTTP response',
    'der Server schickte eine fehlerhafte HTTP-Antwort',
  ),
  rule(
    'http.encoding',
    /^the server used the unknown content encoding "(.+)"$/,
    (p) => `the server used the unknown content encoding "${p.s('coding')}"`,
    (p) => `der Server nutzte die unbekannte Kodierung „${p.s('coding')}“`,
    ['coding'],
  ),
  rule(
    'connect.failed',
    /^the connection failed \((.+)\)$/,
    (p) => `the connection failed (${p.s('code')})`,
    (p) => `die Verbindung schlug fehl (${p.s('code')})`,
    ['code'],
  ),
  rule(
    'request.failed',
    /^the request failed \((.+)\)$/,
    (p) => `the request failed (${p.s('message')})`,
    (p) => `die Anfrage schlug fehl (${p.s('message')})`,
    ['message'],
  ),
  fixed('feed.empty', 'the feed is empty', 'der Feed ist leer'),
  fixed(
    'feed.html',
    'the address serves an HTML page, not a feed',
    'unter der Adresse liegt eine HTML-Seite, kein Feed',
  ),
  rule(
    'feed.badXml',
    /^the feed is not valid XML \((.+)\)$/,
    (p) => `the feed is not valid XML (${p.s('message')})`,
    (p) => `der Feed ist kein gültiges XML (${p.s('message')})`,
    ['message'],
  ),
  fixed(
    'feed.notFeed',
    'the XML is not an RSS, Atom or RDF feed',
    'das XML ist kein RSS-, Atom- oder RDF-Feed',
  ),
  rule(
    'feed.badJson',
    /^the feed is not valid JSON \((.+)\)$/,
    (p) => `the feed is not valid JSON (${p.s('message')})`,
    (p) => `der Feed ist kein gültiges JSON (${p.s('message')})`,
    ['message'],
  ),
  fixed('feed.notJsonFeed', 'the JSON is not a JSON Feed', 'das JSON ist kein JSON Feed'),
  fixed(
    'request.cancelled',
    'the request was cancelled before it finished',
    'die Anfrage wurde vor dem Ende abgebrochen',
  ),
  rule(
    'url.invalid',
    /^"(.+)" is not a valid web address$/,
    (p) => `"${p.s('raw')}" is not a valid web address`,
    (p) => `„${p.s('raw')}“ ist keine gültige Webadresse`,
    ['raw'],
  ),
  rule(
    'url.scheme',
    /^(\S+) is not an http or https address$/,
    (p) => `${p.s('url')} is not an http or https address`,
    (p) => `${p.s('url')} ist keine http- oder https-Adresse`,
    ['url'],
  ),
  rule(
    'address.invalid',
    /^the address (\S+) is not a valid IP address$/,
    (p) => `the address ${p.s('ip')} is not a valid IP address`,
    (p) => `die Adresse ${p.s('ip')} ist keine gültige IP-Adresse`,
    ['ip'],
  ),
  rule(
    'address.mappedBlocked',
    /^the address (\S+) \((\S+)\) (is .+)$/,
    (p) => `the address ${p.s('address')} (${p.s('inner')}) ${p.s('range')}`,
    (p) => `die Adresse ${p.s('address')} (${p.s('inner')}) ${ADDRESS_RANGES[p.s('range')] ?? p.s('range')}`,
    ['address', 'inner', 'range'],
  ),
  rule(
    'address.blocked',
    /^the address (\S+) (is .+)$/,
    (p) => `the address ${p.s('address')} ${p.s('range')}`,
    (p) => `die Adresse ${p.s('address')} ${ADDRESS_RANGES[p.s('range')] ?? p.s('range')}`,
    ['address', 'range'],
  ),
];

/** Words composed by the web layer and the call check; never parsed from text. */
const OWN: Rule[] = [
  rule(
    'text',
    /^$/,
    (p) => p.s('text'),
    (p) => p.s('text'),
    ['text'],
  ),
  fixed(
    'call.unchecked',
    'the call page has not been checked yet',
    'die Seite des Aufrufs wurde noch nicht geprüft',
  ),
  fixed('call.verified', 'the call page names this parade', 'die Seite des Aufrufs nennt diese Blogparade'),
  rule(
    'call.unreachable',
    /^$/,
    (p) => `the call page could not be fetched: ${p.s('detail')}`,
    (p) => `die Seite des Aufrufs ließ sich nicht abrufen: ${p.s('detail')}`,
    ['detail'],
    ['detail'],
  ),
  rule(
    'call.notNamed',
    /^$/,
    (p) => `the call page neither links ${p.s('url')} nor shows the code ${p.s('code')}`,
    (p) => `die Seite des Aufrufs verlinkt weder ${p.s('url')} noch zeigt sie den Code ${p.s('code')}`,
    ['url', 'code'],
  ),
  fixed('call.blocked', 'the domain of the call is blocked', 'die Domain des Aufrufs ist gesperrt'),
  fixed(
    'call.claimed',
    'the call page showed a claim code: the parade went to whoever put it there',
    'die Seite des Aufrufs zeigte einen Übernahme-Code: die Blogparade gehört jetzt der Person, die ihn dort eingetragen hat',
  ),
  fixed(
    'call.operator',
    'the operator confirmed that the call belongs to this parade',
    'der Betrieb hat bestätigt, dass der Aufruf zu dieser Blogparade gehört',
  ),
  fixed(
    'call.notHtml',
    'the call address does not serve a web page',
    'unter der Adresse des Aufrufs liegt keine Webseite',
  ),
];

/** Refused input and requests, in pages and the API alike. */
const m = (code: string, en: Words, de: Words, names: string[] = []): Rule => rule(code, /^$/, en, de, names);
const FIELD_DE: Record<string, string> = {
  callUrl: 'Adresse des Aufrufs',
  url: 'Adresse',
  source: 'source',
  target: 'target',
  title: 'Titel',
  prompt: 'Thema',
  hashtag: 'Hashtag',
  hostName: 'Name der Gastgeberin oder des Gastgebers',
  description: 'Beschreibung',
  deadline: 'Einsendeschluss',
  slug: 'Kurzname',
  lang: 'Sprache',
  timeZone: 'Zeitzone',
  domain: 'Domain',
  action: 'Aktion',
  token: 'Token',
  code: 'Übernahme-Code',
};
const fieldDe = (p: Params) => FIELD_DE[p.s('field')] ?? p.s('field');
/** An instant stored as ISO 8601, in words of the language (UTC: a reason knows no time zone). */
const utcTime = (iso: string, lang: Lang): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const words = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return `${words} UTC`;
};

const INPUT: Rule[] = [
  m(
    'input.cursor',
    () => 'after is not a cursor this API gave out',
    () => 'after ist kein Verweis, den diese Schnittstelle ausgegeben hat',
  ),
  m(
    'input.limit',
    (p) => `limit must be a whole number from 1 to ${p.s('max')}`,
    (p) => `limit muss eine ganze Zahl von 1 bis ${p.s('max')} sein`,
    ['max'],
  ),
  m(
    'input.required',
    (p) => `${p.s('field')} is required`,
    (p) => `${fieldDe(p)} fehlt`,
    ['field'],
  ),
  m(
    'input.unknownField',
    (p) => `korso does not know the field ${p.s('fields')}`,
    (p) => `Das Feld ${p.s('fields')} kennt korso nicht`,
    ['fields'],
  ),
  m(
    'input.notString',
    (p) => `${p.s('field')} must be a string`,
    (p) => `${fieldDe(p)} muss ein Text sein`,
    ['field'],
  ),
  m(
    'input.tooLong',
    (p) => `${p.s('field')} is longer than ${p.s('max')} characters`,
    (p) => `${fieldDe(p)} ist länger als ${p.s('max')} Zeichen`,
    ['field', 'max'],
  ),
  m(
    'input.url',
    (p) => `${p.s('field')} is not a valid URL`,
    (p) => `${fieldDe(p)} ist keine gültige Adresse`,
    ['field'],
  ),
  m(
    'input.scheme',
    (p) => `${p.s('field')} must be an http or https URL`,
    (p) => `${fieldDe(p)} muss eine http- oder https-Adresse sein`,
    ['field'],
  ),
  m(
    'input.credentials',
    (p) => `${p.s('field')} must not contain credentials`,
    (p) => `${fieldDe(p)} darf keine Zugangsdaten enthalten`,
    ['field'],
  ),
  m(
    'input.privateAddress',
    (p) => `${p.s('field')} names a private or local address`,
    (p) => `${fieldDe(p)} nennt eine private oder lokale Adresse`,
    ['field'],
  ),
  m(
    'input.control',
    (p) => `${p.s('field')} contains control characters`,
    (p) => `${fieldDe(p)} enthält Steuerzeichen`,
    ['field'],
  ),
  m(
    'input.slug',
    () => 'slug may hold a–z, 0–9 and "-" only (1–64 characters)',
    () => 'Der Kurzname darf nur a–z, 0–9 und „-“ enthalten (1–64 Zeichen)',
  ),
  m(
    'input.slugTaken',
    (p) => `slug "${p.s('slug')}" is taken`,
    (p) => `Der Kurzname „${p.s('slug')}“ ist vergeben`,
    ['slug'],
  ),
  m(
    'input.lang',
    () => 'lang must be "de" or "en"',
    () => 'Die Sprache muss „de“ oder „en“ sein',
  ),
  m(
    'input.deadline',
    () => 'deadline must be an ISO 8601 date',
    () => 'Der Einsendeschluss muss ein Datum sein (z. B. 2026-05-15 oder 2026-05-15T18:00)',
  ),
  m(
    'input.hashtag',
    () => 'hashtag must be one word, e.g. #Wunschkunde',
    () => 'Der Hashtag muss ein Wort sein, z. B. #Wunschkunde',
  ),
  m(
    'input.timeZone',
    () => 'timeZone must be an IANA time zone, e.g. Europe/Berlin',
    () => 'Die Zeitzone muss ein IANA-Name sein, z. B. Europe/Berlin',
  ),
  m(
    'input.domain',
    (p) => `"${p.s('raw')}" is not a domain name`,
    (p) => `„${p.s('raw')}“ ist kein Domainname`,
    ['raw'],
  ),
  m(
    'input.action',
    (p) => `action must be ${p.s('allowed')}`,
    (p) => `Die Aktion muss ${p.s('allowed')} sein`,
    ['allowed'],
  ),
  m(
    'input.unknownField',
    (p) => `unknown field ${p.s('field')}`,
    (p) => `unbekanntes Feld ${p.s('field')}`,
    ['field'],
  ),
  m(
    'input.json',
    () => 'the request body must be JSON',
    () => 'Der Inhalt der Anfrage muss JSON sein',
  ),
  m(
    'input.jsonObject',
    () => 'the request body must be a JSON object',
    () => 'Der Inhalt der Anfrage muss ein JSON-Objekt sein',
  ),
  m(
    'input.contentType',
    (p) => `the request body must be sent as ${p.s('type')}`,
    (p) => `Der Inhalt der Anfrage muss als ${p.s('type')} gesendet werden`,
    ['type'],
  ),
  m(
    'input.form',
    () => 'the form could not be read',
    () => 'Das Formular ließ sich nicht lesen',
  ),
  m(
    'input.tooLarge',
    () => 'request body too large',
    () => 'Der Inhalt der Anfrage ist zu groß',
  ),
  m(
    'entry.isCall',
    () => 'that is the call itself, not an entry',
    () => 'Das ist der Aufruf selbst, kein Beitrag',
  ),
  m(
    'entry.isKorso',
    () => 'that is a page of korso, not an entry',
    () => 'Das ist eine Seite von korso, kein Beitrag',
  ),
  m(
    'entry.blocked',
    () => 'entries from this domain are not accepted',
    () => 'Beiträge von dieser Domain werden nicht angenommen',
  ),
  m(
    'parade.closed',
    () => 'this blog parade is closed',
    () => 'Diese Blogparade ist geschlossen',
  ),
  m(
    'parade.exists',
    (p) => `this call already has a blog parade: ${p.s('url')}`,
    (p) => `Zu diesem Aufruf gibt es schon eine Blogparade: ${p.s('url')}`,
    ['url'],
  ),
  m(
    'claim.proved',
    () => 'this call belongs to a parade already: its host has proved the call is theirs',
    () =>
      'Dieser Aufruf gehört schon zu einer Blogparade: ihr Gastgeber hat gezeigt, dass der Aufruf ihm gehört',
  ),
  m(
    'claim.noCall',
    () => 'this parade holds no call that could be claimed',
    () => 'Diese Blogparade hält keinen Aufruf, der sich übernehmen ließe',
  ),
  m(
    'claim.unknown',
    () => 'korso gave out no such claim code for this parade; check the code or ask for a new one',
    () =>
      'Diesen Übernahme-Code hat korso für diese Blogparade nicht ausgegeben; prüfe den Code oder hol dir einen neuen',
  ),
  m(
    'claim.expired',
    (p) => `this claim code expired on ${utcTime(p.s('at'), 'en')}; ask for a new one`,
    (p) => `Dieser Übernahme-Code ist seit ${utcTime(p.s('at'), 'de')} abgelaufen; hol dir einen neuen`,
    ['at'],
  ),
  m(
    'claim.used',
    () => 'this claim code has been used already',
    () => 'Dieser Übernahme-Code wurde schon eingelöst',
  ),
  m(
    'claim.notShown',
    (p) =>
      `the call page ${p.s('url')} does not show the code ${p.s('code')} in the post (a comment does not count); add it and check again`,
    (p) =>
      `Die Seite des Aufrufs ${p.s('url')} zeigt den Code ${p.s('code')} nicht im Beitrag (ein Kommentar zählt nicht); trag ihn ein und prüfe erneut`,
    ['url', 'code'],
  ),
  m(
    'parade.unknown',
    (p) => `no parade "${p.s('slug')}"`,
    (p) => `Keine Blogparade „${p.s('slug')}“`,
    ['slug'],
  ),
  m(
    'entry.unknown',
    () => 'no such entry',
    () => 'Diesen Beitrag gibt es nicht',
  ),
  m(
    'mention.same',
    () => 'source and target are the same',
    () => 'source und target sind gleich',
  ),
  m(
    'mention.self',
    () => 'the source is the call or a page of korso, not an entry',
    () => 'Die Quelle ist der Aufruf oder eine Seite von korso, kein Beitrag',
  ),
  m(
    'mention.notParadePage',
    () => 'the target is not a parade page',
    () => 'Das Ziel ist keine Seite einer Blogparade',
  ),
  m(
    'mention.noParade',
    (p) => `there is no parade "${p.s('slug')}"`,
    (p) => `Es gibt keine Blogparade „${p.s('slug')}“`,
    ['slug'],
  ),
  m(
    'mention.unknownTarget',
    () => 'the target is neither a parade page nor the call of a parade',
    () => 'Das Ziel ist weder die Seite einer Blogparade noch ihr Aufruf',
  ),
  m(
    'mention.unverifiedCall',
    () => 'the target is a call whose host has not shown it belongs to a parade on korso',
    () =>
      'Das Ziel ist ein Aufruf, dessen Gastgeber noch nicht gezeigt hat, dass er zu einer Blogparade auf korso gehört',
  ),
  m(
    'mention.blocked',
    () => 'the source domain is blocked',
    () => 'Die Domain der Quelle ist gesperrt',
  ),
  m(
    'auth.invalid',
    () => 'this admin address is not valid',
    () => 'Diese Verwaltungsadresse ist nicht gültig',
  ),
  m(
    'auth.token',
    () => 'the admin token is not valid',
    () => 'Das Verwaltungs-Token ist nicht gültig',
  ),
  m(
    'auth.session',
    () => 'your admin session has ended (the token was rotated or it expired); open the admin link again',
    () =>
      'Deine Verwaltungssitzung ist beendet (das Token wurde erneuert oder ist abgelaufen); öffne den Verwaltungslink erneut',
  ),
  m(
    'csrf.origin',
    () => 'cross-site request refused: send it from a page of korso',
    () => 'Anfrage von einer fremden Seite abgelehnt: sende sie von einer Seite von korso',
  ),
  m(
    'csrf.token',
    () => 'the form has expired or did not come from korso; reload the page and send it again',
    () => 'Das Formular ist abgelaufen oder stammt nicht von korso; lade die Seite neu und sende es erneut',
  ),
  m(
    'rate.limited',
    (p) => `too many requests; try again in ${p.s('seconds')} s`,
    (p) => `Zu viele Anfragen; versuche es in ${p.s('seconds')} s erneut`,
    ['seconds'],
  ),
  m(
    'http.notFound',
    () => 'not found',
    () => 'nicht gefunden',
  ),
  m(
    'http.internal',
    () => 'internal error',
    () => 'interner Fehler',
  ),
];

const ALL = new Map<string, Rule>([...FRAMES, ...DETAILS, ...OWN, ...INPUT].map((r) => [r.code, r]));

function paramsOf(r: Reason, lang: Lang): Params {
  return {
    s: (name) => {
      const value: ReasonParam | undefined = r.params?.[name];
      if (value === undefined) return '';
      if (isReason(value)) return renderReason(value, lang);
      return String(value);
    },
  };
}

/** A reason in words of the language (German for 'de', English otherwise). */
export function renderReason(r: Reason, lang: string | null | undefined): string {
  const l: Lang = lang === 'de' ? 'de' : 'en';
  const found = ALL.get(r.code);
  if (!found) return r.code;
  return found[l](paramsOf(r, l));
}

function match(rules: Rule[], text: string): Reason | null {
  for (const r of rules) {
    const m = r.pattern.exec(text);
    if (!m) continue;
    const params: ReasonParams = {};
    (r.names ?? []).forEach((name, i) => {
      const raw = m[i + 1] ?? '';
      params[name] = r.nested?.includes(name) ? parseDetail(raw) : raw;
    });
    if (r.code === 'page.notHtml' && params.type === 'no content type') params.type = '';
    return reason(r.code, Object.keys(params).length ? params : undefined);
  }
  return null;
}

function parseDetail(text: string): Reason {
  return match(DETAILS, text) ?? reason('text', { text });
}

/**
 * Codes for words korso stored before reasons had codes, and for the HTTP client's failure
 * sentences when they are stored: the inverse of the English words above.
 */
export function parseReasonText(text: string): Reason {
  return match(FRAMES, text) ?? parseDetail(text);
}

export type { Params as MessageParams };

/** The columns an entry stores for a reason: the code, its parameters, and the English words. */
export function reasonColumns(r: Reason): {
  reason: string;
  reason_code: string;
  reason_params: string | null;
} {
  return {
    reason: renderReason(r, 'en'),
    reason_code: r.code,
    reason_params: r.params ? JSON.stringify(r.params) : null,
  };
}

/** A detail sentence of the HTTP client or the extractor as a code (a sentence it does not know stays text). */
export function detailReason(text: string): Reason {
  return parseDetail(text);
}
