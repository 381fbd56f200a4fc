import type { SqlEntityManager } from '@mikro-orm/knex';
import type { CouncilLevel, IsoDate, Stars, StoredCertificateStatus } from '@ocop/domain';
import { RowCache } from '../../cache/row-cache.js';
import { byKey, optStr, type Ref, type Row, rows, rowsByIds, Statement, str, type Typed } from '../../db/rows.js';

/** The certificate module's reads: certificates as plain views, by product, number or id. */

export interface CertificateView extends Typed<'Certificate'> {
  id: number;
  number: string;
  product: Ref;
  decisionNumber: string;
  decisionDate: string;
  issuingLevel: CouncilLevel;
  stars: Stars;
  issuedOn: string;
  expiresOn: string;
  status: StoredCertificateStatus;
  revokedOn?: string | null;
}

/** A certificate's columns, in the order toCertificateView reads them. */
export const CERTIFICATE_COLUMNS =
  'id, number, product_id, decision_number, decision_date, issuing_level, stars, issued_on, expires_on, status, revoked_on';

export function toCertificateView(r: Row): CertificateView {
  return {
    __typename: 'Certificate',
    id: Number(r.id),
    number: str(r.number),
    product: { id: Number(r.product_id) },
    decisionNumber: str(r.decision_number),
    decisionDate: str(r.decision_date),
    issuingLevel: r.issuing_level as CouncilLevel,
    stars: Number(r.stars) as Stars,
    issuedOn: str(r.issued_on),
    expiresOn: str(r.expires_on),
    status: r.status as StoredCertificateStatus,
    revokedOn: optStr(r.revoked_on),
  };
}

const certificateCache = new RowCache<CertificateView>('certificate rows');

/** The certificate that makes each product published today (ISSUED and within its dates), in the order asked. */
export async function activeCertificatesByProductIds(
  em: SqlEntityManager,
  productIds: readonly number[],
  today: IsoDate,
): Promise<(CertificateView | undefined)[]> {
  return certificateCache.many(
    em,
    productIds.map((id) => `${today}|${id}`),
    async (missing) => {
      const ids = missing.map((key) => Number(key.split('|')[1]));
      const list = await rowsByIds(
        em,
        'product_id',
        ids,
        (condition) =>
          `select ${CERTIFICATE_COLUMNS} from certificate where ${condition} and status = 'ISSUED' and issued_on <= ? and expires_on >= ?`,
        [today, today],
      );
      return byKey(list.map(toCertificateView), (c) => `${today}|${c.product.id}`);
    },
  );
}

/** Keeps a product's active certificate another query read on the way (the product page). */
export function primeActiveCertificate(
  em: SqlEntityManager,
  today: IsoDate,
  certificate: CertificateView,
  readAt: number,
): void {
  certificateCache.prime(em, `${today}|${certificate.product.id}`, certificate, readAt);
}

const BY_NUMBER = new Statement(`select ${CERTIFICATE_COLUMNS} from certificate where number = ?`);
const BY_ID = new Statement(`select ${CERTIFICATE_COLUMNS} from certificate where id = ?`);

/** A certificate by its normalised number, whatever its standing. */
export async function certificateByNumber(em: SqlEntityManager, number: string): Promise<CertificateView | null> {
  const [row] = await rows(em, BY_NUMBER, [number]);
  return row ? toCertificateView(row) : null;
}

/** A certificate by id, whatever its standing. */
export async function certificateById(em: SqlEntityManager, id: number): Promise<CertificateView | null> {
  const [row] = await rows(em, BY_ID, [id]);
  return row ? toCertificateView(row) : null;
}

/** Every certificate of a product, oldest first: the chain in which each replaced the one before. */
export async function certificatesOfProduct(em: SqlEntityManager, productId: number): Promise<CertificateView[]> {
  const list = await rows(
    em,
    `select ${CERTIFICATE_COLUMNS} from certificate where product_id = ? order by issued_on, id`,
    [productId],
  );
  return list.map(toCertificateView);
}
