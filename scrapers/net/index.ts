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
export { parseFetchUrl } from './url-policy';
