import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { compareVietnamese, type IsoDate } from '@ocop/domain';
import { catalogVersion } from '../../db/catalog-version.js';
import type { FacetDimension } from '../product/product.query.js';
import { ProductService, type ProductSearch } from '../product/product.service.js';
import { Region } from './region.entity.js';

/** The codes on a materialised path, root first: '/KG/KG-PQ/' → ['KG', 'KG-PQ']. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Above this many district-level units with products, the region facet lists provinces instead. */
export const MAX_REGION_FACETS = 100;

/** The columns counting and faceting need, as plain rows (thousands at national scale). */
export interface RegionRow {
  id: number;
  code: string;
  path: string;
  nameVi: string;
  nameEn: string | null;
  parentId: number | null;
}

/** Per database (ORM configuration), the region rows as of a catalog version. */
const regionRows = new WeakMap<object, { version: number; rows: Promise<RegionRow[]> }>();

export class RegionService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  /** Every region, read once per catalog version: regions change rarely and are needed on every facet. */
  rows(): Promise<RegionRow[]> {
    const key = this.em.config;
    const cached = regionRows.get(key);
    if (cached && cached.version === catalogVersion.current) return cached.rows;
    const rows = this.em
      .getConnection()
      .execute<
        { id: number; code: string; path: string; name_vi: string; name_en: string | null; parent_id: number | null }[]
      >('select id, code, path, name_vi, name_en, parent_id from region order by path')
      .then((list) =>
        list.map((r) => ({
          id: Number(r.id),
          code: r.code,
          path: r.path,
          nameVi: r.name_vi,
          nameEn: r.name_en,
          parentId: r.parent_id === null ? null : Number(r.parent_id),
        })),
      );
    regionRows.set(key, { version: catalogVersion.current, rows });
    return rows;
  }

  all(): Promise<Region[]> {
    return this.em.find(Region, {}, { orderBy: { path: 'asc' } });
  }

  /**
   * Published products per region, each counted in its own region and every ancestor, so a
   * province's count includes its districts and communes.
   */
  async certifiedCounts(
    search: ProductSearch = { filter: {}, tokens: [] },
    except?: FacetDimension,
  ): Promise<{ byId: Map<number, number>; regions: RegionRow[] }> {
    const [regions, direct] = await Promise.all([
      this.rows(),
      new ProductService(this.em, this.today).publishedCountByRegionId(search, except),
    ]);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const byId = new Map<number, number>();
    for (const region of regions) {
      const n = direct.get(region.id);
      if (!n) continue;
      for (const code of pathCodes(region.path)) {
        const ancestor = byCode.get(code);
        if (ancestor) byId.set(ancestor.id, (byId.get(ancestor.id) ?? 0) + n);
      }
    }
    return { byId, regions };
  }

  /**
   * The region facet: counts one level below the filtered region, or, without a region filter,
   * per province when products span several provinces, else per district-level unit.
   */
  async facet(search: ProductSearch): Promise<{ region: RegionRow; count: number }[]> {
    const { byId, regions } = await this.certifiedCounts(search, 'region');
    const filterPath = search.filter.regionPath;
    let parentDepth: number;
    if (filterPath) {
      parentDepth = pathCodes(filterPath).length;
    } else {
      // District-level units are what a buyer picks within a province or two; at national
      // scale (hundreds of them) provinces are the useful first choice.
      const districtsWithProducts = regions.filter((r) => pathCodes(r.path).length === 2 && (byId.get(r.id) ?? 0) > 0);
      parentDepth = districtsWithProducts.length > MAX_REGION_FACETS ? 0 : 1;
    }
    return regions
      .filter((r) => pathCodes(r.path).length === parentDepth + 1 && (!filterPath || r.path.startsWith(filterPath)))
      .map((region) => ({ region, count: byId.get(region.id) ?? 0 }))
      .filter((f) => f.count > 0)
      .sort((a, b) => b.count - a.count || compareVietnamese(a.region.nameVi, b.region.nameVi));
  }
}
