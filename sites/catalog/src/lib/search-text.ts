/**
 * The hidden text a product page adds to its Pagefind record. The search page folds every query
 * with foldVietnamese ("Tiêu đen" → "tieu den"), so the index must hold each searchable word in
 * that folded form. Pagefind (1.5 and later) already indexes words without their diacritics
 * ("Nước" as "nuoc"), but leaves đ alone ("đen" stays "đen"), and it only sees the page's indexed
 * text. The hidden text therefore carries, folded, just the words the visible text does not
 * already give Pagefind: the d-spelling of words with đ, and words of texts the page does not
 * index visibly (the name in the other language, the producer, the Vietnamese description on an
 * English page). Every word in it costs Pagefind memory on each of the catalog's pages, so nothing
 * Pagefind already has is repeated.
 */
import { foldVietnamese } from '@ocop/domain';
import type { Product } from './api.js';

/** Combining marks of Latin letters: all of Vietnamese's (tones, breve, circumflex, horn). */
const LATIN_MARK = /[\u0300-\u036f]/gu;
/** What separates words once Vietnamese is stripped of its marks: anything but a–z, 0–9 and đ. */
const NOT_WORD = /[^a-z0-9\u0111]+/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;

/**
 * The words of `text` as Pagefind indexes them (lower case, marks removed, đ kept). Words of
 * other scripts are left out: at worst their folded form is then added to the hidden text again.
 */
function pagefindWords(text: string): string[] {
  return text.toLowerCase().normalize('NFD').replace(LATIN_MARK, '').split(NOT_WORD);
}

/** Each product's searchable words, folded: the same for both of its pages. */
const foldedWords = new WeakMap<Product, string[]>();

function searchableWords(product: Product): string[] {
  let words = foldedWords.get(product);
  if (!words) {
    const texts = [
      product.name.vi,
      product.name.en,
      product.producer.name,
      product.region.name.vi,
      product.district?.name.vi ?? '',
      product.description.vi,
    ];
    words = [...new Set(texts.flatMap((text) => foldVietnamese(text).split(NOT_LETTER_OR_DIGIT)))].filter(Boolean);
    foldedWords.set(product, words);
  }
  return words;
}

/**
 * The hidden search text of a product's page: the folded words of its names (both languages),
 * producer, place and Vietnamese description that a folded query could not find among the words
 * of `indexed`, the page's visible, indexed text.
 */
export function hiddenSearchText(product: Product, indexed: readonly string[]): string {
  const known = new Set<string>();
  for (const text of indexed) for (const word of pagefindWords(text)) known.add(word);
  return searchableWords(product)
    .filter((word) => !known.has(word))
    .join(' ');
}
