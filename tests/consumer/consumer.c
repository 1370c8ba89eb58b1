/* A program that uses an installed (or add_subdirectory'd) librepro_rng the way a
 * user's project does, built by tests/check_install.sh through pkg-config and by
 * tests/consumer/CMakeLists.txt through find_package and add_subdirectory.  It checks
 * the contract's worked examples (docs/CONTRACT.md section 5) and exits non-zero,
 * naming the first one that differs. */
#include <stdio.h>
#include <string.h>

#include <repro_rng.h>

static int failures;

static void expect(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "consumer: %s differs from the contract\n", what);
        failures++;
    }
}

static void expect_hex(repro_seed s, const char *want, const char *what)
{
    char hex[65];
    repro_seed_to_hex(s, hex);
    expect(strcmp(hex, want) == 0, what);
}

int main(void)
{
    repro_seed seed42 = repro_seed_from_u64(42), path;
    expect_hex(repro_seed_from_u64(0),
               "308789a59df1228a15686cd840606fff2ae30f072c7fcd653a47c1c8e5b08d2e", "seed 0");
    expect_hex(seed42, "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02",
               "seed 42");
    expect_hex(repro_seed_from_string("repro"),
               "3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d",
               "seed from \"repro\"");
    expect_hex(repro_seed_child(seed42, 0),
               "5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e", "child 0");
    expect(repro_seed_path(seed42, "train/#3/dropout", &path) == REPRO_OK, "path rc");
    expect_hex(path, "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5",
               "path train/#3/dropout");

    repro_stream s;
    const uint32_t philox[4] = {0x28b3ffbaU, 0xc8b61e27U, 0xa26e04a6U, 0x3aaaf4edU};
    const uint32_t threefry[4] = {0x428ff763U, 0xd58cddffU, 0x658f972dU, 0x70e50230U};
    uint32_t w[4];
    expect(repro_stream_init(&s, REPRO_PHILOX4X32, seed42) == REPRO_OK, "init rc");
    expect(repro_fill_u32(&s, w, 4) == REPRO_OK && !memcmp(w, philox, sizeof w),
           "philox4x32-10 words 0-3");
    expect(repro_stream_init(&s, REPRO_THREEFRY4X64, seed42) == REPRO_OK, "init rc");
    expect(repro_fill_u32(&s, w, 4) == REPRO_OK && !memcmp(w, threefry, sizeof w),
           "threefry4x64-20 words 0-3");
    repro_stream_init(&s, REPRO_PHILOX4X32, seed42);
    expect(repro_next_u64(&s) == 0xc8b61e2728b3ffbaULL, "philox4x32-10 first u64");
    repro_stream_seek(&s, 0);
    double d = repro_next_double(&s), want = 0.7840288968661325;
    expect(!memcmp(&d, &want, sizeof d), "philox4x32-10 first double");

    if (failures)
        return 1;
    printf("consumer: contract worked examples ok (librepro_rng %s)\n", repro_version());
    return 0;
}
