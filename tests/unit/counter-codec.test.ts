import { describe, expect, it } from "vitest";
import { decodeCountersInto, encodeCounters } from "../../core/counter-codec";
import { COUNTERS, emptyCounters } from "../../core/counters";
import { createRng } from "../../db/factories";

describe("sparse counter encoding", () => {
  it("round-trips random sparse vectors, including negatives and large values", () => {
    const rng = createRng(3);
    for (let t = 0; t < 200; t++) {
      const v = emptyCounters();
      for (let i = 0; i < v.length; i++) if (rng() < 0.2) v[i] = Math.floor((rng() - 0.3) * 10 ** Math.floor(rng() * 7));
      expect(Array.from(decodeCountersInto(encodeCounters(v)))).toEqual(Array.from(v));
    }
  });

  it("stores zeros for free and adds into an existing vector", () => {
    expect(encodeCounters(emptyCounters()).length).toBe(0);
    const v = emptyCounters();
    v[0] = 3;
    v[COUNTERS.length - 1] = 2 ** 40;
    const target = emptyCounters();
    target[0] = 1;
    decodeCountersInto(encodeCounters(v), target);
    expect(target[0]).toBe(4);
    expect(target[COUNTERS.length - 1]).toBe(2 ** 40);
    expect(() => encodeCounters(Float64Array.from([0.5]))).toThrow(RangeError);
  });
});
