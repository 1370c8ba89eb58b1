/* libFuzzer target: repro_seed_path_ex on any text.  Properties: an error names the
 * start of a segment (offset 0 or just after a '/') and leaves *out untouched; a
 * success equals deriving the first segment, then the rest of the path. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *path = fuzz_string(data, size);
    const repro_seed root = repro_seed_from_u64(42), mark = {{1, 2, 3, 4}};
    repro_seed out = mark;
    size_t off = (size_t)-1;
    int rc = repro_seed_path_ex(root, path, &out, &off);
    if (rc != REPRO_OK) {
        FUZZ_CHECK(rc == REPRO_ERR_PATH_EMPTY_SEGMENT || rc == REPRO_ERR_PATH_INDEX_SYNTAX ||
                   rc == REPRO_ERR_PATH_INDEX_RANGE);
        FUZZ_CHECK(off <= strlen(path) && (off == 0 || path[off - 1] == '/'));
        FUZZ_CHECK(repro_seed_equal(out, mark));
    } else {
        char *slash = strchr(path, '/');
        if (slash) {
            repro_seed first, rest;
            *slash = '\0';
            FUZZ_CHECK(repro_seed_path(root, path, &first) == REPRO_OK);
            FUZZ_CHECK(repro_seed_path(first, slash + 1, &rest) == REPRO_OK);
            FUZZ_CHECK(repro_seed_equal(rest, out));
        }
    }
    free(path);
    return 0;
}
