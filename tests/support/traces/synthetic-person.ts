// Moved to tools/synthetic (the benchmarks use it too, and tools import no test code).
export * from '../../../tools/synthetic/synthetic-person';
