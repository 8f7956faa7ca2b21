#include "support/utf8.hpp"

#include <fmt/format.h>

namespace bulletin::utf8 {

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 4;
        char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1Fu) : extra == 2 ? (b & 0x0Fu) : (b & 0x07u);
        bool bad = extra == 4 || i + extra >= s.size();
        for (std::size_t k = 1; !bad && k <= extra; ++k) {
            auto cb = static_cast<unsigned char>(s[i + k]);
            bad = (cb & 0xC0) != 0x80;
            c = (c << 6) | (cb & 0x3Fu);
        }
        if (bad) {  // one replacement character per bad lead byte
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(c);
        i += extra + 1;
    }
    return out;
}

std::string encode(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 3);
    for (char32_t c : s) out += encode(c);
    return out;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

std::string codepoint_name(char32_t c) { return fmt::format("U+{:04X}", static_cast<unsigned>(c)); }

std::string trim(std::string_view s) {
    auto is_space_at_front = [&](std::string_view v) -> std::size_t {
        if (v.empty()) return 0;
        if (v[0] == ' ' || v[0] == '\t' || v[0] == '\r' || v[0] == '\n') return 1;
        if (v.substr(0, 3) == "\u3000") return 3;
        return 0;
    };
    auto is_space_at_back = [&](std::string_view v) -> std::size_t {
        if (v.empty()) return 0;
        char b = v.back();
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n') return 1;
        if (v.size() >= 3 && v.substr(v.size() - 3) == "\u3000") return 3;
        return 0;
    };
    while (std::size_t n = is_space_at_front(s)) s.remove_prefix(n);
    while (std::size_t n = is_space_at_back(s)) s.remove_suffix(n);
    return std::string(s);
}

std::vector<Line> lines(std::string_view block) {
    std::vector<Line> out;
    std::size_t start = 0, index = 0;
    while (start <= block.size()) {
        std::size_t end = block.find('\n', start);
        if (end == std::string_view::npos) end = block.size();
        std::string_view raw = block.substr(start, end - start);
        std::string text = trim(raw);
        if (!text.empty()) {
            std::size_t lead_bytes = raw.find(text.substr(0, 1));
            out.push_back({index, length(raw.substr(0, lead_bytes)), std::move(text)});
        }
        start = end + 1;
        ++index;
    }
    return out;
}

std::vector<std::string> paragraphs(std::string_view block) {
    std::vector<std::string> out;
    for (auto& l : lines(block)) out.push_back(std::move(l.text));
    return out;
}

}  // namespace bulletin::utf8
