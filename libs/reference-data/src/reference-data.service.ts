import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { CefrLevelEntity } from './entities/cefr-level.entity';
import { CountryEntity } from './entities/country.entity';
import { EqfLevelEntity } from './entities/eqf-level.entity';
import { LanguageEntity } from './entities/language.entity';
import { MemberStateEntity } from './entities/member-state.entity';
import type { CefrLevel, Country, EqfLevel, Language, MemberState } from './reference-data.types';
import { participatesOn } from './rules/participation';

/** Read access to the reference tables (countries, languages, CEFR, EQF, Member States). */
@Injectable()
export class ReferenceData {
  constructor(
    @InjectRepository(CountryEntity) private readonly countries: Repository<CountryEntity>,
    @InjectRepository(LanguageEntity) private readonly languages: Repository<LanguageEntity>,
    @InjectRepository(CefrLevelEntity) private readonly cefr: Repository<CefrLevelEntity>,
    @InjectRepository(EqfLevelEntity) private readonly eqf: Repository<EqfLevelEntity>,
    @InjectRepository(MemberStateEntity) private readonly memberStates: Repository<MemberStateEntity>,
  ) {}

  async listCountries(filter: { euMember?: boolean } = {}): Promise<Country[]> {
    const rows = await this.countries.find({
      where: filter.euMember === undefined ? {} : { euMember: filter.euMember },
      order: { name: 'ASC' },
    });
    return rows.map(countryOf);
  }

  /** The countries these ISO 3166-1 alpha-2 codes name, by code: one read of those rows only. */
  async countriesByCode(codes: readonly string[]): Promise<Map<string, Country>> {
    const wanted = [...new Set(codes)];
    const rows = wanted.length === 0 ? [] : await this.countries.findBy({ alpha2: In(wanted) });
    return new Map(rows.map((row) => [row.alpha2, countryOf(row)]));
  }

  async listLanguages(): Promise<Language[]> {
    const rows = await this.languages.find({ order: { code: 'ASC' } });
    return rows.map((row) => ({ code: row.code, name: row.name }));
  }

  async listCefrLevels(): Promise<CefrLevel[]> {
    const rows = await this.cefr.find({ order: { rank: 'ASC' } });
    return rows.map((row) => ({ code: row.code, rank: row.rank, name: row.name }));
  }

  async listEqfLevels(): Promise<EqfLevel[]> {
    const rows = await this.eqf.find({ order: { level: 'ASC' } });
    return rows.map((row) => ({ level: row.level, description: row.description }));
  }

  /** `participatingOn` (YYYY-MM-DD): only states taking part that day (started, not yet withdrawn). */
  async listMemberStates(
    filter: { participating?: boolean; participatingOn?: string } = {},
  ): Promise<MemberState[]> {
    const on = filter.participatingOn;
    const found = await this.memberStates.find({
      where: filter.participating === undefined ? {} : { participating: filter.participating },
      order: { countryCode: 'ASC' },
    });
    const rows = on === undefined ? found : found.filter((row) => participatesOn(row, on));
    const names = new Map(
      (await this.countries.findBy({ alpha2: In(rows.map((row) => row.countryCode)) })).map((country) => [
        country.alpha2,
        country.name,
      ]),
    );
    return rows.map((row) => ({
      countryCode: row.countryCode,
      name: names.get(row.countryCode) ?? row.countryCode,
      participating: row.participating,
      participationStartDate: row.participationStartDate,
      notificationDate: row.notificationDate,
      withdrawalDate: row.withdrawalDate,
      allowedEntityTypes: row.allowedEntityTypes,
    }));
  }
}

function countryOf(row: CountryEntity): Country {
  return {
    alpha2: row.alpha2,
    alpha3: row.alpha3,
    numericCode: row.numericCode,
    name: row.name,
    region: row.region,
    euMember: row.euMember,
    euCode: row.euCode,
  };
}
