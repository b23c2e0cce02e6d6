#!/usr/bin/env bash
# Container entrypoint of the newsflow services: `entrypoint.sh ingest|enrich|publish|frontpage|topics [args...]`.
# Runs `newsflow <service> [--config $NEWSFLOW_CONFIG_FILE] [args...]`. The service reads its settings itself, by
# the one rule every service follows (io.newsflow.schemas.config.ServiceProperties): the properties file, then
#   KAFKA_BOOTSTRAP_SERVERS      -> bootstrap.servers
#   SCHEMA_REGISTRY_URL          -> schema.registry.url
#   NEWSFLOW_CONFIG_<NAME>=value -> <name>=value, NAME lower-cased with "_" -> ".", "__" -> "_", "___" -> "-"
# JAVA_OPTS: options of the JVM; NEWSFLOW_LOG_LEVEL: root log level (logback.xml).
# NEWSFLOW_DRY_RUN=1 prints the command instead of running it (used by the tests).
set -euo pipefail

service="${1:-}"
case "$service" in
  ingest|enrich|publish|frontpage|topics) shift ;;
  *) echo "usage: entrypoint.sh ingest|enrich|publish|frontpage|topics [args...] (got '${service}')" >&2; exit 2 ;;
esac

command=(java ${JAVA_OPTS:-} -jar /app/newsflow-cli.jar "$service")
if [ "$service" = "topics" ]; then
  # the action first: `topics create|check [--config FILE]`
  command+=("${1:-create}")
  if [ $# -gt 0 ]; then shift; fi
fi
if [ -n "${NEWSFLOW_CONFIG_FILE:-}" ]; then command+=(--config "$NEWSFLOW_CONFIG_FILE"); fi
command+=("$@")
if [ "${NEWSFLOW_DRY_RUN:-0}" = "1" ]; then
  echo "${command[*]}"
  exit 0
fi
exec "${command[@]}"
