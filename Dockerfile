# syntax=docker/dockerfile:1
# One image for the newsflow services; the command picks one: ingest, enrich or publish.
#   docker build -t newsflow:0.1.0 .
#   docker run --rm -e KAFKA_BOOTSTRAP_SERVERS=... -e SCHEMA_REGISTRY_URL=... newsflow:0.1.0 publish
# Configuration by environment variables: see docker/README.md.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# the CLI and the modules it needs; tests run in CI, and the local schema registry is not part of the image
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl cli -am package -Dmaven.test.skip=true -Dnewsflow.skip.registry

FROM eclipse-temurin:17-jre
# curl for the healthchecks; a non-root user; enrich's Kafka Streams state directory, created here so a named
# volume mounted on it starts owned by that user
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app newsflow \
 && mkdir -p /var/lib/newsflow/enrich \
 && chown -R newsflow /var/lib/newsflow
WORKDIR /app
COPY --from=build /src/cli/target/newsflow-cli.jar /app/newsflow-cli.jar
COPY --from=build /src/cli/target/lib /app/lib
COPY docker/entrypoint.sh /app/entrypoint.sh
USER newsflow
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["publish"]
