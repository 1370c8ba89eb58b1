/* Contract §4: saved state "rr1:<algorithm>:<seed hex>:<position>".
 * Loading parses left to right and reports the first field that is wrong, with the
 * byte offset where it goes wrong; the target stream is written only on success. */
#include "core/algorithm.h"
#include "seed/parse.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define STATE_TAG "rr1:"

int repro_stream_save(const repro_stream *s, char *buf, size_t cap)
{
    if (!s || (!buf && cap > 0))
        return REPRO_ERR_NULL;
    const char *name = repro_algorithm_name((repro_algorithm)s->algorithm_);
    if (!name)
        return REPRO_ERR_ALGORITHM;
    char hex[65];
    repro_seed_to_hex(repro_stream_seed(s), hex);
    char text[REPRO_STATE_MAX];
    int len = snprintf(text, sizeof text, STATE_TAG "%s:%s:%" PRIu64, name, hex,
                       repro_stream_tell(s));
    if (len < 0 || (size_t)len >= cap) {
        if (cap > 0)
            buf[0] = '\0';
        return REPRO_ERR_BUFFER;
    }
    memcpy(buf, text, (size_t)len + 1);
    return len;
}

/* Stores the offset (when wanted) and passes the code through. */
static int fail(size_t *err_offset, size_t at, int code)
{
    if (err_offset)
        *err_offset = at;
    return code;
}

int repro_stream_load_ex(repro_stream *s, const char *text, size_t *err_offset)
{
    if (!s || !text)
        return fail(err_offset, 0, REPRO_ERR_NULL);
    if (text[0] == '\0')
        return fail(err_offset, 0, REPRO_ERR_STATE_EMPTY);
    if (strncmp(text, STATE_TAG, sizeof STATE_TAG - 1) != 0)
        return fail(err_offset, 0, REPRO_ERR_STATE_VERSION);

    /* algorithm: the bytes up to the next ':' (or the end) name one exactly */
    const size_t alg_at = sizeof STATE_TAG - 1;
    const size_t alg_len = strcspn(text + alg_at, ":");
    repro_algorithm alg = (repro_algorithm)0;
    for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
        const char *name = repro_algorithm_name((repro_algorithm)a);
        if (strlen(name) == alg_len && memcmp(name, text + alg_at, alg_len) == 0)
            alg = (repro_algorithm)a;
    }
    if (!repro_algorithm_valid((uint32_t)alg))
        return fail(err_offset, alg_at, REPRO_ERR_STATE_ALGORITHM);
    if (text[alg_at + alg_len] != ':')
        return fail(err_offset, alg_at + alg_len, REPRO_ERR_STATE_FIELD);

    /* seed: exactly 64 hex digits (either case) up to the next ':' */
    const size_t hex_at = alg_at + alg_len + 1;
    const size_t hex_len = strcspn(text + hex_at, ":");
    const size_t hex_good = strspn(text + hex_at, "0123456789abcdefABCDEF");
    if (hex_good < hex_len)
        return fail(err_offset, hex_at + hex_good, REPRO_ERR_STATE_HEX_DIGIT);
    if (hex_len != 64)
        return fail(err_offset, hex_at, REPRO_ERR_STATE_HEX_LENGTH);
    if (text[hex_at + hex_len] != ':')
        return fail(err_offset, hex_at + hex_len, REPRO_ERR_STATE_FIELD);
    char hex[65];
    memcpy(hex, text + hex_at, 64);
    hex[64] = '\0';
    repro_seed seed = {{0, 0, 0, 0}};
    repro_seed_from_hex(hex, &seed); /* succeeds: 64 hex digits, checked above */

    /* position: one or more decimal digits (leading zeros allowed) below 2^64, then
     * the end of the text */
    const size_t pos_at = hex_at + hex_len + 1;
    uint64_t pos;
    int overflow;
    const size_t i = pos_at + repro_parse_decimal(text + pos_at, SIZE_MAX, &pos, &overflow);
    if (i == pos_at || overflow)
        return fail(err_offset, pos_at, REPRO_ERR_STATE_POSITION);
    if (text[i] != '\0')
        return fail(err_offset, i, REPRO_ERR_STATE_TRAILING);

    repro_stream_init(s, alg, seed); /* succeeds: alg is valid */
    repro_stream_seek(s, pos);
    return REPRO_OK;
}

int repro_stream_load(repro_stream *s, const char *text)
{
    return repro_stream_load_ex(s, text, NULL);
}
