import type { Locale } from "@/lib/settings/preferences";
import en from "./messages/en.json";
import ru from "./messages/ru.json";

export type Messages = typeof en;

const catalog: Record<Locale, Messages> = { en, ru };

export async function loadMessages(locale: Locale): Promise<Messages> {
  return catalog[locale];
}
