import { randomBytes } from 'node:crypto';
import { BrandsService } from '../../src/catalogue/brands/brands.service';
import type { CreateBrandDto } from '../../src/catalogue/brands/dto/create-brand.dto';
import { CommitmentType } from '../../src/kernel/as-of/commitment-type';
import { CommitmentsService } from '../../src/claims/commitments/commitments.service';
import type { CommitmentView } from '../../src/claims/commitments/dto/commitment.view';
import type { CreateCommitmentDto } from '../../src/claims/commitments/dto/create-commitment.dto';
import { DatePrecision } from '../../src/kernel/dates/known-date';
import { CompaniesService } from '../../src/catalogue/companies/companies.service';
import type { CreateCompanyDto } from '../../src/catalogue/companies/dto/create-company.dto';
import type { CreateEvidenceDto } from '../../src/evidence/sources/dto/create-evidence.dto';
import { EvidenceKind } from '../../src/evidence/sources/evidence-kind';
import { EvidenceService } from '../../src/evidence/sources/evidence.service';
import type { CreateFindingDto } from '../../src/claims/findings/dto/create-finding.dto';
import type { FindingView } from '../../src/claims/findings/dto/finding.view';
import { FindingKind } from '../../src/claims/findings/finding-kind';
import { FindingsService } from '../../src/claims/findings/findings.service';
import type { TestApp } from './test-app';

type Subject = { brand: string } | { company: string };

/**
 * Catalogue test data made through the real services, as the system (no user). Records are drafts unless
 * made with a `verified...` method, which links evidence and verifies them on the system's authority.
 */
export class CatalogueFactory {
  constructor(private readonly testApp: TestApp) {}

  private get companies() {
    return this.testApp.app.get(CompaniesService);
  }
  private get brands() {
    return this.testApp.app.get(BrandsService);
  }
  private get commitments() {
    return this.testApp.app.get(CommitmentsService);
  }
  private get findings() {
    return this.testApp.app.get(FindingsService);
  }
  private get evidence() {
    return this.testApp.app.get(EvidenceService);
  }

  company(overrides: Partial<CreateCompanyDto> = {}) {
    return this.companies.create({ name: `Group ${unique()}`, ...overrides }, null);
  }

  async verifiedCompany(overrides: Partial<CreateCompanyDto> = {}) {
    const company = await this.company(overrides);
    return this.companies.verifyAsSystem(company.slug, 'test data');
  }

  brand(overrides: Partial<CreateBrandDto> = {}) {
    return this.brands.create(
      { name: `Brand ${unique()}`, sectors: ['apparel'], hqCountry: 'GB', ...overrides },
      null,
    );
  }

  async verifiedBrand(overrides: Partial<CreateBrandDto> = {}) {
    const brand = await this.brand(overrides);
    return this.brands.verifyAsSystem(brand.slug, 'test data');
  }

  evidenceItem(overrides: Partial<CreateEvidenceDto> = {}) {
    return this.evidence.create(
      {
        url: `https://example.org/statements/${unique()}`,
        kind: EvidenceKind.CompanyStatement,
        ...overrides,
      },
      null,
    );
  }

  async verifiedEvidence(overrides: Partial<CreateEvidenceDto> = {}) {
    const evidence = await this.evidenceItem(overrides);
    return this.evidence.verifyAsSystem(evidence.id, 'test data');
  }

  async commitment(subject: Subject, overrides: Partial<CreateCommitmentDto> = {}): Promise<CommitmentView> {
    const input: CreateCommitmentDto = {
      type: CommitmentType.CallToActionPublic,
      statedOn: '2021-01-06',
      statedOnPrecision: DatePrecision.Day,
      summary: 'Signed the Call to Action publicly.',
      ...overrides,
    };
    return 'brand' in subject
      ? this.commitments.createForBrand(subject.brand, input, null)
      : this.commitments.createForCompany(subject.company, input, null);
  }

  /** A commitment with one piece of verified evidence, verified (the publication rule needs the source). */
  async verifiedCommitment(subject: Subject, overrides: Partial<CreateCommitmentDto> = {}) {
    const evidence = await this.verifiedEvidence();
    const commitment = await this.commitment(subject, { evidenceIds: [evidence.id], ...overrides });
    await this.commitments.verifyAsSystem(commitment.id, 'test data');
    return commitment;
  }

  async finding(subject: Subject, overrides: Partial<CreateFindingDto> = {}): Promise<FindingView> {
    const input: CreateFindingDto = {
      kind: FindingKind.NamedInReport,
      reportName: 'Uyghurs for Sale (ASPI)',
      publishedOn: '2020-03-01',
      publishedOnPrecision: DatePrecision.Day,
      finding: 'Named among 83 brands linked to factories using transferred Uyghur workers.',
      ...overrides,
    };
    return 'brand' in subject
      ? this.findings.createForBrand(subject.brand, input, null)
      : this.findings.createForCompany(subject.company, input, null);
  }

  async verifiedFinding(subject: Subject, overrides: Partial<CreateFindingDto> = {}) {
    const evidence = await this.verifiedEvidence({ kind: EvidenceKind.NgoReport });
    const finding = await this.finding(subject, { evidenceIds: [evidence.id], ...overrides });
    await this.findings.verifyAsSystem(finding.id, 'test data');
    return finding;
  }
}

export function unique(): string {
  return randomBytes(4).toString('hex');
}
