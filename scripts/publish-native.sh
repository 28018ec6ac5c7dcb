#!/usr/bin/env bash
# Publishes the etcdnet CLI as one native executable (Native AOT) to artifacts/native/etcdnet, when it is missing or
# older than a source or project file; prints its path. Needs clang and zlib's headers (installed with apt-get when
# missing). The JIT build (dotnet tool install, scripts/etcdnet --jit) does not need this.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$repo/artifacts/native"
exe="$out/etcdnet"

stale() {
  [ ! -x "$exe" ] || [ -n "$(find "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.props' \) -newer "$exe" -print -quit)" ]
}

if stale; then
  missing=()
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  "$repo/scripts/apt-install.sh" ${missing[@]+"${missing[@]}"}
  echo "Publishing the native etcdnet CLI ..." >&2
  log=$(mktemp)
  rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
  if ! dotnet publish "$repo/src/EtcdNet.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$out/publish" \
      --tl:off -nologo -v quiet >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  cp "$out/publish/EtcdNet.Cli" "$exe.tmp" && mv "$exe.tmp" "$exe"
fi
echo "$exe"
