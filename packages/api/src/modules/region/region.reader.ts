import type { SqlEntityManager } from '@mikro-orm/knex';
import { type RegionKind, type RegionLevel, vietnameseSortKey } from '@ocop/domain';
import { CatalogCache, perDatabase } from '../../cache/catalog-cache.js';
import { chunks, optStr, placeholders, type Ref, type Row, ref, rows, str, type Typed } from '../../db/rows.js';

/**
 * The one place region rows are read: the region tree every feature shares (cached until the
 * catalog changes), every region as it is now for the importer and the open-data export, and the
 * names along regions' paths for the change feed, inside its transaction.
 */

export interface RegionView extends Typed<'Region'> {
  id: number;
  code: string;
  nameVi: string;
  nameEn?: string | null;
  level: RegionLevel;
  kind: RegionKind;
  parent?: Ref | null;
  path: string;
  validFrom?: string | null;
  validTo?: string | null;
  successor?: Ref | null;
}

export function toRegionView(r: Row): RegionView {
  return {
    __typename: 'Region',
    id: Number(r.id),
    code: str(r.code),
    nameVi: str(r.name_vi),
    nameEn: optStr(r.name_en),
    level: r.level as RegionLevel,
    kind: r.kind as RegionKind,
    parent: ref(r.parent_id),
    path: str(r.path),
    validFrom: optStr(r.valid_from),
    validTo: optStr(r.valid_to),
    successor: ref(r.successor_id),
  };
}

const REGION_COLUMNS = 'id, code, name_vi, name_en, level, kind, parent_id, path, valid_from, valid_to, successor_id';

/** Every region as the database holds it now, in path order (not cached: for writers and exports). */
export async function readRegions(em: SqlEntityManager): Promise<RegionView[]> {
  return (await rows(em, `select ${REGION_COLUMNS} from region order by path, id`, [])).map(toRegionView);
}

/** Every region, indexed: a few thousand rows that change only when the catalog does. */
export interface RegionDirectory {
  byId: Map<number, RegionView>;
  byCode: Map<string, RegionView>;
  /** Children of each region, in Vietnamese dictionary order. */
  children: Map<number, RegionView[]>;
  /** Provinces and other roots, in Vietnamese dictionary order. */
  roots: RegionView[];
  /** All regions in path order. */
  all: RegionView[];
  /** Depth in the tree: 1 for a province, 2 for a district-level unit (or a commune under a province after 2025)… */
  depth: Map<number, number>;
  /** Each region's id and its ancestors' ids, root first. */
  lineage: Map<number, number[]>;
  /** Each region's id and the ids of every region under it. */
  subtree(id: number): number[];
  /** Orders regions by Vietnamese name (sort keys computed once), then path. */
  compareByName(a: RegionView, b: RegionView): number;
  /**
   * The district-level unit a region belongs to (itself when it is one); after 2025 a commune
   * directly under the province is its own district-level unit.
   */
  districtOf(id: number): RegionView | undefined;
}

function buildDirectory(all: RegionView[]): RegionDirectory {
  const byId = new Map(all.map((r) => [r.id, r]));
  const byCode = new Map(all.map((r) => [r.code, r]));
  const sortKey = new Map(all.map((r) => [r.id, vietnameseSortKey(r.nameVi)]));
  const byVietnameseName = (a: RegionView, b: RegionView) => {
    const ka = sortKey.get(a.id) ?? '';
    const kb = sortKey.get(b.id) ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id;
  };
  // The materialised path ('/KG/KG-PQ/') names the ancestors by code, root first.
  const lineage = new Map<number, number[]>();
  const depth = new Map<number, number>();
  for (const r of all) {
    const codes = r.path.split('/').filter(Boolean);
    depth.set(r.id, codes.length);
    lineage.set(
      r.id,
      codes.map((code) => byCode.get(code)?.id).filter((id): id is number => id !== undefined),
    );
  }
  const subtrees = new Map<number, number[]>();
  for (const [id, ancestors] of lineage) {
    for (const ancestor of ancestors) {
      const list = subtrees.get(ancestor);
      if (list) list.push(id);
      else subtrees.set(ancestor, [id]);
    }
  }
  const children = new Map<number, RegionView[]>();
  const roots: RegionView[] = [];
  for (const r of all) {
    if (!r.parent) {
      roots.push(r);
      continue;
    }
    const list = children.get(r.parent.id);
    if (list) list.push(r);
    else children.set(r.parent.id, [r]);
  }
  for (const list of children.values()) list.sort(byVietnameseName);
  roots.sort(byVietnameseName);
  return {
    byId,
    byCode,
    children,
    roots,
    all,
    depth,
    lineage,
    compareByName: byVietnameseName,
    subtree: (id) => subtrees.get(id) ?? [id],
    districtOf(id) {
      let region = byId.get(id);
      while (region?.parent) {
        const parent = byId.get(region.parent.id);
        if (!parent?.parent) return region;
        region = parent;
      }
      return region;
    },
  };
}

const directories = perDatabase(() => new CatalogCache<'regions', RegionDirectory>('region tree', { max: 1 }));

/**
 * All regions, read once and kept until the catalog changes (catalog-cache.ts), so a renamed or
 * added region shows on the next request, whichever process wrote it.
 */
export function regionDirectory(em: SqlEntityManager): Promise<RegionDirectory> {
  return directories(em).remember('regions', () => readRegions(em).then(buildDirectory));
}

/**
 * The names along each region's path, root first ("Kiên Giang|Kien Giang/Phú Quốc|Phu Quoc"), for
 * the regions given only: what changes when a region or any region above it is renamed. Read with
 * `em.execute`, so a write's transaction sees its own renames.
 */
export async function pathNames(em: SqlEntityManager, ids: number[]): Promise<Map<number, string>> {
  const regions = new Map<number, { path: string; names: string }>();
  for (const part of chunks(ids)) {
    const found = await em.execute<{ id: number; path: string; name_vi: string; name_en: string | null }[]>(
      `select id, path, name_vi, name_en from region where id in (${placeholders(part.length)})`,
      part,
    );
    for (const r of found) regions.set(Number(r.id), { path: r.path, names: `${r.name_vi}|${r.name_en ?? ''}` });
  }
  const codes = [...new Set([...regions.values()].flatMap((r) => r.path.split('/').filter(Boolean)))];
  const byCode = new Map<string, string>();
  for (const part of chunks(codes)) {
    const found = await em.execute<{ code: string; name_vi: string; name_en: string | null }[]>(
      `select code, name_vi, name_en from region where code in (${placeholders(part.length)})`,
      part,
    );
    for (const r of found) byCode.set(r.code, `${r.name_vi}|${r.name_en ?? ''}`);
  }
  const places = new Map<number, string>();
  for (const [id, r] of regions) {
    places.set(
      id,
      r.path
        .split('/')
        .filter(Boolean)
        .map((code) => byCode.get(code) ?? code)
        .join('/'),
    );
  }
  return places;
}
