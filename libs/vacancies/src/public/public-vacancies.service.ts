import { isoDay } from '@app/common';
import { ShortageLists } from '@app/shortage-occupations';
import { labelIn, TaxonomyLookup, type TaxonomyLanguage } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VacancyNotFoundError } from '../vacancies.errors';
import { VacancyEntity } from '../vacancy.entity';
import { toVacancyView } from '../vacancy.mapper';
import { admissionNotice, type ReaderLanguage } from './admission-notice';
import { LIVE_VACANCY_FROM, LIVE_VACANCY_WHERE } from './live-vacancy';
import type { LabelledUri, PublicVacancyView } from './public-vacancy.types';

/** The vacancy page anyone may read, while the vacancy is live. */
@Injectable()
export class PublicVacancies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyLookup,
    private readonly shortages: ShortageLists,
  ) {}

  /** Whether the vacancy is live (see `LIVE_VACANCY_WHERE`); contact features ask this too. */
  async isLive(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT v.id ${LIVE_VACANCY_FROM} WHERE v.id = $1 AND ${LIVE_VACANCY_WHERE}`,
      [id],
    );
    return rows.length > 0;
  }

  async get(id: string, language: ReaderLanguage): Promise<PublicVacancyView> {
    const [row] = await this.dataSource.query<{ name: string }[]>(
      `SELECT e.name ${LIVE_VACANCY_FROM} WHERE v.id = $1 AND ${LIVE_VACANCY_WHERE}`,
      [id],
    );
    if (!row) throw new VacancyNotFoundError(id);
    const vacancy = toVacancyView(
      await this.dataSource.getRepository(VacancyEntity).findOneByOrFail({ id }),
      row.name,
    );
    const labelLanguage: TaxonomyLanguage = language === 'ar' ? 'en' : language;
    const occupation = await this.taxonomy.getOccupation(vacancy.occupationUri);
    const skills = new Map(
      (await this.taxonomy.findSkills(vacancy.skills.map((skill) => skill.uri))).map((skill) => [
        skill.uri,
        skill,
      ]),
    );
    const labelled = (uri: string, found?: Parameters<typeof labelIn>): LabelledUri => {
      if (!found) return { uri, label: uri, language: 'en' };
      const { label, language: used } = labelIn(...found);
      return { uri, label, language: used };
    };
    const shortage = await this.shortages.checkOccupation(
      { uri: occupation.uri, iscoCode: occupation.iscoCode },
      vacancy.placeOfWork.memberState,
      isoDay(),
    );
    return {
      id: vacancy.id,
      title: vacancy.title,
      description: vacancy.description,
      occupation: {
        ...labelled(occupation.uri, [occupation.preferredLabels, occupation.altLabels, labelLanguage]),
        iscoCode: occupation.iscoCode,
      },
      skills: vacancy.skills.map((skill) => {
        const found = skills.get(skill.uri);
        return {
          ...labelled(skill.uri, found && [found.preferredLabels, found.altLabels, labelLanguage]),
          requirement: skill.requirement,
        };
      }),
      languages: vacancy.languages,
      minEqfLevel: vacancy.minEqfLevel,
      minExperienceYears: vacancy.minExperienceYears,
      contractType: vacancy.contractType,
      hoursPerWeek: vacancy.hoursPerWeek,
      numberOfPosts: vacancy.numberOfPosts,
      pay: vacancy.pay,
      placeOfWork: vacancy.placeOfWork,
      startDate: vacancy.startDate,
      employer: { id: vacancy.organisationId, name: row.name, memberState: vacancy.placeOfWork.memberState },
      basis: shortage.inShortage ? 'shortage_list' : 'eu_competitiveness',
      competitivenessJustification: shortage.inShortage ? null : vacancy.competitivenessJustification,
      publishedAt: vacancy.publishedAt ?? vacancy.createdAt,
      expiresAt: vacancy.expiresAt ?? vacancy.createdAt,
      readerLanguage: language,
      notice: admissionNotice(language),
    };
  }
}
