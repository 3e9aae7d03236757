# The service as an image: `docker compose up --build` builds it once and runs it against Neo4j's
# official image (docker-compose.yml). No Docker engine runs where this project is developed: the
# tests check this file and the compose file with a parser (test/unit/docker.test.ts), not by a build.

# 1. Every dependency, exactly as the lockfile has them. Scripts are skipped: the `prepare`
#    script builds the playground, which needs the sources (stage 2).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts

# 2. The offline GraphQL playground (vite build into dist/playground) and the service as
#    JavaScript (esbuild, src/ → dist/: tools/build-server.mjs).
FROM deps AS playground
COPY . .
RUN npm run build:playground && npm run build:server

# 3. Only what the service needs at run time (no dev tools).
FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# 4. The service, owned by root and run by the unprivileged `node` user: it can read its code,
#    not change it. Nothing is written inside the image at run time; the graph lives in Neo4j.
FROM node:20-bookworm-slim AS service
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
COPY docs ./docs
COPY --from=playground /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli/start.js"]
