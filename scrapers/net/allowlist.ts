import ipaddr from 'ipaddr.js';
import { isIpLiteral } from './address-policy';

/**
 * `FETCH_ALLOWLIST` entries (`host:port`, IPv6 as `[::1]:8080`): the only way to reach a non-public address.
 * An IP entry matches the address actually connected to; a name entry matches the requested host name
 * (the operator vouches for that name). The port must always match: allowing 127.0.0.1:43123 does not
 * open 127.0.0.1:5432.
 */
export interface AllowlistEntry {
  host: string;
  port: number;
}

function normaliseHost(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isIpLiteral(bare) ? ipaddr.process(bare).toString() : bare.toLowerCase();
}

export function parseAllowlistEntry(entry: string): AllowlistEntry {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(entry.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new Error(`Allow-list entry "${entry}" is not host:port (e.g. 127.0.0.1:43123 or [::1]:8080)`);
  }
  return { host: normaliseHost(match[1]), port };
}

export class Allowlist {
  private readonly keys: Set<string>;

  constructor(entries: readonly string[] = []) {
    this.keys = new Set(
      entries
        .map((e) => e.trim())
        .filter((e) => e.length > 0)
        .map((e) => {
          const { host, port } = parseAllowlistEntry(e);
          return `${host}|${port}`;
        }),
    );
  }

  /** Is a connection to `address:port`, made for `requestedHost`, explicitly allowed? */
  allows(address: string, port: number, requestedHost?: string): boolean {
    if (this.keys.size === 0) return false;
    if (this.keys.has(`${normaliseHost(address)}|${port}`)) return true;
    return requestedHost !== undefined && this.keys.has(`${normaliseHost(requestedHost)}|${port}`);
  }
}
