import { gzipSync } from 'node:zlib';
import { en } from '../apps/web/src/i18n/messages/en';
import { ar } from '../apps/web/src/i18n/messages/ar';
import { SESSION_COOKIE } from '../apps/web/src/http/cookies';
import { homeOf } from '../apps/web/src/views/navigation';
import type { WebRole } from '../apps/web/src/session/web-session';
import { SessionStore } from '../apps/web/src/session/session.store';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { expressRoutes } from './utils/routes';
import { startWebStack, type WebStack } from './utils/web-stack';

/**
 * Hostile requests to every page of the web front end, as each kind of visitor: path parameters,
 * query values and form fields that a browser would never send (NUL, unpaired surrogates, broken
 * and overlong percent-encoding, injection strings, markup, prototype keys, repeated and bracketed
 * fields, addresses of another site) and bodies the parser cannot read. Every answer must be a page
 * of the site or a redirect within it, never a failure; markup sent in is never echoed as markup.
 * (The API beneath refuses the same values and proves it writes nothing: hostile-input specs.)
 */
const SEGMENTS = [
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F%2Fevil.example',
  '%5Cevil.example',
  '__proto__',
  'x'.repeat(3000),
  '00000000-0000-4000-8000-000000000000',
];
/** Field and query values, percent-encoded as sent. */
const VALUES = [
  '%00',
  'a%ED%A0%80b',
  '%C0%AF',
  '%E0%A4%A',
  encodeURIComponent("' OR '1'='1' --"),
  encodeURIComponent('<script>alert(1)</script>'),
  '__proto__',
  'x'.repeat(5000),
  '9'.repeat(40),
  '2024-02-30',
  encodeURIComponent('http://data.europa.eu/esco/occupation/not-a-uuid'),
  encodeURIComponent('//evil.example'),
];
/** Names every form might read, beside those found on the page at the same address. */
const COMMON_FIELDS = ['q', 'page', 'reason', 'email', 'password', 'status', 'done', 'next', '__proto__', 'constructor[prototype]'];
/** Posting these would end the visitor's own session, which the last check relies on. */
const LEAVES_SESSION = /\/sign-out$/;
const ROLES: WebRole[] = ['candidate', 'employer', 'ncp', 'admin'];
/** The answers that are not pages by design: mail clients' one-click unsubscribe, the profile's export file. */
const NOT_PAGES: Record<string, RegExp> = {
  'POST /alerts/unsubscribe/:token': /^text\/plain/,
  'GET /:locale/candidate/account/export': /^application\/json/,
};

interface Visitor {
  role: WebRole | 'anonymous';
  cookie: string;
  csrf: string;
}

interface Answer {
  status: number;
  location: string;
  type: string;
  text: string;
}

describe('web front end: hostile input', () => {
  let stack: WebStack;
  let routes: { method: string; path: string }[];
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    stack = await startWebStack();
    const accounts = new AccountFactory(stack.api);
    const admin = await accounts.admin();
    const signedIn: Record<WebRole, SignedInAccount> = {
      admin,
      candidate: await accounts.candidate(),
      employer: await accounts.employer(admin),
      ncp: await accounts.ncp(admin),
    };
    const sessions = stack.web.get(SessionStore);
    for (const role of ROLES) {
      const { accessToken, refreshToken } = signedIn[role];
      const session = await sessions.create({ role, accessToken, refreshToken, accessExpiresAt: Date.now() + 10 * 60_000 });
      visitors.push({ role, cookie: `${SESSION_COOKIE}=${session.id}`, csrf: session.csrf });
    }
    const anonymous = await sessions.create();
    visitors.push({ role: 'anonymous', cookie: `${SESSION_COOKIE}=${anonymous.id}`, csrf: anonymous.csrf });
    routes = expressRoutes(stack.web).filter(
      (route) => (route.method === 'GET' || route.method === 'POST') && !route.path.startsWith('/assets'),
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.close();
  });

  async function send(path: string, visitor: Visitor, body?: { text: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> }): Promise<Answer> {
    const response = await fetch(`${stack.webUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie: visitor.cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...body?.headers },
      body: body?.text,
      redirect: 'manual',
    });
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  /**
   * What is wrong with an answer: a failure, a redirect off the site, anything but a page (where the
   * route answers pages), markup echoed. A request line or head over Node's limit is refused by the
   * server itself (431, no body) before the application sees it.
   */
  function problems(route: { method: string; path: string }, answer: Answer): string[] {
    const found: string[] = [];
    if (answer.status >= 500) found.push(`answered ${answer.status}`);
    const notPage = NOT_PAGES[`${route.method} ${route.path}`];
    if (answer.status >= 300 && answer.status < 400) {
      if (!/^\/(?![/\\])/.test(answer.location)) found.push(`redirected to ${answer.location}`);
    } else if (answer.status === 431) {
      if (answer.text) found.push('answered 431 with a body');
    } else if (notPage?.test(answer.type)) {
      // Its own kind of answer.
    } else if (!answer.type.startsWith('text/html') || !/^<!DOCTYPE html><html lang="[a-z]{2}"/.test(answer.text)) {
      found.push(`answered ${answer.type || 'nothing'} instead of a page`);
    }
    if (answer.text.includes('<script>alert(1)')) found.push('echoed markup');
    return found;
  }

  /** The names of the form fields on the page at this address, as this visitor sees it. */
  async function fieldNames(path: string, visitor: Visitor): Promise<string[]> {
    const page = await send(path, visitor);
    const onPage = [...page.text.matchAll(/ name="([^"]+)"/g)].map((match) => match[1]);
    return [...new Set([...onPage, ...COMMON_FIELDS])].filter((name) => name !== '_csrf');
  }

  it(
    'answers hostile paths, queries and form fields on every page with a page or a redirect of its own',
    async () => {
      const found: string[] = [];
      let requests = 0;
      for (const route of routes) {
        if (route.method === 'POST' && LEAVES_SESSION.test(route.path)) continue;
        const hasParameters = /:\w+/.test(route.path.replace(':locale', ''));
        for (const visitor of visitors) {
          const names = await fieldNames(route.path.replace(':locale', 'en').replace(/:\w+/g, 'x'), visitor);
          const attempts = hasParameters ? Math.max(SEGMENTS.length, VALUES.length) : VALUES.length;
          for (let index = 0; index <= attempts; index += 1) {
            const segment = SEGMENTS[index % SEGMENTS.length];
            const value = VALUES[index % VALUES.length];
            // The last attempt puts the hostile segment where the language goes.
            const locale = index === attempts ? segment : 'en';
            const path = route.path.replace(':locale', locale).replace(/:\w+/g, segment);
            const fields = [...names.map((name) => `${encodeURIComponent(name)}=${value}`), `${encodeURIComponent(names[0])}=${value}`].join('&');
            const answer =
              route.method === 'GET'
                ? await send(`${path}?${fields}`, visitor)
                : await send(path, visitor, { text: `_csrf=${visitor.csrf}&${fields}` });
            requests += 1;
            for (const problem of problems(route, answer)) found.push(`${visitor.role} ${route.method} ${path.slice(0, 80)} [${value.slice(0, 20)}]: ${problem}`);
          }
        }
      }
      expect(requests).toBeGreaterThan(3000);
      expect(found).toEqual([]);

      // Nothing posted above signed anybody out or erased an account: every home page still opens.
      for (const visitor of visitors.filter((each) => each.role !== 'anonymous')) {
        const home = await send(`/en${homeOf(visitor.role as WebRole)}`, visitor);
        expect({ role: visitor.role, status: home.status }).toEqual({ role: visitor.role, status: 200 });
      }
    },
    30 * 60_000,
  );

  it(
    'answers a body it cannot read with a page that says why, on every form, before any other check',
    async () => {
      const tooLarge = new RegExp(`<h1[^>]*>${en.errors.tooLarge}</h1>`);
      const unreadable = new RegExp(`<h1[^>]*>${en.errors.unreadable}</h1>`);
      const cases: { what: string; body: (visitor: Visitor) => { text: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> }; status: number; title: RegExp }[] = [
        { what: 'over the size limit', body: (v) => ({ text: `_csrf=${v.csrf}&reason=${'x'.repeat(150_000)}` }), status: 413, title: tooLarge },
        { what: 'too many fields', body: (v) => ({ text: `_csrf=${v.csrf}&${Array.from({ length: 1500 }, (_, i) => `f${i}=1`).join('&')}` }), status: 413, title: tooLarge },
        { what: 'an unknown charset', body: (v) => ({ text: `_csrf=${v.csrf}&q=a`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=latin9' } }), status: 415, title: unreadable },
        { what: 'an unknown encoding', body: (v) => ({ text: `_csrf=${v.csrf}&q=a`, headers: { 'content-encoding': 'zstd-x' } }), status: 415, title: unreadable },
        { what: 'a broken gzip stream', body: (v) => ({ text: new Uint8Array(gzipSync(`_csrf=${v.csrf}&q=a`).subarray(0, 12)), headers: { 'content-encoding': 'gzip' } }), status: 400, title: unreadable },
      ];
      const found: string[] = [];
      for (const route of routes.filter((each) => each.method === 'POST')) {
        const path = route.path.replace(':locale', 'en').replace(/:\w+/g, 'x');
        for (const visitor of visitors)
          for (const { what, body, status, title } of cases) {
            const answer = await send(path, visitor, body(visitor));
            if (answer.status !== status || !title.test(answer.text))
              found.push(`${visitor.role} POST ${path} with ${what}: ${answer.status} ${answer.text.match(/<h1[^>]*>([^<]*)/)?.[1] ?? ''}`);
          }
      }
      expect(found).toEqual([]);

      // In the language of the address, right to left in Arabic; a gzip body the parser can read is read.
      const visitor = visitors[0];
      const arabic = await send('/ar/register', visitor, cases[0].body(visitor));
      expect(arabic.status).toBe(413);
      expect(arabic.text).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl"/);
      expect(arabic.text).toContain(ar.errors.tooLargeText);
      const gzipped = await send('/en/eligibility', visitor, { text: new Uint8Array(gzipSync(`_csrf=${visitor.csrf}&residence=MA`)), headers: { 'content-encoding': 'gzip' } });
      expect(gzipped.status).toBe(400);
      expect(gzipped.text).toContain(en.errors.summary);
    },
    10 * 60_000,
  );
});
