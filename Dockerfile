# The newsgraph worker / CLI image. `docker compose up` runs it as `worker` and `dashboard`;
# `docker compose run --rm worker enqueue <url…>` runs any other command.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first (cached while only the sources change). tsx runs the TypeScript sources: no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY pipelines ./pipelines

# The embedded LadybugDB database (single-worker setups) lives on a volume.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
ENV NEWSGRAPH_DB=/data/newsgraph.lbug

USER node
ENTRYPOINT ["node", "bin/newsgraph.js"]
CMD ["worker"]
