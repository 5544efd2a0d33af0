import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, IMPORT_LIMITS, type AtlasExport } from './atlas-export';
import { atlasExportValidator } from './export-validators';
import { ImportValidationError } from './import-validation-error';

function checkUnique<T>(items: readonly T[], key: (item: T) => string, path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) throw new ImportValidationError(`${path}[${index}]`, 'duplicate key');
    seen.add(k);
  });
}

function checkReferences(data: AtlasExport): void {
  const sessionIds = new Set(data.sessions.map((session) => session.id));
  const check = (items: readonly { readonly sessionId: string }[], path: string): void =>
    items.forEach((item, index) => {
      if (!sessionIds.has(item.sessionId)) {
        throw new ImportValidationError(`${path}[${index}].sessionId`, 'refers to a session that is not in the file');
      }
    });
  check(data.events, '$.events');
  check(data.reps, '$.reps');
  check(data.personalBests, '$.personalBests');
}

function checkHeader(parsed: unknown): void {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ImportValidationError('$', 'expected an Atlas export object');
  }
  const header = parsed as Record<string, unknown>;
  if (!Object.hasOwn(header, 'format') || header['format'] !== EXPORT_FORMAT) {
    throw new ImportValidationError('$.format', `not an Atlas export (expected "${EXPORT_FORMAT}")`);
  }
  if (!Object.hasOwn(header, 'version') || header['version'] !== EXPORT_FORMAT_VERSION) {
    throw new ImportValidationError('$.version', `unsupported export version (this Atlas reads version ${EXPORT_FORMAT_VERSION})`);
  }
}

/**
 * Parses and strictly validates an export's text. Pure: throws only ImportValidationError
 * (anything unexpected is reported as one too), so callers can show its message as it is.
 */
export function parseAtlasExport(text: unknown): AtlasExport {
  try {
    if (typeof text !== 'string') throw new ImportValidationError('$', 'expected JSON text');
    if (text.length > IMPORT_LIMITS.maxChars) {
      throw new ImportValidationError('$', `file larger than ${IMPORT_LIMITS.maxChars} characters`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ImportValidationError('$', 'not valid JSON');
    }
    checkHeader(parsed);
    const data = atlasExportValidator(parsed, '$');
    checkUnique(data.sessions, (session) => session.id, '$.sessions');
    checkUnique(data.events, (event) => `${event.sessionId}\u0000${event.seq}`, '$.events');
    checkUnique(data.reps, (rep) => `${rep.sessionId}\u0000${rep.seq}`, '$.reps');
    checkUnique(data.personalBests, (best) => `${best.exerciseId}\u0000${best.side}`, '$.personalBests');
    checkReferences(data);
    return data;
  } catch (error) {
    if (error instanceof ImportValidationError) throw error;
    throw new ImportValidationError('$', 'the file could not be read');
  }
}
