import { isIPv4, isIPv6 } from "node:net";

/**
 * Classifies an IP address for outgoing webhooks (SSRF protection): only `public` addresses may be called. Everything
 * an attacker could use to reach the platform's own network is refused — loopback, private, link-local (incl. cloud
 * metadata 169.254.169.254), CGNAT, multicast, unspecified, reserved and documentation ranges, IPv6 ULA/link-local,
 * and IPv6 forms that embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) by the embedded address.
 */
export type AddressClass =
  | "public"
  | "invalid"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "multicast"
  | "reserved";

function parseIPv4(ip: string): number[] | null {
  if (!isIPv4(ip)) return null;
  return ip.split(".").map(Number);
}

function classifyIPv4([a, b, c]: number[]): AddressClass {
  if (a === 0) return "unspecified"; // 0.0.0.0/8 ("this network")
  if (a === 127) return "loopback";
  if (a === 10) return "private";
  if (a === 172 && b >= 16 && b <= 31) return "private";
  if (a === 192 && b === 168) return "private";
  if (a === 169 && b === 254) return "link-local";
  if (a === 100 && b >= 64 && b <= 127) return "cgnat";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved"; // 240/4 and 255.255.255.255
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return "reserved"; // IETF protocol assignments, TEST-NET-1
  if (a === 198 && (b === 18 || b === 19)) return "reserved"; // benchmarking
  if (a === 198 && b === 51 && c === 100) return "reserved"; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return "reserved"; // TEST-NET-3
  if (a === 192 && b === 88 && c === 99) return "reserved"; // 6to4 relay anycast
  return "public";
}

/** Eight 16-bit groups of an IPv6 address (dotted IPv4 tail allowed), or null. */
function parseIPv6(input: string): number[] | null {
  const ip = input.replace(/%.*$/, ""); // zone id
  if (!isIPv6(ip)) return null;
  let text = ip;
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]);
    if (!v4) return null;
    const hi = ((v4[0] << 8) | v4[1]).toString(16);
    const lo = ((v4[2] << 8) | v4[3]).toString(16);
    text = `${text.slice(0, -dotted[1].length)}${hi}:${lo}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...headGroups, ...Array(missing).fill("0"), ...tailGroups].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function v4From(hi: number, lo: number): number[] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function classifyIPv6(g: number[]): AddressClass {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return "unspecified"; // ::
  if (zeroUpTo(7) && g[7] === 1) return "loopback"; // ::1
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIPv4(v4From(g[6], g[7])); // ::ffff:a.b.c.d
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(v4From(g[6], g[7])); // ::ffff:0:a.b.c.d
  if (zeroUpTo(6)) return classifyIPv4(v4From(g[6], g[7])); // ::a.b.c.d (IPv4-compatible, deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIPv4(v4From(g[6], g[7])); // NAT64 64:ff9b::/96
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "reserved"; // local-use NAT64 64:ff9b:1::/48
  if (g[0] === 0x2002) return classifyIPv4(v4From(g[1], g[2])); // 6to4 2002::/16 carries an IPv4 address
  if ((g[0] & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return "private"; // fec0::/10 site-local (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return "multicast"; // ff00::/8
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return "reserved"; // 100::/64 discard
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "reserved"; // documentation
  if (g[0] === 0x2001 && g[1] < 0x200) return "reserved"; // 2001::/23 IETF protocol assignments (Teredo, …)
  if ((g[0] & 0xe000) !== 0x2000) return "reserved"; // only 2000::/3 is global unicast
  return "public";
}

export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip);
  if (v4) return classifyIPv4(v4);
  const v6 = parseIPv6(ip);
  if (v6) return classifyIPv6(v6);
  return "invalid";
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === "public";
}
