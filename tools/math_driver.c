/* Evaluates one of the library's deterministic math functions on every double read
 * from stdin (raw host-order doubles) and writes the results the same way to stdout.
 * Used by tools/math_accuracy.py, which compares them with mpmath.
 * Usage: math_driver log|exp|inv_normal_cdf|log1p|expm1|atan|sinpi|cospi < in > out */
#include <stdio.h>
#include <string.h>

#include "repro_rng.h"

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        double (*fn)(double);
    } fns[] = {{"log", repro_math_log},
               {"exp", repro_math_exp},
               {"inv_normal_cdf", repro_math_inv_normal_cdf},
               {"log1p", repro_math_log1p},
               {"expm1", repro_math_expm1},
               {"atan", repro_math_atan},
               {"sinpi", repro_math_sinpi},
               {"cospi", repro_math_cospi}};
    double (*fn)(double) = NULL;
    for (size_t i = 0; argc == 2 && i < sizeof fns / sizeof fns[0]; i++)
        if (strcmp(argv[1], fns[i].name) == 0)
            fn = fns[i].fn;
    if (fn == NULL) {
        fprintf(stderr, "usage: %s log|exp|inv_normal_cdf|log1p|expm1|atan|sinpi|cospi"
                        " < doubles > doubles\n", argv[0]);
        return 2;
    }
    double buf[4096];
    size_t n;
    while ((n = fread(buf, sizeof buf[0], sizeof buf / sizeof buf[0], stdin)) > 0) {
        for (size_t i = 0; i < n; i++)
            buf[i] = fn(buf[i]);
        if (fwrite(buf, sizeof buf[0], n, stdout) != n)
            return 1;
    }
    return ferror(stdin) ? 1 : 0;
}
