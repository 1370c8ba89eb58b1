// The C++ interface (repro_rng.hpp) as a user's project gets it from an install or
// from add_subdirectory: the contract's worked examples (docs/CONTRACT.md section 5)
// and the standard's required value of std::philox4x32 through repro::philox4x32.
#include <repro_rng.hpp>

#include <cstdio>
#include <cstring>

int main()
{
    int failures = 0;
    const repro::seed seed42(42);
    failures += seed42.path("train/#3/dropout").hex() !=
                "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5";
    repro::stream s(seed42);
    std::uint32_t words[4];
    s.fill_u32(words);
    const std::uint32_t want[4] = {0x28b3ffbaU, 0xc8b61e27U, 0xa26e04a6U, 0x3aaaf4edU};
    failures += std::memcmp(words, want, sizeof want) != 0;
    s.seek(0);
    const double d = s.next_double(), want_d = 0.7840288968661325;
    failures += std::memcmp(&d, &want_d, sizeof d) != 0;
    try {
        seed42.path("train//x");
        failures++;
    } catch (const repro::error &e) {
        failures += e.code() != REPRO_ERR_PATH_EMPTY_SEGMENT || e.offset() != 6;
    }
    repro::philox4x32 e;
    e.discard(9999);
    failures += e() != 1955073260u;
    if (failures) {
        std::fprintf(stderr, "consumer (C++): %d worked examples differ\n", failures);
        return 1;
    }
    std::printf("consumer (C++): contract worked examples ok (librepro_rng %s)\n",
                repro::version().c_str());
    return 0;
}
