export declare class FlatBufferReader {
  constructor(bytes: Uint8Array);
  readonly bytes: Uint8Array;
  rootTable(): number;
  fileIdentifier(length?: number): string;
  u8(pos: number): number;
  i8(pos: number): number;
  u16(pos: number): number;
  u32(pos: number): number;
  i32(pos: number): number;
  f32(pos: number): number;
  u64(pos: number): bigint;
  fieldCount(table: number): number;
  fieldPos(table: number, id: number): number;
  hasField(table: number, id: number): boolean;
  ref(table: number, id: number): number;
  scalarU8(table: number, id: number, fallback?: number): number;
  scalarI8(table: number, id: number, fallback?: number): number;
  scalarU32(table: number, id: number, fallback?: number): number;
  scalarI32(table: number, id: number, fallback?: number): number;
  scalarU64(table: number, id: number, fallback?: bigint): bigint;
  string(table: number, id: number): string | undefined;
  tables(table: number, id: number): number[];
  int32s(table: number, id: number): number[];
  float32s(table: number, id: number): number[];
  byteVector(table: number, id: number): Uint8Array | undefined;
}
