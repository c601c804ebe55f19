/** Okabe–Ito colours: told apart with the common kinds of colour blindness, and in greyscale by lightness. */
export const PALETTE = {
  organisation: "#0072B2",
  benchmark: "#E69F00",
  median: "#1b1b1b",
  topQuartile: "#009E73",
  senior: "#D55E00",
  staff: "#56B4E9",
  other: "#8c99a6",
  self: "#D55E00",
  line: "#CC79A7",
} as const;
