/**
 * True when every number in `value` (walking plain objects and arrays) is finite. For guards at
 * the edges of the pure core: one NaN from a garbage landmark must not reach a filter's history.
 */
export function allFiniteNumbers(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  const items: readonly unknown[] = Array.isArray(value) ? value : Object.values(value);
  return items.every(allFiniteNumbers);
}

/** `value` itself when all its numbers are finite, otherwise null. */
export function finiteOrNull<T>(value: T | null): T | null {
  return value !== null && allFiniteNumbers(value) ? value : null;
}
