/**
 * The site's settings, read once from the environment, each with a default and a description. A
 * wrong value stops the build (or the server) with one line naming the variable.
 */

export interface SiteSettings {
  /** GraphQL endpoint the build reads the catalog from and /verify asks at request time. */
  apiUrl: string;
  /** Public origin of the site, for canonical URLs, Open Graph, the sitemap, the feed and QR codes. */
  siteUrl: string;
}

export const SETTINGS = {
  OCOP_API_URL: {
    default: 'http://localhost:4000/graphql',
    description: 'URL of the OCOP GraphQL API (build-time data and the live certificate check)',
  },
  SITE_URL: {
    default: 'http://localhost:4321',
    description: 'public origin of the catalog site, used in canonical URLs, the sitemap and QR codes',
  },
} as const;

export class SettingError extends Error {
  override name = 'SettingError';
}

function httpUrl(name: keyof typeof SETTINGS, env: Record<string, string | undefined>): string {
  const raw = env[name]?.trim() || SETTINGS[name].default;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(
      `${name}="${raw}" is not a URL; set it to the ${SETTINGS[name].description}, e.g. ${SETTINGS[name].default}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingError(`${name}="${raw}" must start with http:// or https://, e.g. ${SETTINGS[name].default}.`);
  }
  return url.toString();
}

/** The last settings read, with the raw values they were read from (pages ask on every render). */
let last: { apiUrl: string | undefined; siteUrl: string | undefined; settings: SiteSettings } | undefined;

/** Reads and checks every setting; `env` defaults to the process environment. */
export function loadSettings(env: Record<string, string | undefined> = process.env): SiteSettings {
  const raw = { apiUrl: env.OCOP_API_URL, siteUrl: env.SITE_URL };
  if (last && last.apiUrl === raw.apiUrl && last.siteUrl === raw.siteUrl) return { ...last.settings };
  const settings = {
    apiUrl: httpUrl('OCOP_API_URL', env),
    // No trailing slash, so `${siteUrl}${path}` is always right.
    siteUrl: httpUrl('SITE_URL', env).replace(/\/+$/u, ''),
  };
  last = { ...raw, settings };
  return { ...settings };
}
