import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './error-body';

/** Node's parser codes for what it refuses before Express sees a request. */
const ANSWERS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    message: 'The request line and headers are larger than the limit',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'REQUEST_TIMEOUT',
    message: 'The request took too long to arrive',
  },
};
const MALFORMED = { status: 400, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' };

/**
 * Answers what Node's HTTP parser refuses (oversized headers or URL, broken syntax) with the one
 * error body and a request id, where Node would send an empty status line. For the server's
 * `clientError` event; the request never reaches Express, so nothing else would answer it.
 */
export function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's own handler: never write into the middle of a response already under way.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = (error.code && ANSWERS[error.code]) || MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify({
    error: { code: answer.code, message: answer.message, requestId },
  } satisfies ErrorBody);
  socket.end(
    [
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `x-request-id: ${requestId}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
