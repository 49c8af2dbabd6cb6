import { Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';

export interface DecodedHtml {
  html: string;
  /** The WHATWG name of the charset used, lower-case (e.g. "utf-8", "windows-1252"). */
  charset: string;
}

// ResultType.DEFAULT of encoding-sniffer: nothing declared (no BOM, header, meta or XML declaration).
const SNIFF_RESULT_DEFAULT = 5;
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
 * Decodes fetched bytes. Order: BOM, HTTP header charset, `<meta charset>` / http-equiv / XML
 * declaration, then valid UTF-8, then windows-1252 (cheerio.loadBuffer would skip the UTF-8 check
 * and turn undeclared UTF-8 umlauts into mojibake).
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
  }
  return { html: iconv.decode(bytes, charset), charset };
}
