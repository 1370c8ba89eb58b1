/* The unit runs of src/dist/units.h. */
#include "dist/units.h"

#include <string.h>

void repro_units_begin(repro_units *u, repro_stream *s, uint64_t values, size_t stride)
{
    u->s = s;
    u->start = u->pos = repro_stream_tell(s);
    u->expect = values * stride;
    /* A rejected attempt shifts the law's pattern by 2 units (a normal and a double):
     * with an even stride its normals stay in half the classes, with an odd one they
     * soon reach all, which one run over the whole chunk converts cheapest. */
    u->stride = stride % 2 ? 1 : stride;
    u->direct = u->expect < REPRO_UNITS_DIRECT;
    u->n = u->at = 0;
}

/* A chunk covers what the caller still expects, plus a little for rejections, so
 * that a short fill computes few units past its last; it ends on a boundary of
 * REPRO_UNITS_ALIGN units, so that the next one starts on a block boundary of every
 * algorithm (a partial block goes through the scalar reference: slower). */
#define REPRO_UNITS_ALIGN 4
void repro_units_refill(repro_units *u)
{
    u->pos += 2 * (uint64_t)u->n;
    uint64_t done = (u->pos - u->start) / 2;
    uint64_t left = u->expect > done ? u->expect - done : 0;
    uint64_t want = left + left / 16 + 4;
    size_t k = want < REPRO_UNITS_MAX ? (size_t)want : REPRO_UNITS_MAX;
    size_t past = (size_t)((u->pos / 2 + k) % REPRO_UNITS_ALIGN);
    if (k > past)
        k -= past;
    repro_fill_u64_at(u->s, u->pos, u->raw, k);
    memset(u->have, 0, k);
    u->n = k;
    u->at = 0;
}

/* The stream words of the u64 draw x at dst, low half first: what the conversions take
 * (the same bytes as x on little-endian hosts, not on big-endian ones). */
static void put_words(void *dst, uint64_t x)
{
    const uint32_t w[2] = {(uint32_t)x, (uint32_t)(x >> 32)};
    memcpy(dst, w, sizeof w);
}

/* Gathered, converted in one call, scattered back (stride 1: in place).  A chunk
 * needs at most `stride` runs: one per class of units modulo stride that its normals
 * fall in.  Runs are padded to whole vector groups of every ISA (copies of their
 * last unit, converted and dropped), so that none goes through the scalar function. */
void repro_units_convert(repro_units *u, size_t i)
{
    uint64_t t[REPRO_UNITS_MAX + REPRO_UNITS_GROUP];
    void *run = t;
    size_t m = 0, len;
    if (u->stride == 1) {
        len = u->n - i;
        for (m = 0; m < len || m % REPRO_UNITS_GROUP; m++)
            put_words(u->normal + i + m, u->raw[m < len ? i + m : u->n - 1]);
        run = u->normal + i;
    } else {
        for (size_t j = i; j < u->n; j += u->stride)
            put_words(&t[m++], u->raw[j]);
        for (len = m; m % REPRO_UNITS_GROUP; m++)
            t[m] = t[len - 1];
    }
    repro_isa_active()->from_u64[REPRO_CONV_NORMAL](run, m);
    if (u->stride == 1) {
        memset(u->have + i, 1, len);
        return;
    }
    m = 0;
    for (size_t j = i; j < u->n; j += u->stride) {
        memcpy(&u->normal[j], &t[m++], sizeof u->normal[j]);
        u->have[j] = 1;
    }
}
