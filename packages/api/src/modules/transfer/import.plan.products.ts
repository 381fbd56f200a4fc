import {
  type CertificationChange,
  checkTrade,
  isTradeEmpty,
  parseCertificationsCell,
  parseCountryCodes,
  parseDays,
  parseExportReadiness,
  parseVnd,
  slugify,
  TRADE_COLUMNS,
  type TradeChanges,
} from '@ocop/domain';
import type { ProductNode } from './import.model.js';
import type { Counts, ImportPlan } from './import.plan.js';
import type { PlanLedger } from './import.plan.ledger.js';
import type { ProducerPlanner } from './import.plan.producers.js';
import type { RegionPlanner } from './import.plan.regions.js';
import { LENGTH, NameIndex, quote, type RowCheck } from './import.plan.rows.js';
import type { SourceRow } from './import.sources.js';
import { foldKey, type Parsed, parseCategory, parseCycleStage, parseSlug } from './values.js';

/** Plans the rows of a products file, and finds the product an evaluation or certificate row names. */
export class ProductPlanner {
  private readonly productBySlug = new Map<string, ProductNode>();
  private readonly productByName = new NameIndex<ProductNode>();
  private readonly failedProducts = new Map<string, string>();
  /** Products whose default cycle stage is decided once their certificates are known. */
  readonly stageFromCertificates = new Set<ProductNode>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly ledger: PlanLedger,
    private readonly regions: RegionPlanner,
    private readonly producers: ProducerPlanner,
  ) {}

  indexProduct(p: ProductNode): void {
    this.productBySlug.set(p.slug, p);
    this.productByName.add(p.nameVi, p);
  }

  private readonly productSlugsInFile = new Map<string, string>();

  planProduct(check: RowCheck, row: SourceRow, counts: Counts): void {
    const givenSlug = check.parse('slug', parseSlug);
    const nameVi = check.required('name_vi', 'every product needs its Vietnamese name', LENGTH.productName);
    const nameEn = check.optional('name_en', LENGTH.productName);
    const category = check.parse('category', parseCategory, 'every product belongs to one of the six groups');
    const producer = check.parse(
      'producer',
      (text) => this.producers.resolveProducer(text),
      'every product has a producer',
    );
    const region = check.parse('region', (text) => this.regions.resolveRegion(text));
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
      this.ledger.update(this.plan.products, existing, values, counts);
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

  productCell(check: RowCheck): ProductNode | undefined {
    return check.parse(
      'product',
      (text) => this.resolveProduct(text),
      'the row must name a product (its slug or its name)',
    );
  }
}
