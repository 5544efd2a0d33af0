/** A closed range of numbers: a value v is in it when min <= v <= max. */
export interface NumericRange {
  readonly min: number;
  readonly max: number;
}
