/*
 * repro_rng.hpp - C++ interface of librepro_rng, header-only over the C API of
 * repro_rng.h (link the same library: -lrepro_rng, or repro_rng::repro_rng in CMake).
 *
 * C++11 or later (C++17 recommended; nothing here needs more than C++11, and the
 * tests compile it as C++11, C++17 and C++20 with g++ and clang++).
 *
 *   repro::seed root("my-experiment");
 *   repro::stream s(root.path("train/#3"));          // philox4x32-10 by default
 *   double x = s.next_double();                      // the C API's bits exactly
 *   std::vector<double> v(1000);
 *   s.fill_normal(v);                                // fills take containers or (ptr, n)
 *   std::shuffle(v.begin(), v.end(), s);             // a UniformRandomBitGenerator
 *
 * Every value a member returns is the one the C function of the same name returns for
 * the same stream (contract rr1 where the C function says "Contract: yes").  The
 * standard library's distributions (std::normal_distribution, ...) and algorithms
 * (std::shuffle) are NOT specified bit for bit: fed from a repro::stream they give
 * different values with libstdc++, libc++ and MSVC.  Use the members below for
 * reproducible values (next_normal, next_gaussian, ..., shuffle).
 *
 * Errors throw repro::error (a std::runtime_error) carrying the library's REPRO_ERR_*
 * code and, for paths and saved states, the byte offset of the fault.  Strings are
 * passed to the C API NUL-terminated, so a std::string with a NUL byte where the C API
 * takes text (a path, hex, a state, a name of an algorithm or ISA) is rejected with
 * REPRO_ERR_ARG at the NUL's offset rather than silently cut there.
 *
 * repro::philox4x32 and repro::philox4x64 are C++26's std::philox4x32 and
 * std::philox4x64 (same interface, same values), computed by the library's Philox
 * block functions.
 *
 * Thread safety as in C: one object per thread, or const members (the *_at fills,
 * permutation lookups) on a shared object.
 */
#ifndef REPRO_RNG_HPP
#define REPRO_RNG_HPP

#include "repro_rng.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <istream>
#include <iterator>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace repro {

/* ---- errors ------------------------------------------------------------------ */

/* A negative REPRO_ERR_* code from the C API, with where it happened. */
class error : public std::runtime_error {
public:
    error(int code, const char *where)
        : std::runtime_error(message(code, where, false, 0)), code_(code), has_offset_(false),
          offset_(0)
    {
    }
    error(int code, const char *where, std::size_t offset)
        : std::runtime_error(message(code, where, true, offset)), code_(code),
          has_offset_(true), offset_(offset)
    {
    }
    /* The REPRO_ERR_* value. */
    int code() const noexcept { return code_; }
    /* Its symbolic name ("REPRO_ERR_PATH_EMPTY_SEGMENT"). */
    const char *name() const noexcept { return repro_error_name(code_); }
    /* Whether offset() is meaningful: paths, saved states, NUL bytes in text. */
    bool has_offset() const noexcept { return has_offset_; }
    /* The byte offset into the text where parsing failed (as repro_seed_path_ex and
     * repro_stream_load_ex report it). */
    std::size_t offset() const noexcept { return offset_; }

private:
    static std::string message(int code, const char *where, bool has_offset, std::size_t offset)
    {
        const char *name = repro_error_name(code);
        std::string m = std::string(where) + ": " + repro_strerror(code) + " (" +
                        (name ? name : "unknown code") + ")";
        if (has_offset)
            m += " at byte " + std::to_string(offset);
        return m;
    }
    int code_;
    bool has_offset_;
    std::size_t offset_;
};

namespace detail {

inline int check(int rc, const char *where)
{
    if (rc < 0)
        throw error(rc, where);
    return rc;
}

/* The text for a C function that reads NUL-terminated strings; see the top. */
inline const char *c_text(const std::string &text, const char *where)
{
    std::size_t nul = text.find('\0');
    if (nul != std::string::npos)
        throw error(REPRO_ERR_ARG, where, nul);
    return text.c_str();
}

/* C has a contiguous, writable container of T: data() is a T* and size() a count. */
template <class C, class T, class = void>
struct is_buffer_of : std::false_type {};
template <class C, class T>
struct is_buffer_of<
    C, T,
    typename std::enable_if<
        std::is_same<decltype(std::declval<C &>().data()), T *>::value &&
        std::is_convertible<decltype(std::declval<C &>().size()), std::size_t>::value>::type>
    : std::true_type {};

} // namespace detail

/* Where a fill writes: a pointer and a count, a C array, or any contiguous container
 * of T (std::vector, std::array, std::span, ...).  It only refers to the memory. */
template <class T>
class buffer {
public:
    buffer(T *data, std::size_t size) noexcept : data_(data), size_(size) {}
    template <std::size_t N>
    buffer(T (&array)[N]) noexcept : data_(array), size_(N)
    {
    }
    template <class C,
              typename std::enable_if<detail::is_buffer_of<C, T>::value, int>::type = 0>
    buffer(C &&container) noexcept
        : data_(container.data()), size_(static_cast<std::size_t>(container.size()))
    {
    }
    T *data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }

private:
    T *data_;
    std::size_t size_;
};

/* ---- seeds (contract section 2) ---------------------------------------------- */

class seed {
public:
    /* Seed from an integer (repro_seed_from_u64). */
    explicit seed(std::uint64_t value) noexcept : s_(repro_seed_from_u64(value)) {}
    /* Seed from the bytes of a string, NUL bytes included (repro_seed_from_bytes;
     * the same as repro_seed_from_string for text without NUL). */
    explicit seed(const std::string &text) noexcept
        : s_(repro_seed_from_bytes(text.data(), text.size()))
    {
    }
    explicit seed(const repro_seed &c) noexcept : s_(c) {}

    static seed from_bytes(const void *bytes, std::size_t len)
    {
        repro_seed out;
        detail::check(repro_seed_from_bytes_ex(bytes, len, &out), "repro::seed::from_bytes");
        return seed(out);
    }
    /* 64 hex digits, either case.  Throws REPRO_ERR_HEX_LENGTH / _HEX_DIGIT. */
    static seed from_hex(const std::string &hex)
    {
        const char *where = "repro::seed::from_hex";
        repro_seed out;
        detail::check(repro_seed_from_hex(detail::c_text(hex, where), &out), where);
        return seed(out);
    }

    seed child(std::uint64_t index) const noexcept { return seed(repro_seed_child(s_, index)); }
    /* Child by name: the name's bytes, NUL bytes included. */
    seed named(const std::string &name) const noexcept
    {
        return seed(repro_seed_named(s_, name.data(), name.size()));
    }
    /* The descendant a path names ("train/#3/dropout").  Throws REPRO_ERR_PATH_* with
     * the byte offset of the bad segment. */
    seed path(const std::string &text) const
    {
        const char *where = "repro::seed::path";
        repro_seed out;
        std::size_t offset = 0;
        int rc = repro_seed_path_ex(s_, detail::c_text(text, where), &out, &offset);
        if (rc < 0)
            throw error(rc, where, offset);
        return seed(out);
    }
    /* The canonical 64 lowercase hex digits. */
    std::string hex() const
    {
        char buf[65];
        repro_seed_to_hex(s_, buf);
        return std::string(buf, 64);
    }
    const repro_seed &c_seed() const noexcept { return s_; }

    friend bool operator==(const seed &a, const seed &b) noexcept
    {
        return repro_seed_equal(a.s_, b.s_) != 0;
    }
    friend bool operator!=(const seed &a, const seed &b) noexcept { return !(a == b); }
    /* Word by word, w[0] first (the hex order): a strict weak order for std::map. */
    friend bool operator<(const seed &a, const seed &b) noexcept
    {
        for (int i = 0; i < 4; i++)
            if (a.s_.w[i] != b.s_.w[i])
                return a.s_.w[i] < b.s_.w[i];
        return false;
    }

private:
    repro_seed s_;
};

/* ---- algorithms, ISA, version -------------------------------------------------- */

/* philox4x32 = REPRO_PHILOX4X32, ...: the short names of REPRO_ALGORITHMS. */
#define REPRO_HPP_ALGORITHM(constant, name, contract, words) name = constant,
enum class algorithm : int { REPRO_ALGORITHMS(REPRO_HPP_ALGORITHM) };
#undef REPRO_HPP_ALGORITHM

/* The contract name ("philox4x32-10"); throws REPRO_ERR_ALGORITHM for another value. */
inline std::string algorithm_name(algorithm a)
{
    const char *name = repro_algorithm_name(static_cast<repro_algorithm>(a));
    if (!name)
        throw error(REPRO_ERR_ALGORITHM, "repro::algorithm_name");
    return name;
}
/* Throws REPRO_ERR_ALGORITHM for a name that is not one of the six. */
inline algorithm algorithm_from_name(const std::string &name)
{
    const char *where = "repro::algorithm_from_name";
    repro_algorithm a;
    detail::check(repro_algorithm_from_name(detail::c_text(name, where), &a), where);
    return static_cast<algorithm>(a);
}

/* repro_isa_name_at: every ISA the library knows by name, "scalar" first (with
 * isa_supported, the ones this CPU and build run). */
inline std::vector<std::string> isa_names()
{
    std::vector<std::string> names;
    for (std::size_t i = 0; i < repro_isa_count(); i++)
        names.emplace_back(repro_isa_name_at(i));
    return names;
}
/* repro_set_isa: a name of isa_names() or "best"; throws REPRO_ERR_ISA_UNKNOWN /
 * _ISA_UNSUPPORTED.  Changes speed, never a bit. */
inline void set_isa(const std::string &name)
{
    const char *where = "repro::set_isa";
    detail::check(repro_set_isa(detail::c_text(name, where)), where);
}
inline std::string isa_name() { return repro_isa_name(); }
inline bool isa_supported(const std::string &name)
{
    return name.find('\0') == std::string::npos && repro_isa_supported(name.c_str()) != 0;
}
/* The linked library's version ("0.1.0"). */
inline std::string version() { return repro_version(); }

/* ---- streams (contract section 3) -------------------------------------------- */

class stream {
public:
    /* UniformRandomBitGenerator: operator() is next_u64() (two words of the stream). */
    typedef std::uint64_t result_type;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
    result_type operator()() noexcept { return repro_next_u64(&s_); }

    /* Position 0 of (algorithm, seed).  Throws REPRO_ERR_ALGORITHM for a value
     * outside the enumeration. */
    explicit stream(const repro::seed &from, repro::algorithm a = repro::algorithm::philox4x32)
    {
        detail::check(repro_stream_init(&s_, static_cast<repro_algorithm>(a), from.c_seed()),
                      "repro::stream");
    }
    /* A copy of an initialised C stream (REPRO_ERR_ALGORITHM if it is not). */
    explicit stream(const repro_stream &c) : s_(c)
    {
        if (!repro_algorithm_name(repro_stream_algorithm(&s_)))
            throw error(REPRO_ERR_ALGORITHM, "repro::stream");
    }
    /* The stream a saved state describes (see load). */
    static stream from_state(const std::string &state)
    {
        stream s(repro::seed(std::uint64_t(0)));
        s.load(state);
        return s;
    }

    /* Position: the index of the next 32-bit word. */
    void seek(std::uint64_t position) noexcept { repro_stream_seek(&s_, position); }
    std::uint64_t tell() const noexcept { return repro_stream_tell(&s_); }
    void skip(std::uint64_t delta) noexcept { repro_stream_skip(&s_, delta); }
    repro::algorithm algorithm() const noexcept
    {
        return static_cast<repro::algorithm>(repro_stream_algorithm(&s_));
    }
    repro::seed seed() const noexcept { return repro::seed(repro_stream_seed(&s_)); }

    /* "rr1:<algorithm>:<seed hex>:<position>" (contract section 4). */
    std::string save() const
    {
        char buf[REPRO_STATE_MAX];
        int len = detail::check(repro_stream_save(&s_, buf, sizeof buf), "repro::stream::save");
        return std::string(buf, static_cast<std::size_t>(len));
    }
    /* Restores a saved state; throws REPRO_ERR_STATE_* with the byte offset of the
     * fault and leaves the stream as it was. */
    void load(const std::string &state)
    {
        const char *where = "repro::stream::load";
        std::size_t offset = 0;
        int rc = repro_stream_load_ex(&s_, detail::c_text(state, where), &offset);
        if (rc < 0)
            throw error(rc, where, offset);
    }

    /* Single draws (contract section 3). */
    std::uint32_t next_u32() noexcept { return repro_next_u32(&s_); }
    std::uint64_t next_u64() noexcept { return repro_next_u64(&s_); }
    double next_double() noexcept { return repro_next_double(&s_); }       /* [0,1) */
    double next_double_oc() noexcept { return repro_next_double_oc(&s_); } /* (0,1] */
    double next_double_oo() noexcept { return repro_next_double_oo(&s_); } /* (0,1) */
    float next_float() noexcept { return repro_next_float(&s_); }          /* [0,1) */
    /* Uniform in [0, n); n == 0 means the full range. */
    std::uint32_t next_bounded_u32(std::uint32_t n) noexcept { return repro_next_bounded_u32(&s_, n); }
    std::uint64_t next_bounded_u64(std::uint64_t n) noexcept { return repro_next_bounded_u64(&s_, n); }
    double next_normal() noexcept { return repro_next_normal(&s_); }
    double next_exponential() noexcept { return repro_next_exponential(&s_); }

    /* Fills: exactly what n single draws give.  The *_at forms give what a copy seeked
     * to position gives, and leave the stream as it is. */
#define REPRO_HPP_FILL(name, type, words)                                              \
    void fill_##name(type *out, std::size_t n)                                         \
    {                                                                                  \
        detail::check(repro_fill_##name(&s_, out, n), "repro::stream::fill_" #name);   \
    }                                                                                  \
    void fill_##name(buffer<type> out) { fill_##name(out.data(), out.size()); }        \
    void fill_##name##_at(std::uint64_t position, type *out, std::size_t n) const      \
    {                                                                                  \
        detail::check(repro_fill_##name##_at(&s_, position, out, n),                   \
                      "repro::stream::fill_" #name "_at");                             \
    }                                                                                  \
    void fill_##name##_at(std::uint64_t position, buffer<type> out) const              \
    {                                                                                  \
        fill_##name##_at(position, out.data(), out.size());                            \
    }
    REPRO_FILLS(REPRO_HPP_FILL)
#undef REPRO_HPP_FILL

    void fill_bounded_u32(std::uint32_t *out, std::size_t n, std::uint32_t bound)
    {
        detail::check(repro_fill_bounded_u32(&s_, out, n, bound), "repro::stream::fill_bounded_u32");
    }
    void fill_bounded_u32(buffer<std::uint32_t> out, std::uint32_t bound)
    {
        fill_bounded_u32(out.data(), out.size(), bound);
    }
    void fill_bounded_u64(std::uint64_t *out, std::size_t n, std::uint64_t bound)
    {
        detail::check(repro_fill_bounded_u64(&s_, out, n, bound), "repro::stream::fill_bounded_u64");
    }
    void fill_bounded_u64(buffer<std::uint64_t> out, std::uint64_t bound)
    {
        fill_bounded_u64(out.data(), out.size(), bound);
    }

    /* Distributions (as declared in repro_rng.h): fills as in C, and next_<law>(...) for
     * one value, which is what a fill of one gives.  Bad parameters throw REPRO_ERR_PARAM
     * and draw nothing. */
    /* REPRO_HPP_LAW(law, value type, return type of next_<law>, (parameters), (names)):
     * the parenthesized lists are spliced in whole by REPRO_HPP_LIST. */
#define REPRO_HPP_LIST(...) __VA_ARGS__
#define REPRO_HPP_LAW(law, type, ret, params, args)                                    \
    void fill_##law(type *out, std::size_t n, REPRO_HPP_LIST params)                   \
    {                                                                                  \
        detail::check(repro_fill_##law(&s_, out, n, REPRO_HPP_LIST args),              \
                      "repro::stream::fill_" #law);                                    \
    }                                                                                  \
    void fill_##law(buffer<type> out, REPRO_HPP_LIST params)                           \
    {                                                                                  \
        fill_##law(out.data(), out.size(), REPRO_HPP_LIST args);                       \
    }                                                                                  \
    ret next_##law(REPRO_HPP_LIST params)                                              \
    {                                                                                  \
        type x;                                                                        \
        fill_##law(&x, 1, REPRO_HPP_LIST args);                                        \
        return static_cast<ret>(x);                                                    \
    }
    REPRO_HPP_LAW(gaussian, double, double, (double mean, double stddev), (mean, stddev))
    REPRO_HPP_LAW(uniform, double, double, (double a, double b), (a, b)) /* [a, b) */
    REPRO_HPP_LAW(bernoulli, std::uint8_t, bool, (double p), (p))       /* x != 0 */
    REPRO_HPP_LAW(gamma, double, double, (double shape, double scale), (shape, scale))
    REPRO_HPP_LAW(beta, double, double, (double a, double b), (a, b))
    REPRO_HPP_LAW(poisson, std::uint64_t, std::uint64_t, (double lambda), (lambda))
    REPRO_HPP_LAW(binomial, std::uint64_t, std::uint64_t, (std::uint64_t trials, double p), (trials, p))
#undef REPRO_HPP_LAW
#undef REPRO_HPP_LIST

    /* Shuffles [first, last) in the order repro_shuffle gives for the same stream
     * (its Fisher-Yates rule, header repro_rng.h), for elements of any type: elements
     * are swapped with swap(), not as bytes.  count - 1 bounded draws. */
    template <class RandomIt>
    void shuffle(RandomIt first, RandomIt last)
    {
        typedef typename std::iterator_traits<RandomIt>::difference_type diff;
        const std::uint64_t count = static_cast<std::uint64_t>(last - first);
        for (std::uint64_t i = count > 0 ? count - 1 : 0; i > 0; i--) {
            const std::uint64_t j = i + 1 <= 0xffffffffu
                                        ? repro_next_bounded_u32(&s_, static_cast<std::uint32_t>(i + 1))
                                        : repro_next_bounded_u64(&s_, i + 1);
            using std::swap;
            swap(first[static_cast<diff>(i)], first[static_cast<diff>(j)]);
        }
    }
    template <class Range>
    void shuffle(Range &range)
    {
        shuffle(std::begin(range), std::end(range));
    }

    /* The C stream, for C functions this header does not wrap. */
    repro_stream *c_stream() noexcept { return &s_; }
    const repro_stream *c_stream() const noexcept { return &s_; }

private:
    repro_stream s_;
};

/* ---- random-access permutations ---------------------------------------------- */

/* A keyed bijection of [0, n) with O(1) lookups (repro_permutation_*). */
class permutation {
public:
    /* n in [1, 2^64-1]; throws REPRO_ERR_ARG for n == 0. */
    permutation(const seed &s, std::uint64_t n) : n_(n)
    {
        detail::check(repro_permutation_init(&p_, s.c_seed(), n), "repro::permutation");
    }
    std::uint64_t size() const noexcept { return n_; }
    /* The image of i; throws REPRO_ERR_ARG when i >= size() (operator[] too: the C
     * function checks the index anyway). */
    std::uint64_t at(std::uint64_t i) const
    {
        if (i >= n_)
            throw error(REPRO_ERR_ARG, "repro::permutation::at");
        return repro_permutation_at(&p_, i);
    }
    std::uint64_t operator[](std::uint64_t i) const { return at(i); }
    /* The i with at(i) == x; throws REPRO_ERR_ARG when x >= size(). */
    std::uint64_t inverse(std::uint64_t x) const
    {
        if (x >= n_)
            throw error(REPRO_ERR_ARG, "repro::permutation::inverse");
        return repro_permutation_inverse(&p_, x);
    }
    /* out[k] = at(first + k): a shard of the order.  REPRO_ERR_ARG past the end. */
    void fill(std::uint64_t first, std::uint64_t *out, std::size_t count) const
    {
        detail::check(repro_permutation_fill(&p_, first, out, count), "repro::permutation::fill");
    }
    void fill(std::uint64_t first, buffer<std::uint64_t> out) const
    {
        fill(first, out.data(), out.size());
    }
    const repro_permutation *c_permutation() const noexcept { return &p_; }

private:
    repro_permutation p_;
    std::uint64_t n_;
};

/* ---- C++26 std::philox_engine ------------------------------------------------ */

namespace detail {
template <std::size_t w>
struct philox4;
template <>
struct philox4<32> {
    typedef std::uint32_t word;
    static void block(const word *ctr, const word *key, unsigned rounds, word *out) noexcept
    {
        (void)repro_philox4x32(ctr, key, rounds, out);
    }
};
template <>
struct philox4<64> {
    typedef std::uint64_t word;
    static void block(const word *ctr, const word *key, unsigned rounds, word *out) noexcept
    {
        (void)repro_philox4x64(ctr, key, rounds, out);
    }
};
} // namespace detail

/* The interface and values of C++26's std::philox_engine ([rand.eng.philox]) for the
 * two variants the standard names, with Random123's constants (the standard's
 * multipliers and round constants for philox4x32 / philox4x64); round counts 1 to 16.
 * State: key K (n/2 words), counter X (n words, X[0] least significant), the output
 * block Y = Philox(K, X - 1) and its index i.  Its textual form is the standard's:
 * K[0] .. K[n/2-1] X[0] .. X[n-1] i, in decimal, separated by spaces. */
template <class UIntType, std::size_t w, std::size_t n, std::size_t r>
class philox_engine {
    static_assert(n == 4 && (w == 32 || w == 64),
                  "the library computes philox4x32 and philox4x64 only");
    static_assert(r >= 1 && r <= REPRO_PHILOX_MAX_ROUNDS, "Philox round count outside 1..16");
    static_assert(std::is_unsigned<UIntType>::value &&
                      std::numeric_limits<UIntType>::digits >= static_cast<int>(w),
                  "the result type must be unsigned and hold w bits");
    typedef typename detail::philox4<w>::word word;

public:
    typedef UIntType result_type;
    static constexpr std::size_t word_size = w;
    static constexpr std::size_t word_count = n;
    static constexpr std::size_t round_count = r;
    static constexpr result_type default_seed = 20111115u;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<word>::max(); }

    philox_engine() : philox_engine(default_seed) {}
    explicit philox_engine(result_type value) { seed(value); }
    template <class Sseq, typename std::enable_if<!std::is_convertible<Sseq &, result_type>::value &&
                                                      !std::is_same<typename std::remove_cv<Sseq>::type,
                                                                    philox_engine>::value,
                                                  int>::type = 0>
    explicit philox_engine(Sseq &q)
    {
        seed(q);
    }

    /* K = (value mod 2^w, 0), X = 0. */
    void seed(result_type value = default_seed)
    {
        key_[0] = static_cast<word>(value);
        key_[1] = 0;
        reset_counter();
    }
    /* K[k] from q.generate() of 32-bit values, ceil(w/32) per key word, least
     * significant first; X = 0. */
    template <class Sseq, typename std::enable_if<!std::is_convertible<Sseq &, result_type>::value,
                                                  int>::type = 0>
    void seed(Sseq &q)
    {
        const std::size_t p = (w + 31) / 32;
        std::uint_least32_t a[n / 2 * p];
        q.generate(a + 0, a + n / 2 * p);
        for (std::size_t k = 0; k < n / 2; k++) {
            word v = 0;
            for (std::size_t j = 0; j < p; j++)
                v |= static_cast<word>(static_cast<word>(a[k * p + j] & 0xffffffffu) << (32 * j));
            key_[k] = v;
        }
        reset_counter();
    }
    /* X[n-1-j] = c[j] mod 2^w (c[0] is the most significant word); the next call
     * computes a new block. */
    void set_counter(const std::array<result_type, n> &c)
    {
        for (std::size_t j = 0; j < n; j++)
            ctr_[n - 1 - j] = static_cast<word>(c[j]);
        i_ = n - 1;
    }

    result_type operator()()
    {
        if (++i_ == n)
            next_block();
        return static_cast<result_type>(out_[i_]);
    }
    /* Advances by z values in O(1). */
    void discard(unsigned long long z)
    {
        const std::size_t left = n - 1 - i_; /* values still in Y */
        if (z <= left) {
            i_ += static_cast<std::size_t>(z);
            return;
        }
        z -= left;
        add_to_counter((z - 1) / n); /* blocks skipped whole */
        next_block();
        i_ = static_cast<std::size_t>((z - 1) % n);
    }

    friend bool operator==(const philox_engine &a, const philox_engine &b)
    {
        return a.i_ == b.i_ && std::equal(a.key_, a.key_ + n / 2, b.key_) &&
               std::equal(a.ctr_, a.ctr_ + n, b.ctr_);
    }
    friend bool operator!=(const philox_engine &a, const philox_engine &b) { return !(a == b); }

    template <class CharT, class Traits>
    friend std::basic_ostream<CharT, Traits> &operator<<(std::basic_ostream<CharT, Traits> &os,
                                                         const philox_engine &e)
    {
        const typename std::basic_ostream<CharT, Traits>::fmtflags flags = os.flags();
        const CharT fill = os.fill();
        const CharT space = os.widen(' ');
        os.flags(std::ios_base::dec | std::ios_base::left);
        os.fill(space);
        for (std::size_t k = 0; k < n / 2; k++)
            os << static_cast<unsigned long long>(e.key_[k]) << space;
        for (std::size_t j = 0; j < n; j++)
            os << static_cast<unsigned long long>(e.ctr_[j]) << space;
        os << static_cast<unsigned long long>(e.i_);
        os.flags(flags);
        os.fill(fill);
        return os;
    }
    /* Reads what operator<< wrote; on anything else sets failbit and leaves e as it
     * was. */
    template <class CharT, class Traits>
    friend std::basic_istream<CharT, Traits> &operator>>(std::basic_istream<CharT, Traits> &is,
                                                         philox_engine &e)
    {
        const typename std::basic_istream<CharT, Traits>::fmtflags flags = is.flags();
        is.flags(std::ios_base::dec | std::ios_base::skipws);
        unsigned long long v[n / 2 + n + 1];
        bool ok = true;
        for (std::size_t k = 0; k < n / 2 + n + 1 && ok; k++)
            ok = static_cast<bool>(is >> v[k]) &&
                 v[k] <= (k < n / 2 + n ? static_cast<unsigned long long>(max()) : n - 1);
        is.flags(flags);
        if (!ok) {
            is.setstate(std::ios_base::failbit);
            return is;
        }
        for (std::size_t k = 0; k < n / 2; k++)
            e.key_[k] = static_cast<word>(v[k]);
        for (std::size_t j = 0; j < n; j++)
            e.ctr_[j] = static_cast<word>(v[n / 2 + j]);
        e.i_ = static_cast<std::size_t>(v[n / 2 + n]);
        if (e.i_ != n - 1) { /* Y is the block of counter X - 1 */
            word prev[n];
            std::copy(e.ctr_, e.ctr_ + n, prev);
            for (std::size_t j = 0; j < n; j++)
                if (prev[j]-- != 0) /* no borrow from the next word */
                    break;
            detail::philox4<w>::block(prev, e.key_, static_cast<unsigned>(r), e.out_);
        }
        return is;
    }

private:
    void reset_counter()
    {
        std::fill(ctr_, ctr_ + n, word(0));
        i_ = n - 1;
    }
    /* Y = Philox(K, X), X = X + 1, i = 0. */
    void next_block()
    {
        detail::philox4<w>::block(ctr_, key_, static_cast<unsigned>(r), out_);
        add_to_counter(1);
        i_ = 0;
    }
    /* X = X + z mod 2^(n w). */
    void add_to_counter(unsigned long long z)
    {
        for (std::size_t j = 0; j < n && z != 0; j++) {
            const word old = ctr_[j];
            ctr_[j] = static_cast<word>(old + static_cast<word>(z));
            z = (z >> (w / 2)) >> (w / 2); /* what is left above this word (w may be 64) */
            if (ctr_[j] < old)
                z++;
        }
    }

    word key_[n / 2];
    word ctr_[n];
    word out_[n] = {};
    std::size_t i_;
};

#if __cplusplus < 201703L
/* Before C++17 a static constexpr member that is odr-used needs a definition. */
template <class U, std::size_t w, std::size_t n, std::size_t r>
constexpr std::size_t philox_engine<U, w, n, r>::word_size;
template <class U, std::size_t w, std::size_t n, std::size_t r>
constexpr std::size_t philox_engine<U, w, n, r>::word_count;
template <class U, std::size_t w, std::size_t n, std::size_t r>
constexpr std::size_t philox_engine<U, w, n, r>::round_count;
template <class U, std::size_t w, std::size_t n, std::size_t r>
constexpr typename philox_engine<U, w, n, r>::result_type philox_engine<U, w, n, r>::default_seed;
#endif

typedef philox_engine<std::uint_fast32_t, 32, 4, 10> philox4x32;
typedef philox_engine<std::uint_fast64_t, 64, 4, 10> philox4x64;

} // namespace repro

#endif /* REPRO_RNG_HPP */
