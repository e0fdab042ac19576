import { readFile } from 'node:fs/promises';

/** Read all of stdin as bytes. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Read a file path, or stdin when the path is `-`. */
export async function readInput(path: string): Promise<Buffer> {
  return path === '-' ? readStdin() : readFile(path);
}

/** Whether an argument names an http(s) URL rather than a file. */
export function isUrlArgument(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** Whether loopback/private hosts may be fetched: `--allow-private-hosts` or NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1. */
export function allowPrivateHosts(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    flag === true || env.NEWSGRAPH_ALLOW_PRIVATE_HOSTS === '1' || env.NEWSGRAPH_ALLOW_PRIVATE_HOSTS === 'true'
  );
}
