/* repro-rng numpy / jax: the numpy and JAX compatibility modes (docs/MIGRATION.md). */
#include "cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS REPRO_NUMPY_SEEDSEQ_MAX_WORDS
#define MAX_COUNT (UINT64_C(1) << 32)
#define MAX_STATE 4096
#define MAX_SPAWN 1000000

/* One decimal integer of any size appended to words[] as numpy coerces an int:
 * least significant u32 word first, 0 as one word.  Returns 0 or -1. */
static int append_int_words(const char *s, size_t len, uint32_t *words, size_t *n)
{
    uint32_t w[MAX_WORDS] = {0};
    size_t used = 1;
    if (len == 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        uint64_t carry = (uint64_t)(s[i] - '0');
        for (size_t k = 0; k < used; k++) {
            uint64_t v = (uint64_t)w[k] * 10 + carry;
            w[k] = (uint32_t)v;
            carry = v >> 32;
        }
        if (carry) {
            if (used == MAX_WORDS)
                return -1;
            w[used++] = (uint32_t)carry;
        }
    }
    if (*n + used > MAX_WORDS)
        return -1;
    memcpy(words + *n, w, used * sizeof *w);
    *n += used;
    return 0;
}

/* Calls item(s, len, ctx) for each element of a comma-separated list; "" is the empty
 * list, an empty element an error.  Returns 0 or -1. */
typedef int (*item_fn)(const char *s, size_t len, void *ctx);

static int for_each_item(const char *s, item_fn item, void *ctx)
{
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        if (item(s, len, ctx))
            return -1;
        s += len + (comma != NULL);
        if (comma && !*s)
            return -1;
    }
    return 0;
}

typedef struct {
    uint32_t *words;
    size_t n;
} words_list;

static int words_item(const char *s, size_t len, void *ctx)
{
    words_list *l = ctx;
    return append_int_words(s, len, l->words, &l->n);
}

/* "I,J,..." (numpy's list of ints) as u32 words. */
static int parse_int_list(const char *s, uint32_t *words, size_t *n)
{
    words_list l = {words, 0};
    int rc = for_each_item(s, words_item, &l);
    *n = l.n;
    return rc;
}

typedef struct {
    uint64_t *out;
    size_t n, max;
} u64_list;

static int u64_item(const char *s, size_t len, void *ctx)
{
    u64_list *l = ctx;
    uint32_t w[MAX_WORDS];
    size_t n = 0;
    if (l->n == l->max || append_int_words(s, len, w, &n) || n > 2)
        return -1;
    l->out[l->n++] = n == 2 ? (uint64_t)w[1] << 32 | w[0] : w[0];
    return 0;
}

/* "I,J,..." of at most max values 0..2^64-1. */
static int parse_u64_list(const char *s, uint64_t *out, size_t max, size_t *n)
{
    u64_list l = {out, 0, max};
    int rc = for_each_item(s, u64_item, &l);
    *n = l.n;
    return rc;
}

/* The index of what in names[n], or n when it is none of them. */
static size_t pick(const char *what, const char *const *names, size_t n)
{
    size_t i = 0;
    while (i < n && strcmp(what, names[i]))
        i++;
    return i;
}

int cmd_numpy(int argc, char **argv)
{
    cli_opt opts[] = {
        {"seed", "N[,N...]", "seed of numpy.random.Philox(seed) / SeedSequence(seed): an "
                             "int of any size, or a list of ints (required)", NULL, 0},
        {"spawn-key", "N[,N...]", "SeedSequence's spawn_key (default empty)", NULL, 0},
        {"spawn", "I[,J...]", "take child I of seed.spawn(I+1), then child J of that, ... "
                             "(indices below 10^6)",
         NULL, 0},
        {"jumped", "J", "use Philox.jumped(J) (raw and random outputs)", NULL, 0},
        {"advance", "D", "call Philox.advance(D), D < 2^64 (raw and random outputs)", NULL, 0},
        {"output", "WHAT", "raw (random_raw, default), random (Generator.random), "
                           "state32 or state64 (SeedSequence.generate_state)", NULL, 0},
        {"count", "K", "how many values (default 10)", NULL, 0},
    };
    cli_spec spec = {"numpy", "--seed N[,N...] [options]",
                     "Prints what numpy gives for numpy.random.Philox(SeedSequence(seed,\n"
                     "spawn_key)) - random_raw(K) or Generator(...).random(K) - or for\n"
                     "SeedSequence.generate_state(K), one value per line (doubles with 17\n"
                     "significant digits, enough to read back exactly).",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;

    uint32_t entropy[MAX_WORDS], key[MAX_WORDS];
    uint64_t path[MAX_WORDS], count = 10, jumps = 0, delta = 0;
    size_t ne = 0, nk = 0, np = 0;
    cli_opt *o = cli_find(&spec, "seed");
    if (!o->value)
        return cli_usage(&spec, "--seed is required");
    if (parse_int_list(o->value, entropy, &ne))
        return cli_usage(&spec, "--seed '%s': want non-negative integers separated by "
                                "commas, at most %d u32 words in all",
                         cli_quote(o->value), MAX_WORDS);
    if ((o = cli_find(&spec, "spawn-key"))->value && parse_int_list(o->value, key, &nk))
        return cli_usage(&spec, "--spawn-key '%s': want non-negative integers separated "
                                "by commas", cli_quote(o->value));
    if ((o = cli_find(&spec, "spawn"))->value && parse_u64_list(o->value, path, MAX_WORDS, &np))
        return cli_usage(&spec, "--spawn '%s': want child indices separated by commas",
                         cli_quote(o->value));
    for (size_t d = 0; d < np; d++)
        if (path[d] >= MAX_SPAWN) /* each child index costs that many spawns */
            return cli_usage(&spec, "--spawn: child index %" PRIu64 " is not below %d",
                             path[d], MAX_SPAWN);
    if ((o = cli_find(&spec, "jumped"))->value && cli_parse_u64(o->value, &jumps))
        return cli_usage(&spec, "--jumped '%s': want an integer 0..2^64-1",
                         cli_quote(o->value));
    if ((o = cli_find(&spec, "advance"))->value && cli_parse_u64(o->value, &delta))
        return cli_usage(&spec, "--advance '%s': want an integer 0..2^64-1",
                         cli_quote(o->value));
    if ((o = cli_find(&spec, "count"))->value &&
        (cli_parse_u64(o->value, &count) || count > MAX_COUNT))
        return cli_usage(&spec, "--count '%s': want an integer 0..2^32", cli_quote(o->value));
    const char *what = (o = cli_find(&spec, "output"))->value ? o->value : "raw";
    static const char *const outputs[] = {"raw", "random", "state32", "state64"};
    size_t kind = pick(what, outputs, CLI_COUNT(outputs));
    if (kind == CLI_COUNT(outputs))
        return cli_usage(&spec, "--output '%s': want raw, random, state32 or state64",
                         cli_quote(what));

    /* generate_state is the SeedSequence's: jumped and advance act on the Philox after it */
    const char *philox_only = cli_find(&spec, "jumped")->value    ? "jumped"
                              : cli_find(&spec, "advance")->value ? "advance"
                                                                  : NULL;
    if (kind >= 2 && philox_only)
        return cli_usage(&spec, "--output %s and --%s exclude each other", what, philox_only);
    repro_numpy_seedseq ss, child;
    rc = repro_numpy_seedseq_init(&ss, entropy, ne, key, nk);
    for (size_t d = 0; rc == REPRO_OK && d < np; d++) {
        for (uint64_t i = 0; rc == REPRO_OK && i <= path[d]; i++)
            rc = repro_numpy_seedseq_spawn(&ss, &child);
        ss = child;
    }
    if (rc != REPRO_OK)
        return cli_usage(&spec, "seed sequence: %s", repro_strerror(rc));
    if (kind >= 2) {
        /* generate_state's first words do not depend on how many are asked for. */
        uint32_t w32[MAX_STATE];
        uint64_t w64[MAX_STATE];
        if (count > MAX_STATE)
            return cli_usage(&spec, "--count: at most %d words of state", MAX_STATE);
        if (kind == 2)
            repro_numpy_seedseq_generate_u32(&ss, w32, (size_t)count);
        else
            repro_numpy_seedseq_generate_u64(&ss, w64, (size_t)count);
        for (size_t i = 0; i < count; i++)
            cli_printf("%" PRIu64 "\n", kind == 2 ? (uint64_t)w32[i] : w64[i]);
        return CLI_OK;
    }
    repro_numpy_philox g, j;
    repro_numpy_philox_from_seedseq(&g, &ss);
    if (jumps) {
        repro_numpy_philox_jumped(&g, jumps, &j);
        g = j;
    }
    if (delta) {
        const uint64_t d4[4] = {delta, 0, 0, 0};
        repro_numpy_philox_advance(&g, d4);
    }
    for (uint64_t i = 0; i < count && !cli_output_failed(); i++) {
        if (kind == 0)
            cli_printf("%" PRIu64 "\n", repro_numpy_philox_next_u64(&g));
        else
            cli_printf("%.17g\n", repro_numpy_philox_next_double(&g));
    }
    return CLI_OK;
}

/* Strict signed decimal for JAX seeds. */
static int parse_i64(const char *s, int64_t *out)
{
    int neg = *s == '-';
    uint64_t v;
    if (cli_parse_u64(s + neg, &v) || v > (uint64_t)INT64_MAX + (uint64_t)neg)
        return -1;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

int cmd_jax(int argc, char **argv)
{
    cli_opt opts[] = {
        {"seed", "N", "jax.random.PRNGKey(N), N a signed 64-bit integer", NULL, 0},
        {"x32", NULL, "make the key as JAX does with jax_enable_x64 off (its default): "
                      "the seed is wrapped to 32 bits first (with --seed only)", NULL, 0},
        {"key", "K0,K1", "start from the key data [K0, K1] instead of --seed", NULL, 0},
        {"fold-in", "D[,D...]", "apply jax.random.fold_in(key, D) for each D in turn",
         NULL, 0},
        {"partitionable", "0|1", "the jax_threefry_partitionable flag (default 1, JAX's "
                                 "default since 0.5.0)", NULL, 0},
        {"output", "WHAT", "key (default), split, bits32, bits64, uniform32 or uniform64",
         NULL, 0},
        {"count", "K", "split(key, K) or K values (default 10)", NULL, 0},
    };
    cli_spec spec = {"jax", "(--seed N [--x32] | --key K0,K1) [options]",
                     "Prints what JAX's threefry2x32 PRNG gives: the key data, the keys of\n"
                     "jax.random.split(key, K) (two words per line), jax.random.bits(key,\n"
                     "(K,), uint32/uint64) or jax.random.uniform(key, (K,), float32/\n"
                     "float64), one per line (floats with enough digits to read back\n"
                     "exactly).  64-bit outputs need jax_enable_x64 in JAX.",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;

    repro_jax_key_t key;
    cli_opt *seed = cli_find(&spec, "seed"), *kd = cli_find(&spec, "key"), *o;
    if (!seed->value == !kd->value)
        return cli_usage(&spec, "give exactly one of --seed and --key");
    if (kd->value && cli_find(&spec, "x32")->count) /* --x32 wraps a seed; a key is as given */
        return cli_usage(&spec, "--key and --x32 exclude each other");
    if (seed->value) {
        int64_t s;
        if (parse_i64(seed->value, &s))
            return cli_usage(&spec, "--seed '%s': want an integer -2^63..2^63-1",
                             cli_quote(seed->value));
        key = cli_find(&spec, "x32")->count ? repro_jax_key_x32(s) : repro_jax_key(s);
    } else {
        uint64_t w[2];
        size_t n;
        if (parse_u64_list(kd->value, w, 2, &n) || n != 2 || w[0] > UINT32_MAX ||
            w[1] > UINT32_MAX)
            return cli_usage(&spec, "--key '%s': want two integers 0..2^32-1, K0,K1",
                             cli_quote(kd->value));
        key.k[0] = (uint32_t)w[0];
        key.k[1] = (uint32_t)w[1];
    }
    uint64_t data[MAX_WORDS], part = 1, count = 10;
    size_t nd = 0;
    if ((o = cli_find(&spec, "fold-in"))->value &&
        parse_u64_list(o->value, data, MAX_WORDS, &nd))
        return cli_usage(&spec, "--fold-in '%s': want integers 0..2^32-1 separated by "
                                "commas", cli_quote(o->value));
    for (size_t i = 0; i < nd; i++) {
        if (data[i] > UINT32_MAX)
            return cli_usage(&spec, "--fold-in: %" PRIu64 " is not below 2^32", data[i]);
        key = repro_jax_fold_in(key, (uint32_t)data[i]);
    }
    if ((o = cli_find(&spec, "partitionable"))->value &&
        (cli_parse_u64(o->value, &part) || part > 1))
        return cli_usage(&spec, "--partitionable '%s': want 0 or 1", cli_quote(o->value));
    if ((o = cli_find(&spec, "count"))->value &&
        (cli_parse_u64(o->value, &count) || count > MAX_COUNT))
        return cli_usage(&spec, "--count '%s': want an integer 0..2^32", cli_quote(o->value));
    const char *what = (o = cli_find(&spec, "output"))->value ? o->value : "key";
    static const char *const outputs[] = {"key", "split", "bits32", "bits64", "uniform32",
                                          "uniform64"};
    size_t kind = pick(what, outputs, CLI_COUNT(outputs));
    if (kind == CLI_COUNT(outputs))
        return cli_usage(&spec, "--output '%s': want key, split, bits32, bits64, uniform32 "
                                "or uniform64", cli_quote(what));
    if (kind == 0) {
        cli_printf("%" PRIu32 " %" PRIu32 "\n", key.k[0], key.k[1]);
        return CLI_OK;
    }

    /* JAX's original layout hashes at most 2^32 - 2 words in one block (the library
     * refuses more): say so before allocating, naming the option. */
    uint64_t words = kind == 2 || kind == 4 ? count : 2 * count;
    if (!part && words >= UINT32_MAX)
        return cli_usage(&spec, "--count %" PRIu64 ": with --partitionable 0, at most %"
                         PRIu32 " %s", count, (kind == 2 || kind == 4 ? UINT32_MAX - 1
                                               : UINT32_MAX / 2),
                         kind == 1 ? "keys" : "values");
    /* One buffer for every output kind: 8 bytes per value. */
    size_t n = (size_t)count;
    uint64_t *buf = malloc(n ? n * sizeof *buf : 1);
    if (!buf)
        return cli_fail("jax", "out of memory for %zu values", n);
    int p = (int)part;
    switch (kind) {
    case 1: rc = repro_jax_split(key, n, p, (repro_jax_key_t *)(void *)buf); break;
    case 2: rc = repro_jax_random_bits32(key, n, p, (uint32_t *)(void *)buf); break;
    case 3: rc = repro_jax_random_bits64(key, n, p, buf); break;
    case 4: rc = repro_jax_uniform_f32(key, n, p, (float *)(void *)buf); break;
    default: rc = repro_jax_uniform_f64(key, n, p, (double *)(void *)buf); break;
    }
    if (rc != REPRO_OK) {
        free(buf);
        return cli_usage(&spec, "%s", repro_strerror(rc));
    }
    for (size_t i = 0; i < n && !cli_output_failed(); i++) {
        switch (kind) {
        case 1: {
            const repro_jax_key_t *k = (const repro_jax_key_t *)(void *)buf;
            cli_printf("%" PRIu32 " %" PRIu32 "\n", k[i].k[0], k[i].k[1]);
            break;
        }
        case 2: cli_printf("%" PRIu32 "\n", ((const uint32_t *)(void *)buf)[i]); break;
        case 3: cli_printf("%" PRIu64 "\n", buf[i]); break;
        case 4: cli_printf("%.9g\n", (double)((const float *)(void *)buf)[i]); break;
        default: cli_printf("%.17g\n", ((const double *)(void *)buf)[i]); break;
        }
    }
    free(buf);
    return CLI_OK;
}
