import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { WebhookDestinationRefusedError } from '../notifications.errors';

/**
 * Addresses no delivery may reach unless configured: loopback, private, link-local, unspecified.
 * BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 ranges itself.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/**
 * Where webhook deliveries may go (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOWED_PRIVATE_ADDRESSES). The
 * URL is checked when an endpoint is registered, and every address a host name resolves to is
 * checked again when a delivery connects, so a name that later resolves inward is still refused.
 */
@Injectable()
export class DestinationPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws WEBHOOK_DESTINATION_REFUSED with the reason; returns the parsed URL. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebhookDestinationRefusedError('must be an absolute URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new WebhookDestinationRefusedError('must be an http or https URL');
    if (url.username || url.password) throw new WebhookDestinationRefusedError('must not carry credentials');
    const host = hostOf(url);
    const allowed = this.config.webhooks.allowedHosts;
    if (allowed.length > 0 && !allowed.includes(host))
      throw new WebhookDestinationRefusedError('host is not on the allow-list');
    if (isIP(host) !== 0 && !this.addressAllowed(host))
      throw new WebhookDestinationRefusedError('address is loopback or private');
    return url;
  }

  addressAllowed(address: string): boolean {
    if (this.config.webhooks.allowedPrivateAddresses.includes(address.toLowerCase())) return true;
    return !INTERNAL.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }

  /** A resolver for the outbound connection that refuses internal addresses. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !this.addressAllowed(entry.address));
      if (refused || addresses.length === 0) {
        return callback(new Error('webhook destination resolves to a refused address'), '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
