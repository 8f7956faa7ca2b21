// The few pugixml steps every XML part of a package takes (DOCX, OFD): the
// XML declaration, attributes from std::string, compact output.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace bulletin::xml {

void set(pugi::xml_node node, const char* attribute, const std::string& value);
// <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
void declare(pugi::xml_document& doc);
// No indentation: whitespace between runs would become text in Word, and
// in an OFD's TextCode.
std::string serialize(const pugi::xml_document& doc);
// Text for XML written by hand (XMP, fontconfig): & < > escaped.
std::string escaped(std::string_view text);

}  // namespace bulletin::xml
