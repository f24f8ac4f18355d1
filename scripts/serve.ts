/**
 * The production HTTP server: Next.js's own request handler behind a plain
 * Node server, for one reason. Next gives app code no socket address, only an
 * X-Forwarded-For it fills from the socket when the client sent none (so a
 * client can write it). Here every request gets the socket address in
 * SOCKET_ADDRESS_HEADER, overwriting whatever the client sent; lib/web decides
 * from it and TRUSTED_PROXIES how far to believe the forwarding headers. It also
 * answers the methods Next cannot take (TRACE) with 405 instead of Next's 500.
 */
import http from "node:http";
import next from "next";
import { parseEnv } from "../lib/env";
import { answerUnsupportedMethod } from "../lib/http/unsupported-method";
import { SOCKET_ADDRESS_HEADER } from "../lib/web/client-address";

const config = parseEnv(process.env);
const app = next({ dev: false, hostname: config.HOST ?? "localhost", port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  // TRACE cannot become the WHATWG Request Next builds for every request: answer it here.
  if (answerUnsupportedMethod(req, res)) return;
  void handle(req, res);
});
server.listen(config.PORT, config.HOST, () => {
  console.log(`ready on http://${config.HOST ?? "localhost"}:${config.PORT}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
