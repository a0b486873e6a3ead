#!/usr/bin/env bash
# Times micrograd's demo training step on Mono (the net48 build) and on .NET 10 (the net10.0 build of the same
# program), alternating the two runtimes so that both see the same machine load. Pack the library first.
# Usage: samples/NetFrameworkConsumer/benchmark.sh [PAIRS]   (default 3 pairs of runs)
set -euo pipefail
cd "$(dirname "$0")"
pairs=${1:-3}
dotnet build -c Release -v quiet -nologo >/dev/null
date -u
grep -m1 'model name' /proc/cpuinfo || true
echo "$(nproc) cores; dotnet $(dotnet --version); $(mono --version | head -1)"
for pair in $(seq "$pairs"); do
  echo "== pair $pair; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  mono bin/Release/net48/NetFrameworkConsumer.exe --benchmark
  dotnet bin/Release/net10.0/NetFrameworkConsumer.dll --benchmark
done
