import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { MessagePage } from "../../components/message-page";

export default async function SurveyNotFound() {
  const m = messages(await currentLocale());
  return <MessagePage title={m.unavailable.unknownTitle} body={m.unavailable.unknownBody} linkText={m.unavailable.home} />;
}
