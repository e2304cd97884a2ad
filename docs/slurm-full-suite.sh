#!/usr/bin/env bash
# The full reproduction suite as a Slurm job array: array task i runs shard i of n (ilrg reproduce --shard i/n) and
# writes out/shard-i.json; a dependent job merges them into the report of the unsharded run (README, "Claims,
# statistics and scale-out"). From the repository root, build once, then submit both:
#
#   ./ilrg --help >/dev/null && mkdir -p out     # build once in Release (tasks must not build in parallel)
#   jid=$(sbatch --parsable docs/slurm-full-suite.sh)
#   sbatch --dependency=afterany:"$jid" --wrap 'ILRG_SKIP_BUILD=1 ./ilrg merge out/shard-*.json --report out/full.json'
#
# afterany: the merge also runs when a task failed, and then names the missing shard. Change --array to change n (the
# indices must be 1..n: shards are 1-based). SUITE=accelerator (with a CUDA build, -p:TorchRuntime=cuda, and
# DEVICE=cuda on GPU nodes) runs the accelerator suite the same way; the CUDA path is untested.
#SBATCH --job-name=ilrg-full
#SBATCH --array=1-16
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=out/ilrg-full-%A_%a.log
set -euo pipefail
i="${SLURM_ARRAY_TASK_ID:?run this script with sbatch --array}"
n="${SLURM_ARRAY_TASK_COUNT:-16}"
export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-2}"
mkdir -p out
ILRG_SKIP_BUILD=1 ./ilrg reproduce --suite "${SUITE:-full}" --device "${DEVICE:-cpu}" --shard "$i/$n" \
  --report "out/shard-$i.json"
