// Reasons are stored as English sentences (the API's words); German pages show them in German.
// Every sentence korso composes is covered here; anything else (a server's own words) stays as is.

type Rule = [RegExp, string | ((...groups: string[]) => string)];

/** Whole-reason frames, tried in order; the captured parts are translated by the detail rules. */
const FRAMES: Rule[] = [
  [/^waiting for the first fetch$/, 'wartet auf den ersten Abruf'],
  [/^verified: (.+)$/, (x) => `bestätigt: ${detail(x)}`],
  [/^waiting for the host: (.+)$/, (x) => `wartet auf Freigabe: ${detail(x)}`],
  [
    /^not fetched yet: (.+); retrying \(attempt (\d+) of (\d+)\)$/,
    (x, n, m) => `noch nicht abgerufen: ${detail(x)}; neuer Versuch folgt (Versuch ${n} von ${m})`,
  ],
  [/^could not be fetched: (.+)$/, (x) => `konnte nicht abgerufen werden: ${detail(x)}`],
  [
    /^still listed; the last check failed \((.+)\), retrying$/,
    (x) => `weiter gelistet; die letzte Prüfung schlug fehl (${detail(x)}), neuer Versuch folgt`,
  ],
  [
    /^the page is gone \((.+)\); the last good copy is kept$/,
    (x) => `die Seite ist nicht mehr da (${detail(x)}); die letzte gute Fassung bleibt erhalten`,
  ],
  [/^the page is gone \((.+)\)$/, (x) => `die Seite ist nicht mehr da (${detail(x)})`],
  [
    /^the call page could not be fetched: (.+)$/,
    (x) => `die Seite des Aufrufs ließ sich nicht abrufen: ${detail(x)}`,
  ],
  [/^the feed could not be fetched: (.+)$/, (x) => `der Feed ließ sich nicht abrufen: ${detail(x)}`],
  [
    /^no feed found on the blog \(neither advertised nor at the usual paths\)$/,
    'kein Feed gefunden (weder auf der Startseite angekündigt noch an den üblichen Stellen)',
  ],
  [/^approved by the host$/, 'von der Gastgeberin oder dem Gastgeber freigegeben'],
  [/^rejected by the host$/, 'von der Gastgeberin oder dem Gastgeber abgelehnt'],
];

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

/** The parts inside a frame: backlink explanations and the HTTP client's failure details. */
const DETAILS: Rule[] = [
  [/^links the call in the post$/, 'verlinkt den Aufruf im Beitrag'],
  [
    /^links the call only in the sidebar or comments, not in the post$/,
    'verlinkt den Aufruf nur in der Seitenleiste oder in Kommentaren, nicht im Beitrag',
  ],
  [/^no link to the call$/, 'kein Link auf den Aufruf'],
  [
    /^no link to the call; the closest is (\S+), which is not the call's address$/,
    (u) => `kein Link auf den Aufruf; am nächsten kommt ${u}, doch das ist nicht die Adresse des Aufrufs`,
  ],
  [
    /^the address does not serve a web page \((.+)\)$/,
    (t) => `unter der Adresse liegt keine Webseite (${t === 'no content type' ? 'kein Inhaltstyp' : t})`,
  ],
  [/^the page could not be processed \((.+)\)$/, (m) => `die Seite konnte nicht verarbeitet werden (${m})`],
  [
    /^the server answered (\d{3}) ?(.*?) and asked us to come back after (\S+)$/,
    (s, text, at) =>
      `der Server antwortete ${s}${text ? ` ${text}` : ''} und bat, es nach ${at} erneut zu versuchen`,
  ],
  [/^the server answered (\d{3}) ?(.*)$/, (s, text) => `der Server antwortete ${s}${text ? ` ${text}` : ''}`],
  [
    /^(\S+) asked us to come back after (\S+)$/,
    (host, at) => `${host} bat, es nach ${at} erneut zu versuchen`,
  ],
  [/^the page is larger than (.+)$/, (size) => `die Seite ist größer als ${size}`],
  [
    /^the server took longer than (\d+) ms to send the page$/,
    (ms) => `der Server brauchte länger als ${ms} ms für die Seite`,
  ],
  [/^the page redirected more than (\d+) times$/, (n) => `die Seite leitete mehr als ${n}-mal weiter`],
  [/^the page redirects in a loop$/, 'die Seite leitet im Kreis weiter'],
  [
    /^robots\.txt of (\S+) asks crawlers not to fetch this page$/,
    (host) => `robots.txt von ${host} bittet Crawler, diese Seite nicht abzurufen`,
  ],
  [/^the name (\S+) does not resolve to an address$/, (host) => `der Name ${host} führt zu keiner Adresse`],
  [/^the name (\S+) has no address$/, (host) => `der Name ${host} hat keine Adresse`],
  [/^the name server did not answer for (\S+)$/, (host) => `der Nameserver antwortete nicht für ${host}`],
  [/^the server refused the connection$/, 'der Server lehnte die Verbindung ab'],
  [/^the server closed the connection unexpectedly$/, 'der Server schloss die Verbindung unerwartet'],
  [/^the server cannot be reached$/, 'der Server ist nicht erreichbar'],
  [
    /^the server did not accept a connection within (\d+) ms$/,
    (ms) => `der Server nahm innerhalb von ${ms} ms keine Verbindung an`,
  ],
  [
    /^the server did not answer within (\d+) ms$/,
    (ms) => `der Server antwortete nicht innerhalb von ${ms} ms`,
  ],
  [
    /^the server stopped sending the page for (\d+) ms$/,
    (ms) => `der Server sandte ${ms} ms lang nichts mehr`,
  ],
  [
    /^the page did not match the length the server announced$/,
    'die Seite war nicht so lang, wie der Server angekündigt hatte',
  ],
  [/^the secure connection failed \((.+)\)$/, (c) => `die sichere Verbindung schlug fehl (${c})`],
  [/^the page could not be decompressed$/, 'die Seite ließ sich nicht entpacken'],
  [/^the server sent a malformed HTTP response$/, 'der Server schickte eine fehlerhafte HTTP-Antwort'],
  [
    /^the server used the unknown content encoding "(.+)"$/,
    (c) => `der Server nutzte die unbekannte Kodierung „${c}“`,
  ],
  [/^the connection failed \((.+)\)$/, (c) => `die Verbindung schlug fehl (${c})`],
  [/^the request failed \((.+)\)$/, (m) => `die Anfrage schlug fehl (${m})`],
  [/^the feed is empty$/, 'der Feed ist leer'],
  [/^the address serves an HTML page, not a feed$/, 'unter der Adresse liegt eine HTML-Seite, kein Feed'],
  [/^the feed is not valid XML \((.+)\)$/, (m) => `der Feed ist kein gültiges XML (${m})`],
  [/^the XML is not an RSS, Atom or RDF feed$/, 'das XML ist kein RSS-, Atom- oder RDF-Feed'],
  [/^the feed is not valid JSON \((.+)\)$/, (m) => `der Feed ist kein gültiges JSON (${m})`],
  [/^the JSON is not a JSON Feed$/, 'das JSON ist kein JSON Feed'],
  [/^the request was cancelled before it finished$/, 'die Anfrage wurde vor dem Ende abgebrochen'],
  [/^"(.+)" is not a valid web address$/, (raw) => `„${raw}“ ist keine gültige Webadresse`],
  [/^(\S+) is not an http or https address$/, (u) => `${u} ist keine http- oder https-Adresse`],
  [/^the address (\S+) is not a valid IP address$/, (ip) => `die Adresse ${ip} ist keine gültige IP-Adresse`],
  [
    /^the address (\S+) \((\S+)\) (is .+)$/,
    (shown, inner, range) => `die Adresse ${shown} (${inner}) ${ADDRESS_RANGES[range] ?? range}`,
  ],
  [/^the address (\S+) (is .+)$/, (ip, range) => `die Adresse ${ip} ${ADDRESS_RANGES[range] ?? range}`],
];

function apply(rules: Rule[], text: string): string | null {
  for (const [pattern, replacement] of rules) {
    const match = pattern.exec(text);
    if (!match) continue;
    return typeof replacement === 'string' ? replacement : replacement(...match.slice(1).map((g) => g ?? ''));
  }
  return null;
}

function detail(text: string): string {
  return CERTIFICATES[text] ?? apply(DETAILS, text) ?? text;
}

/** A stored reason in the page's language. */
export function localizeReason(reason: string, lang: string | null | undefined): string {
  if (lang !== 'de') return reason;
  return apply(FRAMES, reason) ?? detail(reason);
}
