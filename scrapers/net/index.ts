export { classifyAddress, type AddressVerdict } from './address-policy';
export { Allowlist, parseAllowlistEntry } from './allowlist';
export {
  EgressGuard,
  systemResolver,
  type HostResolver,
  type ResolvedAddress,
  type EgressPolicyOptions,
} from './egress-guard';
export { EgressProxy, type EgressFailure } from './egress-proxy';
export { parseFetchUrl, vetLiteralHost, defaultPort } from './url-policy';
export { createGuardedConnector, type GuardedConnectorOptions } from './guarded-connector';
