/** The fixture's accounts (tests/reliability/fixture.ts), apart so the global setup can hash their passwords once. */
export const ADMIN = { email: "admin@rel.local", password: "reliability-admin-1" };
export const LEAD = { email: "lead@rel.local", password: "reliability-lead-1" };
export const FIXTURE_PASSWORDS = [ADMIN.password, LEAD.password];
