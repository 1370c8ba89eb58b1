/* Contract §3: streams, single draws, fills and random access.
 * A stream is (algorithm, seed, position).  Single draws read a one-block cache;
 * fills run the active ISA's block kernel straight into the caller's buffer and
 * convert in place, chunk by chunk so the words are still in L1 when converted. */
#include "internal.h"
#include "core/philox.h"
#include "stream/convert.h"

#include <string.h>

static const char *const algorithm_names[REPRO_ALGORITHM_COUNT + 1] = {
    NULL, "philox4x32-10", "philox2x64-10", "philox4x64-10",
    "threefry2x64-20", "threefry4x32-20", "threefry4x64-20",
};

const char *repro_algorithm_name(repro_algorithm a)
{
    return repro_algorithm_valid((uint32_t)a) ? algorithm_names[a] : NULL;
}

int repro_algorithm_from_name(const char *name, repro_algorithm *out)
{
    if (!name || !out)
        return REPRO_ERR_NULL;
    for (uint32_t a = REPRO_PHILOX4X32; a <= REPRO_THREEFRY4X64; a++)
        if (!strcmp(name, algorithm_names[a])) {
            *out = (repro_algorithm)a;
            return REPRO_OK;
        }
    return REPRO_ERR_ALGORITHM;
}

unsigned repro_algorithm_block_words(repro_algorithm a)
{
    if (!repro_algorithm_valid((uint32_t)a))
        return 0;
    return a == REPRO_PHILOX4X64 || a == REPRO_THREEFRY4X64 ? 8 : 4;
}

/* log2 of the words per block: positions split into block index and offset. */
static unsigned block_shift(uint32_t a)
{
    return repro_algorithm_block_words((repro_algorithm)a) == 8 ? 3 : 2;
}

size_t repro_stream_sizeof(void) { return sizeof(repro_stream); }

int repro_stream_init(repro_stream *s, repro_algorithm a, repro_seed seed)
{
    if (!s)
        return REPRO_ERR_NULL;
    if (!repro_algorithm_valid((uint32_t)a))
        return REPRO_ERR_ALGORITHM;
    memset(s, 0, sizeof *s);
    memcpy(s->seed_, seed.w, sizeof s->seed_);
    s->algorithm_ = (uint32_t)a;
    return REPRO_OK;
}

void repro_stream_seek(repro_stream *s, uint64_t position)
{
    if (s)
        s->position_ = position;
}

uint64_t repro_stream_tell(const repro_stream *s) { return s ? s->position_ : 0; }

void repro_stream_skip(repro_stream *s, uint64_t delta)
{
    if (s)
        s->position_ += delta;
}

repro_algorithm repro_stream_algorithm(const repro_stream *s)
{
    return (repro_algorithm)(s ? s->algorithm_ : 0);
}

repro_seed repro_stream_seed(const repro_stream *s)
{
    repro_seed seed = {{0, 0, 0, 0}};
    if (s)
        memcpy(seed.w, s->seed_, sizeof seed.w);
    return seed;
}

/* ---- single draws ------------------------------------------------------------ */

/* The next word.  A NULL or uninitialised stream (no valid algorithm) yields 0
 * rather than crashing: these functions have no error channel. */
uint32_t repro_next_u32(repro_stream *s)
{
    if (!s || !repro_algorithm_valid(s->algorithm_))
        return 0;
    unsigned shift = block_shift(s->algorithm_);
    uint64_t block = s->position_ >> shift;
    if (!s->cache_valid_ || s->block_ != block) {
        repro_isa_scalar.blocks[s->algorithm_](s->seed_, block, 1, s->cache_);
        s->block_ = block;
        s->cache_valid_ = 1;
    }
    uint32_t w = s->cache_[s->position_ & ((1u << shift) - 1)];
    s->position_++;
    return w;
}

uint64_t repro_next_u64(repro_stream *s)
{
    uint64_t lo = repro_next_u32(s);
    return lo | (uint64_t)repro_next_u32(s) << 32;
}

double repro_next_double(repro_stream *s) { return repro_u64_to_double(repro_next_u64(s)); }
double repro_next_double_oc(repro_stream *s)
{
    return repro_u64_to_double_oc(repro_next_u64(s));
}
double repro_next_double_oo(repro_stream *s)
{
    return repro_u64_to_double_oo(repro_next_u64(s));
}
float repro_next_float(repro_stream *s) { return repro_u32_to_float(repro_next_u32(s)); }

double repro_next_normal(repro_stream *s)
{
    return repro_math_inv_normal_cdf(repro_next_double_oo(s));
}

double repro_next_exponential(repro_stream *s)
{
    return -repro_math_log(repro_next_double_oc(s));
}

/* Lemire's nearly divisionless method, as §3 fixes it: the threshold (2^32 - n) mod n
 * is computed only when the low half falls below n, which changes no result. */
uint32_t repro_next_bounded_u32(repro_stream *s, uint32_t n)
{
    if (n == 0)
        return repro_next_u32(s);
    for (;;) {
        uint64_t m = (uint64_t)repro_next_u32(s) * n;
        uint32_t lo = (uint32_t)m;
        if (lo >= n || lo >= (uint32_t)(0u - n) % n)
            return (uint32_t)(m >> 32);
        if (!s || !repro_algorithm_valid(s->algorithm_))
            return 0;
    }
}

uint64_t repro_next_bounded_u64(repro_stream *s, uint64_t n)
{
    if (n == 0)
        return repro_next_u64(s);
    for (;;) {
        uint64_t hi, lo = repro_mulhilo64(repro_next_u64(s), n, &hi);
        if (lo >= n || lo >= (0 - n) % n)
            return hi;
        if (!s || !repro_algorithm_valid(s->algorithm_))
            return 0;
    }
}

/* ---- fills ------------------------------------------------------------------- */

/* Writes n words of the stream starting at word position pos: the partial blocks at
 * either end through the scalar reference, the whole blocks in between through the
 * active ISA's kernel. */
static void gen_words(const repro_isa_table *isa, const repro_stream *s, uint64_t pos,
                      uint32_t *out, size_t n)
{
    const uint32_t a = s->algorithm_;
    const unsigned shift = block_shift(a);
    const uint64_t wpb = (uint64_t)1 << shift;
    uint32_t tmp[8];
    uint64_t offset = pos & (wpb - 1);
    if (offset != 0 && n > 0) {
        size_t take = (size_t)(wpb - offset) < n ? (size_t)(wpb - offset) : n;
        repro_isa_scalar.blocks[a](s->seed_, pos >> shift, 1, tmp);
        memcpy(out, tmp + offset, take * sizeof *out);
        out += take;
        n -= take;
        pos += take;
    }
    /* The position wraps modulo 2^64, so the block index wraps modulo 2^(64-shift):
     * after the last block comes block 0, not block 2^(64-shift). */
    while (n >> shift > 0) {
        uint64_t room = (UINT64_MAX >> shift) - (pos >> shift) + 1;
        size_t whole = (uint64_t)(n >> shift) < room ? n >> shift : (size_t)room;
        isa->blocks[a](s->seed_, pos >> shift, whole, out);
        out += whole << shift;
        n -= whole << shift;
        pos += (uint64_t)whole << shift;
    }
    if (n > 0) {
        repro_isa_scalar.blocks[a](s->seed_, pos >> shift, 1, tmp);
        memcpy(out, tmp, n * sizeof *out);
    }
}

/* Values per chunk: 16 KiB of output, so words are converted while in L1. */
#define CHUNK_BYTES 16384

/* n values of words_per_value words each from position pos into out, each chunk
 * converted in place by conv (NULL: raw words).  Returns the words consumed. */
static uint64_t fill_values(const repro_isa_table *isa, const repro_stream *s,
                            uint64_t pos, void *out, size_t n, unsigned words_per_value,
                            repro_convert_fn conv)
{
    const size_t chunk = CHUNK_BYTES / (4 * words_per_value);
    unsigned char *p = out;
    /* Kernels and conversions are called through pointers: opaque to the compiler. */
    repro_fpenv env = repro_fpenv_enter();
    for (size_t done = 0; done < n;) {
        size_t k = n - done < chunk ? n - done : chunk;
        gen_words(isa, s, pos, (uint32_t *)(void *)p, k * words_per_value);
        if (conv)
            conv(p, k);
        p += k * 4 * words_per_value;
        pos += (uint64_t)k * words_per_value;
        done += k;
    }
    repro_fpenv_leave(env);
    return (uint64_t)n * words_per_value;
}

static int check_fill(const repro_stream *s, const void *out, size_t n)
{
    if (!s || (!out && n > 0))
        return REPRO_ERR_NULL;
    if (!repro_algorithm_valid(s->algorithm_))
        return REPRO_ERR_ALGORITHM;
    return REPRO_OK;
}

/* One body for every fixed-consumption fill and its random-access form.  CONV picks
 * the conversion from the active table `isa` (0: the raw words are the values). */
#define REPRO_DEFINE_FILL(name, type, words, CONV)                                       \
    int repro_fill_##name(repro_stream *s, type *out, size_t n)                          \
    {                                                                                    \
        int rc = check_fill(s, out, n);                                                  \
        if (rc == REPRO_OK) {                                                            \
            const repro_isa_table *isa = repro_isa_active();                             \
            s->position_ += fill_values(isa, s, s->position_, out, n, words, CONV);      \
        }                                                                                \
        return rc;                                                                       \
    }                                                                                    \
    int repro_fill_##name##_at(const repro_stream *s, uint64_t position, type *out,      \
                               size_t n)                                                 \
    {                                                                                    \
        int rc = check_fill(s, out, n);                                                  \
        if (rc == REPRO_OK) {                                                            \
            const repro_isa_table *isa = repro_isa_active();                             \
            fill_values(isa, s, position, out, n, words, CONV);                          \
        }                                                                                \
        return rc;                                                                       \
    }

REPRO_DEFINE_FILL(u32, uint32_t, 1, (repro_convert_fn)0)
REPRO_DEFINE_FILL(u64, uint64_t, 2, isa->from_u64[REPRO_CONV_U64])
REPRO_DEFINE_FILL(double, double, 2, isa->from_u64[REPRO_CONV_DOUBLE])
REPRO_DEFINE_FILL(double_oc, double, 2, isa->from_u64[REPRO_CONV_DOUBLE_OC])
REPRO_DEFINE_FILL(double_oo, double, 2, isa->from_u64[REPRO_CONV_DOUBLE_OO])
REPRO_DEFINE_FILL(float, float, 1, isa->u32_to_float)
REPRO_DEFINE_FILL(normal, double, 2, isa->from_u64[REPRO_CONV_NORMAL])
REPRO_DEFINE_FILL(exponential, double, 2, isa->from_u64[REPRO_CONV_EXPONENTIAL])

/* Bounded fills consume a variable number of words, so they draw one by one from a
 * copy of the stream; the copy's end position is the stream's new one. */
#define REPRO_DEFINE_BOUNDED_FILL(W)                                                     \
    static void bounded_##W(repro_stream *t, uint##W##_t *out, size_t n,                 \
                            uint##W##_t bound)                                           \
    {                                                                                    \
        for (size_t i = 0; i < n; i++)                                                   \
            out[i] = repro_next_bounded_u##W(t, bound);                                  \
    }                                                                                    \
    int repro_fill_bounded_u##W(repro_stream *s, uint##W##_t *out, size_t n,             \
                                uint##W##_t bound)                                       \
    {                                                                                    \
        int rc = check_fill(s, out, n);                                                  \
        if (rc == REPRO_OK)                                                              \
            bounded_##W(s, out, n, bound);                                               \
        return rc;                                                                       \
    }                                                                                    \
    int repro_fill_bounded_u##W##_at(const repro_stream *s, uint64_t position,           \
                                     uint##W##_t *out, size_t n, uint##W##_t bound)      \
    {                                                                                    \
        int rc = check_fill(s, out, n);                                                  \
        if (rc == REPRO_OK) {                                                            \
            repro_stream t = *s;                                                         \
            t.position_ = position;                                                      \
            bounded_##W(&t, out, n, bound);                                              \
        }                                                                                \
        return rc;                                                                       \
    }

REPRO_DEFINE_BOUNDED_FILL(32)
REPRO_DEFINE_BOUNDED_FILL(64)
