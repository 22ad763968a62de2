#!/usr/bin/env bash
# This repository's build only (exec-maven-plugin in ../pom.xml); in your project you build the
# image once, as the README says. "build" makes vidsim:<version> from the jar just built unless
# an image with that jar (label dev.vidsim.jar.sha256) exists; "remove" removes it again, only if
# "build" made it. Without a Docker engine both do nothing (the example test is then skipped).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${2:?usage: vidsim-image.sh build|remove VERSION}"
image="vidsim:$version"
jar="$root/simulator/target/vidsim.jar"
made="$here/../target/vidsim-image-built"
if ! docker info >/dev/null 2>&1; then
  echo "[examples] no Docker engine answers: the Testcontainers example is skipped"; exit 0
fi
case "$1" in
  build)
    sha="$(sha256sum "$jar" | cut -d' ' -f1)"
    label="$(docker image inspect -f '{{index .Config.Labels "dev.vidsim.jar.sha256"}}' \
      "$image" 2>/dev/null || true)"
    if [ "$label" = "$sha" ]; then echo "[examples] using $image"; exit 0; fi
    bash "$root/simulator/docker/build-image.sh" --tag "$image"
    mkdir -p "$(dirname "$made")" && echo "$image" > "$made" ;;
  remove)
    if [ -f "$made" ]; then docker image rm -f "$image" >/dev/null; rm -f "$made"; fi ;;
  *) echo "usage: vidsim-image.sh build|remove VERSION" >&2; exit 2 ;;
esac
