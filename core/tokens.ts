import crypto from "node:crypto";

/** 256 random bits, URL-safe: resume/report tokens and survey codes. */
export function newToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
