/**
 * One error type for everything a request can fail on; `message` and `fields` are safe to show.
 * Every code the API sends is here with its status (docs/api.md lists the same table).
 */
export type ErrorCode =
  | "invalid_json"
  | "body_too_large"
  | "validation_failed"
  | "incomplete"
  | "not_found"
  | "survey_closed"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "invitation_used"
  | "draft_save_limit"
  | "rate_limited"
  | "internal";

export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_json: 400,
  body_too_large: 413,
  validation_failed: 400,
  incomplete: 400,
  not_found: 404,
  survey_closed: 409,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  invitation_used: 409,
  // 409, not 429: waiting does not help; the draft itself accepts no more saves (docs/api.md, "Limits").
  draft_save_limit: 409,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}
