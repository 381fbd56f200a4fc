/**
 * A product's QR code at print size, for its producer to put on a pack: SVG with a physical
 * size (30 mm, vector, for the printer) and PNG at 300 dpi (the resolution printers ask for),
 * both with the quiet zone the standard requires. Error correction Q survives a scuffed label.
 */
import QRCode from 'qrcode';
import sharp from 'sharp';

/** Printed width of the code with its quiet zone, and the print resolution. */
export const PRINT_MM = 30;
export const PRINT_DPI = 300;

const OPTIONS = { errorCorrectionLevel: 'Q', margin: 4 } as const;

/** The code as an SVG that prints 30 × 30 mm. */
export async function qrPrintSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { ...OPTIONS, type: 'svg', color: { dark: '#000000ff', light: '#ffffffff' } });
  return svg.replace('<svg ', `<svg width="${PRINT_MM}mm" height="${PRINT_MM}mm" `);
}

/** The code as a PNG of 30 mm at 300 dpi (354 px), with its resolution written in the file. */
export async function qrPrintPng(url: string): Promise<Buffer> {
  const qr = QRCode.create(url, OPTIONS);
  const n = qr.modules.size + 2 * OPTIONS.margin;
  const px = Math.round((PRINT_MM / 25.4) * PRINT_DPI);
  const raw = Buffer.alloc(n * n, 255);
  for (let y = 0; y < qr.modules.size; y++) {
    for (let x = 0; x < qr.modules.size; x++) {
      if (qr.modules.get(x, y)) raw[(y + OPTIONS.margin) * n + x + OPTIONS.margin] = 0;
    }
  }
  return sharp(raw, { raw: { width: n, height: n, channels: 1 } })
    .resize(px, px, { kernel: 'nearest' })
    .withMetadata({ density: PRINT_DPI })
    .png({ compressionLevel: 9, palette: true, colours: 2 })
    .toBuffer();
}
