/**
 * What search engines and scanners read: schema.org Product data (JSON-LD) and the QR code of a
 * product page, both made at build time.
 */
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
 * The QR code of `url` as inline SVG, sized by CSS, with an accessible name. Error correction M
 * survives a scuffed package; the quiet zone of 2 modules is enough on a white label.
 */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#1d1b18ff', light: '#ffffffff' },
  });
  const safeLabel = label.replace(/[<>&"]/gu, (ch) => `&#${ch.charCodeAt(0)};`);
  return svg
    .trim()
    .replace('<svg ', `<svg class="qr-code" role="img" aria-label="${safeLabel}" `)
    .replace(/(<svg[^>]*>)/u, `$1<title>${safeLabel}</title>`);
}
