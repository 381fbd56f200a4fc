import type { Context, Lang } from './context.js';

/** Options of a text field's `lang` argument: `@Arg('lang', () => LanguageEnum, langArg)`. */
export const langArg = { nullable: true, description: 'Language of the text; overrides Accept-Language.' } as const;

/** The field's `lang` argument, else the request's language. */
export function langOf(ctx: Context, lang?: Lang | null): Lang {
  return lang ?? ctx.lang;
}

/** English when asked for and present; Vietnamese otherwise (the catalog's source language). */
export function localized(lang: Lang, vi: string, en?: string | null): string {
  return lang === 'en' && en ? en : vi;
}
