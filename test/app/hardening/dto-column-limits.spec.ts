import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { getMetadataArgsStorage } from 'typeorm';
import { CreateBrandDto } from '../../../src/catalogue/brands/dto/create-brand.dto';
import { UpdateBrandDto } from '../../../src/catalogue/brands/dto/update-brand.dto';
import { Brand } from '../../../src/catalogue/brands/brand.entity';
import { CreateCompanyDto } from '../../../src/catalogue/companies/dto/create-company.dto';
import { UpdateCompanyDto } from '../../../src/catalogue/companies/dto/update-company.dto';
import { Company } from '../../../src/catalogue/companies/company.entity';
import { CreateCommitmentDto } from '../../../src/claims/commitments/dto/create-commitment.dto';
import { Commitment } from '../../../src/claims/commitments/commitment.entity';
import { CreateDisclosureDto } from '../../../src/claims/disclosures/dto/create-disclosure.dto';
import { Disclosure } from '../../../src/claims/disclosures/disclosure.entity';
import { CreateFindingDto } from '../../../src/claims/findings/dto/create-finding.dto';
import { CreateClosureDto } from '../../../src/claims/findings/closures/dto/create-closure.dto';
import { FindingClosure } from '../../../src/claims/findings/closures/finding-closure.entity';
import { ExposureFinding } from '../../../src/claims/findings/exposure-finding.entity';
import { CreateEvidenceDto } from '../../../src/evidence/sources/dto/create-evidence.dto';
import { Evidence } from '../../../src/evidence/sources/evidence.entity';
import { CreateApiTokenDto } from '../../../src/identity/auth/dto/create-api-token.dto';
import { ApiToken } from '../../../src/identity/auth/api-token.entity';
import { CreateUserDto } from '../../../src/identity/users/dto/create-user.dto';
import { UpdateUserDto } from '../../../src/identity/users/dto/update-user.dto';
import { User } from '../../../src/identity/users/user.entity';
import { CreateWatchDto } from '../../../src/monitoring/dto/create-watch.dto';
import { Watch } from '../../../src/monitoring/watches/watch.entity';
import { CreateWebhookDto } from '../../../src/webhooks/dto/create-webhook.dto';
import { Webhook } from '../../../src/webhooks/webhook.entity';

type Class = abstract new (...args: never[]) => object;

/**
 * Every DTO that writes a table, with the entity it writes. A new create/update DTO fails the last test
 * until it is listed here, so no body reaches Postgres with a limit the database does not share.
 */
const WRITES: Array<{ dto: Class; entity: Class }> = [
  { dto: CreateBrandDto, entity: Brand },
  { dto: UpdateBrandDto, entity: Brand },
  { dto: CreateCompanyDto, entity: Company },
  { dto: UpdateCompanyDto, entity: Company },
  { dto: CreateCommitmentDto, entity: Commitment },
  { dto: CreateDisclosureDto, entity: Disclosure },
  { dto: CreateFindingDto, entity: ExposureFinding },
  { dto: CreateClosureDto, entity: FindingClosure },
  { dto: CreateEvidenceDto, entity: Evidence },
  { dto: CreateApiTokenDto, entity: ApiToken },
  { dto: CreateUserDto, entity: User },
  { dto: UpdateUserDto, entity: User },
  { dto: CreateWatchDto, entity: Watch },
  { dto: CreateWebhookDto, entity: Webhook },
];

/** Columns of a bounded length (varchar(n), char(n)) by property, the entity's ancestors included. */
function boundedColumns(entity: Class): Map<string, number> {
  const chain: unknown[] = [];
  for (let target: unknown = entity; target; target = Object.getPrototypeOf(target)) chain.push(target);
  const bounded = new Map<string, number>();
  for (const column of getMetadataArgsStorage().columns) {
    const length = Number(column.options.length);
    if (chain.includes(column.target) && length > 0) bounded.set(column.propertyName, length);
  }
  return bounded;
}

function rulesOf(dto: Class, property: string): ValidationMetadata[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto as unknown as new () => object, '', true, false)
    .filter((rule) => rule.propertyName === property);
}

/**
 * The longest string the DTO lets through for the property: its @MaxLength (or @Length's maximum), or the
 * longest value of its enum / @IsIn list; Infinity when nothing bounds it.
 */
function longestAccepted(dto: Class, property: string): number {
  let longest = Infinity;
  for (const rule of rulesOf(dto, property)) {
    const constraints = (rule.constraints ?? []) as unknown[];
    if (rule.name === 'maxLength') longest = Math.min(longest, Number(constraints[0]));
    if (rule.name === 'isLength' && constraints[1] !== undefined)
      longest = Math.min(longest, Number(constraints[1]));
    if (rule.name === 'isEnum' || rule.name === 'isIn') {
      // @IsIn holds an array, @IsEnum the enum object: Object.values reads both.
      const values = Object.values(constraints[0] as object);
      longest = Math.min(longest, Math.max(...values.map((value) => String(value).length)));
    }
  }
  return longest;
}

function dtoClassNamesInSource(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(create|update)-.*\.dto\.ts$/.test(entry.name)) {
        const base = entry.name.replace(/\.dto\.ts$/, '');
        names.push(`${base.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}Dto`);
      }
    }
  };
  walk(path.join(__dirname, '../../../src'));
  return names.sort();
}

describe('limits from one source: the DTOs and the columns they write', () => {
  it.each(WRITES.map(({ dto, entity }) => [dto.name, entity.name, dto, entity] as const))(
    '%s lets through nothing longer than the columns of %s hold',
    (_dtoName, _entityName, dto, entity) => {
      const tooLong: string[] = [];
      for (const [property, columnLength] of boundedColumns(entity)) {
        if (!rulesOf(dto, property).length) continue;
        const accepted = longestAccepted(dto, property);
        if (accepted > columnLength)
          tooLong.push(`${property}: accepts ${accepted}, column holds ${columnLength}`);
      }
      expect(tooLong).toEqual([]);
    },
  );

  it('lists every create and update DTO of src/', () => {
    expect(WRITES.map(({ dto }) => dto.name).sort()).toEqual(dtoClassNamesInSource());
  });
});
