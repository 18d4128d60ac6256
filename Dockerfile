# CertLink's image. The build stage runs the production sequence (README, "Deploy"); the runtime
# stage keeps the build and the production dependencies only, and runs as the non-root user node.
# `npm run test:production` runs these same steps from a clean clone, without a Docker engine.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# botbuilder-dialogs' postinstall runs `npx rimraf`, which must not wait for a yes.
ENV npm_config_yes=true
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3978
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
COPY --from=build /app/tab ./tab
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/index.js"]
