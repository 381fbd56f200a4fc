import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type {
  CategoryCode,
  CouncilLevel,
  CriteriaVersion,
  CycleStage,
  EvaluationStatus,
  ProducerType,
  ProductTrade,
  RegionKind,
  RegionLevel,
  StoredCertificateStatus,
} from '@ocop/domain';
import { normalizeTrade } from '@ocop/domain';
import { dateOnly, jsonList, optStr, type Row } from '../../db/rows.js';
import type { CertificateValues } from '../certificate/certificate.row.js';
import type { EvaluationValues } from '../evaluation/evaluation.row.js';
import type { ProducerValues } from '../producer/producer.row.js';
import type { ProductValues } from '../product/product.row.js';
import type { ImageValue } from './import.sources.js';
import { readRegions, type RegionView } from '../region/region.reader.js';

/**
 * The catalog as an import sees it: one node per row, whether it is already in the database
 * (it has an `id`) or will be created by the import (its `id` is set when it is written). Nodes
 * point at each other, so a product can name a producer created by the same import.
 */

export interface RegionNode {
  id?: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: RegionLevel;
  kind: RegionKind;
  parent: RegionNode | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  successor: RegionNode | null;
}

/** Each node holds the values its entity's row is made from (`producerRow`…), and its links. */
export interface ProducerNode extends ProducerValues {
  id?: number;
  region: RegionNode;
  website: string | null;
  taxCode: string | null;
}

export interface ProductNode extends ProductValues {
  id?: number;
  nameEn: string | null;
  region: RegionNode;
  producer: ProducerNode;
  descriptionEn: string | null;
  storyVi: string | null;
  storyEn: string | null;
  images: ImageValue[];
  /** Trade information in one fixed key order (normalizeTrade), or null. */
  trade: ProductTrade | null;
}

export interface EvaluationNode extends EvaluationValues {
  id?: number;
  product: ProductNode;
  finalisedAt: Date | null;
}

export interface CertificateNode extends CertificateValues {
  id?: number;
  product: ProductNode;
  /** The score sheet behind it; null for a certificate recorded from a decision alone. */
  evaluation: EvaluationNode | null;
  expiresOn: string;
  revokedOn: string | null;
  revocationReason: string | null;
}

/** The database's catalog, loaded once per import with plain queries (no entity hydration). */
export interface Snapshot {
  regions: RegionNode[];
  producers: ProducerNode[];
  products: ProductNode[];
  evaluations: EvaluationNode[];
  certificates: CertificateNode[];
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The node a row's foreign key names; a missing one means the rows were read inconsistently. */
function referenced<N>(byId: Map<number, N>, type: string, id: unknown): N {
  const node = byId.get(Number(id));
  if (!node) throw new Error(`${type} ${String(id)} is referenced but missing.`);
  return node;
}

export async function loadSnapshot(em: EntityManager): Promise<Snapshot> {
  const knex = em.getKnex();
  const [regionRows, producerRows, productRows, evaluationRows, certificateRows] = (await Promise.all([
    readRegions(em),
    knex('producer').select(
      'id',
      'slug',
      'name',
      'type',
      'representative',
      'address',
      'region_id',
      'phone',
      'email',
      'website',
      'tax_code',
    ),
    knex('product').select(
      'id',
      'slug',
      'name_vi',
      'name_en',
      'category',
      'region_id',
      'producer_id',
      'cycle_stage',
      'description_vi',
      'description_en',
      'story_vi',
      'story_en',
      'images',
      'trade',
    ),
    knex('evaluation').select(
      'id',
      'product_id',
      'council_level',
      'criteria_version',
      'evaluated_on',
      'score_a',
      'score_b',
      'score_c',
      'total',
      'stars',
      'status',
      'finalised_at',
    ),
    knex('certificate').select(
      'id',
      'number',
      'product_id',
      'evaluation_id',
      'decision_number',
      'decision_date',
      'issuing_level',
      'stars',
      'issued_on',
      'expires_on',
      'status',
      'revoked_on',
      'revocation_reason',
    ),
  ])) as [RegionView[], Row[], Row[], Row[], Row[]];

  const regionById = new Map<number, RegionNode>();
  for (const r of regionRows) {
    regionById.set(r.id, {
      id: r.id,
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn ?? null,
      level: r.level,
      kind: r.kind,
      parent: null,
      path: r.path,
      validFrom: dateOnly(r.validFrom),
      validTo: dateOnly(r.validTo),
      successor: null,
    });
  }
  for (const r of regionRows) {
    const node = regionById.get(r.id);
    if (!node) continue;
    node.parent = r.parent ? (regionById.get(r.parent.id) ?? null) : null;
    node.successor = r.successor ? (regionById.get(r.successor.id) ?? null) : null;
  }
  const regionOf = (id: unknown): RegionNode => referenced(regionById, 'Region', id);

  const producerById = new Map<number, ProducerNode>();
  for (const p of producerRows ?? []) {
    producerById.set(Number(p.id), {
      id: Number(p.id),
      slug: str(p.slug),
      name: str(p.name),
      type: str(p.type) as ProducerType,
      representative: str(p.representative),
      address: str(p.address),
      region: regionOf(p.region_id),
      phone: str(p.phone),
      email: str(p.email),
      website: optStr(p.website),
      taxCode: optStr(p.tax_code),
    });
  }

  const productById = new Map<number, ProductNode>();
  for (const p of productRows ?? []) {
    const producer = referenced(producerById, 'Producer', p.producer_id);
    productById.set(Number(p.id), {
      id: Number(p.id),
      slug: str(p.slug),
      nameVi: str(p.name_vi),
      nameEn: optStr(p.name_en),
      category: str(p.category) as CategoryCode,
      region: regionOf(p.region_id),
      producer,
      cycleStage: str(p.cycle_stage) as CycleStage,
      descriptionVi: str(p.description_vi),
      descriptionEn: optStr(p.description_en),
      storyVi: optStr(p.story_vi),
      storyEn: optStr(p.story_en),
      images: jsonList<ImageValue>(p.images),
      trade: p.trade == null ? null : normalizeTrade(typeof p.trade === 'string' ? JSON.parse(p.trade) : p.trade),
    });
  }
  const productOf = (id: unknown): ProductNode => referenced(productById, 'Product', id);

  const evaluationById = new Map<number, EvaluationNode>();
  for (const e of evaluationRows ?? []) {
    evaluationById.set(Number(e.id), {
      id: Number(e.id),
      product: productOf(e.product_id),
      councilLevel: str(e.council_level) as CouncilLevel,
      criteriaVersion: str(e.criteria_version) as CriteriaVersion,
      evaluatedOn: dateOnly(e.evaluated_on) ?? '',
      scoreA: Number(e.score_a),
      scoreB: Number(e.score_b),
      scoreC: Number(e.score_c),
      total: Number(e.total),
      stars: Number(e.stars),
      status: str(e.status) as EvaluationStatus,
      finalisedAt: e.finalised_at == null ? null : new Date(e.finalised_at as string | number),
    });
  }

  const certificates: CertificateNode[] = (certificateRows ?? []).map((c) => ({
    id: Number(c.id),
    number: str(c.number),
    product: productOf(c.product_id),
    evaluation: c.evaluation_id == null ? null : (evaluationById.get(Number(c.evaluation_id)) ?? null),
    decisionNumber: str(c.decision_number),
    decisionDate: dateOnly(c.decision_date) ?? '',
    issuingLevel: str(c.issuing_level) as CouncilLevel,
    stars: Number(c.stars),
    issuedOn: dateOnly(c.issued_on) ?? '',
    expiresOn: dateOnly(c.expires_on) ?? '',
    status: str(c.status) as StoredCertificateStatus,
    revokedOn: dateOnly(c.revoked_on),
    revocationReason: optStr(c.revocation_reason),
  }));

  return {
    regions: [...regionById.values()],
    producers: [...producerById.values()],
    products: [...productById.values()],
    evaluations: [...evaluationById.values()],
    certificates,
  };
}
