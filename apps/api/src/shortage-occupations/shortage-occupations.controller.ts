import { isoDay, mapPage, pageOf, type Page } from '@app/common';
import { ShortageListAdministration, ShortageLists, type ShortageEntry } from '@app/shortage-occupations';
import { labelLanguageFor, TaxonomyLookup } from '@app/taxonomy';
import type { CallContext, Principal } from '@app/identity';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../access/access.decorator';
import { CallerContext, CurrentPrincipal } from '../access/current-principal.decorator';
import { ErrorBody } from '../errors/error-body';
import { CompleteList, PageQuery, PageResponse } from '../openapi/pagination';
import {
  AddShortageEntryRequest,
  EuShortageLayerQuery,
  ReviseShortageEntryRequest,
  ShortageCheckQuery,
  ShortageListQuery,
  WithdrawShortageEntryRequest,
} from './shortage-occupations.requests';
import {
  ShortageCheckResponse,
  ShortageEntryResponse,
  ShortageListResponse,
  ShortageSectorResponse,
  entryLabelKeys,
  type EntryLabels,
} from './shortage-occupations.responses';

@ApiTags('shortage occupations')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('shortage-occupations')
export class ShortageOccupationsController {
  constructor(
    private readonly lists: ShortageLists,
    private readonly administration: ShortageListAdministration,
    private readonly taxonomy: TaxonomyLookup,
  ) {}

  /** Labels of the entries' occupations and ISCO groups; ar and other languages ESCO lacks read in en. */
  private async labels(entries: readonly ShortageEntry[], lang = 'en'): Promise<EntryLabels> {
    const language = labelLanguageFor(lang);
    const { uris, iscoCodes } = entryLabelKeys(entries);
    return new Map([
      ...(await this.taxonomy.iscoLabelsOf(iscoCodes, language)),
      ...(await this.taxonomy.labelsOf(uris, language)),
    ]);
  }

  private async entryResponse(entry: ShortageEntry): Promise<ShortageEntryResponse> {
    return ShortageEntryResponse.from(entry, await this.labels([entry]));
  }

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Occupations in shortage in a Member State on a day (EU layer + state additions − removals)',
  })
  @ApiOkResponse({ type: ShortageListResponse })
  async list(@Query() query: ShortageListQuery): Promise<ShortageListResponse> {
    const list = await this.lists.resolve(query.memberState, query.date ?? isoDay());
    return ShortageListResponse.from(
      list,
      await this.labels([...list.entries, ...list.removals], query.lang),
    );
  }

  @Public()
  @Get('eu-layer')
  @ApiOperation({
    summary: 'The EU layer on a day: every EU entry that applies, including those some Member States removed',
  })
  @ApiOkResponse({ type: PageResponse(ShortageEntryResponse) })
  async euLayer(@Query() query: EuShortageLayerQuery): Promise<Page<ShortageEntryResponse>> {
    const entries = await this.lists.euLayer(query.date ?? isoDay());
    const page = pageOf(entries, query);
    const labels = await this.labels(page.items, query.lang);
    return mapPage(page, (entry) => ShortageEntryResponse.from(entry, labels));
  }

  @Public()
  @Get('check')
  @ApiOperation({ summary: 'Whether one ESCO occupation is in shortage in a Member State on a day' })
  @ApiOkResponse({ type: ShortageCheckResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async check(@Query() query: ShortageCheckQuery): Promise<ShortageCheckResponse> {
    const check = await this.lists.check(query.occupationUri, query.memberState, query.date ?? isoDay());
    const entries = [check.entry, check.removedBy].filter((entry) => entry !== null);
    return ShortageCheckResponse.from(check, await this.labels(entries, query.lang));
  }

  @Public()
  @Get('sectors')
  @CompleteList()
  @ApiOkResponse({ type: [ShortageSectorResponse] })
  async sectors(): Promise<ShortageSectorResponse[]> {
    return (await this.lists.listSectors()).map((sector) => ShortageSectorResponse.from(sector));
  }

  @Roles('admin', 'ncp')
  @ApiBearerAuth()
  @Post('entries')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add an entry: administrators to the EU layer, an NCP to its own state’s layer' })
  @ApiCreatedResponse({ type: ShortageEntryResponse })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'OCCUPATION_NOT_FOUND, ISCO_GROUP_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBody, description: 'SHORTAGE_ENTRY_EXISTS: in force for an overlapping period' })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AddShortageEntryRequest,
    @CallerContext() context: CallContext,
  ): Promise<ShortageEntryResponse> {
    return this.entryResponse(await this.administration.add(principal, body, context));
  }

  @Roles('admin', 'ncp')
  @ApiBearerAuth()
  @Patch('entries/:entryId')
  @ApiOperation({ summary: 'Change an entry’s sector or validity: a new version, the old one is kept' })
  @ApiOkResponse({ type: ShortageEntryResponse })
  @ApiForbiddenResponse({ type: ErrorBody })
  async revise(
    @CurrentPrincipal() principal: Principal,
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @Body() body: ReviseShortageEntryRequest,
    @CallerContext() context: CallContext,
  ): Promise<ShortageEntryResponse> {
    return this.entryResponse(await this.administration.revise(principal, entryId, body, context));
  }

  @Roles('admin', 'ncp')
  @ApiBearerAuth()
  @Post('entries/:entryId/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw an entry (a new version that never applies)' })
  @ApiOkResponse({ type: ShortageEntryResponse })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @Body() body: WithdrawShortageEntryRequest,
    @CallerContext() context: CallContext,
  ): Promise<ShortageEntryResponse> {
    return this.entryResponse(await this.administration.withdraw(principal, entryId, body.reason, context));
  }

  @Roles('admin', 'ncp')
  @ApiBearerAuth()
  @Get('entries/:entryId/history')
  @ApiOperation({ summary: 'Every version of an entry, oldest first' })
  @ApiOkResponse({ type: PageResponse(ShortageEntryResponse) })
  async history(
    @CurrentPrincipal() principal: Principal,
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @Query() query: PageQuery,
  ): Promise<Page<ShortageEntryResponse>> {
    const versions = await this.administration.history(principal, entryId);
    const labels = await this.labels(versions);
    return pageOf(
      versions.map((entry) => ShortageEntryResponse.from(entry, labels)),
      query,
    );
  }
}
