import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type CertificateStatus,
  certificateStatus,
  formatIsoDateEn,
  type IsoDate,
  normalizeCertificateNumber,
} from '@ocop/domain';
import { Product } from '../product/product.entity.js';
import { Certificate } from './certificate.entity.js';
import { CertificateCheck, type CertificateCheckResult } from './certificate.types.js';

function viDate(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export function statusOf(
  certificate: Pick<Certificate, 'issuedOn' | 'expiresOn' | 'status'>,
  today: IsoDate,
): CertificateStatus {
  return certificateStatus(
    { issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn, stored: certificate.status },
    today,
  );
}

/** A buyer's check of a number printed on a package. Unknown or malformed numbers are results, not errors. */
export class CertificateService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  async check(query: string): Promise<CertificateCheck> {
    const number = normalizeCertificateNumber(query);
    const answer = (
      result: CertificateCheckResult,
      messageVi: string,
      messageEn: string,
      certificate: Certificate | null,
    ) => Object.assign(new CertificateCheck(), { query, number, result, messageVi, messageEn, certificate });
    if (!number) {
      return answer(
        'INVALID_NUMBER',
        'Đây không phải là số giấy chứng nhận OCOP. Hãy nhập số in trên bao bì, ví dụ KG-OCOP-2024-0123.',
        'This is not an OCOP certificate number. Type the number printed on the package, e.g. KG-OCOP-2024-0123.',
        null,
      );
    }
    const certificate = await this.em.findOne(Certificate, { number });
    if (!certificate) {
      return answer(
        'NOT_FOUND',
        `Không tìm thấy giấy chứng nhận số ${number}. Hãy kiểm tra lại số in trên bao bì; sản phẩm mang số không có trong danh mục có thể không phải sản phẩm OCOP.`,
        `No certificate numbered ${number} was found. Check the number on the package; a product carrying an unknown number may not be a certified OCOP product.`,
        null,
      );
    }
    const product = await this.em.findOneOrFail(Product, certificate.product.id);
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
        'Giấy chứng nhận này đã được thay bằng giấy chứng nhận mới hơn cho cùng sản phẩm; hãy kiểm tra số mới trên bao bì.',
        'This certificate was replaced by a newer one for the same product; check the newer number on the package.',
      ],
    };
    const [vi, en] = texts[status];
    return answer(status, vi, en, certificate);
  }
}
