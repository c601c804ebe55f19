import type { Metadata } from "next";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { MessagePage } from "../../components/message-page";

export const metadata: Metadata = { title: "Invitation used", robots: { index: false } };

export default async function InvitationUsedPage() {
  const m = messages(await currentLocale());
  return <MessagePage title={m.unavailable.invitationUsedTitle} body={m.unavailable.invitationUsedBody} linkText={m.unavailable.home} />;
}
