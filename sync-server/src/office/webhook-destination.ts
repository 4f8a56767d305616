// Which webhook destinations the server may call: only public (global unicast) addresses over https, unless GENBA_WEBHOOK_ALLOW names the receiver.
import ipaddr from 'ipaddr.js';

/** GENBA_WEBHOOK_ALLOW parsed: address ranges (CIDR or one address) and host names (exact, case-insensitive). */
export interface WebhookAllowList {
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  hosts: string[];
}

export const EMPTY_ALLOW_LIST: WebhookAllowList = { ranges: [], hosts: [] };

/** Named because they are the classic target of a forged request (cloud instance credentials); both also fall in refused ranges. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Comma- or space-separated entries; throws Error('E_CONFIG_WEBHOOK_ALLOW: …') on an entry that is neither a range nor a host name. */
export function parseWebhookAllowList(raw: string | undefined): WebhookAllowList {
  const list: WebhookAllowList = { ranges: [], hosts: [] };
  for (const entry of (raw ?? '').split(/[\s,]+/).filter((e) => e !== '')) {
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) list.ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      list.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry.toLowerCase())) list.hosts.push(entry.toLowerCase());
    else throw new Error(`E_CONFIG_WEBHOOK_ALLOW: GENBA_WEBHOOK_ALLOW entry "${entry}" is neither an address range (CIDR) nor a host name`);
  }
  return list;
}

/** The URL's host without IPv6 brackets, lower-case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function inAllowedRange(address: string, allow: WebhookAllowList): boolean {
  const parsed = ipaddr.process(address);
  return allow.ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match([base, bits] as never));
}

/**
 * Why the server will not call `address` (loopback, private, link-local, CGNAT, unspecified, metadata, any range that
 * is not global unicast), or null. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) return 'cloud metadata';
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

export type DestinationCheck = { ok: true } | { ok: false; reason: string };

/** At registration: the scheme, and a literal address (a host name is judged at delivery, by the address it resolves to). */
export function checkWebhookUrl(raw: string, allow: WebhookAllowList): DestinationCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const host = hostOf(url);
  const listed = allow.hosts.includes(host) || (ipaddr.isValid(host) && inAllowedRange(host, allow));
  if (url.protocol !== 'https:' && !listed) return { ok: false, reason: `${url.protocol} is refused: use https (or allow-list the receiver in GENBA_WEBHOOK_ALLOW)` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials in the URL are refused: the signature authenticates the server' };
  if (listed) return { ok: true };
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: 'localhost is refused (allow-list it in GENBA_WEBHOOK_ALLOW for an on-premise receiver)' };
  if (ipaddr.isValid(host)) {
    const range = refusedRange(host);
    if (range) return { ok: false, reason: `${host} is a ${range} address (allow-list it in GENBA_WEBHOOK_ALLOW for an on-premise receiver)` };
  }
  return { ok: true };
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The system resolver or a test's stub: every address a host name has. */
export type WebhookResolver = (host: string) => Promise<ResolvedAddress[]>;

export type ResolvedDestination = { ok: true; address: ResolvedAddress } | { ok: false; reason: string };

/**
 * At delivery: resolves the host ONCE and picks the address the request will connect to, so a DNS answer that changes
 * between the check and the connection (rebinding) cannot move the request elsewhere. Every address the name has must
 * be allowed: a name with one public and one private address is refused, not tried in turn.
 */
export async function resolveWebhookDestination(raw: string, allow: WebhookAllowList, resolve: WebhookResolver): Promise<ResolvedDestination> {
  const registered = checkWebhookUrl(raw, allow);
  if (!registered.ok) return registered;
  const url = new URL(raw);
  const host = hostOf(url);
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      return { ok: false, reason: `cannot resolve ${host}: ${(err as Error).message}`.slice(0, 300) };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} has no address` };
  const hostListed = allow.hosts.includes(host);
  for (const candidate of addresses) {
    if (hostListed || inAllowedRange(candidate.address, allow)) continue;
    const range = refusedRange(candidate.address);
    if (range) return { ok: false, reason: `${host} resolves to ${candidate.address}, a ${range} address` };
    if (url.protocol !== 'https:') return { ok: false, reason: `${url.protocol} is refused: use https` };
  }
  return { ok: true, address: addresses[0]! };
}
