import { z } from "zod";

const query = z.string().trim().max(200).catch("");

/** The `q` search parameter, validated: a string of at most 200 characters, else empty. */
export function searchQuery(params: Record<string, string | string[] | undefined>): string {
  return query.parse(params.q);
}

/** A page's `searchParams` object as URLSearchParams (a repeated key keeps its first value). */
export function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out.set(key, first);
  }
  return out;
}
