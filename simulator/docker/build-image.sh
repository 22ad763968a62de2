#!/usr/bin/env bash
# Builds the vidsim image from simulator/target/vidsim.jar with simulator/Dockerfile, tagged
# vidsim:<project version> and vidsim:latest.
#
# Usage: simulator/docker/build-image.sh [--jlink | --registry] [--tag NAME]... [--jar FILE]
#   --jlink     (default on Linux) no registry needed: the base image is a Java runtime made here
#               with jlink from this machine's JDK plus the host libraries it needs (`ldd`),
#               imported with `docker import` as vidsim-jre:<java version> and kept for reuse.
#   --registry  (default elsewhere) the base is eclipse-temurin:17-jre from your registry.
#   --tag NAME  tag(s) to give instead of vidsim:<version> and vidsim:latest.
#   --jar FILE  the fat jar (default: simulator/target/vidsim.jar; build it with
#               `mvn -B -ntp -pl simulator -am -DskipTests package`).
# Needs a running Docker engine (on a host without one: ../shared/docker/docker-offline.sh start).
# The jlink path follows ../shared/docker/build-jre-image.sh, without the app, so that the same
# Dockerfile serves both bases.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

mode="$([ "$(uname -s)" = Linux ] && echo jlink || echo registry)"
jar="$root/simulator/target/vidsim.jar"
tags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jlink) mode=jlink ;;
    --registry) mode=registry ;;
    --tag) tags+=("${2:?--tag needs a name}"); shift ;;
    --jar) jar="${2:?--jar needs a file}"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "build-image.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[build-image] %s\n' "$*" >&2; }
if [ ! -f "$jar" ]; then
  log "no jar at $jar: run mvn -B -ntp -pl simulator -am -DskipTests package"; exit 1
fi
if ! docker info >/dev/null 2>&1; then
  log "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-default})"; exit 1
fi
# the first <version> of the root pom is the project's
version="$(awk -F'[<>]' '/^  <version>/ { print $3; exit }' "$root/pom.xml")"
[ -n "$version" ] || { log "cannot read the project version from $root/pom.xml"; exit 1; }
[ ${#tags[@]} -gt 0 ] || tags=("vidsim:$version" "vidsim:latest")
sha="$(sha256sum "$jar" | cut -d' ' -f1)"

work=""; ctx=""
trap 'rm -rf ${work:+"$work"} ${ctx:+"$ctx"}' EXIT

# A runtime with no registry: jlink'd JRE + the host's shared libraries, no shell. PATH finds java.
build_jre_base() {
  local tag="$1" java_home modules
  java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
  # suits Javalin/Jetty + Jackson (check with: jdeps --multi-release 17 --print-module-deps)
  modules="java.base,java.logging,java.naming,java.management,java.net.http,java.xml,java.sql"
  modules="${MODULES:-$modules,java.desktop,jdk.unsupported,jdk.crypto.ec,jdk.zipfs}"
  work="$(mktemp -d)"
  mkdir -p "$work/rootfs/tmp" "$work/rootfs/etc"
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files \
    --no-man-pages --compress=2 --output "$work/rootfs/opt/jre"
  # libjvm.so is dlopen'ed, so ldd every .so too, not only bin/java
  { LD_LIBRARY_PATH="$work/rootfs/opt/jre/lib:$work/rootfs/opt/jre/lib/server" \
      ldd "$work/rootfs/opt/jre/bin/java"
    find "$work/rootfs/opt/jre" -name '*.so' -exec env \
      LD_LIBRARY_PATH="$work/rootfs/opt/jre/lib:$work/rootfs/opt/jre/lib/server" ldd {} \; ; } \
    | grep -oE '(/[^ ]+\.so[^ ]*)' | grep -v "$work" | sort -u \
    | while read -r lib; do cp -L --parents "$lib" "$work/rootfs/"; done
  chmod 1777 "$work/rootfs/tmp"
  { echo 'root:x:0:0:root:/:/sbin/nologin'
    echo 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin'; } > "$work/rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$work/rootfs/etc/group"
  tar -C "$work/rootfs" --numeric-owner -cf - . | docker import \
    --change "ENV PATH=/opt/jre/bin:/usr/bin:/bin" --change "ENV JAVA_HOME=/opt/jre" \
    - "$tag" >/dev/null
  rm -rf "$work"
}

if [ "$mode" = jlink ]; then
  java_version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')"
  base="vidsim-jre:${java_version:-17}"
  if docker image inspect "$base" >/dev/null 2>&1; then
    log "base $base: reusing it"
  else
    t0=$SECONDS; build_jre_base "$base"; log "base $base: built with jlink in $((SECONDS - t0)) s"
  fi
else
  base="eclipse-temurin:17-jre"
fi

ctx="$(mktemp -d)"
cp "$jar" "$ctx/vidsim.jar"
tag_args=(); for t in "${tags[@]}"; do tag_args+=(-t "$t"); done
t0=$SECONDS
# the classic builder: BuildKit may try to resolve a local base image in a registry
if ! out="$(DOCKER_BUILDKIT=0 docker build -q -f "$root/simulator/Dockerfile" "${tag_args[@]}" \
    --build-arg "JRE_IMAGE=$base" --build-arg "VIDSIM_VERSION=$version" \
    --build-arg "JAR_SHA256=$sha" "$ctx" 2>&1)"; then
  printf '%s\n' "$out" >&2; log "docker build failed"; exit 1
fi
# earlier builds of the same tags are now untagged: remove them, and only them
docker image prune -f --filter "label=org.opencontainers.image.title=vidsim" >/dev/null
log "built ${tags[*]} from $(basename "$jar") (sha256 ${sha:0:12}) on $base in $((SECONDS - t0)) s"
docker image ls "${tags[0]}" --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'
