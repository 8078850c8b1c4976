import type { Provider } from '@nestjs/common';
import { CatalogueImporter } from '../../import/catalogue-importer';
import { CatalogueLookup } from '../../import/catalogue-lookup';
import { BrandRows } from '../../import/kinds/brand-rows';
import { CommitmentRows } from '../../import/kinds/commitment-rows';
import { EvidenceRows } from '../../import/kinds/evidence-rows';
import { ClosureRows } from '../../import/kinds/closure-rows';
import { FindingRows } from '../../import/kinds/finding-rows';
import { SubjectRecords } from '../../import/subject-records';

/**
 * The importer's classes, provided inside the API app for the import page. ImportModule itself is built for
 * the CLI (it brings its own data source and no queues), so it cannot be imported here as it is.
 */
export const IMPORT_PROVIDERS: Provider[] = [
  CatalogueLookup,
  SubjectRecords,
  BrandRows,
  EvidenceRows,
  CommitmentRows,
  FindingRows,
  ClosureRows,
  CatalogueImporter,
];
