import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type CertificateStatus,
  certificateStatus,
  formatIsoDateEn,
  type IsoDate,
  normalizeCertificateNumber,
} from '@ocop/domain';
import { productsByIds } from '../product/product.reader.js';
import {
  activeCertificatesByProductIds,
  type CertificateView,
  certificateById,
  certificateByNumber,
  certificatesOfProduct,
} from './certificate.reader.js';
import { CertificateCheck, type CertificateCheckResult } from './certificate.types.js';

function viDate(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export function statusOf(
  certificate: Pick<CertificateView, 'issuedOn' | 'expiresOn' | 'status'>,
  today: IsoDate,
): CertificateStatus {
  return certificateStatus(
    { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn, stored: certificate.status },
    today,
  );
}

/**
 * Certificates as the public reads them, and a buyer's check of a number printed on a package.
 * Unknown or malformed numbers are results, not errors.
 */
export class CertificateService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  /** A certificate by id, whatever its standing (certificates are public records). */
  byId(id: number): Promise<CertificateView | null> {
    return certificateById(this.em, id);
  }

  /** The certificate that makes each product published today, in the order asked (for the loaders). */
  activeFor(productIds: readonly number[]): Promise<(CertificateView | undefined)[]> {
    return activeCertificatesByProductIds(this.em, productIds, this.today);
  }

  async check(query: string): Promise<CertificateCheck> {
    const number = normalizeCertificateNumber(query);
    const answer = (
      result: CertificateCheckResult,
      messageVi: string,
      messageEn: string,
      certificate: CertificateView | null,
      latestCertificate: CertificateView | null = null,
    ) =>
      Object.assign(new CertificateCheck(), {
        query,
        number,
        result,
        messageVi,
        messageEn,
        certificate,
        latestCertificate,
      });
    if (!number) {
      return answer(
        'INVALID_NUMBER',
        'Đây không phải là số giấy chứng nhận OCOP. Hãy nhập số in trên bao bì, ví dụ KG-OCOP-2024-0123.',
        'This is not an OCOP certificate number. Type the number printed on the package, e.g. KG-OCOP-2024-0123.',
        null,
      );
    }
    const certificate = await certificateByNumber(this.em, number);
    if (!certificate) {
      return answer(
        'NOT_FOUND',
        `Không tìm thấy giấy chứng nhận số ${number}. Hãy kiểm tra lại số in trên bao bì; sản phẩm mang số không có trong danh mục có thể không phải sản phẩm OCOP.`,
        `No certificate numbered ${number} was found. Check the number on the package; a product carrying an unknown number may not be a certified OCOP product.`,
        null,
      );
    }
    const [product] = await productsByIds(this.em, [certificate.product.id]);
    if (!product) throw new Error(`Product ${certificate.product.id} of certificate ${certificate.id} is missing`);
    const stars = `${certificate.stars}★`;
    const status = statusOf(certificate, this.today);
    const texts: Record<CertificateStatus, [string, string]> = {
      VALID: [
        `Giấy chứng nhận hợp lệ: ${product.nameVi} đạt ${stars} OCOP, hiệu lực đến ${viDate(certificate.expiresOn)}.`,
        `Valid certificate: ${product.nameEn ?? product.nameVi} is a ${stars} OCOP product until ${formatIsoDateEn(certificate.expiresOn)}.`,
      ],
      NOT_YET_VALID: [
        `Giấy chứng nhận có hiệu lực từ ${viDate(certificate.issuedOn)}.`,
        `This certificate takes effect on ${formatIsoDateEn(certificate.issuedOn)}.`,
      ],
      EXPIRED: [
        `Giấy chứng nhận đã hết hạn ngày ${viDate(certificate.expiresOn)}; sản phẩm không còn được công nhận OCOP theo số này.`,
        `This certificate expired on ${formatIsoDateEn(certificate.expiresOn)}; the product is no longer certified under this number.`,
      ],
      REVOKED: [
        'Giấy chứng nhận này đã bị thu hồi; sản phẩm không còn được công nhận OCOP theo số này.',
        'This certificate has been revoked; the product is no longer certified under this number.',
      ],
      SUPERSEDED: [
        'Giấy chứng nhận này đã được thay bằng giấy chứng nhận mới hơn cho cùng sản phẩm.',
        'This certificate was replaced by a newer one for the same product.',
      ],
    };
    if (status === 'SUPERSEDED') {
      const newer = await this.newerThan(certificate);
      const [vi, en] = this.supersededTexts(newer);
      return answer(status, vi, en, certificate, newer.at(-1) ?? null);
    }
    const [vi, en] = texts[status];
    return answer(status, vi, en, certificate);
  }

  /** The product's certificates issued after `certificate`, oldest first: the chain that replaced it. */
  private async newerThan(certificate: CertificateView): Promise<CertificateView[]> {
    const all = await certificatesOfProduct(this.em, certificate.product.id);
    return all.slice(all.findIndex((c) => c.id === certificate.id) + 1);
  }

  /**
   * What a buyer holding a superseded number must know: not merely that a newer certificate
   * exists, but whether the newest one, which decides if the product is certified today, is
   * valid, revoked or expired.
   */
  private supersededTexts(newer: CertificateView[]): [string, string] {
    const first = newer[0];
    const latest = newer.at(-1);
    if (!first || !latest) {
      return [
        'Giấy chứng nhận này đã được thay thế, nhưng danh mục không có giấy chứng nhận mới hơn cho sản phẩm: sản phẩm không được công nhận OCOP theo số này.',
        'This certificate was replaced, but the catalog holds no newer certificate for the product: it is not a certified OCOP product under this number.',
      ];
    }
    const viaVi = first === latest ? first.number : `${first.number}, sau đó bằng số ${latest.number}`;
    const viaEn = first === latest ? first.number : `${first.number}, and later by ${latest.number}`;
    const vi = `Giấy chứng nhận này đã được thay bằng giấy chứng nhận số ${viaVi}`;
    const en = `This certificate was replaced by certificate ${viaEn}`;
    const noLonger: [string, string] = [
      'sản phẩm không còn được công nhận OCOP.',
      'the product is no longer a certified OCOP product.',
    ];
    switch (statusOf(latest, this.today)) {
      case 'VALID':
        return [
          `${vi}, còn hiệu lực đến ${viDate(latest.expiresOn)}: sản phẩm được công nhận OCOP theo số đó.`,
          `${en}, valid until ${formatIsoDateEn(latest.expiresOn)}: the product is a certified OCOP product under that number.`,
        ];
      case 'REVOKED':
        return [
          `${vi}, nhưng giấy đó sau đó đã bị thu hồi: ${noLonger[0]}`,
          `${en}, which was later revoked: ${noLonger[1]}`,
        ];
      case 'EXPIRED':
        return [
          `${vi}, nhưng giấy đó đã hết hạn ngày ${viDate(latest.expiresOn)}: ${noLonger[0]}`,
          `${en}, which expired on ${formatIsoDateEn(latest.expiresOn)}: ${noLonger[1]}`,
        ];
      case 'NOT_YET_VALID':
        return [
          `${vi}, có hiệu lực từ ${viDate(latest.issuedOn)}.`,
          `${en}, which takes effect on ${formatIsoDateEn(latest.issuedOn)}.`,
        ];
      case 'SUPERSEDED':
        // Only inconsistent data leaves the newest certificate superseded: say no more than is known.
        return [`${vi}, và giấy đó cũng đã được thay thế.`, `${en}, which was itself replaced.`];
    }
  }
}
