#!/usr/bin/env bash
# The modules of src/ (a module is a first-level folder: src/core, src/math, ...) depend
# on one another in one direction only.  Module A depends on module B when a file of A
# #includes a file of B, or when an object of A has an undefined symbol that an object
# of B defines (nm), so a call through a hand-written declaration counts too.  Prints
# the graph and the layers (bottom first); fails, printing a cycle and the include or
# symbol behind each of its edges, when there is one.  Also holds the CLI (src/cli)
# and the golden-vector reader (src/vectors) to the public header, but for the CLI's
# one documented internal interface (README, Architecture).
#
#   tests/check_layers.sh [BUILD]   the tree's sources, BUILD's objects (default: $BUILD,
#                                    else build), as the Makefile writes them under obj/
#   tests/check_layers.sh --self-test
#                                    the check on four small trees: one layered, one
#                                    with an include cycle, one with a symbol cycle,
#                                    one whose CLI includes an internal header
set -eu
export LC_ALL=C
NM=${NM:-nm}

# check ROOT OBJDIR: the check of the sources ROOT/src and their objects OBJDIR/src.
check() {
    local root=$1 objdir=$2 edges f m inc dir dep o n_obj=0
    edges=$(mktemp)
    trap 'rm -f "$edges"' RETURN
    # A file directly in src/ belongs to no module: the layering could not see it.
    for f in "$root"/src/*; do
        if [ -f "$f" ]; then
            echo "layers: ${f#"$root"/} is in no module (move it into a folder of src/)" >&2
            return 1
        fi
    done

    # Includes, resolved as the compiler does: the including file's folder, then src/.
    while IFS= read -r f; do
        m=${f#src/}; m=${m%%/*}
        dir=${f%/*}
        while IFS= read -r inc; do
            if [ -e "$root/$dir/$inc" ]; then dep=$dir/$inc
            elif [ -e "$root/src/$inc" ]; then dep=src/$inc
            else continue # the public header or a system header
            fi
            dep=${dep#src/}; dep=${dep%%/*}
            [ "$dep" = "$m" ] || echo "$m $dep include $f: \"$inc\"" >>"$edges"
        done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$root/$f")
    done < <(cd "$root" && find src -mindepth 2 -type f | sort)

    # The CLI and the golden-vector reader stand on the public header; the CLI's one
    # internal interface into the library is seed/parse.h, and it uses the reader
    # (README, Architecture).
    local outside
    outside=$(awk '($1 == "cli" || $1 == "vectors") && $3 == "include" &&
                   !($1 == "cli" && ($NF == "\"seed/parse.h\"" || $NF == "\"vectors/vectors.h\"")) &&
                   $1 != $2' "$edges")
    if [ -n "$outside" ]; then
        echo "layers: the CLI or the vector reader includes a library-internal header:" >&2
        echo "$outside" >&2
        return 1
    fi

    # Symbols: each object of a source that exists (stale objects of moved files are
    # not looked at), its global definitions and its undefined references.
    local syms
    syms=$(mktemp)
    trap 'rm -f "$edges" "$syms"' RETURN
    while IFS= read -r f; do
        o=$objdir/${f%.c}.o
        [ -e "$o" ] || continue
        n_obj=$((n_obj + 1))
        m=${f#src/}; m=${m%%/*}
        "$NM" -P "$o" | awk -v m="$m" -v f="$f" \
            '$2 == "U" {print "U", $1, m, f; next}
             $2 ~ /^[A-TV-Z]$/ {print "D", $1, m, f}' >>"$syms"
    done < <(cd "$root" && find src -mindepth 2 -name '*.c' | sort)
    if [ "$n_obj" -eq 0 ]; then
        echo "layers: no objects under $objdir/src (build first: make BUILD=...)" >&2
        return 1
    fi
    awk '$1 == "D" {def[$2] = $3; deff[$2] = $4; next}
         {ref[NR] = $0}
         END {
             for (i in ref) {
                 split(ref[i], r, " ")
                 if ((r[2] in def) && def[r[2]] != r[3])
                     print r[3], def[r[2]], "symbol", r[4] ": " r[2] " (" deff[r[2]] ")"
             }
         }' "$syms" | sort >>"$edges"

    # The graph, the layers (a module's layer: one above its highest dependency) and,
    # if the graph is not acyclic, one cycle.
    awk -v nobj="$n_obj" '
        FILENAME == ARGV[1] {
            mods[$1]; mods[$2]
            if (!(($1, $2) in why)) { why[$1, $2] = substr($0, index($0, $3)); deps[$1] = deps[$1] " " $2 }
            next
        }
        { mods[$1] }
        END {
            n = 0
            for (m in mods) n++
            # layers by repeated relaxation; a module still unplaced after n rounds is
            # on or above a cycle
            for (round = 0; round < n; round++) {
                for (m in mods) {
                    if (m in layer) continue
                    k = split(deps[m], d, " "); top = -1; ok = 1
                    for (j = 1; j <= k; j++) {
                        if (!(d[j] in layer)) { ok = 0; break }
                        if (layer[d[j]] > top) top = layer[d[j]]
                    }
                    if (ok) layer[m] = top + 1
                }
            }
            maxl = -1
            for (m in layer) if (layer[m] > maxl) maxl = layer[m]
            print "layers: module graph (module -> what it uses), from #include and nm over " nobj " objects:"
            for (l = 0; l <= maxl; l++)
                for (m in layer)
                    if (layer[m] == l) line[l] = line[l] " " m
            for (l = 0; l <= maxl; l++) {
                k = split(line[l], ms, " ")
                for (j = 1; j <= k; j++) printf "  %-9s -> %s\n", ms[j], (deps[ms[j]] == "" ? " (nothing)" : deps[ms[j]])
            }
            print "layers: bottom to top:"
            for (l = 0; l <= maxl; l++) print "  " l ":" line[l]
            for (m in mods) if (!(m in layer)) rest = rest " " m
            if (rest != "") print "  on or above a cycle:" rest
            for (m in mods) if (!(m in layer)) { start = m; break }
            if (start == "") { print "layers: no cycle: 1 passed, 0 failed"; exit 0 }
            # every unplaced module has a dependency that is unplaced: walk those until
            # a module repeats
            cur = start; steps = 0
            while (!(cur in seen)) {
                seen[cur] = ++steps; path[steps] = cur
                k = split(deps[cur], d, " ")
                for (j = 1; j <= k; j++) if (!(d[j] in layer)) { nxt = d[j]; break }
                cur = nxt
            }
            print "layers: CYCLE between modules:" > "/dev/stderr"
            for (j = seen[cur]; j <= steps; j++) {
                to = (j < steps) ? path[j + 1] : cur
                printf "  %s -> %s  (%s)\n", path[j], to, why[path[j], to] > "/dev/stderr"
            }
            print "layers: 0 passed, 1 failed" > "/dev/stderr"
            exit 1
        }' "$edges" <(cd "$root" && find src -mindepth 2 -type f | sed 's|^src/\([^/]*\)/.*|\1|' | sort -u)
}

# A tree of two modules, a and b, where b uses a; $2 adds: "" (nothing), include (a.c
# includes b/b.h, for a type only), symbol (a.c calls b_f through its own declaration:
# only nm sees it) or cli (a CLI file includes a/a.h, an internal header).
self_tree() {
    local t=$1 cc=${CC:-cc} f
    mkdir -p "$t/src/a" "$t/src/b"
    printf 'int a_f(int x);\n' >"$t/src/a/a.h"
    printf '#include "b/b.h"\n#include "a/a.h"\nint b_f(int x) { return a_f(x) + 1; }\n' >"$t/src/b/b.c"
    printf 'typedef int b_int;\nint b_f(int x);\n' >"$t/src/b/b.h"
    case $2 in
    include) printf '#include "a.h"\n#include "b/b.h"\nint a_f(b_int x) { return 2 * x; }\n' ;;
    symbol) printf '#include "a.h"\nint b_f(int x);\nint a_f(int x) { return x > 0 ? b_f(x - 1) : 0; }\n' ;;
    *) printf '#include "a.h"\nint a_f(int x) { return 2 * x; }\n' ;;
    esac >"$t/src/a/a.c"
    if [ "$2" = cli ]; then
        mkdir -p "$t/src/cli"
        printf '#include "a/a.h"\nint c_f(void) { return a_f(1); }\n' >"$t/src/cli/c.c"
    fi
    for f in "$t"/src/*/*.c; do
        f=${f#"$t"/}
        mkdir -p "$t/obj/${f%/*}"
        "$cc" -c "$t/$f" -I"$t/src" -o "$t/obj/${f%.c}.o"
    done
}

if [ "${1:-}" = --self-test ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    fails=0
    for kind in layered include symbol cli; do
        t=$tmp/$kind
        self_tree "$t" $kind
        if check "$t" "$t/obj" >"$t.out" 2>&1; then rc=0; else rc=$?; fi
        case $kind in
        layered) want='^  1: b$' ;;
        cli) want='^cli a include src/cli/c.c: "a/a.h"$' ;;
        *) want="^  a -> b  ($kind " ;;
        esac
        if ! grep -q "$want" "$t.out" || { [ $kind = layered ] && [ $rc -ne 0 ]; } ||
           { [ $kind != layered ] && [ $rc -eq 0 ]; }; then
            echo "layers self-test: wrong verdict on the $kind tree:" >&2
            cat "$t.out" >&2
            fails=$((fails + 1))
        fi
    done
    echo "layers self-test: a layered tree passes; an include cycle, a symbol cycle and" \
         "a CLI using an internal header fail: $((4 - fails)) passed, $fails failed"
    [ $fails -eq 0 ]
    exit
fi

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BUILD:-build}}
check "$root" "$build/obj"
