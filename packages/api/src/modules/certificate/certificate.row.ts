import type { RequiredEntityData } from '@mikro-orm/core';
import { type CouncilLevel, certificateExpiry, type Stars, type StoredCertificateStatus } from '@ocop/domain';
import type { Link } from '../../db/base.entity.js';
import type { Evaluation } from '../evaluation/evaluation.entity.js';
import type { Product } from '../product/product.entity.js';
import type { Certificate } from './certificate.entity.js';

/**
 * A certificate as checked input gives it, whoever checked it (an admin mutation or the
 * importer): the one place a certificate's stored fields are listed, for its new row and for its
 * audit entry. Its expiry is the domain's to compute from the issue date, never given.
 */
export interface CertificateValues {
  number: string;
  decisionNumber: string;
  decisionDate: string;
  issuingLevel: CouncilLevel;
  stars: number;
  issuedOn: string;
  status: StoredCertificateStatus;
  revokedOn?: string | null;
  revocationReason?: string | null;
}

/** The row of a new certificate, for `em.create` (an admin mutation) and `insertMany` (an import) alike. */
export function certificateRow(
  c: CertificateValues,
  product: Link<Product>,
  evaluation: Link<Evaluation> | null,
): RequiredEntityData<Certificate> {
  return { number: c.number, product, evaluation, ...fields(c, certificateExpiry(c.issuedOn)) };
}

/** The fields of a certificate the audit log records (its expiry as stored), before and after a change. */
export function certificateAudit(
  c: CertificateValues & { expiresOn: string },
  productId: number,
  evaluationId: number | null,
): Record<string, unknown> {
  return { number: c.number, product: productId, evaluation: evaluationId, ...fields(c, c.expiresOn) };
}

function fields(c: CertificateValues, expiresOn: string) {
  return {
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    issuingLevel: c.issuingLevel,
    stars: c.stars as Stars,
    issuedOn: c.issuedOn,
    expiresOn,
    status: c.status,
    revokedOn: c.revokedOn ?? null,
    revocationReason: c.revocationReason ?? null,
  };
}
