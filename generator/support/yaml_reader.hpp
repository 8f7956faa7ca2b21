// Typed, position-keeping reads of YAML mappings, shared by the bulletin
// model and the layout files. Every read that goes wrong adds a diagnostic
// and returns an empty value, so a whole file is checked in one pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "support/yaml_tree.hpp"

#include "support/diagnostics.hpp"
#include "support/key_table.hpp"
#include "support/located.hpp"
#include "support/text_encoding.hpp"

namespace bulletin {

// A parsed YAML file plus what is needed to turn yaml-cpp's byte columns
// into character columns.
class YamlFile {
public:
    // Parses `text`: exactly one document, not made enormous by its aliases.
    // A syntax error, a second document or an alias bomb is added to
    // `diags` and root() is null.
    YamlFile(std::string text, Diagnostics& diags);

    yaml::Node root() const { return tree_.root(); }
    bool parsed() const { return parsed_; }
    SourcePos pos(const YAML::Mark& mark) const;
    SourcePos pos(const yaml::Node& node) const { return pos(node.Mark()); }
    // Text::content for a scalar node (see support/located.hpp).
    SourcePos content_pos(const yaml::Node& node) const;

private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
    yaml::Tree tree_;
    bool parsed_ = false;
};

// Reads a text file the user named (support/input_file.hpp) and decodes it
// (support/text_encoding.hpp); nullopt, with diagnostics, if either fails.
// `hint` is the option that would convert a GB18030 file, if any.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags, std::uint64_t limit,
                                          Encoding encoding = Encoding::kUtf8, std::string_view hint = {});

// Reads the keys of one mapping. Every key asked for becomes "known"; finish()
// reports the keys nobody asked for, with the closest known one suggested.
//
// Given a KeyTable, the mapping's keys are the table's: asking for a key the
// table lacks is a programming error (std::logic_error), the reads take
// required-ness and limits from the table, and a key of the table that was
// given but never read is reported as an internal error, never ignored.
class MapReader {
public:
    // `what` names the mapping in messages ("item", "bulletin", "layout page").
    // `where` is used for "missing key" errors when the node is null.
    MapReader(const yaml::Node& node, SourcePos where, const YamlFile& file, Diagnostics& diags,
              std::string what);
    // The table's name is `what`.
    MapReader(const yaml::Node& node, SourcePos where, const YamlFile& file, Diagnostics& diags,
              const KeyTable& table);
    MapReader(const MapReader&) = delete;
    MapReader& operator=(const MapReader&) = delete;
    ~MapReader();

    bool is_map() const { return is_map_; }
    SourcePos where() const { return where_; }
    const std::string& what() const { return what_; }
    const YamlFile& file() const { return file_; }
    Diagnostics& diags() const { return diags_; }

    // Marks `key` known; returns its value node (undefined if absent).
    yaml::Node node(std::string_view key);
    bool has(std::string_view key);
    SourcePos key_pos(std::string_view key) const;
    SourcePos value_pos(std::string_view key) const;

    // A scalar as text; absent or null gives an empty Text. `required` adds
    // "missing required key" / "empty" errors.
    Text text(std::string_view key, bool required = false);
    // A list of scalars, or a single scalar taken as a list of one.
    std::vector<Text> texts(std::string_view key);
    std::optional<Located<long long>> integer(std::string_view key, long long min, long long max);
    // Table mode: the limits, the choices and the date rule of the key's KeyDef.
    std::optional<Located<long long>> integer(std::string_view key);
    Text choice(std::string_view key);
    Text date(std::string_view key);
    std::optional<Located<double>> number(std::string_view key);
    std::optional<Located<bool>> boolean(std::string_view key);

    // When `key` is given, reports `message` at it instead of "unknown key"
    // (a key that is known elsewhere but wrong here).
    void reject(std::string_view key, std::string_view message);

    // Reports unknown keys. Called by the destructor if not called before.
    void finish();

private:
    struct Entry {
        std::string key;
        yaml::Node key_node;
        yaml::Node value;
        bool used = false;
    };
    const Entry* find(std::string_view key) const;
    Entry* find(std::string_view key);
    // Table mode: the key's definition (throws for a key not in the table).
    const KeyDef* def(std::string_view key) const;

    const YamlFile& file_;
    Diagnostics& diags_;
    std::string what_;
    const KeyTable* table_ = nullptr;
    SourcePos where_;
    bool is_map_ = false;
    bool finished_ = false;
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> index_;  // key -> entries_ (a mapping may have many keys)
    std::vector<std::string> asked_;                      // in order, for did-you-mean
    std::unordered_set<std::string> asked_set_;
};

// Scalar helpers for nodes that are not read through a MapReader (list
// elements): an error is reported when the node is not a scalar.
Text scalar_text(const yaml::Node& node, SourcePos fallback, const YamlFile& file, Diagnostics& diags,
                 std::string_view what);

// Words the program repeats on every item or every page (labels, column
// headers, formats, the column's name) are kept short, so that no file can
// multiply its size by the number of items or pages.
inline constexpr std::size_t kMaxLabelChars = 100;
// Reports a text longer than that; false if it is.
bool check_label(const Text& t, std::string_view what, Diagnostics& diags);

// A short description of the node's kind for "expected X, got Y" messages.
std::string_view node_kind(const yaml::Node& node);

}  // namespace bulletin
