import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, refused } from '../support/admin.js';
import { runCli } from '../support/cli.js';
import {
  bearer,
  createToken,
  type GraphQLResponse,
  gql,
  startTestApi,
  type TestApi,
  testDatabases,
  useTestApi,
} from '../support/server.js';

/**
 * Issue 16, "no product has a photo": the sample catalog ships photos, and an office attaches
 * more, by upload (a GraphQL multipart request) or with `ocop images add`. Every photo is checked,
 * stripped of its location and stored as AVIF/WebP/JPEG copies served by the API.
 */

const IMAGE_FIELDS = 'images { url alt(lang: EN) width height variants { url width height type } }';

interface Image {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  variants: { url: string; width: number; height: number; type: string }[];
}

/** A JPEG as a phone takes it: with the camera and a GPS position in its EXIF. */
function phonePhoto(width = 1200, height = 900, color = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Phone', Model: 'Test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 13/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 58/1 0/1' },
    })
    .toBuffer();
}

/** Sends addProductPhoto as a GraphQL multipart request, as an admin screen would. */
async function upload(
  api: TestApi,
  headers: Record<string, string>,
  variables: { productId: string; altVi: string; altEn?: string },
  file: Buffer,
  name = 'IMG_0001.jpg',
): Promise<GraphQLResponse<{ addProductPhoto: { slug: string; images: Image[] } }>> {
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({
      query: `mutation($productId: ID!, $photo: Upload!, $altVi: String!, $altEn: String) {
        addProductPhoto(productId: $productId, photo: $photo, altVi: $altVi, altEn: $altEn) { slug ${IMAGE_FIELDS} }
      }`,
      variables: { ...variables, photo: null },
    }),
  );
  body.set('map', JSON.stringify({ 0: ['variables.photo'] }));
  body.set('0', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), name);
  const res = await fetch(api.url, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

describe.each(testDatabases())('product photos on $name', (db) => {
  let admin: Record<string, string>;
  let dir: string;
  const origin = () => api.url.replace(/\/graphql$/u, '');
  const api = useTestApi(db);

  beforeAll(async () => {
    admin = bearer(await createToken(api, 'ADMIN'));
    dir = mkdtempSync(join(tmpdir(), 'ocop-photos-'));
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships sample photos as AVIF, WebP and JPEG copies at four widths, without their location', async () => {
    const { product } = ok<{ product: { images: Image[] } }>(
      await gql(api, `{ product(slug: "nuoc-mam-phu-quoc-khai-hoan-38-do-dam") { ${IMAGE_FIELDS} } }`),
    );
    const [photo] = product.images;
    expect(photo!.alt).toMatch(/fish sauce/);
    const { product: again } = ok<{ product: { images: { sources: { type: string; srcset: string }[] }[] } }>(
      await gql(
        api,
        '{ product(slug: "nuoc-mam-phu-quoc-khai-hoan-38-do-dam") { images { sources { type srcset } } } }',
      ),
    );
    expect(again.images[0]!.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect(again.images[0]!.sources[1]!.srcset).toMatch(
      /^\/images\/[0-9a-f]{24}\/400\.webp 400w, .*\/1600\.webp 1600w$/u,
    );
    expect([photo!.width, photo!.height]).toEqual([1600, 1200]);
    expect(photo!.variants.map((v) => `${v.type} ${v.width}×${v.height}`)).toEqual([
      'image/avif 400×300',
      'image/avif 800×600',
      'image/avif 1200×900',
      'image/avif 1600×1200',
      'image/webp 400×300',
      'image/webp 800×600',
      'image/webp 1200×900',
      'image/webp 1600×1200',
      'image/jpeg 400×300',
      'image/jpeg 800×600',
      'image/jpeg 1200×900',
      'image/jpeg 1600×1200',
    ]);
    for (const v of photo!.variants.filter((x) => x.width === 800)) {
      const res = await fetch(origin() + v.url);
      expect(res.status, v.url).toBe(200);
      expect(res.headers.get('content-type')).toBe(v.type);
      expect(res.headers.get('cache-control')).toContain('immutable');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.width).toBe(800);
      expect(meta.exif, `${v.url} keeps EXIF`).toBeUndefined();
    }
    expect((await fetch(`${origin()}/images/../../etc/passwd`)).status).toBe(404);
    // Products without photos keep the drawn placeholder on the site: the API says "none".
    const count = ok<{ products: { nodes: { images: Image[] }[] } }>(
      await gql(api, '{ products(first: 100) { nodes { images { url } } } }'),
    ).products.nodes.filter((p) => p.images.length > 0).length;
    expect(count).toBeGreaterThanOrEqual(6);
  });

  it('attaches an uploaded photo, strips its GPS position, and records the change', async () => {
    const { nodes } = ok<{ products: { nodes: { id: string; slug: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [HERB] }) { nodes { id slug } } }'),
    ).products;
    const head = ok<{ catalogChanges: { currentCursor: string } }>(
      await gql(api, '{ catalogChanges(first: 1) { currentCursor } }'),
    ).catalogChanges.currentCursor;
    const res = await upload(
      api,
      admin,
      { productId: nodes[0]!.id, altVi: 'Chai tinh dầu trên bàn', altEn: 'A bottle of essential oil' },
      await phonePhoto(),
    );
    const images = ok<{ addProductPhoto: { images: Image[] } }>(res).addProductPhoto.images;
    const added = images.at(-1)!;
    expect(added.alt).toBe('A bottle of essential oil');
    expect(added.url).toMatch(/^\/images\/[0-9a-f]{24}\/1200\.jpg$/u);
    expect(added.variants.map((v) => v.width)).toContain(400);
    const jpeg = await fetch(origin() + added.url);
    const meta = await sharp(Buffer.from(await jpeg.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([1200, 900]);

    // The same file again is not attached twice; the public page changed once.
    const again = ok<{ addProductPhoto: { images: Image[] } }>(
      await upload(api, admin, { productId: nodes[0]!.id, altVi: 'Lần nữa' }, await phonePhoto()),
    );
    expect(again.addProductPhoto.images).toHaveLength(images.length);
    const changes = ok<{ catalogChanges: { nodes: { kind: string; slug: string }[] } }>(
      await gql(api, 'query($after: String) { catalogChanges(after: $after) { nodes { kind slug } } }', {
        after: head,
      }),
    ).catalogChanges.nodes;
    expect(changes).toEqual([{ kind: 'UPDATED', slug: nodes[0]!.slug }]);
    const audit = ok<{ auditLog: { nodes: { operation: string }[] } }>(
      await gql(api, '{ auditLog(first: 5) { nodes { operation } } }', undefined, admin),
    ).auditLog.nodes;
    expect(audit.map((a) => a.operation)).toContain('addProductPhoto');
  });

  it('refuses what is not a usable photo, with a code and what to do', async () => {
    const { nodes } = ok<{ products: { nodes: { id: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [TEXTILE] }) { nodes { id } } }'),
    ).products;
    const productId = nodes[0]!.id;
    const text = refused(
      await upload(api, admin, { productId, altVi: 'x' }, Buffer.from('<html>not a photo</html>'), 'photo.jpg'),
    );
    expect(text.extensions.code).toBe('NOT_AN_IMAGE');
    expect(text.message).toContain('JPEG, PNG, WebP or AVIF');
    const small = refused(await upload(api, admin, { productId, altVi: 'x' }, await phonePhoto(200, 150)));
    expect(small.extensions.code).toBe('IMAGE_TOO_SMALL');
    expect(small.message).toContain('200 × 150');
    const noAlt = refused(await upload(api, admin, { productId, altVi: ' ' }, await phonePhoto()));
    expect(noAlt.extensions.code).toBe('VALIDATION_FAILED');
    const anonymous = refused(await upload(api, {}, { productId, altVi: 'x' }, await phonePhoto()));
    expect(anonymous.extensions.code).toBe('UNAUTHENTICATED');
    const after = ok<{ node: { images: Image[] } }>(
      await gql(api, 'query($id: ID!) { node(id: $id) { ... on Product { images { url } } } }', { id: productId }),
    );
    expect(after.node.images).toEqual([]);
  });

  it('refuses a photo over IMAGE_MAX_BYTES before reading it all', async () => {
    const small = await startTestApi(db, { seed: false, env: { IMAGE_MAX_BYTES: '20000' } });
    try {
      const token = bearer(await createToken(small, 'ADMIN'));
      const nodes = [{ id: Buffer.from('Product:1').toString('base64url') }];
      const noisy = await sharp(Buffer.from(Array.from({ length: 800 * 600 * 3 }, (_, i) => (i * 7919) % 256)), {
        raw: { width: 800, height: 600, channels: 3 },
      })
        .jpeg({ quality: 100 })
        .toBuffer();
      const error = refused(await upload(small, token, { productId: nodes[0]!.id, altVi: 'x' }, noisy));
      expect(error.extensions.code).toBe('IMAGE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('adds photos from the command line, all or none', async () => {
    const env = {
      DATABASE_URL: api.config.database.url ?? `sqlite:${api.config.database.file}`,
      IMAGES_DIR: api.config.images.dir,
    };
    const slug = 'tieu-chin-phu-quoc-thanh-quoc';
    const good = join(dir, 'tieu.jpg');
    writeFileSync(good, await phonePhoto(1000, 800, '#2d2d2d'));
    const bad = join(dir, 'notes.jpg');
    writeFileSync(bad, 'not a photo');
    const refusedRun = await runCli(['images', 'add', slug, good, bad], env);
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.stderr).toContain('notes.jpg: notes.jpg is not an image');
    expect(refusedRun.stderr).toContain('no photo was added');
    const run = await runCli(
      ['images', 'add', slug, good, '--alt-vi', 'Hũ tiêu chín', '--alt-en', 'A jar of ripe pepper'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Added 1 photo to ${slug}`);
    const { product } = ok<{ product: { images: Image[] } }>(
      await gql(api, `query($slug: String!) { product(slug: $slug) { ${IMAGE_FIELDS} } }`, { slug }),
    );
    expect(product.images.map((i) => i.alt)).toEqual(['A jar of ripe pepper']);
    expect(product.images[0]!.width).toBe(1000);
  }, 60_000);

  it('takes photos from an images/ folder beside an import, and refuses the import for a bad one', async () => {
    const env = {
      DATABASE_URL: api.config.database.url ?? `sqlite:${api.config.database.file}`,
      IMAGES_DIR: api.config.images.dir,
    };
    const lists = join(dir, 'lists');
    const slug = 'muoi-tieu-phu-quoc-thanh-quoc';
    const exported = await runCli(['export', '--format', 'csv', '--kind', 'products'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(lists, 'images', slug), { recursive: true });
    writeFileSync(join(lists, 'products.csv'), exported.stdout);
    writeFileSync(join(lists, 'images', slug, '1.jpg'), await phonePhoto(900, 700, '#7f8c8d'));
    writeFileSync(join(lists, 'images', slug, '2.jpg'), 'not a photo');
    const refusedRun = await runCli(['import', join(lists, 'products.csv')], env);
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.stderr).toContain(`${slug}/2.jpg: 2.jpg is not an image`);
    rmSync(join(lists, 'images', slug, '2.jpg'));
    const run = await runCli(['import', join(lists, 'products.csv')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 photo added');
    const { product } = ok<{ product: { name: string; images: Image[] } }>(
      await gql(api, `query($slug: String!) { product(slug: $slug) { name(lang: EN) ${IMAGE_FIELDS} } }`, { slug }),
    );
    expect(product.images.map((i) => [i.alt, i.width])).toEqual([[product.name, 900]]);
    const again = await runCli(['import', join(lists, 'products.csv')], env);
    expect(again.stdout).toContain('Nothing to change');
  }, 120_000);
});
