import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, REPO_ROOT, describeConfig, loadConfig } from '../../src/config.ts';

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('when nothing is set, gives the embedded engine on 127.0.0.1 and the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      neo4jUri: null,
      neo4jUser: 'neo4j',
      neo4jPassword: null,
      neo4jReadUser: null,
      neo4jReadPassword: null,
      neo4jDatabase: 'neo4j',
      neo4jDataDir: join(REPO_ROOT, '.data', 'neo4j'),
      neo4jPort: 7687,
      port: 4000,
      host: '127.0.0.1',
      planFiles: [
        join(REPO_ROOT, 'seeds', 'cast-2018-reform-key-tasks.txt'),
        join(REPO_ROOT, 'seeds', 'cast-2025-work-points.txt'),
      ],
      introspection: true,
      csrfPrevention: true,
      corsOrigins: '*',
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      maxDepth: 12,
      maxAliases: 20,
      maxCost: 50_000,
      requestTimeoutMs: 15_000,
      admissionPerClient: 2,
      neo4jReadTimeoutMs: 10_000,
      engineRestarts: 5,
      responseCache: 1_000,
      trustedDocuments: null,
    });
  });

  it('refuses a CORS origin that is not scheme://host[:port], naming the key', () => {
    const error = failure({ CORS_ORIGINS: 'localhost:5173' });
    expect(error.key).toBe('CORS_ORIGINS');
    expect(error.message).toBe(
      'CORS_ORIGINS must be * or comma-separated origins such as https://example.org or http://localhost:5173; found "localhost:5173"',
    );
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' })).toMatchObject({ neo4jUri: null, port: 4000 });
  });

  it('takes every key from the environment', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://graph.example.org:7687',
      NEO4J_USER: 'planner',
      NEO4J_PASSWORD: 'long-enough',
      NEO4J_READ_USER: 'plans_reader',
      NEO4J_READ_PASSWORD: 'also-long-enough',
      NEO4J_DATABASE: 'plans',
      NEO4J_DATA_DIR: '/var/lib/plan-graph',
      NEO4J_PORT: '0',
      PORT: '8080',
      HOST: '0.0.0.0',
      PLAN_FILES: 'none',
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_CSRF_PREVENTION: 'off',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_COST: '5000',
      REQUEST_TIMEOUT_MS: '2000',
      ADMISSION_PER_CLIENT: '16',
      NEO4J_READ_TIMEOUT_MS: '1000',
      NEO4J_ENGINE_RESTARTS: '0',
      RESPONSE_CACHE: '250',
      TRUSTED_DOCUMENTS: '/etc/plan-graph/trusted.json',
      CORS_ORIGINS: 'http://localhost:5173, https://observablehq.com,null',
      ALLOWED_HOSTS: 'Plans.example.org, 10.0.0.5,[::1]',
    });
    expect(config).toEqual({
      neo4jUri: 'neo4j+s://graph.example.org:7687',
      neo4jUser: 'planner',
      neo4jPassword: 'long-enough',
      neo4jReadUser: 'plans_reader',
      neo4jReadPassword: 'also-long-enough',
      neo4jDatabase: 'plans',
      neo4jDataDir: '/var/lib/plan-graph',
      neo4jPort: 0,
      port: 8080,
      host: '0.0.0.0',
      planFiles: [],
      introspection: false,
      csrfPrevention: false,
      corsOrigins: ['http://localhost:5173', 'https://observablehq.com', 'null'],
      allowedHosts: ['plans.example.org', '10.0.0.5', '[::1]'],
      maxDepth: 8,
      maxAliases: 0,
      maxCost: 5000,
      requestTimeoutMs: 2000,
      admissionPerClient: 16,
      neo4jReadTimeoutMs: 1000,
      engineRestarts: 0,
      responseCache: 250,
      trustedDocuments: '/etc/plan-graph/trusted.json',
    });
  });

  it('accepts bolt and neo4j URIs with and without TLS', () => {
    for (const uri of ['bolt://localhost:7687', 'bolt+s://h', 'bolt+ssc://h:1', 'neo4j://h', 'neo4j+s://h']) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4jUri).toBe(uri);
    }
  });

  it('resolves a relative data directory against the current directory', () => {
    expect(loadConfig({ NEO4J_DATA_DIR: 'db' }).neo4jDataDir).toBe(join(process.cwd(), 'db'));
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});

describe('loadConfig errors name the key, the expected form and the value found', () => {
  it('rejects a URI of another scheme', () => {
    const error = failure({ NEO4J_URI: 'http://localhost:7474' });
    expect(error).toMatchObject({ key: 'NEO4J_URI', found: '"http://localhost:7474"' });
    expect(error.message).toBe(
      'NEO4J_URI must be a bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc:// URI; ' +
        'found "http://localhost:7474"',
    );
  });

  it.each([
    ['NEO4J_PORT', 'abc'],
    ['NEO4J_PORT', '65536'],
    ['NEO4J_PORT', '-1'],
    ['PORT', '80.5'],
    ['PORT', ' 4000'],
  ])('rejects %s=%j', (key, value) => {
    const error = failure({ [key]: value });
    expect(error.key).toBe(key);
    expect(error.message).toBe(
      `${key} must be an integer from 0 to 65535 (0 = a free port); found ${JSON.stringify(value)}`,
    );
  });

  it('rejects a short password by its length, without printing it', () => {
    const error = failure({ NEO4J_PASSWORD: 'secret' });
    expect(error.message).toBe(
      'NEO4J_PASSWORD must be at least 8 characters (Neo4j refuses shorter passwords); found a value of 6 characters',
    );
    expect(error.message).not.toContain('secret"');
  });

  it('rejects a database name Neo4j would not accept', () => {
    expect(failure({ NEO4J_DATABASE: 'my plans' })).toMatchObject({
      key: 'NEO4J_DATABASE',
      expected: 'a database name (letters, digits, dots, dashes)',
      found: '"my plans"',
    });
  });

  it('rejects a flag that is not a yes or a no, and a depth limit of 0', () => {
    expect(failure({ GRAPHQL_INTROSPECTION: 'maybe' }).message).toBe(
      'GRAPHQL_INTROSPECTION must be true or false; found "maybe"',
    );
    expect(failure({ GRAPHQL_MAX_DEPTH: '0' }).message).toBe(
      'GRAPHQL_MAX_DEPTH must be an integer from 1 to 100; found "0"',
    );
  });

  it('rejects an empty entry in PLAN_FILES', () => {
    expect(failure({ PLAN_FILES: 'a.txt,,b.txt' }).key).toBe('PLAN_FILES');
  });

  it('rejects a reader who is the writer, and a reader of another server without a password', () => {
    expect(failure({ NEO4J_USER: 'planner', NEO4J_READ_USER: 'planner' }).message).toBe(
      'NEO4J_READ_USER must be a user other than NEO4J_USER and neo4j (the reader may only read; ' +
        'the loader writes as NEO4J_USER); found "planner"',
    );
    expect(failure({ NEO4J_READ_USER: 'neo4j' }).key).toBe('NEO4J_READ_USER');
    expect(failure({ NEO4J_URI: 'bolt://db:7687', NEO4J_READ_USER: 'reader' }).message).toBe(
      'NEO4J_READ_PASSWORD must be set with NEO4J_READ_USER when NEO4J_URI names the server ' +
        '(the password of "reader" there); found nothing',
    );
    expect(failure({ NEO4J_READ_PASSWORD: 'short' }).key).toBe('NEO4J_READ_PASSWORD');
  });

  it('rejects a user name with spaces and a host with a path', () => {
    expect(failure({ NEO4J_USER: 'plan user' }).key).toBe('NEO4J_USER');
    expect(failure({ HOST: 'localhost/x' }).key).toBe('HOST');
  });
});

describe('RESPONSE_CACHE', () => {
  it('is on by default with a 1 s window; 0 reads the version every request; off turns it off', () => {
    expect(loadConfig({}).responseCache).toBe(1000);
    expect(loadConfig({ RESPONSE_CACHE: '0' }).responseCache).toBe(0);
    expect(loadConfig({ RESPONSE_CACHE: 'OFF' }).responseCache).toBeNull();
    expect(() => loadConfig({ RESPONSE_CACHE: 'sometimes' })).toThrow(
      'RESPONSE_CACHE must be off or an integer from 0 to 60000 (ms); found "sometimes"',
    );
  });
});

describe('describeConfig', () => {
  it('documents every key loadConfig reads', () => {
    expect(describeConfig().map((k) => k.env)).toEqual([
      'NEO4J_URI',
      'NEO4J_USER',
      'NEO4J_PASSWORD',
      'NEO4J_READ_USER',
      'NEO4J_READ_PASSWORD',
      'NEO4J_DATABASE',
      'NEO4J_DATA_DIR',
      'NEO4J_PORT',
      'PORT',
      'HOST',
      'PLAN_FILES',
      'GRAPHQL_INTROSPECTION',
      'GRAPHQL_CSRF_PREVENTION',
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_COST',
      'REQUEST_TIMEOUT_MS',
      'ADMISSION_PER_CLIENT',
      'NEO4J_READ_TIMEOUT_MS',
      'NEO4J_ENGINE_RESTARTS',
      'RESPONSE_CACHE',
      'TRUSTED_DOCUMENTS',
      'CORS_ORIGINS',
      'ALLOWED_HOSTS',
    ]);
    for (const key of describeConfig()) expect(key.doc.length).toBeGreaterThan(20);
  });
});
