import { EnablePostgresExtensions1763730000000 } from './1763730000000-EnablePostgresExtensions';
import { AuthAndAudit1763740000000 } from './1763740000000-AuthAndAudit';
import { Catalogue1763750000000 } from './1763750000000-Catalogue';
import { Archive1763755000000 } from './1763755000000-Archive';
import { Monitoring1763760000000 } from './1763760000000-Monitoring';
import { Captures1763770000000 } from './1763770000000-Captures';
import { Webhooks1763780000000 } from './1763780000000-Webhooks';
import { Disclosures1763800000000 } from './1763800000000-Disclosures';
import { PublicDataVersion1763810000000 } from './1763810000000-PublicDataVersion';
import { WatchCheckRequests1763820000000 } from './1763820000000-WatchCheckRequests';
import { ScreeningLists1763900000000 } from './1763900000000-ScreeningLists';
import { ScreeningCandidates1763900000100 } from './1763900000100-ScreeningCandidates';
import { ScreeningFlags1763900000200 } from './1763900000200-ScreeningFlags';
import { TrustChain1796527219323 } from './1796527219323-TrustChain';
import { ProposedRevisions1796529000000 } from './1796529000000-ProposedRevisions';
import { CaptureOriginals1796540000000 } from './1796540000000-CaptureOriginals';
import { HonestEvidenceStates1796540010000 } from './1796540010000-HonestEvidenceStates';
import { BlockedChecks1796600000000 } from './1796600000000-BlockedChecks';
import { StatementGroups1796610000000 } from './1796610000000-StatementGroups';
import { ScopedPublicVersions1796710000000 } from './1796710000000-ScopedPublicVersions';
import { BrandStandings1796730000000 } from './1796730000000-BrandStandings';
import { SectorScopes1796740000000 } from './1796740000000-SectorScopes';
import { UniqueBrandSectors1796750000000 } from './1796750000000-UniqueBrandSectors';

/**
 * Every migration in order. Listed explicitly (no globs) so compiled and ts-node runs agree; a migration
 * produced by `npm run migration:generate` must be added here.
 */
export const allMigrations = [
  EnablePostgresExtensions1763730000000,
  AuthAndAudit1763740000000,
  Catalogue1763750000000,
  Archive1763755000000,
  Monitoring1763760000000,
  Captures1763770000000,
  Webhooks1763780000000,
  Disclosures1763800000000,
  PublicDataVersion1763810000000,
  WatchCheckRequests1763820000000,
  ScreeningLists1763900000000,
  ScreeningCandidates1763900000100,
  ScreeningFlags1763900000200,
  TrustChain1796527219323,
  ProposedRevisions1796529000000,
  CaptureOriginals1796540000000,
  HonestEvidenceStates1796540010000,
  BlockedChecks1796600000000,
  StatementGroups1796610000000,
  ScopedPublicVersions1796710000000,
  BrandStandings1796730000000,
  SectorScopes1796740000000,
  UniqueBrandSectors1796750000000,
];
