import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import {
  ALIAS_MAX_COUNT,
  COUNTRY_LENGTH,
  COUNTRY_PATTERN,
  isAssignedCountryCode,
  LEI_LENGTH,
  LEI_PATTERN,
  NAME_MAX_LENGTH,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  URL_MAX_LENGTH,
  WIKIDATA_ID_MAX_LENGTH,
  WIKIDATA_ID_PATTERN,
} from '../identifiers';
import { ParsesAsUrl } from '../../../kernel/urls/parses-as-url';

/** Validators for the identifiers brands and companies share; each failure names its field. */
export const IsSlug = () =>
  applyDecorators(
    IsString(),
    MaxLength(SLUG_MAX_LENGTH),
    Matches(SLUG_PATTERN, {
      message:
        '$property must be lower-case letters and digits separated by single hyphens (e.g. marks-and-spencer)',
    }),
  );

export const IsName = () =>
  applyDecorators(
    IsString(),
    MaxLength(NAME_MAX_LENGTH),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

export const IsAliasList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(ALIAS_MAX_COUNT),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(NAME_MAX_LENGTH, { each: true }),
  );

export const IsHttpUrl = () =>
  applyDecorators(
    IsString(),
    MaxLength(URL_MAX_LENGTH),
    IsUrl(
      {
        protocols: ['http', 'https'],
        require_protocol: true,
        require_valid_protocol: true,
        require_tld: false,
      },
      { message: '$property must be an http(s) URL' },
    ),
    ParsesAsUrl(),
  );

export const IsWikidataId = () =>
  applyDecorators(
    IsString(),
    MaxLength(WIKIDATA_ID_MAX_LENGTH),
    Matches(WIKIDATA_ID_PATTERN, { message: '$property must be a Wikidata item id like Q42' }),
  );

export const IsLei = () =>
  applyDecorators(
    IsString(),
    MaxLength(LEI_LENGTH),
    Matches(LEI_PATTERN, { message: '$property must be a 20-character LEI (ISO 17442), upper case' }),
  );

export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    MaxLength(COUNTRY_LENGTH, options)(target, propertyName);
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 3166-1 alpha-2 country code in upper case (e.g. GB)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && COUNTRY_PATTERN.test(value) && isAssignedCountryCode(value),
      },
    });
  };
}
