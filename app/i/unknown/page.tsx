import type { Metadata } from "next";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { MessagePage } from "../../components/message-page";

export const metadata: Metadata = { title: "Invitation not found", robots: { index: false } };

export default async function InvitationUnknownPage() {
  const m = messages(await currentLocale());
  return <MessagePage title={m.unavailable.invitationUnknownTitle} body={m.unavailable.invitationUnknownBody} linkText={m.unavailable.home} />;
}
