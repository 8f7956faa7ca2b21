#include "docx/docx_styles.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "docx/windows_fonts.hpp"
#include "docx/xml_part.hpp"

namespace bulletin {

long twips(double points) { return std::lround(points * 20); }

std::string hex_colour(const Color& c) {
    auto v = [](double x) { return static_cast<int>(std::lround(x * 255)); };
    return fmt::format("{:02X}{:02X}{:02X}", v(c.r), v(c.g), v(c.b));
}

namespace {

// Word's own styles, so its navigation pane and style gallery know them.
struct Builtin {
    const char* layout;
    const char* id;
    const char* name;
};
constexpr Builtin kBuiltins[] = {
    {"body", "BodyText", "Body Text"},  {"title", "Title", "Title"},        {"subtitle", "Subtitle", "Subtitle"},
    {"heading1", "Heading1", "heading 1"}, {"heading2", "Heading2", "heading 2"}, {"heading3", "Heading3", "heading 3"},
    {"heading4", "Heading4", "heading 4"}, {"page_number", "Footer", "footer"},   {"running_head", "Header", "header"},
    {"caption", "Caption", "caption"},
};

// The names a Chinese office reads in Word's and WPS's style list for the
// bundled layouts' own styles (Word shows its built-in ones in Chinese by
// itself); a layout's other styles keep their own names.
struct ChineseName {
    const char* layout;
    const char* name;
};
constexpr ChineseName kChineseNames[] = {
    {"meta", "会议信息"},         {"label", "字段标签"},       {"signature", "落款"},
    {"masthead", "报头"},         {"masthead_latin", "报头拼音"}, {"masthead_info", "报头信息"},
    {"kicker", "引题"},           {"headline", "主标题"},      {"byline", "署名"},
    {"lead", "导语"},             {"banner", "栏目条"},        {"group_title", "分组标题"},
    {"item_title", "条目标题"},   {"table_text", "表格正文"},  {"table_center", "表格居中"},
    {"table_body", "表格办理情况"}, {"table_header", "表头"},  {"table_group", "表格分组"},
};
// The font roles of the manifest, for the names of character styles.
constexpr ChineseName kRoleNames[] = {
    {"xiaobiaosong", "小标宋"}, {"fangsong", "仿宋"}, {"kaiti", "楷体"},     {"heiti", "黑体"},
    {"heiti_light", "细黑体"},  {"songti", "宋体"},   {"songti_bold", "粗宋体"},
};

const char* chinese_name(const ChineseName* begin, const ChineseName* end, const std::string& key) {
    for (const ChineseName* n = begin; n != end; ++n)
        if (key == n->layout) return n->name;
    return nullptr;
}

const char* const kLevelNames[] = {"", "一级", "二级", "三级", "四级", "五级", "六级", "七级", "八级", "九级"};

std::string pascal(const std::string& name) {
    std::string out;
    bool up = true;
    for (char c : name) {
        if (c == '_' || c == '-' || c == ' ') {
            up = true;
            continue;
        }
        out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        up = false;
    }
    return out;
}

const char* jc(Align a) {
    switch (a) {
        case Align::kLeft: return "left";
        case Align::kCenter: return "center";
        case Align::kRight: return "right";
        case Align::kJustify: return "both";
    }
    return "both";
}

using xml::declare;
using xml::serialize;
using xml::set;

}  // namespace

DocxStyles::DocxStyles(const Layout& layout, const FontTable& fonts) : layout_(layout), fonts_(fonts) {}

std::string DocxStyles::paragraph_style(const std::string& layout_style) const {
    for (const auto& b : kBuiltins)
        if (layout_style == b.layout) return b.id;
    return pascal(layout_style);
}

void DocxStyles::note_use(const std::string& layout_style, int outline_level) {
    levels_[layout_style].insert(outline_level);
}

int DocxStyles::own_level(const std::string& layout_style) const {
    auto it = levels_.find(layout_style);
    if (it != levels_.end() && it->second.size() == 1) return *it->second.begin();
    // Word's heading styles are headings even where no paragraph uses them.
    if (it == levels_.end() && layout_style.size() == 8 && layout_style.rfind("heading", 0) == 0)
        return layout_style[7] - '0';
    return 0;
}

std::string DocxStyles::paragraph_style(const std::string& layout_style, int outline_level) const {
    if (outline_level == 0 || own_level(layout_style) == outline_level) return paragraph_style(layout_style);
    return paragraph_style(layout_style) + "Level" + std::to_string(outline_level);
}

std::string DocxStyles::strong_style(const std::string& layout_style) const {
    const Style& st = layout_.style(layout_style);
    if (st.strong.empty() || st.strong == st.font) return {};
    return "Strong" + pascal(st.strong);
}

std::string DocxStyles::character_style(const std::string& layout_style) {
    character_styles_.insert(layout_style);
    return pascal(layout_style) + "Char";
}

// <w:rFonts> (and <w:b> for a bold face) of a font role, if the table has it.
void DocxStyles::add_role_fonts(pugi::xml_node rpr, const std::string& role) const {
    auto it = fonts_.find(role);
    if (it == fonts_.end()) return;
    auto f = rpr.append_child("w:rFonts");
    set(f, "w:ascii", it->second.latin);
    set(f, "w:hAnsi", it->second.latin);
    set(f, "w:eastAsia", it->second.east_asia);
    set(f, "w:cs", it->second.latin);
    // Punctuation such as “” and …… in the Chinese face, as the PDF sets it.
    set(f, "w:hint", "eastAsia");
    if (it->second.bold) rpr.append_child("w:b");
}

void DocxStyles::add_run_props(pugi::xml_node rpr, const Style& st, const Style* parent, bool character) const {
    // Children in the schema's order: rFonts, b, color, spacing, sz, szCs, lang.
    if (!parent || parent->font != st.font) {
        add_role_fonts(rpr, st.font);
    }
    if (!parent || !(parent->color == st.color)) set(rpr.append_child("w:color"), "w:val", hex_colour(st.color));
    // A character style always says its spacing: it must not inherit the
    // letter-spacing of the paragraph style it sits in (the masthead's 4pt).
    if ((!parent && (st.tracking != 0 || character)) || (parent && parent->tracking != st.tracking))
        set(rpr.append_child("w:spacing"), "w:val", std::to_string(twips(st.tracking)));
    if (!parent || parent->size != st.size) {
        std::string half = std::to_string(std::lround(st.size * 2));
        set(rpr.append_child("w:sz"), "w:val", half);
        set(rpr.append_child("w:szCs"), "w:val", half);
    }
}

void DocxStyles::add_paragraph_props(pugi::xml_node ppr, const Style& st, const Style* parent, int outline_level) const {
    // Children in the schema's order: keepNext, keepLines, widowControl, shd, snapToGrid,
    // spacing, ind, jc, outlineLvl.
    // A heading stays with what follows, and in one piece, as in the PDF.
    if (st.keep_with_next && (!parent || !parent->keep_with_next)) {
        ppr.append_child("w:keepNext");
        ppr.append_child("w:keepLines");
    }
    if (parent ? parent->widow_control != st.widow_control : !st.widow_control)
        set(ppr.append_child("w:widowControl"), "w:val", st.widow_control ? "1" : "0");
    if (st.background) {
        auto shd = ppr.append_child("w:shd");
        set(shd, "w:val", "clear");
        set(shd, "w:color", "auto");
        set(shd, "w:fill", hex_colour(*st.background));
    }
    // Only lines of the body's leading sit on the page's line grid: a title's
    // 38pt lines would each take two 28.95pt grid lines.
    if (layout_.kind == LayoutKind::kOfficial && st.leading != layout_.style("body").leading)
        set(ppr.append_child("w:snapToGrid"), "w:val", "0");
    auto spacing = ppr.append_child("w:spacing");
    set(spacing, "w:before", std::to_string(twips(st.space_before)));
    set(spacing, "w:after", std::to_string(twips(st.space_after)));
    set(spacing, "w:line", std::to_string(twips(st.leading)));
    set(spacing, "w:lineRule", "exact");
    auto ind = ppr.append_child("w:ind");
    set(ind, "w:left", std::to_string(twips(st.left)));
    set(ind, "w:right", std::to_string(twips(st.right)));
    set(ind, "w:firstLine", std::to_string(twips(st.indent)));
    set(ppr.append_child("w:jc"), "w:val", jc(st.align));
    if (outline_level > 0) set(ppr.append_child("w:outlineLvl"), "w:val", std::to_string(outline_level - 1));
}

std::string DocxStyles::styles_xml() const {
    pugi::xml_document doc;
    declare(doc);
    auto root = doc.append_child("w:styles");
    set(root, "xmlns:w", kWordNamespace);

    // Defaults: the body's font; Chinese line breaking (kinsoku) on.
    auto defaults = root.append_child("w:docDefaults");
    auto rpr = defaults.append_child("w:rPrDefault").append_child("w:rPr");
    const Style& body = layout_.style("body");
    add_run_props(rpr, body, nullptr);
    auto lang = rpr.append_child("w:lang");
    set(lang, "w:val", "en-US");
    set(lang, "w:eastAsia", "zh-CN");
    auto ppr = defaults.append_child("w:pPrDefault").append_child("w:pPr");
    // No single line of a paragraph alone at a page's top or foot (the PDF
    // keeps two); kinsoku; a quarter em between Chinese and Latin letters or
    // digits, as the PDF sets it (LibreOffice adds it whatever a DOCX says).
    ppr.append_child("w:widowControl");
    set(ppr.append_child("w:kinsoku"), "w:val", "1");
    set(ppr.append_child("w:overflowPunct"), "w:val", "1");
    set(ppr.append_child("w:autoSpaceDE"), "w:val", "1");
    set(ppr.append_child("w:autoSpaceDN"), "w:val", "1");

    auto normal = root.append_child("w:style");
    set(normal, "w:type", "paragraph");
    set(normal, "w:default", "1");
    set(normal, "w:styleId", "Normal");
    set(normal.append_child("w:name"), "w:val", "Normal");
    normal.append_child("w:qFormat");

    auto name_of = [](const std::string& layout_style) {
        for (const auto& b : kBuiltins)
            if (layout_style == b.layout) return std::string(b.name);
        if (const char* n = chinese_name(std::begin(kChineseNames), std::end(kChineseNames), layout_style)) return std::string(n);
        std::string n = layout_style;
        for (auto& c : n)
            if (c == '_') c = ' ';
        return n;
    };
    for (const auto& [name, st] : layout_.styles) {
        auto s = root.append_child("w:style");
        set(s, "w:type", "paragraph");
        set(s, "w:styleId", paragraph_style(name));
        set(s.append_child("w:name"), "w:val", name_of(name));
        const Style* parent = nullptr;
        if (!st.based_on.empty() && layout_.styles.count(st.based_on)) parent = &layout_.style(st.based_on);
        set(s.append_child("w:basedOn"), "w:val", parent ? paragraph_style(st.based_on) : std::string("Normal"));
        set(s.append_child("w:next"), "w:val", name.rfind("heading", 0) == 0 ? "BodyText" : paragraph_style(name));
        s.append_child("w:qFormat");
        // A style based on a heading style is not a heading unless it says so:
        // outline level 9 is Word's "body text".
        int level = own_level(name);
        if (level == 0 && parent && own_level(st.based_on) > 0) level = 10;
        add_paragraph_props(s.append_child("w:pPr"), st, parent, level);
        add_run_props(s.append_child("w:rPr"), st, parent);
    }
    // A style whose paragraphs are headings at more than one level, or only
    // some of them headings (a table cell holding an item's title): one
    // heading style per level, based on it, so that the navigation pane
    // lists exactly the paragraphs the PDF bookmarks.
    for (const auto& [name, levels] : levels_)
        for (int level : levels) {
            if (level == 0 || own_level(name) == level || !layout_.styles.count(name)) continue;
            auto s = root.append_child("w:style");
            set(s, "w:type", "paragraph");
            set(s, "w:styleId", paragraph_style(name, level));
            set(s.append_child("w:name"), "w:val",
                fmt::format("{}（{}标题）", name_of(name), kLevelNames[std::min(level, 9)]));
            set(s.append_child("w:basedOn"), "w:val", paragraph_style(name));
            set(s.append_child("w:next"), "w:val", paragraph_style(name));
            s.append_child("w:qFormat");
            set(s.append_child("w:pPr").append_child("w:outlineLvl"), "w:val", std::to_string(level - 1));
        }
    // Character styles: one per strong role, and the layout styles used inline.
    std::set<std::string> strong_roles;
    for (const auto& [name, st] : layout_.styles)
        if (!st.strong.empty() && st.strong != st.font) strong_roles.insert(st.strong);
    for (const auto& role : strong_roles) {
        auto s = root.append_child("w:style");
        set(s, "w:type", "character");
        set(s, "w:styleId", "Strong" + pascal(role));
        const char* role_name = chinese_name(std::begin(kRoleNames), std::end(kRoleNames), role);
        set(s.append_child("w:name"), "w:val", fmt::format("强调（{}）", role_name ? role_name : role.c_str()));
        s.append_child("w:qFormat");
        auto r = s.append_child("w:rPr");
        add_role_fonts(r, role);
    }
    for (const auto& name : character_styles_) {
        auto s = root.append_child("w:style");
        set(s, "w:type", "character");
        set(s, "w:styleId", pascal(name) + "Char");
        set(s.append_child("w:name"), "w:val", name_of(name) + "（字符）");
        add_run_props(s.append_child("w:rPr"), layout_.style(name), nullptr, true);
    }
    // The table style: the grid and the cell padding of the layout.
    const TableSpec& t = layout_.table;
    auto ts = root.append_child("w:style");
    set(ts, "w:type", "table");
    set(ts, "w:styleId", "BulletinTable");
    set(ts.append_child("w:name"), "w:val", "bulletin table");
    auto tpr = ts.append_child("w:tblPr");
    auto borders = tpr.append_child("w:tblBorders");
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
        bool outer = std::string(side).rfind("inside", 0) != 0;
        auto b = borders.append_child((std::string("w:") + side).c_str());
        set(b, "w:val", "single");
        set(b, "w:sz", std::to_string(std::max(2L, std::lround((outer ? t.outer_rule : t.rule) * 8))));
        set(b, "w:space", "0");
        set(b, "w:color", "000000");
    }
    auto mar = tpr.append_child("w:tblCellMar");
    for (const char* side : {"top", "left", "bottom", "right"}) {
        auto m = mar.append_child((std::string("w:") + side).c_str());
        set(m, "w:w", std::to_string(twips(t.padding)));
        set(m, "w:type", "dxa");
    }
    return serialize(doc);
}

std::string DocxStyles::font_table_xml() const {
    pugi::xml_document doc;
    declare(doc);
    auto root = doc.append_child("w:fonts");
    set(root, "xmlns:w", kWordNamespace);
    // Every name a run may use, the official ones with the Windows family
    // as their alternative.
    std::map<std::string, std::string> fonts;  // name -> w:altName
    for (const auto& [role, f] : fonts_) {
        fonts.emplace(f.east_asia, f.windows != f.east_asia ? f.windows : std::string());
        fonts.emplace(f.windows, std::string());
        fonts.emplace(f.latin, std::string());
    }
    for (const auto& [name, alt] : fonts) {
        if (name.empty()) continue;
        auto font = root.append_child("w:font");
        set(font, "w:name", name);
        const WindowsFont* facts = windows_font(name);
        const std::string alt_name = !alt.empty() ? alt : facts ? facts->alt : "";
        if (!alt_name.empty()) set(font.append_child("w:altName"), "w:val", alt_name);
        if (facts) set(font.append_child("w:panose1"), "w:val", facts->panose);
        const bool cjk = static_cast<unsigned char>(name[0]) >= 0x80;
        set(font.append_child("w:charset"), "w:val", facts ? facts->charset : cjk ? "86" : "00");  // 86 = GB2312
        set(font.append_child("w:family"), "w:val", facts ? facts->family : "auto");
        set(font.append_child("w:pitch"), "w:val", facts ? facts->pitch : "variable");
        if (facts) {
            auto sig = font.append_child("w:sig");
            static const char* const kSigNames[] = {"w:usb0", "w:usb1", "w:usb2", "w:usb3", "w:csb0", "w:csb1"};
            for (int k = 0; k < 6; ++k) set(sig, kSigNames[k], facts->sig[k]);
        }
    }
    return serialize(doc);
}

}  // namespace bulletin
