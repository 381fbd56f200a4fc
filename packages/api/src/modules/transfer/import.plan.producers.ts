import { slugify } from '@ocop/domain';
import type { ProducerNode } from './import.model.js';
import type { Counts, ImportPlan } from './import.plan.js';
import type { PlanLedger } from './import.plan.ledger.js';
import type { RegionPlanner } from './import.plan.regions.js';
import { LENGTH, NameIndex, quote, type RowCheck } from './import.plan.rows.js';
import {
  foldKey,
  type Parsed,
  parseEmail,
  parsePhone,
  parseProducerType,
  parseSlug,
  parseTaxCode,
  parseWebsite,
} from './values.js';

/** Plans the rows of a producers file, and finds the producer a product row names. */
export class ProducerPlanner {
  private readonly producerBySlug = new Map<string, ProducerNode>();
  private readonly producerByTax = new Map<string, ProducerNode>();
  private readonly producerByNameAddress = new Map<string, ProducerNode>();
  private readonly producerByName = new NameIndex<ProducerNode>();
  /** Producers named by rows that had problems: products naming them get a precise message. */
  private readonly failedProducers = new Map<string, string>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly ledger: PlanLedger,
    private readonly regions: RegionPlanner,
  ) {}

  private nameAddressKey(name: string, address: string): string {
    return `${foldKey(name)}\u0000${foldKey(address)}`;
  }

  indexProducer(p: ProducerNode): void {
    this.producerBySlug.set(p.slug, p);
    if (p.taxCode) this.producerByTax.set(p.taxCode, p);
    this.producerByNameAddress.set(this.nameAddressKey(p.name, p.address), p);
    this.producerByName.add(p.name, p);
  }

  private readonly producerKeysInFile = new Map<string, string>();

  planProducer(check: RowCheck, counts: Counts): void {
    const slug = check.parse('slug', parseSlug);
    const name = check.required('name', 'every producer needs its registered name', LENGTH.name);
    const type = check.parse('type', parseProducerType, 'every producer needs a type');
    const address = check.required('address', 'every producer needs an address', LENGTH.address);
    const region = check.parse(
      'region',
      (text) => this.regions.resolveRegion(text),
      'every producer needs the district or commune it is in',
    );
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
      this.ledger.update(this.plan.producers, existing, values, counts);
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
  resolveProducer(text: string): Parsed<ProducerNode> {
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
}
