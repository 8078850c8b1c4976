/**
 * Identifier formats shared by brands and companies, used by the DTOs (400 at the edge) and by the
 * CHECK constraints (nothing slips in by another door).
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;
/** ISO 3166-1 alpha-2, upper case. Whether the code is assigned is checked against the list below. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** Wikidata item ids: Q followed by a number without leading zeros. */
export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]*$/;
/** ISO 17442 LEI: 18 alphanumerics and 2 check digits. */
export const LEI_PATTERN = /^[A-Z0-9]{18}[0-9]{2}$/;
export const NAME_MAX_LENGTH = 200;
/** Column lengths (varchar(n) / char(n)); the DTOs refuse longer values with a 400 rather than a 500. */
export const WIKIDATA_ID_MAX_LENGTH = 20;
export const LEI_LENGTH = 20;
export const COUNTRY_LENGTH = 2;
export const OPEN_SUPPLY_HUB_ID_MAX_LENGTH = 100;
export const ALIAS_MAX_COUNT = 50;
export const URL_MAX_LENGTH = 2000;

export const SQL_SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SQL_COUNTRY_PATTERN = '^[A-Z]{2}$';
export const SQL_WIKIDATA_ID_PATTERN = '^Q[1-9][0-9]*$';
export const SQL_LEI_PATTERN = '^[A-Z0-9]{18}[0-9]{2}$';

/** Officially assigned ISO 3166-1 alpha-2 codes (plus XK, used by the EU and most data sets for Kosovo). */
const ASSIGNED_COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
    'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
    'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
    'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
    'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
    'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
    'VG VI VN VU WF WS XK YE YT ZA ZM ZW'
  ).split(' '),
);

export function isAssignedCountryCode(code: string): boolean {
  return ASSIGNED_COUNTRY_CODES.has(code);
}
