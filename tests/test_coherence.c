/* Streams keep buffers of words and of converted values for their single draws and
 * short fills.  These tests check that no sequence of calls can tell:
 *  - a long random mix of every single draw (runs of one kind too; numpy's callbacks
 *    repro_bitgen_next_* among them), fills short and long, seeks to random positions,
 *    into the buffered range and near 2^64, skips, struct copies drawn from side by
 *    side, save/load and *_at calls, on every algorithm, where each value is checked
 *    against the contract's definition applied to the words repro_fill_u32_at gives
 *    at the tracked position (a reference stream that is never drawn from), and the
 *    position after each call;
 *  - *_at calls leave the stream byte for byte as it was;
 *  - seeking inside the buffered range draws from the buffer without a refill.
 * tests/run_c_tests.sh runs the program once per ISA, so every refill kernel and
 * every vector conversion behind the buffers is covered. */
#include "testutil.h"
#include "vectors/vectors.h"

/* Every draw of contract §3 (src/vectors/), values as bit patterns. */
static const vec_stream_draw *const kinds = vec_stream_draws;

#define ALGORITHM(constant, name, contract, words) constant,
static const repro_algorithm algorithms[] = {REPRO_ALGORITHMS(ALGORITHM)};
#define NALG (sizeof algorithms / sizeof algorithms[0])
#define OPS 4000 /* random operations per algorithm */

/* splitmix64: the test's own deterministic randomness. */
static uint64_t rnd(uint64_t *st)
{
    uint64_t z = (*st += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* ---- the model: words from repro_fill_u32_at, values by contract §3 ------------- */
static repro_stream ref; /* (algorithm, seed) of the stream under test; never drawn from */
static uint32_t window[512];
static uint64_t window_at; /* window[i] is word window_at + i */
static int window_valid;

static uint32_t word(uint64_t p)
{
    if (!window_valid || p - window_at >= sizeof window / sizeof window[0]) {
        assert_int_equal(repro_fill_u32_at(&ref, p, window, sizeof window / sizeof window[0]),
                         REPRO_OK);
        window_at = p;
        window_valid = 1;
    }
    return window[p - window_at];
}

static uint64_t word64(uint64_t *p)
{
    uint64_t x = word(*p) | (uint64_t)word(*p + 1) << 32;
    *p += 2;
    return x;
}

/* 64 x 64 -> 128, independent of the library's. */
static uint64_t mulhilo(uint64_t a, uint64_t b, uint64_t *hi)
{
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return a * b;
}

/* The bits of the next value of kind k (bound for the bounded kinds) at *p, which
 * moves past the words it consumes. */
static uint64_t expected(size_t k, uint64_t *p, uint64_t bound)
{
    switch (k) {
    case VEC_DRAW_u32:
        return word((*p)++);
    case VEC_DRAW_u64:
        return word64(p);
    case VEC_DRAW_double:
        return vec_double_bits((double)(word64(p) >> 11) * 0x1p-53);
    case VEC_DRAW_double_oc:
        return vec_double_bits(((double)(word64(p) >> 11) + 1.0) * 0x1p-53);
    case VEC_DRAW_double_oo:
        return vec_double_bits(((double)(word64(p) >> 11) + 0.5) * 0x1p-53);
    case VEC_DRAW_float:
        return vec_float_bits((float)(word((*p)++) >> 8) * 0x1p-24f);
    case VEC_DRAW_normal:
        return vec_double_bits(
            repro_math_inv_normal_cdf(((double)(word64(p) >> 11) + 0.5) * 0x1p-53));
    case VEC_DRAW_exponential:
        return vec_double_bits(-repro_math_log(((double)(word64(p) >> 11) + 1.0) * 0x1p-53));
    case VEC_DRAW_bounded_u32: {
        const uint32_t n = (uint32_t)bound;
        if (n == 0)
            return word((*p)++);
        const uint32_t t = (uint32_t)(0u - n) % n;
        for (;;) {
            uint64_t m = (uint64_t)word((*p)++) * n;
            if ((uint32_t)m >= t)
                return m >> 32;
        }
    }
    default: { /* VEC_DRAW_bounded_u64 */
        if (bound == 0)
            return word64(p);
        const uint64_t t = (0 - bound) % bound;
        for (;;) {
            uint64_t hi, lo = mulhilo(word64(p), bound, &hi);
            if (lo >= t)
                return hi;
        }
    }
    }
}

/* ---- the random mix ----------------------------------------------------------- */
/* A bound for kind k: the full range, tiny, typical, and ones that reject about half
 * of all draws (so that the bounded fills' SIMD kernels fix up rejections often). */
static uint64_t pick_bound(size_t k, uint64_t *st)
{
    static const uint64_t b32[] = {0, 1, 2, 3, 7, 1000, 0x80000001u, 0xFFFFFFFFu, 0x10000u};
    static const uint64_t b64[] = {0,    1, 2, 1000, UINT64_C(0x8000000000000001),
                                   UINT64_MAX, UINT64_C(0x100000001)};
    uint64_t r = rnd(st);
    if (k == VEC_DRAW_bounded_u32)
        return r % 4 ? b32[r / 4 % (sizeof b32 / sizeof b32[0])] : (uint32_t)(r >> 32);
    if (k == VEC_DRAW_bounded_u64)
        return r % 4 ? b64[r / 4 % (sizeof b64 / sizeof b64[0])] : r >> 1;
    return 0;
}

/* One draw of kind k from s, checked against the model at *pos. */
static void check_next(repro_stream *s, uint64_t *pos, size_t k, uint64_t bound,
                       const char *where)
{
    uint64_t want = expected(k, pos, bound);
    uint64_t got = kinds[k].next(s, bound);
    if (got != want)
        fail_msg("%s: %s next_%s(bound %llu): got %016llx, want %016llx",
                 repro_algorithm_name(repro_stream_algorithm(&ref)), where, kinds[k].name,
                 (unsigned long long)bound, (unsigned long long)got, (unsigned long long)want);
    assert_true(repro_stream_tell(s) == *pos);
}

/* A draw through numpy's callbacks (repro_bitgen_next_u32/u64/double), which must be
 * the single draws u32, u64 and double, checked against the model at *pos. */
static void check_bitgen(repro_stream *s, uint64_t *pos, uint64_t *st)
{
    static const size_t bitgen_kinds[] = {VEC_DRAW_u32, VEC_DRAW_u64, VEC_DRAW_double};
    const size_t k = bitgen_kinds[rnd(st) % 3];
    const uint64_t want = expected(k, pos, 0);
    const uint64_t got = k == VEC_DRAW_u32   ? repro_bitgen_next_u32(s)
                         : k == VEC_DRAW_u64 ? repro_bitgen_next_u64(s)
                                             : vec_double_bits(repro_bitgen_next_double(s));
    if (got != want)
        fail_msg("%s: repro_bitgen_next_%s: got %016llx, want %016llx",
                 repro_algorithm_name(repro_stream_algorithm(&ref)), kinds[k].name,
                 (unsigned long long)got, (unsigned long long)want);
    assert_true(repro_stream_tell(s) == *pos);
}

static uint64_t out[6000];

/* n values of kind k from a fill (at: from fill_at at *pos, which must leave s as it
 * was), checked against the model. */
static void check_fill(repro_stream *s, uint64_t *pos, size_t k, uint64_t bound, size_t n,
                       int at)
{
    if (at) {
        const repro_stream before = *s;
        assert_int_equal(kinds[k].fill_at(s, *pos, out, n, bound), REPRO_OK);
        assert_memory_equal(s, &before, sizeof *s);
    } else {
        assert_int_equal(kinds[k].fill(s, out, n, bound), REPRO_OK);
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t want = expected(k, pos, bound);
        if (out[i] != want)
            fail_msg("%s: fill%s_%s(n %zu, bound %llu) value %zu: got %016llx, want %016llx",
                     repro_algorithm_name(repro_stream_algorithm(&ref)), at ? "_at" : "",
                     kinds[k].name, n, (unsigned long long)bound, i,
                     (unsigned long long)out[i], (unsigned long long)want);
    }
}

/* A fill length: mostly short (the buffer's path), sometimes long (the kernels'
 * path, across their 16 KiB chunks). */
static size_t pick_length(uint64_t *st)
{
    uint64_t r = rnd(st);
    switch (r % 8) {
    case 0:
        return (size_t)(r >> 8) % 6000;
    case 1:
    case 2:
        return (size_t)(r >> 8) % 300;
    default:
        return (size_t)(r >> 8) % 70;
    }
}

/* A position to seek to: anywhere, near the end of the position range, near the
 * current position (often inside the buffered range), or 0. */
static uint64_t pick_position(uint64_t pos, uint64_t *st)
{
    uint64_t r = rnd(st);
    switch (r % 5) {
    case 0:
        return rnd(st);
    case 1:
        return UINT64_MAX - rnd(st) % 400;
    case 2:
        return pos - rnd(st) % 150;
    case 3:
        return pos + rnd(st) % 150;
    default:
        return rnd(st) % 200;
    }
}

static void random_mix(repro_algorithm a, repro_seed seed, uint64_t st)
{
    assert_int_equal(repro_stream_init(&ref, a, seed), REPRO_OK);
    window_valid = 0;
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, a, seed), REPRO_OK);
    uint64_t pos = 0;
    for (int op = 0; op < OPS; op++) {
        const uint64_t r = rnd(&st);
        const size_t k = (size_t)(r >> 8) % VEC_NDRAWS;
        switch (r % 16) {
        case 0: case 1: case 2: case 3: case 4: /* one single draw */
            check_next(&s, &pos, k, pick_bound(k, &st), "single");
            break;
        case 5: case 6: { /* a run of one kind */
            const uint64_t bound = pick_bound(k, &st);
            for (size_t i = rnd(&st) % 90; i > 0; i--)
                check_next(&s, &pos, k, bound, "run");
            break;
        }
        case 7: case 8: /* a fill */
            check_fill(&s, &pos, k, pick_bound(k, &st), pick_length(&st), 0);
            break;
        case 9: { /* a fill_at, anywhere: the tracked position stays */
            uint64_t at = pick_position(pos, &st), keep = pos;
            check_fill(&s, &at, k, pick_bound(k, &st), pick_length(&st), 1);
            pos = keep;
            break;
        }
        case 10:
            pos = pick_position(pos, &st);
            repro_stream_seek(&s, pos);
            break;
        case 11: {
            const uint64_t delta = r % 3 ? rnd(&st) % 300 : rnd(&st);
            repro_stream_skip(&s, delta);
            pos += delta;
            break;
        }
        case 12: { /* a copy, drawn from side by side with the original */
            repro_stream t = s;
            uint64_t tpos = pos;
            for (int i = (int)(rnd(&st) % 40); i > 0; i--) {
                const size_t kk = (size_t)(rnd(&st) % VEC_NDRAWS);
                if (rnd(&st) % 2)
                    check_next(&t, &tpos, kk, pick_bound(kk, &st), "copy");
                else
                    check_next(&s, &pos, kk, pick_bound(kk, &st), "original");
            }
            if (r >> 63) { /* go on with the copy */
                s = t;
                pos = tpos;
            }
            break;
        }
        case 13: { /* save, then go on with the loaded stream */
            char text[REPRO_STATE_MAX];
            assert_true(repro_stream_save(&s, text, sizeof text) > 0);
            repro_stream u;
            assert_int_equal(repro_stream_load(&u, text), REPRO_OK);
            s = u;
            break;
        }
        default: /* a burst of single draws of every kind and numpy's, interleaved */
            for (int i = (int)(rnd(&st) % 24); i > 0; i--) {
                const size_t kk = (size_t)(rnd(&st) % (VEC_NDRAWS + 1));
                if (kk == VEC_NDRAWS)
                    check_bitgen(&s, &pos, &st);
                else
                    check_next(&s, &pos, kk, pick_bound(kk, &st), "mixed");
            }
            break;
        }
        assert_true(repro_stream_tell(&s) == pos);
    }
}

static const repro_seed *seeds(void)
{
    static repro_seed s[NALG];
    for (size_t i = 0; i < NALG; i++)
        s[i] = repro_seed_child(repro_seed_from_string("coherence"), i);
    return s;
}

static void test_random_mix(void **state)
{
    (void)state;
    for (size_t i = 0; i < NALG; i++)
        random_mix(algorithms[i], seeds()[i], 1000 + i);
}

/* Draws after a seek inside the buffered range come from the buffer: it is not
 * rewritten, and the values are the right ones.  (The buffer's fields are read to
 * find the range; a run of draws makes it whole, here across the wrap at 2^64.) */
static void test_seek_inside_buffer(void **state)
{
    (void)state;
    for (size_t i = 0; i < NALG; i++) {
        repro_stream s;
        assert_int_equal(repro_stream_init(&ref, algorithms[i], seeds()[i]), REPRO_OK);
        window_valid = 0;
        assert_int_equal(repro_stream_init(&s, algorithms[i], seeds()[i]), REPRO_OK);
        uint64_t pos = UINT64_MAX - 2 * REPRO_STREAM_BUFFER_WORDS;
        repro_stream_seek(&s, pos);
        /* on until the buffer is whole and holds words on both sides of 2^64 */
        for (int k = 0; !(s.buf_n32_ == REPRO_STREAM_BUFFER_WORDS &&
                          s.buf_pos_ + REPRO_STREAM_BUFFER_WORDS - 1 < s.buf_pos_); k++) {
            assert_true(k < 4 * REPRO_STREAM_BUFFER_WORDS);
            check_next(&s, &pos, VEC_DRAW_u32, 0, "run");
        }
        const repro_stream filled = s;
        const uint64_t lo = s.buf_pos_, n = s.buf_n32_;
        const uint64_t targets[] = {lo, lo + n - 12, lo + n / 2, 0, UINT64_MAX, lo + 5};
        for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
            pos = targets[t];
            repro_stream_seek(&s, pos);
            for (size_t k = VEC_DRAW_u32; k <= VEC_DRAW_float; k++)
                check_next(&s, &pos, k, 0, "after a seek in the buffer");
            check_next(&s, &pos, VEC_DRAW_bounded_u32, 1000, "after a seek in the buffer");
            assert_true(s.buf_pos_ == lo && s.buf_n32_ == n);
            assert_memory_equal(s.buf_, filled.buf_, sizeof s.buf_);
        }
    }
}

/* The single draws give 0 for a NULL stream (they have no error channel). */
static void test_null_stream(void **state)
{
    (void)state;
    assert_int_equal(repro_next_u32(NULL), 0);
    assert_true(repro_next_u64(NULL) == 0);
    assert_true(repro_next_double(NULL) == 0.0);
    assert_true(repro_next_float(NULL) == 0.0f);
    assert_true(repro_next_normal(NULL) == 0.0);
    assert_true(repro_next_exponential(NULL) == 0.0);
    assert_int_equal(repro_next_bounded_u32(NULL, 9), 0);
    assert_int_equal(repro_stream_refill(NULL), REPRO_ERR_NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_mix),
        cmocka_unit_test(test_seek_inside_buffer),
        cmocka_unit_test(test_null_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
