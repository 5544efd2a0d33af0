/** The import was refused; nothing was written. `path` points at the offending value (`$.sessions[3].id`). */
export class ImportValidationError extends Error {
  override readonly name = 'ImportValidationError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Import refused at ${path}: ${reason}. Nothing was imported.`);
  }
}
