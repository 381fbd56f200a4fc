/**
 * What search engines and scanners read: schema.org Product data (JSON-LD) and the QR code of a
 * product page, both made at build time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import QRCode from 'qrcode';
import type { Product } from './api.js';
import { categoryName, type Lang, t } from './i18n.js';

/** schema.org Product for a product page; `url` and `image` are absolute. */
export function productJsonLd(product: Product, lang: Lang, url: string, image: string): Record<string, unknown> {
  const p = product.producer;
  const c = product.certificate;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: product.name[lang],
    description: product.description[lang],
    url,
    image: product.images.length ? product.images.map((i) => new URL(i.url, url).toString()) : [image],
    category: categoryName(product.category, lang),
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    award: t(lang).starsOcop(product.stars),
    manufacturer: {
      '@type': 'Organization',
      name: p.name,
      telephone: p.phone,
      email: p.email,
      ...(p.website ? { url: p.website } : {}),
      address: {
        '@type': 'PostalAddress',
        streetAddress: p.address,
        addressRegion: product.province?.name[lang] ?? product.region.name[lang],
        addressCountry: 'VN',
      },
    },
    hasCertification: {
      '@type': 'Certification',
      name: 'OCOP',
      certificationIdentification: c.number,
      certificationRating: { '@type': 'Rating', ratingValue: c.stars, bestRating: 5, worstRating: 3 },
      validFrom: c.issuedOn,
      expires: c.expiresOn,
    },
  };
}

/** JSON for a <script type="application/ld+json">: '<' escaped so no text can close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c');
}

/**
 * Error correction M survives a scuffed package; the quiet zone of 2 modules is enough on a white
 * label.
 */
const QR_OPTIONS = {
  type: 'svg',
  errorCorrectionLevel: 'M',
  margin: 2,
  color: { dark: '#1d1b18ff', light: '#ffffffff' },
} as const;

/** QR codes drawn ahead of their pages by the worker of {@link prepareQrCodes}, by URL. */
const drawnQr = new Map<string, string>();

/**
 * The QR code of `url` as inline SVG, sized by CSS, with an accessible name: the one the worker of
 * {@link prepareQrCodes} drew when it is ready, drawn here otherwise (the same SVG).
 */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const drawn = drawnQr.get(url);
  if (drawn !== undefined) drawnQr.delete(url);
  const svg = drawn ?? (await QRCode.toString(url, QR_OPTIONS));
  const safeLabel = label.replace(/[<>&"]/gu, (ch) => `&#${ch.charCodeAt(0)};`);
  return svg
    .trim()
    .replace('<svg ', `<svg class="qr-code" role="img" aria-label="${safeLabel}" `)
    .replace(/(<svg[^>]*>)/u, `$1<title>${safeLabel}</title>`);
}

/** Draws QR codes in a worker thread and posts them back in batches, in the order given. */
const QR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const QRCode = require(workerData.qrcode);
const BATCH = 200;
(async () => {
  const { urls, options } = workerData;
  for (let start = 0; start < urls.length; start += BATCH) {
    const svgs = [];
    for (const url of urls.slice(start, start + BATCH)) svgs.push(await QRCode.toString(url, options));
    parentPort.postMessage({ start, svgs });
  }
})();
`;

/**
 * Starts drawing the QR codes of `urls` (product pages, in the order they will be built) on a
 * worker thread, so that the build's second CPU core draws them while the main thread renders the
 * listings, which come first: drawing a QR code (choosing its mask) costs more than rendering the
 * rest of a product page. Nothing waits for the worker: a page whose code is not drawn yet (or if
 * the worker fails) draws its own.
 */
export function prepareQrCodes(urls: string[]): void {
  let worker: Worker;
  try {
    worker = new Worker(QR_WORKER, {
      eval: true,
      workerData: { urls, options: QR_OPTIONS, qrcode: createRequire(import.meta.url).resolve('qrcode') },
    });
  } catch {
    return;
  }
  // Never keeps the build running.
  worker.unref();
  let received = 0;
  worker.on('message', ({ start, svgs }: { start: number; svgs: string[] }) => {
    for (const [i, svg] of svgs.entries()) drawnQr.set(urls[start + i]!, svg);
    received += svgs.length;
    if (received >= urls.length) void worker.terminate();
  });
  worker.on('error', () => undefined);
}
