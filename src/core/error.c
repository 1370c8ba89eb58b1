/* Error names and messages: one table, so a code can never lack a message. */
#include "repro_rng.h"

#include <stddef.h>

static const struct {
    int code;
    const char *name;
    const char *message;
} errors[] = {
#define E(code, msg) {code, #code, msg}
    E(REPRO_OK, "success"),
    E(REPRO_ERR_NULL, "a required pointer argument is NULL"),
    E(REPRO_ERR_ALGORITHM, "unknown algorithm"),
    E(REPRO_ERR_ROUNDS, "round count out of range (Philox 1..16, Threefry 1..72)"),
    E(REPRO_ERR_ARG, "argument out of its documented range"),
    E(REPRO_ERR_BUFFER, "output buffer too small"),
    E(REPRO_ERR_ISA_UNKNOWN, "unknown ISA name (not \"best\" or one of repro_isa_name_at)"),
    E(REPRO_ERR_ISA_UNSUPPORTED, "this CPU or build does not support the requested ISA"),
    E(REPRO_ERR_PATH_EMPTY_SEGMENT, "seed path has an empty segment (a//b, or a leading or trailing '/')"),
    E(REPRO_ERR_PATH_INDEX_SYNTAX, "seed path index segment '#N' is not all decimal digits"),
    E(REPRO_ERR_PATH_INDEX_RANGE, "seed path index segment '#N' is 2^64 or more"),
    E(REPRO_ERR_HEX_LENGTH, "seed hex is not exactly 64 hex digits"),
    E(REPRO_ERR_HEX_DIGIT, "seed hex contains a character that is not a hex digit"),
    E(REPRO_ERR_STATE_EMPTY, "saved state is empty"),
    E(REPRO_ERR_STATE_VERSION, "saved state does not start with the version tag 'rr1:'"),
    E(REPRO_ERR_STATE_FIELD, "saved state lacks a field (rr1:<algorithm>:<seed hex>:<position>)"),
    E(REPRO_ERR_STATE_ALGORITHM, "saved state names an unknown algorithm"),
    E(REPRO_ERR_STATE_HEX_LENGTH, "saved state seed is not exactly 64 hex digits"),
    E(REPRO_ERR_STATE_HEX_DIGIT, "saved state seed contains a character that is not a hex digit"),
    E(REPRO_ERR_STATE_POSITION, "saved state position is not a decimal number below 2^64"),
    E(REPRO_ERR_STATE_TRAILING, "saved state has bytes after the position"),
    E(REPRO_ERR_PARAM, "distribution parameter out of range, infinite or NaN"),
    E(REPRO_ERR_COMPAT, "compatibility-mode argument out of range"),
#undef E
};

static size_t find(int err)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].code == err)
            return i;
    return (size_t)-1;
}

const char *repro_strerror(int err)
{
    size_t i = find(err);
    return i == (size_t)-1 ? "unknown error code" : errors[i].message;
}

const char *repro_error_name(int err)
{
    size_t i = find(err);
    return i == (size_t)-1 ? NULL : errors[i].name;
}
