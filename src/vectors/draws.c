/* The draws the golden-vector files name: contract section 3's single draws and fills
 * (VEC_STREAM_DRAWS) and the distributions of tests/vectors/dist_<law>.txt (LAWS
 * below, one line each).  Shared by the readers (vectors.c) and the writer
 * tools/gen_dist_vectors.c, so that both name and parse a draw the same way. */
#include "vectors.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *vec_strerror(int rc)
{
    return rc == VEC_ERR_MEMORY ? "out of memory" : repro_strerror(rc);
}

static uint64_t bits_u8(uint8_t v) { return v; }
static uint64_t bits_u32(uint32_t v) { return v; }
static uint64_t bits_u64(uint64_t v) { return v; }
static uint64_t bits_i64(int64_t v) { return (uint64_t)v; }
#define BITS(v)                                                                           \
    _Generic((v), uint8_t: bits_u8, uint32_t: bits_u32, uint64_t: bits_u64,               \
             int64_t: bits_i64, float: vec_float_bits, double: vec_double_bits)(v)

/* ---- stream draws ------------------------------------------------------------------ */
/* The bound argument of a draw with `words` words per value: only the bounded ones
 * (0: variable) take one. */
#define BOUND_ARG_0(type) , (type)bound
#define BOUND_ARG_1(type)
#define BOUND_ARG_2(type)
#define BOUND(type, words) BOUND_ARG_##words(type)

/* The fills widen a scratch buffer of exactly n values (see vectors.h). */
#define STREAM_DRAW(name, type, words)                                                     \
    static uint64_t next_##name(repro_stream *s, uint64_t bound)                           \
    {                                                                                      \
        (void)bound;                                                                       \
        return BITS(repro_next_##name(s BOUND(type, words)));                              \
    }                                                                                      \
    static int fill_##name(repro_stream *s, uint64_t *bits, size_t n, uint64_t bound)      \
    {                                                                                      \
        type *v = malloc(n ? n * sizeof *v : 1);                                           \
        (void)bound;                                                                       \
        if (!v)                                                                            \
            return VEC_ERR_MEMORY;                                                         \
        int rc = repro_fill_##name(s, v, n BOUND(type, words));                            \
        for (size_t i = 0; rc == REPRO_OK && i < n; i++)                                   \
            bits[i] = BITS(v[i]);                                                          \
        free(v);                                                                           \
        return rc;                                                                         \
    }                                                                                      \
    static int fill_at_##name(const repro_stream *s, uint64_t pos, uint64_t *bits,         \
                              size_t n, uint64_t bound)                                    \
    {                                                                                      \
        type *v = malloc(n ? n * sizeof *v : 1);                                           \
        (void)bound;                                                                       \
        if (!v)                                                                            \
            return VEC_ERR_MEMORY;                                                         \
        int rc = repro_fill_##name##_at(s, pos, v, n BOUND(type, words));                  \
        for (size_t i = 0; rc == REPRO_OK && i < n; i++)                                   \
            bits[i] = BITS(v[i]);                                                          \
        free(v);                                                                           \
        return rc;                                                                         \
    }
VEC_STREAM_DRAWS(STREAM_DRAW)

#define STREAM_ENTRY(name, type, words)                                                   \
    [VEC_DRAW_##name] = {#name, words, next_##name, fill_##name, fill_at_##name},
const vec_stream_draw vec_stream_draws[VEC_NDRAWS] = {VEC_STREAM_DRAWS(STREAM_ENTRY)};

/* Bytes per value of each stream draw (the files write 2 hex digits a byte). */
#define STREAM_SIZE(name, type, words) [VEC_DRAW_##name] = sizeof(type),
static const unsigned char stream_size[VEC_NDRAWS] = {VEC_STREAM_DRAWS(STREAM_SIZE)};

/* ---- distributions ----------------------------------------------------------------- */
typedef enum { T_U8, T_U64, T_I64, T_FLOAT, T_DOUBLE } value_type;
static const unsigned char type_size[] = {1, 8, 8, 4, 8};

struct vec_law {
    const char *name;
    /* One letter per parameter: d (double), u (unsigned), i (signed, both decimal); a
     * final '*' repeats the letter before it, once or more. */
    const char *params;
    value_type type;
    size_t (*width)(const vec_params *p, size_t n); /* values per draw; NULL: 1 */
    int (*fill)(repro_stream *s, void *out, size_t n, const vec_params *p, size_t w);
};

/* dirichlet:ALPHA...: one component per alpha. */
static size_t width_params(const vec_params *p, size_t n)
{
    (void)n;
    return p->n;
}

/* multinomial:N:P...: one count per probability. */
static size_t width_pvals(const vec_params *p, size_t n)
{
    (void)n;
    return p->n - 1;
}

/* multivariate_normal:MEAN...:COV...: d means, then the d x d covariance row by row. */
static size_t width_mvn(const vec_params *p, size_t n)
{
    (void)n;
    for (size_t d = 1; d * d + d <= p->n; d++)
        if (d * d + d == p->n)
            return d;
    return 0;
}

/* choice_weighted_without_replacement:K:WEIGHT...: one call's K indices. */
static size_t width_first(const vec_params *p, size_t n)
{
    (void)n;
    return (size_t)p->u[0];
}

/* choice_without_replacement:N: the record is one call's values. */
static size_t width_record(const vec_params *p, size_t n)
{
    (void)p;
    return n;
}

static int fill_mvn(repro_stream *s, double *out, size_t n, const vec_params *p, size_t d)
{
    double *factor = malloc(d * d * sizeof *factor);
    if (!factor)
        return VEC_ERR_MEMORY;
    int rc = repro_mvnormal_factor(p->d + d, d, factor);
    if (rc == REPRO_OK)
        rc = repro_fill_multivariate_normal(s, out, n / d, p->d, factor, d);
    free(factor);
    return rc;
}

/* choice:WEIGHT...: through repro_alias_init. */
static int fill_choice(repro_stream *s, uint64_t *out, size_t n, const vec_params *p)
{
    size_t size = repro_alias_size(p->n);
    void *table = malloc(size ? size : 1);
    if (!table)
        return VEC_ERR_MEMORY;
    int rc = repro_alias_init(table, size, p->d, p->n);
    if (rc == REPRO_OK)
        rc = repro_fill_choice(s, out, n, table);
    free(table);
    return rc;
}

/* choice_weighted_without_replacement: n / k calls of k values, with scratch keys. */
static int fill_choice_weighted(repro_stream *s, uint64_t *out, size_t n, const vec_params *p,
                                size_t k)
{
    uint64_t *keys = malloc(k * sizeof *keys);
    if (!keys)
        return VEC_ERR_MEMORY;
    int rc = REPRO_OK;
    for (size_t i = 0; rc == REPRO_OK && i < n; i += k)
        rc = repro_choice_weighted_without_replacement(s, out + i, k, p->d + 1, p->n - 1, keys);
    free(keys);
    return rc;
}

/* name, parameters, value type, width, the fill of n values into out (s, out, n, the
 * parameters p and the width w in scope). */
#define LAWS(X)                                                                           \
    X(gaussian, "dd", T_DOUBLE, NULL, repro_fill_gaussian(s, out, n, p->d[0], p->d[1]))  \
    X(uniform, "dd", T_DOUBLE, NULL, repro_fill_uniform(s, out, n, p->d[0], p->d[1]))    \
    X(bernoulli, "d", T_U8, NULL, repro_fill_bernoulli(s, out, n, p->d[0]))              \
    X(gamma, "dd", T_DOUBLE, NULL, repro_fill_gamma(s, out, n, p->d[0], p->d[1]))        \
    X(beta, "dd", T_DOUBLE, NULL, repro_fill_beta(s, out, n, p->d[0], p->d[1]))          \
    X(poisson, "d", T_U64, NULL, repro_fill_poisson(s, out, n, p->d[0]))                 \
    X(binomial, "ud", T_U64, NULL, repro_fill_binomial(s, out, n, p->u[0], p->d[1]))     \
    X(integers, "ii", T_I64, NULL, repro_fill_integers(s, out, n, p->i[0], p->i[1]))     \
    X(normal_float, "", T_FLOAT, NULL, repro_fill_normal_float(s, out, n))               \
    X(exponential_float, "", T_FLOAT, NULL, repro_fill_exponential_float(s, out, n))     \
    X(gamma_float, "dd", T_FLOAT, NULL,                                                   \
      repro_fill_gamma_float(s, out, n, p->d[0], p->d[1]))                                \
    X(uniform_float, "dd", T_FLOAT, NULL,                                                 \
      repro_fill_uniform_float(s, out, n, (float)p->d[0], (float)p->d[1]))                \
    X(lognormal, "dd", T_DOUBLE, NULL, repro_fill_lognormal(s, out, n, p->d[0], p->d[1])) \
    X(standard_cauchy, "", T_DOUBLE, NULL, repro_fill_standard_cauchy(s, out, n))        \
    X(exponential_scaled, "d", T_DOUBLE, NULL,                                            \
      repro_fill_exponential_scaled(s, out, n, p->d[0]))                                  \
    X(laplace, "dd", T_DOUBLE, NULL, repro_fill_laplace(s, out, n, p->d[0], p->d[1]))    \
    X(logistic, "dd", T_DOUBLE, NULL, repro_fill_logistic(s, out, n, p->d[0], p->d[1]))  \
    X(gumbel, "dd", T_DOUBLE, NULL, repro_fill_gumbel(s, out, n, p->d[0], p->d[1]))      \
    X(rayleigh, "d", T_DOUBLE, NULL, repro_fill_rayleigh(s, out, n, p->d[0]))            \
    X(weibull, "d", T_DOUBLE, NULL, repro_fill_weibull(s, out, n, p->d[0]))              \
    X(pareto, "d", T_DOUBLE, NULL, repro_fill_pareto(s, out, n, p->d[0]))                \
    X(power, "d", T_DOUBLE, NULL, repro_fill_power(s, out, n, p->d[0]))                  \
    X(triangular, "ddd", T_DOUBLE, NULL,                                                  \
      repro_fill_triangular(s, out, n, p->d[0], p->d[1], p->d[2]))                        \
    X(wald, "dd", T_DOUBLE, NULL, repro_fill_wald(s, out, n, p->d[0], p->d[1]))          \
    X(vonmises, "dd", T_DOUBLE, NULL, repro_fill_vonmises(s, out, n, p->d[0], p->d[1]))  \
    X(chisquare, "d", T_DOUBLE, NULL, repro_fill_chisquare(s, out, n, p->d[0]))          \
    X(standard_t, "d", T_DOUBLE, NULL, repro_fill_standard_t(s, out, n, p->d[0]))        \
    X(f, "dd", T_DOUBLE, NULL, repro_fill_f(s, out, n, p->d[0], p->d[1]))                \
    X(noncentral_chisquare, "dd", T_DOUBLE, NULL,                                         \
      repro_fill_noncentral_chisquare(s, out, n, p->d[0], p->d[1]))                       \
    X(noncentral_f, "ddd", T_DOUBLE, NULL,                                                \
      repro_fill_noncentral_f(s, out, n, p->d[0], p->d[1], p->d[2]))                      \
    X(negative_binomial, "dd", T_U64, NULL,                                               \
      repro_fill_negative_binomial(s, out, n, p->d[0], p->d[1]))                          \
    X(geometric, "d", T_U64, NULL, repro_fill_geometric(s, out, n, p->d[0]))             \
    X(logseries, "d", T_U64, NULL, repro_fill_logseries(s, out, n, p->d[0]))             \
    X(zipf, "d", T_U64, NULL, repro_fill_zipf(s, out, n, p->d[0]))                       \
    X(hypergeometric, "uuu", T_U64, NULL,                                                 \
      repro_fill_hypergeometric(s, out, n, p->u[0], p->u[1], p->u[2]))                    \
    X(dirichlet, "d*", T_DOUBLE, width_params,                                            \
      repro_fill_dirichlet(s, out, n / w, p->d, w))                                       \
    X(multinomial, "ud*", T_U64, width_pvals,                                             \
      repro_fill_multinomial(s, out, n / w, p->u[0], p->d + 1, w))                        \
    X(multivariate_normal, "d*", T_DOUBLE, width_mvn, fill_mvn(s, out, n, p, w))         \
    X(choice, "d*", T_U64, NULL, fill_choice(s, out, n, p))                               \
    X(choice_without_replacement, "u", T_U64, width_record,                               \
      repro_choice_without_replacement(s, out, n, p->u[0]))                               \
    X(choice_weighted_without_replacement, "ud*", T_U64, width_first,                     \
      fill_choice_weighted(s, out, n, p, w))

#define LAW_FILL(name, params, type, width, call)                                         \
    static int law_##name(repro_stream *s, void *out, size_t n, const vec_params *p,       \
                          size_t w)                                                        \
    {                                                                                      \
        (void)p, (void)w;                                                                  \
        return call;                                                                       \
    }
LAWS(LAW_FILL)

#define LAW_ENTRY(name, params, type, width, call) {#name, params, type, width, law_##name},
static const vec_law laws[] = {LAWS(LAW_ENTRY)};
#define NLAWS (sizeof laws / sizeof laws[0])

const char *vec_law_name(size_t i)
{
    return i < NLAWS ? laws[i].name : NULL;
}

/* ---- parsing a <draw> ------------------------------------------------------------ */
int vec_parse_u64(const char *s, int base, uint64_t *out)
{
    if (base == 0) { /* decimal, or hexadecimal after 0x */
        base = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') ? 16 : 10;
        s += base == 16 ? 2 : 0;
    }
    const char *digits = base == 16 ? "0123456789abcdefABCDEF" : "0123456789";
    if (!*s || !strchr(digits, *s))
        return -1; /* strtoull would take a sign or spaces */
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (*end || errno == ERANGE)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

int vec_parse_i64(const char *s, int64_t *out)
{
    const char *digits = s + (*s == '-');
    if (!*digits || !strchr("0123456789", *digits))
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || errno == ERANGE)
        return -1;
    *out = (int64_t)v;
    return 0;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    if (!*s || *s == ' ' || *s == '\t')
        return -1;
    *out = strtod(s, &end);
    return *end ? -1 : 0;
}

/* The parameters at p, each after a ':', read by the letters of spec. */
static int parse_params(const char *p, const char *spec, vec_params *par)
{
    size_t fixed = strlen(spec);
    const int repeats = fixed > 0 && spec[fixed - 1] == '*';
    fixed -= (size_t)repeats; /* "ud*": u, then d once or more */
    for (par->n = 0; *p == ':'; par->n++) {
        const size_t k = par->n, len = strcspn(p + 1, ":");
        char field[64];
        if (k == VEC_MAX_PARAMS || len >= sizeof field || (k >= fixed && !repeats))
            return -1;
        memcpy(field, p + 1, len);
        field[len] = '\0';
        const char letter = spec[k < fixed ? k : fixed - 1];
        if (letter == 'd' ? parse_double(field, &par->d[k])
            : letter == 'u' ? vec_parse_u64(field, 10, &par->u[k])
                            : vec_parse_i64(field, &par->i[k]))
            return -1;
        p += 1 + len;
    }
    return *p == '\0' && par->n >= fixed ? 0 : -1;
}

int vec_parse_draw(const char *text, vec_draw *d)
{
    size_t len = strcspn(text, ":");
    memset(d, 0, sizeof *d);
    for (size_t i = 0; i < VEC_NDRAWS; i++) {
        const vec_stream_draw *sd = &vec_stream_draws[i];
        if (strlen(sd->name) != len || strncmp(sd->name, text, len))
            continue;
        d->stream = sd;
        if (sd->words) /* no parameter */
            return text[len] ? -1 : 0;
        return text[len] == ':' ? vec_parse_u64(text + len + 1, 10, &d->bound) : -1;
    }
    for (size_t i = 0; i < NLAWS; i++)
        if (strlen(laws[i].name) == len && !strncmp(laws[i].name, text, len)) {
            d->law = &laws[i];
            return parse_params(text + len, laws[i].params, &d->par);
        }
    return -1;
}

size_t vec_draw_width(const vec_draw *d, size_t n)
{
    return d->law && d->law->width ? d->law->width(&d->par, n) : 1;
}

int vec_draw_digits(const vec_draw *d)
{
    if (d->stream)
        return 2 * stream_size[d->stream - vec_stream_draws];
    return 2 * type_size[d->law->type];
}

int vec_draw_fill(repro_stream *s, const vec_draw *d, uint64_t *bits, size_t n)
{
    if (d->stream)
        return d->stream->fill(s, bits, n, d->bound);
    size_t w = vec_draw_width(d, n);
    if (w == 0 || n % w)
        return REPRO_ERR_ARG;
    void *out = malloc(n ? n * type_size[d->law->type] : 1);
    if (!out)
        return VEC_ERR_MEMORY;
    int rc = d->law->fill(s, out, n, &d->par, w);
    for (size_t i = 0; rc == REPRO_OK && i < n; i++) {
        switch (d->law->type) {
        case T_U8: bits[i] = BITS(((const uint8_t *)out)[i]); break;
        case T_U64: bits[i] = BITS(((const uint64_t *)out)[i]); break;
        case T_I64: bits[i] = BITS(((const int64_t *)out)[i]); break;
        case T_FLOAT: bits[i] = BITS(((const float *)out)[i]); break;
        case T_DOUBLE: bits[i] = BITS(((const double *)out)[i]); break;
        }
    }
    free(out);
    return rc;
}
