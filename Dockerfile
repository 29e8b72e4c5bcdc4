# The API and the explorer; Neo4j comes from docker-compose.yml or NEO4J_URI.
# The explorer (web/) is bundled by Vite, a dev dependency, in a stage of its own.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run web:build

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY . .
COPY --from=web /app/web/dist ./web/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
