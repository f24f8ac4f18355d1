import { z } from "zod";
import { assertSameOrigin, jsonRoute } from "@/lib/http/json-route";
import { requireApiUser } from "@/lib/web/session";

const paramsSchema = z.object({ id: z.string().uuid({ message: "session id must be a UUID" }) });

/** Signs out one of the caller's own sessions; any other id is 404. */
export const DELETE = jsonRoute(async (request, context: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { repo } = await requireApiUser();
  const { id } = paramsSchema.parse(await context.params);
  await repo.revokeSession(id);
  return new Response(null, { status: 204 });
});
