/*
 * Figures that passed the disclosure module. A shown figure has a type only this module can give it
 * (`Released<T>`): code outside the disclosure module cannot build a `{ suppressed: false, ... }` value
 * that type-checks as a figure, so every figure a page, JSON, CSV or CLI output renders went through
 * a decision of the module.
 */
declare const releasedBrand: unique symbol;

export type Suppressed = { suppressed: true };
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true });

/** A figure the module allowed to be shown. */
export type Released<T> = { suppressed: false } & T & { readonly [releasedBrand]: true };
export type Shown<T> = Released<T> | Suppressed;

/** Marks a value as shown. Only the module (and the figure builders it gates) call this. */
export function release<T extends object>(value: T): Released<T> {
  return { suppressed: false, ...value } as Released<T>;
}

/** `build()` when `allowed`, else the suppression marker. */
export function gate<T extends object>(allowed: boolean, build: () => T): Shown<T> {
  return allowed ? release(build()) : SUPPRESSED;
}

/** A released figure turned into another released figure (a view's derived shape of it). */
export function mapReleased<T extends object, U extends object>(x: Shown<T>, f: (value: Released<T>) => U): Shown<U> {
  return x.suppressed ? x : release(f(x));
}
