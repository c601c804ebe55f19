/*
 * Terms of the organisation and account model that are not part of the questionnaire (those live in
 * questions/constants.ts). Each is defined here once; db/schema.ts and the validators import them.
 */

/** Organisation size bands, smallest first. */
export const SIZE_BANDS = ["small", "medium", "large", "enterprise"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
