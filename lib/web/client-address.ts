import { BlockList, isIP } from "node:net";

/**
 * Which forwarding headers to believe. Next.js serves the app over plain HTTP
 * and hands it no socket address, only `x-forwarded-for`, which it fills from
 * the socket only when the client did not send one (so a client can write it).
 * scripts/serve.ts therefore stamps the socket address into SOCKET_ADDRESS_HEADER
 * on every request, overwriting anything a client sent, and these functions
 * believe `x-forwarded-*` only as far as TRUSTED_PROXIES says.
 *
 * - none: no proxy in front; the socket address is the client.
 * - hops: that many proxies in front, each appending to X-Forwarded-For.
 * - cidrs: peers inside these ranges are proxies; the client is the first
 *   address, walking X-Forwarded-For from the right, that is not one.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; ranges: string[]; list: BlockList };

export const SOCKET_ADDRESS_HEADER = "x-gradus-socket-address";

/** Parses TRUSTED_PROXIES: unset, a hop count ("1"), or comma-separated CIDRs/addresses. Throws with the bad part quoted. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error(`hop count "${text}" must be between 1 and 10`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  const ranges: string[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(part);
    const address = match?.[1] ? canonicalAddress(match[1]) : null;
    const family = address ? isIP(address) : 0;
    const prefix = match?.[2] === undefined ? (family === 6 ? 128 : 32) : Number(match[2]);
    if (!address || family === 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(
        `"${part}" is not an IP address or CIDR range (expected e.g. "10.0.0.0/8", "2001:db8::/32" or "127.0.0.1")`,
      );
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    ranges.push(`${address}/${prefix}`);
  }
  return { kind: "cidrs", ranges, list };
}

/**
 * An address in one spelling, so one client always gets one throttle key:
 * ports and IPv6 brackets/zone dropped, IPv4-mapped IPv6 as plain IPv4, IPv6
 * lower-case and compressed. Null when it is not an IP address.
 */
export function canonicalAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  const compressed = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped =
    /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(compressed) ??
    /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (mapped?.[1] && mapped[2] === undefined) return mapped[1];
  if (mapped?.[1] && mapped[2]) {
    const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return compressed;
}

function isTrustedPeer(address: string, trusted: TrustedProxies): boolean {
  if (trusted.kind !== "cidrs") return false;
  return trusted.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The hops, nearest last: X-Forwarded-For's entries then the socket address. Null entries are unparseable. */
function chain(socketAddress: string, forwardedFor: string | null): (string | null)[] {
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(canonicalAddress);
  return [...forwarded, canonicalAddress(socketAddress)];
}

/**
 * How many hops from the right (the socket is hop 0) to believe: the index in
 * the chain, counted from the end, of the client address.
 */
function clientHop(hops: (string | null)[], trusted: TrustedProxies): number {
  if (trusted.kind === "none") return 0;
  if (trusted.kind === "hops") {
    // Never past a garbled entry: what lies left of it was written by the client.
    let hop = 0;
    while (hop < trusted.hops && hop + 1 < hops.length && hops[hops.length - 2 - hop] !== null) hop++;
    return hop;
  }
  let hop = 0;
  for (;;) {
    const current = hops[hops.length - 1 - hop];
    const next = hops[hops.length - 2 - hop];
    if (!current || !isTrustedPeer(current, trusted) || next === undefined || next === null) return hop;
    hop++;
  }
}

/** The client's address for throttling and logs; "unknown" only when even the socket address is missing. */
export function clientAddress(input: {
  socketAddress: string | null;
  forwardedFor: string | null;
  trusted: TrustedProxies;
}): string {
  if (!input.socketAddress) return "unknown";
  const hops = chain(input.socketAddress, input.forwardedFor);
  return hops[hops.length - 1 - clientHop(hops, input.trusted)] ?? "unknown";
}

/**
 * Whether the client reached the app over HTTPS: only a trusted proxy's
 * X-Forwarded-Proto counts (its right-most value, the one the nearest proxy set
 * or added); Next.js itself only ever serves plain HTTP here.
 */
export function forwardedHttps(input: {
  socketAddress: string | null;
  forwardedProto: string | null;
  trusted: TrustedProxies;
}): boolean {
  const peer = input.socketAddress ? canonicalAddress(input.socketAddress) : null;
  const trustedPeer =
    peer !== null &&
    (input.trusted.kind === "hops" || (input.trusted.kind === "cidrs" && isTrustedPeer(peer, input.trusted)));
  if (!trustedPeer) return false;
  const last = input.forwardedProto
    ?.split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .at(-1);
  return last === "https";
}

/**
 * The part of an address that one client controls: an IPv6 client usually
 * holds a whole /64, so it is throttled as one.
 */
export function throttlingAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
