// The library's BG/NBD or Pareto/NBD fit as a command, for tests/bench/robustness.py: reads
// "x,t_x,T" lines on stdin, prints "ok <four parameters> LL" (17 digits) or the refusal
// ("unidentified" for domain_error, Err:502; "no_convergence", Err:523). A benchmark tool, not a
// test.
//   cm_fit_cli [bgnbd|pnbd]   (default bgnbd)
#include <cm/bgnbd.hpp>
#include <cm/errors.hpp>
#include <cm/pnbd.hpp>

#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    const bool pnbd = argc > 1 && std::strcmp(argv[1], "pnbd") == 0;
    if (argc > 1 && !pnbd && std::strcmp(argv[1], "bgnbd") != 0) {
        std::fprintf(stderr, "usage: cm_fit_cli [bgnbd|pnbd] < x,t_x,T lines\n");
        return 2;
    }
    std::vector<double> x, t_x, T;
    double a, b, c;
    while (std::scanf("%lf,%lf,%lf", &a, &b, &c) == 3) {
        x.push_back(a);
        t_x.push_back(b);
        T.push_back(c);
    }
    try {
        if (pnbd) {
            const cm::PnbdFit fit = cm::pnbd_fit(x, t_x, T);
            std::printf("ok %.17g %.17g %.17g %.17g %.17g\n", fit.params.r, fit.params.alpha, fit.params.s,
                        fit.params.beta, fit.log_likelihood);
        } else {
            const cm::BgnbdFit fit = cm::bgnbd_fit(x, t_x, T);
            std::printf("ok %.17g %.17g %.17g %.17g %.17g\n", fit.params.r, fit.params.alpha, fit.params.a,
                        fit.params.b, fit.log_likelihood);
        }
    } catch (const cm::no_convergence& e) {
        std::printf("no_convergence %s\n", e.what());
    } catch (const cm::domain_error& e) {
        std::printf("unidentified %s\n", e.what());
    }
    return 0;
}
