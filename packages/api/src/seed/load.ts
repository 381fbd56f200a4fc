import { type EntityManager, ref } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { certificateExpiry, checkTrade, type IsoDate, scoreEvaluation, todayInVietnam } from '@ocop/domain';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImageSettings, REPO_ROOT } from '../config.js';
import { syncPublicState } from '../modules/feed/feed.service.js';
import { storeImage } from '../modules/image/image.store.js';
import { photoRecord } from '../modules/image/photo.service.js';
import type { ProductImage } from '../modules/product/product.entity.js';
import { Certificate } from '../modules/certificate/certificate.entity.js';
import { Evaluation } from '../modules/evaluation/evaluation.entity.js';
import { Producer } from '../modules/producer/producer.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { ProgramTarget } from '../modules/program/program-target.entity.js';
import { Region } from '../modules/region/region.entity.js';
import type { SeedCatalog, SeedRegion } from './seed.types.js';

/** Where the sample photos are, and where their copies go (without it, photos are left out). */
export interface LoadOptions {
  images?: ImageSettings;
  photosDir?: string;
}

export const SAMPLE_PHOTOS_DIR = join(REPO_ROOT, 'packages/api/seed-photos');

export interface LoadSummary {
  regions: number;
  producers: number;
  products: number;
  evaluations: number;
  certificates: number;
  targets: number;
  photos: number;
}

/** Parents before children, so every region's materialised path can be computed on the way. */
function orderRegions(regions: SeedRegion[]): SeedRegion[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const depth = (r: SeedRegion, seen = new Set<string>()): number => {
    if (!r.parentCode) return 0;
    if (seen.has(r.code)) throw new Error(`Region ${r.code} is its own ancestor`);
    seen.add(r.code);
    const parent = byCode.get(r.parentCode);
    if (!parent) throw new Error(`Region ${r.code} names an unknown parent ${r.parentCode}`);
    return depth(parent, seen) + 1;
  };
  return [...regions].sort((a, b) => depth(a) - depth(b));
}

/**
 * Writes a seed catalog in one transaction: all of it or nothing. Totals, stars and expiry
 * dates are computed here by the domain rules, never taken from the seed.
 */
export async function loadCatalog(
  em: EntityManager,
  catalog: SeedCatalog,
  today: IsoDate = todayInVietnam(new Date()),
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const summary: LoadSummary = {
    regions: 0,
    producers: 0,
    products: 0,
    evaluations: 0,
    certificates: 0,
    targets: 0,
    photos: 0,
  };
  // Photos are checked and resized like uploads, before the transaction (CPU, not the database).
  const photos = new Map<string, ProductImage[]>();
  if (options.images) {
    for (const p of catalog.products) {
      const records: ProductImage[] = [];
      for (const photo of p.photos ?? []) {
        const bytes = await readFile(join(options.photosDir ?? SAMPLE_PHOTOS_DIR, photo.file));
        const image = await storeImage(bytes, options.images, photo.file);
        records.push(photoRecord({ image, altVi: photo.altVi, altEn: photo.altEn }));
      }
      if (records.length) photos.set(p.slug, records);
    }
  }
  await em.transactional(async (tx) => {
    const regions = new Map<string, Region>();
    for (const r of orderRegions(catalog.regions)) {
      const parent = r.parentCode ? regions.get(r.parentCode) : undefined;
      const region = tx.create(Region, {
        code: r.code,
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        level: r.level,
        kind: r.kind,
        parent,
        path: `${parent?.path ?? '/'}${r.code}/`,
        validFrom: r.validFrom,
        validTo: r.validTo,
      });
      regions.set(r.code, region);
    }
    for (const r of catalog.regions) {
      const successor = r.successorCode ? regions.get(r.successorCode) : undefined;
      if (r.successorCode && !successor) throw new Error(`Region ${r.code} names unknown successor ${r.successorCode}`);
      if (successor) regions.get(r.code)!.successor = ref(successor);
    }
    summary.regions = regions.size;
    const regionOf = (code: string, what: string): Region => {
      const region = regions.get(code);
      if (!region) throw new Error(`${what} names unknown region ${code}`);
      return region;
    };

    const producers = new Map<string, Producer>();
    for (const p of catalog.producers) {
      producers.set(
        p.slug,
        tx.create(Producer, {
          slug: p.slug,
          name: p.name,
          type: p.type,
          representative: p.representative,
          address: p.address,
          region: regionOf(p.regionCode, `Producer ${p.slug}`),
          phone: p.phone,
          email: p.email,
          website: p.website,
          taxCode: p.taxCode,
        }),
      );
    }
    summary.producers = producers.size;

    for (const p of catalog.products) {
      const producer = producers.get(p.producerSlug);
      if (!producer) throw new Error(`Product ${p.slug} names unknown producer ${p.producerSlug}`);
      const trade = p.trade ? checkTrade(p.trade, null) : undefined;
      if (trade?.issues.length) {
        throw new Error(`Product ${p.slug}'s trade information: ${trade.issues.map((i) => i.message).join(' ')}`);
      }
      const product = tx.create(Product, {
        slug: p.slug,
        nameVi: p.nameVi,
        nameEn: p.nameEn,
        category: p.category,
        region: regionOf(p.regionCode, `Product ${p.slug}`),
        producer,
        cycleStage: p.cycleStage,
        descriptionVi: p.descriptionVi,
        descriptionEn: p.descriptionEn,
        storyVi: p.storyVi,
        storyEn: p.storyEn,
        images: [...p.images, ...(photos.get(p.slug) ?? [])],
        trade: trade?.trade ?? null,
      });
      summary.products++;
      summary.photos += photos.get(p.slug)?.length ?? 0;
      let previous: Certificate | undefined;
      for (const e of p.evaluations) {
        const { total, stars } = scoreEvaluation(e.criteriaVersion, e);
        const evaluation = tx.create(Evaluation, {
          product,
          councilLevel: e.councilLevel,
          criteriaVersion: e.criteriaVersion,
          evaluatedOn: e.evaluatedOn,
          scoreA: e.scoreA,
          scoreB: e.scoreB,
          scoreC: e.scoreC,
          total,
          stars,
          status: e.status,
          finalisedAt: e.status === 'FINAL' ? new Date(`${e.evaluatedOn}T00:00:00Z`) : undefined,
        });
        summary.evaluations++;
        if (!e.certificate) continue;
        const c = e.certificate;
        if (previous && previous.status === 'ISSUED') previous.status = 'SUPERSEDED';
        previous = tx.create(Certificate, {
          number: c.number,
          product,
          evaluation,
          decisionNumber: c.decisionNumber,
          decisionDate: c.decisionDate,
          issuingLevel: e.councilLevel,
          stars,
          issuedOn: c.issuedOn,
          expiresOn: certificateExpiry(c.issuedOn),
          status: c.revokedOn ? 'REVOKED' : 'ISSUED',
          revokedOn: c.revokedOn,
          revocationReason: c.revocationReason,
        });
        summary.certificates++;
      }
    }
    for (const t of catalog.targets) {
      tx.create(ProgramTarget, { ...t });
      summary.targets++;
    }
    await tx.flush();
    // The loaded catalog's published products open the change feed, in the same transaction.
    await syncPublicState(tx as SqlEntityManager, today, { all: true });
  });
  // Fresh planner statistics after a bulk load: without them PostgreSQL picks nested loops over
  // thousands of rows and SQLite guesses index selectivity (a 20,000-product catalog went from
  // seconds to milliseconds per page).
  await em.getConnection().execute('analyze');
  return summary;
}
