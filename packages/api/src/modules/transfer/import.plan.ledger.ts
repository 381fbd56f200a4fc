import type { Counts, KindPlan, Update } from './import.plan.js';

/** Which fields of `node` differ from `next`; dates, numbers and strings compare by value. */
export function changedFields<N extends object>(node: N, next: Partial<N>): Set<string> {
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

/** Which rows of the catalog an import changes, and how each input file counts them. */
export class PlanLedger {
  /** The table each existing row was counted in, to recount it when a later step changes it. */
  readonly countsOf = new Map<object, Counts>();
  private readonly updateOf = new Map<object, Update<object>>();

  record<N extends object>(kindPlan: KindPlan<N>, node: N, fields: Set<string>, counts: Counts): void {
    this.countsOf.set(node, counts);
    if (fields.size === 0) counts.unchanged++;
    else {
      const update = { node, fields };
      kindPlan.updates.push(update);
      this.updateOf.set(node, update);
      counts.updated++;
    }
  }

  /** Applies `values` to an existing row and records which of its fields they changed. */
  update<N extends object>(kindPlan: KindPlan<N>, node: N, values: Partial<N>, counts: Counts): void {
    const fields = changedFields(node, values);
    Object.assign(node, values);
    this.record(kindPlan, node, fields, counts);
  }

  /**
   * Marks `field` of an existing row as changed by a later step (a successor, a supersession).
   * False when the row is not in the input, so no file's counts include it.
   */
  changeLater<N extends object>(kindPlan: KindPlan<N>, node: N, field: string): boolean {
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
}
