import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema.js';

const committed = resolve(import.meta.dirname, '../../schema.graphql');

describe('the GraphQL contract', () => {
  it('matches the committed schema.graphql (run `pnpm --filter @ocop/api run schema` after changing it)', async () => {
    expect(`${printSchema(await getSchema())}\n`).toBe(readFileSync(committed, 'utf8'));
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
