import { getRequestConfig } from "next-intl/server";
import { requestPreferences } from "@/lib/web/preferences-cookie";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const { locale } = await requestPreferences();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
