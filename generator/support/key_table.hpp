// The keys a YAML mapping may have — name, shape, limits, a sentence for
// people — as constant tables. A MapReader given a table accepts exactly its
// keys and takes each key's limits from it (support/yaml_reader.hpp); the
// JSON Schema of the input is printed from the same tables
// (model/json_schema.hpp). So what the loader accepts and what an editor is
// told cannot drift apart.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace bulletin {

struct KeyTable;

enum class KeyShape {
    kText,     // one scalar (a line, or a | block of paragraphs)
    kInteger,  // a whole number in [min, max]
    kDate,     // YYYY-MM-DD, a real date
    kChoice,   // one of `choices`
    kTexts,    // a list of scalars, or one scalar
    kMapping,  // a mapping of `table`'s keys
    kList,     // a list of mappings of `table`'s keys
};

struct KeyDef {
    std::string_view name{};
    KeyShape shape = KeyShape::kText;
    std::string_view doc{};  // what the key holds, for editors and `bulletin schema`
    bool required = false;    // must be given, and not blank
    bool not_blank = false;   // kText: when given, not blank
    std::size_t max_chars = 0;  // kText: at most this many characters (0: no limit)
    long long min = 0, max = 0;                   // kInteger
    std::span<const std::string_view> choices{};  // kChoice
    const KeyTable* table = nullptr;              // kMapping, kList
    // kMapping: a plain text instead of the mapping (column: 政协之窗).
    // kList: the list, and each entry, may also be plain text (leaders: 吴传档).
    bool also_text = false;
    bool also_single = false;  // kList: one mapping instead of a list (images)
    bool non_empty = false;    // kList: an empty list is an error
    // Values an editor offers, where any text is allowed (layout: official).
    std::span<const std::string_view> suggestions{};
};

struct KeyTable {
    std::string_view name{};  // in messages ("item", "related item"); the schema's definition names
    std::string_view doc{};
    std::span<const KeyDef> keys{};
    // At most one of these keys may be given (groups, items).
    std::span<const std::string_view> exclusive{};
    // At least one of these keys must be given (groups, items, sections).
    std::span<const std::string_view> one_needed{};

    const KeyDef* find(std::string_view key) const {
        for (const KeyDef& k : keys)
            if (k.name == key) return &k;
        return nullptr;
    }
};

}  // namespace bulletin
