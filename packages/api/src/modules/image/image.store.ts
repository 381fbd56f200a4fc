import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, ERROR_CODES } from '@ocop/domain';
import sharp from 'sharp';
import type { ImageSettings } from '../../config.js';

/**
 * Product photos on disk. A photo sent by an office (an upload, `ocop images add`, an import's
 * images folder, the sample catalog) is checked here (its bytes must be an image, within the
 * size and pixel limits, large enough to show), turned upright, and written as resized copies
 * in AVIF, WebP and JPEG: `<IMAGES_DIR>/<id>/<width>.<avif|webp|jpg>`. The copies carry no
 * metadata at all, so a phone's GPS position never reaches the public. The original is not kept.
 * The id is a hash of the original bytes: the same photo sent twice is stored once, and its
 * files never change, so they may be cached for ever.
 */

/** Widths made of every photo (never wider than the photo): cards use 400/800, pages up to 1600. */
export const IMAGE_WIDTHS = [400, 800, 1200, 1600] as const;
export const IMAGE_FORMATS = ['avif', 'webp', 'jpg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The smallest photo worth showing on a product page. */
export const MIN_WIDTH = 400;
export const MIN_HEIGHT = 300;

/** Formats sharp reads that phones and cameras produce; HEIC needs converting first. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'tiff', 'heif']);

export interface StoredImage {
  /** 24 hex digits of the original's SHA-256. */
  id: string;
  /** Size of the upright photo, in pixels. */
  width: number;
  height: number;
  /** The widths written, smallest first. */
  widths: number[];
}

/** The public address of one copy. */
export function imageUrl(id: string, width: number, format: ImageFormat): string {
  return `/images/${id}/${width}.${format}`;
}

/** The id in a URL this store made ('/images/<id>/…'), else undefined. */
export function storedImageId(url: string): string | undefined {
  return /^\/images\/([0-9a-f]{24})\/\d+\.(?:avif|webp|jpg)$/u.exec(url)?.[1];
}

function refuse(code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES], message: string, field: string): never {
  throw new DomainError(code, message, [{ field, code, message }]);
}

/**
 * Checks `bytes` and writes its copies under `settings.dir`; `name` is how the photo is called in
 * messages ("photo 2", "1.jpg"), never a path from the client. Throws a DomainError
 * (NOT_AN_IMAGE, IMAGE_TOO_LARGE, IMAGE_TOO_SMALL) naming `field` and saying what to do.
 */
export async function storeImage(
  bytes: Buffer,
  settings: ImageSettings,
  name = 'The photo',
  field = 'photo',
): Promise<StoredImage> {
  const { width, height } = await inspectImage(bytes, settings, name, field);
  return writeCopies(bytes, settings, width, height);
}

/** The checks of {@link storeImage} alone (a dry run): the upright size, or the refusal. */
export async function inspectImage(
  bytes: Buffer,
  settings: ImageSettings,
  name = 'The photo',
  field = 'photo',
): Promise<{ width: number; height: number }> {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (bytes.length > settings.maxBytes) {
    refuse(
      ERROR_CODES.IMAGE_TOO_LARGE,
      `${name} is ${mb(bytes.length)}; photos may be at most ${mb(settings.maxBytes)}. Save it as a JPEG of about 2000 pixels across.`,
      field,
    );
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: settings.maxPixels }).metadata();
  } catch {
    return refuse(
      ERROR_CODES.NOT_AN_IMAGE,
      `${name} is not an image this catalog can read: send a JPEG, PNG, WebP or AVIF photo (an iPhone's HEIC photo must be exported as JPEG first).`,
      field,
    );
  }
  const format = meta.format === 'heif' && meta.compression !== 'av1' ? 'heic' : meta.format;
  if (!format || !ACCEPTED.has(format) || !meta.width || !meta.height) {
    refuse(
      ERROR_CODES.NOT_AN_IMAGE,
      `${name} is a ${format ?? 'file of unknown kind'}, not a photo this catalog can read: send a JPEG, PNG, WebP or AVIF photo${format === 'heic' ? ' (export the HEIC photo as JPEG first)' : ''}.`,
      field,
    );
  }
  if (meta.width * meta.height > settings.maxPixels) {
    refuse(
      ERROR_CODES.IMAGE_TOO_LARGE,
      `${name} has ${meta.width} × ${meta.height} pixels; at most ${(settings.maxPixels / 1_000_000).toFixed(0)} megapixels are accepted. Resize it to about 2000 pixels across.`,
      field,
    );
  }
  // EXIF orientations 5–8 are turned a quarter: the upright photo swaps width and height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    refuse(
      ERROR_CODES.IMAGE_TOO_SMALL,
      `${name} is ${width} × ${height} pixels; a product page needs at least ${MIN_WIDTH} × ${MIN_HEIGHT}. Send a larger photo.`,
      field,
    );
  }
  return { width, height };
}

async function writeCopies(
  bytes: Buffer,
  settings: ImageSettings,
  width: number,
  height: number,
): Promise<StoredImage> {
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const widths = [...new Set([...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, IMAGE_WIDTHS.at(-1)!)])].sort(
    (a, b) => a - b,
  );
  const folder = join(settings.dir, id);
  const manifest = join(folder, 'image.json');
  if (existsSync(manifest)) {
    const stored = JSON.parse(await readFile(manifest, 'utf8')) as StoredImage;
    if (stored.id === id) return stored;
  }
  // Written into a fresh folder, then moved into place: a crash never leaves half a photo.
  const staging = join(settings.dir, `.staging-${id}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    const upright = sharp(bytes, { limitInputPixels: settings.maxPixels }).rotate();
    for (const w of widths) {
      const resized = upright.clone().resize({ width: w, withoutEnlargement: true });
      const [avif, webp, jpg] = await Promise.all([
        resized.clone().avif({ quality: 50, effort: 2 }).toBuffer(),
        resized.clone().webp({ quality: 72 }).toBuffer(),
        resized.clone().jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer(),
      ]);
      await writeFile(join(staging, `${w}.avif`), avif);
      await writeFile(join(staging, `${w}.webp`), webp);
      await writeFile(join(staging, `${w}.jpg`), jpg);
    }
    const stored: StoredImage = { id, width, height, widths };
    await writeFile(join(staging, 'image.json'), `${JSON.stringify(stored)}\n`);
    await rm(folder, { recursive: true, force: true });
    await rename(staging, folder);
    return stored;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
