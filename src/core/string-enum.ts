/**
 * The codebase's one idiom for a string enum: each value is written once, and the enum object
 * names it by its camelCase form, so call sites read `FEEDBACK_KINDS.tooFast` for 'too-fast'.
 *
 *   export const END_REASONS = stringEnum(
 *     'completed', // every runnable exercise was done or skipped
 *     'stopped',
 *   );
 *   export type EndReason = EnumValue<typeof END_REASONS>;
 *
 * The values are what is stored and printed; the keys are only code. A value's meaning goes in a
 * `//` note on its line (a doc comment on a call argument would reach no tooltip).
 */

/** 'too-fast' → 'tooFast', 'complex-1' → 'complex1'; a camelCase or one-word value is its own key. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export type StringEnum<V extends string> = { readonly [Value in V as CamelCase<Value>]: Value };

/** The union of an enum's values. */
export type EnumValue<E> = E[keyof E];

export function camelCase<S extends string>(value: S): CamelCase<S> {
  return value.replace(/-(.)/g, (_, next: string) => next.toUpperCase()) as CamelCase<S>;
}

export function stringEnum<const V extends string>(...values: readonly V[]): StringEnum<V> {
  return Object.freeze(Object.fromEntries(values.map((value) => [camelCase(value), value]))) as StringEnum<V>;
}
