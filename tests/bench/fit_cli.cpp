// The library's BG/NBD fit as a command, for tests/bench/robustness.py: reads "x,t_x,T" lines
// on stdin, prints "ok r alpha a b LL" (17 digits) or the refusal ("unidentified" for
// domain_error, Err:502; "no_convergence", Err:523). A benchmark tool, not a test.
#include <cm/bgnbd.hpp>
#include <cm/errors.hpp>

#include <cstdio>
#include <vector>

int main() {
    std::vector<double> x, t_x, T;
    double a, b, c;
    while (std::scanf("%lf,%lf,%lf", &a, &b, &c) == 3) {
        x.push_back(a);
        t_x.push_back(b);
        T.push_back(c);
    }
    try {
        const cm::BgnbdFit fit = cm::bgnbd_fit(x, t_x, T);
        std::printf("ok %.17g %.17g %.17g %.17g %.17g\n", fit.params.r, fit.params.alpha, fit.params.a, fit.params.b,
                    fit.log_likelihood);
    } catch (const cm::no_convergence& e) {
        std::printf("no_convergence %s\n", e.what());
    } catch (const cm::domain_error& e) {
        std::printf("unidentified %s\n", e.what());
    }
    return 0;
}
