/* The golden-vector files (tests/kat/kat_vectors.txt, tests/vectors/): the one
 * reader and the one check of every record kind, used by `repro-rng selftest`, the
 * cmocka tests, tests/cross/check_vectors.c (under qemu, without cmocka) and the
 * writers in tools/.  Not part of the library: built on the public header alone,
 * linked into those programs and never into librepro_rng, so none of it is exported.
 * Expected values are parsed here (strtoull, strtod), never by the library under
 * test; floating-point values are compared by their bits.
 *
 * A file is one record per line, fields separated by spaces or tabs; blank lines and
 * lines starting with '#' are comments.  A record's kind follows from its fields
 * alone (vec_kind), so any file may hold any kinds. */
#ifndef REPRO_VECTORS_H
#define REPRO_VECTORS_H

#include "repro_rng.h"
#include "bits.h"

#include <stddef.h>
#include <stdint.h>

/* ---- record kinds ------------------------------------------------------------------ */
typedef enum {
    VEC_KAT,           /* <block> <rounds> <counter...> <key...> <output...>, hex */
    VEC_SEED,          /* u64 <s> <seed> | bytes <m> <seed> | child <parent> <i> <seed>
                        * | named <parent> <m> <seed> */
    VEC_PATH,          /* path <root> <path> ok <seed> | path <root> <path> <ERROR> <offset> */
    VEC_HEX,           /* hex <text> ok <seed> | hex <text> <ERROR> */
    VEC_WORDS,         /* <algorithm> <seed> <position> <n> <word>... */
    VEC_DRAWS,         /* <algorithm> <seed> <position> <draw> <end position> <value>... */
    VEC_PERM,          /* perm <seed> <n> <i> <x> */
    VEC_SHUFFLE,       /* shuffle <algorithm> <seed> <count> <end position> <v>... */
    VEC_NUMPY_SEEDSEQ, /* tools/gen_numpy_vectors.py: <spec> <u32 list> <u64 list> */
    VEC_NUMPY_PHILOX,  /* S <spec> | K <key> <counter>, then draws, N | A | J, draws */
    VEC_JAX,           /* threefry | key | fold_in | split | bits32 | bits64 | ... */
    VEC_UNKNOWN,       /* a record none of the above reads: always a failure */
    VEC_NKINDS
} vec_kind;

/* "Random123 block KAT", "seed derivation", ...: one label per kind. */
const char *vec_kind_label(vec_kind k);

/* One record as checked: where it is, its fields, and the outcome. */
typedef struct {
    const char *file;   /* the name the text was given */
    unsigned line;      /* 1-based */
    char *const *field; /* the record's fields (valid during the callback only) */
    size_t nfields;
    vec_kind kind;
    int ok;
    uint64_t values; /* values compared */
    char msg[200];   /* the first difference, when not ok */
} vec_record;

typedef struct {
    uint64_t records, failed, values;
} vec_count;

/* Records, failures and values compared per kind, added up over calls. */
typedef struct {
    vec_count kind[VEC_NKINDS];
} vec_tally;

uint64_t vec_tally_records(const vec_tally *t);
uint64_t vec_tally_failed(const vec_tally *t);

/* Called after each record (ctx as given). */
typedef void (*vec_each_fn)(void *ctx, const vec_record *r);

/* Checks every record of text (size bytes, named name in messages) at the library's
 * active ISA, adds the outcomes to *t and calls each (if not NULL) after every record.
 * Returns 0, or -1 when out of memory (then the rest of the text counts as one failed
 * unknown record). */
int vec_check_text(const char *name, const char *text, size_t size, vec_tally *t,
                   vec_each_fn each, void *ctx);
/* The same for the contents of a file; -1 also when it cannot be read (nothing added). */
int vec_check_file(const char *path, vec_tally *t, vec_each_fn each, void *ctx);
/* How many records of a known kind the text holds (nothing is checked). */
uint64_t vec_count_records(const char *text, size_t size);
/* The whole file, NUL-terminated (to free), its length in *size; NULL if unreadable. */
char *vec_read_file(const char *path, size_t *size);

/* ---- fields, parsed independently of the library ------------------------------------- */
/* A whole field as an unsigned number in base 10 or 16 (1 to 16 digits for 16; no sign,
 * no prefix).  0, or -1 when it is not one. */
int vec_parse_u64(const char *s, int base, uint64_t *out);
/* A whole field as a signed decimal number.  0 or -1. */
int vec_parse_i64(const char *s, int64_t *out);
/* 64 lowercase hex digits.  0 or -1. */
int vec_parse_seed(const char *s, repro_seed *out);

/* ---- the draws of the files: <draw> is a stream draw or a distribution --------------- */
/* Out of memory: positive, so never one of the library's codes. */
#define VEC_ERR_MEMORY 1
/* "out of memory" or repro_strerror(rc). */
const char *vec_strerror(int rc);

/* Every single draw and fill of contract section 3, one entry each: the fills of
 * REPRO_FILLS (include/repro_rng.h), then the bounded ones, which take a bound:
 * X(name, C type of the value, stream words per value (0: variable, the bounded ones)). */
#define VEC_STREAM_DRAWS(X) REPRO_FILLS(X) X(bounded_u32, uint32_t, 0) X(bounded_u64, uint64_t, 0)

#define VEC_DRAW_ID(name, type, words) VEC_DRAW_##name,
enum { VEC_STREAM_DRAWS(VEC_DRAW_ID) VEC_NDRAWS };
#undef VEC_DRAW_ID

/* A stream draw behind one interface: values as their bit patterns in a uint64_t
 * (floats and doubles by their IEEE bits); bound is used by the bounded draws only.
 * The fills go through a scratch buffer of exactly n values (malloc), so that a
 * sanitizer sees any write past the end; they return the library's code, or
 * VEC_ERR_MEMORY. */
typedef struct {
    const char *name; /* as in the files; a bounded one is followed by ":BOUND" there */
    unsigned words;   /* stream words per value; 0: variable (the bounded draws) */
    uint64_t (*next)(repro_stream *s, uint64_t bound);
    int (*fill)(repro_stream *s, uint64_t *bits, size_t n, uint64_t bound);
    int (*fill_at)(const repro_stream *s, uint64_t pos, uint64_t *bits, size_t n,
                   uint64_t bound);
} vec_stream_draw;

extern const vec_stream_draw vec_stream_draws[VEC_NDRAWS];

/* Parameters of a distribution, by position: the double, unsigned and signed reading
 * of each where it has one. */
#define VEC_MAX_PARAMS 16
typedef struct {
    size_t n;
    double d[VEC_MAX_PARAMS];
    uint64_t u[VEC_MAX_PARAMS];
    int64_t i[VEC_MAX_PARAMS];
} vec_params;

typedef struct vec_law vec_law; /* a distribution of the dist_*.txt files (vectors.c) */

/* A <draw> field parsed: "u32", "bounded_u64:1000", "gamma:0x1p-1:0x1p+1" (a law's
 * name, then its parameters after ':', doubles as C99 hex floats, integers decimal). */
typedef struct {
    const vec_stream_draw *stream; /* a stream draw, or */
    const vec_law *law;            /* a distribution */
    uint64_t bound;
    vec_params par;
} vec_draw;

/* 0, or -1 when text names no draw or its parameters do not parse. */
int vec_parse_draw(const char *text, vec_draw *d);
/* Values per draw in a record of n values: a vector law's components (a
 * choice_without_replacement record is one call: n), else 1.  0: parameters that
 * give no width (multivariate_normal's must be d means and a d x d matrix). */
size_t vec_draw_width(const vec_draw *d, size_t n);
/* Hex digits per value in the files: 2 (Bernoulli's bytes), 8 (u32, float) or 16. */
int vec_draw_digits(const vec_draw *d);
/* n values of d from s by one fill call, as bit patterns (signed integers: their
 * 64-bit two's complement).  n a multiple of the width.  The library's code, or
 * VEC_ERR_MEMORY. */
int vec_draw_fill(repro_stream *s, const vec_draw *d, uint64_t *bits, size_t n);

/* The law names, for the writer and the tests ("gaussian", ...); NULL after the last. */
const char *vec_law_name(size_t i);

#endif
