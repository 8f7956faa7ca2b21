// The fonts of one render: the manifest's roles resolved through
// fontconfig to loaded faces, plus the per-character fallback chain.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"
#include "typeset/font_face.hpp"

namespace bulletin {

// What an office's Word or WPS gets for a role (the manifest's `office`):
// never a family only Linux has.
struct OfficeFonts {
    std::string cjk;      // the official font: 仿宋_GB2312
    std::string windows;  // what every Chinese Windows has instead: 仿宋
    std::string latin;    // Times New Roman
    bool bold = false;
};

struct FontRole {
    std::string name;
    const FontFace* cjk = nullptr;    // Chinese text, full-width punctuation
    const FontFace* latin = nullptr;  // Latin letters, digits, ASCII punctuation (may be null)
    std::vector<std::string> cjk_candidates, latin_candidates;  // as listed in the manifest
    OfficeFonts office;
};

// Latin letters, digits and ASCII punctuation: set in the role's Latin face.
bool is_latin_char(char32_t c);

class FontSet {
public:
    // Reads the manifest (fonts/fonts.yaml) and resolves every role; a role
    // none of whose CJK families is installed is reported in `diags`.
    static std::unique_ptr<FontSet> load(const std::string& manifest_path, Diagnostics& diags);
    ~FontSet();

    const FontRole* role(const std::string& name) const;
    // The face that sets `c` in `role`: Latin characters from the Latin
    // face, the rest from the CJK face, else the first fallback that has it.
    // nullptr when no configured font has the character.
    const FontFace* face_for(const FontRole& role, char32_t c) const;
    // The face the pages set `c` in: face_for(), except that a quotation
    // mark (“ ” ‘ ’) the role's face draws narrow (a proportional mark in
    // a 楷体 substitute) comes from the first fallback that draws it full
    // width, as Chinese text wants it (GB/T 15834). The measure is the
    // glyph's advance, so it holds for whatever font is installed.
    const FontFace* text_face(const FontRole& role, char32_t c) const;
    const std::vector<const FontFace*>& fallback() const { return fallback_; }
    std::vector<std::string> role_names() const;

    // What each role resolved to (family, style, file, face index), for `bulletin fonts`.
    void describe(std::ostream& out) const;
    // A fontconfig file that makes the roles' office names (仿宋_GB2312, 仿宋,
    // FangSong …) resolve to the faces the PDF uses, weight included, so
    // that LibreOffice on this machine sets a DOCX as the PDF is set. It
    // includes the system's configuration.
    void write_fontconfig(std::ostream& out) const;

private:
    struct Installed;
    FontSet() = default;
    void list_installed(const std::vector<std::string>& extra_dirs);
    const FontFace* resolve(const std::vector<std::string>& candidates, std::string* chosen);

    std::vector<Installed> installed_;
    std::vector<std::unique_ptr<FontFace>> faces_;
    std::vector<FontRole> roles_;
    std::vector<const FontFace*> fallback_;
    std::vector<std::string> fallback_candidates_;
    std::vector<std::string> directories_;  // the manifest's extra font folders
};

}  // namespace bulletin
