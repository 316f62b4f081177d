// A raw GET for the server's tests (node:http does not decompress): status, headers and the
// bytes as sent — what the gzip, ETag and per-country tests need to see.
import { request } from 'node:http';

/** GETs `url`: resolves `{ status, headers, body }`, `body` a Buffer of the bytes as sent. */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
