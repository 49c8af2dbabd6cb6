import { type Context, Hono } from 'hono';
import type { AppContext } from '../context.js';
import { completeClaim, isClaimable, startClaim } from '../parades/call-claim.js';
import { InputError } from '../parades/input-error.js';
import { formatDeadline } from '../publish/parade-state.js';
import { renderReason } from '../reasons/catalog.js';
import type { Parade } from '../store/parade-repository.js';
import { CSRF_FIELD, csrfToken } from './csrf.js';
import { dictionary } from './i18n.js';
import type { PageCache } from './page-cache.js';
import { requestParade } from './parade-pages.js';
import { paradeJson } from './presenters.js';
import type { RateLimits } from './rate-limit.js';
import { openSession } from './session.js';
import { buttonSchema, claimSchema, formInput, jsonInput } from './validation.js';
import { Layout } from './views/layout.js';
import { CopyField, NewAdminLinkPage } from './views/secret-views.js';

/** The parade, its call, and where the claimer's words go. */
function ClaimHeader(props: { parade: Parade }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  return (
    <>
      <h1>{t.claimHeading}</h1>
      <p>
        <a href={`/p/${parade.slug}`}>{parade.title}</a>
      </p>
      <p>
        {t.claimCallIs}{' '}
        <a href={parade.call_url} rel="nofollow noopener">
          {parade.call_url}
        </a>
      </p>
    </>
  );
}

function CheckForm(props: { parade: Parade; csrf: string; code?: string }) {
  const t = dictionary(props.parade.lang);
  return (
    <form method="post" action={`/p/${props.parade.slug}/claim/check`}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <label for="code">{t.claimCode}</label>
      <input
        type="text"
        id="code"
        name="code"
        required
        maxlength={64}
        autocomplete="off"
        value={props.code ?? ''}
      />
      <button type="submit">{t.claimCheck}</button>
    </form>
  );
}

/** What a claim is and how to start or finish one; a proved call says it cannot be claimed. */
function ClaimPage(props: { parade: Parade; csrf: string; error?: string; code?: string }) {
  const { parade } = props;
  const t = dictionary(parade.lang);
  return (
    <Layout lang={parade.lang} title={`${t.claimHeading} · ${parade.title}`}>
      <ClaimHeader parade={parade} />
      {props.error ? <p role="alert">{props.error}</p> : null}
      {isClaimable(parade) ? (
        <>
          <p>{t.claimOffer}</p>
          <form method="post" action={`/p/${parade.slug}/claim`}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <button type="submit">{t.claimStart}</button>
          </form>
          <p>{t.claimHaveCode}</p>
          <CheckForm parade={parade} csrf={props.csrf} code={props.code} />
        </>
      ) : props.error ? null : (
        <p>{t.claimProved}</p>
      )}
    </Layout>
  );
}

/** Pages with a claim code or an admin link: per visitor, never kept by any cache. */
const noStore = async (c: Context, next: () => Promise<void>) => {
  c.header('Cache-Control', 'no-store');
  await next();
};

/** The claim pages: /p/:slug/claim (what it is), POST …/claim (a new code), POST …/claim/check. */
export function claimPages(ctx: AppContext, pages: PageCache, limits: RateLimits) {
  const app = new Hono();
  app.use('/:slug/claim', noStore);
  app.use('/:slug/claim/*', noStore);

  const claimed = (c: Context) => requestParade(ctx, c);

  app.get('/:slug/claim', async (c) => {
    const parade = await claimed(c);
    const page = <ClaimPage parade={parade} csrf={csrfToken(c, ctx)} />;
    return c.html(page, isClaimable(parade) ? 200 : 409);
  });

  app.post('/:slug/claim', formInput(buttonSchema), async (c) => {
    const parade = await claimed(c);
    const t = dictionary(parade.lang);
    const csrf = csrfToken(c, ctx);
    const input = c.req.valid('form');
    if (!input.ok)
      return c.html(
        <ClaimPage parade={parade} csrf={csrf} error={renderReason(input.error.reason, parade.lang)} />,
        400,
      );
    await limits.claim(c);
    try {
      const started = await startClaim(ctx, parade);
      return c.html(
        <Layout
          lang={parade.lang}
          title={`${t.claimHeading} · ${parade.title}`}
          head={<script src="/assets/copy.js" defer />}
        >
          <ClaimHeader parade={parade} />
          <p>{t.claimCodeIntro}</p>
          <CopyField id="claim-code" value={started.code} label={t.copy} />
          <p class="muted">
            {t.claimValidUntil(formatDeadline(started.expiresAt, parade.lang, parade.time_zone))}
          </p>
          <CheckForm parade={parade} csrf={csrf} code={started.code} />
        </Layout>,
        201,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return c.html(
        <ClaimPage parade={parade} csrf={csrf} error={renderReason(error.reason, parade.lang)} />,
        error.status,
      );
    }
  });

  app.post('/:slug/claim/check', formInput(claimSchema), async (c) => {
    const parade = await claimed(c);
    const t = dictionary(parade.lang);
    const csrf = csrfToken(c, ctx);
    const input = c.req.valid('form');
    const again = (error: InputError, code: string | undefined) =>
      c.html(
        <ClaimPage parade={parade} csrf={csrf} error={renderReason(error.reason, parade.lang)} code={code} />,
        error.status,
      );
    if (!input.ok) return again(input.error, input.values.code);
    await limits.claimCheck(c);
    try {
      const handed = await completeClaim(ctx, parade, input.data.code);
      pages.forget(parade.slug);
      // The claimer's browser is signed in at once; every other one was signed out by the handover.
      await openSession(c, ctx, handed.parade);
      return c.html(
        <NewAdminLinkPage
          lang={parade.lang}
          slug={parade.slug}
          title={parade.title}
          adminUrl={handed.adminUrl}
          status={t.claimed}
        >
          <p class="muted">{t.claimedCode}</p>
          <p>
            {t.claimedDetails} <a href={`/p/${parade.slug}/admin/details`}>{t.editDetails}</a>
          </p>
        </NewAdminLinkPage>,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return again(error, input.data.code);
    }
  });

  return app;
}

/** The same for scripts: POST /api/parades/:slug/claims, POST /api/parades/:slug/claims/check {"code"}. */
export function claimApi(ctx: AppContext, pages: PageCache, limits: RateLimits) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  const claimed = (c: Context) => requestParade(ctx, c);

  app.post('/parades/:slug/claims', async (c) => {
    const parade = await claimed(c);
    await limits.claim(c);
    const started = await startClaim(ctx, parade);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        claim: {
          code: started.code,
          expiresAt: started.expiresAt,
          callUrl: parade.call_url,
          checkUrl: `${baseUrl}/api/parades/${parade.slug}/claims/check`,
          page: `${baseUrl}/p/${parade.slug}/claim`,
        },
      },
      201,
    );
  });

  app.post('/parades/:slug/claims/check', jsonInput(claimSchema), async (c) => {
    const parade = await claimed(c);
    const { code } = c.req.valid('json');
    await limits.claimCheck(c);
    const handed = await completeClaim(ctx, parade, code);
    pages.forget(parade.slug);
    c.header('Cache-Control', 'no-store');
    return c.json({
      parade: paradeJson(handed.parade, baseUrl, ctx.clock.now(), true),
      adminUrl: handed.adminUrl,
      adminToken: handed.adminToken,
    });
  });

  return app;
}

/** What a 409 for a call offers: how to claim it, while nobody has proved the call. */
export function claimOffer(baseUrl: string, parade: Parade) {
  if (!isClaimable(parade)) return {};
  return {
    claim: {
      url: `${baseUrl}/api/parades/${parade.slug}/claims`,
      page: `${baseUrl}/p/${parade.slug}/claim`,
    },
  };
}
