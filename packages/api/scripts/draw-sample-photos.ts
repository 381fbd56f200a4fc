/**
 * Draws the sample catalog's product photos (packages/api/seed-photos/*.jpg): studio-style
 * shots rendered from SVG with sharp, 1600 × 1200, so the photo path (checks, metadata
 * stripping, AVIF/WebP/JPEG copies, srcset on the site, the PDF catalogs) runs end to end on
 * data we own. Each file carries a made-up GPS position in its EXIF, which the catalog must
 * strip. Run again to redraw: pnpm --filter @ocop/api exec tsx scripts/draw-sample-photos.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const OUT = join(import.meta.dirname, '../seed-photos');
const W = 1600;
const H = 1200;

const defs = `
  <filter id="shadow" x="-30%" y="-30%" width="160%" height="160%"><feGaussianBlur stdDeviation="18"/></filter>
  <filter id="soft"><feGaussianBlur stdDeviation="3"/></filter>
  <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4ede2"/><stop offset="1" stop-color="#e3d6c3"/></linearGradient>
  <linearGradient id="wood" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a7774c"/><stop offset="1" stop-color="#6f4a2c"/></linearGradient>
  <linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="0.3" stop-color="#ffffff" stop-opacity="0.05"/><stop offset="0.8" stop-color="#000000" stop-opacity="0.12"/><stop offset="1" stop-color="#ffffff" stop-opacity="0.2"/></linearGradient>
`;

function table(top = 820): string {
  const grain = Array.from({ length: 14 }, (_, i) => {
    const y = top + 20 + i * ((H - top) / 14);
    return `<path d="M0 ${y} C 400 ${y - 8}, 900 ${y + 10}, ${W} ${y - 4}" stroke="#5d3b22" stroke-opacity="0.25" stroke-width="3" fill="none"/>`;
  }).join('');
  return `<rect width="${W}" height="${top}" fill="url(#wall)"/><rect y="${top}" width="${W}" height="${H - top}" fill="url(#wood)"/>${grain}`;
}

function shadow(cx: number, y: number, rx: number): string {
  return `<ellipse cx="${cx}" cy="${y}" rx="${rx}" ry="${rx * 0.16}" fill="#000" opacity="0.35" filter="url(#shadow)"/>`;
}

function label(x: number, y: number, w: number, h: number, title: string, sub: string, color: string): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="#fbf6ea" stroke="${color}" stroke-width="6"/>
    <text x="${x + w / 2}" y="${y + h * 0.45}" font-family="DejaVu Serif, serif" font-size="${h * 0.2}" font-weight="bold" text-anchor="middle" fill="${color}">${title}</text>
    <text x="${x + w / 2}" y="${y + h * 0.75}" font-family="DejaVu Sans, sans-serif" font-size="${h * 0.12}" text-anchor="middle" fill="#3b2f25">${sub}</text>`;
}

function bottle(cx: number, base: number, h: number, liquid: string, title: string, sub: string): string {
  const w = h * 0.34;
  const neck = w * 0.34;
  const body = `M${cx - w / 2} ${base} L${cx - w / 2} ${base - h * 0.62} Q${cx - w / 2} ${base - h * 0.74} ${cx - neck / 2} ${base - h * 0.8} L${cx - neck / 2} ${base - h * 0.95} L${cx + neck / 2} ${base - h * 0.95} L${cx + neck / 2} ${base - h * 0.8} Q${cx + w / 2} ${base - h * 0.74} ${cx + w / 2} ${base - h * 0.62} L${cx + w / 2} ${base} Z`;
  return `${shadow(cx, base, w * 0.7)}
    <path d="${body}" fill="${liquid}"/><path d="${body}" fill="url(#glass)"/>
    <rect x="${cx - neck / 2 - 4}" y="${base - h}" width="${neck + 8}" height="${h * 0.07}" rx="6" fill="#8b1e1e"/>
    ${label(cx - w * 0.42, base - h * 0.52, w * 0.84, h * 0.3, title, sub, '#8b1e1e')}`;
}

function jar(
  cx: number,
  base: number,
  w: number,
  h: number,
  fill: string,
  lid: string,
  title: string,
  sub: string,
): string {
  return `${shadow(cx, base, w * 0.62)}
    <rect x="${cx - w / 2}" y="${base - h}" width="${w}" height="${h}" rx="${w * 0.12}" fill="${fill}"/>
    <rect x="${cx - w / 2}" y="${base - h}" width="${w}" height="${h}" rx="${w * 0.12}" fill="url(#glass)"/>
    <rect x="${cx - w * 0.46}" y="${base - h - h * 0.14}" width="${w * 0.92}" height="${h * 0.16}" rx="12" fill="${lid}"/>
    ${label(cx - w * 0.38, base - h * 0.66, w * 0.76, h * 0.38, title, sub, '#2f5d3a')}`;
}

function scatter(
  n: number,
  seed: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  draw: (x: number, y: number, i: number) => string,
): string {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => draw(x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0), i)).join('');
}

const scenes: Record<string, string> = {
  'nuoc-mam-phu-quoc-khai-hoan-38-do-dam': `${table()}
    <g opacity="0.55"><rect x="1040" y="330" width="330" height="480" rx="40" fill="#7a5230"/><rect x="1040" y="400" width="330" height="26" fill="#3e2a18"/><rect x="1040" y="700" width="330" height="26" fill="#3e2a18"/></g>
    ${bottle(560, 980, 720, '#9a4a14', 'KHẢI HOÀN', 'Nước mắm 38°N')}
    ${bottle(860, 1000, 560, '#a0531a', 'KHẢI HOÀN', '250 ml')}
    <ellipse cx="1180" cy="1010" rx="120" ry="34" fill="#f6f1e7"/><ellipse cx="1180" cy="1002" rx="88" ry="20" fill="#b5641f"/>`,
  'tieu-xay-phu-quoc-thanh-quoc': `${table(760)}
    ${jar(640, 1000, 380, 420, '#2b2623', '#c49a3a', 'THANH QUỐC', 'Tiêu xay 100 g')}
    ${scatter(140, 7, 900, 1400, 900, 1100, (x, y) => `<circle cx="${x}" cy="${y}" r="${9 + (x % 5)}" fill="#1f1a17"/><circle cx="${x - 3}" cy="${y - 3}" r="3" fill="#6b5a4e"/>`)}
    <path d="M980 860 q120 -90 260 -10" stroke="#2f6b2f" stroke-width="14" fill="none"/>
    ${scatter(18, 3, 1000, 1220, 800, 860, (x, y) => `<circle cx="${x}" cy="${y}" r="12" fill="#2f7d32"/>`)}`,
  'mat-ong-rung-u-minh-thuong-le-tien': `${table()}
    ${jar(620, 1010, 400, 460, '#d98c0b', '#6b3e12', 'U MINH THƯỢNG', 'Mật ong rừng')}
    <g transform="rotate(-28 1120 860)"><rect x="900" y="850" width="420" height="22" rx="11" fill="#8a5a2b"/>
    ${scatter(1, 1, 1280, 1281, 860, 861, () => '<ellipse cx="1330" cy="861" rx="56" ry="48" fill="#d98c0b"/><path d="M1290 840 h80 M1285 861 h90 M1290 882 h80" stroke="#8a5a2b" stroke-width="8"/>')}</g>
    <path d="M1220 980 q20 60 0 90" stroke="#d98c0b" stroke-width="16" fill="none" stroke-linecap="round" filter="url(#soft)"/>`,
  'tui-xach-co-bang-phu-my': `${table(700)}
    ${shadow(800, 1060, 420)}
    <path d="M430 520 L1170 520 L1230 1060 L370 1060 Z" fill="#c9b27c"/>
    ${Array.from({ length: 18 }, (_, i) => `<path d="M${400 + i * 46} 520 L${380 + i * 50} 1060" stroke="#8f7440" stroke-width="10" opacity="0.7"/>`).join('')}
    ${Array.from({ length: 12 }, (_, i) => `<path d="M${430 - i * 5} ${540 + i * 45} L${1170 + i * 5} ${540 + i * 45}" stroke="#a88d55" stroke-width="12" opacity="0.6"/>`).join('')}
    <path d="M560 530 C 560 260, 1040 260, 1040 530" stroke="#7a5a2a" stroke-width="34" fill="none"/>
    <rect x="700" y="780" width="200" height="70" rx="8" fill="#7a1f2b"/><text x="800" y="826" font-family="DejaVu Sans" font-size="30" text-anchor="middle" fill="#f6ecd6">PHÚ MỸ</text>`,
  'gao-st25-son-kien': `${table(760)}
    ${shadow(560, 1030, 300)}
    <path d="M360 1030 L330 460 Q560 400 790 460 L760 1030 Z" fill="#f2ecdc"/>
    <path d="M330 460 Q560 400 790 460 L790 500 Q560 440 330 500 Z" fill="#3d6b35"/>
    ${label(400, 620, 320, 220, 'ST25', 'Gạo thơm Sơn Kiên', '#3d6b35')}
    ${shadow(1120, 1040, 240)}
    <path d="M900 900 Q1120 1120 1340 900 Z" fill="#2f4f6f"/>
    ${scatter(260, 11, 930, 1310, 840, 905, (x, y, i) => `<ellipse cx="${x}" cy="${y}" rx="11" ry="5" transform="rotate(${(i * 37) % 180} ${x} ${y})" fill="#fbf8f0" stroke="#e4dcc8" stroke-width="1"/>`)}`,
  'vong-co-ngoc-trai-phu-quoc': `<rect width="${W}" height="${H}" fill="#1d2a3a"/>
    <radialGradient id="velvet" cx="0.5" cy="0.45" r="0.6"><stop offset="0" stop-color="#2f4760"/><stop offset="1" stop-color="#121b26"/></radialGradient>
    <rect width="${W}" height="${H}" fill="url(#velvet)"/>
    <radialGradient id="pearl" cx="0.35" cy="0.3" r="0.7"><stop offset="0" stop-color="#ffffff"/><stop offset="0.5" stop-color="#ece6dc"/><stop offset="1" stop-color="#b9b0a4"/></radialGradient>
    ${Array.from({ length: 41 }, (_, i) => {
      const t = (i / 40) * Math.PI;
      const x = 800 - Math.cos(t) * 430;
      const y = 330 + Math.sin(t) * 520;
      const r = 22 + Math.sin(t) * 12;
      return `<circle cx="${x + 6}" cy="${y + 10}" r="${r}" fill="#000" opacity="0.35" filter="url(#soft)"/><circle cx="${x}" cy="${y}" r="${r}" fill="url(#pearl)"/>`;
    }).join('')}
    <circle cx="800" cy="905" r="46" fill="url(#pearl)"/>`,
};

mkdirSync(OUT, { recursive: true });
for (const [slug, body] of Object.entries(scenes)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
  await sharp(Buffer.from(svg))
    .jpeg({ quality: 86, mozjpeg: true })
    // A made-up position near Phú Quốc, as a phone would record it: the catalog must strip it.
    .withExif({
      IFD0: { Make: 'Sample', Model: 'Drawn with sharp' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 13/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 58/1 0/1' },
    })
    .toFile(join(OUT, `${slug}.jpg`));
  console.log(`${slug}.jpg`);
}
