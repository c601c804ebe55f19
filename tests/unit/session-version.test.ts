import { beforeAll, describe, expect, it } from "vitest";
import { bumpSessionVersion, findUserById, insertUser, setPasswordHash } from "../../db/queries/users";
import { sessionIsCurrent, tokenSessionVersion } from "../../lib/auth/session-version";
import { createTestDb } from "../helpers/test-db";

describe("session versions (decision 010)", () => {
  const db = createTestDb();
  let user: Awaited<ReturnType<typeof insertUser>>;
  beforeAll(async () => {
    user = await insertUser(db, { email: "versions@test.local", name: "Versions", role: "lead", passwordHash: "x" });
  });

  it("starts at 0, and a token from before versions existed counts as 0", () => {
    expect(user.sessionVersion).toBe(0);
    expect(tokenSessionVersion({ uid: user.id })).toBe(0);
    expect(sessionIsCurrent({ uid: user.id }, user)).toBe(true);
  });

  it("a token stands only for an enabled user at the same version", () => {
    expect(sessionIsCurrent({ sv: 3 }, { disabledAt: null, sessionVersion: 3 })).toBe(true);
    expect(sessionIsCurrent({ sv: 2 }, { disabledAt: null, sessionVersion: 3 })).toBe(false);
    expect(sessionIsCurrent({ sv: "3" }, { disabledAt: null, sessionVersion: 3 })).toBe(false);
    expect(sessionIsCurrent({ sv: 3 }, { disabledAt: "2026-11-28T00:00:00Z", sessionVersion: 3 })).toBe(false);
    expect(sessionIsCurrent({ sv: 3 }, undefined)).toBe(false);
    expect(sessionIsCurrent(null, { disabledAt: null, sessionVersion: 0 })).toBe(false);
  });

  it("a password change bumps the version in the same statement", async () => {
    expect(await setPasswordHash(db, user.id, "y")).toBe(1);
    expect(await findUserById(db, user.id)).toMatchObject({ passwordHash: "y", sessionVersion: 1 });
    expect(await setPasswordHash(db, 999_999, "z")).toBeUndefined();
  });

  it("a bump with an expected version only happens from that version (a stale token ends nothing)", async () => {
    expect(await bumpSessionVersion(db, user.id, 0)).toBeUndefined();
    expect((await findUserById(db, user.id))?.sessionVersion).toBe(1);
    expect(await bumpSessionVersion(db, user.id, 1)).toBe(2);
    expect(await bumpSessionVersion(db, user.id)).toBe(3);
  });
});
