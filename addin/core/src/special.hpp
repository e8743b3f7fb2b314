// Special functions for the model fits, from Boost.Math with a policy that never throws
// and never promotes double to long double (an error becomes NaN or ±inf, which the callers
// check; long double would make the likelihoods several times slower). Private to the library.
#pragma once

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace cm::detail {

using special_policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::pole_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
    boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>,
    boost::math::policies::promote_double<false>>;

inline double log_gamma(double x) { return boost::math::lgamma(x, special_policy()); }
inline double digamma(double x) { return boost::math::digamma(x, special_policy()); }

}  // namespace cm::detail
