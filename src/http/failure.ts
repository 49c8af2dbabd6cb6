import { STATUS_CODES } from 'node:http';
import type { HttpConfig } from '../config.js';
import type { FetchFailure, FetchFailureReason } from './types.js';

export interface Failure {
  reason: FetchFailureReason;
  detail: string;
  status?: number;
  retryAfter?: Date;
}

/** The body grew past the byte cap (counted after decoding). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the page is larger than ${formatBytes(limit)}`);
    this.name = 'BodyTooLargeError';
  }
}

/** A failure whose readable sentence is already known where it happened. */
export class FetchFailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.detail);
    this.name = 'FetchFailureError';
  }
}

export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function describeStatus(status: number): string {
  return `the server answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): Date | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now + Number(trimmed) * 1000);
  // An HTTP date always names its day and month; Date.parse alone would read "-5" as a year
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : new Date(date);
}

/** Failure for a final (non-redirect) status, or null when the status is a success. */
export function failureForStatus(
  status: number,
  headers: Record<string, string>,
  now: number,
): Failure | null {
  if (status === 304 || (status >= 200 && status < 300)) return null;
  const detail = describeStatus(status);
  if (status === 404 || status === 410) return { reason: 'not-found', detail, status };
  if (status === 429 || status === 503) {
    const retryAfter = parseRetryAfter(headers['retry-after'], now);
    const until = retryAfter ? ` and asked us to come back after ${retryAfter.toISOString()}` : '';
    return { reason: 'rate-limited', detail: `${detail}${until}`, status, ...(retryAfter && { retryAfter }) };
  }
  return { reason: 'http-status', detail, status };
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  hostname?: unknown;
  detail?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Walks `cause` and AggregateError (happy eyeballs) to the first error that carries a code. */
function findCode(error: unknown, depth = 0): { code: string; source: ErrorLike } | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const like = error as ErrorLike;
  if (typeof like.code === 'string' && like.code !== 'ERR_AGGREGATE_ERROR')
    return { code: like.code, source: like };
  // undici leaves the code unset when the response does not even start like HTTP
  if (like.name === 'HTTPParserError') return { code: 'HPE_INVALID', source: like };
  const nested = Array.isArray(like.errors) ? like.errors[0] : like.cause;
  return findCode(nested, depth + 1);
}

const tlsDetails: Record<string, string> = {
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate belongs to another name",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate is signed by an unknown authority",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is signed by an unknown authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate is signed by an unknown authority",
};

function failureForCode(code: string, source: ErrorLike, config: HttpConfig): Failure {
  const host = typeof source.hostname === 'string' ? source.hostname : 'the host';
  switch (code) {
    case 'KORSO_BLOCKED_ADDRESS':
      return { reason: 'blocked-address', detail: String(source.detail) };
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return { reason: 'dns', detail: `the name ${host} does not resolve to an address` };
    case 'EAI_AGAIN':
      return { reason: 'dns', detail: `the name server did not answer for ${host}` };
    case 'ECONNREFUSED':
      return { reason: 'connect', detail: 'the server refused the connection' };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { reason: 'connect', detail: 'the server closed the connection unexpectedly' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return { reason: 'connect', detail: 'the server cannot be reached' };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        reason: 'timeout',
        detail: `the server did not accept a connection within ${config.connectTimeoutMs} ms`,
      };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: 'timeout', detail: `the server did not answer within ${config.headersTimeoutMs} ms` };
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        reason: 'timeout',
        detail: `the server stopped sending the page for ${config.headersTimeoutMs} ms`,
      };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { reason: 'protocol', detail: 'the page did not match the length the server announced' };
  }
  const tls = tlsDetails[code];
  if (tls) return { reason: 'tls', detail: tls };
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT')) {
    return { reason: 'tls', detail: `the secure connection failed (${code})` };
  }
  // zlib reports Z_* codes, brotli ERR__ERROR_* codes
  if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_')) {
    return { reason: 'protocol', detail: 'the page could not be decompressed' };
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') {
    return { reason: 'protocol', detail: 'the server sent a malformed HTTP response' };
  }
  return { reason: 'connect', detail: `the connection failed (${code})` };
}

/** Maps anything thrown while fetching to a reason and a sentence a blog host can read. */
export function describeError(error: unknown, config: HttpConfig): Failure {
  if (error instanceof FetchFailureError) return error.failure;
  if (error instanceof BodyTooLargeError) return { reason: 'too-large', detail: error.message };
  const found = findCode(error);
  if (found) return failureForCode(found.code, found.source, config);
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'connect', detail: `the request failed (${message})` };
}

/** One sentence naming the page and what went wrong, e.g. for a host's dashboard. */
export function describeFetchFailure(failure: FetchFailure): string {
  return `Fetching ${failure.url} failed: ${failure.detail}.`;
}
