// What Word writes into fontTable.xml for the fonts a Chinese office has —
// the Windows families (宋体, 黑体, 仿宋, 楷体, 微软雅黑, Times New Roman,
// Arial) and the official ones (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体): PANOSE
// class, character set, family, pitch and Unicode/code-page signature, so
// that Word and WPS pick a close face when one is missing. Values as Word 16
// on Windows 10/11 writes them (several files of Word's agree; the sig of a
// font follows its installed version, and Word rewrites it on saving).
#pragma once

#include <string_view>

namespace bulletin {

struct WindowsFont {
    const char* name;
    const char* alt;      // the name Word writes as w:altName ("SimSun"), or ""
    const char* panose;   // ten bytes, hex
    const char* charset;  // "86" GB2312, "00" ANSI
    const char* family;   // auto | roman | swiss | modern
    const char* pitch;    // variable | fixed
    const char* sig[6];   // usb0 usb1 usb2 usb3 csb0 csb1
};

// Null for a font not in the table (a layout's own choice).
const WindowsFont* windows_font(std::string_view name);

}  // namespace bulletin
