/* libFuzzer target: repro_stream_load_ex on any text.  Properties: an error leaves
 * the stream untouched and names an offset inside the text; a success saves back to
 * a text that loads to the same stream. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    repro_stream s, before, again;
    FUZZ_CHECK(repro_stream_init(&s, REPRO_PHILOX4X64, repro_seed_from_u64(size)) == REPRO_OK);
    repro_stream_seek(&s, 12345);
    before = s;
    size_t off = (size_t)-1;
    int rc = repro_stream_load_ex(&s, text, &off);
    if (rc != REPRO_OK) {
        FUZZ_CHECK(rc <= REPRO_ERR_STATE_EMPTY && rc >= REPRO_ERR_STATE_TRAILING);
        FUZZ_CHECK(off <= strlen(text));
        FUZZ_CHECK(memcmp(&s, &before, sizeof s) == 0);
    } else {
        char saved[REPRO_STATE_MAX];
        int len = repro_stream_save(&s, saved, sizeof saved);
        FUZZ_CHECK(len > 0 && (size_t)len == strlen(saved));
        FUZZ_CHECK(repro_stream_load(&again, saved) == REPRO_OK);
        FUZZ_CHECK(repro_stream_algorithm(&again) == repro_stream_algorithm(&s));
        FUZZ_CHECK(repro_stream_tell(&again) == repro_stream_tell(&s));
        FUZZ_CHECK(repro_seed_equal(repro_stream_seed(&again), repro_stream_seed(&s)));
        FUZZ_CHECK(repro_next_u64(&again) == repro_next_u64(&s));
    }
    free(text);
    return 0;
}
