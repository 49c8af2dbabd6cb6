import { describe, expect, it } from 'vitest';
import { parseReasonText, renderReason } from '../../src/reasons/catalog.js';
import { reason } from '../../src/reasons/reason.js';
import { entryReason, localizeReason } from '../../src/web/reason-text.js';

describe('reasons in the page language', () => {
  it.each([
    ['waiting for the first fetch', 'wartet auf den ersten Abruf'],
    ['verified: links the call in the post', 'bestätigt: verlinkt den Aufruf im Beitrag'],
    [
      'waiting for the host: links the call only in the sidebar or comments, not in the post',
      'wartet auf Freigabe: verlinkt den Aufruf nur in der Seitenleiste oder in Kommentaren, nicht im Beitrag',
    ],
    ['waiting for the host: no link to the call', 'wartet auf Freigabe: kein Link auf den Aufruf'],
    [
      "waiting for the host: no link to the call; the closest is https://a.example/aufruf-alt/, which is not the call's address",
      'wartet auf Freigabe: kein Link auf den Aufruf; am nächsten kommt https://a.example/aufruf-alt/, doch das ist nicht die Adresse des Aufrufs',
    ],
    [
      'not fetched yet: the server did not answer within 800 ms; retrying (attempt 1 of 3)',
      'noch nicht abgerufen: der Server antwortete nicht innerhalb von 800 ms; neuer Versuch folgt (Versuch 1 von 3)',
    ],
    [
      'not fetched yet: the server answered 503 Service Unavailable and asked us to come back after 2026-11-29T01:50:26.789Z; retrying (attempt 1 of 3)',
      'noch nicht abgerufen: der Server antwortete 503 Service Unavailable und bat, es nach 2026-11-29T01:50:26.789Z erneut zu versuchen; neuer Versuch folgt (Versuch 1 von 3)',
    ],
    [
      'not fetched yet: blog.example asked us to come back after 2026-11-29T01:50:26.789Z; retrying (attempt 1 of 3)',
      'noch nicht abgerufen: blog.example bat, es nach 2026-11-29T01:50:26.789Z erneut zu versuchen; neuer Versuch folgt (Versuch 1 von 3)',
    ],
    [
      'not fetched yet: the server answered 500 Internal Server Error; retrying (attempt 2 of 5)',
      'noch nicht abgerufen: der Server antwortete 500 Internal Server Error; neuer Versuch folgt (Versuch 2 von 5)',
    ],
    [
      'could not be fetched: the page is larger than 976.6 KB',
      'konnte nicht abgerufen werden: die Seite ist größer als 976.6 KB',
    ],
    [
      'could not be fetched: the address 127.0.0.2 is a loopback address (the machine itself)',
      'konnte nicht abgerufen werden: die Adresse 127.0.0.2 ist eine Loopback-Adresse (der Rechner selbst)',
    ],
    [
      'could not be fetched: the address ::ffff:10.0.0.1 (10.0.0.1) is in a private network',
      'konnte nicht abgerufen werden: die Adresse ::ffff:10.0.0.1 (10.0.0.1) liegt in einem privaten Netz',
    ],
    [
      'could not be fetched: robots.txt of blog.example asks crawlers not to fetch this page',
      'konnte nicht abgerufen werden: robots.txt von blog.example bittet Crawler, diese Seite nicht abzurufen',
    ],
    [
      "could not be fetched: the server's certificate has expired",
      'konnte nicht abgerufen werden: das Zertifikat des Servers ist abgelaufen',
    ],
    [
      'still listed; the last check failed (the server closed the connection unexpectedly), retrying',
      'weiter gelistet; die letzte Prüfung schlug fehl (der Server schloss die Verbindung unerwartet), neuer Versuch folgt',
    ],
    [
      'the page is gone (the server answered 410 Gone); the last good copy is kept',
      'die Seite ist nicht mehr da (der Server antwortete 410 Gone); die letzte gute Fassung bleibt erhalten',
    ],
    [
      'the page is gone (the server answered 404 Not Found)',
      'die Seite ist nicht mehr da (der Server antwortete 404 Not Found)',
    ],
    [
      'the address does not serve a web page (image/png)',
      'unter der Adresse liegt keine Webseite (image/png)',
    ],
    [
      'not fetched yet: the page redirects in a loop; retrying (attempt 1 of 3)',
      'noch nicht abgerufen: die Seite leitet im Kreis weiter; neuer Versuch folgt (Versuch 1 von 3)',
    ],
    [
      'not fetched yet: the server took longer than 1500 ms to send the page; retrying (attempt 1 of 3)',
      'noch nicht abgerufen: der Server brauchte länger als 1500 ms für die Seite; neuer Versuch folgt (Versuch 1 von 3)',
    ],
    ['approved by the host', 'von der Gastgeberin oder dem Gastgeber freigegeben'],
    [
      'the feed could not be fetched: the server answered 404 Not Found',
      'der Feed ließ sich nicht abrufen: der Server antwortete 404 Not Found',
    ],
    [
      'the feed is not valid XML (Unclosed root tag, line 2)',
      'der Feed ist kein gültiges XML (Unclosed root tag, line 2)',
    ],
    [
      'no feed found on the blog (neither advertised nor at the usual paths)',
      'kein Feed gefunden (weder auf der Startseite angekündigt noch an den üblichen Stellen)',
    ],
  ])('%s', (english, german) => {
    const code = parseReasonText(english);
    expect(code.code).not.toBe('text');
    expect(renderReason(code, 'de')).toBe(german);
    expect(renderReason(code, 'en')).toBe(english);
    // A code survives its stored form (code column plus JSON parameters).
    const stored = { reason: '', reason_code: code.code, reason_params: code.params ? JSON.stringify(code.params) : null };
    expect(renderReason(entryReason(stored), 'de')).toBe(german);
  });

  it('renders codes composed directly, with nested details and empty parameters', () => {
    const r = reason('entry.retrying', { detail: reason('connect.refused'), attempt: 2, of: 5 });
    expect(renderReason(r, 'en')).toBe('not fetched yet: the server refused the connection; retrying (attempt 2 of 5)');
    expect(renderReason(r, 'de')).toBe(
      'noch nicht abgerufen: der Server lehnte die Verbindung ab; neuer Versuch folgt (Versuch 2 von 5)',
    );
    expect(renderReason(reason('page.notHtml', { type: '' }), 'de')).toBe('unter der Adresse liegt keine Webseite (kein Inhaltstyp)');
    expect(renderReason(reason('input.tooLong', { field: 'title', max: 300 }), 'en')).toBe('title is longer than 300 characters');
    expect(renderReason(reason('input.tooLong', { field: 'title', max: 300 }), 'de')).toBe('Titel ist länger als 300 Zeichen');
  });

  it('reads rows stored before codes by their English words', () => {
    const legacy = { reason: 'approved by the host', reason_code: '', reason_params: null };
    expect(entryReason(legacy)).toEqual({ code: 'entry.approved' });
  });

  it('keeps words it does not know as they are', () => {
    expect(localizeReason('could not be fetched: something new', 'de')).toBe(
      'konnte nicht abgerufen werden: something new',
    );
  });
});
