/**
 * Where a webhook may point. A webhook URL is chosen by an API user and Wareloop POSTs to it from
 * inside the company network, so by default it may not reach private, loopback, link-local (the
 * cloud metadata service at 169.254.169.254), CGNAT, multicast, unspecified or reserved
 * addresses (SSRF). Checked when a webhook is created or changed (literal addresses, and names
 * through DNS) and again on every send: the sender connects only to an address it has just
 * checked, so a name that later resolves elsewhere (DNS rebinding) gets nowhere.
 *
 * `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true` lifts the rule; `WEBHOOK_ALLOWED_HOSTS` lets through
 * named hosts and CIDRs of internal systems.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

type Ip = { version: 4 | 6; value: bigint };
type Cidr = Ip & { bits: number };

export type DestinationPolicy = {
  allowPrivateNetworks: boolean;
  /** Host names (exact, case-insensitive) let through whatever they resolve to. */
  allowedNames: ReadonlySet<string>;
  /** Address ranges let through even though private. */
  allowedRanges: readonly Cidr[];
  /** How names are resolved: the system resolver (tests resolve names of their own). */
  resolve: Resolve;
};

export type Resolve = (
  host: string,
  options: { all: true; family?: number; hints?: number },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** The policy from the settings `WEBHOOK_ALLOW_PRIVATE_NETWORKS` and `WEBHOOK_ALLOWED_HOSTS`. */
export function destinationPolicy(
  settings: { webhookAllowPrivateNetworks: boolean; webhookAllowedHosts: readonly string[] },
  resolve: Resolve = dnsLookup,
): DestinationPolicy {
  const allowedNames = new Set<string>();
  const allowedRanges: Cidr[] = [];
  for (const entry of settings.webhookAllowedHosts) {
    const range = parseCidr(entry);
    if (range) allowedRanges.push(range);
    else allowedNames.add(normalName(entry));
  }
  return { allowPrivateNetworks: settings.webhookAllowPrivateNetworks, allowedNames, allowedRanges, resolve };
}

/** Whether an allowed-hosts entry is a host name, an address or a CIDR (for the settings check). */
export function isAllowedHostEntry(entry: string): boolean {
  if (parseCidr(entry)) return true;
  return /^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(entry);
}

const normalName = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** The host of a URL as the resolver and the policy see it: no brackets, lower case. */
export function hostOf(url: URL): string {
  return normalName(url.hostname.replace(/^\[(.*)\]$/, '$1'));
}

function parseIp(text: string): Ip | undefined {
  const s = text.replace(/^\[(.*)\]$/, '$1').split('%')[0]!; // an IPv6 zone (fe80::1%eth0) is not part of the address
  const version = isIP(s);
  if (version === 4) return { version, value: s.split('.').reduce((n, octet) => (n << 8n) + BigInt(octet), 0n) };
  if (version !== 6) return undefined;
  let a = s;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const v4 = parseIp(dotted[2]!)!.value;
    a = `${dotted[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  let groups: string[];
  if (a.includes('::')) {
    const [head, tail] = a.split('::') as [string, string];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  } else groups = a.split(':');
  return { version, value: groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n) };
}

function parseCidr(text: string): Cidr | undefined {
  const [address, bits, ...rest] = text.split('/');
  if (rest.length || address === undefined) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const max = ip.version === 4 ? 32 : 128;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return undefined;
  const n = bits === undefined ? max : Number(bits);
  if (n > max) return undefined;
  return { ...ip, bits: n };
}

function contains(range: Cidr, ip: Ip): boolean {
  if (range.version !== ip.version) return false;
  const shift = BigInt((ip.version === 4 ? 32 : 128) - range.bits);
  return ip.value >> shift === range.value >> shift;
}

const cidr = (text: string) => parseCidr(text)!;

/** Ranges a webhook may not reach, most specific first, each with what it is. */
const FORBIDDEN: Array<[Cidr, string]> = [
  ['0.0.0.0/8', 'unspecified ("this network")'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (carrier-grade NAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (incl. the cloud metadata service)'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignment'],
  ['192.0.2.0/24', 'documentation'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved (incl. broadcast)'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'IPv4-mapped'],
  ['::/96', 'IPv4-compatible'],
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard-only'],
  ['2001::/32', 'Teredo'],
  ['2001:db8::/32', 'documentation'],
  ['fc00::/7', 'unique local (ULA)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
].map(([range, what]) => [cidr(range!), what!]);

// IPv6 ranges that carry an IPv4 address: the embedded one decides.
const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

/** What kind of forbidden address `address` is, or undefined when it is a public one. */
export function forbiddenRange(address: string): string | undefined {
  const ip = parseIp(address);
  if (!ip) return 'unparsable';
  for (const [range, what] of FORBIDDEN) if (contains(range, ip)) return what;
  if (contains(NAT64, ip)) return forbiddenRange(v4Text(ip.value & 0xffffffffn));
  if (contains(SIX_TO_FOUR, ip)) return forbiddenRange(v4Text((ip.value >> 80n) & 0xffffffffn));
  return undefined;
}

const v4Text = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');

/** The IPv4 address inside an IPv4-mapped IPv6 one, so an allowed IPv4 range covers both spellings. */
function unmapped(ip: Ip): Ip {
  return ip.version === 6 && ip.value >> 32n === 0xffffn ? { version: 4, value: ip.value & 0xffffffffn } : ip;
}

/**
 * Why `host`, at `address`, is no place for a webhook (a sentence for the API or the attempt
 * log), or undefined when it may be reached.
 */
export function refusal(policy: DestinationPolicy, host: string, address: string): string | undefined {
  if (policy.allowPrivateNetworks || policy.allowedNames.has(normalName(host))) return undefined;
  const what = forbiddenRange(address);
  if (!what) return undefined;
  const ip = parseIp(address);
  if (ip && policy.allowedRanges.some((r) => contains(r, ip) || contains(r, unmapped(ip)))) return undefined;
  const where = parseIp(host) ? `${address} is` : `${host} resolves to ${address},`;
  const article = /^(unspec|[aeio])/i.test(what) ? 'an' : 'a';
  return `${where} ${article} ${what} address: webhooks may not reach private networks (an administrator can allow it with WEBHOOK_ALLOWED_HOSTS)`;
}

export class DestinationRefused extends Error {
  override name = 'DestinationRefused';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect`/`http.request`: resolves the name, refuses it if any of its
 * addresses is forbidden, and hands the checked addresses to the connection, which connects only
 * to them (TLS still verifies and sends SNI for the name).
 */
export function guardedLookup(policy: DestinationPolicy) {
  return (hostname: string, options: { family?: number | string; hints?: number; all?: boolean }, callback: LookupCallback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0) || 0;
    policy.resolve(hostname, { all: true, family, hints: options.hints }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = checkAddresses(policy, hostname, addresses);
      if (refused) return callback(refused, []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function checkAddresses(policy: DestinationPolicy, host: string, addresses: LookupAddress[]): DestinationRefused | undefined {
  if (!addresses.length) return new DestinationRefused(`${host} resolves to no address`);
  for (const a of addresses) {
    const why = refusal(policy, host, a.address);
    // Every address: a name with one public and one private address could be steered to either.
    if (why) return new DestinationRefused(why);
  }
  return undefined;
}

/**
 * The send-time check of what can be decided before connecting: a literal address (a connection
 * to one asks no resolver). Names go through `guardedLookup` when the connection is made.
 */
export function refuseBeforeConnecting(policy: DestinationPolicy, url: URL): string | undefined {
  const host = hostOf(url);
  if (policy.allowPrivateNetworks || policy.allowedNames.has(host)) return undefined;
  return parseIp(host) ? refusal(policy, host, host) : undefined;
}

const CHECK_TIMEOUT_MS = 5000;

/**
 * The create/update-time check: a literal address or a name that resolves (now) to a forbidden
 * address is refused with the reason. A name that does not resolve (yet) is accepted: every
 * send checks again.
 */
export async function destinationProblem(policy: DestinationPolicy, urlText: string): Promise<string | undefined> {
  const url = new URL(urlText);
  const early = refuseBeforeConnecting(policy, url);
  if (early || policy.allowPrivateNetworks) return early;
  const host = hostOf(url);
  if (parseIp(host) || policy.allowedNames.has(host)) return undefined;
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    const timer = setTimeout(() => resolve([]), CHECK_TIMEOUT_MS);
    policy.resolve(host, { all: true }, (err, found) => {
      clearTimeout(timer);
      resolve(err ? [] : found);
    });
  });
  if (!addresses.length) return undefined;
  return checkAddresses(policy, host, addresses)?.message;
}
