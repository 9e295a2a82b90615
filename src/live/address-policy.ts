import ipaddr from "ipaddr.js";

/**
 * Which network addresses whosaid may connect to when it fetches a page on someone's word. Only
 * public unicast addresses, unless the operator allows more (FETCH_ALLOW_ADDRESSES): a link
 * pasted in Discord must not reach the machine's own services, the local network or a cloud
 * metadata endpoint (169.254.169.254).
 */
export interface AddressPolicy {
  /** Why the address is refused, or null when whosaid may connect to it. */
  refusal(address: string): string | null;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** How each kind of address ipaddr.js names is described when refused. */
const KINDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
};

/** Cloud metadata services answer here; named in the refusal because they are the usual target. */
const METADATA = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200"];

/**
 * The policy: public unicast addresses, plus the addresses and CIDR ranges in `allow`
 * ("127.0.0.1", "10.0.0.0/8"). Throws naming the entry when one is not an address or range.
 */
export function addressPolicy(allow: readonly string[] = []): AddressPolicy {
  const ranges: Range[] = allow.map(parseRange);
  return {
    refusal(address) {
      let ip: ipaddr.IPv4 | ipaddr.IPv6;
      try {
        // process() reads an IPv4-mapped IPv6 address (::ffff:10.0.0.5) as the IPv4 it carries.
        ip = ipaddr.process(address.replace(/^\[|\]$/g, ""));
      } catch {
        return `“${address}” is not an IP address`;
      }
      if (ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) {
        return null;
      }
      const range = ip.range();
      if (range === "unicast") return null;
      const shown = ip.toString();
      if (METADATA.includes(shown)) return `${shown} is a cloud metadata address`;
      return `${shown} is ${KINDS[range] ?? `a reserved address (${range})`}`;
    },
  };
}

/** Reads FETCH_ALLOW_ADDRESSES: addresses or CIDR ranges separated by commas or spaces. */
export function parseAllowList(text: string | null | undefined): string[] {
  const entries = (text ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) parseRange(entry);
  return entries;
}

function parseRange(entry: string): Range {
  try {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const ip = ipaddr.process(entry);
    return [ip, ip.kind() === "ipv4" ? 32 : 128];
  } catch {
    throw new Error(
      `FETCH_ALLOW_ADDRESSES: “${entry}” is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8)`,
    );
  }
}
