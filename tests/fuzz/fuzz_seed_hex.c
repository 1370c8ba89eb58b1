/* libFuzzer target: repro_seed_from_hex on any text.  Properties: success only for
 * exactly 64 hex digits, and the canonical form is the input in lower case; an error
 * leaves *out untouched. */
#include "fuzz_common.h"

#include <ctype.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *hex = fuzz_string(data, size);
    const repro_seed mark = {{1, 2, 3, 4}};
    repro_seed out = mark;
    int rc = repro_seed_from_hex(hex, &out);
    if (rc == REPRO_OK) {
        char back[65];
        FUZZ_CHECK(strlen(hex) == 64);
        repro_seed_to_hex(out, back);
        for (size_t i = 0; i < 64; i++)
            FUZZ_CHECK(back[i] == (char)tolower((unsigned char)hex[i]));
    } else {
        FUZZ_CHECK(rc == REPRO_ERR_HEX_LENGTH || rc == REPRO_ERR_HEX_DIGIT);
        FUZZ_CHECK(repro_seed_equal(out, mark));
    }
    free(hex);
    return 0;
}
