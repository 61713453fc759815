#!/usr/bin/env bash
# How the pod's memory request and limit were sized (docs/operations.md "Sizing"): start the server, drive
# N local-engine jobs (half PPL, half goods over all ten types) through the compatible endpoints, PARALLEL at
# once, and print the process's peak resident memory (VmHWM). Loopback only; stops by itself.
#   deploy/k8s/measure-memory.sh 40 4
set -euo pipefail
n=${1:-40}; parallel=${2:-4}; port=${PORT:-18080}
root=$(cd "$(dirname "$0")/../.." && pwd); samples=${SAMPLES:-$root/samples}
data=$(mktemp -d)
dotnet build "$root/src/ToonStudio.Server" -c Release -nologo -clp:ErrorsOnly >/dev/null
ToonStudio__DataPath="$data" dotnet "$root/src/ToonStudio.Server/bin/Release/net10.0/ToonStudio.Server.dll" \
  --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "idle: $(grep VmHWM /proc/$server/status)"
types=(tshirt hoodie mug tote-bag phone-case acrylic-keyring sticker button-badge poster cushion)
one() {
  local i=$1
  if (( i % 2 )); then
    curl -s -o /dev/null -w "%{http_code} ppl %{time_total}\n" -F prompt="the character holding the product" \
      -F input_image_1=@"$samples/character-girl-on-white.jpg" -F input_image_2=@"$samples/product-handbag-photo.jpg" \
      -F aspect_ratio=16:9 -F output_format=png -F seed="$i" "http://127.0.0.1:$port/api/ppl-gen/generate"
  else
    local t=${types[$(( i % 10 ))]}
    curl -s -o /dev/null -w "%{http_code} goods-$t %{time_total}\n" -F input_image=@"$samples/character-pig-transparent.png" \
      -F goods_type="$t" -F prompt="merch" -F seed="$i" "http://127.0.0.1:$port/api/goods-gen/generate"
  fi
}
export -f one; export samples port; export types_list="${types[*]}"
seq 1 "$n" | xargs -P "$parallel" -I{} bash -c 'types=($types_list); one {}' | awk '{print $1}' | sort | uniq -c
echo "after $n jobs, $parallel at once: $(grep VmHWM /proc/$server/status)"
