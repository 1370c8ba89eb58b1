/* Log-probabilities for the rejection tests of the Poisson and binomial samplers.
 * Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000): log pmf = -stirlerr terms - bd0 deviances - log sqrt(2 pi k),
 * which avoids the catastrophic cancellation of lgamma differences for large
 * arguments (lambda or n up to 1e15 and beyond). */
#include "math/special.h"

/* log(sqrt(2 pi)) and log(2 pi). */
static const double LN_SQRT_2PI = 0.91893853320467274178;
static const double LN_2PI = 1.8378770664093454836;

double repro_dist_log1p(double x)
{
    double u = 1.0 + x;
    if (u == 1.0)
        return x;
    /* Goldberg: the rounding error of 1 + x cancels in log(u) * x / (u - 1). */
    return repro_dist_log(u) * x / (u - 1.0);
}

/* {ln c, 1 / c} at c = 1 + (2i + 1)/32 (repro_dist_log_estimate), rounded to nearest. */
const double repro_log_estimate_table[16][2] = {
    {0x1.f829b0e783300p-6, 0x1.f07c1f07c1f08p-1},
    {0x1.6f0d28ae56b4cp-4, 0x1.d41d41d41d41dp-1},
    {0x1.29552f81ff523p-3, 0x1.bacf914c1bad0p-1},
    {0x1.9525a9cf456b4p-3, 0x1.a41a41a41a41ap-1},
    {0x1.fb9186d5e3e2bp-3, 0x1.8f9c18f9c18fap-1},
    {0x1.2e8e2bae11d31p-2, 0x1.7d05f417d05f4p-1},
    {0x1.5d1bdbf5809cap-2, 0x1.6c16c16c16c17p-1},
    {0x1.89a3386c1425bp-2, 0x1.5c9882b931057p-1},
    {0x1.b44f77bcc8f63p-2, 0x1.4e5e0a72f0539p-1},
    {0x1.dd46a04c1c4a1p-2, 0x1.4141414141414p-1},
    {0x1.02552a5a5d0ffp-1, 0x1.3521cfb2b78c1p-1},
    {0x1.154c3d2f4d5eap-1, 0x1.29e4129e4129ep-1},
    {0x1.2795e1289b11bp-1, 0x1.1f7047dc11f70p-1},
    {0x1.393e0d3562a1ap-1, 0x1.15b1e5f75270dp-1},
    {0x1.4a4f85db03ebbp-1, 0x1.0c9714fbcda3bp-1},
    {0x1.5ad404c359f2dp-1, 0x1.0410410410410p-1},
};

/* log(k!) for k < 128, as repro_dist_log_factorial computes it (the sum of logs
 * below 16, Stirling's series from 16 on), so that its callers skip that work:
 * tests/test_dist_laws.c recomputes every entry. */
static const double LOG_FACTORIAL[128] = {
    0x0p+0, 0x0p+0, 0x1.62e42fefa39efp-1, 0x1.cab0bfa2a2002p+0,
    0x1.96ca77c922cf8p+1, 0x1.326643c4479c9p+2, 0x1.a51273acf01cap+2, 0x1.10ce1f32dcc3p+3,
    0x1.5358e82fcb70dp+3, 0x1.99a8921a7f7dp+3, 0x1.e357590954d16p+3, 0x1.180973f3a8d74p+4,
    0x1.3fcba16d50144p+4, 0x1.68d5a9c3b32cep+4, 0x1.930f3df162a43p+4, 0x1.be636a63fd347p+4,
    0x1.eabff061f1a83p+4, 0x1.0c0a63f2f353ap+5, 0x1.2329df2d5ee52p+5, 0x1.3ab8153363985p+5,
    0x1.52af57aed77bep+5, 0x1.6b0a8643472a9p+5, 0x1.83c4faba84f07p+5, 0x1.9cda78b856a44p+5,
    0x1.b6472034e8d15p+5, 0x1.d007622cd65e8p+5, 0x1.ea17f717c6795p+5, 0x1.023aeb67e4feep+6,
    0x1.0f8f18d33023fp+6, 0x1.1d07353917231p+6, 0x1.2aa208b59d0e5p+6, 0x1.385e6fd9e5a4p+6,
    0x1.463b59b942084p+6, 0x1.5437c633ace4ap+6, 0x1.6252c474896bap+6, 0x1.708b719e11658p+6,
    0x1.7ee0f79b26757p+6, 0x1.8d528c1243d96p+6, 0x1.9bdf6f75257a2p+6, 0x1.aa86ec2969811p+6,
    0x1.b94855c702ba1p+6, 0x1.c8230869ca106p+6, 0x1.d7166813e12eep+6, 0x1.e621e01eeba4fp+6,
    0x1.f544e2ba69cf1p+6, 0x1.023f743addd9fp+7, 0x1.09e7b7ea41ea9p+7, 0x1.119afe762626bp+7,
    0x1.19590c853a559p+7, 0x1.2121a930c6ec2p+7, 0x1.28f49ddeb1f31p+7, 0x1.30d1b61e86335p+7,
    0x1.38b8bf8931ddbp+7, 0x1.40a989a33a6cep+7, 0x1.48a3e5c12af1ap+7, 0x1.50a7a6ee08711p+7,
    0x1.58b4a1d39da74p+7, 0x1.60caaca474747p+7, 0x1.68e99f0757979p+7, 0x1.711152043b2c5p+7,
    0x1.79419ff26dc59p+7, 0x1.817a6467f6fbap+7, 0x1.89bb7c2a0aeap+7, 0x1.9204c51e7c762p+7,
    0x1.9a561e3e1a4bdp+7, 0x1.a2af6787e4609p+7, 0x1.ab1081f509724p+7, 0x1.b3794f6d9d7aep+7,
    0x1.bbe9b2bdfb622p+7, 0x1.c4618f8cc56f8p+7, 0x1.cce0ca51791p+7, 0x1.d567484b8b7b7p+7,
    0x1.ddf4ef7a05a7p+7, 0x1.e689a69396befp+7, 0x1.ef2554ff15148p+7, 0x1.f7c7e2cc66183p+7,
    0x1.00389c56e3462p+8, 0x1.04909ff8b652bp+8, 0x1.08ebf13dbf263p+8, 0x1.0d4a85602b129p+8,
    0x1.11ac51df8932ap+8, 0x1.16114c7e34737p+8, 0x1.1a796b3ede1acp+8, 0x1.1ee4a46236d3fp+8,
    0x1.2352ee64b46d5p+8, 0x1.27c43ffc72961p+8, 0x1.2c3890172d056p+8, 0x1.30afd5d851955p+8,
    0x1.352a089728f1cp+8, 0x1.39a71fdd14947p+8, 0x1.3e271363e0df7p+8, 0x1.42a9db142a36ap+8,
    0x1.472f6f03d410dp+8, 0x1.4bb7c77491067p+8, 0x1.5042dcd27af64p+8, 0x1.54d0a7b2ba658p+8,
    0x1.596120d23c4ebp+8, 0x1.5df4411475a1cp+8, 0x1.628a018233beep+8, 0x1.67225b4879462p+8,
    0x1.6bbd47b7669b7p+8, 0x1.705ac0412d89fp+8, 0x1.74fabe790f7bdp+8, 0x1.799d3c1265c0ep+8,
    0x1.7e4232dfb367dp+8, 0x1.82e99cd1c0367p+8, 0x1.879373f6bc4fep+8, 0x1.8c3fb2796c21bp+8,
    0x1.90ee52a05c35ep+8, 0x1.959f4ecd1c8b2p+8, 0x1.9a52a17b831cbp+8, 0x1.9f084540f545dp+8,
    0x1.a3c034cbb7b2bp+8, 0x1.a87a6ae24493bp+8, 0x1.ad36e262a7ccp+8, 0x1.b1f59641e0db4p+8,
    0x1.b6b6818b4a3ecp+8, 0x1.bb799f600610bp+8, 0x1.c03eeaf66faccp+8, 0x1.c5065f9992225p+8,
    0x1.c9cff8a8a340cp+8, 0x1.ce9bb196830eap+8, 0x1.d36985e93f7b8p+8, 0x1.d83971399c212p+8,
    0x1.dd0b6f329dea4p+8, 0x1.e1df7b911a74bp+8, 0x1.e6b592234b0c9p+8, 0x1.eb8daec863182p+8};

/* log(n!) - log(sqrt(2 pi n) (n/e)^n), n >= 1. */
static double stirlerr(double n)
{
    if (n < 16.0)
        return LOG_FACTORIAL[(size_t)n] - ((n + 0.5) * repro_dist_log(n) - n + LN_SQRT_2PI);
    /* The Stirling series 1/12n - 1/360n^3 + 1/1260n^5 - 1/1680n^7 + 1/1188n^9; the
     * next term is below 2e-16 for n >= 16. */
    double nn = n * n;
    return (1.0 / 12.0 -
            (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - (1.0 / 1188.0) / nn) / nn) / nn) /
                nn) / n;
}

double repro_dist_log_factorial(uint64_t k)
{
    if (k < 128)
        return LOG_FACTORIAL[k];
    double x = (double)k;
    return stirlerr(x) + ((x + 0.5) * repro_dist_log(x) - x + LN_SQRT_2PI);
}

/* The deviance x log(x / m) + m - x (x >= 0, m > 0), by a series when x is close to m. */
static double bd0(double x, double m)
{
    double d = x - m;
    if ((d < 0.0 ? -d : d) < 0.1 * (x + m)) {
        double v = d / (x + m);
        double s = d * v, ej = 2.0 * x * v, v2 = v * v;
        for (double j = 3.0;; j += 2.0) { /* stops once a term no longer changes s */
            ej *= v2;
            double s1 = s + ej / j;
            if (s1 == s)
                return s1;
            s = s1;
        }
    }
    return x * repro_dist_log(x / m) + m - x;
}

double repro_dist_log_poisson_pmf(uint64_t k, double lambda)
{
    if (k == 0)
        return -lambda;
    double x = (double)k;
    return -stirlerr(x) - bd0(x, lambda) - LN_SQRT_2PI - 0.5 * repro_dist_log(x);
}

double repro_dist_log_binomial_pmf(uint64_t k, uint64_t n, double p, double q)
{
    double nf = (double)n;
    if (k == 0)
        return nf * repro_dist_log1p(-p);
    if (k == n)
        return nf * repro_dist_log(p);
    double x = (double)k, y = (double)(n - k);
    double lc = stirlerr(nf) - stirlerr(x) - stirlerr(y) - bd0(x, nf * p) - bd0(y, nf * q);
    double lf = LN_2PI + repro_dist_log(x) + repro_dist_log1p(-x / nf);
    return lc - 0.5 * lf;
}
