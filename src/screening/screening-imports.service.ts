import { Injectable } from '@nestjs/common';
import { ScreeningService } from './candidates/screening.service';
import {
  EntityListImportReport,
  ImportOptions,
  ListImportService,
  SupplierListImportReport,
  SupplierListInput,
} from './lists/list-import.service';

export type ScreenedEntityList = EntityListImportReport & { candidatesAdded: number; flagsRaised: number };
export type ScreenedSupplierList = SupplierListImportReport & { candidatesAdded: number };

/** An import, then the screening of what it changed (and nothing else). */
@Injectable()
export class ScreeningImportsService {
  constructor(
    private readonly imports: ListImportService,
    private readonly screening: ScreeningService,
  ) {}

  async entityList(
    slug: string,
    name: string,
    file: string,
    options: ImportOptions,
  ): Promise<ScreenedEntityList> {
    const report = await this.imports.importEntityList(slug, name, file, options);
    const { candidates, flags } = await this.screening.screenEntries(
      report.changedEntryIds,
      new Set(report.createdEntryIds),
    );
    return { ...report, candidatesAdded: candidates.length, flagsRaised: flags.length };
  }

  async supplierList(
    input: SupplierListInput,
    file: string,
    options: ImportOptions,
  ): Promise<ScreenedSupplierList> {
    const report = await this.imports.importSupplierList(input, file, options);
    if (!report.created) return { ...report, candidatesAdded: 0 };
    const added = await this.screening.screenSupplierList(report.supplierListId, report.changedSupplierIds);
    return { ...report, candidatesAdded: added.length };
  }
}
