export enum EvidenceKind {
  CompanyStatement = 'company_statement',
  NgoReport = 'ngo_report',
  News = 'news',
  GovernmentList = 'government_list',
  CourtFiling = 'court_filing',
  Other = 'other',
}

export const EVIDENCE_KINDS = Object.values(EvidenceKind);
