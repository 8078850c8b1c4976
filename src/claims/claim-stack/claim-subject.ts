/** Whom a claim is about: a brand, or a company group (a group's claim applies to each of its brands). */
export type ClaimSubject = { brandId: string } | { companyId: string };

/** The subject as the two columns every claim table has (exactly one of them set). */
export function subjectColumns(subject: ClaimSubject): { brandId: string | null; companyId: string | null } {
  return 'brandId' in subject
    ? { brandId: subject.brandId, companyId: null }
    : { brandId: null, companyId: subject.companyId };
}
