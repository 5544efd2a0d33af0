import type { LocalizedText } from './localized-text';
import { ProtocolError } from './protocol-error';

/** Small typed readers over `unknown`, each throwing a ProtocolError that names the field. */
export type Fields = Readonly<Record<string, unknown>>;

export function readObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(path, 'expected an object');
  }
  return value as Fields;
}

export function readArray(value: unknown, path: string, minLength = 0): readonly unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(path, 'expected an array');
  if (value.length < minLength) throw new ProtocolError(path, `expected at least ${minLength} item(s)`);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ProtocolError(path, 'expected a non-empty string');
  }
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ProtocolError(path, 'expected a boolean');
  return value;
}

export function readNumber(value: unknown, path: string, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ProtocolError(path, 'expected a finite number');
  }
  if (value < min || value > max) throw new ProtocolError(path, `expected a number in [${min}, ${max}], got ${value}`);
  return value;
}

export function readInteger(value: unknown, path: string, min: number): number {
  const n = readNumber(value, path, min);
  if (!Number.isInteger(n)) throw new ProtocolError(path, `expected an integer, got ${n}`);
  return n;
}

export function readNullable<T>(value: unknown, path: string, read: (v: unknown, p: string) => T): T | null {
  return value === null ? null : read(value, path);
}

export function readEnum<T extends string>(value: unknown, path: string, allowed: Readonly<Record<string, T>>): T {
  const values = Object.values(allowed);
  if (typeof value !== 'string' || !(values as string[]).includes(value)) {
    throw new ProtocolError(path, `expected one of ${values.join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

export function readText(value: unknown, path: string): LocalizedText {
  const fields = readObject(value, path);
  return { en: readString(fields['en'], `${path}.en`), ru: readString(fields['ru'], `${path}.ru`) };
}

export function readTexts(value: unknown, path: string, minLength = 0): readonly LocalizedText[] {
  return readArray(value, path, minLength).map((item, i) => readText(item, `${path}[${i}]`));
}
