/**
 * Streams a response body through its decoders, counting bytes AFTER decompression, and stops at the
 * limit without buffering past it (a gzip bomb ends at `maxBytes`).
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PermanentError } from '../core/index.js';
import { FetchTransientError } from './errors.js';

/** Per-chunk output size of the decompressors: small enough that a bomb is noticed quickly. */
const DECODER_CHUNK_BYTES = 64 * 1024;

export interface BodyLimits {
  maxBytes: number;
  /** The declared `Content-Length`, checked against the raw bytes received. */
  contentLength?: number | undefined;
  /** The `Content-Encoding` header value (e.g. `gzip`, `br`, `gzip, br`). */
  contentEncoding?: string | undefined;
  url: string;
}

function tooLarge(limits: BodyLimits): PermanentError {
  return new PermanentError('too-large', `the page is larger than ${limits.maxBytes} bytes`, {
    details: { url: limits.url, maxBytes: limits.maxBytes },
  });
}

/** The list of content codings in the order they must be undone. */
export function parseEncodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity')
    .reverse();
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream {
  const opts = { chunkSize: DECODER_CHUNK_BYTES };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(opts);
    case 'br':
      return createBrotliDecompress(opts);
    case 'deflate':
      return createInflate(opts);
    default:
      throw new PermanentError('unsupported-encoding', `unsupported Content-Encoding: ${encoding}`);
  }
}

/** A pipeline stage counting raw (wire) bytes and checking the total against `Content-Length`. */
function countRaw(limits: BodyLimits) {
  return async function* count(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let received = 0;
    for await (const chunk of source) {
      received += chunk.length;
      if (received > limits.maxBytes) throw tooLarge(limits);
      yield chunk;
    }
    if (limits.contentLength !== undefined && received < limits.contentLength) {
      throw new FetchTransientError(
        'truncated',
        `the body ended after ${received} of ${limits.contentLength} bytes`,
        { details: { url: limits.url } },
      );
    }
  };
}

/** Read `body` into one buffer, undoing `Content-Encoding`, failing past `maxBytes` decoded bytes. */
export async function readBody(body: Readable, limits: BodyLimits): Promise<Uint8Array> {
  const encodings = parseEncodings(limits.contentEncoding);
  const decoders = encodings.map(decoderFor);
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limits.maxBytes) throw tooLarge(limits);
      chunks.push(chunk);
    }
  };
  try {
    await (pipeline as (...stages: unknown[]) => Promise<void>)(body, countRaw(limits), ...decoders, collect);
  } catch (err) {
    if (isZlibError(err)) {
      throw new PermanentError('bad-encoding', `the body is not valid ${encodings.join('+')} data`, {
        cause: err,
        details: { url: limits.url },
      });
    }
    throw err;
  }
  return Buffer.concat(chunks, size);
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
