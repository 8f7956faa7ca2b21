// The few pugixml steps every WordprocessingML part takes: the XML
// declaration Word expects, attributes from std::string, compact output.
#pragma once

#include <string>

#include <pugixml.hpp>

namespace bulletin::xml {

void set(pugi::xml_node node, const char* attribute, const std::string& value);
// <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
void declare(pugi::xml_document& doc);
// No indentation: whitespace between runs would become text in Word.
std::string serialize(const pugi::xml_document& doc);

// The child `name` of a w:pPr, made where the schema wants it among the
// children already there (Word refuses a paragraph whose properties are
// out of order), or the one already there.
pugi::xml_node paragraph_property(pugi::xml_node ppr, const char* name);

}  // namespace bulletin::xml
