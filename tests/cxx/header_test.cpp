// The public header used from C++: it must compile warning-free as C++ (extern "C",
// no C-only constructs) with g++ and clang++, and the C symbols must link unmangled.
// Expected values are contract rr1's worked examples (docs/CONTRACT.md section 5).
#include "repro_rng.h"

#include <cstdio>
#include <cstring>

static int failures = 0;

static void expect(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

int main()
{
    char hex[65];
    repro_seed seed42 = repro_seed_from_u64(42);
    repro_seed_to_hex(seed42, hex);
    expect(std::strcmp(hex, "bdb95317e606846fda8774065644afab"
                            "5e181a00e1a00e092d0c83aec88fcd02") == 0,
           "seed from integer 42");

    repro_seed path{};
    expect(repro_seed_path(seed42, "train/#3/dropout", &path) == REPRO_OK, "path rc");
    repro_seed_to_hex(path, hex);
    expect(std::strcmp(hex, "6b4c7fd61114c75c3174ffd7372686ea"
                            "b748934e5af71edeca6a5300d73e60f5") == 0,
           "path train/#3/dropout");

    repro_stream s;
    expect(repro_stream_init(&s, REPRO_PHILOX4X32, seed42) == REPRO_OK, "init rc");
    const uint32_t want[4] = {0x28b3ffbaU, 0xc8b61e27U, 0xa26e04a6U, 0x3aaaf4edU};
    uint32_t got[4];
    expect(repro_fill_u32(&s, got, 4) == REPRO_OK, "fill rc");
    expect(std::memcmp(got, want, sizeof want) == 0, "philox4x32-10 words 0-3");

    expect(repro_stream_init(&s, REPRO_PHILOX4X32, seed42) == REPRO_OK, "init rc");
    double d = repro_next_double(&s), want_d = 0.7840288968661325;
    expect(std::memcmp(&d, &want_d, sizeof d) == 0, "philox4x32-10 first double");

    // The enum converts from C++ the way C code uses it.
    repro_algorithm a = REPRO_THREEFRY4X64;
    expect(std::strcmp(repro_algorithm_name(a), "threefry4x64-20") == 0, "name");
    expect(repro_stream_init(&s, a, seed42) == REPRO_OK, "init rc");
    const uint32_t want_tf[4] = {0x428ff763U, 0xd58cddffU, 0x658f972dU, 0x70e50230U};
    for (unsigned i = 0; i < 4; i++)
        expect(repro_next_u32(&s) == want_tf[i], "threefry4x64-20 word");

    expect(std::strcmp(repro_strerror(REPRO_ERR_NULL), "") != 0, "strerror");
    std::printf("C++ header test (%s): %s\n", __VERSION__, failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}
