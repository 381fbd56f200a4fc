import {
  CERTIFICATE_FIELDS,
  PRODUCER_FIELDS,
  PRODUCT_FIELDS,
  PRODUCT_IMAGE_FIELDS,
  REGION_FIELDS,
  type TextField,
} from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../config.js';
import { type Orm, openOrm } from './orm.js';

/** Each entity and the domain's rules for its text fields (the admin mutations and the importer apply them). */
const RULES: [entity: string, rules: Record<string, TextField>][] = [
  ['Producer', PRODUCER_FIELDS],
  ['Product', PRODUCT_FIELDS],
  ['Region', REGION_FIELDS],
  ['Certificate', CERTIFICATE_FIELDS],
];

describe('column widths', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await openOrm(parseDatabaseUrl('sqlite::memory:'));
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  const property = (entity: string, name: string) => {
    const prop = orm.getMetadata().find(entity)?.properties[name as never] as
      | { length?: number; type: string; columnTypes: string[] }
      | undefined;
    if (!prop) throw new Error(`${entity} has no property ${name}, which the domain has a rule for.`);
    return prop;
  };

  it('are the longest values the domain rules accept, or unbounded text where the rule is the only limit', () => {
    const found: string[] = [];
    const wanted: string[] = [];
    for (const [entity, rules] of RULES) {
      for (const [name, rule] of Object.entries(rules)) {
        const prop = property(entity, name);
        found.push(`${entity}.${name}: ${prop.length ?? prop.columnTypes.join()}`);
        wanted.push(`${entity}.${name}: ${prop.length === undefined ? 'text' : rule.max}`);
      }
    }
    expect(found).toEqual(wanted);
  });

  it('gives every bounded text column a rule, so none is checked by the database alone', () => {
    // Derived columns are computed from checked fields, never typed by anyone.
    const derived = new Set(['Product.nameSortKey', 'Region.path']);
    const unruled: string[] = [];
    for (const [entity, rules] of RULES) {
      const meta = orm.getMetadata().find(entity);
      for (const prop of Object.values(meta?.properties ?? {}) as { name: string; length?: number; kind: string }[]) {
        const key = `${entity}.${prop.name}`;
        if (prop.kind === 'scalar' && prop.length !== undefined && !(prop.name in rules) && !derived.has(key))
          unruled.push(key);
      }
    }
    expect(unruled).toEqual([]);
  });

  it('keeps product photos in a JSON column, where only the domain limits their text', () => {
    expect(property('Product', 'images').type.toLowerCase()).toMatch(/json/);
    expect(Object.values(PRODUCT_IMAGE_FIELDS).map((f) => f.max)).toEqual([500, 300, 300]);
  });
});
