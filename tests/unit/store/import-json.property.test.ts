import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AtlasDb } from '../../../src/store/atlas-db-schema';
import { exportJson } from '../../../src/store/export-json';
import { importJson } from '../../../src/store/import-json';
import { ImportValidationError } from '../../../src/store/import-validation-error';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { useFreshIndexedDb } from './fake-db';
import { seedTwoSessions, snapshot } from './store-fixtures';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object or array inside `value` (including itself), to pick a mutation site from. */
function containers(value: Json, found: (Json[] | { [key: string]: Json })[] = []): (Json[] | { [key: string]: Json })[] {
  if (value !== null && typeof value === 'object') {
    found.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, found);
  }
  return found;
}

type Mutation =
  | { kind: 'replace'; site: number; slot: number; value: Json }
  | { kind: 'add-key'; site: number; key: string; value: Json }
  | { kind: 'delete'; site: number; slot: number };

const jsonArb = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), site: fc.nat(), slot: fc.nat(), value: jsonArb }),
  fc.record({
    kind: fc.constant('add-key' as const),
    site: fc.nat(),
    key: fc.oneof(fc.constantFrom(...FORBIDDEN), fc.string({ maxLength: 8 })),
    value: jsonArb,
  }),
  fc.record({ kind: fc.constant('delete' as const), site: fc.nat(), slot: fc.nat() }),
);

/** Whether any object inside `value` has a forbidden key of its own. */
function hasForbiddenKey(value: Json): boolean {
  return containers(value).some((site) => !Array.isArray(site) && FORBIDDEN.some((key) => Object.prototype.hasOwnProperty.call(site, key)));
}

/** Applies the mutation; returns true when it planted a forbidden key in an object. */
function mutate(root: Json, mutation: Mutation): boolean {
  const sites = containers(root);
  const site = sites[mutation.site % sites.length];
  if (site === undefined) return false;
  const keys = Array.isArray(site) ? site.map((_, index) => String(index)) : Object.keys(site);
  if (mutation.kind === 'add-key') {
    if (Array.isArray(site)) return false;
    // defineProperty, not assignment: `o.__proto__ = v` would set the prototype, not a key.
    Object.defineProperty(site, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
    return (FORBIDDEN as readonly string[]).includes(mutation.key);
  }
  const key = keys[mutation.slot % Math.max(1, keys.length)];
  if (key === undefined) return false;
  if (mutation.kind === 'delete') {
    if (Array.isArray(site)) site.splice(Number(key), 1);
    else Reflect.deleteProperty(site, key);
  } else if (Array.isArray(site)) {
    site[Number(key)] = mutation.value;
  } else {
    Object.defineProperty(site, key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
  }
  return false;
}

describe('importJson with hostile input (property)', () => {
  let db: AtlasDb;
  let validText: string;

  beforeAll(async () => {
    useFreshIndexedDb();
    const source = await openAtlasDb({ name: 'source' });
    await seedTwoSessions(source);
    validText = await exportJson(source, '2026-11-24T10:00:00.000Z');
    source.close();
    db = await openAtlasDb({ name: 'target' });
    await seedTwoSessions(db);
  });

  it('random JSON and random text are refused with ImportValidationError, and nothing is written', async () => {
    const before = await snapshot(db);
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonArb.map((value) => JSON.stringify(value)), fc.string({ maxLength: 200 })), async (text) => {
        const error = await importJson(db, text).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ImportValidationError);
      }),
      { numRuns: 300 },
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('a mutated export either imports or is refused with ImportValidationError, writing nothing; forbidden keys are always refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const data = JSON.parse(validText) as Json;
        mutations.forEach((mutation) => mutate(data, mutation));
        // Judged on the final data: a later mutation may delete a planted key, or the object holding it.
        const planted = hasForbiddenKey(data);
        const before = await snapshot(db);
        const outcome = await importJson(db, JSON.stringify(data)).then(
          () => 'imported' as const,
          (e: unknown) => e,
        );
        if (outcome === 'imported') {
          expect(planted).toBe(false);
          return;
        }
        expect(outcome).toBeInstanceOf(ImportValidationError);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
