/** Why an exposure finding ended (docs/data-model.md, "Findings that end"). */
export enum ClosureReason {
  /** The brand or group sold its facility in the region (e.g. Volkswagen's Ürümqi plant, 2024). */
  FacilitySold = 'facility_sold',
  FacilityClosed = 'facility_closed',
  /** The brand ended its business with the supplier the finding named. */
  RelationshipEnded = 'relationship_ended',
  /** The report or list that made the finding withdrew or corrected it. */
  ClaimWithdrawn = 'claim_withdrawn',
}

export const CLOSURE_REASONS = Object.values(ClosureReason);
