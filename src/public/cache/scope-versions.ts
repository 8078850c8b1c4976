import { AGGREGATE_SCOPE, EVERY_SCOPE } from './public-scope';

/** The scopes one update moved: `AGGREGATE_SCOPE` among them when the aggregate version moved, or everything. */
export type ScopeChange = readonly string[] | typeof EVERY_SCOPE;

/**
 * The versions this process knows, as read from `public_data_version` (the aggregate) and
 * `public_scope_versions`, then moved by notifications. A scope's version is its own row or, when `*` (every
 * brand and company) moved later, that; a scope never changed is at the `*` version, 0 at first. So every
 * process that has seen the same commits names the same version for a scope, and their ETags agree.
 * Versions only move forward: a notification may arrive after a read that already saw it.
 */
export class ScopeVersions {
  private aggregate: bigint = 0n;
  private floor: bigint = 0n;
  private floorText = '0';
  /** Only scopes above the floor, as text: a lookup on every request is then one map read. */
  private readonly scopes = new Map<string, string>();

  /** The aggregate version as text: the highest version committed that this process has seen. */
  get current(): string {
    return String(this.aggregate);
  }

  versionOf(scope: string): string {
    if (scope === AGGREGATE_SCOPE) return String(this.aggregate);
    return this.scopes.get(scope) ?? this.floorText;
  }

  /** Rows read in one snapshot: the aggregate version and changed scopes. Returns what moved. */
  load(aggregate: string, rows: ReadonlyArray<{ scope: string; version: string }>): ScopeChange {
    const changed: string[] = [];
    let everything = false;
    for (const row of rows) {
      if (row.scope === EVERY_SCOPE) everything = this.raiseFloor(BigInt(row.version)) || everything;
    }
    for (const row of rows) {
      if (row.scope !== EVERY_SCOPE && this.raise(row.scope, BigInt(row.version))) changed.push(row.scope);
    }
    if (this.raiseAggregate(BigInt(aggregate))) changed.push(AGGREGATE_SCOPE);
    return everything ? EVERY_SCOPE : changed;
  }

  /** One notification: `version` committed, changing `scopes`. Returns what moved. */
  apply(version: string, scopes: readonly string[]): ScopeChange {
    return this.load(
      version,
      scopes.map((scope) => ({ scope, version })),
    );
  }

  private raiseAggregate(version: bigint): boolean {
    if (version <= this.aggregate) return false;
    this.aggregate = version;
    return true;
  }

  private raiseFloor(version: bigint): boolean {
    if (version <= this.floor) return false;
    this.floor = version;
    this.floorText = String(version);
    for (const [scope, known] of this.scopes) if (BigInt(known) <= version) this.scopes.delete(scope);
    return true;
  }

  private raise(scope: string, version: bigint): boolean {
    if (version <= this.floor) return false;
    const known = this.scopes.get(scope);
    if (known !== undefined && BigInt(known) >= version) return false;
    this.scopes.set(scope, String(version));
    return true;
  }
}
