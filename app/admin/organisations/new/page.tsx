import type { Metadata } from "next";
import { requireAdminPage } from "@/server/auth/page-guards";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { currentLocale } from "@/server/i18n";
import { createOrganisationAction } from "../../actions";
import { OrganisationForm } from "../../organisation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.newOrganisation };
}

export default async function NewOrganisationPage() {
  await requireAdminPage("/admin/organisations/new");
  const m = adminMessages(await currentLocale());
  return (
    <section className="card" aria-labelledby="new-org-title">
      <h1 id="new-org-title">{m.organisations.newOrganisation}</h1>
      <OrganisationForm action={createOrganisationAction} initial={{}} t={m.organisationForm} submitLabel={m.organisationForm.create} />
    </section>
  );
}
