/**
 * Printable A4 catalogs for a trade meeting, made at build time with PDFKit: one per category,
 * per district and for the whole catalog, in Vietnamese and English. Each product gets a photo
 * (or its category's drawing), its stars, certificate number and validity, a trade summary, its
 * producer's contact and the QR code of its page.
 *
 * Text is set in Be Vietnam Pro (@fontsource), which ships in three files per weight split by
 * Unicode range (Latin, Latin Extended, Vietnamese): every character is drawn with the file that
 * holds it, by the ranges the package's own CSS declares, and lines are broken here, word by word,
 * so a word made of several files' letters ("Nước") is never split.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatVnd } from '@ocop/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Product } from './api.js';
import { placeholderSvg, placeholderVariant } from './artwork.js';
import type { Operator } from './config.js';
import { categoryName, formatDate, type Lang, t } from './i18n.js';
import { localized, paths } from './routes.js';
import { priceRange, tradeText, tradeWords } from './trade.js';

type Weight = 400 | 700;
type Doc = PDFKit.PDFDocument;

interface Subset {
  name: string;
  file: string;
  ranges: [number, number][];
}

const FONT_DIR = dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/400.css'));

/** The package's subsets of a weight, with the Unicode ranges its CSS gives each one. */
function subsets(weight: Weight): Subset[] {
  const css = readFileSync(join(FONT_DIR, `${weight}.css`), 'utf8');
  const out: Subset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+?\.woff)\)/u.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/u.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/u, '').split('-');
      return [Number.parseInt(a!, 16), Number.parseInt(b ?? a!, 16)] as [number, number];
    });
    out.push({ name: `${weight}-${file}`, file: join(FONT_DIR, 'files', file), ranges });
  }
  // Basic Latin first: most characters are there.
  const basic = (s: Subset) => (/-latin-\d/u.test(s.file) ? 0 : 1);
  return out.sort((a, b) => basic(a) - basic(b));
}

const FONTS: Record<Weight, Subset[]> = { 400: subsets(400), 700: subsets(700) };

function fontFor(ch: string, weight: Weight): string {
  const code = ch.codePointAt(0) ?? 32;
  const subset = FONTS[weight].find((s) => s.ranges.some(([a, b]) => code >= a && code <= b));
  return (subset ?? FONTS[weight][0]!).name;
}

/** `text` cut into runs of one font file each. */
function runs(text: string, weight: Weight): { font: string; text: string }[] {
  const out: { font: string; text: string }[] = [];
  for (const ch of text.normalize('NFC')) {
    const font = fontFor(ch, weight);
    const last = out.at(-1);
    if (last && last.font === font) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

function width(doc: Doc, text: string, weight: Weight, size: number): number {
  return runs(text, weight).reduce((w, r) => w + doc.font(r.font).fontSize(size).widthOfString(r.text), 0);
}

interface TextBox {
  x: number;
  y: number;
  width: number;
  size: number;
  weight?: Weight;
  color?: string;
  maxLines?: number;
  lineHeight?: number;
}

/** Sets `text` in the box, breaking lines between words; returns the y below it. */
function text(doc: Doc, value: string, box: TextBox): number {
  const weight = box.weight ?? 400;
  const lineHeight = box.lineHeight ?? box.size * 1.35;
  const words = value.replace(/\s+/gu, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(doc, next, weight, box.size) > box.width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  const shown = box.maxLines && lines.length > box.maxLines ? lines.slice(0, box.maxLines) : lines;
  if (shown.length < lines.length) {
    let last = shown[shown.length - 1] ?? '';
    while (last && width(doc, `${last}…`, weight, box.size) > box.width) last = last.replace(/\s*\S+$/u, '');
    shown[shown.length - 1] = `${last}…`;
  }
  doc.fillColor(box.color ?? '#1f1c19');
  let y = box.y;
  for (const l of shown) {
    let x = box.x;
    for (const r of runs(l, weight)) {
      doc.font(r.font).fontSize(box.size).text(r.text, x, y, { lineBreak: false });
      x += doc.widthOfString(r.text);
    }
    y += lineHeight;
  }
  return y;
}

function stars(doc: Doc, x: number, y: number, n: number, size = 9): void {
  for (let i = 0; i < 5; i++) {
    const cx = x + i * (size + 2) + size / 2;
    const cy = y + size / 2;
    const points: [number, number][] = [];
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? size / 2 : size / 4.6;
      const a = -Math.PI / 2 + (k * Math.PI) / 5;
      points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    doc.polygon(...points).fill(i < n ? '#d4a017' : '#d9d1c4');
  }
}

function qr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const code = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const m = size / (n + 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (code.modules.get(c, r)) doc.rect(x + (c + 1) * m, y + (r + 1) * m, m + 0.05, m + 0.05);
    }
  }
  doc.fill('#000000');
}

export interface PdfScope {
  /** The catalog's title, e.g. "Thực phẩm", "Phú Quốc", "Toàn tỉnh". */
  title: string;
  products: Product[];
}

export interface PdfContext {
  lang: Lang;
  siteUrl: string;
  apiUrl: string;
  operator: Operator;
  builtOn: string;
}

/** Photo bytes by URL, shared by every catalog of a build (the same photo is in several). */
const photoCache = new Map<string, Promise<Buffer | null>>();

function photoOf(p: Product, apiUrl: string): Promise<Buffer | null> {
  const image = p.images[0];
  const key = image?.srcset ? image.source : `placeholder:${p.category}:${placeholderVariant(p.slug)}`;
  let bytes = photoCache.get(key);
  if (!bytes) {
    bytes = (async () => {
      if (image?.srcset) {
        const small = image.source.replace(/\/\d+\.jpg$/u, `/${image.widths?.[0] ?? 400}.jpg`);
        const res = await fetch(new URL(small, apiUrl), { signal: AbortSignal.timeout(60_000) });
        if (res.ok) return Buffer.from(await res.arrayBuffer());
      }
      const svg = placeholderSvg(p.category, placeholderVariant(p.slug));
      return sharp(Buffer.from(svg)).resize(400, 300, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer();
    })().catch(() => null);
    photoCache.set(key, bytes);
  }
  return bytes;
}

const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const BLOCK = 118;

/** The A4 catalog of `scope` as PDF bytes. */
export async function catalogPdf(scope: PdfScope, ctx: PdfContext): Promise<Buffer> {
  const { lang } = ctx;
  const s = t(lang);
  const w = tradeWords(lang);
  const words =
    lang === 'vi'
      ? {
          heading: 'Danh mục sản phẩm OCOP',
          count: (n: number) => `${n} sản phẩm đang được chứng nhận · cập nhật ${formatDate(ctx.builtOn, lang)}`,
          check: `Kiểm tra giấy chứng nhận: ${ctx.siteUrl}${localized(lang, paths.verify())}`,
          cert: 'GCN',
          until: 'hiệu lực đến',
          page: (n: number, of: number) => `Trang ${n}/${of}`,
        }
      : {
          heading: 'OCOP product catalog',
          count: (n: number) => `${n} certified products · updated ${formatDate(ctx.builtOn, lang)}`,
          check: `Check a certificate: ${ctx.siteUrl}${localized(lang, paths.verify())}`,
          cert: 'Certificate',
          until: 'valid until',
          page: (n: number, of: number) => `Page ${n} of ${of}`,
        };
  const doc = new PDFDocument({
    size: 'A4',
    // The bottom margin is small so the page footer, set by hand below the content, fits.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 12 },
    bufferPages: true,
    compress: true,
    info: {
      Title: `${words.heading} — ${scope.title}`,
      Author: ctx.operator.name[lang],
      Subject: words.count(scope.products.length),
      Keywords: 'OCOP',
    },
    lang: lang === 'vi' ? 'vi-VN' : 'en-GB',
  });
  for (const weight of [400, 700] as const) for (const f of FONTS[weight]) doc.registerFont(f.name, f.file);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const inner = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.margin;
  doc.rect(0, 0, PAGE.width, 6).fill('#9b1b1f');
  y = text(doc, words.heading, { x: PAGE.margin, y, width: inner, size: 11, weight: 700, color: '#9b1b1f' });
  y = text(doc, scope.title, { x: PAGE.margin, y: y + 2, width: inner, size: 22, weight: 700 });
  y = text(doc, words.count(scope.products.length), {
    x: PAGE.margin,
    y: y + 4,
    width: inner,
    size: 10,
    color: '#4f4a43',
  });
  y = text(doc, words.check, { x: PAGE.margin, y, width: inner, size: 10, color: '#4f4a43' });
  y += 10;

  const photos = await Promise.all(scope.products.map((p) => photoOf(p, ctx.apiUrl)));
  for (const [i, p] of scope.products.entries()) {
    if (y + BLOCK > PAGE.height - PAGE.margin - 24) {
      doc.addPage();
      y = PAGE.margin;
    }
    const top = y;
    doc
      .moveTo(PAGE.margin, top)
      .lineTo(PAGE.width - PAGE.margin, top)
      .lineWidth(0.6)
      .strokeColor('#e3dbcf')
      .stroke();
    const photo = photos[i];
    if (photo) doc.image(photo, PAGE.margin, top + 10, { fit: [128, 96], align: 'center', valign: 'center' });
    const x = PAGE.margin + 140;
    const colWidth = inner - 140 - 92;
    let ty = top + 10;
    ty = text(doc, p.name[lang], { x, y: ty, width: colWidth, size: 12, weight: 700, maxLines: 2 });
    stars(doc, x, ty + 1, p.stars);
    text(doc, s.starsOcop(p.stars), { x: x + 60, y: ty, width: colWidth - 60, size: 9, weight: 700, color: '#7a5600' });
    ty += 14;
    const place = (p.district ?? p.region).name[lang];
    ty = text(doc, `${categoryName(p.category, lang)} · ${place}`, {
      x,
      y: ty,
      width: colWidth,
      size: 9,
      color: '#4f4a43',
    });
    ty = text(
      doc,
      `${words.cert} ${p.certificate.number} · ${words.until} ${formatDate(p.certificate.expiresOn, lang)}`,
      { x, y: ty, width: colWidth, size: 9, weight: 700 },
    );
    const trade = p.trade;
    const summary: string[] = [];
    if (trade) {
      const unit = tradeText(trade.priceUnit, lang)?.text;
      const retail = priceRange(trade.retailPriceMin, trade.retailPriceMax, lang);
      if (retail) summary.push(`${w.retail}: ${retail}${unit ? w.per(unit) : ''}`);
      if (trade.wholesalePrice !== null) summary.push(`${w.wholesale}: ${formatVnd(trade.wholesalePrice, lang)}`);
      if (trade.tour?.pricePerPerson) summary.push(`${w.tourPrice}: ${formatVnd(trade.tour.pricePerPerson, lang)}`);
      const moq = tradeText(trade.minimumOrder, lang)?.text;
      if (moq) summary.push(`${w.minimumOrder}: ${moq}`);
      const certs = trade.certifications.filter((c) => c.valid).map((c) => c.name[lang]);
      if (certs.length) summary.push(certs.join(', '));
      if (trade.exportReadiness && trade.exportReadiness !== 'DOMESTIC_ONLY') {
        summary.push(w.readiness[trade.exportReadiness]);
      }
    }
    if (summary.length) ty = text(doc, summary.join(' · '), { x, y: ty + 2, width: colWidth, size: 9, maxLines: 3 });
    const producer = p.producer;
    ty = text(doc, producer.name, { x, y: ty + 2, width: colWidth, size: 9, weight: 700, maxLines: 1 });
    text(doc, [producer.phone, producer.email].filter(Boolean).join(' · '), {
      x,
      y: ty,
      width: colWidth,
      size: 9,
      maxLines: 1,
    });
    const url = `${ctx.siteUrl}${localized(lang, paths.product(p.slug))}`;
    qr(doc, url, PAGE.width - PAGE.margin - 84, top + 10, 84);
    y = top + BLOCK;
  }

  const range = doc.bufferedPageRange();
  for (let n = 0; n < range.count; n++) {
    doc.switchToPage(range.start + n);
    const footer = `${ctx.operator.name[lang]} · ${ctx.operator.hotline} · ${ctx.siteUrl}`;
    text(doc, footer, {
      x: PAGE.margin,
      y: PAGE.height - PAGE.margin + 4,
      width: PAGE.width - 2 * PAGE.margin - 80,
      size: 8,
      color: '#4f4a43',
      maxLines: 1,
    });
    text(doc, words.page(n + 1, range.count), {
      x: PAGE.width - PAGE.margin - 70,
      y: PAGE.height - PAGE.margin + 4,
      width: 70,
      size: 8,
      color: '#4f4a43',
    });
  }
  doc.end();
  return done;
}
