import type { NumericRange } from '../core/numeric-range';
import { ImportValidationError } from './import-validation-error';

/**
 * Tiny strict validators for untrusted JSON. Each returns a fresh value built only from known
 * keys (never the parsed object itself), rejects unknown keys, and never recurses into values
 * the schema does not describe, so hostile nesting cannot exhaust the stack.
 */
export type Validator<T> = (value: unknown, path: string) => T;

/** Keys that could reach a prototype if a later `Object.assign`/spread trusted them. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function fail(path: string, reason: string): never {
  throw new ImportValidationError(path, reason);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function string(options: { maxLength: number; pattern?: RegExp }): Validator<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `expected a string, got ${describe(value)}`);
    if (value.length > options.maxLength) return fail(path, `string longer than ${options.maxLength}`);
    if (options.pattern !== undefined && !options.pattern.test(value)) return fail(path, 'string has an unexpected format');
    return value;
  };
}

export function number(options: NumericRange & { readonly integer?: boolean }): Validator<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `expected a finite number, got ${describe(value)}`);
    if (options.integer === true && !Number.isInteger(value)) return fail(path, 'expected an integer');
    if (value < options.min || value > options.max) return fail(path, `number outside [${options.min}, ${options.max}]`);
    // JSON writes -0 as 0: normalise now so that what is stored is exactly what an export restores.
    return value + 0;
  };
}

export const boolean: Validator<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, `expected a boolean, got ${describe(value)}`);

export function oneOf<const T extends string>(values: readonly T[]): Validator<T> {
  return (value, path) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : fail(path, `expected one of ${values.join(', ')}`);
}

export function nullable<T>(validator: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null ? null : validator(value, path));
}

export function array<T>(item: Validator<T>, maxLength: number): Validator<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `expected an array, got ${describe(value)}`);
    if (value.length > maxLength) return fail(path, `array longer than ${maxLength}`);
    return value.map((element, index) => item(element, `${path}[${index}]`));
  };
}

function plainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, `expected an object, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) fail(`${path}.${key}`, 'forbidden key');
  }
  return value as Record<string, unknown>;
}

export type Shape<T> = { readonly [K in keyof T]-?: Validator<T[K]> };

const OPTIONAL = Symbol('optional');
type OptionalValidator<T> = Validator<T | undefined> & { readonly [OPTIONAL]: true };

/** A key that may be absent (fields added later: older exports lack them). Present, it must pass `item`. */
export function optional<T>(item: Validator<T>): OptionalValidator<T> {
  const validator = (value: unknown, path: string): T | undefined => (value === undefined ? undefined : item(value, path));
  return Object.assign(validator, { [OPTIONAL]: true as const });
}

function isOptional(validator: unknown): boolean {
  return typeof validator === 'function' && OPTIONAL in validator;
}

export function object<T>(shape: Shape<T>): Validator<T> {
  const known = new Set(Object.keys(shape));
  return (value, path) => {
    const input = plainObject(value, path);
    for (const key of Object.keys(input)) {
      if (!known.has(key)) fail(`${path}.${key}`, 'unknown key');
    }
    const output: Partial<Record<keyof T, unknown>> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      if (!Object.hasOwn(input, key)) {
        if (isOptional(shape[key])) continue;
        fail(`${path}.${key}`, 'missing key');
      }
      output[key] = shape[key](input[key], `${path}.${key}`);
    }
    return output as T;
  };
}

/** A string-keyed map with validated keys and values (forbidden keys are refused before any copy). */
export function record<T>(key: Validator<string>, item: Validator<T>, maxKeys: number): Validator<Record<string, T>> {
  return (value, path) => {
    const input = plainObject(value, path);
    const keys = Object.keys(input);
    if (keys.length > maxKeys) return fail(path, `more than ${maxKeys} keys`);
    const output: Record<string, T> = {};
    for (const k of keys) {
      output[key(k, `${path}.<key ${JSON.stringify(k.slice(0, 40))}>`)] = item(input[k], `${path}.${k}`);
    }
    return output;
  };
}

/** A union told apart by a string `type` field. */
export function taggedUnion<T extends { readonly type: string }>(
  variants: { readonly [K in T['type']]: Validator<Extract<T, { type: K }>> },
): Validator<T> {
  return (value, path) => {
    const input = plainObject(value, path);
    const tag = input['type'];
    if (typeof tag !== 'string' || !Object.hasOwn(variants, tag)) return fail(`${path}.type`, 'unknown type');
    const validate = (variants as Record<string, Validator<T>>)[tag];
    return validate === undefined ? fail(`${path}.type`, 'unknown type') : validate(value, path);
  };
}
