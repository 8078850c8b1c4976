import { Blob } from '../../evidence/archive/blob.entity';
import { EvidenceCapture } from '../../evidence/captures/capture.entity';
import { LinkCheck } from '../../evidence/captures/link-check.entity';
import { LinkHealth } from '../../evidence/captures/link-health.entity';
import { AuditEntry } from '../../identity/audit/audit-entry.entity';
import { ApiToken } from '../../identity/auth/api-token.entity';
import { Session } from '../../identity/auth/session.entity';
import { Brand } from '../../catalogue/brands/brand.entity';
import { Commitment } from '../../claims/commitments/commitment.entity';
import { Disclosure, DisclosureEvidence } from '../../claims/disclosures/disclosure.entity';
import { Company } from '../../catalogue/companies/company.entity';
import { CommitmentEvidence, FindingEvidence } from '../../claims/evidence-link.entity';
import { Evidence } from '../../evidence/sources/evidence.entity';
import { ExposureFinding } from '../../claims/findings/exposure-finding.entity';
import { Snapshot } from '../../monitoring/checks/snapshot.entity';
import { WatchCheck } from '../../monitoring/checks/watch-check.entity';
import {
  FindingClosure,
  FindingClosureEvidence,
} from '../../claims/findings/closures/finding-closure.entity';
import { Flag } from '../../monitoring/flags/flag.entity';
import { Watch } from '../../monitoring/watches/watch.entity';
import { ScreeningCandidate } from '../../screening/candidates/screening-candidate.entity';
import { ScreeningFlag } from '../../screening/flags/screening-flag.entity';
import { EntityListEntryName } from '../../screening/lists/entity-list-entry-name.entity';
import { EntityListEntry } from '../../screening/lists/entity-list-entry.entity';
import { EntityList } from '../../screening/lists/entity-list.entity';
import { SupplierFacility } from '../../screening/lists/supplier-facility.entity';
import { SupplierList } from '../../screening/lists/supplier-list.entity';
import { User } from '../../identity/users/user.entity';
import { WebhookDelivery } from '../../webhooks/webhook-delivery.entity';
import { Webhook } from '../../webhooks/webhook.entity';

/**
 * Every TypeORM entity, listed explicitly (no globs) so the app, the CLI and the tests load the same set.
 * Each feature module adds its entities here.
 */
export const allEntities: Array<new (...args: never[]) => object> = [
  User,
  Session,
  ApiToken,
  AuditEntry,
  Company,
  Brand,
  Commitment,
  ExposureFinding,
  Evidence,
  CommitmentEvidence,
  FindingEvidence,
  Blob,
  Watch,
  WatchCheck,
  Snapshot,
  Flag,
  EvidenceCapture,
  LinkHealth,
  LinkCheck,
  Webhook,
  WebhookDelivery,
  Disclosure,
  DisclosureEvidence,
  FindingClosure,
  FindingClosureEvidence,
  EntityList,
  EntityListEntry,
  EntityListEntryName,
  SupplierList,
  SupplierFacility,
  ScreeningCandidate,
  ScreeningFlag,
];
