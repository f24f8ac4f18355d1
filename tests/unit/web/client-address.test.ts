import { describe, expect, it } from "vitest";
import {
  canonicalAddress,
  clientAddress,
  forwardedHttps,
  parseTrustedProxies,
  throttlingAddress,
} from "@/lib/web/client-address";

const none = parseTrustedProxies(undefined);
const oneHop = parseTrustedProxies("1");
const twoHops = parseTrustedProxies("2");
const lan = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

const from = (socketAddress: string | null, forwardedFor: string | null, trusted = none) =>
  clientAddress({ socketAddress, forwardedFor, trusted });

describe("clientAddress with no trusted proxies (TRUSTED_PROXIES unset)", () => {
  it("is the socket address", () => {
    expect(from("203.0.113.7", null)).toBe("203.0.113.7");
  });

  it("ignores a spoofed X-Forwarded-For entirely", () => {
    expect(from("203.0.113.7", "1.2.3.4")).toBe("203.0.113.7");
    expect(from("203.0.113.7", "1.2.3.4, 5.6.7.8")).toBe("203.0.113.7");
  });

  it('is "unknown" only when there is no socket address at all', () => {
    expect(from(null, "1.2.3.4")).toBe("unknown");
  });
});

describe("clientAddress behind a hop count", () => {
  it("takes the entry the nearest proxy appended (one hop)", () => {
    expect(from("10.0.0.2", "198.51.100.9", oneHop)).toBe("198.51.100.9");
  });

  it("does not let a client-prepended entry through: it is left of the trusted hop", () => {
    expect(from("10.0.0.2", "6.6.6.6, 198.51.100.9", oneHop)).toBe("198.51.100.9");
  });

  it("walks two hops through a CDN and a load balancer", () => {
    expect(from("10.0.0.2", "6.6.6.6, 198.51.100.9, 172.16.0.1", twoHops)).toBe("198.51.100.9");
  });

  it("stops at the left end when the chain is shorter than the hop count", () => {
    expect(from("10.0.0.2", null, twoHops)).toBe("10.0.0.2");
    expect(from("10.0.0.2", "198.51.100.9", twoHops)).toBe("198.51.100.9");
  });

  it("never steps past a garbled entry", () => {
    expect(from("10.0.0.2", "198.51.100.9, not-an-ip", twoHops)).toBe("10.0.0.2");
  });
});

describe("clientAddress behind trusted CIDR ranges", () => {
  it("skips every trusted proxy from the right and returns the first untrusted address", () => {
    expect(from("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.5", lan)).toBe("198.51.100.9");
  });

  it("returns the socket address when the peer is not a trusted proxy, whatever the header says", () => {
    expect(from("203.0.113.7", "198.51.100.9", lan)).toBe("203.0.113.7");
  });

  it("returns the left-most address when every hop is trusted", () => {
    expect(from("10.1.2.3", "10.9.9.9", lan)).toBe("10.9.9.9");
  });

  it("matches IPv6 peers and IPv6 clients", () => {
    expect(from("fd00::1", "2001:DB8:0:0::42", lan)).toBe("2001:db8::42");
  });

  it("treats an IPv4-mapped IPv6 socket address as the IPv4 address it maps", () => {
    expect(from("::ffff:10.1.2.3", "198.51.100.9", lan)).toBe("198.51.100.9");
    expect(from("::ffff:203.0.113.7", null)).toBe("203.0.113.7");
  });

  it("stops at a trusted proxy whose left neighbour is garbled", () => {
    expect(from("10.1.2.3", "<script>", lan)).toBe("10.1.2.3");
  });
});

describe("canonicalAddress", () => {
  it("drops ports, brackets and zone ids, and compresses IPv6 in lower case", () => {
    expect(canonicalAddress("198.51.100.9:4711")).toBe("198.51.100.9");
    expect(canonicalAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(canonicalAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(canonicalAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
  });

  it("maps ::ffff:a.b.c.d to a.b.c.d in both spellings", () => {
    expect(canonicalAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(canonicalAddress("::ffff:c000:201")).toBe("192.0.2.1");
  });

  it("is null for anything that is not an address", () => {
    for (const bad of ["", "unknown", "1.2.3", "1.2.3.4.5", "300.1.1.1", "::g", "example.com"]) {
      expect(canonicalAddress(bad)).toBeNull();
    }
  });
});

describe("throttlingAddress", () => {
  it("keeps IPv4 addresses whole", () => {
    expect(throttlingAddress("198.51.100.9")).toBe("198.51.100.9");
  });

  it("groups an IPv6 client by its /64, which one subscriber usually holds", () => {
    expect(throttlingAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttlingAddress("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(throttlingAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });
});

describe("forwardedHttps", () => {
  const https = (socketAddress: string, forwardedProto: string | null, trusted = none) =>
    forwardedHttps({ socketAddress, forwardedProto, trusted });

  it("ignores X-Forwarded-Proto with no trusted proxies (a client could send it)", () => {
    expect(https("203.0.113.7", "https")).toBe(false);
  });

  it("believes a trusted peer's right-most value", () => {
    expect(https("10.0.0.2", "https", oneHop)).toBe(true);
    expect(https("10.0.0.2", "http, https", lan)).toBe(true);
    expect(https("10.0.0.2", "https, http", lan)).toBe(false);
  });

  it("ignores it from a peer outside the trusted ranges", () => {
    expect(https("203.0.113.7", "https", lan)).toBe(false);
  });
});

describe("parseTrustedProxies", () => {
  it("reads unset and blank as no proxies", () => {
    expect(parseTrustedProxies(undefined).kind).toBe("none");
    expect(parseTrustedProxies("  ").kind).toBe("none");
  });

  it("reads a whole number as a hop count", () => {
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
  });

  it("reads addresses and ranges, a bare address as a /32 or /128", () => {
    const parsed = parseTrustedProxies("10.0.0.0/8,127.0.0.1, ::1");
    expect(parsed.kind === "cidrs" && parsed.ranges).toEqual(["10.0.0.0/8", "127.0.0.1/32", "::1/128"]);
  });

  it("refuses hop counts out of range and bad ranges, quoting the bad part", () => {
    expect(() => parseTrustedProxies("0")).toThrow('hop count "0"');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(
      '"10.0.0.0/33" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("10.0.0.0/8,proxy.local")).toThrow('"proxy.local"');
    expect(() => parseTrustedProxies("fd00::/129")).toThrow('"fd00::/129"');
    expect(() => parseTrustedProxies("10.0.0.0/8,")).toThrow('""');
  });
});
