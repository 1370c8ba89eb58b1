/* Contract §3: stream words and draws for all six algorithms.
 *  - words against tools/spec_ref.py's independent vectors (tests/vectors/ref_words.txt);
 *  - a model built here from §3's counter/key table and the public raw block functions
 *    (themselves KAT-tested), for word order, 64-bit halves, odd positions, the 32-bit
 *    counter carry and the wrap at 2^64;
 *  - invariants: any mix of next_* equals the fills, fill_*_at(p) equals seek(p) + fill,
 *    a range cut into k random pieces filled in random order equals one fill.
 * Every program runs once per ISA (tests/run_c_tests.sh), so the fills' SIMD kernels
 * are checked against the same model. */
#include "golden.h"

/* Every draw of contract §3 (src/vectors/), values as bit patterns. */
static const vec_stream_draw *const kinds = vec_stream_draws;

#define REF_WORDS_FILE "tests/vectors/ref_words.txt"
/* 6 algorithms x 4 seeds x 14 positions. */
#define REF_WORDS_RECORDS 336

#define ALGORITHM(constant, name, contract, words) constant,
static const repro_algorithm algorithms[] = {REPRO_ALGORITHMS(ALGORITHM)};
#define NALG (sizeof algorithms / sizeof algorithms[0])

static uint32_t lo32(uint64_t x) { return (uint32_t)x; }
static uint32_t hi32(uint64_t x) { return (uint32_t)(x >> 32); }

/* splitmix64: the tests' own deterministic randomness. */
static uint64_t rnd(uint64_t *st)
{
    uint64_t z = (*st += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* ---- the model: §3's table, written out once more ------------------------------ */

static unsigned model_block_words(repro_algorithm a)
{
    return a == REPRO_PHILOX4X64 || a == REPRO_THREEFRY4X64 ? 8 : 4;
}

/* Word `pos` of stream (a, seed). */
static uint32_t model_word(repro_algorithm a, repro_seed seed, uint64_t pos)
{
    const uint64_t *w = seed.w;
    const unsigned per = model_block_words(a), i = (unsigned)(pos % per);
    const uint64_t p = pos / per;
    uint32_t o32[4];
    uint64_t o64[4];
    int rc;
    switch (a) {
    case REPRO_PHILOX4X32: {
        const uint32_t c[4] = {lo32(p), hi32(p), lo32(w[1]), hi32(w[1])};
        const uint32_t k[2] = {lo32(w[0]), hi32(w[0])};
        rc = repro_philox4x32(c, k, 10, o32);
        assert_int_equal(rc, REPRO_OK);
        return o32[i];
    }
    case REPRO_THREEFRY4X32: {
        const uint32_t c[4] = {lo32(p), hi32(p), lo32(w[2]), hi32(w[2])};
        const uint32_t k[4] = {lo32(w[0]), hi32(w[0]), lo32(w[1]), hi32(w[1])};
        rc = repro_threefry4x32(c, k, 20, o32);
        assert_int_equal(rc, REPRO_OK);
        return o32[i];
    }
    case REPRO_PHILOX2X64: {
        const uint64_t c[2] = {p, w[1]}, k[1] = {w[0]};
        rc = repro_philox2x64(c, k, 10, o64);
        break;
    }
    case REPRO_PHILOX4X64: {
        const uint64_t c[4] = {p, 0, w[2], w[3]}, k[2] = {w[0], w[1]};
        rc = repro_philox4x64(c, k, 10, o64);
        break;
    }
    case REPRO_THREEFRY2X64: {
        const uint64_t c[2] = {p, w[2]}, k[2] = {w[0], w[1]};
        rc = repro_threefry2x64(c, k, 20, o64);
        break;
    }
    default: {
        const uint64_t c[4] = {p, 0, 0, 0};
        rc = repro_threefry4x64(c, w, 20, o64);
        break;
    }
    }
    assert_int_equal(rc, REPRO_OK);
    /* a 64-bit output word yields its low half first */
    return i % 2 ? hi32(o64[i / 2]) : lo32(o64[i / 2]);
}

static uint64_t model_u64(repro_algorithm a, repro_seed seed, uint64_t *pos)
{
    uint64_t x = model_word(a, seed, *pos);
    x |= (uint64_t)model_word(a, seed, *pos + 1) << 32;
    *pos += 2;
    return x;
}

/* The model value of one draw of kind k at *pos (advanced), from §3's table. */
static uint64_t model_draw(int k, repro_algorithm a, repro_seed seed, uint64_t *pos,
                           uint64_t bound)
{
    const double two_m53 = 1.0 / 9007199254740992.0;
    uint64_t x;
    switch (k) {
    case VEC_DRAW_u32:
        return model_word(a, seed, (*pos)++);
    case VEC_DRAW_float:
        return vec_float_bits((float)(model_word(a, seed, (*pos)++) >> 8) / 16777216.0f);
    case VEC_DRAW_u64:
        return model_u64(a, seed, pos);
    case VEC_DRAW_double:
        return vec_double_bits((double)(model_u64(a, seed, pos) >> 11) * two_m53);
    case VEC_DRAW_double_oc:
        return vec_double_bits(((double)(model_u64(a, seed, pos) >> 11) + 1.0) * two_m53);
    case VEC_DRAW_double_oo:
        return vec_double_bits(((double)(model_u64(a, seed, pos) >> 11) + 0.5) * two_m53);
    case VEC_DRAW_normal:
        x = model_u64(a, seed, pos);
        return vec_double_bits(repro_math_inv_normal_cdf(((double)(x >> 11) + 0.5) * two_m53));
    case VEC_DRAW_exponential:
        x = model_u64(a, seed, pos);
        return vec_double_bits(-repro_math_log(((double)(x >> 11) + 1.0) * two_m53));
    case VEC_DRAW_bounded_u32: {
        const uint32_t n = (uint32_t)bound;
        if (n == 0)
            return model_word(a, seed, (*pos)++);
        const uint32_t threshold = (uint32_t)(((UINT64_C(1) << 32) - n) % n);
        for (;;) {
            uint64_t m = (uint64_t)model_word(a, seed, (*pos)++) * n;
            if (lo32(m) >= threshold)
                return hi32(m);
        }
    }
    default: {
        if (bound == 0)
            return model_u64(a, seed, pos);
        /* 128-bit product from 32-bit pieces; threshold (2^64 - n) mod n */
        const uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            x = model_u64(a, seed, pos);
            uint64_t ll = (uint64_t)lo32(x) * lo32(bound), lh = (uint64_t)lo32(x) * hi32(bound);
            uint64_t hl = (uint64_t)hi32(x) * lo32(bound), hh = (uint64_t)hi32(x) * hi32(bound);
            uint64_t mid = (ll >> 32) + lo32(lh) + lo32(hl);
            uint64_t low = (mid << 32) | lo32(ll);
            if (low >= threshold)
                return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        }
    }
    }
}

static repro_stream make_stream(repro_algorithm a, repro_seed seed, uint64_t pos)
{
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, a, seed), REPRO_OK);
    repro_stream_seek(&s, pos);
    return s;
}

static repro_seed test_seeds[4];

static int setup(void **state)
{
    (void)state;
    test_seeds[0] = repro_seed_from_u64(42);
    test_seeds[1] = (repro_seed){{0, 0, 0, 0}};
    test_seeds[2] = (repro_seed){{UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX}};
    test_seeds[3] = repro_seed_from_string("stream tests");
    return 0;
}

/* ---- tests ----------------------------------------------------------------------- */

/* The model's words against the record's (src/vectors/ checks the library's single
 * draws, fills and fill_at against it). */
static void check_words_model(void *ctx, const vec_record *r)
{
    (void)ctx;
    repro_algorithm a;
    repro_seed seed;
    uint64_t pos, n, want;
    assert_int_equal(r->kind, VEC_WORDS);
    assert_int_equal(repro_algorithm_from_name(r->field[0], &a), REPRO_OK);
    assert_int_equal(vec_parse_seed(r->field[1], &seed), 0);
    assert_int_equal(vec_parse_u64(r->field[2], 10, &pos), 0);
    assert_int_equal(vec_parse_u64(r->field[3], 10, &n), 0);
    assert_int_equal(r->nfields, 4 + n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(vec_parse_u64(r->field[4 + i], 16, &want), 0);
        if (model_word(a, seed, pos + i) != want)
            fail_msg("%s:%u: the model's word %zu differs", r->file, r->line, i);
    }
}

/* tools/spec_ref.py's words, through the model and the library. */
static void test_ref_words(void **state)
{
    (void)state;
    vec_tally t = golden_check(REF_WORDS_FILE, check_words_model, NULL);
    assert_int_equal(t.kind[VEC_WORDS].records, REF_WORDS_RECORDS);
    assert_int_equal(vec_tally_records(&t), REF_WORDS_RECORDS);
}

/* Contract section 5's stream examples, from the contract text. */
static void test_spec_examples(void **state)
{
    (void)state;
    repro_seed s42 = repro_seed_from_u64(42);
    repro_stream s = make_stream(REPRO_PHILOX4X32, s42, 0);
    const uint32_t philox[4] = {0x28b3ffba, 0xc8b61e27, 0xa26e04a6, 0x3aaaf4ed};
    const uint32_t threefry[4] = {0x428ff763, 0xd58cddff, 0x658f972d, 0x70e50230};
    for (int i = 0; i < 4; i++)
        assert_int_equal(repro_next_u32(&s), philox[i]);
    s = make_stream(REPRO_THREEFRY4X64, s42, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(repro_next_u32(&s), threefry[i]);
    s = make_stream(REPRO_PHILOX4X32, s42, 0);
    assert_true(repro_next_double(&s) == 0.7840288968661325);
}

/* Every draw kind at positions that start mid-block, at odd words, on block edges,
 * across the 32-bit counter carry and across the wrap, against the model. */
static void test_draws_at_positions(void **state)
{
    (void)state;
    const uint64_t positions[] = {0, 1, 3, 5, 7, 8, 9, UINT64_C(0x3FFFFFFFB),
                                  UINT64_C(0x3FFFFFFFF), UINT64_C(0x7FFFFFFF9),
                                  UINT64_C(0x123456789abcdef1), UINT64_MAX - 2, UINT64_MAX};
    const uint64_t bounds[] = {0, 1, 6, 0x80000001u, 0xFFFFFFFFu,
                               UINT64_C(0x8000000000000001), UINT64_MAX};
    for (size_t ai = 0; ai < NALG; ai++)
        for (size_t si = 0; si < 4; si++)
            for (size_t pi = 0; pi < sizeof positions / sizeof positions[0]; pi++)
                for (int k = 0; k < (int)VEC_NDRAWS; k++)
                    for (size_t bi = 0; bi < (kinds[k].words ? 1 : 7); bi++) {
                        repro_algorithm a = algorithms[ai];
                        uint64_t pos = positions[pi], bound = bounds[bi];
                        if (k == VEC_DRAW_bounded_u32 && bound > UINT32_MAX)
                            continue;
                        repro_stream s = make_stream(a, test_seeds[si], pos);
                        for (int rep = 0; rep < 3; rep++) {
                            uint64_t want = model_draw(k, a, test_seeds[si], &pos, bound);
                            uint64_t got = kinds[k].next(&s, bound);
                            if (got != want)
                                fail_msg("%s %s bound %llu at %llu: got %016llx want %016llx",
                                         repro_algorithm_name(a), kinds[k].name,
                                         (unsigned long long)bound,
                                         (unsigned long long)positions[pi],
                                         (unsigned long long)got, (unsigned long long)want);
                            assert_int_equal(repro_stream_tell(&s), pos);
                        }
                    }
}

/* The counter's high 32-bit word (philox4x32, threefry4x32) takes the carry: block
 * 2^32 is not block 0, and a u64 straddling blocks 2^32-1 and 2^32 joins them. */
static void test_counter_carry(void **state)
{
    (void)state;
    const repro_algorithm small[] = {REPRO_PHILOX4X32, REPRO_THREEFRY4X32};
    for (int i = 0; i < 2; i++) {
        repro_seed seed = test_seeds[0];
        uint32_t b0[4], b32[4], b33[4];
        repro_stream s = make_stream(small[i], seed, 0);
        assert_int_equal(repro_fill_u32_at(&s, 0, b0, 4), REPRO_OK);
        assert_int_equal(repro_fill_u32_at(&s, UINT64_C(4) << 32, b32, 4), REPRO_OK);
        assert_int_equal(repro_fill_u32_at(&s, UINT64_C(8) << 32, b33, 4), REPRO_OK);
        assert_memory_not_equal(b0, b32, sizeof b0);
        assert_memory_not_equal(b32, b33, sizeof b0);
        for (unsigned w = 0; w < 4; w++) {
            assert_int_equal(b32[w], model_word(small[i], seed, (UINT64_C(4) << 32) + w));
            assert_int_equal(b33[w], model_word(small[i], seed, (UINT64_C(8) << 32) + w));
        }
        repro_stream_seek(&s, (UINT64_C(4) << 32) - 1);
        uint64_t x = repro_next_u64(&s);
        assert_int_equal(lo32(x), model_word(small[i], seed, (UINT64_C(4) << 32) - 1));
        assert_int_equal(hi32(x), b32[0]);
    }
}

/* Seek to 2^64-3 (mid-block) or 2^64-16 (block-aligned) and draw across the wrap,
 * singly and by fills: after word 2^64-1 comes word 0 of block 0. */
static void test_wrap(void **state)
{
    (void)state;
    const uint64_t starts[] = {UINT64_MAX - 2, UINT64_MAX - 15};
    enum { N = 40 };
    for (size_t ai = 0; ai < NALG; ai++)
        for (size_t si = 0; si < 2; si++) {
            repro_algorithm a = algorithms[ai];
            repro_seed seed = test_seeds[3];
            const uint64_t start = starts[si];
            repro_stream s = make_stream(a, seed, start);
            uint32_t want[N], got[N];
            for (uint64_t i = 0; i < N; i++)
                want[i] = model_word(a, seed, start + i);
            for (int i = 0; i < N; i++)
                assert_int_equal(repro_next_u32(&s), want[i]);
            assert_int_equal(repro_stream_tell(&s), start + N);
            assert_int_equal(repro_fill_u32_at(&s, start, got, N), REPRO_OK);
            assert_memory_equal(got, want, sizeof got);
            repro_stream_seek(&s, start);
            assert_int_equal(repro_fill_u32(&s, got, N), REPRO_OK);
            assert_memory_equal(got, want, sizeof got);
            assert_int_equal(repro_stream_tell(&s), start + N);
        }
    for (size_t ai = 0; ai < NALG; ai++) {
        repro_algorithm a = algorithms[ai];
        repro_seed seed = test_seeds[2];
        /* a u64 at 2^64-1 takes its high half from word 0 */
        repro_stream s = make_stream(a, seed, UINT64_MAX);
        assert_int_equal(repro_next_u64(&s), model_word(a, seed, UINT64_MAX) |
                                                 (uint64_t)model_word(a, seed, 0) << 32);
        assert_int_equal(repro_stream_tell(&s), 1);
        /* skip moves modulo 2^64 */
        repro_stream_seek(&s, 5);
        repro_stream_skip(&s, UINT64_MAX - 6);
        assert_int_equal(repro_stream_tell(&s), UINT64_MAX - 1);
        assert_int_equal(repro_next_u32(&s), model_word(a, seed, UINT64_MAX - 1));
    }
}

/* A random mix of single draws equals the same draws as fills (runs of one kind
 * grouped into one call), both equal the model, and the positions agree. */
static void test_mix_equals_fills(void **state)
{
    (void)state;
    enum { OPS = 1500 };
    static int op_kind[OPS];
    static uint64_t op_bound[OPS], single[OPS], filled[OPS];
    uint64_t rs = 12345;
    for (size_t ai = 0; ai < NALG; ai++)
        for (int round = 0; round < 3; round++) {
            repro_algorithm a = algorithms[ai];
            repro_seed seed = test_seeds[(ai + (size_t)round) % 4];
            /* round 1 starts near the end so the mix crosses the wrap */
            uint64_t start = round == 1 ? UINT64_MAX - 1000 : rnd(&rs) >> (round * 30);
            for (int i = 0; i < OPS;) {
                int k = (int)(rnd(&rs) % VEC_NDRAWS);
                uint64_t b = rnd(&rs) >> (rnd(&rs) % 64);
                if (k == VEC_DRAW_bounded_u32)
                    b = (rnd(&rs) & 1) ? 0x80000001u : (uint32_t)b;
                int run = 1 + (int)(rnd(&rs) % 6);
                for (int j = 0; j < run && i < OPS; j++, i++)
                    op_kind[i] = k, op_bound[i] = b;
            }
            repro_stream s = make_stream(a, seed, start);
            for (int i = 0; i < OPS; i++)
                single[i] = kinds[op_kind[i]].next(&s, op_bound[i]);
            repro_stream t = make_stream(a, seed, start);
            for (int i = 0; i < OPS;) {
                int j = i;
                while (j < OPS && op_kind[j] == op_kind[i] && op_bound[j] == op_bound[i])
                    j++;
                assert_int_equal(kinds[op_kind[i]].fill(&t, filled + i, (size_t)(j - i),
                                                        op_bound[i]),
                                 REPRO_OK);
                i = j;
            }
            uint64_t pos = start;
            for (int i = 0; i < OPS; i++) {
                uint64_t want = model_draw(op_kind[i], a, seed, &pos, op_bound[i]);
                if (single[i] != want || filled[i] != want)
                    fail_msg("%s op %d (%s): single %016llx fill %016llx model %016llx",
                             repro_algorithm_name(a), i, kinds[op_kind[i]].name,
                             (unsigned long long)single[i], (unsigned long long)filled[i],
                             (unsigned long long)want);
            }
            assert_int_equal(repro_stream_tell(&s), pos);
            assert_int_equal(repro_stream_tell(&t), pos);
        }
}

/* fill_*_at(p) equals seek(p) + fill, leaves the stream as it was, and lengths that
 * cross the library's internal chunking behave the same. */
static void test_at_equals_seek_fill(void **state)
{
    (void)state;
    const uint64_t positions[] = {0, 1, 7, 9, UINT64_C(0xfedcba9876543211),
                                  UINT64_MAX - 4000, UINT64_MAX};
    const size_t lengths[] = {0, 1, 2, 3, 7, 8, 9, 33, 2049, 4097, 5000};
    static uint64_t at[5000], sf[5000];
    for (size_t ai = 0; ai < NALG; ai++)
        for (size_t k = 0; k < VEC_NDRAWS; k++)
            for (size_t pi = 0; pi < sizeof positions / sizeof positions[0]; pi++)
                for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
                    repro_algorithm a = algorithms[ai];
                    const uint64_t bound = k == VEC_DRAW_bounded_u64
                                               ? UINT64_C(0x8000000000000001)
                                               : 0x80000001u;
                    const size_t n = lengths[li];
                    repro_stream s = make_stream(a, test_seeds[1 + ai % 3], 77);
                    repro_next_u32(&s); /* a warm cache that _at must not disturb */
                    const repro_stream before = s;
                    assert_int_equal(kinds[k].fill_at(&s, positions[pi], at, n, bound),
                                     REPRO_OK);
                    assert_memory_equal(&s, &before, sizeof s);
                    repro_stream t = s;
                    repro_stream_seek(&t, positions[pi]);
                    assert_int_equal(kinds[k].fill(&t, sf, n, bound), REPRO_OK);
                    if (n)
                        assert_memory_equal(at, sf, n * sizeof *at);
                    if (kinds[k].words)
                        assert_int_equal(repro_stream_tell(&t),
                                         positions[pi] + n * kinds[k].words);
                }
}

/* A range cut into k random pieces (k = 1..64), each filled by fill_*_at or by a
 * seeked stream, in random order, equals one fill of the range. */
static void test_pieces(void **state)
{
    (void)state;
    enum { N = 700 };
    static uint64_t whole[N], parts[N];
    size_t cut[65], order[64];
    uint64_t rs = 777;
    for (size_t k = 1; k <= 64; k++)
        for (size_t ki = 0; ki < VEC_NDRAWS; ki++) {
            if (!kinds[ki].words)
                continue; /* bounded draws have no fixed position per value */
            repro_algorithm a = algorithms[(k + ki) % NALG];
            const unsigned wpv = kinds[ki].words;
            uint64_t p0 = k % 2 ? UINT64_MAX - 500 * wpv : rnd(&rs);
            repro_stream s = make_stream(a, test_seeds[k % 4], p0);
            assert_int_equal(kinds[ki].fill(&s, whole, N, 0), REPRO_OK);
            /* k-1 distinct cut points in 1..N-1 */
            cut[0] = 0;
            for (size_t c = 1; c < k; c++) {
                size_t x, d;
                do {
                    x = 1 + (size_t)(rnd(&rs) % (N - 1));
                    for (d = 1; d < c && cut[d] != x; d++)
                        ;
                } while (d < c);
                cut[c] = x;
            }
            cut[k] = N;
            for (size_t i = 1; i < k; i++) /* insertion sort of cut[1..k-1] */
                for (size_t j = i; j > 1 && cut[j - 1] > cut[j]; j--) {
                    size_t t = cut[j];
                    cut[j] = cut[j - 1];
                    cut[j - 1] = t;
                }
            for (size_t i = 0; i < k; i++)
                order[i] = i;
            for (size_t i = k; i > 1; i--) {
                size_t j = (size_t)(rnd(&rs) % i), t = order[i - 1];
                order[i - 1] = order[j];
                order[j] = t;
            }
            memset(parts, 0, sizeof parts);
            for (size_t i = 0; i < k; i++) {
                size_t b = cut[order[i]], e = cut[order[i] + 1];
                uint64_t at = p0 + (uint64_t)b * wpv;
                if (i % 2) {
                    assert_int_equal(kinds[ki].fill_at(&s, at, parts + b, e - b, 0), REPRO_OK);
                } else {
                    repro_stream t = make_stream(a, test_seeds[k % 4], at);
                    assert_int_equal(kinds[ki].fill(&t, parts + b, e - b, 0), REPRO_OK);
                }
            }
            if (memcmp(whole, parts, sizeof whole))
                fail_msg("%s %s: %zu pieces differ from one fill", repro_algorithm_name(a),
                         kinds[ki].name, k);
        }
}

static void test_errors(void **state)
{
    (void)state;
    repro_stream s, before;
    memset(&s, 0xAB, sizeof s);
    before = s;
    repro_seed seed = test_seeds[0];
    assert_int_equal(repro_stream_init(NULL, REPRO_PHILOX4X32, seed), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_init(&s, (repro_algorithm)0, seed), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_stream_init(&s, (repro_algorithm)7, seed), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_stream_init(&s, (repro_algorithm)-1, seed), REPRO_ERR_ALGORITHM);
    assert_memory_equal(&s, &before, sizeof s);

    s = make_stream(REPRO_THREEFRY2X64, seed, 10);
    for (size_t k = 0; k < VEC_NDRAWS; k++) {
        assert_int_equal(kinds[k].fill_at(NULL, 0, (uint64_t[1]){0}, 1, 3), REPRO_ERR_NULL);
        assert_int_equal(kinds[k].fill(NULL, (uint64_t[1]){0}, 1, 3), REPRO_ERR_NULL);
        assert_int_equal(kinds[k].fill(&s, NULL, 0, 3), REPRO_OK);
        assert_int_equal(repro_stream_tell(&s), 10);
    }
    /* the typed calls with a NULL buffer: an error, and nothing drawn */
    assert_int_equal(repro_fill_u32(&s, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_double(&s, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_float_at(&s, 0, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_bounded_u64(&s, NULL, 1, 5), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_bounded_u32_at(&s, 0, NULL, 1, 5), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_tell(&s), 10);
}

static void test_algorithm_names(void **state)
{
    (void)state;
    static const char *const names[] = {"philox4x32-10",   "philox2x64-10",
                                        "philox4x64-10",   "threefry2x64-20",
                                        "threefry4x32-20", "threefry4x64-20"};
    for (size_t i = 0; i < NALG; i++) {
        repro_algorithm a = (repro_algorithm)0;
        assert_string_equal(repro_algorithm_name(algorithms[i]), names[i]);
        assert_int_equal(repro_algorithm_from_name(names[i], &a), REPRO_OK);
        assert_int_equal(a, algorithms[i]);
        assert_int_equal(repro_algorithm_block_words(algorithms[i]),
                         model_block_words(algorithms[i]));
        repro_stream s = make_stream(algorithms[i], test_seeds[3], 99);
        assert_int_equal(repro_stream_algorithm(&s), algorithms[i]);
        assert_seed_equal(repro_stream_seed(&s), test_seeds[3]);
        assert_int_equal(repro_stream_tell(&s), 99);
    }
    repro_algorithm a = REPRO_PHILOX4X32;
    assert_null(repro_algorithm_name((repro_algorithm)0));
    assert_null(repro_algorithm_name((repro_algorithm)7));
    assert_int_equal(repro_algorithm_block_words((repro_algorithm)7), 0);
    assert_int_equal(repro_algorithm_from_name("philox4x32", &a), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_algorithm_from_name("Philox4x32-10", &a), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_algorithm_from_name("", &a), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_algorithm_from_name(NULL, &a), REPRO_ERR_NULL);
    assert_int_equal(repro_algorithm_from_name("philox4x32-10", NULL), REPRO_ERR_NULL);
    assert_int_equal(a, REPRO_PHILOX4X32);
    assert_int_equal(repro_stream_sizeof(), sizeof(repro_stream));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ref_words),        cmocka_unit_test(test_spec_examples),
        cmocka_unit_test(test_draws_at_positions), cmocka_unit_test(test_counter_carry),
        cmocka_unit_test(test_wrap),             cmocka_unit_test(test_mix_equals_fills),
        cmocka_unit_test(test_at_equals_seek_fill), cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_errors),           cmocka_unit_test(test_algorithm_names),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
