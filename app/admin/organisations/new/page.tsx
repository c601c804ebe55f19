import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/page-guards";
import { createOrganisationAction } from "../../actions";
import { OrganisationForm } from "../../organisation-form";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganisationPage() {
  await requireAdminPage("/admin/organisations/new");
  return (
    <section className="card" aria-labelledby="new-org-title">
      <h1 id="new-org-title">New organisation</h1>
      <OrganisationForm action={createOrganisationAction} initial={{}} submitLabel="Create organisation" />
    </section>
  );
}
