/* Reading the text vector files of tests/vectors/ (one record per line, fields
 * separated by spaces, '#' starts a comment line).  Values are parsed here, never by
 * the library under test. */
#ifndef REPRO_VECFILE_H
#define REPRO_VECFILE_H

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VEC_LINE_MAX 16384
#define VEC_FIELDS_MAX 512

typedef struct {
    FILE *f;
    const char *path;
    unsigned lineno;
    char line[VEC_LINE_MAX];
    char *field[VEC_FIELDS_MAX];
    size_t nfields;
} vec_reader;

static inline void vec_open(vec_reader *r, const char *path)
{
    r->f = fopen(path, "r");
    r->path = path;
    r->lineno = 0;
    if (!r->f)
        fail_msg("cannot open %s (tests run from the repository root)", path);
}

/* Reads the next record into r->field; returns 0 at the end of the file. */
static inline int vec_next(vec_reader *r)
{
    while (fgets(r->line, sizeof r->line, r->f)) {
        r->lineno++;
        size_t len = strlen(r->line);
        if (len == sizeof r->line - 1 && r->line[len - 1] != '\n')
            fail_msg("%s:%u: line longer than %d bytes", r->path, r->lineno, VEC_LINE_MAX);
        r->nfields = 0;
        for (char *p = strtok(r->line, " \n"); p; p = strtok(NULL, " \n")) {
            if (r->nfields == VEC_FIELDS_MAX)
                fail_msg("%s:%u: more than %d fields", r->path, r->lineno, VEC_FIELDS_MAX);
            r->field[r->nfields++] = p;
        }
        if (r->nfields > 0 && r->field[0][0] != '#')
            return 1;
    }
    fclose(r->f);
    r->f = NULL;
    return 0;
}

/* A field that must be a number in the given base (whole field, no sign). */
static inline uint64_t vec_num(const vec_reader *r, size_t i, int base)
{
    if (i >= r->nfields)
        fail_msg("%s:%u: missing field %zu", r->path, r->lineno, i);
    const char *s = r->field[i];
    char *end;
    unsigned long long v = strtoull(s, &end, base);
    if (*s == '\0' || *s == '-' || *s == '+' || *end != '\0')
        fail_msg("%s:%u: bad number '%s'", r->path, r->lineno, s);
    return (uint64_t)v;
}

/* 64 hex digits -> seed, parsed independently of repro_seed_from_hex. */
static inline repro_seed vec_seed(const vec_reader *r, size_t i)
{
    repro_seed s;
    if (i >= r->nfields || strlen(r->field[i]) != 64)
        fail_msg("%s:%u: field %zu is not a 64-digit seed", r->path, r->lineno, i);
    for (int k = 0; k < 4; k++) {
        char part[17];
        memcpy(part, r->field[i] + 16 * k, 16);
        part[16] = '\0';
        char *end;
        s.w[k] = (uint64_t)strtoull(part, &end, 16);
        if (*end != '\0')
            fail_msg("%s:%u: bad seed hex", r->path, r->lineno);
    }
    return s;
}

/* Hex bytes ('-' for none) -> buf (NUL-terminated too); returns the length. */
static inline size_t vec_bytes(const vec_reader *r, size_t i, char *buf, size_t cap)
{
    const char *h = r->field[i];
    if (!strcmp(h, "-")) {
        buf[0] = '\0';
        return 0;
    }
    size_t n = strlen(h) / 2;
    if (strlen(h) % 2 || n + 1 > cap)
        fail_msg("%s:%u: bad byte string", r->path, r->lineno);
    for (size_t k = 0; k < n; k++) {
        char two[3] = {h[2 * k], h[2 * k + 1], '\0'};
        char *end;
        buf[k] = (char)strtoul(two, &end, 16);
        if (*end != '\0')
            fail_msg("%s:%u: bad byte string", r->path, r->lineno);
    }
    buf[n] = '\0';
    return n;
}

static inline void assert_seed_equal(repro_seed got, repro_seed want)
{
    for (int k = 0; k < 4; k++)
        assert_int_equal(got.w[k], want.w[k]);
}

#endif
