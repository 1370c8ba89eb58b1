/* Contract §3: streams, single draws, fills and random access.
 * A stream is (algorithm, seed, position) plus buffers tagged with positions: up to
 * REPRO_STREAM_BUFFER_WORDS words of whole blocks, refilled by the active ISA's
 * kernel, which the single draws (inline in the header) and short fills read;
 * and the next values of a run of normal or exponential draws, converted by the
 * ISA's vector math.
 * A buffer only ever holds the words (values) of its tagged positions, so it changes
 * speed, never a value; seeks, copies and save/load need no care.  Long fills run the
 * kernel straight into the caller's buffer and convert in place, chunk by chunk so the
 * words are still in L1 when converted; *_at never read or write the buffers. */
#include "stream/stream.h"
#include "core/algorithm.h"
#include "kernels/table.h"
#include "math/fpenv.h"
#include "core/philox.h"
#include "kernels/convert.h"

#include <string.h>

#define ALGORITHM_NAME(constant, name, contract, words) [constant] = contract,
#define ALGORITHM_WORDS(constant, name, contract, words) [constant] = words,
static const char *const algorithm_names[REPRO_ALGORITHM_COUNT + 1] = {
    REPRO_ALGORITHMS(ALGORITHM_NAME)};
static const unsigned char algorithm_words[REPRO_ALGORITHM_COUNT + 1] = {
    REPRO_ALGORITHMS(ALGORITHM_WORDS)};
#undef ALGORITHM_NAME
#undef ALGORITHM_WORDS

const char *repro_algorithm_name(repro_algorithm a)
{
    return repro_algorithm_valid((uint32_t)a) ? algorithm_names[a] : NULL;
}

int repro_algorithm_from_name(const char *name, repro_algorithm *out)
{
    if (!name || !out)
        return REPRO_ERR_NULL;
    for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++)
        if (!strcmp(name, algorithm_names[a])) {
            *out = (repro_algorithm)a;
            return REPRO_OK;
        }
    return REPRO_ERR_ALGORITHM;
}

unsigned repro_algorithm_block_words(repro_algorithm a)
{
    return repro_algorithm_valid((uint32_t)a) ? algorithm_words[a] : 0;
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

/* The position is buf_pos_ + off_ (modulo 2^64).  Seeks and skips move off_ only: the
 * buffers stay tagged with their positions, so a seek inside the buffered range draws
 * from it without a refill. */
static uint64_t position(const repro_stream *s) { return s->buf_pos_ + s->off_; }

void repro_stream_seek(repro_stream *s, uint64_t pos)
{
    if (s)
        s->off_ = pos - s->buf_pos_;
}

uint64_t repro_stream_tell(const repro_stream *s) { return s ? position(s) : 0; }

void repro_stream_skip(repro_stream *s, uint64_t delta)
{
    if (s)
        s->off_ += delta;
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

/* ---- the buffer and single draws --------------------------------------------- */

/* Writes n words of the stream starting at word position pos: the partial blocks at
 * either end through the scalar reference, the whole blocks in between through the
 * ISA's kernel. */
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

#define BUFFER_WORDS REPRO_STREAM_BUFFER_WORDS
/* The first refill after init or a seek out of the buffer: one or two blocks, so that
 * a stream that draws a few numbers (one per work item, say) computes a few blocks. */
#define FIRST_REFILL_WORDS 8

/* Refills the buffer from `start`, a block boundary, with at least `need` words
 * (need <= BUFFER_WORDS).  Reading on past the buffer's end doubles the refill, up to
 * the whole buffer, so long runs of draws pay for the kernel's setup once per
 * BUFFER_WORDS words.  s is initialised. */
static void refill_from(repro_stream *s, uint64_t start, size_t need)
{
    size_t words = FIRST_REFILL_WORDS;
    if (s->buf_n32_ > 0 && start - s->buf_pos_ <= s->buf_n32_)
        words = 2 * (size_t)s->buf_n32_;
    while (words < need)
        words *= 2;
    words = words < BUFFER_WORDS ? words : BUFFER_WORDS;
    const uint64_t pos = position(s);
    gen_words(repro_isa_active(), s, start, s->buf_, words);
    s->buf_pos_ = start;
    s->off_ = pos - start;
    s->buf_n32_ = words;
    s->buf_n64_ = words - 1;
}

/* From the block that holds the position, with `need` words from the position on
 * (need <= BUFFER_WORDS - 7). */
static void refill(repro_stream *s, size_t need)
{
    const unsigned shift = block_shift(s->algorithm_);
    const uint64_t pos = position(s), start = pos >> shift << shift;
    refill_from(s, start, need + (size_t)(pos - start));
}

int repro_stream_refill(repro_stream *s)
{
    if (!s)
        return REPRO_ERR_NULL;
    if (!repro_algorithm_valid(s->algorithm_))
        return REPRO_ERR_ALGORITHM;
    refill(s, 2);
    return REPRO_OK;
}

/* Copies the `words` words from the position on (words <= BUFFER_WORDS / 2) into out
 * through the buffer: what it holds, then the rest from a refill where it ends, so
 * that reading on never computes a word twice.  The position stays.  s is
 * initialised. */
_Static_assert(2 * REPRO_STREAM_CACHE_VALUES <= BUFFER_WORDS / 2, "a cache's words fit");
static void take_words(repro_stream *s, void *out, size_t words)
{
    const uint64_t off = s->off_;
    if (off >= s->buf_n32_) {
        refill(s, words);
        memcpy(out, s->buf_ + s->off_, words * 4);
        return;
    }
    const size_t have = s->buf_n32_ - off < words ? (size_t)(s->buf_n32_ - off) : words;
    memcpy(out, s->buf_ + off, have * 4);
    if (have < words) {
        refill_from(s, s->buf_pos_ + s->buf_n32_, words - have);
        memcpy((unsigned char *)out + have * 4, s->buf_, (words - have) * 4);
    }
}

double repro_next_double_oc(repro_stream *s)
{
    return repro_u64_to_double_oc(repro_next_u64(s));
}
double repro_next_double_oo(repro_stream *s)
{
    return repro_u64_to_double_oo(repro_next_u64(s));
}

/* Normal and exponential draws come from cache_, the values of the draws of one kind
 * (conv) at cache_pos_, cache_pos_ + 2, ...  A draw that continues a run (its position
 * is where the cached ones of its kind end) converts the REPRO_STREAM_CACHE_VALUES
 * values from its position on at once, through the ISA's vector math (whole groups of
 * its widest registers; the FP environment guard and the calls paid once for them
 * all); any other converts only its own value, so that draws mixed with others
 * (gamma's normal, double, normal, ...) never pay for values they skip.  The next
 * draw of a run is then a read. */
static REPRO_NOINLINE double convert_next(repro_stream *s, enum repro_conv conv)
{
    if (!repro_algorithm_valid(s->algorithm_))
        return 0.0;
    const uint64_t pos = position(s);
    const int run = s->cache_kind_ == (uint32_t)conv &&
                    pos - s->cache_pos_ == 2 * (uint64_t)s->cache_n_;
    const size_t n = run ? REPRO_STREAM_CACHE_VALUES : 1;
    take_words(s, s->cache_, 2 * n);
    /* one value: the scalar reference, without the vector code's setup */
    repro_convert_fn f = (n == 1 ? &repro_isa_scalar : repro_isa_active())->from_u64[conv];
    repro_fpenv env = repro_fpenv_enter();
    f(s->cache_, n); /* through a pointer: opaque, so pinned between the switches */
    repro_fpenv_leave(env);
    s->cache_pos_ = pos;
    s->cache_n_ = (uint32_t)n;
    s->cache_kind_ = (uint32_t)conv;
    s->off_ += 2;
    return s->cache_[0];
}

static inline double next_converted(repro_stream *s, enum repro_conv conv)
{
    if (!s)
        return 0.0;
    const uint64_t off = position(s) - s->cache_pos_;
    if (s->cache_kind_ == (uint32_t)conv && (off & 1) == 0 && off / 2 < s->cache_n_) {
        s->off_ += 2;
        return s->cache_[off / 2];
    }
    return convert_next(s, conv);
}

double repro_next_normal(repro_stream *s) { return next_converted(s, REPRO_CONV_NORMAL); }
double repro_next_exponential(repro_stream *s)
{
    return next_converted(s, REPRO_CONV_EXPONENTIAL);
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

/* Values per chunk: 16 KiB of output, so words are converted while in L1. */
#define CHUNK_BYTES 16384

/* n values of words_per_value words each from position pos into out, each chunk
 * converted in place by conv (NULL: raw words). */
static void fill_values(const repro_isa_table *isa, const repro_stream *s, uint64_t pos,
                        void *out, size_t n, unsigned words_per_value, repro_convert_fn conv)
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
}

/* A stream's short fills (up to this many words) read its buffer, like single draws,
 * so that a loop of short fills costs what single draws cost. */
#define SHORT_FILL_WORDS 128
_Static_assert(SHORT_FILL_WORDS <= BUFFER_WORDS / 2, "a short fill's words fit");

static void fill_stream(const repro_isa_table *isa, repro_stream *s, void *out, size_t n,
                        unsigned words_per_value, repro_convert_fn conv)
{
    if (n > SHORT_FILL_WORDS / words_per_value) {
        fill_values(isa, s, position(s), out, n, words_per_value, conv);
    } else if (n > 0) {
        const size_t words = n * words_per_value;
        take_words(s, out, words);
        if (conv) {
            repro_fpenv env = repro_fpenv_enter();
            conv(out, n);
            repro_fpenv_leave(env);
        }
    }
    s->off_ += (uint64_t)n * words_per_value;
}

int repro_fill_check(const repro_stream *s, const void *out, size_t n)
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
        int rc = repro_fill_check(s, out, n);                                            \
        if (rc == REPRO_OK) {                                                            \
            const repro_isa_table *isa = repro_isa_active();                             \
            fill_stream(isa, s, out, n, words, CONV);                                    \
        }                                                                                \
        return rc;                                                                       \
    }                                                                                    \
    int repro_fill_##name##_at(const repro_stream *s, uint64_t position, type *out,      \
                               size_t n)                                                 \
    {                                                                                    \
        int rc = repro_fill_check(s, out, n);                                            \
        if (rc == REPRO_OK) {                                                            \
            const repro_isa_table *isa = repro_isa_active();                             \
            fill_values(isa, s, position, out, n, words, CONV);                          \
        }                                                                                \
        return rc;                                                                       \
    }

/* Each fill's conversion: a fill of REPRO_FILLS without one here does not compile. */
#define CONV_u32 (repro_convert_fn)0
#define CONV_u64 isa->from_u64[REPRO_CONV_U64]
#define CONV_double isa->from_u64[REPRO_CONV_DOUBLE]
#define CONV_double_oc isa->from_u64[REPRO_CONV_DOUBLE_OC]
#define CONV_double_oo isa->from_u64[REPRO_CONV_DOUBLE_OO]
#define CONV_float isa->u32_to_float
#define CONV_normal isa->from_u64[REPRO_CONV_NORMAL]
#define CONV_exponential isa->from_u64[REPRO_CONV_EXPONENTIAL]
#define DEFINE_FILL(name, type, words) REPRO_DEFINE_FILL(name, type, words, CONV_##name)
REPRO_FILLS(DEFINE_FILL)
#undef DEFINE_FILL

/* Bounded fills: the words go chunk by chunk straight into out, where the ISA's
 * kernel replaces them by the values of the accepted draws, in order (every draw but
 * for a rare rejection).  A chunk never has more draws than values still missing, so
 * no word past the last value is consumed.  Returns the words consumed.  bound == 0
 * (the full range) is the raw draws. */
#define REPRO_DEFINE_BOUNDED_FILL(W, WORDS, RAW)                                         \
    static uint64_t bounded_##W(const repro_isa_table *isa, const repro_stream *s,       \
                                uint64_t pos, uint##W##_t *out, size_t n,                 \
                                uint##W##_t bound)                                        \
    {                                                                                    \
        if (bound == 0) {                                                                \
            fill_values(isa, s, pos, out, n, WORDS, RAW);                                \
            return (uint64_t)n * (WORDS);                                                \
        }                                                                                \
        const uint64_t start = pos;                                                      \
        const uint##W##_t t = (uint##W##_t)(0 - bound) % bound;                          \
        const size_t chunk = CHUNK_BYTES / sizeof *out;                                  \
        for (size_t done = 0; done < n;) {                                               \
            size_t k = n - done < chunk ? n - done : chunk;                              \
            gen_words(isa, s, pos, (uint32_t *)(void *)(out + done), k * (WORDS));       \
            pos += (uint64_t)k * (WORDS);                                                \
            done += isa->bounded_u##W(out + done, out + done, k, bound, t);              \
        }                                                                                \
        return pos - start;                                                              \
    }                                                                                    \
    int repro_fill_bounded_u##W(repro_stream *s, uint##W##_t *out, size_t n,             \
                                uint##W##_t bound)                                       \
    {                                                                                    \
        int rc = repro_fill_check(s, out, n);                                            \
        if (rc != REPRO_OK)                                                              \
            return rc;                                                                   \
        if (n <= SHORT_FILL_WORDS / (WORDS)) { /* short: single draws (the buffer) */   \
            for (size_t i = 0; i < n; i++)                                               \
                out[i] = repro_next_bounded_u##W(s, bound);                              \
        } else {                                                                         \
            const repro_isa_table *isa = repro_isa_active();                             \
            s->off_ += bounded_##W(isa, s, position(s), out, n, bound);                   \
        }                                                                                \
        return REPRO_OK;                                                                 \
    }                                                                                    \
    int repro_fill_bounded_u##W##_at(const repro_stream *s, uint64_t position,           \
                                     uint##W##_t *out, size_t n, uint##W##_t bound)      \
    {                                                                                    \
        int rc = repro_fill_check(s, out, n);                                            \
        if (rc == REPRO_OK)                                                              \
            bounded_##W(repro_isa_active(), s, position, out, n, bound);                 \
        return rc;                                                                       \
    }

REPRO_DEFINE_BOUNDED_FILL(32, 1, (repro_convert_fn)0)
REPRO_DEFINE_BOUNDED_FILL(64, 2, isa->from_u64[REPRO_CONV_U64])
