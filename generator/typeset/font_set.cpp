#include "typeset/font_set.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <tuple>

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>

#include "support/input_file.hpp"
#include "support/xml_out.hpp"
#include "support/yaml_reader.hpp"

namespace bulletin {

bool is_latin_char(char32_t c) {
    if (c >= 0x20 && c <= 0x7E) return true;
    // Latin-1 and Latin Extended letters; · × ÷ stay with the CJK face.
    return c >= 0xA0 && c <= 0x24F && c != 0xB7 && c != 0xD7 && c != 0xF7;
}

namespace {

// "Family:style=Bold" -> family, style.
void split_candidate(const std::string& candidate, std::string& family, std::string& style) {
    auto colon = candidate.find(':');
    family = candidate.substr(0, colon);
    style.clear();
    if (colon == std::string::npos) return;
    std::string rest = candidate.substr(colon + 1);
    if (rest.rfind("style=", 0) == 0) style = rest.substr(6);
}

}  // namespace

// Every installed face, listed once from fontconfig's cache: matching the
// manifest's names against this list is exact (no substitution rules) and
// much cheaper than asking fontconfig to match each candidate.
struct FontSet::Installed {
    std::string file;
    int index = 0;
    std::vector<std::string> families;  // all names, localised ones included
    std::vector<std::string> styles;
};

FontSet::~FontSet() { faces_.clear(); }

static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

static std::vector<std::string> strings(FcPattern* p, const char* object) {
    std::vector<std::string> out;
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(p, object, i, &value) == FcResultMatch; ++i)
        out.push_back(reinterpret_cast<const char*>(value));
    return out;
}

void FontSet::list_installed(const std::vector<std::string>& extra_dirs) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    for (const auto& dir : extra_dirs) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec))
            FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str()));
    }
    FcPattern* all = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, nullptr);
    FcFontSet* list = FcFontList(config, all, objects);
    for (int i = 0; list && i < list->nfont; ++i) {
        FcPattern* p = list->fonts[i];
        Installed f;
        auto files = strings(p, FC_FILE);
        if (files.empty()) continue;
        f.file = files.front();
        FcPatternGetInteger(p, FC_INDEX, 0, &f.index);
        for (auto& name : strings(p, FC_FAMILY)) f.families.push_back(lower(name));
        for (auto& name : strings(p, FC_STYLE)) f.styles.push_back(lower(name));
        installed_.push_back(std::move(f));
    }
    // Sorted, so that which of two equal candidates wins does not depend on
    // the order of fontconfig's cache.
    std::sort(installed_.begin(), installed_.end(),
              [](const Installed& a, const Installed& b) { return std::tie(a.file, a.index) < std::tie(b.file, b.index); });
    if (list) FcFontSetDestroy(list);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(all);
    FcConfigDestroy(config);
}

const FontFace* FontSet::resolve(const std::vector<std::string>& candidates, std::string* chosen) {
    static const std::vector<std::string> regular = {"regular", "book", "normal", "roman", "medium"};
    for (const auto& candidate : candidates) {
        std::string name, style;
        split_candidate(candidate, name, style);
        std::string family = lower(name);
        style = lower(style);
        const Installed* best = nullptr;
        int best_rank = 1000;
        for (const auto& f : installed_) {
            if (std::find(f.families.begin(), f.families.end(), family) == f.families.end()) continue;
            int rank = 999;
            if (!style.empty()) {
                if (std::find(f.styles.begin(), f.styles.end(), style) != f.styles.end()) rank = 0;
                else continue;
            } else {
                // Without a style, prefer the regular face.
                for (std::size_t r = 0; r < regular.size(); ++r)
                    if (std::find(f.styles.begin(), f.styles.end(), regular[r]) != f.styles.end())
                        rank = std::min(rank, static_cast<int>(r));
            }
            if (rank < best_rank) {
                best_rank = rank;
                best = &f;
            }
        }
        if (!best) continue;
        if (chosen) *chosen = candidate;
        for (const auto& face : faces_)
            if (face->path() == best->file && face->index() == static_cast<unsigned>(best->index)) return face.get();
        try {
            std::string shown_style = best->styles.empty() ? "" : best->styles.front();
            if (!shown_style.empty()) shown_style[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(shown_style[0])));
            faces_.push_back(std::make_unique<FontFace>(best->file, static_cast<unsigned>(best->index), name, shown_style));
            return faces_.back().get();
        } catch (const std::exception&) {
            continue;  // unreadable file: try the next candidate
        }
    }
    return nullptr;
}

// `office: {cjk: 仿宋_GB2312, windows: 仿宋, latin: Times New Roman, bold: false}`
static void read_office(MapReader& role, FontRole& out, Diagnostics& diags) {
    if (!role.has("office")) {
        diags.error(role.where(), fmt::format("{} needs 'office': {{cjk, windows, latin}}, the fonts a DOCX names "
                                              "for Word and WPS",
                                              role.what()));
        return;
    }
    MapReader o(role.node("office"), role.value_pos("office"), role.file(), diags, "office fonts of " + role.what());
    if (!o.is_map()) return;
    out.office.cjk = o.text("cjk", true).value;
    out.office.windows = o.text("windows", true).value;
    out.office.latin = o.text("latin", true).value;
    if (auto b = o.boolean("bold")) out.office.bold = b->value;
    o.finish();
}

std::unique_ptr<FontSet> FontSet::load(const std::string& manifest_path, Diagnostics& diags) {
    auto text = read_text_file(manifest_path, diags, kMaxSettingsBytes);
    if (!text) return nullptr;
    YamlFile file(*text, diags);
    if (!file.parsed()) return nullptr;

    std::unique_ptr<FontSet> set(new FontSet());
    MapReader top(file.root(), {1, 1}, file, diags, "font manifest");
    std::vector<std::string> dirs;
    for (const Text& dir : top.texts("directories")) dirs.push_back(dir.value);
    set->list_installed(dirs);
    set->directories_ = dirs;
    yaml::Node roles = top.node("roles");
    if (!roles.IsMap()) {
        diags.error(top.where(), "the font manifest needs 'roles': a mapping of role names to font families");
        return nullptr;
    }
    MapReader roles_reader(roles, top.value_pos("roles"), file, diags, "roles");
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        std::string name = it->first.Scalar();
        roles_reader.node(name);
        MapReader r(it->second, file.pos(it->first), file, diags, fmt::format("role '{}'", name));
        FontRole role;
        role.name = name;
        for (const Text& t : r.texts("cjk")) role.cjk_candidates.push_back(t.value);
        for (const Text& t : r.texts("latin")) role.latin_candidates.push_back(t.value);
        read_office(r, role, diags);
        r.finish();
        role.cjk = set->resolve(role.cjk_candidates, nullptr);
        role.latin = set->resolve(role.latin_candidates, nullptr);
        if (!role.cjk)
            diags.error(file.pos(it->first),
                        fmt::format("no font found for role '{}': none of {} is installed (scripts/setup.sh "
                                    "installs the free ones)",
                                    name, fmt::join(role.cjk_candidates, ", ")));
        set->roles_.push_back(std::move(role));
    }
    for (const Text& t : top.texts("fallback")) {
        set->fallback_candidates_.push_back(t.value);
        if (const FontFace* f = set->resolve({t.value}, nullptr)) set->fallback_.push_back(f);
    }
    top.finish();
    if (!diags.ok()) return nullptr;
    return set;
}

const FontRole* FontSet::role(const std::string& name) const {
    for (const auto& r : roles_)
        if (r.name == name) return &r;
    return nullptr;
}

std::vector<std::string> FontSet::role_names() const {
    std::vector<std::string> out;
    for (const auto& r : roles_) out.push_back(r.name);
    return out;
}

const FontFace* FontSet::face_for(const FontRole& role, char32_t c) const {
    if (is_latin_char(c) && role.latin && role.latin->has_glyph(c)) return role.latin;
    if (role.cjk && role.cjk->has_glyph(c)) return role.cjk;
    if (role.latin && role.latin->has_glyph(c)) return role.latin;
    for (const FontFace* f : fallback_)
        if (f->has_glyph(c)) return f;
    return nullptr;
}

const FontFace* FontSet::text_face(const FontRole& role, char32_t c) const {
    const FontFace* face = face_for(role, c);
    const bool quote = c == U'\u201C' || c == U'\u201D' || c == U'\u2018' || c == U'\u2019';
    auto full_width = [c](const FontFace& f) { return f.advance(f.nominal_glyph(c)) >= 0.9; };
    if (!face || !quote || full_width(*face)) return face;
    for (const FontFace* f : fallback_)
        if (f->has_glyph(c) && full_width(*f)) return f;
    return face;
}

void FontSet::write_fontconfig(std::ostream& out) const {
    out << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
           "<!-- From bulletin's font manifest: the office names of each font role set in the face the\n"
           "     PDF uses (made by `bulletin fonts` and its fontconfig option). -->\n<fontconfig>\n";
    for (const auto& dir : directories_) out << "  <dir>" << xml::escaped(dir) << "</dir>\n";
    // An official name is its role's; a Windows family or its English name
    // belongs to the first role that falls back to it.
    std::vector<std::pair<std::string, const FontRole*>> names;
    auto add = [&](const std::string& name, const FontRole& role) {
        if (name.empty() || !role.cjk) return;
        for (const auto& [known, r] : names)
            if (known == name) return;
        names.emplace_back(name, &role);
    };
    for (const auto& r : roles_) add(r.office.cjk, r);
    static const std::pair<const char*, const char*> kEnglish[] = {
        {"宋体", "SimSun"}, {"黑体", "SimHei"}, {"仿宋", "FangSong"}, {"楷体", "KaiTi"}, {"微软雅黑", "Microsoft YaHei"}};
    for (const auto& r : roles_) add(r.office.windows, r);
    // The English names Word also writes (SimSun …) as their Chinese ones.
    for (const auto& [chinese, english] : kEnglish)
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i].first == chinese) {
                add(english, *names[i].second);
                break;
            }
    for (const auto& [name, role] : names) {
        const FontFace& face = *role->cjk;
        out << "  <match target=\"pattern\">\n    <test name=\"family\"><string>" << xml::escaped(name)
            << "</string></test>\n    <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>"
            << xml::escaped(face.family()) << "</string></edit>\n";
        // The face itself, where it is not the family's regular one (Bold for
        // 黑体, Light for LXGW WenKai): a DOCX's bold (w:b) still picks Bold.
        const std::string style = lower(face.style());
        if (!style.empty() && style != "regular")
            out << "    <edit name=\"style\" mode=\"assign\" binding=\"strong\"><string>" << xml::escaped(face.style())
                << "</string></edit>\n";
        out << "  </match>\n";
    }
    out << "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n</fontconfig>\n";
}

void FontSet::describe(std::ostream& out) const {
    auto line = [&](const std::string& role, const char* part, const FontFace* f,
                    const std::vector<std::string>& candidates) {
        if (!f) {
            out << fmt::format("{:<14} {:<6} (none of: {})\n", role, part, fmt::join(candidates, ", "));
            return;
        }
        bool substitute = !candidates.empty() && candidates.front().rfind(f->family(), 0) != 0;
        out << fmt::format("{:<14} {:<6} {} {}  {}{}{}\n", role, part, f->family(), f->style(), f->path(),
                           f->index() ? fmt::format(" (face {})", f->index()) : "",
                           substitute ? fmt::format("  [substitute for {}]", candidates.front()) : "");
    };
    for (const auto& r : roles_) {
        line(r.name, "cjk", r.cjk, r.cjk_candidates);
        line(r.name, "latin", r.latin, r.latin_candidates);
        out << fmt::format("{:<14} {:<6} {} (else {}) + {}{}\n", r.name, "docx", r.office.cjk, r.office.windows,
                           r.office.latin, r.office.bold ? ", bold" : "");
    }
    for (const FontFace* f : fallback_) line("fallback", "", f, {});
}

}  // namespace bulletin
