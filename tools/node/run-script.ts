/**
 * Runs a command-line script's `main` and exits with the code it returns; an error is printed as
 * `<name>: <message>` and exits with 1.
 */
export function runScript(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
