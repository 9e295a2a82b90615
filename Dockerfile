# whosaid as a container: the Discord bot over the articles in the /data volume.
#   docker build -t whosaid .
#   docker run -d --env-file .env -v /srv/whosaid:/data whosaid
FROM node:20-slim

ENV NODE_ENV=production
WORKDIR /app

# Runtime dependencies only: TypeScript runs through tsx (a dependency), so there is no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY bin ./bin
COPY commands ./commands
COPY src ./src
COPY tsconfig.json ./

# The articles and the saved index (<data>/.whosaid) live in the volume, owned by the
# unprivileged `node` user (uid 1000) that the image ships with.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node

# --data wins over DATA_DIR, so a DATA_DIR left in an --env-file cannot point elsewhere.
CMD ["node", "bin/whosaid.js", "start", "--data", "/data"]
