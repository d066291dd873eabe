#!/bin/bash
# OxyMap on a SLURM cluster: one stack per array task, then one merge step.
#   sbatch --array=0-$(( $(ls /data/beamtime/stacks/*.tif | wc -l) - 1 )) scripts/oxymap_slurm_array.sh
#   sbatch --dependency=afterany:<array job id> --wrap "oxymap batch --in /data/beamtime/stacks --params params.json --out /data/beamtime/results --merge"
# (PBS: use #PBS -J 0-N and $PBS_ARRAY_INDEX instead of $SLURM_ARRAY_TASK_ID.)
#SBATCH --job-name=oxymap
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=01:00:00
set -euo pipefail
OXYMAP_JAVA_OPTS="-Xmx12g" oxymap batch --in /data/beamtime/stacks --params /data/beamtime/params.json \
  --out /data/beamtime/results --task-index "${SLURM_ARRAY_TASK_ID}"
