declare const __OCOP_BUILT_ON__: string;

/** The day (ISO, in Vietnam) the build read the catalog from the API; set in astro.config.ts. */
export const BUILT_ON: string = __OCOP_BUILT_ON__;
