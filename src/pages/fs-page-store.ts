/**
 * The filesystem page store (the default): `<dir>/blobs/<2 hex>/<sha256>.gz` holds each distinct content
 * gzip-compressed, `<dir>/articles/<2 chars>/<articleId>.json` each article's record. Writes go to a
 * temporary file renamed into place, so a crash never leaves a half-written blob or record. Two-level
 * fan-out keeps folders small as the store grows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { PageInput, PageRecord, PageStore } from './page-store.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Where the page store lives unless `--pages` / `NEWSGRAPH_PAGES` says otherwise. */
export const DEFAULT_PAGES_DIR = './newsgraph.pages';
/** Characters of the name used as the fan-out folder. */
const FANOUT_CHARS = 2;

const fanout = (name: string) => name.slice(0, FANOUT_CHARS).padEnd(FANOUT_CHARS, '_');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Write a file atomically: a temporary sibling, then a rename. */
async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export class FsPageStore implements PageStore {
  constructor(readonly dir: string = DEFAULT_PAGES_DIR) {}

  private blobPath(sha256: string): string {
    return join(this.dir, 'blobs', fanout(sha256), `${sha256}.gz`);
  }

  private recordPath(articleId: string): string {
    return join(this.dir, 'articles', fanout(articleId), `${articleId}.json`);
  }

  async put(input: PageInput): Promise<PageRecord> {
    const sha256 = createHash('sha256').update(input.body).digest('hex');
    const blob = this.blobPath(sha256);
    if (!(await exists(blob))) {
      await mkdir(join(blob, '..'), { recursive: true });
      await writeAtomic(blob, await gzipAsync(input.body));
    }
    const record: PageRecord = {
      articleId: input.articleId,
      kind: input.kind,
      url: input.url,
      charset: input.charset ?? null,
      sha256,
      bytes: input.body.byteLength,
      storedAt: new Date().toISOString(),
    };
    const path = this.recordPath(input.articleId);
    await mkdir(join(path, '..'), { recursive: true });
    await writeAtomic(path, `${JSON.stringify(record)}\n`);
    return record;
  }

  async record(articleId: string): Promise<PageRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.recordPath(articleId), 'utf8')) as PageRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async read(record: PageRecord): Promise<Uint8Array> {
    const bytes = await gunzipAsync(await readFile(this.blobPath(record.sha256)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== record.sha256) throw new Error(`page store: blob ${record.sha256} is corrupt`);
    return bytes;
  }

  async *records(): AsyncIterable<PageRecord> {
    const root = join(this.dir, 'articles');
    if (!(await exists(root))) return;
    for (const folder of (await readdir(root)).sort()) {
      for (const name of (await readdir(join(root, folder))).sort()) {
        if (!name.endsWith('.json')) continue;
        yield JSON.parse(await readFile(join(root, folder, name), 'utf8')) as PageRecord;
      }
    }
  }
}
