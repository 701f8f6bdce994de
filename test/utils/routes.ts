import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import {
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
  VERSION_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_RULE, type AccessRule } from '../../apps/api/src/access/access.decorator';
import { API_PREFIX } from '../../apps/api/src/configure-api';

/**
 * What a handler reads from the request: a whole body or query object (`fields` from its DTO's
 * validation metadata, `null` without a DTO), or one named value; path parameters by name.
 */
export interface RouteInput {
  source: 'body' | 'query' | 'param';
  /** Set when the handler reads one named value (`@Query('language')`, `@Param('id')`). */
  name?: string;
  fields: string[] | null;
}

export interface ApiRoute {
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  inputs: RouteInput[];
}

/** Every controller route of the application, from Nest's metadata, with its access rule. */
export function discoverApiRoutes(app: NestExpressApplication): ApiRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: ApiRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const version: unknown =
          Reflect.getMetadata(VERSION_METADATA, handler) ??
          Reflect.getMetadata(VERSION_METADATA, controller) ??
          '1';
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const tail of asList(methodPath)) {
            for (const versionSegment of versionSegments(version)) {
              routes.push({
                method,
                path: joinPath(API_PREFIX, versionSegment, base, tail),
                handler: `${controller.name}.${name}`,
                rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
                inputs: routeInputs(controller, name),
              });
            }
          }
        }
      }
    }
  }
  return routes;
}

const SOURCES: Partial<Record<RouteParamtypes, RouteInput['source']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'param',
};

function routeInputs(controller: new (...args: never[]) => object, method: string): RouteInput[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
  return Object.entries(args).flatMap(([key, arg]) => {
    const source = SOURCES[Number(key.split(':')[0]) as RouteParamtypes];
    if (!source) return [];
    const name = typeof arg.data === 'string' ? arg.data : undefined;
    const type = types[arg.index];
    const fields =
      !name && typeof type === 'function' && ![Object, String, Number, Boolean, Array].includes(type as never)
        ? [
            ...new Set(
              getMetadataStorage()
                .getTargetValidationMetadatas(type, '', true, false)
                .map((metadata) => metadata.propertyName),
            ),
          ]
        : null;
    return [{ source, name, fields }];
  });
}

/** The method/path pairs Express actually serves (Nest's routes plus anything mounted beside them). */
export function expressRoutes(
  app: NestExpressApplication,
): { method: string; path: string; allMethods: boolean }[] {
  const instance = app.getHttpAdapter().getInstance() as {
    router?: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const stack = instance.router?.stack;
  if (!stack) throw new Error('Cannot read the Express router: the route discovery needs updating');
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const methods = Object.keys(layer.route.methods);
    const allMethods = methods.length > 8;
    return (allMethods ? ['ALL'] : methods.map((method) => method.toUpperCase())).map((method) => ({
      method,
      path: layer.route?.path ?? '',
      allMethods,
    }));
  });
}

/** A concrete URL for a route pattern: parameters get a well-formed but unknown value. */
export function concretePath(path: string): string {
  return path
    .replace(/\{\/?\*[A-Za-z0-9_]+\}/g, '/x')
    .replace(/\*[A-Za-z0-9_]+/g, 'x')
    .replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000')
    .replace(/[{}]/g, '');
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function versionSegments(version: unknown): string[] {
  if (version === VERSION_NEUTRAL) return [''];
  return asList(version).map((value) => `v${value}`);
}

function joinPath(...segments: string[]): string {
  const joined = segments
    .flatMap((segment) => segment.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}
