/* Discrete laws of numpy's Generator: integers, geometric (fixed consumption: _at
 * forms), logseries, zipf, hypergeometric (rejection), weighted choice through an
 * alias table (2 words per value: an _at form), choice without replacement, uniform
 * and weighted (docs/DISTRIBUTIONS.md gives each algorithm and its word consumption). */
#include "dist/laws.h"
#include "core/philox.h" /* repro_mulhilo64 */


/* Counts at or above 2^63 are clamped to INT64_MAX, numpy's int64 results. */
#define COUNT_MAX 0x7fffffffffffffffu

/* ceil(x) for x >= 0 as a count, clamped to [1, INT64_MAX]. */
static uint64_t ceil_count(double x)
{
    if (!(x < 0x1p63))
        return COUNT_MAX;
    uint64_t k = (uint64_t)x;
    if ((double)k < x)
        k++;
    return k < 1 ? 1 : k;
}

/* floor(x) for 1 <= x < 2^63. */
static uint64_t floor_count(double x)
{
    return (uint64_t)x;
}

/* The bounded draw of contract section 3 that repro_shuffle uses for a range of `bound`
 * values: 32-bit below 2^32, else 64-bit. */
static uint64_t draw_below(repro_stream *s, uint64_t bound)
{
    if (bound <= 0xffffffffu)
        return repro_next_bounded_u32(s, (uint32_t)bound);
    return repro_next_bounded_u64(s, bound);
}

/* ---- integers -------------------------------------------------------------------- */

/* low + bounded(high - low + 1): the 32-bit bounded draw when high - low < 2^32 (a
 * range of exactly 2^32 is its full-range form), else the 64-bit one (the full int64
 * range is its full-range form).  Exact, no bias. */
static REPRO_NOINLINE int law_integers(repro_stream *s, int64_t *out, size_t n, int64_t low,
                                       int64_t high)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (low > high)
        return REPRO_ERR_PARAM;
    uint64_t base = (uint64_t)low, range = (uint64_t)high - base; /* modulo 2^64 */
    if (range <= 0xffffffffu) {
        uint32_t v[REPRO_LAW_CHUNK];
        for (size_t i = 0; i < n; i += REPRO_LAW_CHUNK) {
            size_t k = n - i < REPRO_LAW_CHUNK ? n - i : REPRO_LAW_CHUNK;
            repro_fill_bounded_u32(s, v, k, (uint32_t)(range + 1)); /* 2^32 -> 0 */
            for (size_t j = 0; j < k; j++) {
                uint64_t x = base + v[j];
                memcpy(&out[i + j], &x, sizeof x); /* two's complement */
            }
        }
    } else {
        uint64_t *v = (uint64_t *)(void *)out; /* same size; converted in place */
        repro_fill_bounded_u64(s, v, n, range + 1); /* 2^64 -> 0 */
        for (size_t j = 0; j < n; j++) {
            uint64_t x = base + v[j];
            memcpy(&out[j], &x, sizeof x);
        }
    }
    return REPRO_OK;
}

/* ---- geometric ------------------------------------------------------------------------ */

/* Inversion, 2 words: ceil(log(u) / log1p(-p)), u = U52, clamped to [1, INT64_MAX]
 * (p = 1: log1p(-1) = -inf, so 1). */
static REPRO_NOINLINE int law_geometric(repro_stream *s, uint64_t *out, size_t n, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(p > 0.0 && p <= 1.0))
        return REPRO_ERR_PARAM;
    double l1p = repro_dist_log1p_full(-p);
    double u[REPRO_LAW_CHUNK];
    for (size_t i = 0; i < n; i += REPRO_LAW_CHUNK) {
        size_t k = n - i < REPRO_LAW_CHUNK ? n - i : REPRO_LAW_CHUNK;
        repro_fill_u64(s, out + i, k);
        for (size_t j = 0; j < k; j++)
            u[j] = repro_u52(out[i + j]);
        repro_math_log_array(u, u, k);
        for (size_t j = 0; j < k; j++)
            out[i + j] = ceil_count(u[j] / l1p);
    }
    return REPRO_OK;
}

/* ---- logarithmic series ------------------------------------------------------------- */

/* Kemp's (1981) LK method, numpy's form; per attempt v = U52, and when v < p, u = U52:
 * v >= p gives 1; q = -expm1(log1p(-p) u); v <= q^2 gives floor(1 + log(v) / log(q))
 * (clamped to INT64_MAX); v >= q gives 1; else 2. */
static uint64_t logseries_draw(repro_stream *s, double p, double r)
{
    double v = repro_u52(repro_next_u64(s));
    if (v >= p)
        return 1;
    double q = -repro_dist_expm1(r * repro_u52(repro_next_u64(s)));
    if (v <= q * q) { /* q >= sqrt(v): normal */
        /* log v / log q from the logs' estimates (error e each) is within
         * e (1 + |log v / log q|) / |log q| of the true ratio, and the exact x
         * within 1e-15 x of the true x: when no integer lies within err of x's
         * estimate, its floor is the exact one, without the exact logs. */
        const double e = REPRO_LOG_ESTIMATE_ERR;
        double lv = repro_dist_log_estimate(v), lq = repro_dist_log_estimate(q);
        if (-lq > 2.0 * e) {
            double x = 1.0 + lv / lq;
            double err = e / -lq * (1.0 + (e - lv) / (-lq - e)) + 1e-12 * x + 1e-12;
            if (x - err >= 1.0 && x + err < 0x1p62 &&
                floor_count(x - err) == floor_count(x + err))
                return floor_count(x);
        }
        double x = 1.0 + repro_dist_log(v) / repro_dist_log(q);
        return x < 0x1p63 ? floor_count(x) : COUNT_MAX;
    }
    return v >= q ? 1 : 2;
}

static REPRO_NOINLINE int law_logseries(repro_stream *s, uint64_t *out, size_t n, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(p >= 0.0 && p < 1.0))
        return REPRO_ERR_PARAM;
    double r = repro_dist_log1p_full(-p);
    for (size_t i = 0; i < n; i++)
        out[i] = logseries_draw(s, p, r);
    return REPRO_OK;
}

/* ---- Zipf ------------------------------------------------------------------------- */

/* Below this, a - 1 makes the rejection loop too slow (about 1 / (44 (a - 1)) attempts). */
#define ZIPF_MIN_AM1 0x1p-20
/* From this a on every value is 1 but with probability below 2^-1024 (and 2^(a - 1)
 * overflows): 1, nothing drawn. */
#define ZIPF_MAX_A 1025.0

/* Devroye's (1986, p. 551) rejection, numpy's form with expm1 where numpy subtracts 1;
 * per attempt u = U52 then v = U52: x = floor(exp(-log(u) / (a - 1))), rejected when
 * x >= 2^63; t1 = expm1((a - 1) log1p(1 / x)), accepted when
 * v x t1 / b1 <= (1 + t1) / (1 + b1), b1 = expm1((a - 1) ln 2). */

/* x up to this is found from an estimate of log(u), with t1 and the bound cached. */
#define ZIPF_TABLE 16
/* ln j, j = 0 (unused) .. ZIPF_TABLE + 1, rounded to nearest. */
static const double LN_INT[ZIPF_TABLE + 2] = {
    0.0, 0.0, 0x1.62e42fefa39efp-1, 0x1.193ea7aad030bp+0, 0x1.62e42fefa39efp+0,
    0x1.9c041f7ed8d33p+0, 0x1.cab0bfa2a2002p+0, 0x1.f2272ae325a57p+0, 0x1.0a2b23f3bab73p+1,
    0x1.193ea7aad030bp+1, 0x1.26bb1bbb55516p+1, 0x1.32ee3b77f374cp+1, 0x1.3e116bcd39e7dp+1,
    0x1.485042b318c51p+1, 0x1.51cca16d7bba7p+1, 0x1.5aa16394d481fp+1, 0x1.62e42fefa39efp+1,
    0x1.6aa6bc1fa7f7ap+1};

typedef struct {
    double am1, b1, margin;
    double t1[ZIPF_TABLE + 1], bound[ZIPF_TABLE + 1]; /* by x; NaN: not yet */
} zipf_setup;

/* x = floor(exp(-log(u) / am1)) as the exact functions give it, 0 when >= 2^63.  The
 * exact log(x) is -log(u) / am1 within 5e-14 (|log(u)| < 37: an ulp for each
 * function and the division); l, its estimate, within margin minus 1e-9 of that: l
 * off every ln j by more than margin gives x without the exact functions. */
static uint64_t zipf_x(const zipf_setup *z, double u)
{
    double l = -repro_dist_log_estimate(u) / z->am1;
    uint64_t m = 1;
    while (m < ZIPF_TABLE && l >= LN_INT[m + 1])
        m++;
    if (l >= LN_INT[m] + z->margin && l <= LN_INT[m + 1] - z->margin)
        return m;
    double x = repro_dist_exp(-repro_dist_log(u) / z->am1);
    return x < 0x1p63 ? floor_count(x) : 0; /* x >= 1: u < 1 */
}

static uint64_t zipf_draw(repro_stream *s, zipf_setup *z)
{
    for (;;) {
        double u = repro_u52(repro_next_u64(s));
        double v = repro_u52(repro_next_u64(s));
        uint64_t k = zipf_x(z, u);
        if (k == 0)
            continue;
        double x = (double)k, t1, bound;
        if (k <= ZIPF_TABLE && z->t1[k] == z->t1[k]) {
            t1 = z->t1[k], bound = z->bound[k];
        } else {
            t1 = repro_dist_expm1(z->am1 * repro_dist_log1p(1.0 / x));
            bound = (1.0 + t1) / (1.0 + z->b1);
            if (k <= ZIPF_TABLE)
                z->t1[k] = t1, z->bound[k] = bound;
        }
        if (v * x * t1 / z->b1 <= bound)
            return k;
    }
}

static REPRO_NOINLINE int law_zipf(repro_stream *s, uint64_t *out, size_t n, double a)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!repro_law_finite(a) || !(a - 1.0 >= ZIPF_MIN_AM1))
        return REPRO_ERR_PARAM;
    if (a >= ZIPF_MAX_A) {
        for (size_t i = 0; i < n; i++)
            out[i] = 1;
        return REPRO_OK;
    }
    zipf_setup z;
    z.am1 = a - 1.0;
    z.b1 = repro_dist_expm1(z.am1 * REPRO_LN2);
    z.margin = (REPRO_LOG_ESTIMATE_ERR + 1e-9) / z.am1 + 1e-9;
    for (size_t j = 0; j <= ZIPF_TABLE; j++)
        z.t1[j] = repro_bits_double(REPRO_BITS_NAN);
    for (size_t i = 0; i < n; i++)
        out[i] = zipf_draw(s, &z);
    return REPRO_OK;
}

/* ---- hypergeometric ------------------------------------------------------------------ */

/* numpy's limit: larger populations lose the acceptance test's precision. */
#define HYPER_MAX 1000000000u

/* Draws without replacement, one bounded draw per item while both kinds remain:
 * numpy's method for small samples (m = min(sample, total - sample) items). */
static uint64_t hyper_sequential(repro_stream *s, uint64_t good, uint64_t bad, uint64_t sample)
{
    uint64_t total = good + bad;
    uint64_t m = sample > total / 2 ? total - sample : sample;
    uint64_t left = total, left_good = good;
    while (m > 0 && left_good > 0 && left > left_good) {
        if (draw_below(s, left) < left_good)
            left_good--;
        left--;
        m--;
    }
    if (left == left_good) /* only good items are left */
        left_good -= m;
    return sample > total / 2 ? left_good : good - left_good;
}

/* Stadlober's (1989) ratio of uniforms HRUA with numpy's corrections, for
 * m = min(sample, total - sample) >= 10: the constants of a parameter point, then per
 * attempt u = U52 then v = U52. */
typedef struct {
    uint64_t good, bad, sample, m, lo, hi;
    double a, h, g, bound;
} hrua_setup;

static hrua_setup hrua_init(uint64_t good, uint64_t bad, uint64_t sample)
{
    const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
    hrua_setup z;
    uint64_t total = good + bad;
    z.good = good, z.bad = bad, z.sample = sample;
    z.m = sample < total - sample ? sample : total - sample;
    z.lo = good < bad ? good : bad;
    z.hi = good < bad ? bad : good;
    double pop = (double)total, p = (double)z.lo / pop, q = (double)z.hi / pop;
    z.a = (double)z.m * p + 0.5;
    double var = (double)(total - z.m) * (double)z.m * p * q / (pop - 1.0);
    double c = repro_dist_sqrt(var + 0.5);
    z.h = D1 * c + D2;
    uint64_t mode = floor_count((double)(z.m + 1) * (double)(z.lo + 1) / (pop + 2.0));
    z.g = repro_dist_log_factorial(mode) + repro_dist_log_factorial(z.lo - mode) +
          repro_dist_log_factorial(z.m - mode) + repro_dist_log_factorial(z.hi - z.m + mode);
    z.bound = (double)((z.m < z.lo ? z.m : z.lo) + 1);
    double top = z.a + 16.0 * c;
    if (top < z.bound)
        z.bound = (double)floor_count(top);
    return z;
}

/* The last test, 2 log(u) <= t, is decided by log(u)'s estimate when that is off
 * t / 2 by more than its error plus a margin for the exact log's ulp (|log u| < 37). */
static uint64_t hyper_hrua(repro_stream *s, const hrua_setup *z, repro_logpmf_cache *cache)
{
    uint64_t k;
    for (;;) {
        double u = repro_u52(repro_next_u64(s));
        double v = repro_u52(repro_next_u64(s));
        double x = z->a + z->h * (v - 0.5) / u;
        if (x < 0.0 || x >= z->bound)
            continue;
        k = (uint64_t)x;
        double *slot = repro_logpmf_slot(cache, k);
        double t = slot && *slot == *slot
                       ? *slot
                       : z->g - (repro_dist_log_factorial(k) +
                                 repro_dist_log_factorial(z->lo - k) +
                                 repro_dist_log_factorial(z->m - k) +
                                 repro_dist_log_factorial(z->hi - z->m + k));
        if (slot)
            *slot = t;
        if (u * (4.0 - u) - 3.0 <= t)
            break;
        if (u * (u - t) >= 1.0)
            continue;
        double l = repro_dist_log_estimate(u), half = 0.5 * t;
        if (l <= half - (REPRO_LOG_ESTIMATE_ERR + 1e-9))
            break;
        if (l > half + (REPRO_LOG_ESTIMATE_ERR + 1e-9))
            continue;
        if (2.0 * repro_dist_log(u) <= t)
            break;
    }
    if (z->good > z->bad)
        k = z->m - k;
    if (z->m < z->sample)
        k = z->good - k;
    return k;
}

static REPRO_NOINLINE int law_hypergeometric(repro_stream *s, uint64_t *out, size_t n,
                                             uint64_t ngood, uint64_t nbad, uint64_t nsample)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (ngood >= HYPER_MAX || nbad >= HYPER_MAX || nsample > ngood + nbad)
        return REPRO_ERR_PARAM;
    uint64_t total = ngood + nbad;
    if (nsample >= 10 && nsample <= total - 10) {
        hrua_setup z = hrua_init(ngood, nbad, nsample);
        repro_logpmf_cache cache;
        repro_logpmf_cache_init(&cache, z.a, n);
        for (size_t i = 0; i < n; i++)
            out[i] = hyper_hrua(s, &z, &cache);
    } else {
        for (size_t i = 0; i < n; i++)
            out[i] = hyper_sequential(s, ngood, nbad, nsample);
    }
    return REPRO_OK;
}

/* ---- weighted choice: the alias table --------------------------------------------------- */

/* Layout (uint64_t words): magic, k, shift, then k pairs (threshold, alias).  Column j
 * is taken with threshold t_j / 2^(64 - shift): value j when (c >> shift) < t_j, else
 * alias_j. */
#define ALIAS_MAGIC 0x52525631414c4941u /* "RRV1ALIA" */
#define ALIAS_HEADER 3u

size_t repro_alias_size(size_t k)
{
    if (k == 0 || k > ((size_t)-1 - 8 * ALIAS_HEADER) / 16)
        return 0;
    return 8 * ALIAS_HEADER + 16 * k;
}

/* Bits of x. */
static unsigned bit_length(uint64_t x)
{
    unsigned b = 0;
    while (x) {
        b++;
        x >>= 1;
    }
    return b;
}

/* Neumaier's compensated sum of w_i up (up a power of 2: exact products), in index
 * order: within an ulp or so of the exact sum. */
static double weight_sum(const double *w, size_t k, double up)
{
    double sum = 0.0, comp = 0.0;
    for (size_t i = 0; i < k; i++) {
        double wi = w[i] * up;
        double t = sum + wi;
        double a = sum < 0.0 ? -sum : sum;
        comp += a >= wi ? (sum - t) + wi : (wi - t) + sum;
        sum = t;
    }
    return sum + comp;
}

/* The next index from i on whose count is below (small) or above (!small) unit. */
static size_t next_index(const uint64_t *cnt, size_t i, size_t k, uint64_t unit, int small)
{
    while (i < k && (small ? cnt[2 * i] >= unit : cnt[2 * i] <= unit))
        i++;
    return i;
}

int repro_alias_init(void *table, size_t size, const double *weights, size_t k)
{
    if (!table || !weights)
        return REPRO_ERR_NULL;
    size_t need = repro_alias_size(k);
    /* k > 2^40, as k - 1 >= 2^40 (k >= 1 here) in 64 bits: a 32-bit size_t makes the
     * plain test always false, which -Wtype-limits rejects. */
    if (need == 0 || (uint64_t)k - 1 >= (uint64_t)1 << 40)
        return REPRO_ERR_PARAM;
    if (size < need)
        return REPRO_ERR_BUFFER;
    for (size_t i = 0; i < k; i++)
        if (!repro_law_finite(weights[i]) || !(weights[i] >= 0.0))
            return REPRO_ERR_PARAM;
    /* Weights summing below 2^-900 are taken times 2^1000 (exactly), so that T / total
     * stays finite (it overflowed, and a zero weight's 0 * inf was NaN). */
    repro_fpenv env = repro_fpenv_enter();
    double total = weight_sum(weights, k, 1.0);
    double up = total < 0x1p-900 ? 0x1p1000 : 1.0;
    if (up != 1.0)
        total = weight_sum(weights, k, up);
    repro_fpenv_leave(env);
    if (!(total > 0.0) || !repro_law_finite(total))
        return REPRO_ERR_PARAM;
    /* Integer counts with sum T = k 2^bits, T <= 2^50 (so w_i T / total is within 1/4
     * of its double). */
    unsigned bits = 50 - bit_length((uint64_t)k);
    uint64_t unit = (uint64_t)1 << bits, T = (uint64_t)k << bits;
    uint64_t *t = table, *cnt = t + ALIAS_HEADER; /* cnt[2i]: count, then threshold */
    env = repro_fpenv_enter();
    double scale = (double)T / total;
    uint64_t sum = 0;
    for (size_t i = 0; i < k; i++) {
        double c = weights[i] * up * scale;
        cnt[2 * i] = (uint64_t)(c < (double)T ? c : (double)T); /* floor */
        cnt[2 * i + 1] = i;
        sum += cnt[2 * i];
    }
    repro_fpenv_leave(env);
    /* The rounding left sum within 2k of T: one unit more (less) to each outcome of
     * nonzero count in index order, cyclically, until the sum is T. */
    for (size_t i = 0; sum != T; i = i + 1 < k ? i + 1 : 0) {
        if (cnt[2 * i] == 0 || (sum > T && cnt[2 * i] == 1))
            continue;
        if (sum < T) {
            cnt[2 * i]++;
            sum++;
        } else {
            cnt[2 * i]--;
            sum--;
        }
    }
    /* Vose's alias method on the integer counts, in place: small (count < unit) columns
     * in index order take their alias from the current large one (count > unit), which
     * gives up unit - count; a large one that becomes small is served next when the
     * scan for small ones has passed it, else in its turn.  Exact: every column ends
     * with count == unit or a threshold and an alias. */
    size_t sc = next_index(cnt, 0, k, unit, 1), lg = next_index(cnt, 0, k, unit, 0);
    size_t cur = sc;
    if (sc < k)
        sc++;
    while (cur < k && lg < k) {
        cnt[2 * cur + 1] = lg; /* cnt[2 cur] stays: the threshold */
        cnt[2 * lg] -= unit - cnt[2 * cur];
        size_t next = k;
        if (cnt[2 * lg] <= unit) {
            if (cnt[2 * lg] < unit && lg < sc)
                next = lg;
            lg = next_index(cnt, lg + 1, k, unit, 0);
        }
        if (next == k) {
            sc = next_index(cnt, sc, k, unit, 1);
            next = sc;
            if (sc < k)
                sc++;
        }
        cur = next;
    }
    for (size_t i = 0; i < k; i++)
        if (cnt[2 * i] >= unit) /* a full column: always itself */
            cnt[2 * i] = unit, cnt[2 * i + 1] = i;
    t[0] = ALIAS_MAGIC;
    t[1] = (uint64_t)k;
    t[2] = 64 - bits;
    return REPRO_OK;
}

/* Per value one u64 x (2 words): x k = j 2^64 + c (a 128-bit product), column j, then
 * j when (c >> shift) < threshold_j, else alias_j. */
static REPRO_NOINLINE int law_choice(repro_stream *s, uint64_t *out, size_t n,
                                     const void *table)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!table)
        return REPRO_ERR_NULL;
    const uint64_t *t = table, *col = t + ALIAS_HEADER;
    if (t[0] != ALIAS_MAGIC)
        return REPRO_ERR_ARG;
    uint64_t k = t[1];
    unsigned shift = (unsigned)t[2];
    repro_fill_u64(s, out, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t j, c = repro_mulhilo64(out[i], k, &j);
        out[i] = (c >> shift) < col[2 * j] ? j : col[2 * j + 1];
    }
    return REPRO_OK;
}

/* ---- choice without replacement ---------------------------------------------------- */

/* Sorts v[0..n) ascending: quicksort (median of three, the smaller side first, so the
 * stack stays below 64 levels) down to insertion sort on short runs.  (Only the order
 * of equal values could differ between sorts, and equal values are the same.) */
static void sort_u64(uint64_t *v, size_t n)
{
    while (n > 16) {
        uint64_t a = v[0], b = v[n / 2], c = v[n - 1];
        uint64_t pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
        size_t i = 0, j = n - 1;
        for (;;) { /* Hoare's partition */
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i >= j)
                break;
            uint64_t t = v[i];
            v[i++] = v[j];
            v[j--] = t;
        }
        /* v[0..j] <= pivot <= v[j+1..n) */
        if (j + 1 < n - j - 1) {
            sort_u64(v, j + 1);
            v += j + 1;
            n -= j + 1;
        } else {
            sort_u64(v + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t t = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > t; j--)
            v[j] = v[j - 1];
        v[j] = t;
    }
}

/* Sorts v[0..count) ascending, every value below `bound`: the values are uniform
 * draws, so a pass into 1024 buckets by their top bits leaves about count / 1024 per
 * bucket, which one insertion sort over the whole array then orders (each value
 * moves only within its bucket; a bucket of more than 64, count above 2^16 or so, is
 * sorted by sort_u64 first).  The pass scatters through a stack copy up to
 * SORT_SCRATCH values, else it runs in place (American flag sort).  The same result
 * as sort_u64 alone, in about a fifth of its time at count 1000. */
#define SORT_BUCKETS 1024
#define SORT_SCRATCH 1024
static void sort_below(uint64_t *v, size_t count, uint64_t bound)
{
    /* below 128 the pass costs more than it saves; 32-bit counts */
    if (count <= 128 || count > 0xffffffffu) {
        sort_u64(v, count);
        return;
    }
    unsigned bits = bit_length(bound - 1);
    unsigned shift = bits > 10 ? bits - 10 : 0;
    uint32_t head[SORT_BUCKETS] = {0}, end[SORT_BUCKETS];
    for (size_t i = 0; i < count; i++)
        head[v[i] >> shift]++;
    for (uint32_t b = 0, at = 0; b < SORT_BUCKETS; b++) {
        at += head[b];
        end[b] = at;
        head[b] = at - head[b];
    }
    if (count <= SORT_SCRATCH) {
        uint64_t copy[SORT_SCRATCH];
        memcpy(copy, v, count * sizeof *v);
        for (size_t i = 0; i < count; i++)
            v[head[copy[i] >> shift]++] = copy[i];
    } else {
        /* Each value goes to the next free place of its bucket; the one it displaces
         * moves on in turn, until one belonging to bucket b fills b's place. */
        for (size_t b = 0; b < SORT_BUCKETS; b++) {
            while (head[b] < end[b]) {
                uint64_t x = v[head[b]];
                for (size_t d = (size_t)(x >> shift); d != b; d = (size_t)(x >> shift)) {
                    uint64_t t = v[head[d]];
                    v[head[d]++] = x;
                    x = t;
                }
                v[head[b]++] = x;
            }
        }
    }
    for (size_t b = 0, at = 0; b < SORT_BUCKETS; at = end[b++])
        if (end[b] - at > 64)
            sort_u64(v + at, end[b] - at);
    for (size_t i = 1; i < count; i++) {
        uint64_t t = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > t; j--) /* stops within t's bucket */
            v[j] = v[j - 1];
        v[j] = t;
    }
}

/* One round: m uniform draws from [0, n) into dst, in stream order. */
static void choice_round(repro_stream *s, uint64_t *dst, size_t m, uint64_t n)
{
    if (n <= 0xffffffffu) { /* the 32-bit bounded draws in one fill */
        uint32_t v[REPRO_LAW_CHUNK];
        for (size_t i = 0; i < m; i += REPRO_LAW_CHUNK) {
            size_t c = m - i < REPRO_LAW_CHUNK ? m - i : REPRO_LAW_CHUNK;
            repro_fill_bounded_u32(s, v, c, (uint32_t)n);
            for (size_t j = 0; j < c; j++)
                dst[i + j] = v[j];
        }
    } else {
        repro_fill_bounded_u64(s, dst, m, n);
    }
}

/* Values merged through the stack rather than sorted with the rest (merge_fresh). */
#define CHOICE_MERGE 1024

/* out[0..have) and out[have..fresh), each sorted, the two disjoint, fresh - have at
 * most CHOICE_MERGE: all sorted, merged from the back in one pass (the few new values
 * of the late rounds; sort_below takes many, not called from here so that the two
 * stack frames do not add up). */
static void merge_fresh(uint64_t *out, size_t have, size_t fresh)
{
    const size_t add = fresh - have;
    uint64_t t[CHOICE_MERGE];
    memcpy(t, out + have, add * sizeof *t);
    for (size_t i = have, j = add, o = fresh; j > 0;)
        out[--o] = i > 0 && out[i - 1] > t[j - 1] ? out[--i] : t[--j];
}

/* Words of bitmap read ahead while the set is written out (choice_bitmap): enough
 * for k >= n - 63 (CHOICE_AHEAD - 3). */
#define CHOICE_AHEAD 1024

/* The rounds once `have` values are held in out[0..have), sorted, with k near n: the
 * held set as a bitmap of the n values in out's last nb words, each round's draws in
 * front of it (so nb <= have <= k - nb), a bit test per draw rather than a search;
 * then the set, ascending, into out[0..k).  Writing it overtakes the bitmap's first
 * unread words by at most (n - k + 62) / 63 + 1 words (each word holds 64 values, at
 * most n - k of them missing), so those are read ahead into a ring first. */
static void choice_bitmap(repro_stream *s, uint64_t *out, size_t have, size_t k, uint64_t n)
{
    const size_t nb = (size_t)((n + 63) / 64);
    uint64_t *bits = out + (k - nb);
    memset(bits, 0, nb * sizeof *bits);
    for (size_t i = 0; i < have; i++)
        bits[out[i] >> 6] |= (uint64_t)1 << (out[i] & 63);
    while (have < k) {
        const size_t m = k - have;
        choice_round(s, out, m, n);
        for (size_t i = 0; i < m; i++) {
            uint64_t bit = (uint64_t)1 << (out[i] & 63), *w = &bits[out[i] >> 6];
            have += (*w & bit) == 0;
            *w |= bit;
        }
    }
    uint64_t ahead[CHOICE_AHEAD];
    size_t read = 0, j = 0;
    for (size_t w = 0; w < nb; w++) {
        for (; read <= w || (read < nb && k - nb + read < j + 64); read++)
            ahead[read % CHOICE_AHEAD] = bits[read];
        const uint64_t word = ahead[w % CHOICE_AHEAD];
        for (unsigned b = 0; b < 64; b++)
            if (word >> b & 1)
                out[j++] = 64 * (uint64_t)w + b;
    }
}

/* The first k distinct values of independent uniform draws from [0, n) form a uniform
 * k-subset: draw k, sort, drop repeats, draw as many as are missing, and so on (the
 * count reaches k exactly at the end of a round, so this is the same set); then
 * repro_shuffle puts them in uniformly random order.  Memory: out only. */
int repro_choice_without_replacement(repro_stream *s, uint64_t *out, size_t k, uint64_t n)
{
    int rc = repro_fill_check(s, out, k);
    if (rc != REPRO_OK)
        return rc;
    if (k > n)
        return REPRO_ERR_PARAM;
    size_t have = 0;
    while (have < k) {
        choice_round(s, out + have, k - have, n);
        /* The round's draws out[have..k), sorted, less repeats and the values held
         * (binary search), go after the held ones and are merged in: the set and
         * count of a sort of all k, without its cost per round when k is near n
         * (there most rounds add nothing, or a few values). */
        sort_below(out + have, k - have, n);
        size_t fresh = have;
        for (size_t i = have; i < k; i++) {
            uint64_t x = out[i];
            if (i > have && x == out[i - 1])
                continue;
            size_t lo = 0, hi = have; /* the first held value >= x */
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (out[mid] < x)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo == have || out[lo] != x)
                out[fresh++] = x;
        }
        if (fresh - have > CHOICE_MERGE)
            sort_below(out, fresh, n);
        else if (have > 0)
            merge_fresh(out, have, fresh);
        have = fresh;
        const uint64_t nb = (n + 63) / 64;
        if (have < k && n - k <= 63 * (CHOICE_AHEAD - 3) && have >= nb && have <= k - nb) {
            choice_bitmap(s, out, have, k, n);
            break;
        }
    }
    return repro_shuffle(s, out, k, sizeof *out);
}

/* ---- weighted choice without replacement -------------------------------------------- */

/* e / w (e >= 0, w > 0, both finite) as a 64-bit integer in the order of the values: the
 * double e / m (one rounding, in [0, 40)) of w = m 2^p, m in [1, 2), with p taken off
 * its exponent, which then needs 12 bits: no overflow or underflow at any w. */
static uint64_t race_key(double e, double w)
{
    uint64_t wb, qb;
    memcpy(&wb, &w, sizeof wb);
    int p = (int)(wb >> 52);
    uint64_t frac = wb & 0xfffffffffffffu;
    if (p == 0) { /* subnormal: normalise */
        for (p = 1; !(frac >> 52); p--)
            frac <<= 1;
        frac &= 0xfffffffffffffu;
    }
    double m, q;
    uint64_t mb = (uint64_t)1023 << 52 | frac;
    memcpy(&m, &mb, sizeof m);
    q = e / m;
    if (q == 0.0)
        return 0;
    memcpy(&qb, &q, sizeof qb);
    return (uint64_t)((int)(qb >> 52) - p + 2100) << 52 | (qb & 0xfffffffffffffu);
}

/* A key's value e / w (the exponent less 2100, race_key) times 1 + 2^-49, as a
 * double; 0 (no bound) when that value is 0 or not a normal double. */
static double key_bound(uint64_t key)
{
    int64_t exponent = (int64_t)(key >> 52) - 2100 + 1023;
    if (key == 0 || exponent < 1 || exponent > 2046)
        return 0.0;
    uint64_t bits = (uint64_t)exponent << 52 | (key & 0xfffffffffffffu);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v * (1.0 + 0x1p-49);
}

/* (key a, index ia) comes before (key b, index ib): the smaller key, on a tie the
 * smaller index. */
static int before(uint64_t a, uint64_t ia, uint64_t b, uint64_t ib)
{
    return (a < b) | ((a == b) & (ia < ib)); /* no branch */
}

/* Puts (k, x) at the root of the max-heap (the greatest entry at the root) of
 * key[0..len), idx[0..len), whose root is free, and restores the heap: the hole goes
 * down to a leaf along the greater children (a branch-free choice), then the entry
 * rises from there (Wegener's bottom-up heapsort: about half the comparisons, and
 * predictable branches).  A heap holds distinct entries (the indices are), so any
 * correct heap gives the same sorted order. */
static void sift_down(uint64_t *key, uint64_t *idx, size_t len, uint64_t k, uint64_t x)
{
    size_t i = 0;
    for (size_t c; (c = 2 * i + 1) < len; i = c) {
        if (c + 1 < len)
            c += (size_t)before(key[c], idx[c], key[c + 1], idx[c + 1]);
        key[i] = key[c], idx[i] = idx[c];
    }
    for (; i > 0 && before(key[(i - 1) / 2], idx[(i - 1) / 2], k, x); i = (i - 1) / 2)
        key[i] = key[(i - 1) / 2], idx[i] = idx[(i - 1) / 2];
    key[i] = k, idx[i] = x;
}

/* The exponential race (Efraimidis & Spirakis 2006): item i, in index order, gets the
 * key E_i / w_i, E_i the contract's exponential (2 words, zero weights included); the
 * k smallest keys, ties to the smaller index, in ascending order are k draws without
 * replacement with probabilities proportional to the weights of the items left
 * (numpy's choice(n, k, replace=False, p)).  A max-heap of the k best in keys and out,
 * then heapsort.  Time O(n log k). */
static REPRO_NOINLINE int law_choice_weighted(repro_stream *s, uint64_t *out, size_t k,
                                              const double *weights, size_t n,
                                              uint64_t *keys)
{
    int rc = repro_fill_check(s, out, k);
    if (rc != REPRO_OK)
        return rc;
    if ((!weights && n > 0) || (!keys && k > 0))
        return REPRO_ERR_NULL;
    size_t positive = 0;
    for (size_t i = 0; i < n; i++) {
        if (!repro_law_finite(weights[i]) || !(weights[i] >= 0.0))
            return REPRO_ERR_PARAM;
        positive += weights[i] > 0.0;
    }
    if (k > positive)
        return REPRO_ERR_PARAM;
    /* With the heap full, an item with e > w bound, bound = key_bound(the root's key),
     * has e / w above the root's value by a relative 2^-50 or more (the product is a
     * normal double: two roundings of 2^-53), so its key is greater: it cannot enter,
     * which the multiply decides without the key's division. */
    size_t len = 0;
    double e[REPRO_LAW_CHUNK], bound = 0.0;
    for (size_t i0 = 0; k > 0 && i0 < n; i0 += REPRO_LAW_CHUNK) {
        size_t c = n - i0 < REPRO_LAW_CHUNK ? n - i0 : REPRO_LAW_CHUNK;
        repro_fill_exponential(s, e, c);
        for (size_t j = 0; j < c; j++) {
            double w = weights[i0 + j], wb = w * bound;
            if (w == 0.0 || (wb >= 0x1p-1022 && e[j] > wb))
                continue;
            uint64_t key = race_key(e[j], w), idx = i0 + j;
            if (len < k) { /* sift up from the end */
                size_t i = len++;
                for (; i > 0 && before(keys[(i - 1) / 2], out[(i - 1) / 2], key, idx);
                     i = (i - 1) / 2)
                    keys[i] = keys[(i - 1) / 2], out[i] = out[(i - 1) / 2];
                keys[i] = key, out[i] = idx;
                if (len == k)
                    bound = key_bound(keys[0]);
            } else if (before(key, idx, keys[0], out[0])) {
                sift_down(keys, out, k, key, idx);
                bound = key_bound(keys[0]);
            }
        }
    }
    for (size_t end = len; end > 1; end--) { /* the root to the end, the last to the root */
        uint64_t key = keys[end - 1], idx = out[end - 1];
        keys[end - 1] = keys[0], out[end - 1] = out[0];
        sift_down(keys, out, end - 1, key, idx);
    }
    return REPRO_OK;
}

int repro_choice_weighted_without_replacement(repro_stream *s, uint64_t *out, size_t k,
                                              const double *weights, size_t n,
                                              uint64_t *keys)
{
    repro_fpenv env = repro_fpenv_enter();
    int rc = law_choice_weighted(s, out, k, weights, n, keys);
    repro_fpenv_leave(env);
    return rc;
}

/* ---- public entry points ----------------------------------------------------------- */

REPRO_LAW_PUBLIC_AT(integers, int64_t, (, int64_t low, int64_t high), (, low, high))
REPRO_LAW_PUBLIC_AT(geometric, uint64_t, (, double p), (, p))
REPRO_LAW_PUBLIC(logseries, uint64_t, (, double p), (, p))
REPRO_LAW_PUBLIC(zipf, uint64_t, (, double a), (, a))
REPRO_LAW_PUBLIC(hypergeometric, uint64_t, (, uint64_t ngood, uint64_t nbad, uint64_t nsample),
                 (, ngood, nbad, nsample))
REPRO_LAW_PUBLIC_AT(choice, uint64_t, (, const void *table), (, table))
