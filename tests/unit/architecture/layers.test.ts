import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers hold by themselves: imports point ui → vision / store → core, the app never imports
 * the tools, the tools never import the tests, and the core reads no clock and no browser global
 * (time is always a `tMs` parameter). The one host API it uses beyond ECMAScript is WebAssembly,
 * which every host has and which reads no clock: in one file (the head network's kernel, declared
 * there with the few types it needs). src/core/tsconfig.json (lib without DOM, no Node types)
 * checks the same from the compiler's side.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(sourceFiles(full));
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function importSpecifiers(text: string): string[] {
  const code = withoutComments(text);
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) if (match[1] !== undefined) found.push(match[1]);
  return found;
}

/** The layer of a repository path: the folder under src/, or the top folder outside it ('src/main.ts' is 'main'). */
function layerOf(file: string): string {
  const relative = path.relative(ROOT, file).split(path.sep);
  if (relative[0] === 'src') return relative.length === 2 ? 'main' : (relative[1] ?? '');
  return relative[0] ?? '';
}

const APP_LAYERS = ['core', 'store', 'vision', 'i18n', 'ui', 'pwa', 'main'];
/** What each app layer may import (itself included); `models` is the repo's packed model folder. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  store: ['store', 'core'],
  vision: ['vision', 'core', 'models'],
  i18n: ['i18n', 'core'],
  ui: ['ui', 'i18n', 'store', 'vision', 'core'],
  pwa: ['pwa', 'ui', 'i18n', 'store', 'vision', 'core'],
  main: APP_LAYERS,
};

interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly why: string;
}

function importViolations(files: readonly string[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    const text = readFileSync(file, 'utf8');
    for (const specifier of importSpecifiers(text)) {
      const at = path.relative(ROOT, file);
      if (!specifier.startsWith('.')) {
        if (from === 'core') out.push({ file: at, specifier, why: 'the core imports no package' });
        continue;
      }
      const target = layerOf(path.resolve(path.dirname(file), specifier));
      if (target === 'tests') out.push({ file: at, specifier, why: 'only tests import test code' });
      else if (allowed !== undefined && !allowed.includes(target)) out.push({ file: at, specifier, why: `${from} may not import ${target}` });
    }
  }
  return out;
}

/** Clock and browser-global reads the core must not make (time comes in as tMs; randomness would make runs differ). */
const CORE_FORBIDDEN: readonly RegExp[] = [
  /\bDate\.now\b/,
  /\bperformance\.now\b/,
  /\bnew Date\(/,
  /\bsetTimeout\b/,
  /\bsetInterval\b/,
  /\brequestAnimationFrame\b/,
  /\bwindow\./,
  /\bdocument\./,
  /\bnavigator\./,
  /\blocalStorage\b/,
  /\bsessionStorage\b/,
  /\bMath\.random\b/,
  /\bprocess\./,
  /\bglobalThis\b/,
];

function globalReads(files: readonly string[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const pattern of CORE_FORBIDDEN) if (pattern.test(code)) out.push({ file: path.relative(ROOT, file), specifier: pattern.source, why: 'a clock or global read in the core' });
  }
  return out;
}

/**
 * Module-level mutable state in the core: a top-level `let` or `var`, or a top-level buffer or
 * collection made with `new` (a typed array, an Array, an ArrayBuffer; a Map or Set not declared
 * read-only). Scratch buffers and caches belong to the object that runs the hot path (the
 * estimator, the engine) and are passed in: module state is shared by every caller, so a second
 * estimator or a re-entrant call would overwrite the first's. Constant tables built with
 * `Float64Array.from`/`.of` and read-only Sets pass. Top-level code starts in column 0.
 */
const TOP_LEVEL_MUTABLE: readonly RegExp[] = [
  /^(?:export\s+)?(?:let|var)\s/m,
  /^(?:export\s+)?const\s+[\w$]+\s*(?::[^=]+)?=\s*new\s+(?:Float(?:32|64)Array|(?:Ui|I)nt(?:8|16|32)Array|Uint8ClampedArray|Big(?:Ui|I)nt64Array|ArrayBuffer|Array)\b/m,
  /^(?:export\s+)?const\s+[\w$]+\s*(?::(?!\s*Readonly)[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b/m,
];

function moduleState(files: readonly string[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const pattern of TOP_LEVEL_MUTABLE) {
      const found = pattern.exec(code);
      if (found) out.push({ file: path.relative(ROOT, file), specifier: found[0].trim(), why: 'module-level mutable state in the core' });
    }
  }
  return out;
}

const APP_FILES = sourceFiles(SRC).filter((file) => APP_LAYERS.includes(layerOf(file)));
const CORE_FILES = APP_FILES.filter((file) => layerOf(file) === 'core');
const TOOL_FILES = ['scripts', 'tools'].flatMap((dir) => {
  try {
    return sourceFiles(path.join(ROOT, dir));
  } catch {
    return [];
  }
});

describe('layers', () => {
  it('finds the files it checks', () => {
    expect(CORE_FILES.length).toBeGreaterThan(50);
    expect(APP_FILES.length).toBeGreaterThan(CORE_FILES.length);
    expect(TOOL_FILES.length).toBeGreaterThan(10);
  });

  it('app imports point one way: ui → vision / store → core, and never into the tools or tests', () => {
    expect(importViolations(APP_FILES)).toEqual([]);
  });

  it('the tools (scripts/, tools/) import no test code', () => {
    expect(importViolations(TOOL_FILES)).toEqual([]);
  });

  it('the core reads no clock and no browser or Node global', () => {
    expect(globalReads(CORE_FILES)).toEqual([]);
  });

  it('the core reaches WebAssembly in one file only (the head network\'s kernel)', () => {
    const users = CORE_FILES.filter((file) => /\bWebAssembly\b/.test(withoutComments(readFileSync(file, 'utf8')))).map((file) => path.relative(ROOT, file));
    expect(users).toEqual([path.join('src', 'core', 'head-pose', 'regression', 'dense-kernel.ts')]);
  });

  it('the core keeps no module-level mutable state (no top-level let, scratch buffer or cache)', () => {
    expect(moduleState(CORE_FILES)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const mutable = (code: string): boolean => TOP_LEVEL_MUTABLE.some((p) => p.test(withoutComments(code)));
    expect(mutable('let scratch = new Float64Array(64);')).toBe(true);
    expect(mutable('export let count = 0;')).toBe(true);
    expect(mutable('const x = new Float64Array(9);')).toBe(true);
    expect(mutable('const cache: Map<number, T> = new Map();')).toBe(true);
    expect(mutable('const TABLES = new Map<number, Twiddles>();')).toBe(true);
    expect(mutable('function f() {\n  let i = 0;\n  const b = new Float64Array(3);\n}')).toBe(false);
    expect(mutable('class W {\n  readonly rotation = new Float64Array(9);\n}')).toBe(false);
    expect(mutable('export const BYTES = new Uint8Array([0, 97]);')).toBe(true);
    expect(mutable('const OTHERS = Int8Array.of(1, 2, 3);')).toBe(false);
    expect(mutable('const IMMEDIATE: ReadonlySet<Problem> = new Set([a, b]);')).toBe(false);
    expect(mutable('// let old = 1;\n/* const x = new Float64Array(9); */')).toBe(false);
    expect(importSpecifiers("import a from '../ui/x';\n// import b from '../ui/y';\nconst c = await import('./z');")).toEqual(['../ui/x', './z']);
    const fakeCore = path.join(SRC, 'core/fake.ts');
    expect(layerOf(path.resolve(path.dirname(fakeCore), '../ui/app/x'))).toBe('ui');
    expect(CORE_FORBIDDEN.some((p) => p.test('const t = performance.now();'))).toBe(true);
    expect(CORE_FORBIDDEN.some((p) => p.test('const window = 5; movingAverage(signal, window);'))).toBe(false);
  });
});
