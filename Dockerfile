# Candor API image. Build: docker build -t candor/api .
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
COPY test/package.json ./test/package.json
COPY tools ./tools
COPY tsconfig.base.json nx.json ./
RUN npm ci && npm cache clean --force
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
USER node
CMD ["node", "-r", "./tools/register.cjs", "apps/api/src/start.ts"]
