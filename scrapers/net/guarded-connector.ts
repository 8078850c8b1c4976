import { buildConnector } from 'undici';
import { isFetchError } from '../fetch/fetch-error';
import { isIpLiteral } from './address-policy';
import type { EgressGuard } from './egress-guard';

export interface GuardedConnectorOptions {
  connectTimeoutMs: number;
}

/**
 * An undici connector that resolves through the egress guard and dials the vetted IP itself, so the
 * address checked is the address connected to. TLS still verifies the certificate against the original
 * host name: undici derives SNI/servername from `host`, which we leave untouched.
 */
export function createGuardedConnector(
  guard: EgressGuard,
  options: GuardedConnectorOptions,
): buildConnector.connector {
  const dial = buildConnector({ timeout: options.connectTimeoutMs });
  return (connectOptions, callback) => {
    const port = Number(connectOptions.port) || (connectOptions.protocol === 'https:' ? 443 : 80);
    guard.resolve(connectOptions.hostname, port).then(
      (pinned) => {
        const servername =
          connectOptions.servername ||
          (isIpLiteral(connectOptions.hostname) ? undefined : connectOptions.hostname);
        dial({ ...connectOptions, hostname: pinned.address, port: String(port), servername }, callback);
      },
      (error: unknown) => callback(isFetchError(error) ? error : new Error(String(error)), null),
    );
  };
}
