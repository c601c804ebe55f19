/*
 * Compact encoding of a counter vector for the per-cell aggregates: most of a cell's counters are 0,
 * so only non-zero ones are stored, as (index gap, zigzag value) varints. A 460-counter cell of a
 * few responses takes a few hundred bytes and is written as one value instead of 460.
 */
import { COUNTERS, emptyCounters, type CounterVector } from "./counters";

export function encodeCounters(v: ArrayLike<number>): Buffer {
  const bytes: number[] = [];
  const varint = (x: number) => {
    while (x >= 0x80) {
      bytes.push((x % 0x80) | 0x80);
      x = Math.floor(x / 0x80);
    }
    bytes.push(x);
  };
  let last = -1;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x === 0) continue;
    if (!Number.isSafeInteger(x)) throw new RangeError(`counter ${COUNTERS[i]} is not an integer: ${x}`);
    varint(i - last - 1);
    varint(x >= 0 ? x * 2 : -x * 2 - 1);
    last = i;
  }
  return Buffer.from(bytes);
}

/** Adds the encoded counters into `target` (a fresh vector when omitted). */
export function decodeCountersInto(buf: Uint8Array, target: CounterVector = emptyCounters()): CounterVector {
  let pos = 0;
  const varint = () => {
    let x = 0;
    let scale = 1;
    for (;;) {
      const b = buf[pos++]!;
      x += (b & 0x7f) * scale;
      if (b < 0x80) return x;
      scale *= 0x80;
    }
  };
  let index = -1;
  while (pos < buf.length) {
    index += varint() + 1;
    const z = varint();
    target[index]! += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  return target;
}
