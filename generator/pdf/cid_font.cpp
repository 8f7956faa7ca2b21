#include "pdf/cid_font.hpp"

#include <algorithm>
#include <cmath>
#include <vector>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hb-subset.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

namespace bulletin {

namespace {

// RAII holders for the C libraries' objects.
struct HbDeleter {
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};
template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

std::string utf16be_hex(const std::u32string& text) {
    std::string out;
    for (char32_t c : text) {
        if (c >= 0x10000) {
            char32_t v = c - 0x10000;
            out += fmt::format("{:04X}{:04X}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        } else {
            out += fmt::format("{:04X}", static_cast<unsigned>(c));
        }
    }
    return out;
}

void check(HPDF_STATUS status, const char* what) {
    if (status != HPDF_OK) throw std::runtime_error(fmt::format("PDF: {} failed (libharu error {:#x})", what, status));
}

template <class T>
T* require(T* p, const char* what) {
    if (!p) throw std::runtime_error(fmt::format("PDF: cannot create {}", what));
    return p;
}

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

}  // namespace

void CidFont::use(std::uint32_t glyph, const std::u32string& text) {
    glyphs_.insert(glyph);
    auto [it, fresh] = text_of_.emplace(glyph, text);
    if (!fresh && it->second != text) ambiguous_.insert(glyph);
    if (text.empty()) ambiguous_.insert(glyph);
}

bool CidFont::maps_uniquely(std::uint32_t glyph) const { return !ambiguous_.count(glyph); }

std::string CidFont::subset_tag() const {
    // Deterministic: the same glyphs of the same face give the same tag.
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) {
        h ^= v;
        h *= 1099511628211ull;
    };
    for (char c : face_.postscript_name()) mix(static_cast<unsigned char>(c));
    for (auto g : glyphs_) mix(g);
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

std::string CidFont::to_unicode_cmap() const {
    std::vector<std::pair<std::uint16_t, const std::u32string*>> entries;
    for (const auto& [glyph, text] : text_of_)
        if (!ambiguous_.count(glyph)) entries.emplace_back(codes_.at(glyph), &text);
    std::sort(entries.begin(), entries.end());
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        out += fmt::format("{} beginbfchar\n", n);
        for (std::size_t k = i; k < i + n; ++k)
            out += fmt::format("<{:04X}> <{}>\n", entries[k].first, utf16be_hex(*entries[k].second));
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

void CidFont::subset() {
    // 1. Subset: only the glyphs shown (and .notdef); no layout tables, as
    //    the embedded font is never shaped again.
    HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("hb-subset: out of memory");
    hb_set_t* gids = hb_subset_input_glyph_set(input.get());
    hb_set_add(gids, 0);
    for (auto g : glyphs_) hb_set_add(gids, g);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                       HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'),
                       // Identity-H addresses glyphs directly: no character maps or glyph names needed.
                       HB_TAG('c', 'm', 'a', 'p'), HB_TAG('p', 'o', 's', 't')})
        hb_set_add(drop, t);
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    HbPtr<hb_subset_plan_t> plan(hb_subset_plan_create_or_fail(face_.hb_face(), input.get()));
    if (!plan) throw std::runtime_error("hb-subset could not plan a subset of " + face_.path());
    HbPtr<hb_face_t> subset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!subset) throw std::runtime_error("hb-subset could not subset " + face_.path());
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());

    // 2. The program to embed, and the code of each glyph in it.
    const bool cff = face_.is_cff();
    HbPtr<hb_blob_t> program(cff ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                                 : hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(program.get(), &length);
    if (length == 0) throw std::runtime_error("hb-subset produced an empty font for " + face_.path());

    // A CID-keyed CFF is addressed by CID, which the subset keeps in its
    // charset; read it back rather than assume CID == glyph id. Everything
    // else (name-keyed CFF, TrueType) is addressed by the new glyph id.
    FT_Library ft = nullptr;
    FT_Face ft_face = nullptr;
    FT_Bool cid_keyed = 0;
    if (cff && FT_Init_FreeType(&ft) == 0 &&
        FT_New_Memory_Face(ft, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length), 0, &ft_face) == 0)
        FT_Get_CID_Is_Internally_CID_Keyed(ft_face, &cid_keyed);
    for (auto g : glyphs_) {
        hb_codepoint_t new_gid = hb_map_get(old_to_new, g);
        if (new_gid == HB_MAP_VALUE_INVALID) throw std::runtime_error("hb-subset lost a glyph of " + face_.path());
        FT_UInt cid = new_gid;
        if (cid_keyed && FT_Get_CID_From_Glyph_Index(ft_face, new_gid, &cid) != 0) cid = new_gid;
        codes_[g] = static_cast<std::uint16_t>(cid);
        widths_[g] = static_cast<int>(std::lround(face_.advance(g) * 1000.0));
    }
    if (ft_face) FT_Done_Face(ft_face);
    if (ft) FT_Done_FreeType(ft);
    program_.assign(data, length);
}

void CidFont::embed(HPDF_Doc doc) {
    // 3. The PDF objects.
    const bool cff = face_.is_cff();
    const auto length = static_cast<HPDF_UINT>(program_.size());
    const char* data = program_.data();
    auto* pdf = static_cast<HPDF_Doc_Rec*>(doc);
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Xref xref = pdf->xref;
    std::string base_font = subset_tag() + "+" + face_.postscript_name();

    HPDF_Dict file = require(HPDF_DictStream_New(mmgr, xref), "font file");
    file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (cff) check(HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C"), "FontFile3");
    else check(HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(length)), "Length1");
    check(HPDF_Stream_Write(file->stream, reinterpret_cast<const HPDF_BYTE*>(data), length), "font data");

    int bbox[4];
    head_bbox(face_.hb_face(), bbox);
    double to1000 = 1000.0 / face_.units_per_em();
    HPDF_Dict desc = require(HPDF_Dict_New(mmgr), "font descriptor");
    check(HPDF_Xref_Add(xref, desc), "font descriptor");
    check(HPDF_Dict_AddName(desc, "Type", "FontDescriptor"), "descriptor");
    check(HPDF_Dict_AddName(desc, "FontName", base_font.c_str()), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "Flags", 4), "descriptor");  // symbolic
    HPDF_Array box = require(HPDF_Array_New(mmgr), "bbox");
    for (int v : bbox) HPDF_Array_AddNumber(box, static_cast<HPDF_INT32>(std::lround(v * to1000)));
    check(HPDF_Dict_Add(desc, "FontBBox", box), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "ItalicAngle", 0), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(std::lround(face_.ascender() * 1000))), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(std::lround(face_.descender() * 1000))), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(std::lround(face_.ascender() * 1000))), "descriptor");
    check(HPDF_Dict_AddNumber(desc, "StemV", 80), "descriptor");
    check(HPDF_Dict_Add(desc, cff ? "FontFile3" : "FontFile2", file), "descriptor");

    HPDF_Dict cid_font = require(HPDF_Dict_New(mmgr), "CID font");
    check(HPDF_Xref_Add(xref, cid_font), "CID font");
    check(HPDF_Dict_AddName(cid_font, "Type", "Font"), "CID font");
    check(HPDF_Dict_AddName(cid_font, "Subtype", cff ? "CIDFontType0" : "CIDFontType2"), "CID font");
    check(HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str()), "CID font");
    HPDF_Dict info = require(HPDF_Dict_New(mmgr), "CIDSystemInfo");
    check(HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr)), "CIDSystemInfo");
    check(HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr)), "CIDSystemInfo");
    check(HPDF_Dict_AddNumber(info, "Supplement", 0), "CIDSystemInfo");
    check(HPDF_Dict_Add(cid_font, "CIDSystemInfo", info), "CID font");
    check(HPDF_Dict_Add(cid_font, "FontDescriptor", desc), "CID font");
    check(HPDF_Dict_AddNumber(cid_font, "DW", 1000), "CID font");
    if (!cff) check(HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity"), "CID font");
    // W: only the codes whose width is not the default 1000, as `c [w]`.
    std::map<std::uint16_t, int> by_code;
    for (const auto& [g, code] : codes_) by_code[code] = widths_[g];
    HPDF_Array w = require(HPDF_Array_New(mmgr), "W");
    for (const auto& [code, width] : by_code) {
        if (width == 1000) continue;
        HPDF_Array one = require(HPDF_Array_New(mmgr), "W entry");
        HPDF_Array_AddNumber(one, width);
        HPDF_Array_AddNumber(w, code);
        HPDF_Array_Add(w, one);
    }
    check(HPDF_Dict_Add(cid_font, "W", w), "CID font");

    HPDF_Dict to_unicode = require(HPDF_DictStream_New(mmgr, xref), "ToUnicode");
    to_unicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    std::string cmap = to_unicode_cmap();
    check(HPDF_Stream_Write(to_unicode->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                            static_cast<HPDF_UINT>(cmap.size())),
          "ToUnicode");

    type0_ = require(HPDF_Dict_New(mmgr), "Type0 font");
    check(HPDF_Xref_Add(xref, type0_), "Type0 font");
    check(HPDF_Dict_AddName(type0_, "Type", "Font"), "Type0 font");
    check(HPDF_Dict_AddName(type0_, "Subtype", "Type0"), "Type0 font");
    check(HPDF_Dict_AddName(type0_, "BaseFont", base_font.c_str()), "Type0 font");
    check(HPDF_Dict_AddName(type0_, "Encoding", "Identity-H"), "Type0 font");
    HPDF_Array descendants = require(HPDF_Array_New(mmgr), "DescendantFonts");
    HPDF_Array_Add(descendants, cid_font);
    check(HPDF_Dict_Add(type0_, "DescendantFonts", descendants), "Type0 font");
    check(HPDF_Dict_Add(type0_, "ToUnicode", to_unicode), "Type0 font");
}

}  // namespace bulletin
