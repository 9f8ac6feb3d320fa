#!/usr/bin/env bash
# Packs every release package into one folder (a local NuGet feed):
#   BytecodeLint.Tool.<v>.nupkg            the dotnet tool (points at the RID packages below)
#   BytecodeLint.Tool.linux-x64.<v>.nupkg  Native AOT build for linux-x64 (built only on a linux-x64 host)
#   BytecodeLint.Tool.any.<v>.nupkg        portable framework-dependent build (any OS, .NET 10 or newer)
#   BytecodeLint.<v>.nupkg                 the MSBuild package (portable CLI + the linux-x64 native CLI)
# Usage: scripts/pack.sh OUTDIR [extra dotnet pack arguments, e.g. -p:Version=0.2.0]
# Native AOT does not cross-compile between operating systems: the win-x64 and osx-* native packages
# need a Windows or macOS machine (`dotnet pack src/BytecodeLint.Cli -c Release -r win-x64` there, after
# adding the RID to ToolPackageRuntimeIdentifiers). Without them those machines get the `any` package.
set -euo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: $0 OUTDIR [dotnet pack arguments]" >&2
  exit 2
fi
out="$1"; shift
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cli="$repo/src/BytecodeLint.Cli/BytecodeLint.Cli.csproj"
msbuild="$repo/src/BytecodeLint.MSBuild/BytecodeLint.MSBuild.csproj"
common=(-c Release -o "$out" -nologo -nodeReuse:false "$@")

host_rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)"
echo "pack: host RID ${host_rid:-unknown}; packages go to $out" >&2

# The top-level tool package: no implementation, a list of RID packages for the installer to choose from.
dotnet pack "$cli" "${common[@]}"
# The portable fallback (RuntimeIdentifier=any: framework-dependent, no native code).
dotnet pack "$cli" -r any "${common[@]}"
# Native AOT can only target the host OS; linux-x64 is the RID this repository ships natively.
if [[ "$host_rid" == linux-x64 ]]; then
  dotnet pack "$cli" -r linux-x64 "${common[@]}"
else
  echo "pack: skipping BytecodeLint.Tool.linux-x64 (Native AOT for linux-x64 needs a linux-x64 host); installs there fall back to the any package" >&2
fi
# The MSBuild package builds its own copies of the portable and (on linux-x64) native CLI.
dotnet pack "$msbuild" "${common[@]}"

ls -1 "$out"/*.nupkg >&2
