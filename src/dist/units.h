/* The draws of the gamma family (gamma, beta, chisquare, standard_t, f, the noncentral
 * laws, negative_binomial, dirichlet) as a run of units: the stream's u64 draws (two
 * words each) from its position on, generated a chunk at a time by the ISA's kernel,
 * with the normals the law asks for converted by the ISA's vector math a run at a
 * time: asked for unit i's, a run converts units i, i + stride, i + 2 stride, ... of
 * the chunk, where stride is the units the law draws per value on its usual path
 * (every attempt accepted), so that its next values find theirs converted; a
 * rejection that shifts the pattern starts another run.  Every draw of these laws is
 * a normal, a [0,1) or a (0,1] double of one u64, or the u64 itself (the Poisson
 * draws of the mixtures), so the law reads exactly the values its single draws would,
 * one unit after the other, whatever path a value takes.  The
 * unused rest of the last chunk is never consumed: the stream ends where the single
 * draws would leave it.  A call that expects few units makes the single draws instead
 * (a chunk's setup would cost it more than it saves). */
#ifndef REPRO_DIST_UNITS_H
#define REPRO_DIST_UNITS_H

#include "kernels/table.h"
#include "kernels/convert.h"

/* Units per chunk: its words and normals stay in L1. */
#define REPRO_UNITS_MAX 512
/* Below this many units expected, the single draws. */
#define REPRO_UNITS_DIRECT 32
/* Normals converted per vector group, for every ISA (a run is padded to a multiple). */
#define REPRO_UNITS_GROUP 16

typedef struct repro_units {
    repro_stream *s;
    uint64_t start;  /* the stream's position at begin */
    uint64_t pos;    /* word position of raw[0] */
    uint64_t expect; /* units the caller expects to draw in all (sizes the chunks) */
    size_t n, at;    /* units in the chunk, the next one */
    size_t stride;   /* of the normal runs */
    int direct;      /* single draws from s */
    uint64_t raw[REPRO_UNITS_MAX];
    double normal[REPRO_UNITS_MAX + REPRO_UNITS_GROUP]; /* + a run's padding */
    unsigned char have[REPRO_UNITS_MAX]; /* normal[i] converted */
} repro_units;

/* Starts at s's position (s initialised), for `values` values of `stride` units each
 * on the usual path (stride >= 1). */
void repro_units_begin(repro_units *u, repro_stream *s, uint64_t values, size_t stride);
/* The next chunk, from where this one ends. */
void repro_units_refill(repro_units *u);
/* The normals of units i, i + stride, ... of the chunk. */
void repro_units_convert(repro_units *u, size_t i);

/* The stream's position after the units drawn so far. */
static inline uint64_t repro_units_tell(const repro_units *u)
{
    return u->direct ? repro_stream_tell(u->s) : u->pos + 2 * (uint64_t)u->at;
}

/* The index of the next unit, drawn. */
static inline size_t repro_units_take(repro_units *u)
{
    if (u->at == u->n)
        repro_units_refill(u);
    return u->at++;
}

static inline double repro_units_normal(repro_units *u)
{
    if (u->direct)
        return repro_next_normal(u->s);
    size_t i = repro_units_take(u);
    if (!u->have[i])
        repro_units_convert(u, i);
    return u->normal[i];
}

/* The u64 draw, as repro_next_u64. */
static inline uint64_t repro_units_u64(repro_units *u)
{
    if (u->direct)
        return repro_next_u64(u->s);
    return u->raw[repro_units_take(u)];
}

/* [0,1) and (0,1], as repro_next_double and repro_next_double_oc. */
static inline double repro_units_double(repro_units *u)
{
    if (u->direct)
        return repro_next_double(u->s);
    return repro_u64_to_double(u->raw[repro_units_take(u)]);
}

static inline double repro_units_double_oc(repro_units *u)
{
    if (u->direct)
        return repro_next_double_oc(u->s);
    return repro_u64_to_double_oc(u->raw[repro_units_take(u)]);
}

/* Leaves the stream after the units drawn. */
static inline void repro_units_end(repro_units *u)
{
    if (!u->direct)
        repro_stream_seek(u->s, repro_units_tell(u));
}

#endif
