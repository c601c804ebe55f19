import { minimumGroupSize } from "@/core/disclosure/threshold";
import { getDb } from "@/db/client";
import { completeAudit, recordAudit } from "@/db/queries/audit";
import { activeOrganisations, findOrganisationBySlug } from "@/db/queries/organisations";
import { requireRole } from "@/server/auth/permissions";
import { responsesCsvChunks } from "@/lib/csv/export-responses";
import { aggregatesCsv, benchmarkCsv } from "@/lib/csv/export-tables";
import { itemAnalysisCsv } from "@/lib/admin/item-analysis";
import { AppError } from "@/core/errors";
import { jsonRoute } from "@/server/http/api-route";

type Ctx = { params: Promise<{ kind: string }> };

const EXPORT_KINDS = ["responses", "aggregates", "benchmark", "item-analysis"] as const;

function csvHeaders(name: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * CSV exports for admins, each recorded in the audit log (who, what, when, how many rows). Responses
 * stream page by page; the entry says "incomplete" if the download stops part-way.
 */
export const GET = jsonRoute<Ctx>(async (request, { params }) => {
  const user = await requireRole("admin");
  const { kind } = await params;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new AppError("not_found", `No such export; available: ${EXPORT_KINDS.join(", ")}`);
  }
  const db = getDb();
  const url = new URL(request.url);
  for (const key of url.searchParams.keys()) {
    if (key !== "org") throw new AppError("validation_failed", "The request has invalid fields", { [key]: "is not an allowed parameter; allowed: org" });
  }
  const slug = url.searchParams.get("org") || undefined;
  if (slug && kind === "benchmark") throw new AppError("validation_failed", "The request has invalid fields", { org: "benchmark tables cover all organisations; leave org empty" });
  if (slug && kind === "item-analysis") throw new AppError("validation_failed", "The request has invalid fields", { org: "the item analysis covers all organisations; leave org empty" });
  const org = slug ? await findOrganisationBySlug(db, slug) : undefined;
  if (slug && !org) throw new AppError("validation_failed", "The request has invalid fields", { org: `no organisation has the identifier "${slug.slice(0, 64)}"` });
  const actor = { id: user.id, email: user.email };
  const scope = org?.slug ?? "all";
  const min = minimumGroupSize();

  if (kind === "aggregates") {
    const { csv, rows } = await aggregatesCsv(db, org ? [org] : await activeOrganisations(db), min);
    await recordAudit(db, actor, "export_aggregates", scope, rows);
    return new Response(csv, { headers: csvHeaders(`aggregates-${scope}-${today()}.csv`) });
  }
  if (kind === "benchmark") {
    const { csv, rows } = await benchmarkCsv(db, min);
    await recordAudit(db, actor, "export_benchmark", scope, rows);
    return new Response(csv, { headers: csvHeaders(`benchmark-${today()}.csv`) });
  }

  if (kind === "item-analysis") {
    const { csv, rows } = await itemAnalysisCsv(db, min);
    await recordAudit(db, actor, "export_item_analysis", scope, rows);
    return new Response(csv, { headers: csvHeaders(`item-analysis-${today()}.csv`) });
  }

  const auditId = await recordAudit(db, actor, "export_responses", scope, 0, "started");
  let sent = 0;
  // Set by cancel, which may come while a page is being read: that read then leaves the stream and the entry alone.
  let cancelled = false;
  const chunks = responsesCsvChunks(db, { orgSlug: org?.slug, onRows: (n) => (sent = n) });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await chunks.next();
        if (cancelled) return;
        if (step.done) {
          await completeAudit(db, auditId, step.value, "completed");
          controller.close();
        } else controller.enqueue(encoder.encode(step.value));
      } catch (error) {
        if (cancelled) return;
        await completeAudit(db, auditId, sent, "incomplete");
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await completeAudit(db, auditId, sent, "incomplete");
    },
  });
  return new Response(body, { headers: csvHeaders(`responses-${scope}-${today()}.csv`) });
});
