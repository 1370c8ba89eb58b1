#!/usr/bin/env bash
# Chart of make bench's results.csv: u32 fill rate of each algorithm at 16 KiB, one bar
# per implementation (Random123 scalar, the library's scalar path, each ISA).
# Usage: bench/plot.sh results.csv out.svg   (needs gnuplot)
set -eu
csv=$1 out=$2
dat=$(mktemp)
trap 'rm -f "$dat"' EXIT
awk -F, 'NR > 1 && $2 == "u32" && $4 == 16384 {
            if (!($3 in seen)) { seen[$3] = 1; impls[++ni] = $3 }
            if (!($1 in seena)) { seena[$1] = 1; algs[++na] = $1 }
            v[$1, $3] = $5 }
         END { printf "algorithm"; for (i = 1; i <= ni; i++) printf " %s", impls[i]; print ""
               for (a = 1; a <= na; a++) { printf "%s", algs[a]
                   for (i = 1; i <= ni; i++) printf " %s", (algs[a], impls[i]) in v ? v[algs[a], impls[i]] : 0
                   print "" } }' "$csv" >"$dat"
cols=$(head -1 "$dat" | wc -w)
gnuplot <<GP
set terminal svg size 900,480
set output "$out"
set title "u32 fill, 16 KiB buffer (median of 5 runs)"
set ylabel "GB/s"
set style data histograms
set style histogram clustered gap 1
set style fill solid border -1
set key top left autotitle columnhead
set xtics rotate by -20
set grid ytics
plot for [i=2:$cols] "$dat" using i:xtic(1)
GP
echo "chart: $out"
