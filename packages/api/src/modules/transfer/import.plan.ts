import {
  type CertificationChange,
  checkTrade,
  isTradeEmpty,
  parseCertificationsCell,
  parseCountryCodes,
  parseDays,
  parseExportReadiness,
  parseVnd,
  TRADE_COLUMNS,
  type TradeChanges,
  certificateExpiry,
  certificateExpiryCountingIssueDay,
  certificateStatus,
  checkAward,
  checkCriteriaVersion,
  checkIssuingLevel,
  compareIsoDates,
  criteriaVersionOn,
  ERROR_CODES,
  isCertifiableStars,
  type IsoDate,
  normalizeCertificateNumber,
  type PartScores,
  type RegionLevel,
  regionFullName,
  type Stars,
  scoreEvaluation,
  slugify,
  validateScores,
} from '@ocop/domain';
import type { TransferKind } from './formats.js';
import type {
  CertificateNode,
  EvaluationNode,
  ProducerNode,
  ProductNode,
  RegionNode,
  Snapshot,
} from './import.model.js';
import type { Problem, SourceRow, SourceTable } from './import.sources.js';
import {
  cleanText,
  foldKey,
  LENGTH,
  type Parsed,
  parseCategory,
  parseCertificateStatus,
  parseCouncilLevel,
  parseCriteriaVersion,
  parseCycleStage,
  parseDate,
  parseEmail,
  parseEvaluationStatus,
  parsePhone,
  parseProducerType,
  parseRegionKind,
  parseRegionLevel,
  parseScore,
  parseSlug,
  parseStars,
  parseTaxCode,
  parseWebsite,
} from './values.js';

/**
 * Checks every row of every file against the database and the rest of the input, and works out
 * what an import would change: which rows create a record, which update one (and which fields),
 * which change nothing. Nothing is written here; the plan is written only when it has no problem.
 * Every rule comes from the domain package: scores and stars, award rules, expiry dates,
 * certificate numbers, slugs.
 */

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Update<N> {
  node: N;
  fields: Set<string>;
}

export interface KindPlan<N> {
  creates: N[];
  updates: Update<N>[];
}

export interface ImportPlan {
  problems: Problem[];
  /** Remarks that are not problems, e.g. expiry dates the import corrected. */
  notes: string[];
  regions: KindPlan<RegionNode>;
  producers: KindPlan<ProducerNode>;
  products: KindPlan<ProductNode>;
  evaluations: KindPlan<EvaluationNode>;
  certificates: KindPlan<CertificateNode>;
  /** Per input table, in input order. */
  counts: { table: SourceTable; counts: Counts }[];
  /** Certificates already in the database that a newer imported one superseded. */
  superseded: number;
}

export interface PlanOptions {
  /** The calendar day in Vietnam: no date may be later, and it decides which certificate is valid. */
  today: IsoDate;
  /** Called every few hundred rows. */
  onRow?: (done: number) => void;
}

/** One row being checked: reads its cells and records its problems. */
class RowCheck {
  bad = false;

  constructor(
    private readonly row: SourceRow,
    private readonly table: SourceTable,
    private readonly problems: Problem[],
  ) {}

  get where(): string {
    return this.row.where;
  }

  /** The file the row is in, as named on the command line. */
  get file(): string {
    return this.table.file;
  }

  /** Where the row is within its file: "line 12" in a CSV file, its path in a JSON document. */
  get place(): string {
    return this.row.line > 0 ? `line ${this.row.line}` : this.row.where;
  }

  has(key: string): boolean {
    return this.row.values.has(key);
  }

  text(key: string): string {
    return this.row.values.get(key) ?? '';
  }

  problem(key: string | undefined, message: string): void {
    this.bad = true;
    this.problems.push({
      where: this.row.where,
      ...(key ? { column: this.table.headerOf.get(key) ?? key } : {}),
      message,
    });
  }

  /** The cell, or undefined (with a problem) when it is empty or too long. */
  required(key: string, why: string, maxLength?: number): string | undefined {
    const value = this.text(key);
    if (value === '') {
      this.problem(key, `empty, but ${why}.`);
      return undefined;
    }
    return this.checkLength(key, value, maxLength);
  }

  /** The cell, or null when empty; undefined (with a problem) when too long. */
  optional(key: string, maxLength?: number): string | null | undefined {
    const value = this.text(key);
    if (value === '') return null;
    return this.checkLength(key, value, maxLength);
  }

  private checkLength(key: string, value: string, maxLength?: number): string | undefined {
    if (maxLength !== undefined && value.length > maxLength) {
      this.problem(key, `${value.length} characters long; at most ${maxLength} fit. Shorten it.`);
      return undefined;
    }
    return value;
  }

  /** A parsed cell; undefined when empty (a problem too if `required`) or invalid. */
  parse<T>(key: string, parser: (text: string) => Parsed<T>, required?: string): T | undefined {
    const value = this.text(key);
    if (value === '') {
      if (required) this.problem(key, `empty, but ${required}.`);
      return undefined;
    }
    const parsed = parser(value);
    if (!parsed.ok) {
      this.problem(key, `${parsed.message}.`);
      return undefined;
    }
    return parsed.value;
  }
}

/** Which fields of `node` differ from `next`; dates, numbers and strings compare by value. */
function changedFields<N extends object>(node: N, next: Partial<N>): Set<string> {
  const changed = new Set<string>();
  for (const [key, value] of Object.entries(next)) {
    const current = (node as Record<string, unknown>)[key];
    const same =
      current === value ||
      (current == null && value == null) ||
      (typeof value === 'object' && value !== null && JSON.stringify(current) === JSON.stringify(value));
    if (!same) changed.add(key);
  }
  return changed;
}

/** A many-valued index: folded name → nodes. */
class NameIndex<N> {
  private readonly map = new Map<string, N[]>();

  add(name: string, node: N): void {
    const key = foldKey(name);
    if (key === '') return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [node]);
    else if (!list.includes(node)) list.push(node);
  }

  get(name: string): N[] {
    return this.map.get(foldKey(name)) ?? [];
  }
}

/** The levels a kind word in front of a name points to. */
const REGION_LEVEL_OF_PREFIX: Record<string, RegionLevel[]> = {
  'thanh pho': ['PROVINCE', 'DISTRICT'],
  tp: ['PROVINCE', 'DISTRICT'],
  'thi xa': ['DISTRICT'],
  huyen: ['DISTRICT'],
  quan: ['DISTRICT'],
  xa: ['COMMUNE'],
  phuong: ['COMMUNE'],
  'thi tran': ['COMMUNE'],
  'dac khu': ['COMMUNE'],
  tinh: ['PROVINCE'],
};

function quote(text: string): string {
  return `"${text}"`;
}

export class ImportPlanner {
  readonly problems: Problem[] = [];
  private readonly plan: ImportPlan;
  private rowsDone = 0;

  private readonly regionByCode = new Map<string, RegionNode>();
  private readonly regionByName = new NameIndex<RegionNode>();

  private readonly producerBySlug = new Map<string, ProducerNode>();
  private readonly producerByTax = new Map<string, ProducerNode>();
  private readonly producerByNameAddress = new Map<string, ProducerNode>();
  private readonly producerByName = new NameIndex<ProducerNode>();
  /** Producers named by rows that had problems: products naming them get a precise message. */
  private readonly failedProducers = new Map<string, string>();

  private readonly productBySlug = new Map<string, ProductNode>();
  private readonly productByName = new NameIndex<ProductNode>();
  private readonly failedProducts = new Map<string, string>();

  private readonly evaluationsOf = new Map<ProductNode, EvaluationNode[]>();
  private readonly certificateByNumber = new Map<string, CertificateNode>();
  private readonly certificatesOf = new Map<ProductNode, CertificateNode[]>();
  private readonly certifiedEvaluations = new Set<EvaluationNode>();
  /** Products whose default cycle stage is decided once their certificates are known. */
  private readonly stageFromCertificates = new Set<ProductNode>();
  private readonly touchedCertificateProducts = new Set<ProductNode>();
  /** The table each existing row was counted in, to recount it when a later step changes it. */
  private readonly countsOf = new Map<object, Counts>();
  private readonly updateOf = new Map<object, Update<object>>();
  /** Stored statuses of the catalog's certificates that the input names. */
  private readonly storedStatus = new Map<CertificateNode, string>();

  constructor(
    snapshot: Snapshot,
    private readonly options: PlanOptions,
  ) {
    this.plan = {
      problems: this.problems,
      notes: [],
      regions: { creates: [], updates: [] },
      producers: { creates: [], updates: [] },
      products: { creates: [], updates: [] },
      evaluations: { creates: [], updates: [] },
      certificates: { creates: [], updates: [] },
      counts: [],
      superseded: 0,
    };
    for (const r of snapshot.regions) this.indexRegion(r);
    for (const p of snapshot.producers) this.indexProducer(p);
    for (const p of snapshot.products) this.indexProduct(p);
    for (const e of snapshot.evaluations) this.push(this.evaluationsOf, e.product, e);
    for (const c of snapshot.certificates) {
      this.certificateByNumber.set(c.number, c);
      this.push(this.certificatesOf, c.product, c);
      if (c.evaluation) this.certifiedEvaluations.add(c.evaluation);
    }
  }

  private push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  /** Plans every table (they must come in kind order) and returns the plan. */
  planAll(tables: SourceTable[]): ImportPlan {
    const planners: Record<TransferKind, (check: RowCheck, row: SourceRow, counts: Counts) => void> = {
      regions: (c, _r, n) => this.planRegion(c, n),
      producers: (c, _r, n) => this.planProducer(c, n),
      products: (c, r, n) => this.planProduct(c, r, n),
      evaluations: (c, _r, n) => this.planEvaluation(c, n),
      certificates: (c, _r, n) => this.planCertificate(c, n),
    };
    for (const table of tables) {
      const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
      this.plan.counts.push({ table, counts });
      const rows = table.kind === 'regions' ? this.parentsFirst(table.rows) : table.rows;
      for (const row of rows) {
        planners[table.kind](new RowCheck(row, table, this.problems), row, counts);
        if (++this.rowsDone % 250 === 0) this.options.onRow?.(this.rowsDone);
      }
      if (table.kind === 'regions') this.resolveSuccessors();
    }
    this.settleIssuedCertificates();
    this.settleDefaultStages();
    this.noteCorrections();
    this.options.onRow?.(this.rowsDone);
    return this.plan;
  }

  // ─── Regions ─────────────────────────────────────────────────────────────────────────────

  private indexRegion(r: RegionNode): void {
    this.regionByCode.set(r.code, r);
    this.regionByName.add(r.nameVi, r);
    this.regionByName.add(regionFullName(r.kind, r.nameVi, 'vi'), r);
    if (r.nameEn) {
      this.regionByName.add(r.nameEn, r);
      this.regionByName.add(regionFullName(r.kind, r.nameEn, 'en'), r);
    }
  }

  /**
   * A unit by code ("KG-PQ") or by name, bare or with its kind ("Phú Quốc", "Thành phố Phú
   * Quốc"). A kind word the unit no longer has still tells its level: "Huyện Phú Quốc" is the
   * district-level Phú Quốc (a district until 2020, a city since), not the 2025 special zone.
   */
  private resolveRegion(text: string): Parsed<RegionNode> {
    const byCode = this.regionByCode.get(text.toUpperCase());
    if (byCode) return { ok: true, value: byCode };
    let candidates = this.regionByName.get(text);
    if (candidates.length === 0) {
      const prefixed = /^(thanh pho|tp|thi xa|huyen|quan|xa|phuong|thi tran|dac khu|tinh) (.+)$/u.exec(foldKey(text));
      if (prefixed?.[1] && prefixed[2]) {
        const levels = REGION_LEVEL_OF_PREFIX[prefixed[1]] ?? [];
        candidates = this.regionByName.get(prefixed[2]).filter((r) => levels.includes(r.level));
      }
    }
    if (candidates.length === 1 && candidates[0]) return { ok: true, value: candidates[0] };
    if (candidates.length > 1) {
      const names = candidates.map((r) => `${regionFullName(r.kind, r.nameVi, 'vi')} (${r.code})`).join(', ');
      return { ok: false, message: `${quote(text)} names several units: ${names}; write the code or the full name` };
    }
    return {
      ok: false,
      message: `${quote(text)} is not a district, commune or other unit of the catalog; write its code (e.g. KG-PQ) or its name (e.g. "Phú Quốc" or "Huyện Gò Quao")`,
    };
  }

  /** Rows whose parent is another row come after it, so paths can be computed in one pass. */
  private parentsFirst(rows: SourceRow[]): SourceRow[] {
    const byCode = new Map(rows.map((r) => [cleanText(r.values.get('code') ?? '').toUpperCase(), r]));
    const depth = (row: SourceRow, seen = new Set<SourceRow>()): number => {
      const parent = byCode.get(cleanText(row.values.get('parent') ?? '').toUpperCase());
      if (!parent || seen.has(row)) return 0;
      seen.add(row);
      return depth(parent, seen) + 1;
    };
    return rows
      .map((row, i) => ({ row, i, d: depth(row) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((x) => x.row);
  }

  /** Each region row's successor cell; undefined when the file has no such column (keep it). */
  private readonly regionRows = new Map<RegionNode, { check: RowCheck; successor: string | undefined }>();
  private readonly regionCodesInFile = new Map<string, string>();

  private planRegion(check: RowCheck, counts: Counts): void {
    const rawCode = check.required('code', 'every unit needs a code such as KG-PQ', LENGTH.regionCode);
    const code = rawCode?.toUpperCase();
    if (code !== undefined && !/^[A-Z0-9]+(-[A-Z0-9]+)*$/u.test(code)) {
      check.problem(
        'code',
        `${quote(rawCode ?? '')} is not a region code: use letters, digits and hyphens, e.g. KG-PQ.`,
      );
    }
    if (code) {
      const earlier = this.regionCodesInFile.get(code);
      if (earlier) check.problem('code', `${quote(code)} is already on ${earlier}; each unit appears once.`);
      else this.regionCodesInFile.set(code, check.where);
    }
    const nameVi = check.required('name_vi', 'every unit needs its Vietnamese name', LENGTH.regionName);
    const nameEn = check.optional('name_en', LENGTH.regionName);
    const level = check.parse('level', parseRegionLevel, 'every unit needs a level');
    const kind = check.parse('kind', parseRegionKind, 'every unit needs a kind');
    const validFrom = check.parse('valid_from', parseDate) ?? null;
    const validTo = check.parse('valid_to', parseDate) ?? null;
    if (validFrom && validTo && compareIsoDates(validFrom, validTo) > 0) {
      check.problem('valid_to', `${validTo} is before valid_from ${validFrom}.`);
    }
    const parentText = check.text('parent');
    let parent: RegionNode | null = null;
    if (parentText !== '') {
      const found = this.regionByCode.get(parentText.toUpperCase());
      if (!found) {
        check.problem(
          'parent',
          `${quote(parentText)} is not the code of a unit in the catalog or earlier in this import; write the parent's code, e.g. KG.`,
        );
      } else parent = found;
    }
    if (level === 'PROVINCE' && parentText !== '')
      check.problem('parent', 'a province has no parent unit; leave it empty.');
    if (level && level !== 'PROVINCE' && parentText === '') {
      check.problem('parent', `empty, but a ${level.toLowerCase()}-level unit belongs to a province or district.`);
    }
    if (check.bad || !code || !nameVi || !level || !kind) return;

    const existing = this.regionByCode.get(code);
    const values = {
      nameVi,
      level,
      kind,
      ...(check.has('name_en') ? { nameEn: nameEn ?? null } : {}),
      ...(check.has('valid_from') ? { validFrom } : {}),
      ...(check.has('valid_to') ? { validTo } : {}),
    };
    if (existing) {
      if ((existing.parent?.code ?? null) !== (parent?.code ?? null)) {
        check.problem(
          'parent',
          `${code} belongs to ${existing.parent?.code ?? 'no unit'} in the catalog; an import cannot move a unit to another parent.`,
        );
        return;
      }
      const fields = changedFields(existing, values);
      Object.assign(existing, values);
      this.regionRows.set(existing, { check, successor: check.has('successor') ? check.text('successor') : undefined });
      this.record(this.plan.regions, existing, fields, counts);
      this.indexRegion(existing);
      return;
    }
    const node: RegionNode = {
      code,
      parent,
      path: `${parent?.path ?? '/'}${code}/`,
      successor: null,
      nameEn: null,
      validFrom: null,
      validTo: null,
      ...values,
    };
    this.regionRows.set(node, { check, successor: check.text('successor') });
    this.plan.regions.creates.push(node);
    counts.created++;
    this.indexRegion(node);
  }

  /** Successors may name units further down the file, so they are resolved after all rows. */
  private resolveSuccessors(): void {
    for (const [node, { check, successor }] of this.regionRows) {
      if (successor === undefined) continue;
      let target: RegionNode | null = null;
      if (successor !== '') {
        const found = this.regionByCode.get(successor.toUpperCase());
        if (!found) {
          check.problem('successor', `${quote(successor)} is not the code of a unit in the catalog or in this import.`);
          continue;
        }
        target = found;
      }
      if ((node.successor?.code ?? null) === (target?.code ?? null)) continue;
      node.successor = target;
      if (node.id !== undefined) this.changeLater(this.plan.regions, node, 'successor');
    }
    this.regionRows.clear();
  }

  private record<N extends object>(kindPlan: KindPlan<N>, node: N, fields: Set<string>, counts: Counts): void {
    this.countsOf.set(node, counts);
    if (fields.size === 0) counts.unchanged++;
    else {
      const update = { node, fields };
      kindPlan.updates.push(update);
      this.updateOf.set(node, update);
      counts.updated++;
    }
  }

  /**
   * Marks `field` of an existing row as changed by a later step (a successor, a supersession).
   * False when the row is not in the input, so no file's counts include it.
   */
  private changeLater<N extends object>(kindPlan: KindPlan<N>, node: N, field: string): boolean {
    const update = this.updateOf.get(node);
    if (update) {
      update.fields.add(field);
      return true;
    }
    const added = { node, fields: new Set([field]) };
    kindPlan.updates.push(added);
    this.updateOf.set(node, added);
    const counts = this.countsOf.get(node);
    if (!counts) return false;
    counts.unchanged--;
    counts.updated++;
    return true;
  }

  // ─── Producers ───────────────────────────────────────────────────────────────────────────

  private nameAddressKey(name: string, address: string): string {
    return `${foldKey(name)}\u0000${foldKey(address)}`;
  }

  private indexProducer(p: ProducerNode): void {
    this.producerBySlug.set(p.slug, p);
    if (p.taxCode) this.producerByTax.set(p.taxCode, p);
    this.producerByNameAddress.set(this.nameAddressKey(p.name, p.address), p);
    this.producerByName.add(p.name, p);
  }

  private readonly producerKeysInFile = new Map<string, string>();

  private planProducer(check: RowCheck, counts: Counts): void {
    const slug = check.parse('slug', parseSlug);
    const name = check.required('name', 'every producer needs its registered name', LENGTH.name);
    const type = check.parse('type', parseProducerType, 'every producer needs a type');
    const address = check.required('address', 'every producer needs an address', LENGTH.address);
    const regionText = check.text('region');
    let region: RegionNode | undefined;
    if (regionText === '') check.problem('region', 'empty, but every producer needs the district or commune it is in.');
    else {
      const resolved = this.resolveRegion(regionText);
      if (resolved.ok) region = resolved.value;
      else check.problem('region', `${resolved.message}.`);
    }
    const representative = check.optional('representative', LENGTH.representative);
    const phone = check.parse('phone', parsePhone);
    const email = check.parse('email', parseEmail);
    const website = check.parse('website', parseWebsite);
    const taxCode = check.parse('tax_code', parseTaxCode);
    if (slug && slug.length > LENGTH.slug) check.problem('slug', `longer than ${LENGTH.slug} characters.`);

    // A producer is known by its tax code, else by its slug when the row gives one (exports
    // do), else by its name and address (spreadsheets kept by hand).
    const keys = [
      ...(taxCode ? [`tax:${taxCode}`] : []),
      ...(slug ? [`slug:${slug}`] : []),
      ...(name && address && !slug ? [`na:${this.nameAddressKey(name, address)}`] : []),
    ];
    for (const key of keys) {
      const earlier = this.producerKeysInFile.get(key);
      if (earlier) {
        check.problem(
          undefined,
          `the same producer as ${earlier} (same ${key.split(':')[0] === 'tax' ? 'tax code' : key.startsWith('slug') ? 'slug' : 'name and address'}); each producer appears once.`,
        );
        break;
      }
    }
    const remember = () => {
      for (const key of keys) if (!this.producerKeysInFile.has(key)) this.producerKeysInFile.set(key, check.where);
    };
    if (check.bad || !name || !type || !address || !region) {
      remember();
      for (const k of [slug, taxCode, name ? foldKey(name) : undefined])
        if (k) this.failedProducers.set(k, check.where);
      return;
    }
    remember();

    const matches = new Set<ProducerNode>();
    const byTax = taxCode ? this.producerByTax.get(taxCode) : undefined;
    const bySlug = slug ? this.producerBySlug.get(slug) : undefined;
    const byNameAddress = slug ? undefined : this.producerByNameAddress.get(this.nameAddressKey(name, address));
    for (const m of [byTax, bySlug, byNameAddress]) if (m) matches.add(m);
    if (matches.size > 1) {
      const which = [...matches].map((m) => quote(m.slug)).join(' and ');
      check.problem(
        undefined,
        `the row matches several producers (${which}) by tax code, slug or name and address; correct the row so it names one.`,
      );
      return;
    }
    const values = {
      name,
      type,
      address,
      region,
      ...(check.has('representative') ? { representative: representative ?? '' } : {}),
      ...(check.has('phone') ? { phone: phone ?? '' } : {}),
      ...(check.has('email') ? { email: email ?? '' } : {}),
      ...(check.has('website') ? { website: website ?? null } : {}),
      ...(check.has('tax_code') ? { taxCode: taxCode ?? null } : {}),
      ...(slug ? { slug } : {}),
    };
    const [existing] = matches;
    if (existing) {
      const fields = changedFields(existing, values);
      Object.assign(existing, values);
      this.record(this.plan.producers, existing, fields, counts);
      this.indexProducer(existing);
      return;
    }
    const node: ProducerNode = {
      representative: '',
      phone: '',
      email: '',
      website: null,
      taxCode: null,
      ...values,
      slug: slug ?? this.freeSlug(slugify(name, LENGTH.slug - 4), this.producerBySlug),
    };
    this.plan.producers.creates.push(node);
    counts.created++;
    this.indexProducer(node);
  }

  /** `base`, or `base-2`, `base-3`… if it is taken. */
  private freeSlug(base: string, taken: Map<string, unknown>): string {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** A producer by slug, tax code or name, in the catalog or in this import. */
  private resolveProducer(text: string): Parsed<ProducerNode> {
    const found = this.producerBySlug.get(text) ?? this.producerByTax.get(text.replace(/\s+/gu, ''));
    if (found) return { ok: true, value: found };
    const named = this.producerByName.get(text);
    if (named.length === 1 && named[0]) return { ok: true, value: named[0] };
    if (named.length > 1) {
      return {
        ok: false,
        message: `several producers are named ${quote(text)} (${named.map((p) => quote(p.slug)).join(', ')}); write the slug or the tax code`,
      };
    }
    const failed = this.failedProducers.get(text) ?? this.failedProducers.get(foldKey(text));
    if (failed)
      return {
        ok: false,
        message: `${quote(text)} is the producer on ${failed}, which has errors; fix that row first`,
      };
    return {
      ok: false,
      message: `${quote(text)} is not a producer in the catalog or in this import; write its slug (e.g. "khai-hoan"), tax code or exact name, and import its row in producers.csv first or together`,
    };
  }

  // ─── Products ────────────────────────────────────────────────────────────────────────────

  private indexProduct(p: ProductNode): void {
    this.productBySlug.set(p.slug, p);
    this.productByName.add(p.nameVi, p);
  }

  private readonly productSlugsInFile = new Map<string, string>();

  private planProduct(check: RowCheck, row: SourceRow, counts: Counts): void {
    const givenSlug = check.parse('slug', parseSlug);
    const nameVi = check.required('name_vi', 'every product needs its Vietnamese name', LENGTH.productName);
    const nameEn = check.optional('name_en', LENGTH.productName);
    const category = check.parse('category', parseCategory, 'every product belongs to one of the six groups');
    const producerText = check.text('producer');
    let producer: ProducerNode | undefined;
    if (producerText === '') check.problem('producer', 'empty, but every product has a producer.');
    else {
      const resolved = this.resolveProducer(producerText);
      if (resolved.ok) producer = resolved.value;
      else check.problem('producer', `${resolved.message}.`);
    }
    let region: RegionNode | undefined;
    const regionText = check.text('region');
    if (regionText !== '') {
      const resolved = this.resolveRegion(regionText);
      if (resolved.ok) region = resolved.value;
      else check.problem('region', `${resolved.message}.`);
    }
    const cycleStage = check.parse('cycle_stage', parseCycleStage);
    const descriptionVi = check.has('description_vi')
      ? check.required('description_vi', 'every product needs a Vietnamese description', LENGTH.descriptionVi)
      : undefined;
    const descriptionEn = check.optional('description_en', LENGTH.descriptionEn);
    const storyVi = check.optional('story_vi', LENGTH.storyVi);
    const storyEn = check.optional('story_en', LENGTH.storyEn);
    if (givenSlug && givenSlug.length > LENGTH.slug) check.problem('slug', `longer than ${LENGTH.slug} characters.`);

    const slug = givenSlug ?? (nameVi ? slugify(nameVi, LENGTH.slug) : undefined);
    if (slug) {
      const earlier = this.productSlugsInFile.get(slug);
      if (earlier) {
        check.problem(
          givenSlug ? 'slug' : 'name_vi',
          givenSlug
            ? `${quote(slug)} is already on ${earlier}; each product appears once.`
            : `makes the slug ${quote(slug)}, as the product on ${earlier} does; add a slug column to tell them apart, or remove the repeated row.`,
        );
      } else this.productSlugsInFile.set(slug, check.where);
    }
    const existing = slug ? this.productBySlug.get(slug) : undefined;
    if (existing && !givenSlug && producer && existing.producer !== producer && existing.id !== undefined) {
      check.problem(
        'name_vi',
        `the catalog already has ${quote(existing.nameVi)} (slug ${quote(existing.slug)}) from producer ${quote(existing.producer.slug)}; give this product its own slug.`,
      );
    }
    if (!existing && !check.has('description_vi')) {
      check.problem('description_vi', 'missing, but a new product needs a Vietnamese description.');
    }
    const trade = this.tradeOf(check, existing);
    if (check.bad || !slug || !nameVi || !category || !producer) {
      if (slug) this.failedProducts.set(slug, check.where);
      if (nameVi) this.failedProducts.set(foldKey(nameVi), check.where);
      return;
    }
    const values: Partial<ProductNode> = {
      nameVi,
      category,
      producer,
      region: region ?? (existing && !check.has('region') ? existing.region : producer.region),
      ...(check.has('name_en') ? { nameEn: nameEn ?? null } : {}),
      ...(cycleStage ? { cycleStage } : {}),
      ...(descriptionVi !== undefined ? { descriptionVi } : {}),
      ...(check.has('description_en') ? { descriptionEn: descriptionEn ?? null } : {}),
      ...(check.has('story_vi') ? { storyVi: storyVi ?? null } : {}),
      ...(check.has('story_en') ? { storyEn: storyEn ?? null } : {}),
      ...(row.images ? { images: row.images } : {}),
      ...(trade !== undefined ? { trade } : {}),
    };
    if (existing) {
      const fields = changedFields(existing, values);
      Object.assign(existing, values);
      this.record(this.plan.products, existing, fields, counts);
      this.indexProduct(existing);
      return;
    }
    const defaults: ProductNode = {
      slug,
      nameVi,
      nameEn: null,
      category,
      region: producer.region,
      producer,
      cycleStage: 'PRODUCTION',
      descriptionVi: '',
      descriptionEn: null,
      storyVi: null,
      storyEn: null,
      images: [],
      trade: null,
    };
    const node: ProductNode = Object.assign(defaults, values);
    if (!cycleStage) this.stageFromCertificates.add(node);
    this.plan.products.creates.push(node);
    counts.created++;
    this.indexProduct(node);
  }

  /**
   * The trade columns the row has, read and checked by @ocop/domain's checkTrade on top of what
   * the catalog holds (a column the file lacks keeps its value); undefined when the file has
   * none of them, null when the result is empty.
   */
  private tradeOf(check: RowCheck, existing: ProductNode | undefined): ProductNode['trade'] | undefined {
    const present = TRADE_COLUMNS.filter(({ column }) => check.has(column));
    if (present.length === 0) return undefined;
    const changes: Record<string, unknown> = {};
    const whole = (column: string, text: string, days = false): number | null | undefined => {
      const n = days ? parseDays(text) : parseVnd(text);
      if (n === undefined) {
        check.problem(
          column,
          days
            ? `"${text}" is not a number of days; write e.g. 720, "24 tháng" or "90 ngày".`
            : `"${text}" is not an amount in đồng; write a whole number such as 85000 or 85.000.`,
        );
      }
      return n;
    };
    for (const { column, field } of present) {
      const text = check.text(column);
      if (text === '') {
        changes[field] = field === 'certifications' || field === 'exportMarkets' ? [] : null;
        continue;
      }
      if (field === 'certifications') {
        const parsed = parseCertificationsCell(text);
        if (parsed.ok) changes[field] = parsed.value satisfies CertificationChange[];
        else check.problem(column, `${parsed.message}.`);
      } else if (field === 'exportMarkets') changes[field] = parseCountryCodes(text);
      else if (field === 'exportReadiness') {
        const readiness = parseExportReadiness(text);
        if (readiness) changes[field] = readiness;
        else
          check.problem(
            column,
            `"${text}" is not an export readiness; use DOMESTIC_ONLY, EXPORT_READY or EXPORTING (or Chỉ bán trong nước, Sẵn sàng xuất khẩu, Đang xuất khẩu).`,
          );
      } else if (field === 'shelfLifeDays' || field === 'leadTimeDays') changes[field] = whole(column, text, true);
      else if (field.endsWith('Price') || field.startsWith('retailPrice') || field === 'tourPricePerPerson')
        changes[field] = whole(column, text);
      else changes[field] = text;
    }
    const checked = checkTrade(changes as TradeChanges, existing?.trade ?? null);
    for (const issue of checked.issues) {
      const field = issue.field.split('.')[1];
      check.problem(TRADE_COLUMNS.find((c) => c.field === field)?.column ?? 'certifications', issue.message);
    }
    return isTradeEmpty(checked.trade) ? null : checked.trade;
  }

  /** A product by slug or exact name, in the catalog or in this import. */
  private resolveProduct(text: string): Parsed<ProductNode> {
    const found = this.productBySlug.get(text);
    if (found) return { ok: true, value: found };
    const named = this.productByName.get(text);
    if (named.length === 1 && named[0]) return { ok: true, value: named[0] };
    if (named.length > 1) {
      return {
        ok: false,
        message: `several products are named ${quote(text)} (${named.map((p) => quote(p.slug)).join(', ')}); write the slug`,
      };
    }
    const failed = this.failedProducts.get(text) ?? this.failedProducts.get(foldKey(text));
    if (failed)
      return { ok: false, message: `${quote(text)} is the product on ${failed}, which has errors; fix that row first` };
    return {
      ok: false,
      message: `${quote(text)} is not a product in the catalog or in this import; write its slug (e.g. "nuoc-mam-phu-quoc-khai-hoan-38-do-dam") or its exact name, and import its row in products.csv first or together`,
    };
  }

  private productCell(check: RowCheck): ProductNode | undefined {
    const text = check.text('product');
    if (text === '') {
      check.problem('product', 'empty, but the row must name a product (its slug or its name).');
      return undefined;
    }
    const resolved = this.resolveProduct(text);
    if (resolved.ok) return resolved.value;
    check.problem('product', `${resolved.message}.`);
    return undefined;
  }

  /** A date that must not be later than today. */
  private pastDate(check: RowCheck, key: string, required?: string): IsoDate | undefined {
    const d = check.parse(key, parseDate, required);
    if (d && compareIsoDates(d, this.options.today) > 0) {
      check.problem(key, `${d} is in the future (today is ${this.options.today}); record what has happened.`);
      return undefined;
    }
    return d;
  }

  // ─── Evaluations ─────────────────────────────────────────────────────────────────────────

  private readonly evaluationKeysInFile = new Map<string, string>();

  private planEvaluation(check: RowCheck, counts: Counts): void {
    const product = this.productCell(check);
    const councilLevel = check.parse('council_level', parseCouncilLevel, 'every evaluation names its council level');
    const evaluatedOn = this.pastDate(check, 'evaluated_on', 'every evaluation has the date of the council meeting');
    const givenVersion = check.parse('criteria_version', parseCriteriaVersion);
    if (givenVersion && evaluatedOn) {
      const inForce = checkCriteriaVersion(givenVersion, evaluatedOn);
      if (!inForce.ok) check.problem('criteria_version', inForce.issue.message);
    }
    const version = givenVersion ?? (evaluatedOn ? criteriaVersionOn(evaluatedOn) : undefined);
    const status = check.parse('status', parseEvaluationStatus) ?? 'FINAL';
    const scores: Partial<Record<keyof PartScores, number>> = {};
    for (const [key, field] of [
      ['score_a', 'scoreA'],
      ['score_b', 'scoreB'],
      ['score_c', 'scoreC'],
    ] as const) {
      const value = check.parse(key, parseScore, `every evaluation has its Part ${field.slice(-1)} score`);
      if (value !== undefined) scores[field] = value;
    }
    if (version && scores.scoreA !== undefined && scores.scoreB !== undefined && scores.scoreC !== undefined) {
      const columnOf: Record<string, string> = {
        scoreA: 'score_a',
        scoreB: 'score_b',
        scoreC: 'score_c',
        criteriaVersion: 'criteria_version',
      };
      for (const issue of validateScores(version, scores as PartScores))
        check.problem(columnOf[issue.field], issue.message);
    }
    if (councilLevel && evaluatedOn) {
      const award = checkAward(councilLevel, 1, evaluatedOn);
      if (!award.ok && award.issue.code === ERROR_CODES.COUNCIL_LEVEL_ABOLISHED) {
        check.problem('council_level', award.issue.message);
      }
    }
    if (check.bad || !product || !councilLevel || !evaluatedOn || !version) return;
    const { total, stars } = scoreEvaluation(version, scores as PartScores);

    const key = `${product.slug}\u0000${councilLevel}\u0000${evaluatedOn}`;
    const earlier = this.evaluationKeysInFile.get(key);
    if (earlier) {
      check.problem(undefined, `the same evaluation (product, council level and date) is already on ${earlier}.`);
      return;
    }
    this.evaluationKeysInFile.set(key, check.where);
    const values = {
      criteriaVersion: version,
      scoreA: scores.scoreA as number,
      scoreB: scores.scoreB as number,
      scoreC: scores.scoreC as number,
      total,
      stars,
      status,
    };
    const existing = (this.evaluationsOf.get(product) ?? []).find(
      (e) => e.councilLevel === councilLevel && e.evaluatedOn === evaluatedOn,
    );
    if (existing) {
      const fields = changedFields(existing, values);
      if (fields.size > 0 && existing.status === 'FINAL' && existing.id !== undefined) {
        check.problem(
          undefined,
          `the ${councilLevel.toLowerCase()} council's evaluation of ${quote(product.slug)} on ${evaluatedOn} is FINAL in the catalog (${existing.total} points, ${existing.stars}★) and a final evaluation is never edited; record a new evaluation with its own date instead.`,
        );
        return;
      }
      if (fields.has('status') && status === 'FINAL') {
        existing.finalisedAt = new Date();
        fields.add('finalisedAt');
      }
      Object.assign(existing, values);
      this.record(this.plan.evaluations, existing, fields, counts);
      return;
    }
    const node: EvaluationNode = {
      product,
      councilLevel,
      evaluatedOn,
      ...values,
      finalisedAt: status === 'FINAL' ? new Date(`${evaluatedOn}T00:00:00Z`) : null,
    };
    this.push(this.evaluationsOf, product, node);
    this.plan.evaluations.creates.push(node);
    counts.created++;
  }

  // ─── Certificates ────────────────────────────────────────────────────────────────────────

  private readonly certificateNumbersInFile = new Map<string, string>();

  private planCertificate(check: RowCheck, counts: Counts): void {
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
    const product = this.productCell(check);
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
    const decisionDate = this.pastDate(check, 'decision_date', 'every certificate has the date of its decision');
    const issuedOn =
      check.has('issued_on') && check.text('issued_on') !== '' ? this.pastDate(check, 'issued_on') : decisionDate;
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
    const revokedOn = this.pastDate(check, 'revoked_on') ?? null;
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
      this.record(this.plan.certificates, existing, fields, counts);
      return;
    }
    const node: CertificateNode = { number, product, evaluation, ...values };
    if (evaluation) this.certifiedEvaluations.add(evaluation);
    this.certificateByNumber.set(number, node);
    this.push(this.certificatesOf, product, node);
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

  private noteCorrections(): void {
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
    const candidates = (this.evaluationsOf.get(product) ?? []).filter((e) => e.councilLevel === level);
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
  private settleIssuedCertificates(): void {
    for (const product of this.touchedCertificateProducts) {
      const issued = (this.certificatesOf.get(product) ?? []).filter((c) => c.status === 'ISSUED');
      if (issued.length < 2) continue;
      issued.sort((a, b) => compareIsoDates(b.issuedOn, a.issuedOn) || (b.number < a.number ? -1 : 1));
      for (const older of issued.slice(1)) {
        older.status = 'SUPERSEDED';
        if (older.id !== undefined && !this.changeLater(this.plan.certificates, older, 'status')) {
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
      const counts = this.countsOf.get(u.node);
      if (counts) {
        counts.updated--;
        counts.unchanged++;
      }
      return false;
    });
  }

  /** A new product without a cycle stage is in PROMOTION while it holds a valid certificate. */
  private settleDefaultStages(): void {
    for (const product of this.stageFromCertificates) {
      const valid = (this.certificatesOf.get(product) ?? []).some(
        (c) =>
          certificateStatus({ issuedOn: c.issuedOn, expiresOn: c.expiresOn, stored: c.status }, this.options.today) ===
          'VALID',
      );
      product.cycleStage = valid ? 'PROMOTION' : 'PRODUCTION';
    }
  }
}
