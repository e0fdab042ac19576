/**
 * No Docker engine runs here, so this checks docker-compose.yml and the Dockerfile as data: the file against
 * the Compose Specification's JSON schema (the first check of `docker compose config`), the services,
 * their ports (bound to localhost), env (names the CLI really reads), volumes, image versions against the
 * servers the tests run, and that each command the containers run is a real `newsgraph` command.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../src/cli/main.js';

interface Service {
  image?: string;
  healthcheck?: { test?: string[] };
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, unknown>;
}
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const sources = (file: string) => readFileSync(new URL(`../src/cli/${file}`, import.meta.url), 'utf8');
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has redis, neo4j, worker and dashboard', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['redis', 'neo4j', 'worker', 'dashboard']));
    expect(services.redis?.image).toMatch(/^redis:\d/);
    expect(services.neo4j?.image).toMatch(/^neo4j:5/);
    expect(services.worker?.build).toBe('.');
    expect(services.dashboard?.build).toBe('.');
  });

  it('publishes ports on localhost only', () => {
    const ports = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(ports).toEqual(
      expect.arrayContaining(['127.0.0.1:6379:6379', '127.0.0.1:7687:7687', '127.0.0.1:3000:3000']),
    );
    for (const p of ports) expect(p).toMatch(/^127\.0\.0\.1:/);
  });

  it('points the worker at the redis and neo4j services with env the CLI reads', () => {
    const env = services.worker?.environment ?? {};
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.NEWSGRAPH_GRAPH).toBe('neo4j');
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(services.dashboard?.environment?.REDIS_URL).toBe('redis://redis:6379');
    const read = ['worker.ts', 'worker-sink.ts', 'graph-options.ts', 'queue-options.ts']
      .map(sources)
      .join('\n');
    for (const name of Object.keys(env)) expect(read, `${name} is read by the CLI`).toContain(name);
    expect(Object.keys(services.worker?.depends_on ?? {})).toEqual(
      expect.arrayContaining(['redis', 'neo4j']),
    );
  });

  it('keeps Redis and Neo4j data on named volumes', () => {
    expect(services.redis?.volumes).toContain('redis-data:/data');
    expect(services.neo4j?.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining(['redis-data', 'neo4j-data']));
    expect(services.redis?.command?.join(' ')).toContain('--appendonly yes');
  });

  it('runs real newsgraph commands, the dashboard reachable from outside its container', async () => {
    const commands = (await buildProgram()).commands.map((c) => c.name());
    for (const name of ['worker', 'dashboard']) expect(commands).toContain(services[name]?.command?.[0]);
    expect(services.dashboard?.command).toEqual(expect.arrayContaining(['--host', '0.0.0.0']));
  });
});

describe('docker-compose.yml operations', () => {
  it('pins every image to the exact versions the tests run', () => {
    expect(services.redis?.image).toMatch(/^redis:7\.\d+\.\d+$/);
    expect(services.neo4j?.image).toMatch(/^neo4j:5\.26\.\d+(-community)?$/);
    const pom = readFileSync(new URL('./neo4j/pom.xml', import.meta.url), 'utf8');
    const harness = /<neo4j\.version>([\d.]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(services.neo4j?.image).toContain(`neo4j:${harness}`);
    expect(dockerfile).toMatch(/^FROM node:20\.\d+\.\d+-bookworm-slim/m);
  });

  it('starts the worker once Neo4j is healthy, and checks worker and dashboard health', () => {
    expect(services.worker?.depends_on?.neo4j).toEqual({ condition: 'service_healthy' });
    expect(services.neo4j?.healthcheck?.test).toBeDefined();
    expect(services.worker?.healthcheck?.test?.join(' ')).toContain('/tmp/newsgraph-worker.alive');
    expect(services.worker?.environment?.NEWSGRAPH_HEARTBEAT_FILE).toBe('/tmp/newsgraph-worker.alive');
    expect(sources('worker.ts')).toContain('NEWSGRAPH_HEARTBEAT_FILE');
    expect(services.dashboard?.healthcheck?.test?.join(' ')).toContain('/healthz');
  });

  it('mounts pipelines/, syncs the schedulers at start, and gives the dashboard a token', () => {
    for (const name of ['worker', 'scheduler'])
      expect(services[name]?.volumes).toContain('./pipelines:/app/pipelines:ro');
    expect(services.scheduler?.command).toEqual(['schedule']);
    expect(services.dashboard?.environment).toHaveProperty('NEWSGRAPH_DASHBOARD_TOKEN');
    expect(sources('dashboard.ts') + sources('dashboard-auth.ts')).toContain('NEWSGRAPH_DASHBOARD_TOKEN');
    expect(services.worker?.environment?.NEWSGRAPH_PAGES).toBe('/data/pages');
  });
});

/**
 * test/compose/compose-spec.json: schema/compose-spec.json of github.com/compose-spec/compose-spec at
 * 170098ba07d9f53c383a41bfd4c5166b0a4529a6 (2026-06-23), Apache License 2.0, unchanged.
 */
function composeValidator() {
  const { $schema: _draft, ...schema } = JSON.parse(
    readFileSync(new URL('./compose/compose-spec.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

describe('docker-compose.yml against the Compose Specification', () => {
  const validate = composeValidator();

  it('is valid against its JSON schema', () => {
    validate(compose);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the schema catches a broken file (an unknown depends_on condition, a misspelt key)', () => {
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    broken.services.worker!.depends_on = { neo4j: { condition: 'healthy' } };
    broken.services.dashboard!.helthcheck = { test: ['CMD', 'true'] };
    expect(validate(broken)).toBe(false);
    const where = (validate.errors ?? []).map((e) => e.instancePath);
    expect(where).toContain('/services/worker/depends_on/neo4j/condition');
    expect(where).toContain('/services/dashboard');
  });

  it('pins Redis to the redis-server the tests run and the image to the Node the tests run', (ctx) => {
    expect(dockerfile).toContain(`FROM node:${process.versions.node}-bookworm-slim`);
    const server = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
    if (server.status !== 0) return ctx.skip('redis-server not installed');
    const version = /v=(\d+\.\d+\.\d+)/.exec(server.stdout)?.[1];
    expect(services.redis?.image).toBe(`redis:${version}`);
  });
});

describe('Dockerfile', () => {
  it('builds on Node 20 and runs the CLI, worker by default', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "bin\/newsgraph\.js"\]/m);
    expect(dockerfile).toMatch(/^CMD \["worker"\]/m);
    expect(dockerfile).toMatch(/^USER node/m);
  });
});
