import { stringEnum, type EnumValue } from '../../core/string-enum';

/** What a file holds, judged from its first bytes (never from its name or MIME type). */
export const FILE_KINDS = stringEnum('image', 'mp4', 'unknown');
export type FileKind = EnumValue<typeof FILE_KINDS>;

/** How many leading bytes sniffFileKind needs. */
export const SNIFF_BYTES = 16;

function startsWith(head: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (head.length < offset + signature.length) return false;
  return signature.every((byte, i) => head[offset + i] === byte);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** Still-image signatures Chromium's createImageBitmap decodes. */
const IMAGE_SIGNATURES: readonly (readonly number[])[] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  ascii('GIF87a'),
  ascii('GIF89a'),
  ascii('BM'), // BMP
];

/** ISO-BMFF brands that are still images (AVIF/HEIF), not movies. */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1']);

export function sniffFileKind(head: Uint8Array): FileKind {
  if (IMAGE_SIGNATURES.some((signature) => startsWith(head, signature))) return FILE_KINDS.image;
  // RIFF....WEBP
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return FILE_KINDS.image;
  // ISO base media file (mp4, mov, m4v, 3gp): a box whose type is 'ftyp' at offset 4.
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    return IMAGE_BRANDS.has(brand) ? FILE_KINDS.image : FILE_KINDS.mp4;
  }
  // QuickTime files may start with another top-level box (moov, mdat, wide, free, skip).
  if (['moov', 'mdat', 'wide', 'free', 'skip'].some((box) => startsWith(head, ascii(box), 4))) {
    return FILE_KINDS.mp4;
  }
  return FILE_KINDS.unknown;
}
