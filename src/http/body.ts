import { type Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BodyTooLargeError, FetchFailureError } from './failure.js';

export const ACCEPT_ENCODING = 'gzip, deflate, br';

function createDecoder(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip reads gzip and zlib-wrapped deflate; sync flush tolerates a truncated last block as browsers do
      return zlib.createUnzip({
        flush: zlib.constants.Z_SYNC_FLUSH,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      throw new FetchFailureError({
        reason: 'protocol',
        detail: `the server used the unknown content encoding "${coding}"`,
      });
  }
}

/** Decoders for a Content-Encoding header, in the order they must be applied (last coding first). */
function createDecoders(contentEncoding: string | undefined): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map(createDecoder);
}

/** Collects chunks and fails as soon as their total passes the cap, which stops the whole pipeline. */
function createCappedSink(maxBytes: number): { sink: Writable; collected: () => Buffer } {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new BodyTooLargeError(maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  return { sink, collected: () => Buffer.concat(chunks, size) };
}

/** Streams the body through its decoders, counting the cap on decoded bytes so a compression bomb stops early. */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const decoders = createDecoders(contentEncoding);
  const { sink, collected } = createCappedSink(maxBytes);
  await pipeline([body, ...decoders, sink]);
  return collected();
}
