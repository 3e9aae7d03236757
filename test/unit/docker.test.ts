/**
 * No Docker engine runs where this project is developed, so docker-compose.yml and the
 * Dockerfile are checked here by reading them: the compose file with a YAML parser and its keys,
 * the Dockerfile's stages and user line by line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeConfig } from '../../src/config.ts';

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[]; interval: string; retries: number };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');
const dockerignore = readFileSync('.dockerignore', 'utf8').split('\n');

describe('docker-compose.yml', () => {
  const { neo4j, app } = compose.services as { neo4j: Service; app: Service };

  it('has the two services, Neo4j from the official 5.26 Community image', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'neo4j']);
    expect(neo4j.image).toBe('neo4j:5.26-community');
  });

  it('builds the app image once from the Dockerfile; no npm ci at each up, no bind mount of the checkout', () => {
    expect(app.build).toBe('.');
    expect(app.command).toBeUndefined();
    expect(app.volumes).toBeUndefined();
    expect(JSON.stringify(app)).not.toContain('npm ci');
  });

  it('gives both services a health check, and starts the app once Neo4j is healthy', () => {
    expect(neo4j.healthcheck!.test.join(' ')).toContain('cypher-shell');
    expect(app.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:4000/ready');
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('publishes the API, Bolt and the Neo4j Browser on 127.0.0.1, each port configurable', () => {
    expect(app.ports).toEqual(['127.0.0.1:${PORT:-4000}:4000']);
    expect(neo4j.ports).toEqual([
      '127.0.0.1:${NEO4J_PORT:-7687}:7687',
      '127.0.0.1:${NEO4J_BROWSER_PORT:-7474}:7474',
    ]);
  });

  it('passes every setting of src/config.ts through to the app, with the defaults npm start uses', () => {
    // The embedded engine's store, port and restarts mean nothing next to a Neo4j container:
    // NEO4J_PORT instead chooses the published Bolt port above.
    const notForTheApp = ['NEO4J_DATA_DIR', 'NEO4J_PORT', 'NEO4J_ENGINE_RESTARTS'];
    const keys = describeConfig()
      .map((d) => d.env)
      .filter((k) => !notForTheApp.includes(k));
    expect(Object.keys(app.environment!).sort()).toEqual([...keys].sort());
    expect(app.environment!['NEO4J_URI']).toBe('bolt://neo4j:7687');
    expect(app.environment!['PLAN_FILES']).toBe(
      '${PLAN_FILES:-seeds/cast-2018-reform-key-tasks.txt,seeds/cast-2025-work-points.txt}',
    );
    expect(app.environment!['HOST']).toBe('0.0.0.0');
    for (const key of ['NEO4J_PASSWORD', 'GRAPHQL_MAX_COST', 'GRAPHQL_INTROSPECTION']) {
      expect(String(app.environment![key])).toMatch(new RegExp(`^\\$\\{${key}:-.+\\}$`));
    }
  });

  it('keeps the graph in a named volume', () => {
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
  });
});

describe('Dockerfile', () => {
  const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\S+))?$/gm)].map((m) => ({
    image: m[1],
    name: m[2],
  }));
  const lines = dockerfile.split('\n');

  it('is multi-stage: install, build the playground, runtime dependencies, service; all on Node 20', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'playground', 'runtime-deps', 'service']);
    for (const stage of stages) expect(stage.image).toMatch(/^(node:20-bookworm-slim|deps)$/);
    expect(dockerfile).toContain('RUN npm ci --no-audit --no-fund --ignore-scripts');
    expect(dockerfile).toContain('RUN npm run build:playground');
    expect(dockerfile).toContain('RUN npm run build:playground && npm run build:server');
    expect(dockerfile).toContain('COPY --from=playground /app/dist ./dist');
    // The service runs as JavaScript (tools/build-server.mjs), not through a transpiling loader.
    expect(lines.find((l) => l.startsWith('CMD '))).toBe('CMD ["node", "dist/cli/start.js"]');
  });

  it('runs as the non-root user node, from the final stage on', () => {
    const service = lines.findIndex((l) => l.startsWith('FROM node:20-bookworm-slim AS service'));
    const user = lines.findIndex((l, i) => i > service && l.startsWith('USER '));
    const cmd = lines.findIndex((l) => l.startsWith('CMD '));
    expect(lines[user]).toBe('USER node');
    expect(user).toBeGreaterThan(service);
    expect(cmd).toBeGreaterThan(user);
  });

  it('copies every folder the service reads at run time', () => {
    for (const dir of ['src', 'schema', 'cypher', 'seeds', 'docs']) {
      expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
    }
  });

  it('has a health check, and .dockerignore keeps node_modules and the engine store out of the context', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n\s+CMD \["node", "-e", ".*\/health/m);
    for (const entry of ['node_modules', '.data', 'engine/target', 'dist', '.git']) {
      expect(dockerignore).toContain(entry);
    }
  });
});
