#!/usr/bin/env bash
# Container entrypoint of the newsflow services: `entrypoint.sh ingest|enrich|publish [args...]`.
# Turns environment variables into the service's properties file and runs `newsflow <service> --config FILE`:
#   KAFKA_BOOTSTRAP_SERVERS      -> bootstrap.servers
#   SCHEMA_REGISTRY_URL          -> schema.registry.url
#   NEWSFLOW_CONFIG_<NAME>=value -> <name>=value, NAME lower-cased with "_" -> ".", "__" -> "_", "___" -> "-"
#                                   (the convention of the Kafka and Confluent images), e.g.
#                                   NEWSFLOW_CONFIG_ENRICH_HTTP_HOST -> enrich.http.host
#   JAVA_OPTS                    -> options of the JVM; NEWSFLOW_LOG_LEVEL -> root log level (logback.xml)
# NEWSFLOW_DRY_RUN=1 prints the properties and the command instead of running it (used by the tests).
set -euo pipefail

service="${1:-}"
case "$service" in
  ingest|enrich|publish) shift ;;
  *) echo "usage: entrypoint.sh ingest|enrich|publish [args...] (got '${service}')" >&2; exit 2 ;;
esac

config="${TMPDIR:-/tmp}/newsflow-${service}.properties"

property() { # key value: one properties line, backslashes escaped
  local value="${2//\\/\\\\}"
  printf '%s=%s\n' "$1" "$value"
}

{
  echo "# made by docker/entrypoint.sh from the container's environment"
  if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then property bootstrap.servers "$KAFKA_BOOTSTRAP_SERVERS"; fi
  if [ -n "${SCHEMA_REGISTRY_URL:-}" ]; then property schema.registry.url "$SCHEMA_REGISTRY_URL"; fi
  for name in $(compgen -e | sort); do
    case "$name" in
      NEWSFLOW_CONFIG_?*)
        key="${name#NEWSFLOW_CONFIG_}"
        key="${key,,}"
        key="${key//___/-}"
        key="${key//__/%}"
        key="${key//_/.}"
        key="${key//%/_}"
        property "$key" "${!name}"
        ;;
    esac
  done
} > "$config"

command=(java ${JAVA_OPTS:-} -jar /app/newsflow-cli.jar "$service" --config "$config" "$@")
if [ "${NEWSFLOW_DRY_RUN:-0}" = "1" ]; then
  cat "$config"
  echo "would run: ${command[*]}" >&2
  exit 0
fi
exec "${command[@]}"
