import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { CsvFileError } from '../../import/csv-rows';
import { SYSTEM_READER } from '../../kernel/review/visibility';
import { profileEntity, profileSupplier } from '../matching';
import { listImportRejected, RefusedRow } from './list-import-rejected';
import {
  readEntityRows,
  readSupplierRows,
  type EntityRow,
  type ListLine,
  type SupplierRow,
} from './list-csv';
import { matchKey } from './match-key';
import { NewEntry, NewFacility, ScreeningListsRepository } from './screening-lists.repository';
import { NotUtf8Error } from './utf8';

export interface ImportOptions {
  /** null: the system (CLI, demo seed): evidence it logs is verified on its authority, as the catalogue import. */
  actor: AuthenticatedUser | null;
  onProgress?: (bytes: number) => void;
}

export interface EntityListImportReport {
  list: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** New or changed entries: what re-screening has to look at. */
  changedEntryIds: string[];
  createdEntryIds: string[];
}

export interface SupplierListImportReport {
  brand: string;
  supplierListId: string;
  /** false: this exact file was imported for the brand before; nothing changed. */
  created: boolean;
  facilities: number;
  /** Supplier ids new in this version or changed since the brand's previous one. */
  changedSupplierIds: string[];
}

export interface SupplierListInput {
  brand: string;
  publishedOn: string;
  sourceUrl?: string;
}

/**
 * Imports entity lists and supplier lists from CSV (docs/screening.md). A file goes in whole or not at
 * all: every row is checked first, and one bad row refuses the file with every refused row by line.
 * Idempotent: entries are keyed by their list's id and a hash of their fields; a supplier-list file by
 * the brand and the file's SHA-256.
 */
@Injectable()
export class ListImportService {
  constructor(
    private readonly lists: ScreeningListsRepository,
    private readonly brands: BrandsService,
    private readonly evidence: EvidenceService,
  ) {}

  async importEntityList(
    slug: string,
    listName: string,
    file: string,
    options: ImportOptions,
  ): Promise<EntityListImportReport> {
    const sourceUrls = new Set<string>();
    const rows = await checkAll('entity list', readEntityRows(file, options.onProgress), (row) => {
      if (row.sourceUrl) sourceUrls.add(row.sourceUrl);
    });
    const evidenceByUrl = await this.sourceEvidence(
      [...sourceUrls],
      EvidenceKind.GovernmentList,
      options.actor,
    );
    return this.lists.transaction(async (manager) => {
      const list = await this.lists.ensureList(manager, slug, listName);
      const existing = await this.lists.entryHashes(manager, list.id);
      const report: EntityListImportReport = {
        list: slug,
        rows,
        created: 0,
        updated: 0,
        unchanged: 0,
        changedEntryIds: [],
        createdEntryIds: [],
      };
      for await (const batch of batches(readEntityRows(file))) {
        const fresh: NewEntry[] = [];
        const freshKeys: string[][] = [];
        const keysByEntry = new Map<string, string[]>();
        for (const row of batch) {
          const entry = toEntry(list.id, row, evidenceByUrl);
          const known = existing.get(row.entityId);
          if (!known) {
            fresh.push(entry);
            freshKeys.push(entryKeys(row));
          } else if (known.contentHash === entry.contentHash) {
            report.unchanged += 1;
          } else {
            await this.lists.updateEntry(manager, known.id, entry);
            keysByEntry.set(known.id, entryKeys(row));
            report.updated += 1;
            report.changedEntryIds.push(known.id);
          }
        }
        const createdIds = await this.lists.insertEntries(manager, fresh);
        createdIds.forEach((id, index) => keysByEntry.set(id, freshKeys[index]));
        await this.lists.replaceNames(manager, keysByEntry);
        report.created += createdIds.length;
        report.createdEntryIds.push(...createdIds);
        report.changedEntryIds.push(...createdIds);
      }
      return report;
    });
  }

  async importSupplierList(
    input: SupplierListInput,
    file: string,
    options: ImportOptions,
  ): Promise<SupplierListImportReport> {
    const brand = await this.brands.findByRef(input.brand);
    if (!brand) {
      throw new DomainError(DomainErrorCode.NotFound, `brand: no brand "${input.brand}"`, [
        { field: 'brand', reasons: ['no such brand'] },
      ]);
    }
    const rows = await checkAll('supplier list', readSupplierRows(file, options.onProgress), () => undefined);
    const fileSha256 = await sha256OfFile(file);
    const known = await this.lists.supplierListByFile(brand.id, fileSha256);
    if (known) {
      return {
        brand: brand.slug,
        supplierListId: known.id,
        created: false,
        facilities: known.facilityCount,
        changedSupplierIds: [],
      };
    }
    const evidenceByUrl = await this.sourceEvidence(
      input.sourceUrl ? [input.sourceUrl] : [],
      EvidenceKind.CompanyStatement,
      options.actor,
    );
    return this.lists.transaction(async (manager) => {
      const list = await this.lists.insertSupplierList(manager, {
        brandId: brand.id,
        publishedOn: input.publishedOn,
        sourceEvidenceId: input.sourceUrl ? (evidenceByUrl.get(input.sourceUrl) ?? null) : null,
        fileSha256,
        facilityCount: rows,
      });
      const previous = await this.lists.previousSupplierList(manager, list);
      const before = previous
        ? await this.lists.facilityHashes(manager, previous.id)
        : new Map<string, string>();
      const changedSupplierIds: string[] = [];
      for await (const batch of batches(readSupplierRows(file))) {
        const facilities = batch.map((row) => toFacility(list.id, row));
        await this.lists.insertFacilities(manager, facilities);
        for (const facility of facilities) {
          if (before.get(facility.externalId) !== facility.contentHash)
            changedSupplierIds.push(facility.externalId);
        }
      }
      return {
        brand: brand.slug,
        supplierListId: list.id,
        created: true,
        facilities: rows,
        changedSupplierIds,
      };
    });
  }

  /**
   * The evidence for each source URL, logged when it is not yet (each in its own transaction, before the
   * list's: logging a source twice is harmless, and a refused list leaves at most a logged source).
   */
  private async sourceEvidence(
    urls: string[],
    kind: EvidenceKind,
    actor: AuthenticatedUser | null,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const url of new Set(urls)) {
      const page = await this.evidence.list({ url, limit: 1 }, SYSTEM_READER);
      const found = page.items[0];
      if (found) {
        ids.set(url, found.id);
        continue;
      }
      const created = await this.evidence.create({ url, kind }, actor);
      if (!actor)
        await this.evidence.verifyAsSystem(
          created.id,
          'Logged by the system as the source of a screening list',
        );
      ids.set(url, created.id);
    }
    return ids;
  }
}

/** Rows written per batch: a file is read twice (checked, then written), never held whole in memory. */
const WRITE_BATCH = 1000;

/**
 * The first read: checks every row, keeping only what `keep` gathers, and refuses the file with every refused
 * row (a file-level problem as its line's, else line 1's). Returns the number of rows.
 */
async function checkAll<T>(
  what: string,
  lines: AsyncGenerator<ListLine<T>>,
  keep: (row: T) => void,
): Promise<number> {
  let rows = 0;
  const refused: RefusedRow[] = [];
  try {
    for await (const line of lines) {
      if ('row' in line) {
        rows += 1;
        keep(line.row);
      } else {
        refused.push({ line: line.line, reason: line.problem });
      }
    }
  } catch (error: unknown) {
    if (!(error instanceof CsvFileError) && !(error instanceof NotUtf8Error)) throw error;
    const match = /^line (\d+): (.*)$/s.exec(error.message);
    refused.push(match ? { line: Number(match[1]), reason: match[2] } : { line: 1, reason: error.message });
  }
  if (refused.length) throw listImportRejected(what, refused);
  return rows;
}

/** The second read, of a file checkAll passed: its rows in batches. */
async function* batches<T>(lines: AsyncGenerator<ListLine<T>>): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const line of lines) {
    if (!('row' in line)) throw new Error(`line ${line.line} changed since it was checked: ${line.problem}`);
    batch.push(line.row);
    if (batch.length === WRITE_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function toEntry(listId: string, row: EntityRow, evidenceByUrl: Map<string, string>): NewEntry {
  const fields = {
    externalId: row.entityId,
    name: row.name,
    aliases: row.aliases,
    nameZh: row.nameZh ?? null,
    address: row.address ?? null,
    country: row.country ?? null,
    listSection: row.listSection ?? null,
    addedOn: row.addedOn ?? null,
    removedOn: row.removedOn ?? null,
    uncertainReason: row.uncertain ?? null,
    sourceUrl: row.sourceUrl ?? null,
  };
  return {
    ...fields,
    listId,
    sourceEvidenceId: row.sourceUrl ? (evidenceByUrl.get(row.sourceUrl) ?? null) : null,
    contentHash: hashOf(fields),
  };
}

function entryKeys(row: EntityRow): string[] {
  const entity = profileEntity({
    id: row.entityId,
    name: row.name,
    aliases: row.aliases,
    nameZh: row.nameZh,
  });
  return [...new Set(entity.names.map(matchKey).filter((key) => key.length > 0))];
}

function toFacility(supplierListId: string, row: SupplierRow): NewFacility {
  const fields = {
    externalId: row.supplierId,
    name: row.name,
    address: row.address ?? null,
    country: row.country ?? null,
    osId: row.osId ?? null,
  };
  const supplier = profileSupplier({
    id: row.supplierId,
    name: row.name,
    address: row.address,
    country: row.country,
  });
  return { ...fields, supplierListId, matchKey: matchKey(supplier.name), contentHash: hashOf(fields) };
}

function hashOf(fields: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
