// One way to count compressed bytes for the size check and the benchmark alike:
// brotli at its best quality, as a server that compresses ahead of time sends them.
import { brotliCompressSync, constants } from 'node:zlib';

/** The size of `body` (a Buffer or string) once brotli-compressed at quality 11. */
export function brotliBytes(body) {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}
