import { redirect } from "next/navigation";

/** The home page's code form lands here; the code's own page handles unknown codes. */
export default async function SurveyCodeRedirect({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const clean = (code ?? "").trim();
  redirect(clean ? `/s/${encodeURIComponent(clean)}` : "/");
}
