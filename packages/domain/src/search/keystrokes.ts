/**
 * Vietnamese typed as raw keystrokes. Without an input method switched on, a buyer who types in
 * Telex sends "xoaif saays" for "xoài sấy" and one who types in VNI sends "xoa2i sa61y". Both
 * decoders return the FOLDED word (no diacritics: what the catalog's search matches on), because
 * the catalog's vocabulary gives back the written form; the caller keeps a decoding only when the
 * folded word is a catalog word, so English words typed on purpose are left alone.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Telex tone keys: sắc, huyền, hỏi, ngã, nặng. No Vietnamese syllable ends in these letters. */
const TELEX_TONE_KEYS = new Set(['s', 'f', 'r', 'x', 'j']);
/** Telex letters that a second copy turns into â, ê, ô. */
const TELEX_DOUBLED_VOWELS = new Set(['a', 'e', 'o']);
/** Vowels that Telex 'w' gives a breve or horn (ă, ơ, ư). */
const TELEX_W_VOWELS = new Set(['a', 'o', 'u']);

/**
 * The folded word a Telex keystroke sequence writes, or null when the keys contain no Telex
 * command. Handles: 'dd' → đ; 'aa' 'ee' 'oo' → â ê ô; 'aw' 'ow' 'uw' → ă ơ ư, with 'w' allowed
 * anywhere after the vowel as input methods accept ("nguoiwf" → người); 'w' before any vowel →
 * ư ("tw" → tư); the tone keys s f r x j anywhere after the first vowel ("xoaif" and "xoafi"
 * are both xoài); 'z' (remove tone) after a vowel; a tone key typed twice stands for itself.
 * One syllable per word: "xoaifsaays" is not decoded. Only [a-z0-9] input (a folded token).
 */
export function decodeTelex(keys: string): string | null {
  let out = '';
  let sawVowel = false;
  let command = false;
  let lastToneKey = '';
  for (let i = 0; i < keys.length; i++) {
    const c = keys.charAt(i);
    const next = keys.charAt(i + 1);
    if (c === 'd' && next === 'd') {
      out += 'd';
      i++;
      command = true;
      continue;
    }
    if (VOWELS.has(c)) {
      if (TELEX_DOUBLED_VOWELS.has(c) && out.endsWith(c) && keys.charAt(i - 1) === c) {
        command = true;
        continue;
      }
      out += c;
      sawVowel = true;
      lastToneKey = '';
      continue;
    }
    if (c === 'w') {
      if ([...out].some((ch) => TELEX_W_VOWELS.has(ch))) {
        command = true;
        continue;
      }
      out += 'u';
      sawVowel = true;
      command = true;
      continue;
    }
    if (sawVowel && TELEX_TONE_KEYS.has(c)) {
      command = true;
      if (lastToneKey === c) {
        // Pressing the same tone key again undoes the tone and types the letter.
        out += c;
        lastToneKey = '';
      } else {
        lastToneKey = c;
      }
      continue;
    }
    if (sawVowel && c === 'z') {
      command = true;
      continue;
    }
    out += c;
  }
  return command && out !== keys ? out : null;
}

/**
 * The folded word a VNI keystroke sequence writes, or null when it holds no VNI command: after a
 * vowel, digits 1–5 are tones, 6 7 8 make â ê ô, ơ ư, ă, 0 removes the tone; '9' after 'd' is
 * đ. The digits may come anywhere after the letter they mark ("xoa2i", "xoai2"). Words with no
 * vowel before a digit ("st25", "2024") are not VNI and give null.
 */
export function decodeVni(keys: string): string | null {
  let out = '';
  let sawVowel = false;
  let command = false;
  for (let i = 0; i < keys.length; i++) {
    const c = keys.charAt(i);
    if (c === '9' && out.includes('d')) {
      command = true;
      continue;
    }
    if (c >= '0' && c <= '8' && sawVowel) {
      command = true;
      continue;
    }
    if (VOWELS.has(c)) sawVowel = true;
    out += c;
  }
  return command && out !== keys && /[a-z]/u.test(out) ? out : null;
}

/** The distinct folded words the keystrokes may stand for, Telex first; empty when neither applies. */
export function decodeKeystrokes(keys: string): string[] {
  const found: string[] = [];
  for (const decoded of [decodeTelex(keys), decodeVni(keys)]) {
    if (decoded !== null && decoded !== '' && !found.includes(decoded)) found.push(decoded);
  }
  return found;
}

/** Folded Vietnamese syllable: onset, one to three vowels, coda ("nghieng", "khoai", "truong"). */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;

/**
 * True if the folded `word` has the shape of one Vietnamese syllable: an optional initial
 * consonant, one to three vowels, an optional final consonant (c ch m n ng nh p t). Loose
 * (it accepts some impossible vowel clusters) but enough to tell "khoai" from "phongg" or "honney".
 */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}
