// What WordprocessingML asks of its XML beyond support/xml_out: paragraph
// properties in the schema's order.
#pragma once

#include "support/xml_out.hpp"

namespace bulletin::xml {

// The child `name` of a w:pPr, made where the schema wants it among the
// children already there (Word refuses a paragraph whose properties are
// out of order), or the one already there.
pugi::xml_node paragraph_property(pugi::xml_node ppr, const char* name);

}  // namespace bulletin::xml
