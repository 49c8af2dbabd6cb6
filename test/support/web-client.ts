/** A small browser for tests: keeps cookies by name and path, reads form tokens, posts as korso's own pages do. */
export type Send = (path: string, init: RequestInit) => Response | Promise<Response>;

interface Cookie {
  name: string;
  value: string;
  path: string;
}

export interface WebClient {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Fetches `page`, takes its form token, posts `fields` to `path` with the page's origin. */
  postForm(path: string, fields: Record<string, string>, page?: string): Promise<Response>;
  postJson(path: string, payload: unknown, headers?: Record<string, string>): Promise<Response>;
  cookies(): Cookie[];
  setCookie(name: string, value: string, path?: string): void;
  dropCookies(): void;
}

export function formToken(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no form token');
  return token;
}

export function webClient(send: Send, origin: string): WebClient {
  let jar: Cookie[] = [];
  const matching = (path: string) =>
    jar.filter(
      (c) =>
        path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/',
    );
  const store = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) || '/';
      const expired = attrs.some((a) => /^max-age=0$/i.test(a));
      jar = jar.filter((c) => !(c.name === name && c.path === path));
      if (!expired && value !== '') jar.push({ name, value, path });
    }
  };
  const go = async (path: string, init: RequestInit = {}) => {
    const pathname = new URL(path, 'http://x').pathname;
    const cookie = matching(pathname)
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const res = await send(path, { ...init, headers, redirect: 'manual' });
    store(res);
    return res;
  };
  return {
    get: (path, headers = {}) => go(path, { headers }),
    async postForm(path, fields, page = path) {
      const token = formToken(await (await go(page)).text());
      return go(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      });
    },
    postJson: (path, payload, headers = {}) =>
      go(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      }),
    cookies: () => [...jar],
    setCookie(name, value, path = '/') {
      jar = jar.filter((c) => !(c.name === name && c.path === path));
      jar.push({ name, value, path });
    },
    dropCookies() {
      jar = [];
    },
  };
}
