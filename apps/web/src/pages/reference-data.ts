import type { ApiClient, Schemas } from '../api/web-api';
import type { Locale } from '../i18n/locales';
import type { Option } from '../views/forms';

interface Country {
  readonly code: string;
  readonly euMember: boolean;
}

let countries: { at: number; list: Country[] } | undefined;
const TTL_MS = 10 * 60_000;

/** ISO 3166 countries from the API (cached briefly), named in the page's language by ICU. */
export async function countryList(api: ApiClient): Promise<Country[]> {
  if (countries && Date.now() - countries.at < TTL_MS) return countries.list;
  const { data } = await api.GET('/api/v1/reference/countries');
  const list = (data ?? []).map((country) => ({ code: country.alpha2, euMember: country.euMember }));
  countries = { at: Date.now(), list };
  return list;
}

export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(locale: Locale, list: Country[], filter: (c: Country) => boolean = () => true): Option[] {
  const collator = new Intl.Collator(locale);
  return list
    .filter(filter)
    .map((country) => ({ value: country.code, label: countryName(locale, country.code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export type PartnerCountry = Schemas['PartnerCountryResponse'];

/**
 * The partner-country statuses in force today, with their next recorded change (read fresh: a suspension
 * applies from its day). A third country not listed takes part; EU countries never do.
 */
export async function partnerCountries(api: ApiClient): Promise<Map<string, PartnerCountry>> {
  const listed = new Map<string, PartnerCountry>();
  const limit = 100;
  for (let offset = 0; offset < 1000; offset += limit) {
    const { data } = await api.GET('/api/v1/partner-countries', { params: { query: { limit, offset } } });
    for (const country of data?.items ?? []) listed.set(country.countryCode, country);
    if (!data || offset + limit >= data.total) break;
  }
  return listed;
}
