import { parse } from 'csv-parse/sync';
import {
  EMPLOYER_ENTITY_TYPES,
  type Country,
  type EmployerEntityType,
  type Language,
} from './reference-data.types';

type Row = Record<string, string>;

export type MemberStateSeed = {
  countryCode: string;
  participating: boolean;
  participationStartDate: string | null;
  notificationDate: string | null;
  withdrawalDate: string | null;
  allowedEntityTypes: EmployerEntityType[];
};

function rows(csv: string): Row[] {
  return parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true });
}

const orNull = (value: string | undefined) => (value ? value : null);

function date(value: string | undefined, field: string, line: number): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`member_states.csv:${line}: ${field} must be YYYY-MM-DD`);
  return value;
}

export function countriesFromCsv(csv: string): Country[] {
  return rows(csv).map((row, i) => {
    if (!/^[A-Z]{2}$/.test(row.alpha2) || !/^[A-Z]{3}$/.test(row.alpha3)) {
      throw new Error(`countries.csv:${i + 2}: invalid alpha2/alpha3`);
    }
    return {
      alpha2: row.alpha2,
      alpha3: row.alpha3,
      numericCode: row.numeric,
      name: row.name,
      region: orNull(row.region),
      euMember: row.eu_member === 'true',
      euCode: orNull(row.eu_code),
    };
  });
}

export function languagesFromCsv(csv: string): Language[] {
  return rows(csv).map((row, i) => {
    if (!/^[a-z]{2}$/.test(row.code) || !row.name) throw new Error(`languages.csv:${i + 2}: invalid row`);
    return { code: row.code, name: row.name };
  });
}

export function memberStatesFromCsv(csv: string): MemberStateSeed[] {
  return rows(csv).map((row, i) => {
    const line = i + 2;
    const types = row.allowed_entity_types
      ? row.allowed_entity_types.split(';').map((type) => type.trim())
      : [];
    const unknown = types.filter((type) => !(EMPLOYER_ENTITY_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0)
      throw new Error(`member_states.csv:${line}: unknown entity type ${unknown.join(', ')}`);
    return {
      countryCode: row.country_code,
      participating: row.participating === 'true',
      participationStartDate: date(row.participation_start_date, 'participation_start_date', line),
      notificationDate: date(row.notification_date, 'notification_date', line),
      withdrawalDate: date(row.withdrawal_date, 'withdrawal_date', line),
      allowedEntityTypes: types as EmployerEntityType[],
    };
  });
}
