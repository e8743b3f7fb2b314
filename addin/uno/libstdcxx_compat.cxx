// The one libstdc++ symbol that would raise the add-in's requirement from GLIBCXX_3.4.22 (GCC 6,
// 2016, std::thread's: every LibreOffice 24.x-25.x distribution) to GLIBCXX_3.4.29 (GCC 11, 2021): the header
// code of std::allocator in GCC 12 calls std::__throw_bad_array_new_length when an allocation's
// size overflows, and that function only exists in libstdc++ from GCC 11 on. Defined here,
// hidden, with the same behaviour (throw std::bad_array_new_length, whose type GCC 4.9's
// libstdc++ already has), so that the .oxt built on Debian 12 also loads on Debian 11 and
// Ubuntu 20.04. `objdump -T libcustomermetrics.so` shows the versions needed (README).
#include <new>

namespace std {
[[noreturn]] __attribute__((visibility("hidden"))) void __throw_bad_array_new_length() {
    throw bad_array_new_length();
}
}  // namespace std
