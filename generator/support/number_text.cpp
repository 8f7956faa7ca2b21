#include "support/number_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace bulletin {

void append_num(std::string& out, double v) {
    const double thousandths = std::round(v * 1000);
    if (thousandths == 0 || !std::isfinite(thousandths)) {
        out += '0';
        return;
    }
    char buf[400];  // room for the largest double written out in full
    char* end;
    if (std::fabs(thousandths) < 1e15) {
        // Integer digits: the same text as to_chars(v, fixed, 3) with the
        // zeros trimmed, at a fraction of its cost (pages hold ~10^5 numbers).
        const auto n = static_cast<std::int64_t>(thousandths);
        const std::uint64_t mag = n < 0 ? static_cast<std::uint64_t>(-n) : static_cast<std::uint64_t>(n);
        end = buf;
        if (n < 0) *end++ = '-';
        end = std::to_chars(end, buf + sizeof buf, mag / 1000).ptr;
        unsigned frac = static_cast<unsigned>(mag % 1000);
        if (frac != 0) {
            *end++ = '.';
            for (unsigned scale = 100; frac != 0; scale /= 10) {
                *end++ = static_cast<char>('0' + frac / scale);
                frac %= scale;
            }
        }
    } else {
        end = std::to_chars(buf, buf + sizeof buf, thousandths / 1000, std::chars_format::fixed, 3).ptr;
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    out.append(buf, end);
}

}  // namespace bulletin
