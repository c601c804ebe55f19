import { sql } from "drizzle-orm";
import { blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COUNTERS } from "../core/counters";
import { SIZE_BANDS } from "../core/vocabulary";
import { CHECK_ANSWERS, ORG_ANSWERS, SENIORITIES } from "../questions/constants";

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  sector: text("sector").notNull(),
  sizeBand: text("size_band", { enum: SIZE_BANDS }).notNull(),
  /** JSON array of department names, in display order. */
  departments: text("departments", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  archivedAt: text("archived_at"),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const WAVE_STATUSES = ["open", "closed"] as const;

export const waves = sqliteTable(
  "waves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisations.id),
    /** Wave label as used in the responses CSV (e.g. "2026-Q4"), unique per organisation. */
    label: text("label").notNull(),
    questionnaireVersion: integer("questionnaire_version").notNull(),
    /** Public survey code used in /s/<code>. */
    code: text("code").notNull().unique(),
    status: text("status", { enum: WAVE_STATUSES }).notNull().default("open"),
    opensAt: text("opens_at"),
    closesAt: text("closes_at"),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex("waves_org_label").on(t.orgId, t.label)],
);

/** "voided": a submitted response an admin removed from the figures (lib/admin/submissions.ts); kept for the audit, counted nowhere. */
export const RESPONSE_STATUSES = ["draft", "submitted", "voided"] as const;

/*
 * One typed column per questionnaire item so aggregation is plain SQL.
 * self_*: 1..5. org_*: 'yes' | 'partly' | 'no' | 'dont_know'.
 * vision / ld_awareness / customer_understanding: 1..5, or 0 for "don't know".
 * check_*_N_item: the knowledge check drawn into slot N (v2 only); check_*_N: its answer, a–d or "dont_know".
 * NULL = not answered (skipped). No name, email, IP or invitation reference is ever stored.
 */
const selfCol = (name: string) => integer(name);
const orgCol = (name: string) => text(name, { enum: ORG_ANSWERS });
const checkItemCol = (name: string) => text(name);
const checkAnswerCol = (name: string) => text(name, { enum: CHECK_ANSWERS });
const agreeCol = (name: string) => integer(name);

export const responses = sqliteTable(
  "responses",
  {
    /** Public, random response id (the CSV's response_id). */
    id: text("id").primaryKey(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    status: text("status", { enum: RESPONSE_STATUSES }).notNull().default("draft"),
    /** SHA-256 of the private resume/report token; the token itself is never stored. */
    tokenHash: text("token_hash").unique(),
    locale: text("locale").notNull(),
    /** Last survey step the respondent reached, so a resumed draft continues there. */
    step: integer("step").notNull().default(0),
    /** Saves of this draft so far: a draft accepts a bounded number (docs/api.md, "Limits"). */
    writes: integer("writes").notNull().default(0),
    department: text("department"),
    seniority: text("seniority", { enum: SENIORITIES }),
    selfData: selfCol("self_data"),
    selfSecurity: selfCol("self_security"),
    selfCoding: selfCol("self_coding"),
    selfMobile: selfCol("self_mobile"),
    selfSocial: selfCol("self_social"),
    selfAnalytics: selfCol("self_analytics"),
    selfCloud: selfCol("self_cloud"),
    selfAi: selfCol("self_ai"),
    orgData: orgCol("org_data"),
    orgSecurity: orgCol("org_security"),
    orgCoding: orgCol("org_coding"),
    orgMobile: orgCol("org_mobile"),
    orgSocial: orgCol("org_social"),
    orgAnalytics: orgCol("org_analytics"),
    orgCloud: orgCol("org_cloud"),
    orgAi: orgCol("org_ai"),
    vision: agreeCol("vision"),
    ldAwareness: agreeCol("ld_awareness"),
    customerUnderstanding: agreeCol("customer_understanding"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    submittedAt: text("submitted_at"),
    /** When an admin voided this submitted response (status "voided"). */
    voidedAt: text("voided_at"),
    /**
     * Set when a release of the wave's figures first included this response (db/queries/releases.ts),
     * so voiding it is audited as a removal from what readers saw; a voided response that was never
     * released changes nothing they saw.
     */
    released: integer("released", { mode: "boolean" }).notNull().default(false),
    // Knowledge checks (questionnaire v2), added by migration (so last in the table): the check drawn into each slot at the start, and the answer.
    checkData1Item: checkItemCol("check_data_1_item"),
    checkData1: checkAnswerCol("check_data_1"),
    checkData2Item: checkItemCol("check_data_2_item"),
    checkData2: checkAnswerCol("check_data_2"),
    checkSecurity1Item: checkItemCol("check_security_1_item"),
    checkSecurity1: checkAnswerCol("check_security_1"),
    checkSecurity2Item: checkItemCol("check_security_2_item"),
    checkSecurity2: checkAnswerCol("check_security_2"),
    checkCoding1Item: checkItemCol("check_coding_1_item"),
    checkCoding1: checkAnswerCol("check_coding_1"),
    checkCoding2Item: checkItemCol("check_coding_2_item"),
    checkCoding2: checkAnswerCol("check_coding_2"),
    checkMobile1Item: checkItemCol("check_mobile_1_item"),
    checkMobile1: checkAnswerCol("check_mobile_1"),
    checkMobile2Item: checkItemCol("check_mobile_2_item"),
    checkMobile2: checkAnswerCol("check_mobile_2"),
    checkSocial1Item: checkItemCol("check_social_1_item"),
    checkSocial1: checkAnswerCol("check_social_1"),
    checkSocial2Item: checkItemCol("check_social_2_item"),
    checkSocial2: checkAnswerCol("check_social_2"),
    checkAnalytics1Item: checkItemCol("check_analytics_1_item"),
    checkAnalytics1: checkAnswerCol("check_analytics_1"),
    checkAnalytics2Item: checkItemCol("check_analytics_2_item"),
    checkAnalytics2: checkAnswerCol("check_analytics_2"),
    checkCloud1Item: checkItemCol("check_cloud_1_item"),
    checkCloud1: checkAnswerCol("check_cloud_1"),
    checkCloud2Item: checkItemCol("check_cloud_2_item"),
    checkCloud2: checkAnswerCol("check_cloud_2"),
    checkAi1Item: checkItemCol("check_ai_1_item"),
    checkAi1: checkAnswerCol("check_ai_1"),
    checkAi2Item: checkItemCol("check_ai_2_item"),
    checkAi2: checkAnswerCol("check_ai_2"),
  },
  (t) => [
    index("responses_wave_status").on(t.waveId, t.status),
    // Finds abandoned drafts for the purge (lib/survey/purge.ts) without reading every response.
    index("responses_status_updated").on(t.status, t.updatedAt),
    check(
      "self_range",
      sql`coalesce(${t.selfData},1) between 1 and 5 and coalesce(${t.selfSecurity},1) between 1 and 5
        and coalesce(${t.selfCoding},1) between 1 and 5 and coalesce(${t.selfMobile},1) between 1 and 5
        and coalesce(${t.selfSocial},1) between 1 and 5 and coalesce(${t.selfAnalytics},1) between 1 and 5
        and coalesce(${t.selfCloud},1) between 1 and 5 and coalesce(${t.selfAi},1) between 1 and 5`,
    ),
    check(
      "agree_range",
      sql`coalesce(${t.vision},0) between 0 and 5 and coalesce(${t.ldAwareness},0) between 0 and 5
        and coalesce(${t.customerUnderstanding},0) between 0 and 5`,
    ),
    check("submitted_has_time", sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
  ],
);

/** One integer column per aggregate counter (see core/counters.ts). */
function counterColumns() {
  return Object.fromEntries(COUNTERS.map((name) => [name, integer(name).notNull().default(0)])) as Record<
    string,
    ReturnType<typeof integer>
  >;
}

/** Per-wave totals of the submitted responses' counters, kept up to date on every submission and import. */
export const aggWaves = sqliteTable("agg_waves", {
  waveId: integer("wave_id")
    .primaryKey()
    .references(() => waves.id),
  ...counterColumns(),
});

/**
 * The same counters per wave × department × seniority ('' = not answered), for filtered and
 * department views; stored sparse in one blob (core/counter-codec.ts) because most are 0.
 */
/** Counters per wave × department × seniority, the shape of both the live and the released cells. */
function cellsTable<N extends string>(name: N) {
  return sqliteTable(
    name,
    {
      waveId: integer("wave_id")
        .notNull()
        .references(() => waves.id),
      department: text("department").notNull(),
      seniority: text("seniority").notNull(),
      n: integer("n").notNull(),
      counters: blob("counters", { mode: "buffer" }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.waveId, t.department, t.seniority] })],
  );
}

export const aggWaveCells = cellsTable("agg_wave_cells");

/**
 * The released state of each wave: the figures readers see come from here, not from the live
 * aggregates, so reading before and after one submission shows the same figures
 * (lib/disclosure/releases.ts, docs/privacy.md). `plan` is the disclosure plan of the release (JSON).
 */
export const aggReleases = sqliteTable("agg_releases", {
  waveId: integer("wave_id")
    .primaryKey()
    .references(() => waves.id),
  seq: integer("seq").notNull(),
  n: integer("n").notNull(),
  releasedAt: text("released_at").notNull(),
  plan: text("plan").notNull(),
  counters: blob("counters", { mode: "buffer" }).notNull(),
});

/** The released counters per wave × department × seniority, like agg_wave_cells. */
export const aggReleaseCells = cellsTable("agg_release_cells");

/**
 * The counters of responses voided since the wave's last release, per cell: the next release is
 * audited against both what arrived and what was removed (core/disclosure/plan.ts). Emptied when a
 * release is written.
 */
export const aggVoidCells = cellsTable("agg_void_cells");

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Wave = typeof waves.$inferSelect;
export type NewWave = typeof waves.$inferInsert;
export type ResponseRow = typeof responses.$inferSelect;
export type NewResponseRow = typeof responses.$inferInsert;

export const USER_ROLES = ["admin", "lead"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** People who sign in: admins and L&D leads. Respondents never have accounts. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** bcrypt hash (cost 12). */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  disabledAt: text("disabled_at"),
  /**
   * Bumped on sign-out, password change and "sign out everywhere": a session token issued with an
   * older version is treated as signed out (docs/decisions/010-session-revocation.md).
   */
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Which organisations an L&D lead may see. */
export const memberships = sqliteTable(
  "memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: integer("org_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] })],
);

/** Failed sign-in attempts per key ("email:…" or "ip:…"), for exponential back-off. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: text("locked_until"),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Token buckets of the request rate limits (server/http/rate-limit.ts), held here so every app
 * instance on the database shares them. `key` is a kind and the SHA-256 of what is limited (an
 * address or a resume token), never the thing itself; a row untouched for an hour is full and swept.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    tokens: real("tokens").notNull(),
    updatedMs: integer("updated_ms").notNull(),
  },
  (t) => [index("rate_limits_updated").on(t.updatedMs)],
);

/**
 * The change feed: one row each time an organisation's place in the benchmark population may have
 * changed (a release of one of its waves was written or re-planned, the organisation was edited or
 * archived, one of its waves was moved or deleted). Written by triggers in the same transaction as
 * the change (migration 0008), so no writer can forget it; every process follows the rows after the
 * last it has seen and re-reads only those organisations (lib/benchmark/population.ts). Rows older
 * than an hour are pruned.
 */
export const changeFeed = sqliteTable("change_feed", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  orgId: integer("org_id").notNull(),
  at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * Knowledge checks an admin retired: no longer drawn for new respondents; answers already given to
 * them stay in the data and the figures (docs/decisions/019-knowledge-checks.md).
 */
export const checkRetirements = sqliteTable("check_retirements", {
  itemId: text("item_id").primaryKey(),
  retiredAt: text("retired_at").notNull(),
  retiredBy: integer("retired_by").references(() => users.id),
});

/**
 * A personal survey invitation from a roster. `completed` is a flag with no time and no reference to
 * the response it produced: the link between an invitation and a response is never stored, and a
 * completion time could be matched against `responses.submitted_at`.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    waveId: integer("wave_id")
      .notNull()
      .references(() => waves.id),
    /** Stored lower-cased and trimmed. */
    email: text("email").notNull(),
    department: text("department"),
    /** Language of the invitation email and of the survey it opens. */
    locale: text("locale").notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull().default(false),
    /** Emails sent for this invitation (first invitation and reminders). */
    emailsSent: integer("emails_sent").notNull().default(0),
    lastEmailedAt: text("last_emailed_at"),
    /** Personal links issued (each reminder without email issues a new one). */
    linksIssued: integer("links_issued").notNull().default(0),
    lastLinkAt: text("last_link_at"),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex("invitations_wave_email").on(t.waveId, t.email)],
);

/** Personal links: SHA-256 of the token only. A reminder adds a link; earlier links keep working until the invitation is used. */
export const invitationLinks = sqliteTable(
  "invitation_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
  },
  (t) => [index("invitation_links_invitation").on(t.invitationId)],
);

export const AUDIT_ACTIONS = [
  "export_responses",
  "export_aggregates",
  "export_benchmark",
  "invitations_created",
  "invitation_links_reissued",
  "invitation_emails_sent",
  "responses_voided",
  "export_item_analysis",
  "check_retired",
  "check_restored",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who took data out, or issued links, and when. Kept when the user is removed (email is copied). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    userEmail: text("user_email").notNull(),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    /** What it covered: an organisation slug, "org/wave", or "all". */
    scope: text("scope").notNull(),
    rows: integer("rows"),
    /** "completed", or "incomplete" when a download stopped part-way. */
    status: text("status", { enum: ["started", "completed", "incomplete"] }).notNull(),
    /** What exactly was done, in words (e.g. the window and the reason of a void). */
    detail: text("detail"),
  },
  (t) => [index("audit_log_at").on(t.at)],
);

export type Invitation = typeof invitations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
