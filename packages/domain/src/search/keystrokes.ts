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

type LetterMark = '' | 'circumflex' | 'breve' | 'horn' | 'stroke';
type Tone = '' | 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';

interface Letter {
  base: string;
  mark: LetterMark;
}

const MARK_CHARS: Record<Exclude<LetterMark, 'stroke' | ''>, string> = {
  circumflex: '\u0302',
  breve: '\u0306',
  horn: '\u031b',
};
const TONE_CHARS: Record<Exclude<Tone, ''>, string> = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
};
const TELEX_TONES: Record<string, Tone> = { s: 'acute', f: 'grave', r: 'hook', x: 'tilde', j: 'dot' };
const VNI_TONES: Record<string, Tone> = { '1': 'acute', '2': 'grave', '3': 'hook', '4': 'tilde', '5': 'dot' };

/**
 * Which letter of a syllable carries its tone, in the traditional placement the catalog's names
 * use ("Hòa", "Thủy"): a vowel with a circumflex, breve or horn (ơ in "ươ"); else the last vowel
 * before a final consonant; else the middle of three vowels, or the first of two. The u of "qu"
 * and the i of "gi" before a vowel belong to the consonant.
 */
function toneIndex(letters: readonly Letter[]): number {
  const isVowel = (i: number) => {
    const l = letters[i];
    if (!l || !VOWELS.has(l.base)) return false;
    const before = letters[i - 1]?.base;
    const nextIsVowel = VOWELS.has(letters[i + 1]?.base ?? '');
    if (l.base === 'u' && before === 'q' && nextIsVowel) return false;
    if (l.base === 'i' && before === 'g' && i === 1 && nextIsVowel) return false;
    return true;
  };
  const cluster: number[] = [];
  for (let i = 0; i < letters.length; i++) {
    if (isVowel(i)) cluster.push(i);
    else if (cluster.length > 0) break;
  }
  if (cluster.length === 0) return -1;
  const marked = cluster.filter((i) => letters[i]?.mark !== '');
  if (marked.length > 0) return marked[marked.length - 1] ?? -1;
  if (cluster.length === 1) return cluster[0] ?? -1;
  const last = cluster[cluster.length - 1] ?? -1;
  if (last < letters.length - 1) return last;
  return cluster.length >= 3 ? (cluster[1] ?? -1) : (cluster[0] ?? -1);
}

function compose(letters: readonly Letter[], tone: Tone): string {
  const at = tone === '' ? -1 : toneIndex(letters);
  let out = '';
  letters.forEach((l, i) => {
    if (l.mark === 'stroke') out += 'đ';
    else out += l.base + (l.mark === '' ? '' : MARK_CHARS[l.mark]);
    if (i === at && tone !== '') out += TONE_CHARS[tone];
  });
  return out.normalize('NFC');
}

/** The last letter among `bases`, from the end, or -1. */
function lastOf(letters: readonly Letter[], bases: readonly string[]): number {
  for (let i = letters.length - 1; i >= 0; i--) if (bases.includes(letters[i]?.base ?? '')) return i;
  return -1;
}

/** The written word Telex keys type ("duwaf" → "dừa"), by the same rules as decodeTelex; null without a command. */
export function writeTelex(keys: string): string | null {
  if (decodeTelex(keys) === null) return null;
  const letters: Letter[] = [];
  let tone: Tone = '';
  let sawVowel = false;
  let lastToneKey = '';
  for (let i = 0; i < keys.length; i++) {
    const c = keys.charAt(i);
    if (c === 'd' && keys.charAt(i + 1) === 'd') {
      letters.push({ base: 'd', mark: 'stroke' });
      i++;
      continue;
    }
    if (VOWELS.has(c)) {
      const previous = letters[letters.length - 1];
      if (TELEX_DOUBLED_VOWELS.has(c) && previous?.base === c && keys.charAt(i - 1) === c) {
        previous.mark = 'circumflex';
        continue;
      }
      letters.push({ base: c, mark: '' });
      sawVowel = true;
      lastToneKey = '';
      continue;
    }
    if (c === 'w') {
      // "uo" takes the horn on both letters, wherever the w comes: "nguoiwf" → người, "ruouwj" → rượu.
      const uo = letters.findIndex((l, k) => l.base === 'u' && letters[k + 1]?.base === 'o');
      const target = uo >= 0 ? uo + 1 : lastOf(letters, [...TELEX_W_VOWELS]);
      if (target >= 0) {
        const letter = letters[target] as Letter;
        letter.mark = letter.base === 'a' ? 'breve' : 'horn';
        if (uo >= 0) (letters[uo] as Letter).mark = 'horn';
        continue;
      }
      letters.push({ base: 'u', mark: 'horn' });
      sawVowel = true;
      continue;
    }
    const t = TELEX_TONES[c];
    if (sawVowel && t !== undefined) {
      if (lastToneKey === c) {
        letters.push({ base: c, mark: '' });
        tone = '';
        lastToneKey = '';
      } else {
        tone = t;
        lastToneKey = c;
      }
      continue;
    }
    if (sawVowel && c === 'z') {
      tone = '';
      continue;
    }
    letters.push({ base: c, mark: '' });
  }
  return compose(letters, tone);
}

/** The written word VNI keys type ("xoa2i" → "xoài"), by the same rules as decodeVni; null without a command. */
export function writeVni(keys: string): string | null {
  if (decodeVni(keys) === null) return null;
  const letters: Letter[] = [];
  let tone: Tone = '';
  let sawVowel = false;
  for (let i = 0; i < keys.length; i++) {
    const c = keys.charAt(i);
    if (c === '9' && letters.some((l) => l.base === 'd')) {
      const d = letters[lastOf(letters, ['d'])];
      if (d) d.mark = 'stroke';
      continue;
    }
    if (c >= '0' && c <= '8' && sawVowel) {
      if (c === '0') tone = '';
      else if (VNI_TONES[c] !== undefined) tone = VNI_TONES[c] as Tone;
      else {
        const bases = c === '6' ? ['a', 'e', 'o'] : c === '7' ? ['o', 'u'] : ['a'];
        const letter = letters[lastOf(letters, bases)];
        if (letter) letter.mark = c === '6' ? 'circumflex' : c === '7' ? 'horn' : 'breve';
      }
      continue;
    }
    if (VOWELS.has(c)) sawVowel = true;
    letters.push({ base: c, mark: '' });
  }
  return compose(letters, tone);
}
