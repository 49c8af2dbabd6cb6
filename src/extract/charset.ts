import { Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the charset used, lower-case (e.g. "utf-8", "windows-1252"). */
  charset: string;
  /** The declared charset when the bytes say otherwise (UTF-8 label over windows-1252 bytes, or back). */
  fallbackFrom?: string;
}

// ResultType.DEFAULT of encoding-sniffer: nothing declared (no BOM, header, meta or XML declaration).
const SNIFF_RESULT_DEFAULT = 5;
// ResultType.BOM: a byte-order mark decided, and it is never overruled.
const SNIFF_RESULT_BOM = 0;
// Pages often put <meta charset> after large inline scripts; look further than the spec's 1024.
const SNIFF_BYTES = 4096;

/** The charset parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | null | undefined): string | undefined {
  const match = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return match?.[1];
}

export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether bytes declared UTF-8 are really windows-1252: more broken UTF-8 sequences than valid
 * multi-byte ones (a stray bad byte in a UTF-8 page, or a page cut off mid-character, stays UTF-8).
 */
function looksLikeMislabelledUtf8(bytes: Buffer): boolean {
  let valid = 0;
  let broken = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf
        ? 2
        : byte >= 0xe0 && byte <= 0xef
          ? 3
          : byte >= 0xf0 && byte <= 0xf4
            ? 4
            : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      broken++;
      i++;
    }
  }
  return broken > valid;
}

/**
 * Decodes fetched bytes. Order: BOM, HTTP header charset, `<meta charset>` / http-equiv / XML
 * declaration, then valid UTF-8, then windows-1252 (cheerio.loadBuffer would skip the UTF-8 check
 * and turn undeclared UTF-8 umlauts into mojibake). Bytes declared UTF-8 that are mostly not UTF-8
 * (old blogs moved between servers) are read as windows-1252, bytes declared windows-1252 that are
 * valid multi-byte UTF-8 as UTF-8; `fallbackFrom` then names the declared charset.
 */
export function decodeHtml(bytes: Buffer, contentType?: string | null): DecodedHtml {
  const sniffer = new Sniffer({
    maxBytes: SNIFF_BYTES,
    transportLayerEncodingLabel: headerCharset(contentType),
  });
  sniffer.write(bytes.subarray(0, SNIFF_BYTES));
  let charset = sniffer.encoding.toLowerCase();
  if (sniffer.resultType === SNIFF_RESULT_DEFAULT || !iconv.encodingExists(charset)) {
    charset = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  } else if (charset === 'utf-8' && !isValidUtf8(bytes) && looksLikeMislabelledUtf8(bytes)) {
    return { html: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252', fallbackFrom: 'utf-8' };
  } else if (
    charset === 'windows-1252' &&
    sniffer.resultType !== SNIFF_RESULT_BOM &&
    bytes.some((byte) => byte >= 0x80) &&
    isValidUtf8(bytes)
  ) {
    // The other way round (a latin1 server default over UTF-8 pages): valid multi-byte UTF-8 is
    // never what windows-1252 text looks like.
    return { html: iconv.decode(bytes, 'utf-8'), charset: 'utf-8', fallbackFrom: 'windows-1252' };
  }
  return { html: iconv.decode(bytes, charset), charset };
}
