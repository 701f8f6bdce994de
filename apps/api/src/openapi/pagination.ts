import {
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PAGE_OFFSET_MAX,
  type Page,
  type PageRequest,
} from '@app/common';
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtension, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The one request shape of a list: `limit` and `offset`, as query parameters (or body fields of a
 * search sent by POST). A list's filter DTO extends it.
 */
export class PageQuery implements PageRequest {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    description: 'How many items to return at most',
  })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: PAGE_OFFSET_MAX,
    default: 0,
    description: 'How many items of the list to skip',
  })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(0)
  @Max(PAGE_OFFSET_MAX)
  offset: number = 0;
}

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The one response envelope of a list, `{ items, total, limit, offset }`, as a schema named after
 * its item (`EmployerResponse` → `EmployerPage`). A search extends it with its facets.
 */
export function PageResponse<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: 'integer', minimum: 0, description: 'Items in the whole list' }) total!: number;
    @ApiProperty({ type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX }) limit!: number;
    @ApiProperty({ type: 'integer', minimum: 0, maximum: PAGE_OFFSET_MAX }) offset!: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}

/** The extension that marks a fixed reference enumeration, the only kind of list returned whole. */
export const COMPLETE_LIST_EXTENSION = 'x-complete-list';

/** A fixed reference enumeration (countries, CEFR levels…): returned whole as a JSON array. */
export const CompleteList = () => applyDecorators(ApiExtension(COMPLETE_LIST_EXTENSION, true));
