#!/bin/sh
# A plain agent for `gt run`: it does its bead's work (here, one file,
# committed on the bead's branch when the rig has a repository) and reports
# the bead closed. `gt run` starts it in the bead's workspace with GT_AGENT,
# GT_BEAD_ID, GT_BRANCH and the rest set, and `gt` first on its PATH.
set -eu
gt agent heartbeat >/dev/null
echo "$GT_BEAD_ID done by $GT_AGENT" > "$GT_BEAD_ID.txt"
if [ -n "$GT_BRANCH" ]; then
    git add "$GT_BEAD_ID.txt"
    git -c user.name="$GT_AGENT" -c user.email="$GT_AGENT@gt.invalid" \
        commit --quiet -m "$GT_BEAD_ID: done"
fi
gt bead update "$GT_BEAD_ID" --status closed
