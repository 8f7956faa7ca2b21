#include "support/text_encoding.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "support/utf8.hpp"

namespace bulletin {

namespace {

// Line and column (in characters, counted by `count_chars`) of byte `at`.
template <class CountChars>
SourcePos position_of(std::string_view bytes, std::size_t at, CountChars count_chars) {
    std::size_t line_start = 0;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i)
        if (bytes[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<int>(count_chars(bytes.substr(line_start, at - line_start))) + 1};
}

SourcePos utf8_position(std::string_view bytes, std::size_t at) {
    return position_of(bytes, at, [](std::string_view s) { return utf8::length(s); });
}

struct ConverterDeleter {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// Strict GB18030 -> UTF-8. On failure, `bad` is the offset of the first
// byte that is not GB18030.
std::optional<std::string> from_gb18030(std::string_view bytes, std::size_t& bad) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterDeleter> conv(ucnv_open("gb18030", &status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no GB18030 converter");
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // Every GB18030 byte sequence gives at most one UTF-16 unit per byte.
    std::vector<UChar> units(bytes.size() + 1);
    const char* source = bytes.data();
    UChar* target = units.data();
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(), nullptr,
                   true, &status);
    if (U_FAILURE(status)) {
        // The converter has consumed the offending sequence: back up to its start.
        char consumed[32];
        int8_t length = sizeof consumed;
        UErrorCode e = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), consumed, &length, &e);
        bad = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(std::max<int8_t>(length, 0));
        return std::nullopt;
    }
    std::string out;
    int32_t needed = 0;
    status = U_ZERO_ERROR;
    const auto n = static_cast<int32_t>(target - units.data());
    u_strToUTF8(nullptr, 0, &needed, units.data(), n, &status);
    out.resize(static_cast<std::size_t>(needed));
    status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), needed, &needed, units.data(), n, &status);
    if (U_FAILURE(status)) return std::nullopt;
    return out;
}

std::string control_name(char32_t c) {
    static const char* const kC0[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "TAB", "LF",
                                      "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                      "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    if (c < 0x20) return fmt::format("{} ({})", kC0[c], utf8::codepoint_name(c));
    if (c == 0x7F) return fmt::format("DEL ({})", utf8::codepoint_name(c));
    return utf8::codepoint_name(c);
}

// The first character at `s[i]` of valid UTF-8 that YAML does not allow
// (YAML 1.2, 5.1: C0 controls but tab, LF and CR; DEL; C1 controls; U+FFFE,
// U+FFFF), else 0xFFFFFFFF. U+0085 is refused too: no bulletin needs it,
// and Word would show it as a line break.
char32_t unprintable_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20) return b == '\t' || b == '\n' || b == '\r' ? 0xFFFFFFFF : b;
    if (b == 0x7F) return b;
    if (b == 0xC2 && i + 1 < s.size()) {
        const auto c = static_cast<unsigned char>(s[i + 1]);
        if (c >= 0x80 && c <= 0x9F) return c;
    }
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF) {
        const auto c = static_cast<unsigned char>(s[i + 2]);
        if (c == 0xBE || c == 0xBF) return 0xFF00 + c;
    }
    return 0xFFFFFFFF;
}

// Reports the characters YAML does not allow (at most a few: a binary file
// would otherwise give thousands of lines).
bool check_printable(std::string_view text, Diagnostics& diags) {
    constexpr int kMaxReported = 5;
    int reported = 0;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size() && reported < kMaxReported; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) == 0x80) continue;  // inside a character
        if (char32_t c = unprintable_at(text, i); c != 0xFFFFFFFF) {
            ++reported;
            if (c == 0)
                diags.error({line, column}, "the file contains a NUL byte (U+0000): it is not a text file, or it is "
                                            "saved as UTF-16; save it as UTF-8 text");
            else
                diags.error({line, column}, fmt::format("the file contains the control character {}, which a "
                                                        "bulletin cannot print: delete it",
                                                        control_name(c)));
        }
        if (b == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return reported == 0;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    std::string n(name);
    for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
    n.erase(std::remove(n.begin(), n.end(), '_'), n.end());
    if (n == "utf8") return Encoding::kUtf8;
    // GB18030 contains GBK (CP936), which contains GB 2312.
    if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::kGb18030;
    return std::nullopt;
}

std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t min = 0, c = 0;
        if (b >= 0xC2 && b <= 0xDF) len = 2, min = 0x80, c = b & 0x1F;
        else if (b >= 0xE0 && b <= 0xEF) len = 3, min = 0x800, c = b & 0x0F;
        else if (b >= 0xF0 && b <= 0xF4) len = 4, min = 0x10000, c = b & 0x07;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cont = static_cast<unsigned char>(s[i + k]);
            if ((cont & 0xC0) != 0x80) return i;
            c = (c << 6) | (cont & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::optional<std::string> decode_text(std::string file, Encoding encoding, Diagnostics& diags,
                                       std::string_view hint) {
    std::string_view bytes = file;
    auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) {
        diags.error({1, 1}, "the file is saved as UTF-32: save it as UTF-8");
        return std::nullopt;
    }
    if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) {
        diags.error({1, 1}, "the file is saved as UTF-16 (\"Unicode\" in Notepad): save it as UTF-8");
        return std::nullopt;
    }
    const bool bom = starts("\xEF\xBB\xBF"sv);
    if (bom) bytes.remove_prefix(3);  // invisible, and not a column

    std::string text;
    const std::size_t bad = invalid_utf8_at(bytes);
    if (encoding == Encoding::kGb18030) {
        if (bom || bad == std::string_view::npos) {
            if (bom || std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
                diags.error({1, 1}, "the file is already UTF-8, not GB18030: leave out --encoding");
                return std::nullopt;
            }
        }
        std::size_t at = 0;
        auto converted = from_gb18030(bytes, at);
        if (!converted) {
            SourcePos pos = position_of(bytes, at, [](std::string_view s) {
                std::size_t ignored = 0;
                auto u = from_gb18030(s, ignored);
                return u ? utf8::length(*u) : s.size();
            });
            diags.error(pos, fmt::format("the file is not GB18030: byte 0x{:02X} here is not part of a GB18030 "
                                         "character",
                                         static_cast<unsigned char>(bytes[at])));
            return std::nullopt;
        }
        text = std::move(*converted);
    } else {
        if (bad != std::string_view::npos) {
            const SourcePos pos = utf8_position(bytes, bad);
            std::size_t ignored = 0;
            if (from_gb18030(bytes, ignored))
                diags.error(pos, fmt::format("the file is not UTF-8: it looks like GB18030/GBK, the \"ANSI\" of "
                                             "Chinese Windows; save it as UTF-8{}",
                                             hint.empty() ? std::string() : fmt::format(", or give {}", hint)));
            else
                diags.error(pos, fmt::format("the file is not UTF-8: byte 0x{:02X} here is not part of a UTF-8 "
                                             "character; save the file as UTF-8",
                                             static_cast<unsigned char>(bytes[bad])));
            return std::nullopt;
        }
        // Valid as it is: the file's own buffer becomes the text (a bulletin
        // may be tens of megabytes; no copy).
        if (bom) file.erase(0, 3);
        text = std::move(file);
    }
    if (!check_printable(text, diags)) return std::nullopt;
    return text;
}

}  // namespace bulletin
