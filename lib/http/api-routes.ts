/**
 * Every route handler under app/api, with the methods its route.ts exports. This is the
 * place a new route is added: tests/unit/http/api-routes.test.ts fails until the table
 * matches the files, and tests/e2e/no-500.spec.ts walks every entry with malformed input.
 * The proxy uses it to answer any other method with 405 and an accurate Allow header.
 */
export const routeMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof routeMethods)[number];

export type ApiRoute = {
  /** The route's path as its folder spells it, `[name]` for a dynamic segment. */
  pattern: string;
  methods: readonly RouteMethod[];
  /** Signed-in users only (the walk signs in to reach the handler's input checks). */
  auth: boolean;
  /** The JSON body a POST/PUT/PATCH expects, well formed, for the walk to corrupt. */
  sampleBody?: unknown;
};

export const apiRoutes: readonly ApiRoute[] = [
  { pattern: "/api/cards/[id]/actions", methods: ["POST"], auth: true, sampleBody: { action: "flag" } },
  { pattern: "/api/deck/anki", methods: ["GET"], auth: false },
  { pattern: "/api/export", methods: ["GET"], auth: true },
  { pattern: "/api/health", methods: ["GET"], auth: false },
  { pattern: "/api/import", methods: ["POST"], auth: true, sampleBody: { version: 1 } },
  { pattern: "/api/optimizer", methods: ["GET", "POST"], auth: true },
  { pattern: "/api/optimizer/apply", methods: ["POST"], auth: true, sampleBody: { defaults: true } },
  {
    pattern: "/api/review/grade",
    methods: ["POST"],
    auth: true,
    sampleBody: {
      clientId: "00000000-0000-4000-8000-000000000000",
      cardId: "x",
      rating: 3,
      version: 0,
      durationMs: 1000,
    },
  },
  { pattern: "/api/review/next", methods: ["GET"], auth: true },
  { pattern: "/api/review/undo", methods: ["POST"], auth: true },
  { pattern: "/api/sessions/[id]", methods: ["DELETE"], auth: true },
  { pattern: "/api/settings", methods: ["GET", "PATCH"], auth: true, sampleBody: { theme: "dark" } },
];

/** The route a request path belongs to, if any (a dynamic segment matches any one segment). */
export function findApiRoute(pathname: string): ApiRoute | null {
  const parts = pathname.replace(/\/+$/, "").split("/");
  return (
    apiRoutes.find((route) => {
      const expected = route.pattern.split("/");
      return (
        expected.length === parts.length &&
        expected.every((segment, i) => /^\[.+\]$/.test(segment) || segment === parts[i])
      );
    }) ?? null
  );
}

/** What Allow lists for a route: Next answers HEAD for a GET handler and OPTIONS for every route. */
export function allowedMethods(route: ApiRoute): string[] {
  return [...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}
