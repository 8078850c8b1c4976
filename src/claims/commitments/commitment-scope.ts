/**
 * What a commitment covers, stored as JSONB (its shape grows as sources say more) and validated at the
 * edge by CommitmentScopeDto. Tiers follow the usual supply-chain numbering: 1 final manufacturing,
 * 2 processing (fabric, components), 3 raw-material processing (yarn, polysilicon), 4 raw materials
 * (cotton, quartz).
 */
export interface CommitmentScope {
  tiers?: number[];
  materials?: string[];
  /** ISO date by which the commitment is to be met. */
  deadline?: string;
  /** Whether it also covers Uyghur workers transferred to factories outside the region. */
  coversLabourTransfers?: boolean;
}
