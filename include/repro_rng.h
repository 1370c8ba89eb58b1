/*
 * repro_rng.h - the one public header of librepro_rng.
 *
 * Reproducible random numbers: counter-based generators (Random123's Philox and
 * Threefry), hierarchical seeds, seekable streams and deterministic distributions
 * whose bits are the same on every platform, compiler, SIMD level, thread count and
 * process count.  The output contract rr1 fixes those bits; its text is
 * docs/CONTRACT.md in the source distribution ("contract section N" below is its
 * section N; the docs/ and tools/ files named below are in the source distribution
 * too, not installed).
 *
 * Conventions used in the comments below:
 *   "Contract: yes"  the output is fixed by contract rr1 and never changes;
 *   "Contract: no"   the output may change between releases (documented as such);
 *   repro_<f>_ex     repro_<f> with more detail: an error code where repro_<f> has
 *                    none, or the byte offset of a parse error.
 * Errors are negative int codes (REPRO_OK is 0); repro_strerror() names each.  A NULL
 * pointer where data is needed is REPRO_ERR_NULL, never a crash; a pointer that comes
 * with a count of 0 (elements, words, bytes) may be NULL.  "Never initialised" below
 * means all zero bytes (static storage, calloc, memset, = {0}): such a repro_stream,
 * repro_permutation, repro_numpy_seedseq or repro_numpy_philox gives an error, with
 * outputs and the object untouched.  An object of indeterminate memory (an
 * uninitialised local or malloc block) is undefined behaviour, as for any C object:
 * it is not reliably detected (fields that happen to look valid pass the checks).
 * Every pointer must be aligned for the type it points to (C's rule: a uint64_t * or a
 * double * at a multiple of _Alignof(uint64_t), _Alignof(double)); nothing needs more
 * (no SIMD alignment).  A misaligned one is undefined behaviour, not detected: copy
 * through an aligned buffer.
 * Every function is thread-safe on distinct objects; a repro_stream must not be used
 * from two threads at once without the caller's own locking (use one stream per
 * thread, or the const *_at functions, which never modify the stream).
 * The only code inline in this header is the fast path of the single draws
 * repro_next_u32/u64/double/float: a read from the stream's buffer, integer work,
 * and (x >> 11) * 2^-53 or (y >> 8) * 2^-24, products of an integer below 2^53
 * (2^24) and a power of two, exact in every floating-point mode; so a consumer
 * compiled with -ffast-math, x87 math or another rounding mode still gets the
 * library's bits.  Everything else that rounds runs inside the library.  On x86 and aarch64
 * the library also runs its floating-point work in the default IEEE environment
 * (round to nearest, subnormals kept) when the caller changed it (the start-up code
 * of -ffast-math programs sets flush-to-zero; fesetround), and restores the caller's
 * modes; on other architectures the caller must keep the default environment.
 */
#ifndef REPRO_RNG_H
#define REPRO_RNG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REPRO_VERSION_MAJOR 0
#define REPRO_VERSION_MINOR 3
#define REPRO_VERSION_PATCH 0
#define REPRO_VERSION_STRING "0.3.0"
/* Output contract implemented by this version ("rr1"). */
#define REPRO_CONTRACT_VERSION 1

#if defined(_WIN32) && defined(REPRO_BUILDING_DLL)
#define REPRO_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define REPRO_API __attribute__((visibility("default")))
#else
#define REPRO_API
#endif

/* ------------------------------------------------------------------------------ */
/* Errors.  Codes are never renumbered; new ones get new numbers.                  */
/* ------------------------------------------------------------------------------ */
enum {
    REPRO_OK = 0,
    /* general */
    REPRO_ERR_NULL = -1,            /* a required pointer is NULL */
    REPRO_ERR_ALGORITHM = -2,       /* unknown algorithm (enum value or name) */
    REPRO_ERR_ROUNDS = -3,          /* round count outside the allowed range */
    REPRO_ERR_ARG = -4,             /* an argument is out of its documented range */
    REPRO_ERR_BUFFER = -5,          /* output buffer too small */
    REPRO_ERR_ISA_UNKNOWN = -6,     /* ISA name not one of repro_isa_name_at's */
    REPRO_ERR_ISA_UNSUPPORTED = -7, /* ISA known but this CPU or build lacks it */
    /* seeds and paths */
    REPRO_ERR_PATH_EMPTY_SEGMENT = -20, /* "a//b", leading or trailing '/' */
    REPRO_ERR_PATH_INDEX_SYNTAX = -21,  /* '#' segment not all decimal digits */
    REPRO_ERR_PATH_INDEX_RANGE = -22,   /* '#' index >= 2^64 */
    REPRO_ERR_HEX_LENGTH = -23,         /* seed hex not exactly 64 digits */
    REPRO_ERR_HEX_DIGIT = -24,          /* seed hex has a non-[0-9a-fA-F] character */
    /* saved state (section 4 of the contract) */
    REPRO_ERR_STATE_EMPTY = -30,     /* empty string */
    REPRO_ERR_STATE_VERSION = -31,   /* does not start with "rr1:" */
    REPRO_ERR_STATE_FIELD = -32,     /* a ':'-separated field is missing */
    REPRO_ERR_STATE_ALGORITHM = -33, /* unknown algorithm name */
    REPRO_ERR_STATE_HEX_LENGTH = -34,/* seed field not 64 hex digits */
    REPRO_ERR_STATE_HEX_DIGIT = -35, /* seed field has a non-hex digit */
    REPRO_ERR_STATE_POSITION = -36,  /* position not decimal or >= 2^64 */
    REPRO_ERR_STATE_TRAILING = -37,  /* bytes after the position */
    /* distributions, shuffles, permutations */
    REPRO_ERR_PARAM = -40,           /* distribution parameter out of range or NaN */
    /* compatibility modes (numpy, JAX) */
    REPRO_ERR_COMPAT = -50           /* compat-mode argument out of range */
};

/* A short English message for any code; "unknown error code" for other values.
 * Never NULL.  The returned string is static. */
REPRO_API const char *repro_strerror(int err);
/* The symbolic name of a code ("REPRO_ERR_NULL"), or NULL for an unknown code. */
REPRO_API const char *repro_error_name(int err);

/* "MAJOR.MINOR.PATCH" of the library actually linked (may differ from the header). */
REPRO_API const char *repro_version(void);
/* REPRO_VERSION_MAJOR*10000 + MINOR*100 + PATCH of the linked library. */
REPRO_API unsigned repro_version_number(void);

/* ------------------------------------------------------------------------------ */
/* Raw block functions (contract section 1).  Bit-identical with Random123.        */
/* Philox accepts 1..16 rounds, Threefry 1..72.  out may alias ctr.                */
/* Returns REPRO_OK, REPRO_ERR_NULL or REPRO_ERR_ROUNDS (out untouched on error).   */
/* Contract: yes.                                                                   */
/* ------------------------------------------------------------------------------ */
#define REPRO_PHILOX_MAX_ROUNDS 16
#define REPRO_THREEFRY_MAX_ROUNDS 72
REPRO_API int repro_philox2x32(const uint32_t ctr[2], const uint32_t key[1],
                               unsigned rounds, uint32_t out[2]);
REPRO_API int repro_philox4x32(const uint32_t ctr[4], const uint32_t key[2],
                               unsigned rounds, uint32_t out[4]);
REPRO_API int repro_philox2x64(const uint64_t ctr[2], const uint64_t key[1],
                               unsigned rounds, uint64_t out[2]);
REPRO_API int repro_philox4x64(const uint64_t ctr[4], const uint64_t key[2],
                               unsigned rounds, uint64_t out[4]);
REPRO_API int repro_threefry2x32(const uint32_t ctr[2], const uint32_t key[2],
                                 unsigned rounds, uint32_t out[2]);
REPRO_API int repro_threefry4x32(const uint32_t ctr[4], const uint32_t key[4],
                                 unsigned rounds, uint32_t out[4]);
REPRO_API int repro_threefry2x64(const uint64_t ctr[2], const uint64_t key[2],
                                 unsigned rounds, uint64_t out[2]);
REPRO_API int repro_threefry4x64(const uint64_t ctr[4], const uint64_t key[4],
                                 unsigned rounds, uint64_t out[4]);

/* ------------------------------------------------------------------------------ */
/* Seeds (contract section 2).  Contract: yes for every derivation.                */
/* ------------------------------------------------------------------------------ */
typedef struct { uint64_t w[4]; } repro_seed;

/* The root seed of the integer s: any value, no error (the function cannot fail).
 * Distinct integers give distinct seeds.  Contract: yes. */
REPRO_API repro_seed repro_seed_from_u64(uint64_t s);
/* bytes may be NULL only when len == 0 (a NULL with len > 0 gives the seed of the
 * empty string; use repro_seed_from_bytes_ex to get an error instead). */
REPRO_API repro_seed repro_seed_from_bytes(const void *bytes, size_t len);
/* As repro_seed_from_bytes, into *out.  Errors: REPRO_ERR_NULL (out NULL, or bytes
 * NULL with len > 0); *out untouched on error. */
REPRO_API int repro_seed_from_bytes_ex(const void *bytes, size_t len, repro_seed *out);
/* s is a NUL-terminated UTF-8 string (bytes taken as they are); NULL is treated as "". */
REPRO_API repro_seed repro_seed_from_string(const char *s);
/* Child number index of parent: any parent and index (0 .. 2^64-1), no error (the
 * function cannot fail).  The children of one parent by index never collide with
 * each other.  Contract: yes. */
REPRO_API repro_seed repro_seed_child(repro_seed parent, uint64_t index);
/* name may be NULL only when len == 0, as for repro_seed_from_bytes. */
REPRO_API repro_seed repro_seed_named(repro_seed parent, const void *name, size_t len);
/* Derives the descendant named by path ("train/#3/dropout"; "" is root itself).
 * Errors: REPRO_ERR_NULL, REPRO_ERR_PATH_*; *out untouched on error. */
REPRO_API int repro_seed_path(repro_seed root, const char *path, repro_seed *out);
/* As repro_seed_path; on a path error also stores the byte offset of the start of
 * the offending segment in *err_offset (when err_offset is not NULL). */
REPRO_API int repro_seed_path_ex(repro_seed root, const char *path, repro_seed *out,
                                 size_t *err_offset);
/* Canonical 64 lowercase hex digits plus NUL. */
REPRO_API void repro_seed_to_hex(repro_seed s, char out[65]);
/* Parses exactly 64 hex digits (either case) followed by NUL.
 * Errors: REPRO_ERR_NULL, REPRO_ERR_HEX_LENGTH, REPRO_ERR_HEX_DIGIT. */
REPRO_API int repro_seed_from_hex(const char *hex, repro_seed *out);
/* 1 when equal, else 0. */
REPRO_API int repro_seed_equal(repro_seed a, repro_seed b);

/* ------------------------------------------------------------------------------ */
/* Streams (contract section 3).                                                   */
/* ------------------------------------------------------------------------------ */
/* Every algorithm, once: X(enum constant, short name, contract name, u32 words per
 * block).  The enum below, the library's tables, the tests and the benchmarks expand
 * it; adding a generator is one entry here plus its block function and kernels. */
#define REPRO_ALGORITHMS(X)                                                             \
    X(REPRO_PHILOX4X32, philox4x32, "philox4x32-10", 4)                                 \
    X(REPRO_PHILOX2X64, philox2x64, "philox2x64-10", 4)                                 \
    X(REPRO_PHILOX4X64, philox4x64, "philox4x64-10", 8)                                 \
    X(REPRO_THREEFRY2X64, threefry2x64, "threefry2x64-20", 4)                           \
    X(REPRO_THREEFRY4X32, threefry4x32, "threefry4x32-20", 4)                           \
    X(REPRO_THREEFRY4X64, threefry4x64, "threefry4x64-20", 8)
/* Values 1 .. REPRO_ALGORITHM_COUNT in the list's order, without gaps (never
 * renumbered: new ones go last), so every algorithm is
 * for (a = 1; a <= REPRO_ALGORITHM_COUNT; a++).  0 is none (a never initialised
 * stream); REPRO_ALGORITHM_NONE_ and REPRO_ALGORITHM_END_ are not algorithms. */
#define REPRO_ALGORITHM_ENUM_(constant, name, contract, words) constant,
typedef enum repro_algorithm {
    REPRO_ALGORITHM_NONE_,
    REPRO_ALGORITHMS(REPRO_ALGORITHM_ENUM_)
    REPRO_ALGORITHM_END_
} repro_algorithm;
#undef REPRO_ALGORITHM_ENUM_
#define REPRO_ALGORITHM_COUNT (REPRO_ALGORITHM_END_ - 1)

/* The contract name, or NULL for an unknown value. */
REPRO_API const char *repro_algorithm_name(repro_algorithm a);
/* Errors: REPRO_ERR_NULL, REPRO_ERR_ALGORITHM. */
REPRO_API int repro_algorithm_from_name(const char *name, repro_algorithm *out);
/* u32 words per block (4 or 8), or 0 for an unknown value. */
REPRO_API unsigned repro_algorithm_block_words(repro_algorithm a);

/* Words of the stream a repro_stream keeps for its single draws (whole blocks of every
 * algorithm), and normal or exponential values it keeps converted. */
#define REPRO_STREAM_BUFFER_WORDS 512
#define REPRO_STREAM_CACHE_VALUES 32
/* Complete so that it can live on the stack; the fields are not API, and their layout
 * and the size may change in any 0.x release (docs/guides/stability.md).  Everything
 * is inside the struct (no pointers), so a plain copy is a full, independent stream.
 * The buffers only ever hold the words (values) of the positions they are tagged
 * with, so which numbers a stream yields never depends on them. */
typedef struct repro_stream {
    /* The position (index of the next u32 word) is buf_pos_ + off_ modulo 2^64, so the
     * inline draws read and move off_ alone: a u32 draw reads buf_[off_] when off_ <
     * buf_n32_, a u64 draw when off_ < buf_n64_; any other off_ (a position outside
     * the buffer) makes them refill.  The bounds are 64-bit to compare as they are. */
    uint64_t off_;
    uint64_t buf_n64_; /* buf_n32_ - 1, 0 when empty */
    uint64_t buf_n32_; /* the words held */
    uint64_t buf_pos_; /* position of buf_[0] */
    uint32_t algorithm_;
    uint32_t cache_n_;    /* values in cache_: the draws at cache_pos_ + 2i ... */
    uint32_t cache_kind_; /* ... of this kind (normal or exponential) */
    uint64_t cache_pos_;
    uint64_t seed_[4];
    double cache_[REPRO_STREAM_CACHE_VALUES];
    uint32_t buf_[REPRO_STREAM_BUFFER_WORDS]; /* the words at buf_pos_ + i */
} repro_stream;
/* sizeof(repro_stream), for bindings (it changes between 0.x releases). */
REPRO_API size_t repro_stream_sizeof(void);

/* Position 0.  Errors: REPRO_ERR_NULL, REPRO_ERR_ALGORITHM (s untouched). */
REPRO_API int repro_stream_init(repro_stream *s, repro_algorithm a, repro_seed seed);
/* The position is the index of the next u32 word (contract section 3.2): seek sets it
 * (O(1), any value), tell reads it, skip moves it by delta words (modulo 2^64).  They
 * have no error: with s NULL, seek and skip do nothing and tell returns 0; on a never
 * initialised s they set and read the position only (its draws still fail). */
REPRO_API void repro_stream_seek(repro_stream *s, uint64_t position);
REPRO_API uint64_t repro_stream_tell(const repro_stream *s);
REPRO_API void repro_stream_skip(repro_stream *s, uint64_t delta);
/* What s was made from.  s NULL or never initialised: 0 (no algorithm) and the
 * all-zero seed. */
REPRO_API repro_algorithm repro_stream_algorithm(const repro_stream *s);
REPRO_API repro_seed repro_stream_seed(const repro_stream *s);

/* Moves s's buffer to the whole blocks from the one that holds its position on.  The
 * inline single draws call it when their words are not in the buffer; a caller never
 * needs to: it has no output and changes no value, only where the buffer sits.
 * Errors: REPRO_ERR_NULL, REPRO_ERR_ALGORITHM (s never initialised; s untouched). */
REPRO_API int repro_stream_refill(repro_stream *s);

/* The inline draws' definitions below are inline-only: the library holds the one
 * external definition of each (one library file defines REPRO_INLINE_EXTERNAL_), so
 * a build without inlining, or a function pointer, calls the library.  gnu_inline keeps
 * that meaning under -std=gnu89 and -fgnu89-inline too; a C compiler that is neither
 * GNU nor C99 just calls the library. */
#if defined(REPRO_INLINE_EXTERNAL_)
#define REPRO_INLINE
#elif defined(__cplusplus)
#define REPRO_INLINE inline
#elif defined(__GNUC__)
#define REPRO_INLINE extern __inline__ __attribute__((__gnu_inline__))
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define REPRO_INLINE inline
#else
#define REPRO_INLINE
#define REPRO_NO_INLINE_DEFINITIONS_
#endif

/* Single draws.  The stream must be initialised: a NULL or never initialised one draws
 * nothing and gives 0 (2^-53 and 2^-54 for the (0,1] and (0,1) doubles).
 * The first four are inline: a read from the stream's buffer, exact arithmetic (see
 * the top of this file).  Contract: yes (section 3). */
REPRO_API REPRO_INLINE uint32_t repro_next_u32(repro_stream *s);
REPRO_API REPRO_INLINE uint64_t repro_next_u64(repro_stream *s);
REPRO_API REPRO_INLINE double repro_next_double(repro_stream *s); /* [0,1) */
REPRO_API REPRO_INLINE float repro_next_float(repro_stream *s);   /* [0,1) */
REPRO_API double repro_next_double_oc(repro_stream *s);   /* (0,1] */
REPRO_API double repro_next_double_oo(repro_stream *s);   /* (0,1) */
/* Uniform in [0,n); n == 0 means the full range. */
REPRO_API uint32_t repro_next_bounded_u32(repro_stream *s, uint32_t n);
REPRO_API uint64_t repro_next_bounded_u64(repro_stream *s, uint64_t n);
REPRO_API double repro_next_normal(repro_stream *s);      /* N(0,1) */
REPRO_API double repro_next_exponential(repro_stream *s); /* rate 1 */
/* numpy's bitgen_t callbacks next_uint64, next_uint32 and next_double (and
 * next_raw: the u64 one) for a repro_stream *state, which must not be NULL:
 * repro_next_u64, repro_next_u32 and repro_next_double with numpy's signature and
 * no NULL check.  For bindings that serve numpy's Generator from a stream (the Python
 * bindings' BitGenerator).  Contract: yes (section 3, as the single draws). */
REPRO_API uint64_t repro_bitgen_next_u64(void *state);
REPRO_API uint32_t repro_bitgen_next_u32(void *state);
REPRO_API double repro_bitgen_next_double(void *state);

/* Contract section 3's [0,1) values of a u64 x and a u32 y: an integer below 2^53
 * (2^24) times a power of two, exact in every floating-point mode.  The library's
 * scalar conversions use them too. */
#ifdef __cplusplus /* static_cast: C++ consumers may build with -Wold-style-cast */
#define REPRO_CAST_(T, v) static_cast<T>(v)
#else
#define REPRO_CAST_(T, v) ((T)(v))
#endif
#define REPRO_DOUBLE_FROM_U64_(x) (REPRO_CAST_(double, (x) >> 11) * (1.0 / 9007199254740992.0))
#define REPRO_FLOAT_FROM_U32_(y) (REPRO_CAST_(float, (y) >> 8) * (1.0f / 16777216.0f))

#if defined(__GNUC__)
#define REPRO_UNLIKELY_(c) __builtin_expect(!!(c), 0)
#else
#define REPRO_UNLIKELY_(c) (c)
#endif

#ifndef REPRO_NO_INLINE_DEFINITIONS_
REPRO_INLINE uint32_t repro_next_u32(repro_stream *s)
{
    uint64_t off;
    if (!s)
        return 0;
    off = s->off_;
    if (REPRO_UNLIKELY_(off >= s->buf_n32_)) {
        if (repro_stream_refill(s) != REPRO_OK)
            return 0;
        off = s->off_;
    }
    s->off_ = off + 1;
    return s->buf_[off];
}

REPRO_INLINE uint64_t repro_next_u64(repro_stream *s)
{
    uint64_t off;
    if (!s)
        return 0;
    off = s->off_;
    if (REPRO_UNLIKELY_(off >= s->buf_n64_)) {
        if (repro_stream_refill(s) != REPRO_OK)
            return 0;
        off = s->off_;
    }
    s->off_ = off + 2;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    { /* the two words are the u64's bytes: one load */
        uint64_t x;
        __builtin_memcpy(&x, s->buf_ + off, sizeof x);
        return x;
    }
#else
    {
        uint64_t lo = s->buf_[off], hi = s->buf_[off + 1];
        return lo | hi << 32;
    }
#endif
}

REPRO_INLINE double repro_next_double(repro_stream *s)
{
    return REPRO_DOUBLE_FROM_U64_(repro_next_u64(s));
}

REPRO_INLINE float repro_next_float(repro_stream *s)
{
    return REPRO_FLOAT_FROM_U32_(repro_next_u32(s));
}
#endif

/* Fills: exactly what n single draws give, leaving the position where they would.
 * Errors: REPRO_ERR_NULL (s NULL, or out NULL with n > 0), REPRO_ERR_ALGORITHM (s never
 * initialised); nothing drawn on error.
 * The *_at forms give what a copy of s seeked to position gives, and leave s as it
 * is (s may be shared between threads).  Contract: yes. */
/* Every such fill, once: X(name, C type of a value, stream words per value), declaring
 * repro_fill_<name> and repro_fill_<name>_at; the library's definitions, the CLI, the
 * tests and the benchmarks expand this list.  Each has the single draw
 * repro_next_<name> above. */
#define REPRO_FILLS(X)                                                                  \
    X(u32, uint32_t, 1)                                                                 \
    X(u64, uint64_t, 2)                                                                 \
    X(double, double, 2)                                                                \
    X(double_oc, double, 2)                                                             \
    X(double_oo, double, 2)                                                             \
    X(float, float, 1)                                                                  \
    X(normal, double, 2)                                                                \
    X(exponential, double, 2)
#define REPRO_DECLARE_FILL_(name, type, words)                                          \
    REPRO_API int repro_fill_##name(repro_stream *s, type *out, size_t n);              \
    REPRO_API int repro_fill_##name##_at(const repro_stream *s, uint64_t position,      \
                                         type *out, size_t n);
REPRO_FILLS(REPRO_DECLARE_FILL_)
#undef REPRO_DECLARE_FILL_
/* Bounded fills: n draws of repro_next_bounded_*(s, bound). */
REPRO_API int repro_fill_bounded_u32(repro_stream *s, uint32_t *out, size_t n, uint32_t bound);
REPRO_API int repro_fill_bounded_u32_at(const repro_stream *s, uint64_t position,
                                        uint32_t *out, size_t n, uint32_t bound);
REPRO_API int repro_fill_bounded_u64(repro_stream *s, uint64_t *out, size_t n, uint64_t bound);
REPRO_API int repro_fill_bounded_u64_at(const repro_stream *s, uint64_t position,
                                        uint64_t *out, size_t n, uint64_t bound);

/* ------------------------------------------------------------------------------ */
/* Saved state (contract section 4): "rr1:<algorithm>:<seed hex>:<position>".      */
/* ------------------------------------------------------------------------------ */
/* Longest saved state including the NUL. */
#define REPRO_STATE_MAX 128
/* Writes the state (seed hex in lower case, position in decimal) and returns its
 * length (without NUL).  Errors: REPRO_ERR_NULL (s NULL, or buf NULL with cap > 0),
 * REPRO_ERR_ALGORITHM (s never initialised), REPRO_ERR_BUFFER (cap too small; buf
 * gets "" when cap > 0).
 * Contract: yes (the text format). */
REPRO_API int repro_stream_save(const repro_stream *s, char *buf, size_t cap);
/* Restores (algorithm, seed, position) from a saved state: hex digits of either
 * case, leading zeros in the position allowed, nothing after it.  Fields are checked
 * left to right and the first wrong one is reported: REPRO_ERR_STATE_EMPTY,
 * _VERSION, _ALGORITHM, _FIELD (a ':' missing after a field), _HEX_DIGIT,
 * _HEX_LENGTH, _POSITION (no digits, or >= 2^64), _TRAILING; or REPRO_ERR_NULL.
 * s untouched on error.  Contract: yes. */
REPRO_API int repro_stream_load(repro_stream *s, const char *text);
/* As repro_stream_load; on error stores in *err_offset (when not NULL) the byte
 * offset where parsing failed: the start of the bad field, or the bad byte for
 * _HEX_DIGIT, _FIELD and _TRAILING.  Contract: yes. */
REPRO_API int repro_stream_load_ex(repro_stream *s, const char *text, size_t *err_offset);

/* ------------------------------------------------------------------------------ */
/* Run-time SIMD dispatch.  Never changes any output bit, only speed.              */
/* ------------------------------------------------------------------------------ */
/* The ISAs this library knows by name, whether or not this CPU and build run them:
 * repro_isa_name_at(i) for i < repro_isa_count() ("scalar" first, then each
 * architecture's in order of preference, the fastest last), NULL for i >= repro_isa_count().  The strings are
 * static.  Pair with repro_isa_supported to list the ones that run here.  The list
 * (not the output) may grow between releases: Contract: no. */
REPRO_API size_t repro_isa_count(void);
REPRO_API const char *repro_isa_name_at(size_t i);
/* Selects the ISA for all later bulk fills in the process: a name of
 * repro_isa_name_at ("scalar", "sse2", "avx2", "avx512", "neon") or "best".  Errors:
 * REPRO_ERR_NULL, REPRO_ERR_ISA_UNKNOWN, REPRO_ERR_ISA_UNSUPPORTED (selection
 * unchanged).  Thread-safe.  The environment variable REPRO_RNG_ISA sets the initial
 * choice. */
REPRO_API int repro_set_isa(const char *name);
/* The ISA in use ("scalar", "sse2", ...). */
REPRO_API const char *repro_isa_name(void);
/* 1 when this CPU and build can run the named ISA ("best" included), else 0. */
REPRO_API int repro_isa_supported(const char *name);

/* ------------------------------------------------------------------------------ */
/* Deterministic math: IEEE double +, -, *, / and sqrt only, in a fixed order.     */
/* Contract: yes (same bits everywhere).                                           */
/* ------------------------------------------------------------------------------ */
/* Natural log, within 1 ulp.  log(+-0) = -inf, log(x<0) = NaN, log(+inf) = +inf,
 * log(NaN) = NaN, log(1) = +0; subnormals handled.  Every NaN result is the same
 * quiet NaN (bits 0x7ff8000000000000).  fdlibm's algorithm. */
REPRO_API double repro_math_log(double x);
/* Inverse standard normal CDF, within 8 ulp (relative error below 2e-15) on (0,1),
 * 2^-1074 and 1 - 2^-53 included (Wichura's AS241 with this library's log).
 * +-0 -> -inf, 1 -> +inf, outside [0,1] or NaN -> NaN (0x7ff8000000000000). */
REPRO_API double repro_math_inv_normal_cdf(double u);
/* e^x, within 1 ulp; overflow gives +inf, underflow 0 (or subnormal);
 * exp(-inf) = 0, exp(NaN) = NaN (0x7ff8000000000000).  fdlibm's algorithm. */
REPRO_API double repro_math_exp(double x);
/* Arrays: out[i] = repro_math_log(x[i]), resp. repro_math_inv_normal_cdf(u[i]), bit for
 * bit (any input, special values included), for i < n, through the SIMD kernels chosen
 * for fills: e.g. normal quantiles of quasi-random points.  out may be the input array
 * itself; otherwise the two must not overlap.  Errors: REPRO_ERR_NULL (an array NULL
 * with n > 0).  Contract: yes. */
REPRO_API int repro_math_log_array(const double *x, double *out, size_t n);
REPRO_API int repro_math_inv_normal_cdf_array(const double *u, double *out, size_t n);
/* The math of the distributions below (docs/DISTRIBUTIONS.md), each within the stated
 * bound of the exact value (tools/math_accuracy.py measures them against mpmath); every
 * NaN result is the quiet NaN 0x7ff8000000000000.
 * log(1 + x), within 2.5 ulp: log1p(-1) = -inf, x < -1 or NaN -> NaN, +inf -> +inf. */
REPRO_API double repro_math_log1p(double x);
/* e^x - 1, within 1 ulp (fdlibm's algorithm): overflow +inf, -inf -> -1, NaN -> NaN. */
REPRO_API double repro_math_expm1(double x);
/* Arc tangent in [-pi/2, pi/2], within 1 ulp (fdlibm's algorithm); +-inf -> +-pi/2. */
REPRO_API double repro_math_atan(double x);
/* sin(pi x) and cos(pi x), within 1 ulp, for every finite x (the reduction mod 2 is
 * exact): sinpi(n) = +-0 with n's sign, cospi(n + 1/2) = +-0; +-inf or NaN -> NaN. */
REPRO_API double repro_math_sinpi(double x);
REPRO_API double repro_math_cospi(double x);

/* ------------------------------------------------------------------------------ */
/* Distributions.  n draws each; position advances by the words consumed.          */
/* Errors: REPRO_ERR_NULL (s NULL, or out NULL with n > 0), REPRO_ERR_ALGORITHM     */
/* (s never initialised), REPRO_ERR_PARAM; nothing drawn on error.                  */
/* Never a NaN, over every parameter the header allows: a value beyond DBL_MAX      */
/* rounds to +-inf (as any IEEE operation: gaussian and gamma with a huge scale),   */
/* one below the smallest subnormal to 0.                                           */
/* docs/DISTRIBUTIONS.md gives each algorithm and its word consumption.            */
/* Contract: yes.                                                                   */
/* ------------------------------------------------------------------------------ */
/* mean + stddev * normal; stddev >= 0, both finite. */
REPRO_API int repro_fill_gaussian(repro_stream *s, double *out, size_t n,
                                  double mean, double stddev);
/* Uniform double in [a, b): a + (b - a) u, u a double in [0,1); a value that rounds
 * to b becomes the largest double below b.  a < b, both finite (b - a may overflow). */
REPRO_API int repro_fill_uniform(repro_stream *s, double *out, size_t n, double a, double b);
/* 1 with probability p in [0,1] (exactly: u < p, u a double in [0,1)), else 0. */
REPRO_API int repro_fill_bernoulli(repro_stream *s, uint8_t *out, size_t n, double p);
/* Gamma(shape k > 0, scale theta > 0). */
REPRO_API int repro_fill_gamma(repro_stream *s, double *out, size_t n, double shape,
                               double scale);
/* Beta(a > 0, b > 0), values in [0, 1] (0 or 1 where the value rounds there: almost
 * always when both parameters are below about 1e-300). */
REPRO_API int repro_fill_beta(repro_stream *s, double *out, size_t n, double a, double b);
/* Poisson(lambda >= 0, finite, <= 1e15); lambda = 0 gives 0 and draws nothing. */
REPRO_API int repro_fill_poisson(repro_stream *s, uint64_t *out, size_t n, double lambda);
/* Binomial(trials, p in [0,1]); trials = 0, p = 0 or p = 1 draw nothing. */
REPRO_API int repro_fill_binomial(repro_stream *s, uint64_t *out, size_t n,
                                  uint64_t trials, double p);

/* numpy's other laws, with numpy's names and parameters (numpy 1.24 Generator).  The
 * uniform U52 below is ((x >> 12) + 1/2) 2^-52 of one u64 draw x (2 words): exact,
 * symmetric, never 0 or 1.  The functions with an _at form consume a fixed number of
 * words per value (given below) and the _at form gives what a copy of s seeked to
 * position gives, leaving s as it is; the others use rejection (variable words): they
 * cannot be split by position, give each work item its own stream (repro_seed_child)
 * instead.  Counts are at most INT64_MAX (numpy's int64).  Contract: yes. */
/* Uniform integers in [low, high] (both included, any int64 range): low +
 * bounded(high - low + 1), a 32-bit bounded draw when high - low < 2^32, else a 64-bit
 * one (contract section 3: exact, no bias).  low <= high. */
REPRO_API int repro_fill_integers(repro_stream *s, int64_t *out, size_t n, int64_t low,
                                  int64_t high);
REPRO_API int repro_fill_integers_at(const repro_stream *s, uint64_t position, int64_t *out,
                                     size_t n, int64_t low, int64_t high);
/* float32 variants: repro_fill_normal / _exponential rounded to float (2 words each);
 * repro_fill_uniform in float arithmetic on repro_fill_float's draws (1 word; a < b,
 * both finite); repro_fill_gamma_float: repro_fill_gamma's draws (same parameters)
 * rounded to float, +inf where rounding overflows (numpy's standard_gamma with dtype
 * float32; rejection, no _at form). */
REPRO_API int repro_fill_normal_float(repro_stream *s, float *out, size_t n);
REPRO_API int repro_fill_normal_float_at(const repro_stream *s, uint64_t position, float *out,
                                         size_t n);
REPRO_API int repro_fill_exponential_float(repro_stream *s, float *out, size_t n);
REPRO_API int repro_fill_exponential_float_at(const repro_stream *s, uint64_t position,
                                              float *out, size_t n);
REPRO_API int repro_fill_gamma_float(repro_stream *s, float *out, size_t n, double shape,
                                     double scale);
REPRO_API int repro_fill_uniform_float(repro_stream *s, float *out, size_t n, float a,
                                       float b);
REPRO_API int repro_fill_uniform_float_at(const repro_stream *s, uint64_t position,
                                          float *out, size_t n, float a, float b);
/* exp(mean + sigma normal); sigma >= 0, both finite.  2 words. */
REPRO_API int repro_fill_lognormal(repro_stream *s, double *out, size_t n, double mean,
                                   double sigma);
REPRO_API int repro_fill_lognormal_at(const repro_stream *s, uint64_t position, double *out,
                                      size_t n, double mean, double sigma);
/* numpy's exponential(scale): scale times repro_fill_exponential's draw; scale >= 0,
 * finite.  2 words. */
REPRO_API int repro_fill_exponential_scaled(repro_stream *s, double *out, size_t n,
                                            double scale);
REPRO_API int repro_fill_exponential_scaled_at(const repro_stream *s, uint64_t position,
                                               double *out, size_t n, double scale);
/* Cauchy: tan(pi (u - 1/2)) = sinpi(t) / cospi(t), u = U52 (|values| < 2.9e15).  2 words. */
REPRO_API int repro_fill_standard_cauchy(repro_stream *s, double *out, size_t n);
REPRO_API int repro_fill_standard_cauchy_at(const repro_stream *s, uint64_t position,
                                            double *out, size_t n);
/* The location-scale laws (scale >= 0, both finite; 2 words, u = U52):
 * laplace: loc + scale log(2u) for u < 1/2, else loc - scale log(2 - 2u);
 * logistic: loc + scale log(u / (1 - u)) (as a log1p, docs/DISTRIBUTIONS.md);
 * gumbel: loc - scale log(-log u);  rayleigh: scale sqrt(-2 log u). */
REPRO_API int repro_fill_laplace(repro_stream *s, double *out, size_t n, double loc,
                                 double scale);
REPRO_API int repro_fill_laplace_at(const repro_stream *s, uint64_t position, double *out,
                                    size_t n, double loc, double scale);
REPRO_API int repro_fill_logistic(repro_stream *s, double *out, size_t n, double loc,
                                  double scale);
REPRO_API int repro_fill_logistic_at(const repro_stream *s, uint64_t position, double *out,
                                     size_t n, double loc, double scale);
REPRO_API int repro_fill_gumbel(repro_stream *s, double *out, size_t n, double loc,
                                double scale);
REPRO_API int repro_fill_gumbel_at(const repro_stream *s, uint64_t position, double *out,
                                   size_t n, double loc, double scale);
REPRO_API int repro_fill_rayleigh(repro_stream *s, double *out, size_t n, double scale);
REPRO_API int repro_fill_rayleigh_at(const repro_stream *s, uint64_t position, double *out,
                                     size_t n, double scale);
/* The shape laws (2 words, u = U52, e = -log u): weibull(a >= 0): exp(log(e) / a), 0 for
 * a = 0; pareto(a > 0) (numpy's Lomax, minimum 0): expm1(e / a); power(a > 0):
 * exp(log(u) / a).  a finite. */
REPRO_API int repro_fill_weibull(repro_stream *s, double *out, size_t n, double a);
REPRO_API int repro_fill_weibull_at(const repro_stream *s, uint64_t position, double *out,
                                    size_t n, double a);
REPRO_API int repro_fill_pareto(repro_stream *s, double *out, size_t n, double a);
REPRO_API int repro_fill_pareto_at(const repro_stream *s, uint64_t position, double *out,
                                   size_t n, double a);
REPRO_API int repro_fill_power(repro_stream *s, double *out, size_t n, double a);
REPRO_API int repro_fill_power_at(const repro_stream *s, uint64_t position, double *out,
                                  size_t n, double a);
/* Triangular on [left, right] with mode: inversion of one U52 (2 words).
 * left <= mode <= right, left < right, right - left finite. */
REPRO_API int repro_fill_triangular(repro_stream *s, double *out, size_t n, double left,
                                    double mode, double right);
REPRO_API int repro_fill_triangular_at(const repro_stream *s, uint64_t position, double *out,
                                       size_t n, double left, double mode, double right);
/* Inverse Gaussian (numpy's wald): a normal then a U52 per value (4 words).  mean > 0,
 * scale > 0, finite. */
REPRO_API int repro_fill_wald(repro_stream *s, double *out, size_t n, double mean,
                              double scale);
REPRO_API int repro_fill_wald_at(const repro_stream *s, uint64_t position, double *out,
                                 size_t n, double mean, double scale);
/* von Mises on [-pi, pi] (Best & Fisher's rejection); mu any finite double (reduced
 * exactly modulo 2 pi, as numpy accepts any), kappa >= 0 finite. */
REPRO_API int repro_fill_vonmises(repro_stream *s, double *out, size_t n, double mu,
                                  double kappa);
/* Chi-square = Gamma(df/2, 2); Student's t; F; df > 0 finite (df/2 a positive double).
 * Rejection (the gamma's).  A gamma that underflows to 0 (only for df below about 0.01)
 * gives +-inf, never NaN. */
REPRO_API int repro_fill_chisquare(repro_stream *s, double *out, size_t n, double df);
REPRO_API int repro_fill_standard_t(repro_stream *s, double *out, size_t n, double df);
REPRO_API int repro_fill_f(repro_stream *s, double *out, size_t n, double dfnum,
                           double dfden);
/* Noncentral chi-square and F (numpy's algorithms); nonc in [0, 2e15]. */
REPRO_API int repro_fill_noncentral_chisquare(repro_stream *s, double *out, size_t n,
                                              double df, double nonc);
REPRO_API int repro_fill_noncentral_f(repro_stream *s, double *out, size_t n, double dfnum,
                                      double dfden, double nonc);
/* Failures before the n_successes-th success (numpy's negative_binomial(n, p)): a
 * Poisson-gamma mixture.  n_successes > 0 finite, 0 < p <= 1, with (1 - p) / p and
 * n_successes (1 - p) / p at most 1e12; p = 1 gives 0 and draws nothing. */
REPRO_API int repro_fill_negative_binomial(repro_stream *s, uint64_t *out, size_t n,
                                           double n_successes, double p);
/* Trials to the first success, ceil(log(u) / log1p(-p)), u = U52 (2 words); 0 < p <= 1. */
REPRO_API int repro_fill_geometric(repro_stream *s, uint64_t *out, size_t n, double p);
REPRO_API int repro_fill_geometric_at(const repro_stream *s, uint64_t position,
                                      uint64_t *out, size_t n, double p);
/* Logarithmic series (Kemp's LK, numpy's), 0 <= p < 1; Zipf (Devroye's rejection),
 * a - 1 >= 2^-20 (closer to 1 the rejection loop needs about 1 / (44 (a - 1))
 * attempts per value), a finite; a >= 1025 gives 1 and draws nothing. */
REPRO_API int repro_fill_logseries(repro_stream *s, uint64_t *out, size_t n, double p);
REPRO_API int repro_fill_zipf(repro_stream *s, uint64_t *out, size_t n, double a);
/* Good items among nsample drawn without replacement from ngood good and nbad bad
 * ones (numpy's: sequential draws for small samples, else Stadlober's HRUA).
 * ngood, nbad < 10^9, nsample <= ngood + nbad. */
REPRO_API int repro_fill_hypergeometric(repro_stream *s, uint64_t *out, size_t n,
                                        uint64_t ngood, uint64_t nbad, uint64_t nsample);
/* n vectors of k components into out[n * k] (vector i at out + i k).  dirichlet:
 * alpha[k], each > 0 finite, k >= 1 (normalised gammas, in logs).  multinomial: counts
 * of trials over k categories with probabilities pvals[k] (finite, >= 0, the first k - 1
 * summing to at most 1 + 1e-12; the last category gets the rest), by conditional
 * binomials. */
REPRO_API int repro_fill_dirichlet(repro_stream *s, double *out, size_t n,
                                   const double *alpha, size_t k);
REPRO_API int repro_fill_multinomial(repro_stream *s, uint64_t *out, size_t n,
                                     uint64_t trials, const double *pvals, size_t k);
/* Multivariate normal.  repro_mvnormal_factor writes the lower-triangular L (row-major,
 * factor[d * d], zeros above the diagonal) with L L^T = cov (cov[d * d] row-major,
 * symmetric positive semi-definite within 2^-40 d max_i cov_ii; singular is fine):
 * Cholesky in a fixed order, only + - * / sqrt.  Errors: REPRO_ERR_NULL, REPRO_ERR_PARAM
 * (not symmetric, not positive semi-definite, a non-finite entry, d > 65535, or a
 * factorisation that overflows: only far from positive semi-definite).  Then
 * repro_fill_multivariate_normal draws n vectors of d: mean + L z, z d normals (2d words
 * per vector); factor as written by repro_mvnormal_factor (any lower-triangular matrix
 * with entries of magnitude at most 2^1020, else REPRO_ERR_PARAM: then no L_im z_m
 * overflows, so a sum may round to +-inf but never gives NaN).  d >= 1. */
REPRO_API int repro_mvnormal_factor(const double *cov, size_t d, double *factor);
REPRO_API int repro_fill_multivariate_normal(repro_stream *s, double *out, size_t n,
                                             const double *mean, const double *factor,
                                             size_t d);
REPRO_API int repro_fill_multivariate_normal_at(const repro_stream *s, uint64_t position,
                                                double *out, size_t n, const double *mean,
                                                const double *factor, size_t d);
/* Weighted choice (numpy's choice with p) through an alias table, built once
 * (deterministically, integers only) in a caller's buffer of repro_alias_size(k) bytes
 * (aligned for uint64_t; 0 when k is 0 or too large) from weights[k] (finite, >= 0, not
 * all 0; normalised by their sum): each outcome i gets the probability c_i / (k 2^b),
 * c_i its weight's share rounded to an integer (b = 50 - bit length of k), within
 * about 2^-50 of w_i / sum (weights summing below 2^-900 are first multiplied by
 * 2^1000, exactly).  Errors: REPRO_ERR_NULL, REPRO_ERR_PARAM (k == 0, k > 2^40, a bad
 * weight, a sum above DBL_MAX), REPRO_ERR_BUFFER (size too small).  repro_fill_choice then
 * draws n indices in [0, k), one u64 each (2 words); REPRO_ERR_ARG for a buffer
 * repro_alias_init did not fill. */
REPRO_API size_t repro_alias_size(size_t k);
REPRO_API int repro_alias_init(void *table, size_t size, const double *weights, size_t k);
REPRO_API int repro_fill_choice(repro_stream *s, uint64_t *out, size_t n, const void *table);
REPRO_API int repro_fill_choice_at(const repro_stream *s, uint64_t position, uint64_t *out,
                                   size_t n, const void *table);
/* k distinct values of [0, n) in uniformly random order (numpy's choice(n, k,
 * replace=False)), using out[k] as the only memory: uniform draws until k distinct
 * ones (sorted, repeats dropped, the missing ones drawn again), then repro_shuffle.
 * k <= n (REPRO_ERR_PARAM).  Time O(k log k) while k is small against n; the rounds'
 * draws when n - k < 64000 (k = n = 10^6: about 0.1 s), the held set then kept as a
 * bitmap in out; between those, under a second per 10^6 values (k = 10^6,
 * n = 1.07 10^6: 0.9 s on the development machine). */
REPRO_API int repro_choice_without_replacement(repro_stream *s, uint64_t *out, size_t k,
                                               uint64_t n);
/* k distinct indices of [0, n) drawn one after the other with probabilities
 * proportional to the weights of the items left (numpy's choice(n, k, replace=False,
 * p=weights)), in the order drawn: the exponential race (Efraimidis & Spirakis), item i
 * keyed E_i / weights[i] (without overflow: docs/DISTRIBUTIONS.md), E_i one exponential
 * draw per item in index order (2n words; none when k is 0), the k smallest keys in
 * ascending order (ties: the smaller index).  keys[k] is the caller's scratch memory
 * (its contents afterwards are not specified); time O(n log k).  weights finite, >= 0, at least k of them > 0 (else
 * REPRO_ERR_PARAM); REPRO_ERR_NULL for out or keys NULL with k > 0, weights NULL with
 * n > 0.  Zero weights are never drawn. */
REPRO_API int repro_choice_weighted_without_replacement(repro_stream *s, uint64_t *out,
                                                        size_t k, const double *weights,
                                                        size_t n, uint64_t *keys);

/* ------------------------------------------------------------------------------ */
/* Shuffles and random-access permutations.  Contract: yes.                        */
/* ------------------------------------------------------------------------------ */
/* Fisher-Yates (Durstenfeld) shuffle of count elements of size bytes each, in place,
 * no allocation: for i = count-1 down to 1, swap element i with element j, where
 * j = repro_next_bounded_u32(s, i+1) when i+1 < 2^32, else repro_next_bounded_u64(s,
 * i+1).  The rule depends only on i, so 32- and 64-bit platforms give the same order;
 * count - 1 bounded draws (none for count < 2).  base may be NULL only when count == 0.
 * Errors: REPRO_ERR_NULL, REPRO_ERR_ALGORITHM (s never initialised), REPRO_ERR_ARG
 * (size == 0, or count * size overflows); nothing drawn and base untouched on error.
 * Contract: yes. */
REPRO_API int repro_shuffle(repro_stream *s, void *base, size_t count, size_t size);

/* A keyed bijection of [0, n), any n in [1, 2^64-1], with O(1) time and memory per
 * index, so each worker can compute its own shard of an epoch's order without
 * materialising it: keys derived from the seed and n (each (seed, n) gets an
 * independent permutation); for n <= 64 an explicit repro_shuffle of 0..n-1, exactly
 * uniform; for larger n an 8-round Feistel network with cycle walking.  Contract
 * section 3.5 gives the construction exactly.  Complete type, so it lives on the
 * stack; the fields are not API.  Contract: yes. */
typedef struct repro_permutation {
    uint64_t n_;
    uint64_t keys_[8];  /* K[0..7] */
    uint64_t offset_;   /* K[8] */
    uint32_t hi_bits_;  /* floor(w/2): the high half */
    uint32_t lo_bits_;  /* ceil(w/2): the low half */
    uint32_t rounds_;   /* 8 (fewer only in the tests' weakened variant) */
} repro_permutation;
#define REPRO_PERMUTATION_INVALID UINT64_MAX
/* sizeof(repro_permutation), for bindings. */
REPRO_API size_t repro_permutation_sizeof(void);
/* n in [1, 2^64-1].  Errors: REPRO_ERR_NULL, REPRO_ERR_ARG (n == 0); p untouched
 * on error. */
REPRO_API int repro_permutation_init(repro_permutation *p, repro_seed seed, uint64_t n);
/* The image of i, or REPRO_PERMUTATION_INVALID when i >= n or p is NULL. */
REPRO_API uint64_t repro_permutation_at(const repro_permutation *p, uint64_t i);
/* The i with at(i) == x, or REPRO_PERMUTATION_INVALID when x >= n or p is NULL. */
REPRO_API uint64_t repro_permutation_inverse(const repro_permutation *p, uint64_t x);
/* out[k] = repro_permutation_at(p, first + k) for k < count: a worker's shard of an
 * epoch, computed faster than by single calls.  Errors: REPRO_ERR_NULL (p NULL, or out
 * NULL with count > 0), REPRO_ERR_ARG (first + count > n, or p never initialised);
 * out untouched on error. */
REPRO_API int repro_permutation_fill(const repro_permutation *p, uint64_t first,
                                     uint64_t *out, size_t count);

/* ------------------------------------------------------------------------------ */
/* Compatibility modes (reproduce numpy and JAX bit for bit); see docs/MIGRATION.md */
/* ------------------------------------------------------------------------------ */
/* Outputs here are fixed by numpy and JAX, not by contract rr1.  Contract: no (they
 * track numpy >= 1.17 and JAX's threefry2x32, which have not changed them so far). */

/* numpy.random.SeedSequence (pool size 4).  Complete type, so it can live on the
 * stack; fields are not API. */
#define REPRO_NUMPY_SEEDSEQ_MAX_WORDS 64
typedef struct repro_numpy_seedseq {
    uint32_t pool_[4];
    uint32_t entropy_[REPRO_NUMPY_SEEDSEQ_MAX_WORDS];
    uint32_t spawn_key_[REPRO_NUMPY_SEEDSEQ_MAX_WORDS];
    uint32_t n_entropy_;
    uint32_t n_spawn_key_;
    uint64_t n_children_spawned_;
} repro_numpy_seedseq;
/* sizeof(repro_numpy_seedseq) and sizeof(repro_numpy_philox), for bindings that
 * allocate them without the header.  Contract: no. */
REPRO_API size_t repro_numpy_seedseq_sizeof(void);
REPRO_API size_t repro_numpy_philox_sizeof(void);
/* SeedSequence(entropy, spawn_key).  Both are given as numpy coerces them to u32
 * words: an int becomes its words least significant first (0 -> one word 0), a list
 * the concatenation of its elements' words; a spawn key element i < 2^32 is one word.
 * n_entropy may be 0 (entropy []); pointers may be NULL only for 0 words.
 * Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT (more than REPRO_NUMPY_SEEDSEQ_MAX_WORDS
 * words in either).  Contract: no. */
REPRO_API int repro_numpy_seedseq_init(repro_numpy_seedseq *ss, const uint32_t *entropy,
                                       size_t n_entropy, const uint32_t *spawn_key,
                                       size_t n_spawn_key);
/* SeedSequence.generate_state(n, np.uint32 / np.uint64) into out[n] (out may be NULL
 * when n == 0).  Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT (ss not made by
 * repro_numpy_seedseq_init or copied from one: never initialised).  Contract: no. */
REPRO_API int repro_numpy_seedseq_generate_u32(const repro_numpy_seedseq *ss,
                                               uint32_t *out, size_t n);
REPRO_API int repro_numpy_seedseq_generate_u64(const repro_numpy_seedseq *ss,
                                               uint64_t *out, size_t n);
/* The next child, SeedSequence.spawn(1)[0]: same entropy, spawn key
 * ss's key + (n_children_spawned,); advances ss's child count.  Errors:
 * REPRO_ERR_NULL, REPRO_ERR_COMPAT (ss never initialised, or the child's key would
 * exceed the word limit; ss and child unchanged).  Contract: no. */
REPRO_API int repro_numpy_seedseq_spawn(repro_numpy_seedseq *ss, repro_numpy_seedseq *child);

/* numpy.random.Philox (Philox4x64-10).  Complete type; fields are not API. */
typedef struct repro_numpy_philox {
    uint64_t ctr_[4];
    uint64_t key_[2];
    uint64_t buffer_[4];
    uint32_t buffer_pos_;
    uint32_t pad_;
} repro_numpy_philox;
/* Philox(key=..., counter=...): key and counter as u64 words, least significant
 * first.  Errors: REPRO_ERR_NULL.  Contract: no. */
REPRO_API int repro_numpy_philox_init(repro_numpy_philox *g, const uint64_t key[2],
                                      const uint64_t counter[4]);
/* Philox(seed) for Philox(SeedSequence(...)): key = ss.generate_state(2, uint64),
 * counter 0.  Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT (ss never initialised).
 * Contract: no. */
REPRO_API int repro_numpy_philox_from_seedseq(repro_numpy_philox *g,
                                              const repro_numpy_seedseq *ss);
/* Philox.random_raw(): the next 64-bit output.  g must be initialised; a NULL or
 * never initialised g returns 0 and draws nothing.  Contract: no. */
REPRO_API uint64_t repro_numpy_philox_next_u64(repro_numpy_philox *g);
/* Generator(Philox).random(): (next_u64 >> 11) * 2^-53, in [0,1).  A NULL or never
 * initialised g returns -1.0 (outside [0,1)) and draws nothing.  Contract: no. */
REPRO_API double repro_numpy_philox_next_double(repro_numpy_philox *g);
/* Philox.advance(delta): adds delta (4 u64 words, least significant first, i.e.
 * delta mod 2^256) to the 256-bit counter, which counts blocks of 4 outputs, and
 * drops the buffered outputs.  Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT (g never
 * initialised; g untouched).  Contract: no. */
REPRO_API int repro_numpy_philox_advance(repro_numpy_philox *g, const uint64_t delta[4]);
/* Philox.jumped(jumps): a copy of g advanced by jumps * 2^128 (g is unchanged).
 * Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT (g never initialised; out untouched).
 * Contract: no. */
REPRO_API int repro_numpy_philox_jumped(const repro_numpy_philox *g, uint64_t jumps,
                                        repro_numpy_philox *out);

/* JAX threefry2x32 PRNG keys (jax.random.key_data layout: two u32 words).  The
 * partitionable argument is the value of JAX's jax_threefry_partitionable flag, 0 or
 * 1 (1 is JAX's default since jax 0.5.0); other values give REPRO_ERR_COMPAT. */
typedef struct { uint32_t k[2]; } repro_jax_key_t;
/* jax.random.PRNGKey(seed) / key_data(jax.random.key(seed)) with jax_enable_x64 on:
 * {seed >> 32, seed & 0xFFFFFFFF} of the 64-bit two's complement.  Contract: no. */
REPRO_API repro_jax_key_t repro_jax_key(int64_t seed);
/* The same with jax_enable_x64 off (JAX's default): the seed is first wrapped to 32
 * bits, so the key is {0, seed & 0xFFFFFFFF}.  Contract: no. */
REPRO_API repro_jax_key_t repro_jax_key_x32(int64_t seed);
/* jax.random.split(key, num) into out[num] (out may be NULL when num == 0).  With
 * partitionable 0, 2 * num must be below 2^32.  Errors: REPRO_ERR_NULL,
 * REPRO_ERR_COMPAT.  Contract: no. */
REPRO_API int repro_jax_split(repro_jax_key_t key, size_t num, int partitionable,
                              repro_jax_key_t *out);
/* jax.random.fold_in(key, data) (the same for both flag values).  Contract: no. */
REPRO_API repro_jax_key_t repro_jax_fold_in(repro_jax_key_t key, uint32_t data);
/* jax.random.bits(key, (n,), uint32 / uint64) into out[n] (uint64 needs
 * jax_enable_x64 in JAX; out may be NULL when n == 0).  With partitionable 0, n (uint32) or 2n (uint64) words must
 * be below 2^32 - 1 (JAX's multi-block path beyond that is not implemented).
 * Errors: REPRO_ERR_NULL, REPRO_ERR_COMPAT.  Contract: no. */
REPRO_API int repro_jax_random_bits32(repro_jax_key_t key, size_t n, int partitionable,
                                      uint32_t *out);
REPRO_API int repro_jax_random_bits64(repro_jax_key_t key, size_t n, int partitionable,
                                      uint64_t *out);
/* jax.random.uniform(key, (n,), float32 / float64) in [0,1) (float64 needs
 * jax_enable_x64): the top 23 / 52 bits of bits32 / bits64 as the mantissa of a
 * number in [1,2), minus 1.  Errors and limits as for the bits functions.
 * Contract: no. */
REPRO_API int repro_jax_uniform_f32(repro_jax_key_t key, size_t n, int partitionable,
                                    float *out);
REPRO_API int repro_jax_uniform_f64(repro_jax_key_t key, size_t n, int partitionable,
                                    double *out);

#ifdef __cplusplus
}
#endif

#endif /* REPRO_RNG_H */
