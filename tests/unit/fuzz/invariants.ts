/** Paths of every number in `value` that is NaN or infinite (walks plain objects and arrays). */
export function nonFiniteNumbers(value: unknown, path = '$', out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
    return out;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => nonFiniteNumbers(item, `${path}[${i}]`, out, seen));
  } else {
    for (const [key, item] of Object.entries(value)) nonFiniteNumbers(item, `${path}.${key}`, out, seen);
  }
  return out;
}

/** Throws with `message` and the offending paths when any number is NaN or infinite. */
export function expectAllFinite(value: unknown, message: string): void {
  const bad = nonFiniteNumbers(value);
  if (bad.length > 0) throw new Error(`${message}: ${bad.slice(0, 5).join(', ')}`);
}

export function expectFiniteOrNull(value: number | null, message: string): void {
  if (value !== null && !Number.isFinite(value)) throw new Error(`${message}: ${value}`);
}
