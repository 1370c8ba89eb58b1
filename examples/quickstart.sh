#!/usr/bin/env bash
# Quick start: per-worker random streams for a small simulation, with repro-rng.
#
# Eight random walkers take 1000 steps of -1 or +1 each.  Every walker draws from its
# own stream, derived from one root seed by a path ("walk/#3" is walker 3), so the
# result cannot depend on which worker simulates which walker, in which order, or on
# how many workers there are.  The script runs the simulation serially and then
# split among 4 parallel workers (processes), and shows that both give the same bits.
# Then it splits one long stream by position (random access) the same way.
#
# Usage: examples/quickstart.sh [path/to/repro-rng]     (`make demo` runs it)
set -euo pipefail
RR=${1:-repro-rng}
SEED=quickstart-2026          # the root seed: any text, an integer or 64 hex digits
WALKERS=8 STEPS=1000 WORKERS=4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One walker: STEPS draws of bounded:2 (0 or 1) from its own stream -> final position.
walk() {
    "$RR" gen --seed-text "$SEED" --path "walk/#$1" --type bounded:2 --count "$STEPS" |
        awk -v w="$1" '{ x += 2 * $1 - 1 } END { printf "walker %d ends at %+d\n", w, x }'
}

echo "== 1. One root seed, one derived seed per walker (repro-rng derive)"
echo "root '$SEED' = $("$RR" derive --seed-text "$SEED")"
for w in 0 1 2; do
    echo "walk/#$w     = $("$RR" derive --seed-text "$SEED" --path "walk/#$w")"
done
echo "..."

echo
echo "== 2. The simulation, serially (walkers 0..$((WALKERS - 1)) in order)"
for ((w = 0; w < WALKERS; w++)); do walk "$w"; done | tee "$tmp/serial"

echo
echo "== 3. The same simulation split among $WORKERS parallel workers"
echo "   (worker k takes walkers k, k+$WORKERS, ...; each writes its own file)"
for ((k = 0; k < WORKERS; k++)); do
    (for ((w = k; w < WALKERS; w += WORKERS)); do walk "$w"; done >"$tmp/worker$k") &
done
wait
sort -n -k2 "$tmp"/worker* >"$tmp/parallel"
cat "$tmp/parallel"
if cmp -s "$tmp/serial" "$tmp/parallel"; then
    echo "-> serial and parallel results are identical"
else
    echo "-> MISMATCH between serial and parallel results" >&2
    exit 1
fi

echo
echo "== 4. One long stream split by position (random access, no communication)"
N=4000 CHUNK=1000
"$RR" gen --seed-text "$SEED" --path data --type double --count "$N" --format binary >"$tmp/one"
for ((k = 0; k < N / CHUNK; k++)); do
    # a double uses 2 words of the stream, so value i starts at word 2*i
    "$RR" gen --seed-text "$SEED" --path data --type double --count "$CHUNK" \
        --position $((2 * k * CHUNK)) --format binary >"$tmp/part$k" &
done
wait
cat "$tmp"/part0 "$tmp"/part1 "$tmp"/part2 "$tmp"/part3 >"$tmp/joined"
echo "one run of $N doubles:      $(sha256sum <"$tmp/one" | cut -c1-16)..."
echo "4 workers x $CHUNK doubles: $(sha256sum <"$tmp/joined" | cut -c1-16)..."
if cmp -s "$tmp/one" "$tmp/joined"; then
    echo "-> identical, byte for byte"
else
    echo "-> MISMATCH" >&2
    exit 1
fi

echo
echo "== 5. Checkpoint and restore: a saved state is one line of text"
state=$("$RR" state --seed-text "$SEED" --path data --position 2000)
echo "state at value 1000: $state"
"$RR" gen --state "$state" --type double --count 3
echo "(the same as values 1000..1002 of the run above:)"
"$RR" gen --seed-text "$SEED" --path data --type double --count 1003 | tail -n 3

echo
echo "These numbers are fixed by contract rr1: the same on every machine.  Check yours"
echo "with: $RR selftest"
