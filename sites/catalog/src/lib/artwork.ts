/**
 * The site's drawn artwork: a colour and a line icon per category, the placeholder shown when a
 * product has no photo, and the Open Graph cards. All SVG, generated at build time; Open Graph
 * cards are rasterised to PNG with sharp because social networks ignore SVG previews.
 */
import type { CategoryCode } from '@ocop/domain';

export interface CategoryArt {
  /** Deep colour for icons and accents (≥ 4.5:1 on white). */
  ink: string;
  /** Light tint for backgrounds. */
  tint: string;
  /** Line icon drawn in a 100 × 100 box (stroke only). */
  icon: string;
}

export const CATEGORY_ART: Record<CategoryCode, CategoryArt> = {
  FOOD: {
    ink: '#a1461f',
    tint: '#f7e6da',
    // A bowl of rice with chopsticks.
    icon: '<path d="M16 50h68c0 19-15 32-34 32S16 69 16 50Z"/><path d="M24 50c2-9 12-14 26-14s24 5 26 14"/><path d="M58 12 42 40M74 16 52 42"/><path d="M38 88h24"/>',
  },
  BEVERAGE: {
    ink: '#196570',
    tint: '#d8eded',
    // A cup of tea with steam.
    icon: '<path d="M24 44h46v16c0 12-9 20-23 20s-23-8-23-20Z"/><path d="M70 50c12 0 12 16 0 16"/><path d="M38 34c-4-6 4-9 0-15M52 34c-4-6 4-9 0-15"/><path d="M18 86h58"/>',
  },
  HERB: {
    ink: '#3a7234',
    tint: '#e2efd9',
    // A leaf with its vein.
    icon: '<path d="M22 80c0-36 24-56 58-60 0 34-20 58-58 60Z"/><path d="M22 80 64 36M40 62h14M48 52V40"/>',
  },
  TEXTILE: {
    ink: '#3b4c8a',
    tint: '#e1e5f4',
    // A spool of thread.
    icon: '<path d="M28 18h44M28 82h44"/><rect x="34" y="18" width="32" height="64" rx="3"/><path d="M34 30l32 10M34 44l32 10M34 58l32 10"/><path d="M66 70c10 2 16 8 18 14"/>',
  },
  SOUVENIR: {
    ink: '#8a5d0c',
    tint: '#f5ebd3',
    // A woven basket.
    icon: '<path d="M18 42h64l-8 40H26Z"/><path d="M30 42c0-18 40-18 40 0"/><path d="M22 56h56M24 68h52M40 42l-2 40M60 42l2 40"/>',
  },
  TOURISM: {
    ink: '#1b5a98',
    tint: '#dce8f5',
    // A boat under the sun, on the water.
    icon: '<circle cx="72" cy="26" r="8"/><path d="M50 60V22l18 32Z"/><path d="M20 62h60l-8 12H28Z"/><path d="M12 86c8-6 16 6 24 0s16 6 24 0 16 6 24 0"/>',
  },
};

/** How many backgrounds each category's placeholder comes in. */
export const PLACEHOLDER_VARIANTS = 3;

/** A stable choice of background for a product, so neighbouring cards differ. */
export function placeholderVariant(slug: string): number {
  let hash = 0;
  for (const ch of slug) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % PLACEHOLDER_VARIANTS;
}

/** Background motifs: dotted paper with rings, woven bamboo, river waves. */
function motif(variant: number, ink: string): string {
  switch (variant) {
    case 1:
      return `<pattern id="m" width="26" height="26" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 13h26M13 0v26" stroke="${ink}" stroke-opacity=".07" stroke-width="5"/></pattern>
<rect width="400" height="300" fill="url(#m)"/>
<circle cx="200" cy="150" r="118" fill="#fff" fill-opacity=".45"/>`;
    case 2:
      return `<pattern id="m" width="60" height="22" patternUnits="userSpaceOnUse"><path d="M0 11c10-8 20-8 30 0s20 8 30 0" fill="none" stroke="${ink}" stroke-opacity=".16" stroke-width="2"/></pattern>
<rect width="400" height="300" fill="url(#m)"/>
<g fill="none" stroke="${ink}" stroke-opacity=".12" stroke-width="2"><circle cx="200" cy="150" r="104"/></g>`;
    default:
      return `<pattern id="m" width="22" height="22" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.4" fill="${ink}" fill-opacity=".16"/></pattern>
<rect width="400" height="300" fill="url(#m)"/>
<g fill="none" stroke="${ink}" stroke-opacity=".14" stroke-width="2"><circle cx="200" cy="150" r="112"/><circle cx="200" cy="150" r="132"/></g>`;
  }
}

/** 4:3 placeholder for a product without photos: the category's icon on its tint, no text. */
export function placeholderSvg(code: CategoryCode, variant = 0): string {
  const { ink, tint, icon } = CATEGORY_ART[code];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fffdf9"/><stop offset="1" stop-color="${tint}"/></linearGradient></defs>
<rect width="400" height="300" fill="url(#bg)"/>
${motif(variant, ink)}
<circle cx="200" cy="150" r="84" fill="#fff" fill-opacity=".88"/>
<g transform="translate(150 100)" fill="none" stroke="${ink}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" color="${ink}">${icon}</g>
</svg>`;
}

/** An inline category icon for HTML (decorative: aria-hidden). */
export function categoryIconSvg(code: CategoryCode, size = 40): string {
  const { ink, icon } = CATEGORY_ART[code];
  return `<svg aria-hidden="true" focusable="false" viewBox="0 0 100 100" width="${size}" height="${size}" fill="none" stroke="${ink}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round" color="${ink}">${icon}</svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** The brand mark: a five-pointed star in a ring, the programme's star rating. */
export const BRAND_STAR_PATH =
  'M50 14l10.6 21.5 23.7 3.4-17.2 16.8 4.1 23.6L50 68.1 28.8 79.3l4.1-23.6L15.7 38.9l23.7-3.4Z';

/** 1200 × 630 Open Graph card: brand colours, star mark, a title and a subtitle. */
export function ogCardSvg(title: string, subtitle: string, code?: CategoryCode): string {
  const art = code ? CATEGORY_ART[code] : undefined;
  const icon = art
    ? `<g transform="translate(850 165) scale(3)" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" color="#fff">${art.icon}</g>`
    : `<g transform="translate(850 165) scale(3)"><path d="${BRAND_STAR_PATH}" fill="#f2c14e"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630" width="1200" height="630">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8f1418"/><stop offset="1" stop-color="#5e0d10"/></linearGradient>
<pattern id="d" width="36" height="36" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="2" fill="#fff" fill-opacity=".07"/></pattern></defs>
<rect width="1200" height="630" fill="url(#g)"/><rect width="1200" height="630" fill="url(#d)"/>
<g fill="none" stroke="#f2c14e" stroke-opacity=".35" stroke-width="3"><circle cx="1000" cy="315" r="220"/><circle cx="1000" cy="315" r="250"/></g>
${icon}
<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" fill="#fff">
<text x="80" y="140" font-size="34" font-weight="700" fill="#f2c14e" letter-spacing="4">OCOP · KIÊN GIANG</text>
<text x="80" y="330" font-size="68" font-weight="700">${escapeXml(title)}</text>
<text x="80" y="410" font-size="34" fill-opacity=".85">${escapeXml(subtitle)}</text>
</g>
</svg>`;
}
