import { DomainError, middlewareErrorStatus, RateLimitedError, type DomainErrorKind } from '@app/common';
import { isDatabaseUnavailable } from '@app/database';
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
import { UnreadableRequestError } from './unreadable-request';

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

/** Fixed codes and messages: a framework's own message may quote the request (a path, a charset). */
const HTTP_ANSWERS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request cannot be read' },
  401: { code: 'UNAUTHENTICATED', message: 'Sign in first' },
  403: { code: 'FORBIDDEN', message: 'Not allowed' },
  404: { code: 'NOT_FOUND', message: 'There is nothing at this address' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'This method is not allowed here' },
  406: { code: 'NOT_ACCEPTABLE', message: 'No acceptable representation' },
  409: { code: 'CONFLICT', message: 'The request conflicts with the current state' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the limit' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body’s media type is not supported' },
  422: { code: 'UNPROCESSABLE', message: 'The request cannot be processed' },
  429: { code: 'RATE_LIMITED', message: 'Too many requests' },
  503: { code: 'UNAVAILABLE', message: 'The service is unavailable' },
};

const UNAVAILABLE_STATUS: number = HttpStatus.SERVICE_UNAVAILABLE;
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The error's kind and message only: a failed statement's error may quote its parameters. */
function describeUnavailable(error: unknown): { name: string; code?: string } {
  const { name, code } = error as { name: string; code?: string };
  return { name, code };
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
    if (status === UNAVAILABLE_STATUS && !response.hasHeader('Retry-After')) {
      response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
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
      // Nest's own pipes (ParseUUIDPipe) say what they expected, never what they got.
      if (status === 400) return clientError(status, exception.message);
      if (status < 500) return clientError(status);
    }
    if (exception instanceof UnreadableRequestError) {
      return {
        status: exception.status,
        body: { error: { code: exception.code, message: exception.message } },
      };
    }
    const middlewareStatus = middlewareErrorStatus(exception);
    if (middlewareStatus) return clientError(middlewareStatus);
    if (isDatabaseUnavailable(exception)) {
      // The transaction (if any) was rolled back: nothing of the request was written.
      this.logger.warn({ err: describeUnavailable(exception) }, 'Database unavailable');
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: {
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: 'The service is busy or restarting; try again shortly',
          },
        },
      };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'Unhandled error');
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', errorId } },
    };
  }
}

function clientError(status: number, message?: string): { status: number; body: ErrorBody } {
  const answer = HTTP_ANSWERS[status] ?? HTTP_ANSWERS[400];
  return { status, body: { error: { code: answer.code, message: message ?? answer.message } } };
}
