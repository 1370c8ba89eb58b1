// include/repro_rng.hpp: the C++ interface gives the C API's bits, throws repro::error
// with the code and offset, works with <random>/<algorithm>, and repro::philox4x32 /
// philox4x64 behave as C++26's std::philox_engine (the standard's required values,
// counter and seeding rules, textual state).  Built by check-cxx (mk/cross.mk) with
// g++ and clang++ as C++11, C++17 and C++20, warnings as errors, and under sanitizers.
#include "repro_rng.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>
#if __cplusplus >= 202002L
#include <concepts>
#include <span>
#endif

static int checks = 0, failures = 0;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        checks++;                                                                      \
        if (!(cond)) {                                                                 \
            std::fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond);      \
            failures++;                                                                \
        }                                                                              \
    } while (0)

// Runs f, which must throw repro::error with this code (and offset when >= 0).
template <class F>
static bool throws(F f, int code, long offset = -1)
{
    try {
        f();
    } catch (const repro::error &e) {
        if (e.code() != code) {
            std::fprintf(stderr, "  threw %s (%d), wanted %d\n", e.what(), e.code(), code);
            return false;
        }
        if (offset >= 0 && (!e.has_offset() || e.offset() != static_cast<std::size_t>(offset))) {
            std::fprintf(stderr, "  threw %s, wanted offset %ld\n", e.what(), offset);
            return false;
        }
        // what() names the code, and the error is a std::runtime_error.
        const std::runtime_error &base = e;
        return std::strstr(base.what(), repro_error_name(code)) != nullptr;
    }
    return false;
}

static bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// ---- requirements on the generators -------------------------------------------
template <class G>
static void urbg_requirements()
{
    typedef typename G::result_type R;
    static_assert(std::is_unsigned<R>::value, "result_type unsigned");
    static_assert(G::min() < G::max(), "min() < max() as constant expressions");
    static_assert(std::is_same<decltype(std::declval<G &>()()), R>::value, "g() gives result_type");
#if __cplusplus >= 202002L
    static_assert(std::uniform_random_bit_generator<G>, "std::uniform_random_bit_generator");
#endif
}

// ---- C++26 philox engines --------------------------------------------------------
// Value k (0-based) of a default-constructed engine, straight from the C block
// function: block k / 4 of counter (k / 4, 0, 0, 0) and key (20111115, 0).
static std::uint64_t philox_ref32(std::uint64_t k)
{
    const uint32_t key[2] = {20111115u, 0}, ctr[4] = {static_cast<uint32_t>(k / 4), 0, 0, 0};
    uint32_t out[4];
    repro_philox4x32(ctr, key, 10, out);
    return out[k % 4];
}

template <class E>
static void engine_tests(typename E::result_type value10000)
{
    urbg_requirements<E>();
    static_assert(E::word_count == 4 && E::round_count == 10, "characteristics");
    CHECK(E::default_seed == 20111115u);

    E e;
    for (int k = 1; k < 10000; k++)
        e();
    CHECK(e() == value10000); // the standard's required value

    // discard(z) is z calls, from every index in a block and across many blocks.
    for (unsigned long long z : {0ULL, 1ULL, 2ULL, 3ULL, 4ULL, 5ULL, 7ULL, 8ULL, 9ULL, 1001ULL}) {
        for (int start = 0; start < 4; start++) {
            E a, b;
            for (int k = 0; k < start; k++) {
                a();
                b();
            }
            a.discard(z);
            for (unsigned long long k = 0; k < z; k++)
                b();
            CHECK(a == b);
            CHECK(a() == b());
        }
    }
    E d;
    d.discard(9999);
    CHECK(d() == value10000);

    // seed(), seed(value), equality.
    E s1(7), s2;
    CHECK(s1 != s2);
    s2.seed(7);
    CHECK(s1 == s2);
    s1();
    CHECK(s1 != s2);
    s1.seed();
    CHECK(s1 == E());
    E big(std::numeric_limits<typename E::result_type>::max());
    CHECK(big() != E()());

    // set_counter: c[0] is the most significant word.  Block 2499 of the default
    // engine holds values 9997 to 10000.
    E c;
    c();
    c.set_counter({{0, 0, 0, 2499}});
    c();
    c();
    c();
    CHECK(c() == value10000);
    E wrap;
    wrap.set_counter({{0, 0, 1, 0}}); // X = (0, 1, 0, 0): the carry out of X[0]
    E before;
    before.set_counter({{0, 0, 0, static_cast<typename E::result_type>(E::max())}});
    before.discard(4);
    CHECK(before == wrap);
    CHECK(before() == wrap());

    // Textual state: K, X, i; reading it back continues identically at every index.
    for (int start = 0; start < 6; start++) {
        E a(12345);
        for (int k = 0; k < start; k++)
            a();
        std::stringstream ss;
        ss << std::hex << a; // the engine writes decimal whatever the flags
        CHECK(bool(ss.flags() & std::ios_base::hex));
        E b;
        ss >> b;
        CHECK(!ss.fail());
        CHECK(a == b);
        for (int k = 0; k < 9; k++)
            CHECK(a() == b());
    }
    std::ostringstream os;
    os << E();
    CHECK(os.str() == "20111115 0 0 0 0 0 3");
    E keep(99);
    keep();
    E saved = keep;
    for (const char *bad : {"1 2 3 4 5 6 4", "1 2 3 4 5", "x 2 3 4 5 6 1"}) {
        std::istringstream is(bad);
        is >> keep;
        CHECK(is.fail());
        CHECK(keep == saved);
    }

    // seed(q): K[k] from q.generate(), ceil(w/32) 32-bit values per key word, least
    // significant first.
    std::seed_seq q{1u, 2u, 3u};
    const std::size_t p = (E::word_size + 31) / 32;
    std::vector<std::uint32_t> a(2 * p);
    q.generate(a.begin(), a.end());
    unsigned long long k0 = 0, k1 = 0;
    for (std::size_t j = 0; j < p; j++) {
        k0 |= static_cast<unsigned long long>(a[j]) << (32 * j);
        k1 |= static_cast<unsigned long long>(a[p + j]) << (32 * j);
    }
    E fromq(q);
    std::ostringstream want, got;
    want << k0 << ' ' << k1 << " 0 0 0 0 3";
    got << fromq;
    CHECK(got.str() == want.str());
    E reseeded(5);
    reseeded.seed(q);
    CHECK(reseeded == fromq);
}

static void philox_tests()
{
    engine_tests<repro::philox4x32>(1955073260u);
    engine_tests<repro::philox4x64>(3409172418970261260u);
    // Same bits as the C block function, value by value across 40 blocks.
    repro::philox4x32 e;
    bool same = true;
    for (std::uint64_t k = 0; k < 160; k++)
        same = same && e() == philox_ref32(k);
    CHECK(same);
}

// ---- seeds, streams, permutations ----------------------------------------------
static void seed_tests()
{
    // The contract's worked examples (docs/CONTRACT.md section 5).
    repro::seed s42(42);
    CHECK(s42.hex() == "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02");
    CHECK(repro::seed(std::string("repro")).hex() ==
          "3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d");
    CHECK(s42.child(0).hex() == "5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e");
    CHECK(s42.named("train").hex() ==
          "0e67b11a3fa7e57ff849ca1e6cb024646a74c81457f98b9080c69b9d39d84dc2");
    CHECK(s42.path("train/#3/dropout").hex() ==
          "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5");
    CHECK(s42.path("train/#3/dropout") == s42.named("train").child(3).named("dropout"));
    CHECK(repro::seed::from_hex(s42.hex()) == s42);
    CHECK(repro::seed::from_hex("BDB95317E606846FDA8774065644AFAB5E181A00E1A00E092D0C83AEC88FCD02") == s42);
    CHECK(s42 != repro::seed(43));
    CHECK((s42 < repro::seed(43)) != (repro::seed(43) < s42));
    CHECK(!(s42 < s42));
    // Strings are bytes: a NUL inside a name or a string seed counts.
    const std::string with_nul("a\0b", 3);
    CHECK(repro::seed(with_nul) == repro::seed::from_bytes(with_nul.data(), 3));
    CHECK(repro::seed(with_nul) != repro::seed(std::string("a")));
    CHECK(repro::seed(std::string("repro")) == repro::seed(repro_seed_from_string("repro")));

    // Errors with codes and byte offsets.
    CHECK(throws([&] { s42.path("train//x"); }, REPRO_ERR_PATH_EMPTY_SEGMENT, 6));
    CHECK(throws([&] { s42.path("a/#12x"); }, REPRO_ERR_PATH_INDEX_SYNTAX, 2));
    CHECK(throws([&] { s42.path("#18446744073709551616"); }, REPRO_ERR_PATH_INDEX_RANGE, 0));
    CHECK(throws([&] { s42.path(std::string("train\0/x", 8)); }, REPRO_ERR_ARG, 5));
    CHECK(throws([] { repro::seed::from_hex("abc"); }, REPRO_ERR_HEX_LENGTH));
    CHECK(throws([] { repro::seed::from_hex(std::string(63, '0') + "g"); }, REPRO_ERR_HEX_DIGIT));
    CHECK(throws([] { repro::seed::from_hex(std::string(64, '0') + std::string(1, '\0') + "1"); },
                 REPRO_ERR_ARG, 64));
    CHECK(throws([] { repro::seed::from_bytes(nullptr, 1); }, REPRO_ERR_NULL));
}

// Fills take writable contiguous containers of exactly their element type.
static_assert(std::is_constructible<repro::buffer<double>, std::vector<double> &>::value, "vector");
static_assert(std::is_constructible<repro::buffer<double>, double (&)[4]>::value, "C array");
static_assert(!std::is_constructible<repro::buffer<double>, const std::vector<double> &>::value, "const");
static_assert(!std::is_constructible<repro::buffer<double>, std::vector<float> &>::value, "float");
static_assert(!std::is_constructible<repro::buffer<std::uint8_t>, std::vector<bool> &>::value, "bool");

static void stream_tests()
{
    const repro::seed s42(42);
    // Worked examples.
    repro::stream s(s42);
    CHECK(s.algorithm() == repro::algorithm::philox4x32);
    CHECK(s.next_u32() == 0x28b3ffbaU && s.next_u32() == 0xc8b61e27U);
    s.seek(0);
    CHECK(same_bits(s.next_double(), 0.7840288968661325));
    repro::stream t(s42, repro::algorithm::threefry4x64);
    std::array<std::uint32_t, 4> w;
    t.fill_u32(w);
    CHECK((w == std::array<std::uint32_t, 4>{{0x428ff763U, 0xd58cddffU, 0x658f972dU, 0x70e50230U}}));

    // Every member gives what the C function gives on a twin C stream, for every
    // algorithm, position for position.
    const repro::algorithm algs[] = {repro::algorithm::philox4x32, repro::algorithm::philox2x64,
                                     repro::algorithm::philox4x64, repro::algorithm::threefry2x64,
                                     repro::algorithm::threefry4x32, repro::algorithm::threefry4x64};
    for (repro::algorithm a : algs) {
        const repro::seed root = s42.path("cxx/" + repro::algorithm_name(a));
        repro::stream x(root, a);
        repro_stream c;
        repro_stream_init(&c, static_cast<repro_algorithm>(a), root.c_seed());
        CHECK(repro::algorithm_from_name(repro::algorithm_name(a)) == a);
        CHECK(x.seed() == root);
        bool same = x.next_u32() == repro_next_u32(&c) && x.next_u64() == repro_next_u64(&c) &&
                    x() == repro_next_u64(&c) &&
                    same_bits(x.next_double(), repro_next_double(&c)) &&
                    same_bits(x.next_double_oc(), repro_next_double_oc(&c)) &&
                    same_bits(x.next_double_oo(), repro_next_double_oo(&c)) &&
                    x.next_float() == repro_next_float(&c) &&
                    x.next_bounded_u32(1000) == repro_next_bounded_u32(&c, 1000) &&
                    x.next_bounded_u64(3) == repro_next_bounded_u64(&c, 3) &&
                    same_bits(x.next_normal(), repro_next_normal(&c)) &&
                    same_bits(x.next_exponential(), repro_next_exponential(&c));
        CHECK(same);
        CHECK(x.tell() == repro_stream_tell(&c));

        std::vector<double> v(37), ref(37);
        x.fill_normal(v);
        repro_fill_normal(&c, ref.data(), ref.size());
        CHECK(std::memcmp(v.data(), ref.data(), v.size() * sizeof(double)) == 0);
#if __cplusplus >= 202002L
        x.fill_double(std::span<double>(v).subspan(3, 5));
        repro_fill_double(&c, ref.data() + 3, 5);
        CHECK(std::memcmp(v.data(), ref.data(), v.size() * sizeof(double)) == 0);
#endif
        double arr[5], cref[5];
        x.fill_exponential_at(1000, arr);
        repro_fill_exponential_at(&c, 1000, cref, 5);
        CHECK(std::memcmp(arr, cref, sizeof arr) == 0);
        CHECK(x.tell() == repro_stream_tell(&c)); // _at left both where they were
        std::uint64_t u[9], uref[9];
        x.fill_bounded_u64(u, 9, 10);
        repro_fill_bounded_u64(&c, uref, 9, 10);
        CHECK(std::memcmp(u, uref, sizeof u) == 0);

        // The distributions: fills, and next_<law> = a fill of one.
        double g[3], gref[3];
        x.fill_gamma(g, 2, 0.5, 2.0);
        g[2] = x.next_gamma(0.5, 2.0);
        repro_fill_gamma(&c, gref, 3, 0.5, 2.0);
        CHECK(std::memcmp(g, gref, sizeof g) == 0);
        CHECK(same_bits(x.next_gaussian(1, 2), (repro_fill_gaussian(&c, gref, 1, 1, 2), gref[0])));
        CHECK(same_bits(x.next_uniform(-1, 1), (repro_fill_uniform(&c, gref, 1, -1, 1), gref[0])));
        CHECK(same_bits(x.next_beta(2, 3), (repro_fill_beta(&c, gref, 1, 2, 3), gref[0])));
        std::uint8_t bit;
        repro_fill_bernoulli(&c, &bit, 1, 0.3);
        CHECK(x.next_bernoulli(0.3) == (bit != 0));
        std::uint64_t k;
        repro_fill_poisson(&c, &k, 1, 20.0);
        CHECK(x.next_poisson(20.0) == k);
        repro_fill_binomial(&c, &k, 1, 1000, 0.25);
        CHECK(x.next_binomial(1000, 0.25) == k);
        CHECK(x.tell() == repro_stream_tell(&c));

        // Saved state: the C format, and a restored stream continues identically.
        char cstate[REPRO_STATE_MAX];
        repro_stream_save(&c, cstate, sizeof cstate);
        CHECK(x.save() == cstate);
        repro::stream y = repro::stream::from_state(x.save());
        CHECK(y.next_u64() == x.next_u64());
    }

    // Bad parameters throw and draw nothing.
    repro::stream e(s42);
    e.seek(10);
    std::vector<double> out(4);
    CHECK(throws([&] { e.fill_gamma(out, -1.0, 1.0); }, REPRO_ERR_PARAM));
    CHECK(throws([&] { e.next_gaussian(0.0, -1.0); }, REPRO_ERR_PARAM));
    CHECK(throws([&] { e.next_bernoulli(1.5); }, REPRO_ERR_PARAM));
    CHECK(throws([&] { e.fill_u32(nullptr, 3); }, REPRO_ERR_NULL));
    CHECK(e.tell() == 10);
    // States: code and offset, stream untouched.
    CHECK(throws([&] { e.load("rr2:philox4x32-10"); }, REPRO_ERR_STATE_VERSION, 0));
    CHECK(throws([&] { e.load("rr1:philox4x32-10:" + std::string(63, '0') + "x:5"); },
                 REPRO_ERR_STATE_HEX_DIGIT, 81));
    CHECK(throws([&] { e.load(e.save() + "x"); }, REPRO_ERR_STATE_TRAILING,
                 static_cast<long>(e.save().size())));
    const std::string nul_state = e.save() + std::string(1, '\0') + "junk";
    CHECK(throws([&] { e.load(nul_state); }, REPRO_ERR_ARG, static_cast<long>(e.save().size())));
    CHECK(e.tell() == 10);
    CHECK(throws([&] { repro::stream::from_state("rr1:nope:0:0"); }, REPRO_ERR_STATE_ALGORITHM, 4));
    CHECK(throws([&] { repro::stream bad(s42, static_cast<repro::algorithm>(99)); }, REPRO_ERR_ALGORITHM));
    CHECK(throws([] { repro::algorithm_from_name("mt19937"); }, REPRO_ERR_ALGORITHM));
    repro_stream zeroed;
    std::memset(&zeroed, 0, sizeof zeroed);
    CHECK(throws([&] { repro::stream bad(zeroed); }, REPRO_ERR_ALGORITHM));
    CHECK(throws([] { repro::set_isa(std::string("scalar\0junk", 11)); }, REPRO_ERR_ARG, 6));
    CHECK(throws([] { repro::set_isa("mmx"); }, REPRO_ERR_ISA_UNKNOWN));
    CHECK(repro::isa_supported("scalar") && !repro::isa_supported(std::string("scalar\0x", 8)));
    CHECK(repro::isa_names().size() == repro_isa_count() && repro::isa_names()[0] == "scalar");

    // A copy is an independent stream at the same position.
    repro::stream a(s42), b = a;
    a.next_u32();
    CHECK(b.tell() == 0 && a.tell() == 1);
}

static void algorithm_tests()
{
    urbg_requirements<repro::stream>();
    repro::stream s(repro::seed(std::string("cxx-algorithms")));

    // std::shuffle / std::sample / distributions accept the stream (their values are
    // the standard library's business, so only their invariants are checked).
    std::vector<int> v(100);
    for (int i = 0; i < 100; i++)
        v[static_cast<std::size_t>(i)] = i;
    std::vector<int> w = v;
    std::shuffle(w.begin(), w.end(), s);
    CHECK(w != v && std::is_permutation(w.begin(), w.end(), v.begin()));
#if __cplusplus >= 201703L
    std::vector<int> some;
    std::sample(v.begin(), v.end(), std::back_inserter(some), 10, s);
    CHECK(some.size() == 10 && std::is_sorted(some.begin(), some.end()));
#endif
    std::uniform_int_distribution<int> die(1, 6);
    int counts[7] = {0};
    for (int i = 0; i < 6000; i++)
        counts[die(s)]++;
    bool spread = counts[0] == 0;
    for (int f = 1; f <= 6; f++)
        spread = spread && counts[f] > 850 && counts[f] < 1150;
    CHECK(spread);

    // repro::stream::shuffle is repro_shuffle's order, for any element type.
    repro_stream c;
    repro_stream_init(&c, REPRO_PHILOX4X32, repro::seed(7).c_seed());
    repro::stream r(repro::seed(7));
    std::vector<std::uint32_t> ints(1000), cints(1000);
    for (std::uint32_t i = 0; i < 1000; i++)
        ints[i] = cints[i] = i;
    r.shuffle(ints);
    repro_shuffle(&c, cints.data(), cints.size(), sizeof(std::uint32_t));
    CHECK(ints == cints);
    CHECK(r.tell() == repro_stream_tell(&c));
    std::vector<std::string> names;
    for (int i = 0; i < 1000; i++)
        names.push_back("item-" + std::to_string(i));
    repro::stream r2(repro::seed(7));
    r2.shuffle(names.begin(), names.end());
    bool follows = true;
    for (std::size_t i = 0; i < 1000; i++)
        follows = follows && names[i] == "item-" + std::to_string(cints[i]);
    CHECK(follows);

    // permutation = repro_permutation_*.
    repro::permutation p(repro::seed(3), 1000);
    repro_permutation cp;
    repro_permutation_init(&cp, repro::seed(3).c_seed(), 1000);
    std::vector<std::uint64_t> shard(50);
    p.fill(100, shard);
    bool match = p.size() == 1000;
    for (std::uint64_t i = 0; i < 50; i++)
        match = match && shard[i] == repro_permutation_at(&cp, 100 + i) && p[100 + i] == shard[i] &&
                p.inverse(shard[i]) == 100 + i;
    CHECK(match);
    CHECK(throws([] { repro::permutation(repro::seed(3), 0); }, REPRO_ERR_ARG));
    CHECK(throws([&] { p.at(1000); }, REPRO_ERR_ARG));
    CHECK(throws([&] { p.inverse(1000); }, REPRO_ERR_ARG));
    CHECK(throws([&] { p.fill(990, shard); }, REPRO_ERR_ARG));
}

int main()
{
    seed_tests();
    stream_tests();
    algorithm_tests();
    philox_tests();
    std::printf("C++ interface test (%s, C++ %ld): %d checks, %d failed\n", __VERSION__,
                static_cast<long>(__cplusplus), checks, failures);
    return failures ? 1 : 0;
}
