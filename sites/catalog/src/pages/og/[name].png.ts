import { CATEGORIES, type CategoryCode } from '@ocop/domain';
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { ogCardSvg } from '../../lib/artwork';
import { categoryShortName, t } from '../../lib/i18n';

/** Open Graph cards (PNG, 1200 × 630): one for the site and one per category. */
export const getStaticPaths = (() => [
  { params: { name: 'site' }, props: { title: t('vi').home.title, subtitle: t('vi').home.eyebrow, code: undefined } },
  ...CATEGORIES.map((c) => ({
    params: { name: c.slug },
    props: {
      title: categoryShortName(c.code, 'vi'),
      subtitle: t('vi').home.title,
      code: c.code as CategoryCode | undefined,
    },
  })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharp(Buffer.from(ogCardSvg(props.title, props.subtitle, props.code)))
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
