#include "support/number_text.hpp"

#include <charconv>
#include <cmath>

namespace bulletin {

void append_num(std::string& out, double v) {
    const double rounded = std::round(v * 1000) / 1000;
    if (rounded == 0 || !std::isfinite(rounded)) {
        out += '0';
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 3);
    char* end = r.ptr;
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    out.append(buf, end);
}

}  // namespace bulletin
