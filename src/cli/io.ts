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
