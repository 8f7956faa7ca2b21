#include "typeset/font_set.hpp"

#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <fontconfig/fontconfig.h>

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

bool pattern_has(FcPattern* p, const char* object, const std::string& want) {
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(p, object, i, &value) == FcResultMatch; ++i)
        if (FcStrCmpIgnoreCase(value, reinterpret_cast<const FcChar8*>(want.c_str())) == 0) return true;
    return false;
}

}  // namespace

FontSet::~FontSet() {
    faces_.clear();
    if (config_) FcConfigDestroy(static_cast<FcConfig*>(config_));
}

// Matches one family (and style) exactly; nullptr when fontconfig would
// only offer a substitute.
static FcPattern* match_exactly(FcConfig* config, const std::string& family, const std::string& style) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    if (!style.empty()) FcPatternAddString(pat, FC_STYLE, reinterpret_cast<const FcChar8*>(style.c_str()));
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pat, &result);
    FcPatternDestroy(pat);
    if (match && pattern_has(match, FC_FAMILY, family) && (style.empty() || pattern_has(match, FC_STYLE, style)))
        return match;
    if (match) FcPatternDestroy(match);
    return nullptr;
}

const FontFace* FontSet::resolve(const std::vector<std::string>& candidates, std::string* chosen) {
    auto* config = static_cast<FcConfig*>(config_);
    for (const auto& candidate : candidates) {
        std::string family, style;
        split_candidate(candidate, family, style);
        // Without a style, prefer the regular face: some families give every
        // weight the same weight value and fontconfig then picks any.
        FcPattern* match = style.empty() ? match_exactly(config, family, "Regular") : nullptr;
        if (!match) match = match_exactly(config, family, style);
        if (!match) continue;
        FcChar8* file = nullptr;
        FcChar8* fc_style = nullptr;
        int index = 0;
        FcPatternGetString(match, FC_FILE, 0, &file);
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        FcPatternGetString(match, FC_STYLE, 0, &fc_style);
        std::string path = file ? reinterpret_cast<const char*>(file) : "";
        std::string style_name = fc_style ? reinterpret_cast<const char*>(fc_style) : "";
        FcPatternDestroy(match);
        if (path.empty()) continue;
        if (chosen) *chosen = candidate;
        for (const auto& f : faces_)
            if (f->path() == path && f->index() == static_cast<unsigned>(index)) return f.get();
        try {
            faces_.push_back(std::make_unique<FontFace>(path, static_cast<unsigned>(index), family, style_name));
            return faces_.back().get();
        } catch (const std::exception&) {
            continue;  // unreadable file: try the next candidate
        }
    }
    return nullptr;
}

std::unique_ptr<FontSet> FontSet::load(const std::string& manifest_path, Diagnostics& diags) {
    auto text = read_text_file(manifest_path, diags);
    if (!text) return nullptr;
    YamlFile file(*text, diags);
    if (!file.parsed()) return nullptr;

    std::unique_ptr<FontSet> set(new FontSet());
    FcConfig* config = FcInitLoadConfigAndFonts();
    set->config_ = config;

    MapReader top(file.root(), {1, 1}, file, diags, "font manifest");
    for (const Text& dir : top.texts("directories")) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir.value, ec))
            FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.value.c_str()));
    }
    YAML::Node roles = top.node("roles");
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
    }
    for (const FontFace* f : fallback_) line("fallback", "", f, {});
}

}  // namespace bulletin
