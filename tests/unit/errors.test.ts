import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_STATUS } from "../../core/errors";
import { errorResponse } from "../../server/http/error-response";

describe("the API's error codes", () => {
  it("are the table in docs/api.md, code for code and status for status", () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../../docs/api.md"), "utf8");
    const documented = Object.fromEntries([...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));
    expect(documented).toEqual(ERROR_STATUS);
  });

  it("answer in one envelope, with the code's status, never cached", async () => {
    const limited = errorResponse(new AppError("rate_limited", "Too many requests"), { headers: { "Retry-After": "7" }, extra: { url: "/signin" } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: "Too many requests" }, url: "/signin" });

    const large = errorResponse(new AppError("body_too_large", "Request body must be at most 10 bytes", { body: "must be at most 10 bytes" }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ error: { code: "body_too_large", message: "Request body must be at most 10 bytes", fields: { body: "must be at most 10 bytes" } } });
  });

  it("show nothing of an unexpected failure", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("SQLITE_BUSY at /srv/app/db.sqlite"));
    logged.mockRestore();
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("SQLITE");
  });
});
