/**
 * The favicon: the brand star in a red disc, as SVG for modern browsers and rasterised with sharp
 * for /favicon.ico (requested by browsers and crawlers regardless of <link rel=icon>) and the
 * Apple touch icon.
 */
import sharp from 'sharp';
import { BRAND_STAR_PATH } from './artwork.js';

export function faviconSvg(opaque = false): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${
    opaque ? '<rect width="100" height="100" fill="#9b1b1f"/>' : ''
  }<circle cx="50" cy="50" r="48" fill="#9b1b1f"/><circle cx="50" cy="50" r="41" fill="none" stroke="#f2c14e" stroke-width="3"/><path d="${BRAND_STAR_PATH}" fill="#f2c14e" transform="translate(0 3)"/></svg>`;
}

export function pngIcon(size: number, opaque = false): Promise<Buffer> {
  return sharp(Buffer.from(faviconSvg(opaque)), { density: 72 * (size / 100) * 4 })
    .resize(size, size)
    .png()
    .toBuffer();
}

/** An .ico holding one PNG image (supported by every browser since Windows Vista-era IE). */
export async function faviconIco(size = 32): Promise<Uint8Array<ArrayBuffer>> {
  const png = await pngIcon(size);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6); // width
  header.writeUInt8(size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  return new Uint8Array(Buffer.concat([header, png]));
}
