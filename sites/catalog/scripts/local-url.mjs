/**
 * Whether a URL opens only on this computer: the site build (src/lib/config.ts) and `pnpm start`
 * (scripts/start-all.mjs) both warn when SITE_URL is such an address, by this one test.
 * @param {string} url
 * @returns {boolean}
 */
export function isLocalUrl(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/gu, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    /^127\./u.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}
