import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types';

export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];
export type ApiError = Schemas['ErrorPayload'];

/**
 * The API, called server to server through a client typed from its OpenAPI document. The API stays
 * the one place that enforces roles and ownership; the front end only forwards the caller's token
 * and address (for the API's per-address limits, which it believes from configured proxies only).
 */
@Injectable()
export class WebApi {
  private readonly baseUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.baseUrl = config.web.apiUrl;
  }

  for(req: Request, accessToken?: string | null): ApiClient {
    const headers: Record<string, string> = { 'x-forwarded-for': req.ip ?? '' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    const requestId = (req as Request & { id?: string }).id;
    if (requestId) headers['x-request-id'] = requestId;
    return createClient<paths>({ baseUrl: this.baseUrl, headers });
  }
}

/** The error payload of a failed call, whatever its status. */
export function apiError(body: unknown): ApiError | undefined {
  return (body as { error?: ApiError } | undefined)?.error;
}

/** The most items one API page holds (`limit`'s maximum). */
export const API_PAGE_MAX = 100;

/**
 * Every item of an API list, read page by page with the largest pages the API allows (a single call
 * for lists that fit in one page). `read` answers one page, or nothing when the API refused it.
 */
export async function readAllPages<T>(read: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number } | undefined>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += API_PAGE_MAX) {
    const data = await read({ limit: API_PAGE_MAX, offset });
    all.push(...(data?.items ?? []));
    if (!data || all.length >= data.total || data.items.length < API_PAGE_MAX) return all;
  }
}
