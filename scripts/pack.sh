#!/usr/bin/env bash
# Packs every release package into one folder (a local NuGet feed):
#   BytecodeLint.Tool.<v>.nupkg            the dotnet tool (points at the RID packages below)
#   BytecodeLint.Tool.linux-x64.<v>.nupkg  Native AOT build for linux-x64 (built only on a linux-x64 host)
#   BytecodeLint.Tool.linux-arm64.<v>.nupkg  Native AOT for linux-arm64, cross-compiled on a linux-x64 host
#                                          that has clang and Debian's arm64 cross toolchain
#                                          (apt-get install clang gcc-aarch64-linux-gnu); skipped otherwise
#   BytecodeLint.Tool.linux-musl-x64.<v>.nupkg  framework-dependent build for Alpine (musl would otherwise
#                                          get the glibc linux-x64 build through the RID graph)
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

# Native AOT compiles for the host OS only; cross-architecture needs a cross linker and sysroot.
native=()
if [[ "$host_rid" == linux-x64 ]]; then
  native+=(linux-x64)
  if command -v clang >/dev/null && command -v aarch64-linux-gnu-objcopy >/dev/null && [[ -d /usr/aarch64-linux-gnu/lib ]]; then
    native+=(linux-arm64)
  else
    echo "pack: skipping linux-arm64 (needs clang and the arm64 cross toolchain: apt-get install clang gcc-aarch64-linux-gnu)" >&2
  fi
else
  echo "pack: no Native AOT package on a $host_rid host (this script builds linux RIDs on linux-x64); installs fall back to the any package" >&2
fi
# The top-level package must name only RID packages that exist in the feed: the installer takes the best
# match from this list, and a listed but missing package fails the install instead of falling back to any.
# musl (Alpine) falls back to linux-x64 in the RID graph, whose glibc build cannot run there: give it a
# framework-dependent package of its own (ReadyToRun, started by dotnet, no native toolchain needed).
musl=()
[[ "$host_rid" == linux-x64 ]] && musl=(linux-musl-x64)
all=("${native[@]}" "${musl[@]}")
rids="$(IFS=';'; echo "${all[*]:+${all[*]};}any")"
echo "pack: tool RIDs: $rids" >&2
list=("-p:ToolPackageRuntimeIdentifiers=\"$rids\"")

# The top-level tool package: no implementation, a list of RID packages for the installer to choose from.
dotnet pack "$cli" "${list[@]}" "${common[@]}"
# The portable fallback (RuntimeIdentifier=any: framework-dependent, no native code).
dotnet pack "$cli" -r any "${list[@]}" "${common[@]}"
for rid in "${native[@]}"; do
  extra=()
  # Cross-linking with clang --target; the host objcopy cannot strip arm64 binaries.
  [[ "$rid" == linux-arm64 ]] && extra=(-p:ObjCopyName=aarch64-linux-gnu-objcopy)
  dotnet pack "$cli" -r "$rid" "${list[@]}" "${extra[@]}" "${common[@]}"
done
for rid in "${musl[@]}"; do
  dotnet pack "$cli" -r "$rid" -p:PublishAot=false -p:SelfContained=false -p:UseAppHost=false "${list[@]}" "${common[@]}"
done
# The MSBuild package builds its own copies of the portable and (on linux-x64) the linux-x64 native CLI.
dotnet pack "$msbuild" "${common[@]}"

ls -1 "$out"/*.nupkg >&2
