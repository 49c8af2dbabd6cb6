import type { Config } from '../config.js';
import { transferParade } from '../parades/call-claim.js';
import { requireParade } from '../parades/parade-service.js';
import { openRuntime } from '../runtime.js';

/**
 * `korso parade transfer SLUG [--verified]`: the operator hands a parade to whoever asked in a support
 * case (a new admin link; the old one and every admin cookie stop working), and with --verified
 * vouches that the call is theirs.
 */
export async function transferCommand(
  config: Config,
  slug: string,
  opts: { verified?: boolean },
): Promise<void> {
  const runtime = await openRuntime(config);
  try {
    const ctx = runtime.ctx;
    const handed = await transferParade(ctx, await requireParade(ctx, slug), {
      verified: opts.verified === true,
    });
    const p = handed.parade;
    process.stdout.write(`admin: ${handed.adminUrl}\n`);
    process.stderr.write(
      'The old admin link and every admin cookie no longer work; send the new link to the new host only.\n' +
        (p.call_verified_at !== null
          ? 'The call counts as proved: the parade is listed and mentions of the call reach it.\n'
          : `The call is not proved yet: link ${ctx.config.baseUrl}/p/${p.slug} from it or show the code ${p.verify_code} on it.\n`),
    );
  } finally {
    await runtime.close();
  }
}
