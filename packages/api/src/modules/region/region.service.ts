import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import { derivedFrom } from '../../cache/query-cache.js';
import type { FacetDimension } from '../product/product.query.js';
import { ProductService, type ProductSearch } from '../product/product.service.js';
import { type RegionDirectory, type RegionView, regionDirectory } from './region.reader.js';

/** The codes on a materialised path, root first: '/KG/KG-PQ/' → ['KG', 'KG-PQ']. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Above this many district-level units with products, the region facet lists provinces instead. */
export const MAX_REGION_FACETS = 100;

export class RegionService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  /** Every region, indexed (kept until the catalog changes). */
  directory(): Promise<RegionDirectory> {
    return regionDirectory(this.em);
  }

  /** Provinces and other roots, in Vietnamese dictionary order. */
  async roots(): Promise<RegionView[]> {
    return (await this.directory()).roots;
  }

  async byCode(code: string): Promise<RegionView | undefined> {
    return (await this.directory()).byCode.get(code);
  }

  /** Regions by id, in the order asked. */
  async byIds(ids: readonly number[]): Promise<(RegionView | undefined)[]> {
    const { byId } = await this.directory();
    return ids.map((id) => byId.get(id));
  }

  /** The units directly under each region asked, in name order. */
  async childrenOf(ids: readonly number[]): Promise<RegionView[][]> {
    const { children } = await this.directory();
    return ids.map((id) => children.get(id) ?? []);
  }

  /** The district-level unit a region belongs to (see RegionDirectory.districtOf). */
  async districtOf(id: number): Promise<RegionView | undefined> {
    return (await this.directory()).districtOf(id);
  }

  /**
   * Published products per region, each counted in its own region and every ancestor, so a
   * province's count includes its districts and communes.
   */
  async certifiedCounts(
    search: ProductSearch = { filter: {}, text: null },
    except?: FacetDimension,
  ): Promise<{ byId: Map<number, number>; directory: RegionDirectory }> {
    const [directory, direct] = await Promise.all([
      regionDirectory(this.em),
      new ProductService(this.em, this.today).publishedCountByRegionId(search, except),
    ]);
    // Shared by every request with the same search until the catalog changes (see derivedFrom).
    const byId = derivedFrom(direct, 'withAncestors', () => {
      const counts = new Map<number, number>();
      for (const [regionId, n] of direct) {
        for (const id of directory.lineage.get(regionId) ?? []) counts.set(id, (counts.get(id) ?? 0) + n);
      }
      return counts;
    });
    return { byId, directory };
  }

  /**
   * The region facet: counts one level below the filtered region, or, without a region filter,
   * per province when products span several provinces, else per district-level unit.
   */
  async facet(search: ProductSearch): Promise<{ region: RegionView; count: number }[]> {
    const { byId, directory } = await this.certifiedCounts(search, 'region');
    const filterPath = search.filter.regionPath;
    return derivedFrom(byId, `facet:${filterPath ?? ''}`, () => {
      let parentDepth: number;
      if (filterPath) {
        parentDepth = pathCodes(filterPath).length;
      } else {
        // District-level units are what a buyer picks within a province or two; at national
        // scale (hundreds of them) provinces are the useful first choice.
        let districtsWithProducts = 0;
        for (const [id, n] of byId) if (n > 0 && directory.depth.get(id) === 2) districtsWithProducts++;
        parentDepth = districtsWithProducts > MAX_REGION_FACETS ? 0 : 1;
      }
      const facets: { region: RegionView; count: number }[] = [];
      for (const [id, count] of byId) {
        const region = directory.byId.get(id);
        if (!region || count <= 0 || directory.depth.get(id) !== parentDepth + 1) continue;
        if (filterPath && !region.path.startsWith(filterPath)) continue;
        facets.push({ region, count });
      }
      return facets.sort((a, b) => b.count - a.count || directory.compareByName(a.region, b.region));
    });
  }
}
