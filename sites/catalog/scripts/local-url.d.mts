/** Whether a URL opens only on this computer (see local-url.mjs). */
export function isLocalUrl(url: string): boolean;
