/** What the pages rendered on demand (/verify, /quote) share. */
import type { AstroGlobal } from 'astro';

/**
 * The buyer's address, sent on to the API (X-Forwarded-For) so that its per-client allowance is
 * the buyer's, not the site's; undefined where the server cannot tell it.
 */
export function clientAddress(astro: AstroGlobal): string | undefined {
  try {
    return astro.clientAddress;
  } catch {
    return undefined;
  }
}
