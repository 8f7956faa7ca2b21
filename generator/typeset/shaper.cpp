#include "typeset/shaper.hpp"

#include <cctype>
#include <memory>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "support/utf8.hpp"

namespace bulletin {

namespace {

constexpr char32_t kLineSeparator = 0x2028;

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// Marks that belong to the character before them (combining marks,
// variation selectors, joiners): set in the same face.
bool attaches_to_previous(char32_t c) {
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x200D) return true;
    auto type = u_charType(static_cast<UChar32>(c));
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The end of a number: 2023, 99.8%, 1.2.
bool is_number_end(char32_t c) { return (c >= '0' && c <= '9') || c == '%' || c == '.'; }

// The Western side of 中西间距: Latin letters and digits (and the % of a
// number), set in the Latin face.
bool is_western(char32_t c) {
    return is_ascii_alnum(c) || c == '%' || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

// Where UAX #14 (ICU) allows a line break, by code point index; the 禁则
// are applied on top by the caller.
std::vector<bool> icu_break_opportunities(const std::u32string& text) {
    std::vector<bool> allowed(text.size() + 1, false);
    icu::UnicodeString u;
    std::vector<std::int32_t> cp_at_utf16;  // code point index of each UTF-16 offset
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::int32_t before = u.length();
        u.append(static_cast<UChar32>(text[i]));
        for (std::int32_t k = before; k < u.length(); ++k) cp_at_utf16.push_back(static_cast<std::int32_t>(i));
    }
    cp_at_utf16.push_back(static_cast<std::int32_t>(text.size()));
    // Made once per thread and given each paragraph's text: creating one
    // costs more than breaking a paragraph.
    thread_local UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale("zh", "CN"), status));
    if (U_FAILURE(status) || !it) {
        // Without ICU data every boundary is allowed; the 禁则 still apply.
        std::fill(allowed.begin(), allowed.end(), true);
        return allowed;
    }
    it->setText(u);
    for (std::int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next())
        allowed[static_cast<std::size_t>(cp_at_utf16[static_cast<std::size_t>(p)])] = true;
    static const icu::UnicodeString kNothing;
    it->setText(kNothing);  // it keeps a reference to its text, and `u` ends here
    return allowed;
}

// The characters a web or e-mail address is made of (RFC 3986's, less the
// brackets and quotes that usually surround one in running text).
bool address_char(char32_t c) {
    return is_ascii_alnum(c) || (c < 0x80 && std::u32string_view(U"-._~:/?#@!$&*+,;=%").find(c) != std::u32string_view::npos);
}

bool starts_with_ascii(const std::u32string& text, std::size_t at, std::u32string_view prefix) {
    if (at + prefix.size() > text.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char32_t c = text[at + i];
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c != prefix[i]) return false;
    }
    return true;
}

// Web addresses (http://, https://, www.) and e-mail addresses (x@y.z) in
// `text`, as [begin, end) ranges; a full stop or comma that ends one is the
// sentence's, not the address's.
std::vector<std::pair<std::size_t, std::size_t>> find_addresses(const std::u32string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t begin = i;
        bool web = starts_with_ascii(text, i, U"http://") || starts_with_ascii(text, i, U"https://") ||
                   starts_with_ascii(text, i, U"www.");
        if (web && i > 0 && address_char(text[i - 1]) && text[i - 1] != ':') web = false;  // inside a word
        bool mail = false;
        if (!web && text[i] == '@' && i > 0 && is_ascii_alnum(text[i - 1]) && i + 1 < text.size() &&
            is_ascii_alnum(text[i + 1])) {
            mail = true;
            while (begin > 0 && (is_ascii_alnum(text[begin - 1]) || std::u32string_view(U"._%+-").find(text[begin - 1]) !=
                                                                          std::u32string_view::npos))
                --begin;
        }
        if (!web && !mail) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && address_char(text[end])) ++end;
        while (end > begin && std::u32string_view(U".,;:!?").find(text[end - 1]) != std::u32string_view::npos) --end;
        if (end > begin + 3) found.emplace_back(begin, end);
        i = std::max(end, i + 1);
    }
    return found;
}

// An address is one unit for breaking, with a costly way out where it cannot
// fit a line: after / . - ? & = _, but not after the scheme's // nor inside
// a number (1.2, 2024-05).
void mark_addresses(const std::u32string& text, const std::vector<std::size_t>& piece_start, std::vector<Piece>& pieces) {
    const auto addresses = find_addresses(text);
    if (addresses.empty()) return;
    std::size_t a = 0;
    for (std::size_t k = 1; k < pieces.size(); ++k) {
        const std::size_t at = piece_start[k];
        while (a < addresses.size() && addresses[a].second <= at) ++a;
        if (a >= addresses.size()) break;
        if (at <= addresses[a].first) continue;  // before it, or its first character
        Piece& p = pieces[k];
        p.glue_before = false;
        const char32_t before = text[at - 1], after = text[at];
        const char32_t two_before = at >= 2 ? text[at - 2] : 0;
        bool ok = std::u32string_view(U"/.-?&=_").find(before) != std::u32string_view::npos;
        if (before == '/' && (two_before == '/' || after == '/')) ok = false;  // https:// stays whole
        if (std::isdigit(static_cast<int>(two_before)) && std::isdigit(static_cast<int>(after))) ok = false;
        p.break_before = ok;
        p.url_break = ok;
    }
}

struct FaceSpan {
    std::size_t begin, end;  // code point range in the paragraph
    const FontFace* face;
    std::size_t run;
};

}  // namespace

// clreq 3.1.7: closing and middle punctuation, and the ellipsis (a line
// never opens with ……).
bool is_no_line_start(char32_t c) {
    return in(c, U"，。、；：？！）》」』】〕〉”’・·‥…％‰℃°～,.;:!?)]}%");
}

bool is_no_line_end(char32_t c) { return in(c, U"（《「『【〔〈“‘([{"); }

bool is_cjk(char32_t c) {
    return is_ideograph(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0xB7;
}

std::vector<Piece> shape_paragraph(const std::vector<TextRun>& runs, const FontSet& fonts,
                                   std::vector<MissingChar>& missing) {
    // The paragraph as one code point string, so shaping sees context and
    // clusters are paragraph-wide indices.
    std::u32string text;
    std::vector<std::size_t> run_of;     // run index of each code point
    std::vector<std::size_t> run_start;  // first code point of each run
    for (std::size_t r = 0; r < runs.size(); ++r) {
        std::u32string part = utf8::decode(runs[r].text);
        run_start.push_back(text.size());
        text += part;
        run_of.insert(run_of.end(), part.size(), r);
    }

    // Itemize: consecutive characters of the same run set in the same face.
    std::vector<FaceSpan> spans;
    std::vector<bool> dropped(text.size(), false);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const TextRun& run = runs[run_of[i]];
        char32_t c = text[i];
        const FontFace* face = nullptr;
        if (c == kLineSeparator) face = run.role->cjk;  // shaped as nothing, see below
        else if (attaches_to_previous(c) && !spans.empty() && spans.back().end == i && spans.back().run == run_of[i])
            face = spans.back().face;
        else
            face = fonts.text_face(*run.role, c);
        if (!face) {
            Origin at = run.origin;
            if (at.exact) at.pos.column += static_cast<int>(i - run_start[run_of[i]]);
            missing.push_back({c, at});
            dropped[i] = true;
            continue;
        }
        if (!spans.empty() && spans.back().end == i && spans.back().face == face && spans.back().run == run_of[i])
            spans.back().end = i + 1;
        else
            spans.push_back({i, i + 1, face, run_of[i]});
    }

    std::vector<Piece> pieces;
    std::vector<std::size_t> piece_start;  // first code point of each piece
    hb_buffer_t* buf = hb_buffer_create();
    hb_language_t zh = hb_language_from_string("zh-Hans", -1);
    for (const FaceSpan& span : spans) {
        const TextRun& run = runs[span.run];
        const FontFace* face = span.face;
        double scale = run.size / face->units_per_em();
        hb_buffer_clear_contents(buf);
        hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
        hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(text.data()), static_cast<int>(text.size()),
                            static_cast<unsigned>(span.begin), static_cast<int>(span.end - span.begin));
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
        hb_buffer_set_language(buf, zh);
        bool latin_face = run.role->latin == face && face != run.role->cjk;
        if (latin_face) hb_buffer_guess_segment_properties(buf);
        else hb_buffer_set_script(buf, HB_SCRIPT_HAN);  // so locl picks full-width punctuation for zh-Hans
        hb_shape(face->hb_font(), buf, nullptr, 0);

        unsigned count = 0;
        hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
        hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
        std::size_t first_piece = pieces.size();
        for (unsigned g = 0; g < count; ++g) {
            std::size_t cluster = info[g].cluster;
            if (pieces.size() == first_piece || piece_start.back() != cluster) {
                Piece p;
                p.face = face;
                p.run = static_cast<std::uint32_t>(span.run);
                p.size = run.size;
                p.color = run.color;
                pieces.push_back(std::move(p));
                piece_start.push_back(cluster);
            }
            Piece& p = pieces.back();
            p.glyphs.push_back({info[g].codepoint, p.advance + pos[g].x_offset * scale, pos[g].y_offset * scale});
            p.advance += pos[g].x_advance * scale;
        }
        // Text of each piece: from its cluster to the next piece's (or the span end).
        for (std::size_t k = first_piece; k < pieces.size(); ++k) {
            std::size_t end = k + 1 < pieces.size() ? piece_start[k + 1] : span.end;
            for (std::size_t i = piece_start[k]; i < end; ++i)
                if (!dropped[i]) pieces[k].text.push_back(text[i]);
            pieces[k].advance += run.tracking;
        }
    }
    hb_buffer_destroy(buf);

    // Line-breaking facts per piece.
    std::vector<bool> icu = icu_break_opportunities(text);
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        Piece& p = pieces[k];
        if (p.text.empty()) continue;
        char32_t first = p.text.front();
        p.is_space = first == U' ';  // U+3000 is a real full-width blank and stays
        if (first == kLineSeparator) {
            p.forced_break = true;
            p.glyphs.clear();
            p.advance = 0;
        }
        p.no_line_start = is_no_line_start(first);
        // Blank half of full-width punctuation, measured from the glyph's ink
        // so it works whatever the font puts where.
        if (p.glyphs.size() == 1 && p.text.size() == 1 && u_ispunct(static_cast<UChar32>(first)) &&
            p.face->advance(p.glyphs[0].id) > 0.9) {
            double left = 0, right = 0;
            p.face->ink_extent(p.glyphs[0].id, left, right);
            double em = p.size;
            if (right <= 0.56) p.trim_right_max = 0.5 * em;
            else if (left >= 0.44) p.trim_left_max = 0.5 * em;
        }
        if (k == 0) continue;
        const Piece& prev = pieces[k - 1];
        char32_t prev_last = prev.text.empty() ? 0 : prev.text.back();
        bool allowed = icu[piece_start[k]] || prev.forced_break;
        if (p.no_line_start || is_no_line_end(prev_last)) allowed = false;
        // Keep a number with its unit (2023年, 50人, 1.2万, 99.8%的) and Latin
        // words whole (ICU already does; this also covers the 禁则 fonts).
        if (is_number_end(prev_last) && is_ideograph(first)) allowed = false;
        // An ordinal stays whole: 第4号, 第1区块.
        if (prev_last == U'第' && first >= U'0' && first <= U'9') allowed = false;
        if (is_ascii_alnum(prev_last) && is_ascii_alnum(first)) allowed = false;
        // The halves of …… and —— are one mark: never parted, never spaced.
        bool doubled_mark = first == prev_last && (first == U'\u2026' || first == U'\u2014');
        if (doubled_mark) allowed = false;
        if (prev.forced_break) allowed = true;
        p.break_before = allowed;
        p.glue_before = !doubled_mark && (is_cjk(first) || is_cjk(prev_last) || p.is_space || prev.is_space);
        if ((is_ideograph(prev_last) && is_western(first)) || (is_western(prev_last) && is_ideograph(first)))
            p.autospace = 0.25 * (is_ideograph(first) ? p.size : prev.size);
    }

    // A run spaced out to a width: the extra shared by the gaps between its
    // characters; a name stays whole, and justification leaves it alone.
    for (std::size_t k = 0; k < pieces.size();) {
        const std::size_t run = run_of[piece_start[k]];
        std::size_t end = k + 1;
        while (end < pieces.size() && run_of[piece_start[end]] == run) ++end;
        const TextRun& r = runs[run];
        double natural = 0;
        for (std::size_t i = k; i < end; ++i) natural += pieces[i].advance;
        const double extra = r.fit_chars * r.size - natural;
        if (r.fit_chars > 0 && end - k >= 2 && extra > 0) {
            for (std::size_t i = k; i < end; ++i) {
                pieces[i].fitted = true;
                if (i + 1 < end) pieces[i].advance += extra / static_cast<double>(end - k - 1);
                if (i > k) pieces[i].break_before = pieces[i].glue_before = false, pieces[i].autospace = 0;
            }
        }
        k = end;
    }

    mark_addresses(text, piece_start, pieces);

    // 标点挤压: adjacent full-width punctuation takes 1.5 em, not 2.
    for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
        Piece& a = pieces[k];
        Piece& b = pieces[k + 1];
        bool a_punct = a.trim_left_max > 0 || a.trim_right_max > 0;
        bool b_punct = b.trim_left_max > 0 || b.trim_right_max > 0;
        if (!a_punct || !b_punct) continue;
        if (a.trim_right_max > 0 && a.trim_right == 0) a.trim_right = a.trim_right_max;
        else if (b.trim_left_max > 0 && b.trim_left == 0) b.trim_left = b.trim_left_max;
    }
    return pieces;
}

}  // namespace bulletin
