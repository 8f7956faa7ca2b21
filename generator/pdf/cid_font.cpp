#include "pdf/cid_font.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-subset.h>

#include "typeset/face_subset.hpp"

namespace bulletin::pdf {

namespace {

// The 'head' table's font bounding box, in font units.
void head_bbox(hb_face_t* face, int bbox[4]) {
    bbox[0] = 0, bbox[1] = -120, bbox[2] = 1000, bbox[3] = 880;
    HbPtr<hb_blob_t> head(hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd')));
    unsigned len = 0;
    const char* d = hb_blob_get_data(head.get(), &len);
    if (len < 44) return;
    for (int i = 0; i < 4; ++i) {
        auto hi = static_cast<unsigned char>(d[36 + 2 * i]);
        auto lo = static_cast<unsigned char>(d[37 + 2 * i]);
        bbox[i] = static_cast<std::int16_t>((hi << 8) | lo);
    }
}

int rounded(double v) { return static_cast<int>(std::lround(v)); }

}  // namespace

// FreeType's view of a CFF: whether it is CID-keyed, and the CID of a glyph.
struct CidFont::FreeTypeFace {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    FreeTypeFace(const char* data, std::size_t length, long index) {
        if (FT_Init_FreeType(&library) != 0) library = nullptr;
        else if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length),
                                    index, &face) != 0)
            face = nullptr;
    }
    ~FreeTypeFace() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
    FreeTypeFace(const FreeTypeFace&) = delete;
    FreeTypeFace& operator=(const FreeTypeFace&) = delete;
    bool cid_keyed() const {
        FT_Bool keyed = 0;
        return face && FT_Get_CID_Is_Internally_CID_Keyed(face, &keyed) == 0 && keyed;
    }
    // The CID of a glyph of a CID-keyed CFF.
    std::uint32_t cid(std::uint32_t glyph) const {
        FT_UInt cid = glyph;
        if (FT_Get_CID_From_Glyph_Index(face, glyph, &cid) != 0) cid = glyph;
        return cid;
    }
};

CidFont::CidFont(const FontFace& face, int type0) : face_(face), type0_(type0) {
    if (!face_.is_cff()) return;
    // Whether the CFF is CID-keyed decides what a code is: read from the
    // font's own bytes, which HarfBuzz already holds.
    HbPtr<hb_blob_t> blob(hb_face_reference_blob(face_.hb_face()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    auto ft = std::make_unique<FreeTypeFace>(data, length, static_cast<long>(face_.index()));
    cid_keyed_ = ft->cid_keyed();
    if (cid_keyed_) cids_ = std::move(ft);  // the bytes live as long as the FontFace
}

CidFont::~CidFont() = default;

std::uint16_t CidFont::code_of(std::uint32_t glyph) {
    // Every glyph of every page comes here: a flat table, not the map.
    if (glyph < seen_.size() && seen_[glyph] >= 0) return static_cast<std::uint16_t>(seen_[glyph]);
    const std::uint32_t code = cid_keyed_ ? cids_->cid(glyph) : glyph;
    if (code > 0xFFFF) throw std::runtime_error("PDF: glyph " + std::to_string(glyph) + " of " + face_.path() +
                                                " has no two-byte code");
    if (glyph >= seen_.size()) seen_.resize(std::max<std::size_t>(glyph + 1, 2 * seen_.size()), -1);
    seen_[glyph] = static_cast<std::int32_t>(code);
    return codes_.emplace(glyph, static_cast<std::uint16_t>(code)).first->second;
}

std::uint16_t CidFont::use(std::uint32_t glyph, const std::u32string& text, bool& mapped,
                           const std::u32string& cluster) {
    const std::uint16_t code = code_of(glyph);
    if (text.empty()) {
        mapped = false;  // a second glyph of a cluster: only ActualText can tell
        if (!cluster.empty()) text_.try_emplace(glyph, cluster);
        return code;
    }
    auto [it, fresh] = text_.try_emplace(glyph, text);  // no node made when the glyph is known
    mapped = fresh || it->second == text;
    return code;
}

int CidFont::width(std::uint32_t glyph) const { return rounded(face_.advance(glyph) * 1000.0); }

std::string CidFont::subset_tag() const {
    // Deterministic: the same glyphs of the same face give the same tag.
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) {
        h ^= v;
        h *= 1099511628211ull;
    };
    for (char c : face_.postscript_name()) mix(static_cast<unsigned char>(c));
    for (const auto& [g, code] : codes_) mix(g);
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

std::string CidFont::to_unicode_cmap() const {
    std::vector<std::pair<std::uint16_t, const std::u32string*>> entries;
    for (const auto& [glyph, text] : text_) entries.emplace_back(codes_.at(glyph), &text);
    std::sort(entries.begin(), entries.end());
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            out += '<';
            append_hex4(out, entries[k].first);
            out += "> <";
            append_utf16_hex(out, *entries[k].second);
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

void CidFont::subset() {
    // 1. Only the glyphs shown (and .notdef), no character map (Identity-H
    //    addresses glyphs directly). A name-keyed CFF keeps its glyph ids
    //    (they are the codes already written).
    const bool cff = face_.is_cff();
    const bool keep_ids = cff && !cid_keyed_;
    HbPtr<hb_set_t> glyphs(hb_set_create());
    for (const auto& [g, code] : codes_) hb_set_add(glyphs.get(), g);
    const FaceSubset subset = subset_face(face_, glyphs.get(), nullptr, keep_ids);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(subset.plan.get());

    HbPtr<hb_blob_t> program(cff ? hb_face_reference_table(subset.face.get(), HB_TAG('C', 'F', 'F', ' '))
                                 : hb_face_reference_blob(subset.face.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(program.get(), &length);
    if (length == 0) throw std::runtime_error("hb-subset produced an empty font for " + face_.path());

    // 2. Each code must still reach its glyph.
    std::unique_ptr<FreeTypeFace> ft;
    if (cid_keyed_) ft = std::make_unique<FreeTypeFace>(data, length, 0);
    for (const auto& [g, code] : codes_) {
        hb_codepoint_t new_gid = hb_map_get(old_to_new, g);
        if (new_gid == HB_MAP_VALUE_INVALID) throw std::runtime_error("hb-subset lost a glyph of " + face_.path());
        bool kept = true;
        if (cid_keyed_) kept = ft->face && ft->cid(new_gid) == code;
        else if (keep_ids) kept = new_gid == g;
        else cid_to_gid_[code] = static_cast<std::uint16_t>(new_gid);
        if (!kept)
            throw std::runtime_error("PDF: the subset of " + face_.path() + " renumbered glyph " + std::to_string(g) +
                                     ", whose code is already written");
    }
    // Compressed here, on this face's own thread.
    program_length_ = length;
    program_ = deflate(std::string_view(data, length));
}

void CidFont::embed(PdfFile& pdf) const {
    const bool cff = face_.is_cff();
    const std::string base_font = name(subset_tag() + "+" + face_.postscript_name());

    std::string file_dict = cff ? "/Subtype/CIDFontType0C" : "/Length1 " + std::to_string(program_length_);
    const int file = pdf.stream(file_dict + "/Filter/FlateDecode", program_, false);

    int bbox[4];
    head_bbox(face_.hb_face(), bbox);
    const double to1000 = 1000.0 / face_.units_per_em();
    std::string desc = "<</Type/FontDescriptor/FontName" + base_font + "/Flags 4/FontBBox[";
    for (int i = 0; i < 4; ++i) {
        if (i) desc += ' ';
        desc += std::to_string(rounded(bbox[i] * to1000));
    }
    desc += "]/ItalicAngle 0/Ascent " + std::to_string(rounded(face_.ascender() * 1000)) + "/Descent " +
            std::to_string(rounded(face_.descender() * 1000)) + "/CapHeight " +
            std::to_string(rounded(face_.ascender() * 1000)) + "/StemV 80" + (cff ? "/FontFile3 " : "/FontFile2 ") +
            ref(file) + ">>";
    const int descriptor = pdf.object(desc);

    const std::string w = width_array(false);

    std::string cid_font = std::string("/Type/Font/Subtype") + (cff ? "/CIDFontType0" : "/CIDFontType2") + "/BaseFont" +
                           base_font + "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor " +
                           ref(descriptor) + "/DW 1000";
    if (!cff) {
        // Code -> glyph of the subset, two bytes per code (0 = .notdef).
        std::string map(2 * (static_cast<std::size_t>(cid_to_gid_.empty() ? 0 : cid_to_gid_.rbegin()->first) + 1), '\0');
        for (const auto& [code, gid] : cid_to_gid_) {
            map[2 * code] = static_cast<char>(gid >> 8);
            map[2 * code + 1] = static_cast<char>(gid & 0xFF);
        }
        cid_font += "/CIDToGIDMap " + ref(pdf.stream("", std::move(map)));
    }
    const int descendant = pdf.object("<<" + cid_font + "/W" + w + ">>");
    const int to_unicode = pdf.stream("", to_unicode_cmap());
    auto type0 = [&](int num, int descendant_font) {
        pdf.object(num, "<</Type/Font/Subtype/Type0/BaseFont" + base_font + "/Encoding/Identity-H/DescendantFonts[" +
                            ref(descendant_font) + "]/ToUnicode " + ref(to_unicode) + ">>");
    };
    type0(type0_, descendant);
    // The same program and map, the halved glyphs at half their width.
    if (halved_type0_) type0(halved_type0_, pdf.object("<<" + cid_font + "/W" + width_array(true) + ">>"));
}

// W: only the codes whose width is not the default 1000, as runs `c [w1 w2 …]`.
std::string CidFont::width_array(bool halved) const {
    std::map<std::uint16_t, int> by_code;
    for (const auto& [g, code] : codes_) by_code[code] = halved && halved_.count(code) ? width(g) / 2 : width(g);
    std::string w = "[";
    int next = -2;
    for (const auto& [code, width] : by_code) {
        if (width == 1000) continue;
        if (code != next) {
            if (next != -2) w += ']';
            w += std::to_string(code);
            w += '[';
        } else {
            w += ' ';
        }
        w += std::to_string(width);
        next = code + 1;
    }
    w += next == -2 ? "]" : "]]";
    return w;
}

}  // namespace bulletin::pdf
