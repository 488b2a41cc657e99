/**
 * The generated model file's encoding: entries sorted by bucket, each as the gap from the previous
 * bucket (a varint: 7 bits a byte, one byte for most gaps) and its weight quantized to 8 bits
 * against the largest weight, the whole in base64: ~2.7 characters per kept feature instead of ~20
 * in JSON. The library has no Node or DOM types (no Buffer, no atob), so base64 is done here.
 */

/** A model as the generated file stores it. */
export interface PackedModel {
  readonly bias: number;
  /** The weight a quantized step of 1 stands for. */
  readonly scale: number;
  readonly count: number;
  readonly data: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Quantizes and encodes entries (buckets ascending). */
export function packModel(bias: number, buckets: readonly number[], weights: readonly number[]): PackedModel {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest === 0 ? 1 : largest / 127;
  const bytes: number[] = [];
  let previous = -1;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i] as number;
    let gap = b - previous;
    previous = b;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(Math.round((weights[i] as number) / scale) & 0xff);
  }
  return { bias, scale, count: buckets.length, data: toBase64(Uint8Array.from(bytes)) };
}

/** Decodes a packed model into its buckets and quantized weights (a weight is `steps[i] * scale`). */
export function unpackModel(p: PackedModel): { bias: number; buckets: Int32Array; steps: Int8Array } {
  const bytes = fromBase64(p.data);
  const buckets = new Int32Array(p.count);
  const steps = new Int8Array(p.count);
  let o = 0;
  let previous = -1;
  for (let i = 0; i < p.count; i++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const x = bytes[o++] as number;
      gap |= (x & 0x7f) << shift;
      if (x < 0x80) break;
      shift += 7;
    }
    previous += gap;
    buckets[i] = previous;
    const q = bytes[o++] as number;
    steps[i] = q >= 0x80 ? q - 0x100 : q;
  }
  return { bias: p.bias, buckets, steps };
}

function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(ALPHABET[(n >>> 18) & 63] as string, ALPHABET[(n >>> 12) & 63] as string);
    out.push(i + 1 < bytes.length ? (ALPHABET[(n >>> 6) & 63] as string) : '=');
    out.push(i + 2 < bytes.length ? (ALPHABET[n & 63] as string) : '=');
  }
  return out.join('');
}

function fromBase64(s: string): Uint8Array {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  let length = (s.length / 4) * 3;
  if (s.endsWith('==')) length -= 2;
  else if (s.endsWith('=')) length -= 1;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n =
      ((value[s.charCodeAt(i)] as number) << 18) |
      ((value[s.charCodeAt(i + 1)] as number) << 12) |
      (Math.max(0, value[s.charCodeAt(i + 2)] as number) << 6) |
      Math.max(0, value[s.charCodeAt(i + 3)] as number);
    if (o < length) out[o++] = (n >>> 16) & 0xff;
    if (o < length) out[o++] = (n >>> 8) & 0xff;
    if (o < length) out[o++] = n & 0xff;
  }
  return out;
}
