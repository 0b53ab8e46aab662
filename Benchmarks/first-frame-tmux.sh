#!/bin/bash
# Start to first frame under tmux, the harness of the foundation issue: the median time from
# `tmux new-session` to TEXT appearing in `capture-pane`, polling without sleeps.
# usage: Benchmarks/first-frame-tmux.sh "COMMAND" "TEXT" [RUNS]
set -u
cmd="$1"; text="$2"; runs=${3:-15}; times=()
for i in $(seq $runs); do
  s=ff$$_$i
  start=$(date +%s%N)
  tmux -L $s -f /dev/null new-session -d -x 80 -y 24 "env TERM=tmux-256color LANG=C.UTF-8 PEERCONSULT_DATA_DIR=$(mktemp -d) $cmd"
  while ! tmux -L $s capture-pane -p 2>/dev/null | grep -q "$text"; do :; done
  end=$(date +%s%N)
  times+=($(( (end-start)/1000000 )))
  tmux -L $s kill-server
done
printf "%s\n" "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print "median", a[int((NR+1)/2)], "ms"}'
