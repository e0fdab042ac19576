/**
 * The dashboard's access token. bull-board can retry and delete jobs and has no login of its own, so a
 * dashboard listening beyond loopback must be given a token (`--token` or NEWSGRAPH_DASHBOARD_TOKEN);
 * browsers are asked for it with HTTP Basic authentication (any user name, the token as password),
 * scripts may send `Authorization: Bearer <token>`. `/healthz` stays open for container health checks.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { CliError, EXIT } from './errors.js';

/** Tokens shorter than this are guessable; refuse them. */
export const MIN_TOKEN_CHARS = 16;

/** Whether `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/** The token to require, or undefined on loopback without one; refuses a public bind without a token. */
export function requiredToken(host: string, token: string | undefined): string | undefined {
  if (token !== undefined && token.length < MIN_TOKEN_CHARS)
    throw new CliError(`the dashboard token must have at least ${MIN_TOKEN_CHARS} characters`, EXIT.usage);
  if (!token && !isLoopbackHost(host))
    throw new CliError(
      `the dashboard can retry and delete jobs: listening on ${host} needs a token (--token or NEWSGRAPH_DASHBOARD_TOKEN)`,
      EXIT.usage,
    );
  return token || undefined;
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: Bearer, or the password of Basic authentication. */
function presented(req: Request): string | undefined {
  const header = req.headers.authorization ?? '';
  const [scheme, value] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return undefined;
}

/** Express middleware: 401 with a Basic challenge unless the request carries the token. */
export function requireToken(token: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = presented(req);
    if (given !== undefined && sameSecret(given, token)) return next();
    res
      .set('WWW-Authenticate', 'Basic realm="newsgraph dashboard", charset="UTF-8"')
      .status(401)
      .send('token required\n');
  };
}
