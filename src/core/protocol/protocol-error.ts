/** A protocol data error, naming the bad field by its path (e.g. `exercises[3].targets[0].max`). */
export class ProtocolError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Invalid protocol data at ${field}: ${problem}`);
    this.name = 'ProtocolError';
  }
}
