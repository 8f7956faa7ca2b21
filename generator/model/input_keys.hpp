// Every key of a bulletin file (../shared/spec/bulletin-yaml.md) as a table
// (support/key_table.hpp): the loader reads each mapping through its table
// (model/load.cpp), and `bulletin schema` prints the tables as JSON Schema
// (model/json_schema.hpp). A key is added here, then read in load.cpp.
#pragma once

#include <string>
#include <vector>

#include "support/key_table.hpp"

namespace bulletin::input_keys {

extern const KeyTable kFile;         // the top level
extern const KeyTable kMeta;         // bulletin:
extern const KeyTable kColumn;       // bulletin.column
extern const KeyTable kByline;       // bulletin.byline
extern const KeyTable kLabels;       // bulletin.labels
extern const KeyTable kGroup;        // an entry of groups:
extern const KeyTable kItem;         // an entry of items:
extern const KeyTable kRelatedItem;  // an entry of an item's related: (no related of its own)
extern const KeyTable kLeader;       // {name, position} in leaders:
extern const KeyTable kImage;        // {file, caption} in images:
extern const KeyTable kSection;      // an entry of sections:

}  // namespace bulletin::input_keys
