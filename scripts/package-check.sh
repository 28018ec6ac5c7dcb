#!/usr/bin/env bash
# Packs every shipping project into a local folder and checks the packages the way a new user meets them:
#  1. each library package carries its README, an XML doc file and a symbol package; the CLI packs as a .NET tool;
#  2. outside the repository, a new console project references EtcdNet, EtcdNet.Concurrency and EtcdNet.Discovery
#     from that folder only (package source mapping: EtcdNet* come from the folder, their dependencies from the
#     usual feed), builds, and runs against a real etcd started here;
#  3. the CLI is installed with `dotnet tool install --add-source <folder>` and runs against the same etcd.
# Ends with the line "N passed, N failed".
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/etcdnet-packages.XXXXXX)
log=$work/log
passed=0
failed=0
etcd_pid=

cleanup() {
  if [ -n "$etcd_pid" ]; then kill "$etcd_pid" 2>/dev/null; wait "$etcd_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

check() { # name command...
  local name=$1
  shift
  echo "### $name" >>"$log"
  if "$@" >>"$log" 2>&1; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (last lines of the log follow)"
    tail -20 "$log"
    failed=$((failed + 1))
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

version=$(cd "$repo" && dotnet msbuild src/EtcdNet/EtcdNet.csproj -getProperty:Version)
packages=$work/packages
check "dotnet pack (version $version)" dotnet pack "$repo/EtcdNet.slnx" -c Release -o "$packages" --tl:off -nologo

library_contents() { # package: README, XML docs, symbols
  local listing
  listing=$(unzip -l "$packages/$1.$version.nupkg") &&
    grep -q ' README.md$' <<<"$listing" &&
    grep -q "lib/net10.0/$1.xml" <<<"$listing" &&
    [ -f "$packages/$1.$version.snupkg" ]
}
for package in EtcdNet EtcdNet.Concurrency EtcdNet.Extensions EtcdNet.Discovery EtcdNet.Discovery.Grpc EtcdNet.OpenTelemetry EtcdNet.Testing; do
  check "$package: README, XML docs and symbols" library_contents "$package"
done
check "EtcdNet.Cli packs as a .NET tool" bash -c "unzip -l '$packages/EtcdNet.Cli.$version.nupkg' > '$work/cli-listing' && grep -q DotnetToolSettings.xml '$work/cli-listing'"

# A real etcd for the consumer and the tool.
client_port=$(free_port)
peer_port=$(free_port)
endpoint=http://127.0.0.1:$client_port
"${ETCD_BINARY:-etcd}" --name package-check --data-dir "$work/etcd" \
  --listen-client-urls "$endpoint" --advertise-client-urls "$endpoint" \
  --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-cluster "package-check=http://127.0.0.1:$peer_port" >"$work/etcd.log" 2>&1 &
etcd_pid=$!
etcd_ready() {
  for _ in $(seq 1 100); do
    curl -fsS "$endpoint/health" 2>/dev/null | grep -q '"health":"true"' && return 0
    sleep 0.1
  done
  return 1
}
check "etcd started on $endpoint" etcd_ready

# The consumer: a new project outside the repository, with its own NuGet configuration and its own package cache
# (a cache shared with earlier runs could hold an older build of the same version).
export NUGET_PACKAGES=$work/nuget-packages
consumer=$work/consumer
mkdir -p "$consumer"
feed=$(dotnet nuget list source --format short | awk '$1 == "E" {print $2; exit}')
cat >"$consumer/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="feed" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="EtcdNet" /><package pattern="EtcdNet.*" /></packageSource>
    <packageSource key="feed"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
EOF
make_consumer() {
  dotnet new console -o "$consumer" --framework net10.0 --force &&
    dotnet add "$consumer" package EtcdNet --version "$version" &&
    dotnet add "$consumer" package EtcdNet.Concurrency --version "$version" &&
    dotnet add "$consumer" package EtcdNet.Discovery --version "$version" &&
    cat >"$consumer/Program.cs" <<'EOF'
using EtcdNet;
using EtcdNet.Concurrency;
using EtcdNet.Discovery;

await using var client = new EtcdClient(args[0]);
await client.PutAsync("package-check/key", "value");
var got = await client.GetAsync("package-check/key");
await using (var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10)))
{
    await using var held = await new EtcdMutex(session, "package-check/lock").LockAsync();
}

var catalog = new EndpointManager(client, "package-check-catalog");
await using (await catalog.RegisterAsync(catalog.KeyOf("one"), new ServiceEndpoint("127.0.0.1:8080"), TimeSpan.FromSeconds(5)))
{
    Console.WriteLine($"consumer: {got.Kvs[0].ValueString}, {(await catalog.ListAsync()).Count} endpoint");
}
EOF
}
check "new console project referencing the packages" make_consumer
check "the consumer builds and runs against etcd" bash -c "dotnet run --project '$consumer' -- '$endpoint' | tee -a '$log' | grep -qx 'consumer: value, 1 endpoint'"
from_folder() { # every EtcdNet package the consumer restored came from the folder
  local metadata
  for metadata in "$NUGET_PACKAGES"/etcdnet*/"$version"/.nupkg.metadata; do
    grep -q "\"source\": \"$packages\"" "$metadata" || { echo "$metadata: not from $packages"; return 1; }
  done
}
check "the consumer's EtcdNet packages came from the folder" from_folder

# The CLI as a .NET tool.
tools=$work/tools
check "dotnet tool install EtcdNet.Cli --add-source" bash -c "cd '$work' && dotnet tool install EtcdNet.Cli --version '$version' --tool-path '$tools' --add-source '$packages'"
check "the installed etcdnet tool puts and gets" bash -c "'$tools/etcdnet' --endpoints='$endpoint' put tool-key tool-value && '$tools/etcdnet' --endpoints='$endpoint' get tool-key --print-value-only | grep -qx tool-value"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
