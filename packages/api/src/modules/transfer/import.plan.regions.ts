import { compareIsoDates, type RegionLevel, regionFullName } from '@ocop/domain';
import type { RegionNode } from './import.model.js';
import type { Counts, ImportPlan } from './import.plan.js';
import type { PlanLedger } from './import.plan.ledger.js';
import { LENGTH, NameIndex, quote, type RowCheck } from './import.plan.rows.js';
import type { SourceRow } from './import.sources.js';
import { cleanText, foldKey, type Parsed, parseDate, parseRegionKind, parseRegionLevel } from './values.js';

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

/** Plans the rows of a regions file, and finds the unit a producer or product row names. */
export class RegionPlanner {
  private readonly regionByCode = new Map<string, RegionNode>();
  private readonly regionByName = new NameIndex<RegionNode>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly ledger: PlanLedger,
  ) {}

  indexRegion(r: RegionNode): void {
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
  resolveRegion(text: string): Parsed<RegionNode> {
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
  parentsFirst(rows: SourceRow[]): SourceRow[] {
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

  planRegion(check: RowCheck, counts: Counts): void {
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
      this.ledger.update(this.plan.regions, existing, values, counts);
      this.regionRows.set(existing, { check, successor: check.has('successor') ? check.text('successor') : undefined });
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
  resolveSuccessors(): void {
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
      if (node.id !== undefined) this.ledger.changeLater(this.plan.regions, node, 'successor');
    }
    this.regionRows.clear();
  }
}
