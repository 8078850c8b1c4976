import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * The URL parses with Node's own parser, which every fetch, politeness key and job uses. class-validator's
 * isURL accepts forms Node refuses (an IPv6 zone id: `http://[fe80::1%25lo]:8799`); such a URL would be
 * stored and then fail in every job that touches it, so it is a 400 at the door instead.
 */
export function ParsesAsUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'parsesAsUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} is not a URL this service can parse`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && URL.canParse(value) },
    });
  };
}
