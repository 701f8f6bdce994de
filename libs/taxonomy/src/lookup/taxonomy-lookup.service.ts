import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { IscoGroupEntity } from '../entities/isco-group.entity';
import { OccupationSkillEntity } from '../entities/occupation-skill.entity';
import { OccupationEntity } from '../entities/occupation.entity';
import { SkillEntity } from '../entities/skill.entity';
import { TaxonomyVersionEntity } from '../entities/taxonomy-version.entity';
import type { TaxonomyLanguage } from '../taxonomy-language';
import { conceptLabel, type ConceptLabel } from './concept-labels';
import { IscoGroupNotFoundError, OccupationNotFoundError, SkillNotFoundError } from '../taxonomy.errors';
import type {
  IscoGroupNode,
  OccupationSkillsView,
  OccupationView,
  RelatedSkillView,
  SkillView,
  TaxonomyVersionView,
} from './taxonomy.views';

/** Read-only access to the imported taxonomy, by ESCO URI or ISCO code. */
@Injectable()
export class TaxonomyLookup {
  constructor(
    @InjectRepository(OccupationEntity) private readonly occupations: Repository<OccupationEntity>,
    @InjectRepository(SkillEntity) private readonly skills: Repository<SkillEntity>,
    @InjectRepository(OccupationSkillEntity) private readonly relations: Repository<OccupationSkillEntity>,
    @InjectRepository(IscoGroupEntity) private readonly iscoGroups: Repository<IscoGroupEntity>,
    @InjectRepository(TaxonomyVersionEntity) private readonly versions: Repository<TaxonomyVersionEntity>,
  ) {}

  async findOccupation(uri: string): Promise<OccupationView | null> {
    const found = await this.occupations.findOneBy({ uri });
    return found && toOccupationView(found);
  }

  async getOccupation(uri: string): Promise<OccupationView> {
    const found = await this.findOccupation(uri);
    if (!found) throw new OccupationNotFoundError(uri);
    return found;
  }

  /** The occupations among `uris` that exist (obsolete ones included), in one query. */
  async findOccupations(uris: readonly string[]): Promise<OccupationView[]> {
    if (uris.length === 0) return [];
    return (await this.occupations.findBy({ uri: In([...new Set(uris)]) })).map(toOccupationView);
  }

  /** The skills among `uris` that exist (obsolete ones included), in one query. */
  async findSkills(uris: readonly string[]): Promise<SkillView[]> {
    if (uris.length === 0) return [];
    return (await this.skills.findBy({ uri: In([...new Set(uris)]) })).map(toSkillView);
  }

  async getSkill(uri: string): Promise<SkillView> {
    const found = await this.skills.findOneBy({ uri });
    if (!found) throw new SkillNotFoundError(uri);
    return toSkillView(found);
  }

  async getOccupationSkills(uri: string): Promise<OccupationSkillsView> {
    const occupation = await this.getOccupation(uri);
    const relations = await this.relations.findBy({ occupationUri: uri });
    const skills = await this.skills.findBy({ uri: In(relations.map((relation) => relation.skillUri)) });
    const byUri = new Map(skills.map((skill) => [skill.uri, skill]));
    const related: RelatedSkillView[] = relations
      .filter((relation) => byUri.has(relation.skillUri))
      .map((relation) => ({
        ...toSkillView(byUri.get(relation.skillUri)!),
        relationType: relation.relationType,
      }))
      .sort((a, b) => (a.preferredLabels.en ?? '').localeCompare(b.preferredLabels.en ?? ''));
    return {
      occupation,
      essential: related.filter((skill) => skill.relationType === 'essential'),
      optional: related.filter((skill) => skill.relationType === 'optional'),
    };
  }

  /** Labels of occupations and skills among `uris` (unknown ones left out), in one query each. */
  async labelsOf(uris: readonly string[], language: TaxonomyLanguage): Promise<Map<string, ConceptLabel>> {
    const concepts = [...(await this.findOccupations(uris)), ...(await this.findSkills(uris))];
    return new Map(
      concepts.map((concept) => [concept.uri, conceptLabel(concept.preferredLabels, language, concept.uri)]),
    );
  }

  /** Labels of ISCO-08 groups among `codes`. */
  async iscoLabelsOf(
    codes: readonly string[],
    language: TaxonomyLanguage,
  ): Promise<Map<string, ConceptLabel>> {
    if (codes.length === 0) return new Map();
    const groups = await this.iscoGroups.findBy({ code: In([...new Set(codes)]) });
    return new Map(
      groups.map((group) => [group.code, conceptLabel(group.preferredLabels, language, group.code)]),
    );
  }

  async getIscoGroup(code: string): Promise<Omit<IscoGroupNode, 'children'>> {
    const found = await this.iscoGroups.findOneBy({ code });
    if (!found) throw new IscoGroupNotFoundError(code);
    return { code: found.code, uri: found.uri, preferredLabels: found.preferredLabels };
  }

  /** The URIs among `uris` that are not skills of the taxonomy. */
  async unknownSkills(uris: readonly string[]): Promise<string[]> {
    if (uris.length === 0) return [];
    const known = new Set(
      (await this.skills.find({ select: { uri: true }, where: { uri: In([...uris]) } })).map(
        (skill) => skill.uri,
      ),
    );
    return uris.filter((uri) => !known.has(uri));
  }

  /** The ISCO-08 tree, whole or below one group. */
  async getIscoTree(rootCode?: string): Promise<IscoGroupNode[]> {
    const groups = await this.iscoGroups.find({ where: { obsolete: false }, order: { code: 'ASC' } });
    const nodes = new Map<string, IscoGroupNode>(
      groups.map((group) => [
        group.code,
        { code: group.code, uri: group.uri, preferredLabels: group.preferredLabels, children: [] },
      ]),
    );
    const roots: IscoGroupNode[] = [];
    for (const group of groups) {
      const parent = group.parentCode ? nodes.get(group.parentCode) : undefined;
      (parent ? parent.children : roots).push(nodes.get(group.code)!);
    }
    if (rootCode === undefined) return roots;
    const root = nodes.get(rootCode);
    if (!root) throw new IscoGroupNotFoundError(rootCode);
    return [root];
  }

  async currentVersion(): Promise<TaxonomyVersionView | null> {
    const [latest] = await this.versions.find({ order: { importedAt: 'DESC' }, take: 1 });
    return latest
      ? {
          version: latest.version,
          importedAt: latest.importedAt,
          rowCounts: latest.rowCounts,
          skipped: latest.skipped,
        }
      : null;
  }
}

function toOccupationView(entity: OccupationEntity): OccupationView {
  return {
    uri: entity.uri,
    code: entity.code,
    iscoCode: entity.iscoCode,
    preferredLabels: entity.preferredLabels,
    altLabels: entity.altLabels,
    description: entity.description,
    obsolete: entity.obsolete,
  };
}

function toSkillView(entity: SkillEntity): SkillView {
  return {
    uri: entity.uri,
    skillType: entity.skillType,
    reuseLevel: entity.reuseLevel,
    preferredLabels: entity.preferredLabels,
    altLabels: entity.altLabels,
    description: entity.description,
    obsolete: entity.obsolete,
  };
}
