// pnpm --filter @portbook/archive run build-pack -- <mirror dir> [out dir]
import { resolve } from 'node:path';
import { PACK_DIR } from '../src/archive-index.ts';
import { buildPack } from '../src/build-pack.ts';

const [mirror, outDir = PACK_DIR] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!mirror) {
  process.stderr.write('usage: build-pack <mirror dir> [out dir]\n');
  process.exit(2);
}
const started = performance.now();
const index = await buildPack(resolve(process.cwd(), mirror), outDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `${index.documents.length} documents, ${index.packBytes} bytes, sha256 ${index.packSha256} (${seconds} s)\n`,
);
