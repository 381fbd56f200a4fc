declare const __OCOP_BUILT_ON__: string;
declare const __OCOP_BUILT_AT__: string;

/** The day (ISO, in Vietnam) the build read the catalog from the API; set in astro.config.ts. */
export const BUILT_ON: string = __OCOP_BUILT_ON__;
/** The time of day (HH:MM, in Vietnam) it did. */
export const BUILT_AT: string = __OCOP_BUILT_AT__;
