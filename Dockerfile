# The newsgraph worker / CLI image. `docker compose up` runs it as `worker`, `scheduler` and `dashboard`;
# `docker compose run --rm worker enqueue <url…>` runs any other command.
# Pinned to the Node release the tests run on.

# Build stage: every dependency; `npm ci` runs the `prepare` script, which compiles src/ to dist/.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm ci --no-audit --no-fund

# Runtime stage: production dependencies, the compiled dist/ (bin/newsgraph.js runs it) and the sources
# (the extractor version is computed from them; without TypeScript, `prepare` skips the build here).
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY pipelines ./pipelines
# Last, so the build is newer than every source file (bin/newsgraph.js then runs dist/).
COPY --from=build /app/dist ./dist

# The embedded LadybugDB database (single-worker setups) and the page store live on a volume.
RUN mkdir -p /data/pages && chown -R node:node /data
VOLUME ["/data"]
ENV NEWSGRAPH_DB=/data/newsgraph.lbug
# glibc's allocator keeps much of what the embedded engine frees (an arena per thread, and an mmap
# threshold that rises to 32 MiB after the first large free): these hand it back. Peak RSS of the
# 10,000-article scale bench 620-661 -> 496 MB, same CPU (README, *Graph store*).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=262144 MALLOC_TRIM_THRESHOLD_=1048576

USER node
ENTRYPOINT ["node", "bin/newsgraph.js"]
CMD ["worker"]
