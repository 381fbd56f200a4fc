import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  addDays,
  CERTIFICATE_FIELDS,
  checkIssuingLevel,
  ERROR_CODES,
  formatIsoDateEn,
  type IsoDate,
  isCertifiableStars,
  MIN_CERTIFIED_STARS,
  normalizeCertificateNumber,
} from '@ocop/domain';
import {
  type AuditTrail,
  checkNotBefore,
  checkPastDate,
  checkText,
  diff,
  findById,
  flushOrRefuse,
  Issues,
  refusal,
} from '../audit/mutation.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { Certificate } from './certificate.entity.js';
import { certificateAudit, certificateRow } from './certificate.row.js';
import type { IssueCertificateInput, RevokeCertificateInput } from './certificate.admin.inputs.js';

/** Longest window `expiringCertificates` looks ahead. */
export const MAX_EXPIRY_WINDOW_DAYS = 366;

/** The audited fields of a certificate. */
function snapshot(c: Certificate): Record<string, unknown> {
  return certificateAudit(c, c.product.id, c.evaluation?.id ?? null);
}

function duplicateNumber(number: string, holder?: Certificate) {
  return refusal([
    {
      field: 'number',
      code: ERROR_CODES.DUPLICATE_CERTIFICATE_NUMBER,
      message: holder
        ? `Certificate number ${number} is already taken by a certificate issued on ${formatIsoDateEn(holder.issuedOn)}. Every certificate has its own number: check the number on the decision.`
        : `Certificate number ${number} was saved by another request at the same moment. Check the number on the decision.`,
    },
  ]);
}

/** Issuing and revoking certificates, inside one audited transaction. */
export class CertificateAdminService {
  constructor(
    private readonly tx: EntityManager,
    private readonly audit: AuditTrail,
    private readonly today: IsoDate,
  ) {}

  /**
   * Issues a certificate from a FINAL evaluation of 3★ or more. The product's current ISSUED
   * certificate, if any, becomes SUPERSEDED in the same transaction (the database allows one
   * ISSUED certificate per product, so it is updated before the new one is inserted).
   */
  async issue(input: IssueCertificateInput): Promise<Certificate> {
    const issues = new Issues();
    const evaluation = await findById(
      issues,
      'evaluationId',
      input.evaluationId,
      'Evaluation',
      (id) => this.tx.findOne(Evaluation, id),
      'No evaluation has this ID. Use the `id` returned by recordEvaluation or listed by `evaluations(productId:)`.',
    );
    if (evaluation?.status === 'DRAFT') {
      issues.add(
        'evaluationId',
        ERROR_CODES.EVALUATION_NOT_FINAL,
        'This evaluation is still a DRAFT. Certificates are issued from the council’s final decision: finalise it with finaliseEvaluation first.',
      );
    } else if (evaluation && !isCertifiableStars(evaluation.stars)) {
      issues.add(
        'evaluationId',
        ERROR_CODES.STARS_NOT_CERTIFIABLE,
        `This evaluation scored ${evaluation.total} points (${evaluation.stars}★); only ${MIN_CERTIFIED_STARS}★ and above are certified OCOP products. The product can be improved and evaluated again.`,
      );
    } else if (evaluation) {
      const existing = await this.tx.findOne(Certificate, { evaluation: evaluation.id });
      if (existing) {
        issues.add(
          'evaluationId',
          ERROR_CODES.VALIDATION_FAILED,
          `Certificate ${existing.number} was already issued from this evaluation; a new certificate needs a new evaluation.`,
        );
      }
    }

    const number = normalizeCertificateNumber(input.number ?? '');
    if (!number) {
      issues.add(
        'number',
        ERROR_CODES.INVALID_CERTIFICATE_NUMBER,
        `"${String(input.number ?? '').slice(0, 60)}" is not a certificate number: use 3–40 letters, digits, dots, slashes and dashes, e.g. AG-OCOP-2026-0101.`,
      );
    } else {
      const holder = await this.tx.findOne(Certificate, { number });
      if (holder) issues.push(...duplicateNumber(number, holder).issues);
    }

    const decisionNumber = checkText(issues, 'decisionNumber', input.decisionNumber, {
      ...CERTIFICATE_FIELDS.decisionNumber,
      required: true,
    });
    const decisionDate = checkPastDate(issues, 'decisionDate', input.decisionDate, this.today, 'The decision date');
    const issuedOn =
      input.issuedOn === undefined || input.issuedOn === null
        ? decisionDate
        : checkPastDate(issues, 'issuedOn', input.issuedOn, this.today, 'The issue date');
    if (evaluation) {
      checkNotBefore(
        issues,
        'decisionDate',
        decisionDate,
        evaluation.evaluatedOn,
        (d, e) => `The decision date ${d} is before the evaluation it rests on (${e}); a decision follows the council.`,
      );
      if (decisionDate && !issues.has('decisionDate')) {
        const level = checkIssuingLevel(evaluation.councilLevel, decisionDate);
        if (!level.ok) issues.push(level.issue);
      }
    }
    if (decisionDate) {
      checkNotBefore(
        issues,
        'issuedOn',
        issuedOn,
        decisionDate,
        (i, d) => `The issue date ${i} is before the decision date ${d}; a certificate is issued by the decision.`,
      );
    }
    const previous = evaluation
      ? await this.tx.findOne(Certificate, { product: evaluation.product.id, status: 'ISSUED' })
      : null;
    if (previous && issuedOn && !issues.has('issuedOn')) {
      checkNotBefore(
        issues,
        'issuedOn',
        issuedOn,
        previous.issuedOn,
        (i, p) =>
          `The issue date ${i} is before that of the product’s current certificate ${previous.number} (${p}); a new certificate cannot predate the one it replaces.`,
      );
    }
    issues.throwIfAny();
    if (!evaluation || !number || !decisionNumber || !decisionDate || !issuedOn) {
      throw new Error('unreachable: checked above');
    }

    if (previous) {
      previous.status = 'SUPERSEDED';
      await this.tx.flush();
      this.audit.record('Certificate', previous.id, { status: { from: 'ISSUED', to: 'SUPERSEDED' } });
    }
    const certificate = this.tx.create(
      Certificate,
      certificateRow(
        {
          number,
          decisionNumber,
          decisionDate,
          issuingLevel: evaluation.councilLevel,
          stars: evaluation.stars,
          issuedOn,
          status: 'ISSUED',
        },
        evaluation.product.id,
        evaluation,
      ),
    );
    await flushOrRefuse(this.tx, (error) =>
      // PostgreSQL names the partial index; SQLite names its column.
      /one_issued|certificate\.product_id/.test(error.message)
        ? refusal([
            {
              field: 'evaluationId',
              code: ERROR_CODES.VALIDATION_FAILED,
              message:
                'Another certificate for this product was issued at the same moment. Check the product’s certificates and try again if this one should replace it.',
            },
          ])
        : duplicateNumber(number),
    );
    this.audit.record('Certificate', certificate.id, diff({}, snapshot(certificate)));
    return certificate;
  }

  /** Withdraws an ISSUED certificate with a reason; the product is unpublished at once. */
  async revoke(input: RevokeCertificateInput): Promise<Certificate> {
    const issues = new Issues();
    const certificate = await findById(
      issues,
      'certificateId',
      input.certificateId,
      'Certificate',
      (id) => this.tx.findOne(Certificate, id),
      'No certificate has this ID.',
    );
    if (certificate && certificate.status !== 'ISSUED') {
      issues.add(
        'certificateId',
        ERROR_CODES.VALIDATION_FAILED,
        `Certificate ${certificate.number} is ${certificate.status}, not in force; only an ISSUED certificate can be revoked.`,
      );
    }
    const reason = checkText(issues, 'reason', input.reason, { label: 'The reason', max: 2000, required: true });
    const revokedOn =
      input.revokedOn === undefined || input.revokedOn === null
        ? this.today
        : checkPastDate(issues, 'revokedOn', input.revokedOn, this.today, 'The revocation date');
    if (certificate) {
      checkNotBefore(
        issues,
        'revokedOn',
        revokedOn,
        certificate.issuedOn,
        (r, i) => `The revocation date ${r} is before the certificate was issued (${i}).`,
      );
    }
    issues.throwIfAny();
    if (!certificate || !reason || !revokedOn) throw new Error('unreachable: checked above');

    const before = snapshot(certificate);
    certificate.status = 'REVOKED';
    certificate.revokedOn = revokedOn;
    certificate.revocationReason = reason;
    this.audit.record('Certificate', certificate.id, diff(before, snapshot(certificate)));
    return certificate;
  }
}

/** Certificates valid today that expire within `withinDays` days, soonest first. */
export class ExpiringCertificates {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  private where(withinDays: number) {
    return {
      status: 'ISSUED' as const,
      issuedOn: { $lte: this.today },
      expiresOn: { $gte: this.today, $lte: addDays(this.today, withinDays) },
    };
  }

  count(withinDays: number): Promise<number> {
    return this.em.count(Certificate, this.where(withinDays));
  }

  list(withinDays: number, offset: number, limit: number): Promise<Certificate[]> {
    return this.em.find(Certificate, this.where(withinDays), {
      orderBy: { expiresOn: 'asc', id: 'asc' },
      offset,
      limit,
    });
  }
}
