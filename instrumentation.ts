/** Runs once when the server starts (Next's instrumentation hook). */
export async function register(): Promise<void> {
  const { Server } = await import("node:http");
  const { installUnsupportedMethodGuard } = await import("@/lib/http/unsupported-method");
  installUnsupportedMethodGuard(Server);
}
