/** Why a fetch failed, in words a host can read (see describeFetchFailure). */
export type FetchFailureReason =
  | 'invalid-url' // not an absolute http(s) URL
  | 'blocked-address' // resolves to a private/loopback/link-local… address
  | 'dns' // name does not resolve
  | 'connect' // refused, reset, unreachable
  | 'timeout' // connect, headers or total time exceeded
  | 'too-large' // body (after decoding) over the byte cap
  | 'too-many-redirects'
  | 'robots' // disallowed by robots.txt
  | 'http-status' // 4xx/5xx other than those below
  | 'not-found' // 404 / 410
  | 'rate-limited' // 429 / 503 (retryAfter may be set)
  | 'tls'
  | 'protocol'; // malformed response, bad encoding, …

export interface FetchRequest {
  /** Conditional GET validators from the last good fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
  /** Skip the robots.txt check (robots.txt itself, never for pages). */
  skipRobots?: boolean;
  signal?: AbortSignal;
}

export interface FetchSuccess {
  ok: true;
  /** The URL as requested. */
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  /** Every URL passed through, requested first, final last. */
  chain: string[];
  status: number;
  /** true on 304: body is empty, keep the stored copy. */
  notModified: boolean;
  headers: Record<string, string>;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
  ms: number;
}

export interface FetchFailure {
  ok: false;
  requestedUrl: string;
  url: string;
  chain: string[];
  reason: FetchFailureReason;
  /** One readable sentence for the host, e.g. "the server answered 500 Internal Server Error". */
  detail: string;
  status?: number;
  /** When the server asked us to come back (Retry-After on 429/503). */
  retryAfter?: Date;
  ms: number;
}

export type FetchResult = FetchSuccess | FetchFailure;

export interface HttpClient {
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}
