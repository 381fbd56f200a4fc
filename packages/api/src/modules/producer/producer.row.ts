import type { RequiredEntityData } from '@mikro-orm/core';
import type { ProducerType } from '@ocop/domain';
import type { Link } from '../../db/base.entity.js';
import type { Region } from '../region/region.entity.js';
import type { Producer } from './producer.entity.js';

/**
 * A producer as checked input gives it, whoever checked it (an admin mutation or the importer):
 * the one place a producer's stored fields are listed, for its new row and for its audit entry.
 */
export interface ProducerValues {
  slug: string;
  name: string;
  type: ProducerType;
  representative: string;
  address: string;
  phone: string;
  email: string;
  website?: string | null;
  taxCode?: string | null;
}

function fields(p: ProducerValues) {
  return {
    slug: p.slug,
    name: p.name,
    type: p.type,
    representative: p.representative,
    address: p.address,
    phone: p.phone,
    email: p.email,
    website: p.website ?? null,
    taxCode: p.taxCode ?? null,
  };
}

/** The row of a new producer, for `em.create` (an admin mutation) and `insertMany` (an import) alike. */
export function producerRow(p: ProducerValues, region: Link<Region>): RequiredEntityData<Producer> {
  return { ...fields(p), region };
}

/** The fields of a producer the audit log records, before and after a change. */
export function producerAudit(p: ProducerValues, regionCode: string): Record<string, unknown> {
  return { ...fields(p), regionCode };
}
