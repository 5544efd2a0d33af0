/**
 * Minimal read-only view of a FlatBuffer: tables, vectors and strings by position.
 * Positions are absolute byte offsets into `bytes`; field ids are schema field ids
 * (a union occupies two ids: its type and then its value).
 */
export class FlatBufferReader {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** @returns {number} */
  rootTable() {
    return this.u32(0);
  }

  /** @param {number} length @returns {string} */
  fileIdentifier(length = 4) {
    return String.fromCharCode(...this.bytes.subarray(4, 4 + length));
  }

  u8(pos) { this.check(pos, 1); return this.view.getUint8(pos); }
  i8(pos) { this.check(pos, 1); return this.view.getInt8(pos); }
  u16(pos) { this.check(pos, 2); return this.view.getUint16(pos, true); }
  u32(pos) { this.check(pos, 4); return this.view.getUint32(pos, true); }
  i32(pos) { this.check(pos, 4); return this.view.getInt32(pos, true); }
  f32(pos) { this.check(pos, 4); return this.view.getFloat32(pos, true); }
  u64(pos) { this.check(pos, 8); return this.view.getBigUint64(pos, true); }

  /** @param {number} pos @param {number} size */
  check(pos, size) {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
      throw new RangeError(`FlatBuffer read out of bounds at ${pos} (+${size}) of ${this.bytes.length} bytes`);
    }
  }

  /** Number of field slots present in the table's vtable. */
  fieldCount(table) {
    const vtable = table - this.i32(table);
    return (this.u16(vtable) - 4) / 2;
  }

  /** Absolute position of a field, or 0 when absent. */
  fieldPos(table, id) {
    const vtable = table - this.i32(table);
    const slot = 4 + 2 * id;
    if (slot >= this.u16(vtable)) return 0;
    const rel = this.u16(vtable + slot);
    return rel === 0 ? 0 : table + rel;
  }

  hasField(table, id) {
    return this.fieldPos(table, id) !== 0;
  }

  /** Position of the object an offset field points to, or 0 when absent. */
  ref(table, id) {
    const pos = this.fieldPos(table, id);
    return pos === 0 ? 0 : pos + this.u32(pos);
  }

  scalarU8(table, id, fallback = 0) { const p = this.fieldPos(table, id); return p ? this.u8(p) : fallback; }
  scalarI8(table, id, fallback = 0) { const p = this.fieldPos(table, id); return p ? this.i8(p) : fallback; }
  scalarU32(table, id, fallback = 0) { const p = this.fieldPos(table, id); return p ? this.u32(p) : fallback; }
  scalarI32(table, id, fallback = 0) { const p = this.fieldPos(table, id); return p ? this.i32(p) : fallback; }
  scalarU64(table, id, fallback = 0n) { const p = this.fieldPos(table, id); return p ? this.u64(p) : fallback; }

  string(table, id) {
    const pos = this.ref(table, id);
    if (pos === 0) return undefined;
    const length = this.u32(pos);
    this.check(pos + 4, length);
    return new TextDecoder().decode(this.bytes.subarray(pos + 4, pos + 4 + length));
  }

  /** Vector of tables → absolute positions of each table. */
  tables(table, id) {
    const pos = this.ref(table, id);
    if (pos === 0) return [];
    const length = this.u32(pos);
    const out = [];
    for (let i = 0; i < length; i++) {
      const element = pos + 4 + 4 * i;
      out.push(element + this.u32(element));
    }
    return out;
  }

  int32s(table, id) {
    const pos = this.ref(table, id);
    if (pos === 0) return [];
    const length = this.u32(pos);
    return Array.from({ length }, (_, i) => this.i32(pos + 4 + 4 * i));
  }

  float32s(table, id) {
    const pos = this.ref(table, id);
    if (pos === 0) return [];
    const length = this.u32(pos);
    return Array.from({ length }, (_, i) => this.f32(pos + 4 + 4 * i));
  }

  /** Vector of bytes as a view (no copy). */
  byteVector(table, id) {
    const pos = this.ref(table, id);
    if (pos === 0) return undefined;
    const length = this.u32(pos);
    this.check(pos + 4, length);
    return this.bytes.subarray(pos + 4, pos + 4 + length);
  }
}
