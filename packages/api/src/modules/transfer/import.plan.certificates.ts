import {
  certificateExpiry,
  certificateExpiryCountingIssueDay,
  certificateStatus,
  checkAward,
  checkIssuingLevel,
  compareIsoDates,
  isCertifiableStars,
  type IsoDate,
  normalizeCertificateNumber,
  type Stars,
} from '@ocop/domain';
import type { CertificateNode, EvaluationNode, ProductNode } from './import.model.js';
import type { EvaluationPlanner } from './import.plan.evaluations.js';
import type { Counts, ImportPlan } from './import.plan.js';
import { changedFields, type PlanLedger } from './import.plan.ledger.js';
import type { ProductPlanner } from './import.plan.products.js';
import { LENGTH, pastDate, pushTo, quote, type RowCheck } from './import.plan.rows.js';
import { parseCertificateStatus, parseCouncilLevel, parseDate, parseStars } from './values.js';

/**
 * Plans the rows of a certificates file, then settles what the whole input decides together:
 * which certificate of a product stays ISSUED, and the cycle stage of new products.
 */
export class CertificatePlanner {
  private readonly certificateByNumber = new Map<string, CertificateNode>();
  private readonly certificatesOf = new Map<ProductNode, CertificateNode[]>();
  private readonly certifiedEvaluations = new Set<EvaluationNode>();
  private readonly touchedCertificateProducts = new Set<ProductNode>();
  /** Stored statuses of the catalog's certificates that the input names. */
  private readonly storedStatus = new Map<CertificateNode, string>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly ledger: PlanLedger,
    private readonly products: ProductPlanner,
    private readonly evaluations: EvaluationPlanner,
    private readonly today: IsoDate,
  ) {}

  indexCertificate(c: CertificateNode): void {
    this.certificateByNumber.set(c.number, c);
    pushTo(this.certificatesOf, c.product, c);
    if (c.evaluation) this.certifiedEvaluations.add(c.evaluation);
  }

  private readonly certificateNumbersInFile = new Map<string, string>();

  planCertificate(check: RowCheck, counts: Counts): void {
    const rawNumber = check.required('number', 'every certificate has a number');
    const number = rawNumber === undefined ? undefined : normalizeCertificateNumber(rawNumber);
    if (rawNumber !== undefined && number === null) {
      check.problem(
        'number',
        `${quote(rawNumber)} is not a certificate number: 3–40 letters, digits, '-', '/' or '.', as printed on the certificate (e.g. KG-OCOP-2024-0123).`,
      );
    }
    if (number) {
      const earlier = this.certificateNumbersInFile.get(number);
      if (earlier) {
        check.problem(
          'number',
          `duplicate certificate number ${number}: it is already on ${earlier}; each certificate appears once.`,
        );
      } else this.certificateNumbersInFile.set(number, check.where);
    }
    const product = this.products.productCell(check);
    const stars = check.parse('stars', parseStars, 'every certificate has its stars (3, 4 or 5)');
    if (stars !== undefined && !isCertifiableStars(stars)) {
      check.problem(
        'stars',
        `${stars}★ is not certified: only 3★, 4★ and 5★ results earn a certificate (record a ${stars}★ result in evaluations.csv).`,
      );
    }
    const issuingLevel = check.parse(
      'issuing_level',
      parseCouncilLevel,
      'every certificate names the council level that awarded it',
    );
    const decisionNumber = check.required(
      'decision_number',
      'every certificate cites its decision, e.g. 1342/QĐ-UBND',
      LENGTH.decisionNumber,
    );
    const decisionDate = pastDate(check, this.today, 'decision_date', 'every certificate has the date of its decision');
    const issuedOn =
      check.has('issued_on') && check.text('issued_on') !== ''
        ? pastDate(check, this.today, 'issued_on')
        : decisionDate;
    const expiresOn = issuedOn ? certificateExpiry(issuedOn) : undefined;
    const givenExpiry = check.parse('expires_on', parseDate);
    if (givenExpiry && issuedOn && expiresOn && givenExpiry !== expiresOn) {
      // Exports made before the catalog followed the Civil Code carry the day before: that
      // date can only mean this certificate, so it is corrected (and reported), not refused.
      if (givenExpiry === certificateExpiryCountingIssueDay(issuedOn)) {
        this.noteCorrectedExpiry(check, givenExpiry, expiresOn);
      } else {
        check.problem(
          'expires_on',
          `${givenExpiry} is not the expiry of a certificate issued on ${issuedOn}: a certificate is valid for 36 months after its issue day, through ${expiresOn} (Civil Code 2015, arts. 147–148). Leave the column empty and it is computed.`,
        );
      }
    }
    const revokedOn = pastDate(check, this.today, 'revoked_on') ?? null;
    const revocationReason = check.optional('revocation_reason') ?? null;
    const status = check.parse('status', parseCertificateStatus) ?? (revokedOn ? 'REVOKED' : 'ISSUED');
    if (status === 'REVOKED' && !revokedOn)
      check.problem('revoked_on', 'empty, but a REVOKED certificate needs the date it was revoked.');
    if (status !== 'REVOKED' && (revokedOn || revocationReason)) {
      check.problem('status', `${status}, but the row has a revocation date or reason; write REVOKED or clear them.`);
    }
    if (revokedOn && issuedOn && compareIsoDates(revokedOn, issuedOn) < 0) {
      check.problem('revoked_on', `${revokedOn} is before the issue date ${issuedOn}.`);
    }
    const levelOnDecision = issuingLevel && decisionDate ? checkIssuingLevel(issuingLevel, decisionDate) : undefined;
    if (levelOnDecision && !levelOnDecision.ok) {
      check.problem('decision_date', levelOnDecision.issue.message);
    } else if (issuingLevel && stars && isCertifiableStars(stars) && decisionDate) {
      const award = checkAward(issuingLevel, stars as Stars, decisionDate);
      if (!award.ok) check.problem(award.issue.field === 'stars' ? 'stars' : 'issuing_level', award.issue.message);
    }
    const evaluatedOn = check.parse('evaluated_on', parseDate);
    const existing = number ? this.certificateByNumber.get(number) : undefined;
    if (existing && product && existing.product !== product) {
      check.problem(
        'number',
        `duplicate certificate number ${number}: the catalog already has it for ${quote(existing.product.slug)}; certificate numbers are unique.`,
      );
    }
    if (
      check.bad ||
      !number ||
      !product ||
      !stars ||
      !issuingLevel ||
      !decisionNumber ||
      !decisionDate ||
      !issuedOn ||
      !expiresOn
    )
      return;

    const evaluation = this.linkEvaluation(
      check,
      existing ?? null,
      product,
      issuingLevel,
      stars,
      decisionDate,
      evaluatedOn,
    );
    if (evaluation === false) return;
    const values = {
      decisionNumber,
      decisionDate,
      issuingLevel,
      stars,
      issuedOn,
      expiresOn,
      status,
      revokedOn: status === 'REVOKED' ? revokedOn : null,
      revocationReason: status === 'REVOKED' ? revocationReason : null,
    };
    this.touchedCertificateProducts.add(product);
    if (existing) {
      if (existing.id !== undefined && !this.storedStatus.has(existing))
        this.storedStatus.set(existing, existing.status);
      const fields = changedFields(existing, values);
      if (existing.evaluation !== evaluation) {
        fields.add('evaluation');
        if (existing.evaluation) this.certifiedEvaluations.delete(existing.evaluation);
        existing.evaluation = evaluation;
      }
      Object.assign(existing, values);
      if (evaluation) this.certifiedEvaluations.add(evaluation);
      this.ledger.record(this.plan.certificates, existing, fields, counts);
      return;
    }
    const node: CertificateNode = { number, product, evaluation, ...values };
    if (evaluation) this.certifiedEvaluations.add(evaluation);
    this.certificateByNumber.set(number, node);
    pushTo(this.certificatesOf, product, node);
    this.plan.certificates.creates.push(node);
    counts.created++;
  }

  /** Per file: how many expiry dates were corrected from the old count, and the first one. */
  private readonly correctedExpiries = new Map<string, { count: number; example: string }>();

  private noteCorrectedExpiry(check: RowCheck, given: IsoDate, corrected: IsoDate): void {
    const file = check.file;
    const seen = this.correctedExpiries.get(file);
    if (seen) seen.count++;
    else this.correctedExpiries.set(file, { count: 1, example: `${check.place}: ${given} → ${corrected}` });
  }

  noteCorrections(): void {
    for (const [file, { count, example }] of this.correctedExpiries) {
      const what = count === 1 ? '1 expiry date was' : `${count.toLocaleString('en')} expiry dates were`;
      this.plan.notes.push(
        `${file}: ${what} one day early, counted with the issue day included as this catalog did before it followed the Civil Code 2015 (arts. 147–148: the issue day is not counted); each is taken as the Civil Code date instead, e.g. ${example}.`,
      );
    }
  }

  /**
   * The FINAL evaluation a certificate was issued from: the one named by `evaluated_on`, else
   * the one it already has, else the latest FINAL evaluation of the product by the same council
   * level with the same stars, on or before the decision, and not behind another certificate.
   * Null when there is none (a certificate recorded from its decision alone); false on a problem.
   */
  private linkEvaluation(
    check: RowCheck,
    existing: CertificateNode | null,
    product: ProductNode,
    level: string,
    stars: number,
    decisionDate: string,
    evaluatedOn: string | undefined,
  ): EvaluationNode | null | false {
    const candidates = (this.evaluations.evaluationsOf.get(product) ?? []).filter((e) => e.councilLevel === level);
    if (evaluatedOn) {
      const named = candidates.find((e) => e.evaluatedOn === evaluatedOn);
      if (!named) {
        check.problem(
          'evaluated_on',
          `${quote(product.slug)} has no ${level.toLowerCase()} council evaluation on ${evaluatedOn}; import it in evaluations.csv first or together, or leave the column empty.`,
        );
        return false;
      }
      if (named.status !== 'FINAL') {
        check.problem(
          'evaluated_on',
          `the evaluation of ${evaluatedOn} is a DRAFT; only a FINAL evaluation issues a certificate.`,
        );
        return false;
      }
      if (named.stars !== stars) {
        check.problem(
          'stars',
          `${stars}★, but the evaluation of ${evaluatedOn} scored ${named.total} points, which is ${named.stars}★.`,
        );
        return false;
      }
      if (this.certifiedEvaluations.has(named) && existing?.evaluation !== named) {
        check.problem('evaluated_on', `the evaluation of ${evaluatedOn} already issued another certificate.`);
        return false;
      }
      return named;
    }
    if (existing?.evaluation) return existing.evaluation;
    const free = candidates
      .filter(
        (e) =>
          e.status === 'FINAL' &&
          e.stars === stars &&
          compareIsoDates(e.evaluatedOn, decisionDate) <= 0 &&
          !this.certifiedEvaluations.has(e),
      )
      .sort((a, b) => compareIsoDates(b.evaluatedOn, a.evaluatedOn));
    return free[0] ?? null;
  }

  /**
   * At most one certificate per product is ISSUED: the latest one. A newer certificate in the
   * input supersedes the product's older ISSUED one, whether that is in the file or the catalog.
   * A list that writes every certificate as issued (as lists do) therefore re-imports unchanged.
   */
  settleIssuedCertificates(): void {
    for (const product of this.touchedCertificateProducts) {
      const issued = (this.certificatesOf.get(product) ?? []).filter((c) => c.status === 'ISSUED');
      if (issued.length < 2) continue;
      issued.sort((a, b) => compareIsoDates(b.issuedOn, a.issuedOn) || (b.number < a.number ? -1 : 1));
      for (const older of issued.slice(1)) {
        older.status = 'SUPERSEDED';
        if (older.id !== undefined && !this.ledger.changeLater(this.plan.certificates, older, 'status')) {
          this.plan.superseded++;
        }
      }
    }
    // A status the input set and the rule above set back is no change at all.
    this.plan.certificates.updates = this.plan.certificates.updates.filter((u) => {
      const stored = this.storedStatus.get(u.node);
      if (stored === undefined || stored !== u.node.status) return true;
      u.fields.delete('status');
      if (u.fields.size > 0) return true;
      const counts = this.ledger.countsOf.get(u.node);
      if (counts) {
        counts.updated--;
        counts.unchanged++;
      }
      return false;
    });
  }

  /** A new product without a cycle stage is in PROMOTION while it holds a valid certificate. */
  settleDefaultStages(): void {
    for (const product of this.products.stageFromCertificates) {
      const valid = (this.certificatesOf.get(product) ?? []).some(
        (c) =>
          certificateStatus({ issuedOn: c.issuedOn, expiresOn: c.expiresOn, stored: c.status }, this.today) === 'VALID',
      );
      product.cycleStage = valid ? 'PROMOTION' : 'PRODUCTION';
    }
  }
}
