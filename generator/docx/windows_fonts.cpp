#include "docx/windows_fonts.hpp"

namespace bulletin {

namespace {

// Sources: fontTable.xml parts saved by Word 16 in public templates (宋体,
// 黑体, 仿宋, 楷体, 微软雅黑, Times New Roman, Arial: five or more files agree);
// the _GB2312 faces and 方正小标宋简体 from Word's HTML export of documents
// that use them (mso-font-signature), fewer sources.
constexpr WindowsFont kFonts[] = {
    {"宋体", "SimSun", "02010600030101010101", "86", "auto", "variable",
     {"00000203", "288F0000", "00000016", "00000000", "00040001", "00000000"}},
    {"黑体", "SimHei", "02010609060101010101", "86", "modern", "fixed",
     {"800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"}},
    {"仿宋", "FangSong", "02010609060101010101", "86", "modern", "fixed",
     {"800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"}},
    {"楷体", "KaiTi", "02010609060101010101", "86", "modern", "fixed",
     {"800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"}},
    {"微软雅黑", "Microsoft YaHei", "020B0503020204020204", "86", "swiss", "variable",
     {"80000287", "2ACF3C50", "00000016", "00000000", "0004001F", "00000000"}},
    {"仿宋_GB2312", "", "02010609030101010101", "86", "modern", "fixed",
     {"00000001", "080E0000", "00000010", "00000000", "00040000", "00000000"}},
    {"楷体_GB2312", "", "02010609030101010101", "86", "modern", "fixed",
     {"00000001", "080E0000", "00000010", "00000000", "00040000", "00000000"}},
    {"方正小标宋简体", "", "03000509000000000000", "86", "auto", "variable",
     {"00000001", "080E0000", "00000000", "00000000", "00040000", "00000000"}},
    {"华文中宋", "STZhongsong", "02010600040101010101", "86", "auto", "variable",
     {"00000287", "080F0000", "00000010", "00000000", "0004009F", "00000000"}},
    {"Times New Roman", "", "02020603050405020304", "00", "roman", "variable",
     {"E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"}},
    {"Arial", "", "020B0604020202020204", "00", "swiss", "variable",
     {"E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"}},
};

}  // namespace

const WindowsFont* windows_font(std::string_view name) {
    for (const auto& f : kFonts)
        if (name == f.name) return &f;
    return nullptr;
}

}  // namespace bulletin
