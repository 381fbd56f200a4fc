import type { RegionKind } from './codes.js';

/**
 * The word for each kind of administrative unit. Vietnamese puts it before the name
 * ("Huyện Gò Quao"), English after it ("Gò Quao District"); the proper name keeps its diacritics.
 */
export const REGION_KIND_NAMES: Readonly<Record<RegionKind, { vi: string; en: string }>> = {
  PROVINCE: { vi: 'Tỉnh', en: 'Province' },
  CITY: { vi: 'Thành phố', en: 'City' },
  TOWN: { vi: 'Thị xã', en: 'Town' },
  DISTRICT: { vi: 'Huyện', en: 'District' },
  WARD: { vi: 'Phường', en: 'Ward' },
  COMMUNE: { vi: 'Xã', en: 'Commune' },
  TOWNSHIP: { vi: 'Thị trấn', en: 'Township' },
  SPECIAL_ZONE: { vi: 'Đặc khu', en: 'Special zone' },
};

function titleCase(words: string): string {
  return words
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A unit's full name from its bare name: regionFullName('CITY', 'Rạch Giá', 'vi') is
 * "Thành phố Rạch Giá", and in English "Rạch Giá City" (the kind word in title case, as in
 * "Phú Quốc Special Zone"). `name` must be the bare name, without the kind word.
 */
export function regionFullName(kind: RegionKind, name: string, lang: 'vi' | 'en'): string {
  const kindName = REGION_KIND_NAMES[kind];
  const bare = name.trim().replace(/\s+/gu, ' ');
  return lang === 'vi' ? `${kindName.vi} ${bare}` : `${bare} ${titleCase(kindName.en)}`;
}
