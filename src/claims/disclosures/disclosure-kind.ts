/** What a brand (or its group) has published about its supply chain; methodology v1 "Traceability and disclosure". */
export enum DisclosureKind {
  /** A list of its tier-1 (final manufacturing) suppliers. */
  Tier1SupplierList = 'tier1_supplier_list',
  /** The processing tiers: fabric mills, yarn spinners, component makers. */
  ProcessingTiers = 'processing_tiers',
  /** Where raw materials (cotton, polysilicon...) come from, traced to origin. */
  RawMaterialTraceability = 'raw_material_traceability',
}

export const DISCLOSURE_KINDS = Object.values(DisclosureKind);
