# Wharf's container image. It packages the build made by `npm run build` (Next's standalone output: the server
# and only the node_modules it uses), so build the image with `npm run image` (which builds first when needed) or
# after `npm ci && npm run build`. Its SQLite is Node's own (node:sqlite).
#
#   npm run image                                  # = docker build -t wharf .
#   docker build --build-arg BASE_IMAGE=localhost/my-node:24 --build-arg DOCKER_GID=998 -t wharf .
#
# No RUN step needs the network, so `docker build --network none` works, with either builder.

# Any Debian-based image with `node` (24, or 22.16 and later) on its PATH and the passwd tools (groupadd, useradd).
ARG BASE_IMAGE=node:24-bookworm-slim

# The app as it runs, in /app: server.js, its node_modules, .next, the static assets and the start script.
FROM ${BASE_IMAGE} AS app
WORKDIR /app
# The standalone output also holds a copy of the checkout's sources (Next traces the whole project when code
# reads files by computed paths); the server needs none of them.
COPY .next/standalone/server.js .next/standalone/package.json ./
COPY .next/standalone/node_modules/ ./node_modules/
COPY .next/standalone/.next/ ./.next/
COPY .next/static/ ./.next/static/
COPY public/ ./public/
COPY lib/core/listen-origins.mjs lib/core/precompressed.mjs lib/core/heap-growth.mjs lib/core/single-server.mjs lib/core/node-version.mjs lib/core/compile-cache.mjs ./lib/core/
COPY lib/docker/early-lists.mjs ./lib/docker/
COPY scripts/start-image.mjs scripts/request-guard.mjs scripts/user-add.mjs ./scripts/
# Fail the build rather than the first start when the base image's Node is too old for Wharf's embedded SQLite.
RUN node -e "import('/app/lib/core/node-version.mjs').then((m) => m.requireSupportedNode())" && \
    node -e "new (require('node:sqlite').DatabaseSync)(':memory:').prepare('select 1').get()"

FROM ${BASE_IMAGE}
# The group that owns the Docker socket on the host (`stat -c %g /var/run/docker.sock`): Wharf's user joins it,
# so it reads the socket without being root. `docker run --group-add GID` does the same without a rebuild.
ARG DOCKER_GID=999
ARG WHARF_UID=10001
RUN set -eu; \
    getent group "${DOCKER_GID}" >/dev/null || groupadd --gid "${DOCKER_GID}" docker; \
    groupadd --gid "${WHARF_UID}" wharf; \
    useradd --uid "${WHARF_UID}" --gid wharf --groups "${DOCKER_GID}" --home-dir /data --no-create-home \
      --shell /usr/sbin/nologin wharf; \
    mkdir -p /data; \
    chown wharf:wharf /data; \
    chmod 0700 /data
# Owned by root and read-only for Wharf's user: only /data is written.
COPY --from=app /app /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    WHARF_HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
VOLUME /data
EXPOSE 3000
USER wharf
WORKDIR /app
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "/app/scripts/start-image.mjs"]
