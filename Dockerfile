# aftercare-bot container: docker build -t aftercare-bot . && docker run -v aftercare-data:/data --env-file .env -p 3000:3000 aftercare-bot
# test/ops/dockerfile-replay.test.ts replays these steps outside Docker in `npm test`; teach it any new RUN step.

# 1. Build: all dependencies (TypeScript), compiled to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# 2. Runtime dependencies only (no tsx, TypeScript or jest).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# 3. The image: node, the build, runtime dependencies and the knowledge pack; data in the /data volume.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
ENV DATABASE_PATH=/data/aftercare.db
ENV PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Ready = every configured platform connected, the store writable, a knowledge pack loaded (node: the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself as PID 1's child-free main process: SIGTERM from `docker stop` reaches the bot, which exits 0.
CMD ["node", "dist/src/main.js"]
