import { DomainError, RateLimitedError, type DomainErrorKind } from '@app/common';
import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { ErrorBody } from './error-body';

type RequestWithId = Request & { id?: string };

export function statusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'precondition_failed':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Errors thrown by Express middleware (body-parser) before a route is reached. */
interface MiddlewareError {
  status: number;
  expose?: boolean;
  message: string;
}

/**
 * Turns every error into the one error body. Domain and validation errors keep their codes;
 * unexpected errors become 500 with an errorId that is logged with the stack, never the request data.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestWithId>();
    const response = http.getResponse<Response>();
    const { status, body } = this.toBody(exception);
    body.error.requestId = request.id;
    if (response.headersSent) return;
    if (exception instanceof RateLimitedError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      const error = { code: exception.code, message: exception.message, details: exception.details };
      return { status: statusOf(exception.kind), body: { error } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) return clientError(status, exception.message);
    }
    if (isMiddlewareError(exception)) {
      return clientError(exception.status, exception.message);
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'Unhandled error');
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', errorId } },
    };
  }
}

function clientError(status: number, message: string): { status: number; body: ErrorBody } {
  return { status, body: { error: { code: HTTP_CODES[status] ?? 'BAD_REQUEST', message } } };
}

function isMiddlewareError(value: unknown): value is MiddlewareError {
  if (!(value instanceof Error)) return false;
  const { status, expose } = value as Partial<MiddlewareError>;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
