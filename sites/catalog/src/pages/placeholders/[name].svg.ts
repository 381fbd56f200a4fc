import { CATEGORIES, type CategoryCode } from '@ocop/domain';
import type { APIRoute, GetStaticPaths } from 'astro';
import { PLACEHOLDER_VARIANTS, placeholderSvg } from '../../lib/artwork';

/** /placeholders/food-0.svg … food-2.svg: what a product without photos shows. */
export const getStaticPaths = (() =>
  CATEGORIES.flatMap((c) =>
    Array.from({ length: PLACEHOLDER_VARIANTS }, (_, variant) => ({
      params: { name: `${c.slug}-${variant}` },
      props: { code: c.code as CategoryCode, variant },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(placeholderSvg(props.code, props.variant), { headers: { 'Content-Type': 'image/svg+xml' } });
