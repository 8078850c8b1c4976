/** How a brand is linked to the region (DESIGN.md, "Exposure finding"). */
export enum FindingKind {
  /** Named in a report such as "Uyghurs for Sale" (ASPI, 2020). */
  NamedInReport = 'named_in_report',
  /** A supplier is on the US UFLPA Entity List. */
  UflpaEntityListSupplier = 'uflpa_entity_list_supplier',
  /** The brand or its group operates a facility in the region. */
  OwnFacilityInRegion = 'own_facility_in_region',
  Other = 'other',
}

/** What the brand did about it; the methodology scores acted 100%, without action 40%, none 0%. */
export enum FindingResponse {
  RespondedAndActed = 'responded_and_acted',
  RespondedWithoutAction = 'responded_without_action',
  DidNotRespond = 'did_not_respond',
  Unknown = 'unknown',
}

export const FINDING_KINDS = Object.values(FindingKind);
export const FINDING_RESPONSES = Object.values(FindingResponse);
