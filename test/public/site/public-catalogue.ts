import { DataSource } from 'typeorm';
import { CommitmentType } from '../../../src/kernel/as-of/commitment-type';
import { DatePrecision } from '../../../src/kernel/dates/known-date';
import { DisclosureKind } from '../../../src/claims/disclosures/disclosure-kind';
import { DisclosuresService } from '../../../src/claims/disclosures/disclosures.service';
import { EvidenceKind } from '../../../src/evidence/sources/evidence-kind';
import { FindingKind, FindingResponse } from '../../../src/claims/findings/finding-kind';
import { CatalogueFactory } from '../../support/factories';
import type { TestApp } from '../../support/test-app';

/** Text that would run script or open a dialog if any page, feed, badge or file let it through as markup. */
export const HOSTILE = {
  name: `<img src=x onerror="alert('name')">Évil "Brand" & Co`,
  alias: `<script>alert('alias')</script>`,
  group: `<script>alert('group')</script> Group`,
  summary: `<svg onload=alert('summary')></svg> We "never" source <b>there</b>`,
  evidenceTitle: `</a><script>alert('title')</script>`,
  formulaName: `=HYPERLINK("http://evil.example/?x","click me")`,
  website: `javascript:alert('website')`,
};

export interface PublicCatalogue {
  alpha: { slug: string; name: string };
  beta: { slug: string; name: string };
  gamma: { slug: string; name: string };
  hostile: { slug: string; name: string };
  formula: { slug: string; name: string };
  motor: { slug: string; name: string };
  groupSlug: string;
}

/**
 * A small public catalogue: apparel brands committed and not, one exposed, a group commitment, a retraction,
 * a disclosure, hostile names and texts; one automotive brand so sector filters have something to exclude.
 */
export async function buildPublicCatalogue(testApp: TestApp): Promise<PublicCatalogue> {
  const factory = new CatalogueFactory(testApp);
  const group = await factory.verifiedCompany({ name: HOSTILE.group });
  const alpha = await factory.verifiedBrand({ name: 'Alpha Apparel', company: group.slug, hqCountry: 'ES' });
  const beta = await factory.verifiedBrand({ name: 'Beta Wear', hqCountry: 'GB' });
  const gamma = await factory.verifiedBrand({ name: 'Gamma Knit', hqCountry: 'GB' });
  const hostile = await factory.verifiedBrand({
    name: HOSTILE.name,
    aliases: [HOSTILE.alias],
    hqCountry: 'GB',
  });
  const formula = await factory.verifiedBrand({ name: HOSTILE.formulaName, hqCountry: 'GB' });
  const motor = await factory.verifiedBrand({ name: 'Motorwerk', sectors: ['automotive'], hqCountry: 'DE' });
  await factory.brand({ name: 'Draft Only Brand' });

  const hostileEvidence = await factory.verifiedEvidence({
    title: HOSTILE.evidenceTitle,
    kind: EvidenceKind.News,
  });
  await factory.verifiedCommitment(
    { company: group.slug },
    { statedOn: '2021-01-06', summary: 'The group signed the Call to Action.' },
  );
  await factory.verifiedCommitment(
    { brand: motor.slug },
    {
      type: CommitmentType.PolicyNoRegionSourcing,
      statedOn: '2022-05-01',
      statedOnPrecision: DatePrecision.Month,
    },
  );
  // The hostile brand committed once, then retracted: not committed today.
  await factory.verifiedCommitment(
    { brand: hostile.slug },
    { statedOn: '2020-09-01', summary: HOSTILE.summary, evidenceIds: [hostileEvidence.id] },
  );
  await factory.verifiedCommitment(
    { brand: hostile.slug },
    { type: CommitmentType.Retraction, statedOn: '2023-02-14', summary: `Retracted: ${HOSTILE.summary}` },
  );
  await factory.verifiedFinding(
    { brand: gamma.slug },
    { kind: FindingKind.NamedInReport, response: FindingResponse.DidNotRespond, finding: HOSTILE.summary },
  );
  const disclosures = testApp.app.get(DisclosuresService);
  const evidence = await factory.verifiedEvidence();
  const disclosure = await disclosures.createForBrand(
    alpha.slug,
    {
      kind: DisclosureKind.Tier1SupplierList,
      disclosedOn: '2022-06-01',
      disclosedOnPrecision: DatePrecision.Day,
      url: 'https://example.org/alpha/suppliers',
      summary: 'Tier-1 supplier list with addresses.',
      evidenceIds: [evidence.id],
    },
    null,
  );
  await disclosures.verifyAsSystem(disclosure.id, 'test data');
  // Written past the DTO (which refuses it) to prove the page would not link it anyway.
  await testApp.app
    .get(DataSource)
    .query('UPDATE brands SET website = $1 WHERE id = $2', [HOSTILE.website, hostile.id]);
  const ref = (brand: { slug: string; name: string }) => ({ slug: brand.slug, name: brand.name });
  return {
    alpha: ref(alpha),
    beta: ref(beta),
    gamma: ref(gamma),
    hostile: ref(hostile),
    formula: ref(formula),
    motor: ref(motor),
    groupSlug: group.slug,
  };
}
