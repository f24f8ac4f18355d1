import { z } from "zod";

const query = z.string().trim().max(200).catch("");

/** The `q` search parameter, validated: a string of at most 200 characters, else empty. */
export function searchQuery(params: Record<string, string | string[] | undefined>): string {
  return query.parse(params.q);
}
