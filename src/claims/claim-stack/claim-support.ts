import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { AuditService } from '../../identity/audit/audit.service';
import { ReviewRunner } from '../../kernel/review/review-runner';

/** What every claim service stands on, injected once so each kind's constructor names only its own parts. */
@Injectable()
export class ClaimSupport {
  constructor(
    readonly dataSource: DataSource,
    readonly brands: BrandsService,
    readonly companies: CompaniesService,
    readonly evidence: EvidenceService,
    readonly audit: AuditService,
    readonly reviews: ReviewRunner,
  ) {}
}
