/* Contract §2: seeds, children by index and by name, paths and the hex form.
 * Every derivation is TF = threefry4x64-20 keyed by the parent, with a domain tag
 * in the last counter word so that no two kinds of derivation share an input. */
#include "repro_rng.h"
#include "seed/parse.h"
#include "core/threefry.h"

#include <string.h>

#define TAG(n) (UINT64_C(0x5252563100000000) + (n))

static repro_seed tf(const uint64_t key[4], const uint64_t ctr[4])
{
    repro_seed out;
    repro_threefry4x64_block(ctr, key, 20, out.w);
    return out;
}

static uint64_t le64(const unsigned char *b)
{
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--)
        x = x << 8 | b[i];
    return x;
}

/* absorb(h, tb, tf, m) of §2: a Davies-Meyer chain over 16-byte blocks, then the
 * length block (the length as a 128-bit number, of which size_t fills the low word). */
static repro_seed absorb(repro_seed h, uint64_t tag_block, uint64_t tag_final,
                         const unsigned char *m, size_t len)
{
    for (size_t j = 0; j * 16 < len; j++) {
        unsigned char b[16] = {0};
        size_t take = len - j * 16 < 16 ? len - j * 16 : 16;
        memcpy(b, m + j * 16, take);
        const uint64_t p[4] = {le64(b), le64(b + 8), (uint64_t)j, tag_block};
        h = tf(h.w, p);
        for (int i = 0; i < 4; i++)
            h.w[i] ^= p[i];
    }
    const uint64_t p[4] = {(uint64_t)len, 0, 0, tag_final};
    h = tf(h.w, p);
    for (int i = 0; i < 4; i++)
        h.w[i] ^= p[i];
    return h;
}

static const repro_seed zero_seed = {{0, 0, 0, 0}};

repro_seed repro_seed_from_u64(uint64_t s)
{
    const uint64_t p[4] = {s, 0, 0, TAG(1)};
    return tf(zero_seed.w, p);
}

repro_seed repro_seed_from_bytes(const void *bytes, size_t len)
{
    return absorb(zero_seed, TAG(2), TAG(3), bytes ? bytes : "", bytes ? len : 0);
}

int repro_seed_from_bytes_ex(const void *bytes, size_t len, repro_seed *out)
{
    if (!out || (!bytes && len))
        return REPRO_ERR_NULL;
    *out = repro_seed_from_bytes(bytes, len);
    return REPRO_OK;
}

repro_seed repro_seed_from_string(const char *s)
{
    return repro_seed_from_bytes(s, s ? strlen(s) : 0);
}

repro_seed repro_seed_child(repro_seed parent, uint64_t index)
{
    const uint64_t p[4] = {index, 0, 0, TAG(4)};
    return tf(parent.w, p);
}

repro_seed repro_seed_named(repro_seed parent, const void *name, size_t len)
{
    return absorb(parent, TAG(5), TAG(6), name ? name : "", name ? len : 0);
}

/* Parses "#digits" (seg points past '#', len bytes) as a u64 index: a byte that is
 * not a digit is a syntax error before a too large number is a range error. */
static int parse_index(const char *seg, size_t len, uint64_t *out)
{
    int overflow;
    if (len == 0 || repro_parse_decimal(seg, len, out, &overflow) != len)
        return REPRO_ERR_PATH_INDEX_SYNTAX;
    return overflow ? REPRO_ERR_PATH_INDEX_RANGE : REPRO_OK;
}

int repro_seed_path_ex(repro_seed root, const char *path, repro_seed *out, size_t *err_offset)
{
    if (!path || !out)
        return REPRO_ERR_NULL;
    repro_seed s = root;
    size_t start = 0, total = strlen(path);
    /* The empty path is the root; otherwise every segment, '/'-separated, is named. */
    while (total > 0 && start <= total) {
        const char *seg = path + start;
        const char *slash = memchr(seg, '/', total - start);
        size_t len = slash ? (size_t)(slash - seg) : total - start;
        int rc = REPRO_OK;
        if (len == 0) {
            rc = REPRO_ERR_PATH_EMPTY_SEGMENT;
        } else if (seg[0] == '#') {
            uint64_t index;
            rc = parse_index(seg + 1, len - 1, &index);
            if (rc == REPRO_OK)
                s = repro_seed_child(s, index);
        } else {
            s = repro_seed_named(s, seg, len);
        }
        if (rc != REPRO_OK) {
            if (err_offset)
                *err_offset = start;
            return rc;
        }
        start += len + 1;
    }
    *out = s;
    return REPRO_OK;
}

int repro_seed_path(repro_seed root, const char *path, repro_seed *out)
{
    return repro_seed_path_ex(root, path, out, NULL);
}

void repro_seed_to_hex(repro_seed s, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    if (!out)
        return;
    for (int i = 0; i < 4; i++)
        for (int d = 0; d < 16; d++)
            out[16 * i + d] = digits[(s.w[i] >> (60 - 4 * d)) & 15];
    out[64] = '\0';
}

int repro_seed_from_hex(const char *hex, repro_seed *out)
{
    if (!hex || !out)
        return REPRO_ERR_NULL;
    repro_seed s = zero_seed;
    size_t i;
    /* A bad digit within the first 64 bytes is reported as such, a short or long
     * string as a length error. */
    for (i = 0; i < 64 && hex[i]; i++) {
        int v = repro_hex_digit(hex[i]);
        if (v < 0)
            return REPRO_ERR_HEX_DIGIT;
        s.w[i / 16] = s.w[i / 16] << 4 | (uint64_t)v;
    }
    if (i < 64 || hex[64] != '\0')
        return REPRO_ERR_HEX_LENGTH;
    *out = s;
    return REPRO_OK;
}

int repro_seed_equal(repro_seed a, repro_seed b)
{
    return a.w[0] == b.w[0] && a.w[1] == b.w[1] && a.w[2] == b.w[2] && a.w[3] == b.w[3];
}
